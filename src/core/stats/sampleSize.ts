import { normalQuantile, normalUpperQuantile } from "./normal";

export interface TwoProportionSampleSize {
  /** Visitors needed per variant (rounded up). */
  perVariant: number;
  /** Baseline and expected variant rates p1, p2 = p1·(1 + mde). */
  p1: number;
  p2: number;
}

/**
 * Visitors per variant for a two-sided two-proportion z-test (pooled variance under H0, unpooled under H1):
 *   p2 = p1·(1 + mde), p̄ = (p1 + p2)/2,
 *   n = ⌈(z₁₋α/₂ · √(2p̄(1 − p̄)) + z_power · √(p1(1 − p1) + p2(1 − p2)))² / (p2 − p1)²⌉.
 * Domain: 0 < p1, p2 < 1, mde ≠ 0, 0 < alpha, power < 1 (the caller validates).
 * Source: Fleiss, Levin & Paik, Statistical Methods for Rates and Proportions (3rd ed.), eq. 4.14 (without the
 * continuity correction), as G*Power and statsmodels-style calculators use it. Not Evan Miller's calculator: his takes
 * the baseline rate alone for the null variance (√(2p1(1 − p1))), so 20% → 25% gives 1,030 there and 1,094 here.
 * @example twoProportionSampleSize(0.1, 0.2, 0.05, 0.8).perVariant // 3841
 */
export function twoProportionSampleSize(
  baseline: number,
  relativeMde: number,
  alpha: number,
  power: number,
): TwoProportionSampleSize {
  const p1 = baseline;
  const p2 = baseline * (1 + relativeMde);
  const pBar = (p1 + p2) / 2;
  const zAlpha = normalUpperQuantile(alpha / 2);
  const zPower = normalQuantile(power);
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const delta = baseline * relativeMde; // = p2 − p1, without the cancellation when mde is tiny
  return { perVariant: Math.ceil((root * root) / (delta * delta)), p1, p2 };
}
