import { normalUpperQuantile, normalUpperTail } from "./normal";

/** GrowthBook's Bayesian result for one metric, on the relative lift. */
export interface GaussianEffectResult {
  /** Relative lift p̂_B/p̂_A − 1 and its delta-method standard error. */
  mean: number;
  stddev: number;
  /** P(N(mean, stddev²) > 0). */
  chanceToWin: number;
  /** [E max(X, 0), E max(−X, 0)], X ~ N(mean, stddev²): expected loss of choosing control, of choosing the variant. */
  risk: [number, number];
  /** Equal-tailed credible interval at level 1 − alpha. */
  ci: [number, number];
}

/**
 * Delta-method moments of the relative lift of two proportions, as gbstats computes them
 * (gbstats/utils.py frequentist_diff and variance_of_ratios with ProportionStatistic variance p(1 − p)):
 *   mean = (p̂_B − p̂_A)/p̂_A,   var = p̂_B(1 − p̂_B)/(n_B·p̂_A²) + p̂_A(1 − p̂_A)·p̂_B²/(n_A·p̂_A⁴).
 * Domain: p̂_A > 0 (the caller checks).
 * @example relativeLiftMoments(100, 49, 100, 51) // { mean ≈ 0.04082, se ≈ 0.14725 }
 */
export function relativeLiftMoments(nA: number, xA: number, nB: number, xB: number): { mean: number; se: number } {
  const pA = xA / nA;
  const pB = xB / nB;
  const ratio = pB / pA;
  const variance = (pB * (1 - pB)) / nB / (pA * pA) + (((pA * (1 - pA)) / nA) * (ratio * ratio)) / (pA * pA);
  return { mean: (pB - pA) / pA, se: Math.sqrt(variance) };
}

/**
 * E[max(X, 0)] for X ~ N(μ, σ²): μΦ(μ/σ) + σφ(μ/σ) (the mean of the normal truncated to (0, ∞) times its mass, as
 * gbstats get_risk forms it from truncnorm); past |μ/σ| > 37 the limit max(μ, 0), as gbstats does.
 */
export function expectedPositivePart(mu: number, sigma: number): number {
  const t = mu / sigma;
  if (Math.abs(t) > 37) return Math.max(mu, 0);
  const density = Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  return mu * normalUpperTail(-t) + sigma * density;
}

/**
 * GrowthBook's default Bayesian engine for a proportion metric (improper flat prior on the relative effect, so the
 * posterior is N(mean, se²) of {@link relativeLiftMoments}): chance to win P(X > 0), risk
 * [E max(X, 0), E max(−X, 0)] and the equal-tailed interval Φ⁻¹(α/2), Φ⁻¹(1 − α/2).
 * Source: gbstats/bayesian/tests.py (EffectBayesianABTest.compute_result, chance_to_win, get_risk) and
 * gbstats/utils.py (gaussian_credible_interval).
 * @example growthBookGaussian(100, 49, 100, 51, 0.05).chanceToWin // ≈ 0.60918 (gbstats tests/bayesian/test_tests.py)
 */
export function growthBookGaussian(
  nA: number,
  xA: number,
  nB: number,
  xB: number,
  alpha: number,
): GaussianEffectResult {
  const { mean, se } = relativeLiftMoments(nA, xA, nB, xB);
  const z = normalUpperQuantile(alpha / 2);
  return {
    mean,
    stddev: se,
    chanceToWin: normalUpperTail(-mean / se),
    risk: [expectedPositivePart(mean, se), expectedPositivePart(-mean, se)],
    ci: [mean - z * se, mean + z * se],
  };
}
