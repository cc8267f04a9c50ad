import { ExcelResult, divZero, finiteOrNum, isExcelError } from "../excelError";
import { differenceInterval } from "../stats/differenceInterval";
import { normalTwoSided, normalUpperTail } from "../stats/normal";
import { ProportionTestMethod, proportionDifferenceZ } from "../stats/proportionDifferenceZ";
import { twoProportionZ } from "../stats/twoProportionZ";
import { readConversionArgs } from "./abTestArgs";
import { readProportionTestOptions } from "./abTestOptions";
import { parseProportionMethod } from "./abTestSummary";

/**
 * A/B significance: p-value of the pooled two-proportion z-test (no continuity correction), or with method "unpooled"
 * of the Wald test z = (p̂v − p̂c)/√(p̂c(1 − p̂c)/nc + p̂v(1 − p̂v)/nv) (statsmodels `test_proportions_2indep(method='wald')`).
 * tails = 2 (default): P(|Z| ≥ |z|); tails = 1: P(Z ≥ z), H1 "variant converts better".
 * continuity TRUE: Yates' correction, |d| shrunk by ½(1/nc + 1/nv) (R `prop.test(correct = TRUE)`).
 * null_difference δ (default 0): H0 pv − pc = δ (tails = 1: pv − pc ≤ δ; δ < 0 is a non-inferiority test with margin
 * −δ, δ > 0 superiority by δ); "pooled" then becomes the Farrington–Manning score test, whose rates are fitted under
 * H0 (Farrington & Manning 1990; statsmodels' `test_proportions_2indep(method='score', value=δ)` differs, its cubic
 * has count0 where nobs0 belongs, statsmodels #10269), "unpooled" the Wald test of d − δ.
 * Errors: visitors ≤ 0, conversions < 0, conversions > visitors, tails not 1 or 2, null_difference outside (−1, 1)
 * → #NUM!; method other than "pooled"/"unpooled", continuity not TRUE/FALSE → #VALUE!; "unpooled" with both rates
 * 0 or 1 → #DIV/0!.
 * @example abTestSig(1000, 100, 1000, 120) // ≈ 0.152918
 */
export function abTestSig(
  controlVisitors: unknown,
  controlConversions: unknown,
  variantVisitors: unknown,
  variantConversions: unknown,
  tails?: unknown,
  method?: unknown,
  continuity?: unknown,
  nullDifference?: unknown,
): ExcelResult<number> {
  const a = readConversionArgs(controlVisitors, controlConversions, variantVisitors, variantConversions, tails);
  if (isExcelError(a) && a.error === "#VALUE!") return a;
  const how = method === undefined || method === null ? "pooled" : parseProportionMethod(method);
  if (isExcelError(how)) return how;
  if ((continuity === undefined || continuity === null) && (nullDifference === undefined || nullDifference === null)) {
    // Without the options: today's path, kept short (ABTEST_SIG runs a million times a second).
    if (isExcelError(a)) return a;
    return pValue(a.controlVisitors, a.controlConversions, a.variantVisitors, a.variantConversions, a.tails, how);
  }
  const options = readProportionTestOptions(continuity, nullDifference);
  if (isExcelError(options) && options.error === "#VALUE!") return options;
  if (isExcelError(a)) return a;
  if (isExcelError(options)) return options;
  return pValue(
    a.controlVisitors,
    a.controlConversions,
    a.variantVisitors,
    a.variantConversions,
    a.tails,
    how,
    options.continuity,
    options.nullDifference,
  );
}

function pValue(
  nc: number,
  xc: number,
  nv: number,
  xv: number,
  tails: 1 | 2,
  how: ProportionTestMethod,
  continuity = false,
  nullDifference = 0,
): ExcelResult<number> {
  if (how === "pooled" && !continuity && nullDifference === 0) {
    const z0 = twoProportionZ(nc, xc, nv, xv);
    return finiteOrNum(tails === 2 ? normalTwoSided(z0) : normalUpperTail(z0));
  }
  let waldSe = NaN;
  if (how === "unpooled") {
    waldSe = differenceInterval(nc, xc, nv, xv, 0.95).standardError;
    if (waldSe === 0) return divZero("no variance in either group (unpooled)");
  }
  const z = proportionDifferenceZ(nc, xc, nv, xv, nullDifference, how, continuity, waldSe);
  return finiteOrNum(tails === 2 ? normalTwoSided(z) : normalUpperTail(z));
}
