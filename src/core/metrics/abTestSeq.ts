import { ExcelError, ExcelResult, divZero, isExcelError, numError } from "../excelError";
import { confidenceSequence } from "../stats/confidenceSequence";
import { relativeLiftMoments } from "../stats/gaussianEffect";
import { readConversionArgs } from "./abTestArgs";
import { coerceNumber } from "./coerce";

/** Column headers of the spilled ABTEST_SEQ table; the first column holds the row labels. */
export const AB_TEST_SEQ_HEADERS = ["", "Estimate", "CS low", "CS high", "Always-valid p", "Fixed-sample p"] as const;
export const AB_TEST_SEQ_ROWS = ["Absolute difference", "Relative lift"] as const;

export type SeqCell = number | string | ExcelError;

/**
 * Sequential A/B test, valid however often you look: for the absolute difference p̂v − p̂c (se √(p̂c(1−p̂c)/nc +
 * p̂v(1−p̂v)/nv)) and the relative lift p̂v/p̂c − 1 (delta-method se, as gbstats), the estimate, the two-sided
 * asymptotic confidence sequence at 1 − alpha with tuning N* = tuning_n total visitors, the always-valid p-value
 * (mixture SPRT) and the fixed-sample Wald p-value on the same scale (stats/confidenceSequence.ts; gbstats
 * frequentist/tests.py SequentialTwoSidedTTest). n is nc + nv, as in gbstats.
 * Per row: no variance (both rates 0 or 1) → #DIV/0! after the estimate; relative row with control rate 0 → #DIV/0!.
 * Errors for the whole table: as ABTEST_SIG for the counts; alpha outside (0, 1) or tuning_n ≤ 0 → #NUM!.
 * @example abTestSeq(3000, 1396, 3461, 2422) // relative: 0.50386, [0.40098, 0.60675] (gbstats test_tests.py)
 */
export function abTestSeq(
  controlVisitors: unknown,
  controlConversions: unknown,
  variantVisitors: unknown,
  variantConversions: unknown,
  alpha?: unknown,
  tuningN?: unknown,
): ExcelResult<SeqCell[][]> {
  const a = coerceNumber(alpha, 0.05, "alpha");
  const tuning = coerceNumber(tuningN, 5000, "tuning_n");
  const args = readConversionArgs(controlVisitors, controlConversions, variantVisitors, variantConversions, null);
  if (isExcelError(args) && args.error === "#VALUE!") return args;
  if (isExcelError(a)) return a;
  if (isExcelError(tuning)) return tuning;
  if (isExcelError(args)) return args;
  if (!(a > 0 && a < 1)) return numError("alpha must be between 0 and 1");
  if (!(tuning > 0 && Number.isFinite(tuning))) return numError("tuning_n must be greater than 0");
  const { controlVisitors: nc, controlConversions: xc, variantVisitors: nv, variantConversions: xv } = args;
  const pc = xc / nc;
  const pv = xv / nv;
  const n = nc + nv;
  const absoluteSe = Math.sqrt((pc * (1 - pc)) / nc + (pv * (1 - pv)) / nv);
  const absolute = row(AB_TEST_SEQ_ROWS[0], pv - pc, absoluteSe, n, a, tuning);
  if (pc === 0) {
    const e = divZero("control rate is 0");
    return [[...AB_TEST_SEQ_HEADERS], absolute, [AB_TEST_SEQ_ROWS[1], e, e, e, e, e]];
  }
  const rel = relativeLiftMoments(nc, xc, nv, xv);
  return [[...AB_TEST_SEQ_HEADERS], absolute, row(AB_TEST_SEQ_ROWS[1], rel.mean, rel.se, n, a, tuning)];
}

function row(label: string, estimate: number, se: number, n: number, alpha: number, tuning: number): SeqCell[] {
  if (!Number.isFinite(estimate)) {
    const e = numError("the estimate is out of range");
    return [label, e, e, e, e, e];
  }
  if (!(se > 0)) {
    const e = divZero("no variance in either group");
    return [label, estimate, e, e, e, e];
  }
  const cs = confidenceSequence(estimate, se, n, alpha, tuning);
  const cells = [cs.estimate, cs.low, cs.high, cs.pValue, cs.fixedPValue];
  return [label, ...cells.map((v) => (Number.isFinite(v) ? v : numError("a result is out of range")))];
}
