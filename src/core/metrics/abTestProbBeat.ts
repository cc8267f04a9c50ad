import { ExcelResult, finiteOrNum, isExcelError } from "../excelError";
import { probabilityBeats } from "../stats/betaProbBeat";
import { readBetaPosteriors } from "./abTestBayesArgs";

/**
 * Bayesian chance to beat control: P(p_variant > p_control) with p ~ Beta(conversions + prior_alpha,
 * visitors − conversions + prior_beta), independent, by Evan Miller's closed-form sum ("Formulas for Bayesian A/B
 * testing"; stats/betaProbBeat.ts) when a whole parameter gives a sum that stays within 5·10⁴ terms, otherwise (fractional
 * priors on both parameters, Jeffreys Beta(½, ½), large counts) by nested Gauss–Kronrod quadrature of non-negative
 * integrands (stats/betaQuadrature.ts): any counts to 2⁵² in bounded time, a tiny P computed directly.
 * Errors: as ABTEST_SIG for the counts; counts not whole, prior ≤ 0, counts past 2⁵² → #NUM!.
 * @example abTestProbBeat(100, 49, 100, 51) // ≈ 0.6108 (GrowthBook's normal approximation: 0.60918)
 */
export function abTestProbBeat(
  controlVisitors: unknown,
  controlConversions: unknown,
  variantVisitors: unknown,
  variantConversions: unknown,
  priorAlpha?: unknown,
  priorBeta?: unknown,
): ExcelResult<number> {
  const post = readBetaPosteriors(
    controlVisitors,
    controlConversions,
    variantVisitors,
    variantConversions,
    priorAlpha,
    priorBeta,
  );
  if (isExcelError(post)) return post;
  const p = probabilityBeats(post.aA, post.bA, post.aB, post.bB);
  return finiteOrNum(p ? p.probability : NaN);
}
