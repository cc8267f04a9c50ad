import { ExcelResult, finiteOrNum, isExcelError } from "../excelError";
import { probabilityBeats } from "../stats/betaProbBeat";
import { readBetaPosteriors } from "./abTestBayesArgs";

/**
 * Bayesian chance to beat control: P(p_variant > p_control) with p ~ Beta(conversions + prior_alpha,
 * visitors − conversions + prior_beta), independent, by Evan Miller's closed-form sum ("Formulas for Bayesian A/B
 * testing"; stats/betaProbBeat.ts); only where every sum would pass a million terms (about 10¹⁰ visitors per arm)
 * and every posterior parameter is at least 10⁶ does the normal approximation take over (error below 10⁻⁷ there;
 * 3.4·10⁻¹⁰ already at 10⁹ visitors with 10⁸ conversions).
 * Errors: as ABTEST_SIG for the counts; counts not whole, prior ≤ 0, or neither prior_alpha nor prior_beta whole
 * → #NUM!.
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
