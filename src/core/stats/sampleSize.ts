import { normalQuantile, normalUpperQuantile } from "./normal";

export interface TwoProportionSampleSize {
  /** Visitors needed in control (rounded up); the variant needs ratio × that. With ratio 1: per variant. */
  perVariant: number;
  /** The same before rounding up (R power.prop.test's n). */
  exact: number;
  /** Baseline and expected variant rates p1, p2 = p1·(1 + mde). */
  p1: number;
  p2: number;
}

/** Standard deviations of √n·(p̂v − p̂c) under H0 (pooled rate) and under H1, for allocation nv = ratio·nc. */
export interface TwoProportionSpread {
  /** √((1 + 1/r)·p̄(1 − p̄)), p̄ = (p1 + r·p2)/(1 + r). */
  null: number;
  /** √(p1(1 − p1) + p2(1 − p2)/r). */
  alternative: number;
}

/**
 * The two spreads of Fleiss' sample-size formula for unequal allocation (Fleiss, Tytun & Ury 1980): with r = nv/nc,
 * p̄ = (p1 + r·p2)/(1 + r), sd₀ = √((1 + 1/r)·p̄(1 − p̄)), sd₁ = √(p1(1 − p1) + p2(1 − p2)/r). At r = 1 these are
 * √(2p̄(1 − p̄)) and √(p1(1 − p1) + p2(1 − p2)), the variances R's power.prop.test uses. The same as statsmodels'
 * `_std_2prop_power` (std_null, std_alt) with prop2 the arm of nobs2 = ratio·nobs1.
 * Source: Fleiss, Tytun & Ury (1980), Biometrics 36:343–346; Fleiss, Levin & Paik (2003) eq. 4.19.
 */
export function twoProportionSpread(p1: number, p2: number, ratio: number): TwoProportionSpread {
  const pBar = (p1 + ratio * p2) / (1 + ratio);
  return {
    null: Math.sqrt((1 + 1 / ratio) * pBar * (1 - pBar)),
    alternative: Math.sqrt(p1 * (1 - p1) + (p2 * (1 - p2)) / ratio),
  };
}

/** The critical value z₁₋α/₂ (tails = 2) or z₁₋α (tails = 1). */
export function criticalZ(alpha: number, tails: 1 | 2): number {
  return normalUpperQuantile(tails === 2 ? alpha / 2 : alpha);
}

/**
 * Visitors in control for a two-proportion z-test (pooled variance under H0, unpooled under H1), the variant taking
 * ratio × that many:
 *   p2 = p1·(1 + mde), n = ⌈(z_α · sd₀ + z_power · sd₁)² / (p2 − p1)²⌉ (sd₀, sd₁ from twoProportionSpread),
 * z_α = z₁₋α/₂ two-sided (default) or z₁₋α one-sided; the opposite tail's rejections are not counted (as R
 * power.prop.test(strict = FALSE)). With ratio 1 and tails 2:
 *   n = ⌈(z₁₋α/₂ · √(2p̄(1 − p̄)) + z_power · √(p1(1 − p1) + p2(1 − p2)))² / (p2 − p1)²⌉, p̄ = (p1 + p2)/2.
 * Domain: 0 < p1, p2 < 1, mde ≠ 0, 0 < alpha, power < 1, ratio > 0 (the caller validates).
 * Source: Fleiss, Levin & Paik, Statistical Methods for Rates and Proportions (3rd ed.), eq. 4.14 (without the
 * continuity correction) and 4.19 for unequal groups, as R power.prop.test and statsmodels
 * samplesize_proportions_2indep_onetail solve it. Not Evan Miller's calculator: his takes the baseline rate alone
 * for the null variance (√(2p1(1 − p1))), so 20% → 25% gives 1,030 there and 1,094 here.
 * @example twoProportionSampleSize(0.1, 0.2, 0.05, 0.8).perVariant // 3841
 */
export function twoProportionSampleSize(
  baseline: number,
  relativeMde: number,
  alpha: number,
  power: number,
  tails: 1 | 2 = 2,
  ratio = 1,
): TwoProportionSampleSize {
  const p1 = baseline;
  const p2 = baseline * (1 + relativeMde);
  const sd = twoProportionSpread(p1, p2, ratio);
  const zAlpha = criticalZ(alpha, tails);
  const zPower = normalQuantile(power);
  const root = zAlpha * sd.null + zPower * sd.alternative;
  const delta = baseline * relativeMde; // = p2 − p1, without the cancellation when mde is tiny
  const exact = (root * root) / (delta * delta);
  return { perVariant: Math.ceil(exact), exact, p1, p2 };
}
