import { normalTwoSided } from "./normal";

// The asymptotic confidence sequence of Waudby-Smith, Arbour, Sinha, Kennedy & Ramdas, "Time-uniform central limit
// theory and asymptotic confidence sequences" (arXiv 2103.06476v7), as GrowthBook implements it for its sequential
// testing (gbstats/frequentist/tests.py: sequential_rho, sequential_interval_halfwidth, SequentialTwoSidedTTest).

/** What {@link confidenceSequence} returns on one scale (absolute difference or relative lift). */
export interface ConfidenceSequence {
  estimate: number;
  low: number;
  high: number;
  /** Always-valid p-value: 1 / (mixture e-value), capped at 1. */
  pValue: number;
  /** Fixed-sample two-sided p-value 2·Q(|estimate − null| / se), for comparison. */
  fixedPValue: number;
}

/**
 * Mixture parameter ρ tuned so the sequence is tightest at N* = `tuningN` total units (eq. 161):
 *   ρ = √((−2 ln α + ln(−2 ln α + 1)) / N*).
 * @example sequentialRho(0.05, 5000) // ≈ 0.0394
 */
export function sequentialRho(alpha: number, tuningN: number): number {
  const l = -2 * Math.log(alpha);
  return Math.sqrt((l + Math.log(l + 1)) / tuningN);
}

/**
 * Two-sided asymptotic confidence sequence and its always-valid p-value for an estimate with standard error `se`
 * after `n` units in total (both arms), at level 1 − alpha:
 *   s² = se²·n,  half-width = s · √( 2(nρ² + 1) · ln(√(nρ² + 1)/α) / (nρ)² )          (eq. 9)
 *   e-value E = exp(ρ²·n·z² / (2(nρ² + 1))) / √(nρ² + 1), z = (estimate − null)/se;  p = min(1, 1/E)   (eq. 155)
 * This is the mixture sequential probability ratio test of Johari, Koomen, Pekelis & Walsh (2017, "Peeking at A/B
 * tests", normal mixture with variance ρ²): p < α exactly when `null` is outside the sequence.
 * p is never below the fixed-sample p: with a = nρ², 1/E = √(1+a)·exp(−z²a/(2(1+a))) ≥ min over a of it, which is 1
 * for |z| ≤ 1 and |z|·e^{(1−z²)/2} ≥ 2.07·z²·2φ(z)/|z| > 2Q(|z|) for |z| > 1 (Mills' ratio Q(z) ≤ φ(z)/z).
 * @example confidenceSequence(0.50386, 0.03386, 6461, 0.05, 5000, 0) // low ≈ 0.40098, high ≈ 0.60675 (gbstats fixture)
 */
export function confidenceSequence(
  estimate: number,
  se: number,
  n: number,
  alpha: number,
  tuningN: number,
  nullValue = 0,
): ConfidenceSequence {
  const rho = sequentialRho(alpha, tuningN);
  const a = n * rho * rho;
  const nRho = n * rho;
  const halfWidth = se * Math.sqrt(n) * Math.sqrt((2 * (a + 1) * Math.log(Math.sqrt(a + 1) / alpha)) / (nRho * nRho));
  const z = (estimate - nullValue) / se;
  // ln(1/E) = ½ ln(1 + a) − a z² / (2(1 + a)), kept in logs so that a huge z gives a tiny p, not 1/Infinity.
  const logP = 0.5 * Math.log1p(a) - (a * z * z) / (2 * (1 + a));
  return {
    estimate,
    low: estimate - halfWidth,
    high: estimate + halfWidth,
    pValue: Math.min(1, Math.exp(logP)),
    fixedPValue: normalTwoSided(z),
  };
}
