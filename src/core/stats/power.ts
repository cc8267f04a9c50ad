import { normalUpperTail } from "./normal";
import { criticalZ, twoProportionSpread } from "./sampleSize";

/**
 * Power of the two-proportion z-test with nc visitors in control and ratio·nc in the variant, for rates p1 → p2:
 *   power = Φ((|p2 − p1|·√nc − z_α·sd₀) / sd₁),
 * sd₀, sd₁ as in twoProportionSpread (pooled under H0, unpooled under H1), z_α = z₁₋α/₂ (tails 2) or z₁₋α (tails 1);
 * the opposite tail is not counted, so this is the inverse of twoProportionSampleSize.
 * Source: R power.prop.test (strict = FALSE), which at ratio 1 evaluates exactly this; statsmodels
 * power_proportions_2indep for ratio ≠ 1 (its two-sided power adds the opposite tail, Φ(−(|δ|√nc + z_α·sd₀)/sd₁)).
 * @example twoProportionPower(0.1, 0.12, 3841, 0.05, 2, 1) // ≈ 0.80006
 */
export function twoProportionPower(
  p1: number,
  p2: number,
  nc: number,
  alpha: number,
  tails: 1 | 2,
  ratio: number,
): number {
  const sd = twoProportionSpread(p1, p2, ratio);
  const shift = Math.abs(p2 - p1) * Math.sqrt(nc);
  // Φ(x) = Q(−x): the upper tail keeps full relative precision when the power is tiny.
  return normalUpperTail(-(shift - criticalZ(alpha, tails) * sd.null) / sd.alternative);
}
