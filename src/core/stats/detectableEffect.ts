import { normalQuantile } from "./normal";
import { criticalZ, twoProportionSpread } from "./sampleSize";

/**
 * Minimum detectable variant rate: the smallest p2 in (p1, 1] at which the two-proportion z-test with nc visitors in
 * control and ratio·nc in the variant reaches `power`, i.e. the root of
 *   (p2 − p1)·√nc = z_α·sd₀(p2) + z_power·sd₁(p2)
 * (sd₀, sd₁ as in twoProportionSpread; z_α = z₁₋α/₂ or z₁₋α). Found by bisection down to adjacent doubles; NaN when
 * even p2 = 1 falls short. The detectable relative effect is p2/p1 − 1 (upward: R solves the same for p2 > p1).
 * Source: R power.prop.test(n =, p1 =, power =), which finds p2 by uniroot on (p1, 1); Fleiss, Levin & Paik eq. 4.14.
 * @example minimumDetectableRate(0.1, 3841, 0.05, 0.8, 2, 1) // ≈ 0.12 (the inverse of the sample size 3841)
 */
export function minimumDetectableRate(
  p1: number,
  nc: number,
  alpha: number,
  power: number,
  tails: 1 | 2,
  ratio: number,
): number {
  const zAlpha = criticalZ(alpha, tails);
  const zPower = normalQuantile(power);
  const rootN = Math.sqrt(nc);
  const enough = (p2: number) => {
    const sd = twoProportionSpread(p1, p2, ratio);
    return (p2 - p1) * rootN >= zAlpha * sd.null + zPower * sd.alternative;
  };
  if (!enough(1)) return NaN;
  let low = p1; // not enough
  let high = 1; // enough
  for (let i = 0; i < 2000; i++) {
    const mid = low + (high - low) / 2;
    if (mid === low || mid === high) break;
    if (enough(mid)) high = mid;
    else low = mid;
  }
  return high;
}
