import { ExcelError, ExcelResult, divZero, isExcelError, numError } from "../excelError";
import { differenceInterval } from "../stats/differenceInterval";
import { twoProportionZTest } from "../stats/twoProportionZ";
import { coerceNumber } from "./coerce";
import { readConversionArgs } from "./abTestArgs";

export interface AbTestSummary {
  controlRate: number;
  variantRate: number;
  /** variant rate − control rate. */
  absoluteLift: number;
  /** variant rate / control rate − 1; #DIV/0! when the control rate is 0. */
  relativeLift: ExcelResult<number>;
  /** Unpooled Wald interval of the difference at the confidence level. */
  ciLow: number;
  ciHigh: number;
  z: number;
  /** p-value for the chosen tails. */
  pValue: number;
  /** p < 1 − confidence. */
  significant: boolean;
}

/** Column headers of the spilled ABTEST_SUMMARY table, in the order of {@link abTestSummaryRow}. */
export const AB_TEST_SUMMARY_HEADERS = [
  "Control rate",
  "Variant rate",
  "Absolute lift",
  "Relative lift",
  "CI low",
  "CI high",
  "z",
  "p-value",
  "Significant",
] as const;

/**
 * A/B summary: rates, lifts, unpooled Wald CI of the difference, pooled z, p-value and the significance verdict.
 * Errors: as abTestSig; confidence (default 0.95) outside (0, 1) → #NUM!. Any non-finite figure → #NUM!.
 * @example abTestSummary(1000, 100, 1000, 120) // { absoluteLift: 0.02, z ≈ 1.4293, pValue ≈ 0.152918, … }
 */
export function abTestSummary(
  controlVisitors: unknown,
  controlConversions: unknown,
  variantVisitors: unknown,
  variantConversions: unknown,
  tails?: unknown,
  confidence?: unknown,
): ExcelResult<AbTestSummary> {
  const conf = coerceNumber(confidence, 0.95, "confidence");
  const args = readConversionArgs(controlVisitors, controlConversions, variantVisitors, variantConversions, tails);
  // #VALUE! from any argument wins over #NUM! from any other.
  if (isExcelError(args) && args.error === "#VALUE!") return args;
  if (isExcelError(conf)) return conf;
  if (isExcelError(args)) return args;
  if (!(conf > 0 && conf < 1)) return numError("confidence must be between 0 and 1");
  const c = args;
  const test = twoProportionZTest(c.controlVisitors, c.controlConversions, c.variantVisitors, c.variantConversions);
  const ci = differenceInterval(c.controlVisitors, c.controlConversions, c.variantVisitors, c.variantConversions, conf);
  const pValue = args.tails === 2 ? test.pTwoSided : test.pOneSided;
  const summary: AbTestSummary = {
    controlRate: test.controlRate,
    variantRate: test.variantRate,
    absoluteLift: ci.difference,
    relativeLift: test.controlRate === 0 ? divZero("control rate is 0") : test.variantRate / test.controlRate - 1,
    ciLow: ci.ciLow,
    ciHigh: ci.ciHigh,
    z: test.z,
    pValue,
    significant: pValue < 1 - conf,
  };
  const numbers = [
    summary.controlRate,
    summary.variantRate,
    summary.absoluteLift,
    summary.ciLow,
    summary.ciHigh,
    summary.z,
    summary.pValue,
  ];
  if (!numbers.every(Number.isFinite)) return numError("a result is out of range");
  if (typeof summary.relativeLift === "number" && !Number.isFinite(summary.relativeLift)) {
    summary.relativeLift = numError("relative lift is out of range");
  }
  return summary;
}

/** The values row of the spilled table, in header order. */
export function abTestSummaryRow(s: AbTestSummary): (number | boolean | ExcelError)[] {
  return [
    s.controlRate,
    s.variantRate,
    s.absoluteLift,
    s.relativeLift,
    s.ciLow,
    s.ciHigh,
    s.z,
    s.pValue,
    s.significant,
  ];
}
