import { ExcelResult, finiteOrNum, isExcelError } from "../excelError";
import { twoProportionZTest } from "../stats/twoProportionZ";
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
  const args = readConversionArgs([controlVisitors, controlConversions, variantVisitors, variantConversions], tails);
  if (isExcelError(args)) return args;
  const c = args.counts;
  const test = twoProportionZTest(c.controlVisitors, c.controlConversions, c.variantVisitors, c.variantConversions);
  return finiteOrNum(args.tails === 2 ? test.pTwoSided : test.pOneSided);
}
