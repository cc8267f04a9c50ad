import { ExcelResult, divZero, finiteOrNum, isExcelError } from "../excelError";
import { differenceInterval } from "../stats/differenceInterval";
import { normalTwoSided, normalUpperTail } from "../stats/normal";
import { twoProportionZ } from "../stats/twoProportionZ";
import { readConversionArgs } from "./abTestArgs";
import { parseProportionMethod } from "./abTestSummary";

/**
 * A/B significance: p-value of the pooled two-proportion z-test (no continuity correction), or with method "unpooled"
 * of the Wald test z = (p̂v − p̂c)/√(p̂c(1 − p̂c)/nc + p̂v(1 − p̂v)/nv) (statsmodels `test_proportions_2indep(method='wald')`).
 * tails = 2 (default): P(|Z| ≥ |z|); tails = 1: P(Z ≥ z), H1 "variant converts better".
 * Errors: visitors ≤ 0, conversions < 0, conversions > visitors, tails not 1 or 2 → #NUM!; method other than
 * "pooled"/"unpooled" → #VALUE!; "unpooled" with both rates 0 or 1 → #DIV/0!.
 * @example abTestSig(1000, 100, 1000, 120) // ≈ 0.152918
 */
export function abTestSig(
  controlVisitors: unknown,
  controlConversions: unknown,
  variantVisitors: unknown,
  variantConversions: unknown,
  tails?: unknown,
  method?: unknown,
): ExcelResult<number> {
  const a = readConversionArgs(controlVisitors, controlConversions, variantVisitors, variantConversions, tails);
  if (isExcelError(a) && a.error === "#VALUE!") return a;
  const how = method === undefined || method === null ? "pooled" : parseProportionMethod(method);
  if (isExcelError(how)) return how;
  if (isExcelError(a)) return a;
  let z: number;
  if (how === "pooled") {
    z = twoProportionZ(a.controlVisitors, a.controlConversions, a.variantVisitors, a.variantConversions);
  } else {
    const w = differenceInterval(
      a.controlVisitors,
      a.controlConversions,
      a.variantVisitors,
      a.variantConversions,
      0.95,
    );
    if (w.standardError === 0) return divZero("no variance in either group (unpooled)");
    z = w.difference / w.standardError;
  }
  return finiteOrNum(a.tails === 2 ? normalTwoSided(z) : normalUpperTail(z));
}
