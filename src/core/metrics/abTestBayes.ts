import { ExcelError, ExcelResult, divZero, isExcelError, numError } from "../excelError";
import { betaLiftSummary } from "../stats/betaRelativeRisk";
import { growthBookGaussian } from "../stats/gaussianEffect";
import { readBetaPosteriors } from "./abTestBayesArgs";
import { coerceNumber } from "./coerce";

/** Column headers of the spilled ABTEST_BAYES table, in the order of {@link abTestBayesRow}. */
export const AB_TEST_BAYES_HEADERS = [
  "Chance to win",
  "Risk of choosing control",
  "Risk of choosing variant",
  "Expected lift",
  "Lift CI low",
  "Lift CI high",
] as const;

export type BayesCell = number | ExcelError;

/**
 * Bayesian A/B read-out on the relative lift L = p_variant/p_control − 1, in GrowthBook's terms
 * (gbstats/bayesian/tests.py, EffectBayesianABTest):
 * - Chance to win P(L > 0) and the risks — expected loss of choosing control E[max(L, 0)] and of choosing the variant
 *   E[max(−L, 0)], relative units as GrowthBook shows them — and the expected lift E[L], all exact under independent
 *   Beta posteriors (stats/betaRelativeRisk.ts), where GrowthBook uses a normal approximation of L;
 * - the credible interval of L exactly as GrowthBook computes it: the normal N(L̂, se²) with the delta-method se
 *   (gbstats/utils.py gaussian_credible_interval; flat prior), equal-tailed at `credibility`.
 * Per cell: control without conversions and a prior α ≤ 1 → #DIV/0! for the risk of choosing control and the
 * expected lift, whose posterior means are infinite (E[1/p_control] = ∞); the risk of choosing the variant stays finite
 * (L ≥ −1); control rate 0 or no variance → #DIV/0! for the interval.
 * Any counts to 2⁵² and any priors answer in bounded time: exact sums where short, otherwise quadrature
 * (stats/betaQuadrature.ts).
 * Errors for the whole table: as ABTEST_PROB_BEAT; credibility outside (0, 1) → #NUM!.
 * @example abTestBayes(100, 49, 100, 51) // chance to win ≈ 0.6108, interval ≈ [−0.24779, 0.32943]
 */
export function abTestBayes(
  controlVisitors: unknown,
  controlConversions: unknown,
  variantVisitors: unknown,
  variantConversions: unknown,
  credibility?: unknown,
  priorAlpha?: unknown,
  priorBeta?: unknown,
): ExcelResult<BayesCell[]> {
  const level = coerceNumber(credibility, 0.95, "credibility");
  const post = readBetaPosteriors(
    controlVisitors,
    controlConversions,
    variantVisitors,
    variantConversions,
    priorAlpha,
    priorBeta,
  );
  if (isExcelError(post) && post.error === "#VALUE!") return post;
  if (isExcelError(level)) return level;
  if (isExcelError(post)) return post;
  if (!(level > 0 && level < 1)) return numError("credibility must be between 0 and 1");
  const lift = betaLiftSummary(post.aA, post.bA, post.aB, post.bB);
  if (!lift) return numError("prior_alpha and prior_beta must be greater than 0");
  const noMean = divZero("control has no conversions: the relative lift has no finite mean");
  const row: BayesCell[] = [
    lift.chanceToWin,
    Number.isFinite(lift.riskA) ? lift.riskA : noMean,
    lift.riskB,
    Number.isFinite(lift.expectedLift) ? lift.expectedLift : noMean,
  ];
  if (post.xc === 0) {
    const e = divZero("control rate is 0");
    row.push(e, e);
  } else {
    const g = growthBookGaussian(post.nc, post.xc, post.nv, post.xv, 1 - level);
    const e = divZero("no variance in either group");
    row.push(g.stddev > 0 ? g.ci[0] : e, g.stddev > 0 ? g.ci[1] : e);
  }
  return row.map((v) => (typeof v === "number" && !Number.isFinite(v) ? numError("a result is out of range") : v));
}
