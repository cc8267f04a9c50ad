import { ExcelResult, finiteOrNum, isExcelError } from "../excelError";
import { normalTwoSided, normalUpperTail } from "../stats/normal";
import { twoProportionZ } from "../stats/twoProportionZ";
import { readConversionArgs } from "./abTestArgs";

/**
 * A/B significance: p-value of the pooled two-proportion z-test (no continuity correction).
 * tails = 2 (default): P(|Z| ≥ |z|); tails = 1: P(Z ≥ z), H1 "variant converts better".
 * Errors: visitors ≤ 0, conversions < 0, conversions > visitors, tails not 1 or 2 → #NUM!.
 * @example abTestSig(1000, 100, 1000, 120) // ≈ 0.152918
 */
export function abTestSig(
  controlVisitors: unknown,
  controlConversions: unknown,
  variantVisitors: unknown,
  variantConversions: unknown,
  tails?: unknown,
): ExcelResult<number> {
  const a = readConversionArgs(controlVisitors, controlConversions, variantVisitors, variantConversions, tails);
  if (isExcelError(a)) return a;
  const z = twoProportionZ(a.controlVisitors, a.controlConversions, a.variantVisitors, a.variantConversions);
  return finiteOrNum(a.tails === 2 ? normalTwoSided(z) : normalUpperTail(z));
}
