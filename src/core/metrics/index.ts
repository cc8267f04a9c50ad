// The GROWTH function library as pure functions: cell values in, a number / record or an Excel error value out.
export { ltvCac } from "./ltvCac";
export { ltv } from "./ltv";
export { cac } from "./cac";
export { cacPayback } from "./cacPayback";
export { roi, parseRoiBasis, type RoiBasis } from "./roi";
export { retention } from "./retention";
export { crr } from "./crr";
export { abTestSig } from "./abTestSig";
export { abTestSummary, abTestSummaryRow, AB_TEST_SUMMARY_HEADERS, type AbTestSummary } from "./abTestSummary";
export { abTestSampleSize } from "./abTestSampleSize";
export { abTestPower } from "./abTestPower";
export { abTestMde } from "./abTestMde";
export { abTestSrm } from "./abTestSrm";
export { abTestTTest } from "./abTestTTest";
export { cohortRetention, type CohortCell } from "./cohortRetention";
export { coerceNumber, parseNumericText, type CellInput } from "./coerce";
