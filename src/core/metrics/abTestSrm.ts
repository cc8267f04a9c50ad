import { ExcelResult, finiteOrNum, isExcelError, numError } from "../excelError";
import { sampleRatioMismatch } from "../stats/chiSquare";
import { allFinite, coerceNumbers } from "./coerce";

/**
 * Sample-ratio mismatch: p-value of the chi-square goodness-of-fit test (1 df) of the observed control/variant
 * split against the expected control share (default 0.5). A tiny p (< 0.001) means the traffic split is broken.
 * Errors: share outside (0, 1), negative counts, total 0 → #NUM!.
 * @example abTestSrm(5000, 5200) // ≈ 0.0476704
 */
export function abTestSrm(
  controlVisitors: unknown,
  variantVisitors: unknown,
  expectedControlShare?: unknown,
): ExcelResult<number> {
  const args = coerceNumbers([
    [controlVisitors, 0, "control_visitors"],
    [variantVisitors, 0, "variant_visitors"],
    [expectedControlShare, 0.5, "expected_control_share"],
  ]);
  if (isExcelError(args)) return args;
  const [c, v, share] = args;
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (!(share > 0 && share < 1)) return numError("expected_control_share must be between 0 and 1");
  if (c < 0 || v < 0) return numError("visitor counts must not be negative");
  if (c + v === 0) return numError("there are no visitors");
  return finiteOrNum(sampleRatioMismatch(c, v, share).pValue);
}
