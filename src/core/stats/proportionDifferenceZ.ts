import { yatesCorrectedDistance } from "./continuityCorrection";
import { scoreZ } from "./farringtonManning";
import { twoProportionZ } from "./twoProportionZ";

export type ProportionTestMethod = "pooled" | "unpooled";

/**
 * The z statistic of a test of H0: pv − pc = δ for two independent proportions, d = p̂v − p̂c:
 *   "pooled"   z = (d − δ) / √(p̃v(1 − p̃v)/nv + p̃c(1 − p̃c)/nc), p̃ the rates fitted under H0 (Farrington–Manning
 *              score test); at δ = 0 p̃c = p̃v = the pooled rate, so this is the pooled two-proportion z.
 *   "unpooled" z = (d − δ) / √(p̂c(1 − p̂c)/nc + p̂v(1 − p̂v)/nv) (Wald), `waldSe` being that denominator.
 * With `continuity`, d − δ is replaced by its Yates-corrected value (see continuityCorrection.ts) in either numerator;
 * at δ = 0 with "pooled" that is R's prop.test(correct = TRUE).
 * Sources: Farrington & Manning (1990), Statistics in Medicine 9:1447–1454; statsmodels
 * `test_proportions_2indep(method='wald', compare='diff', value=δ)` (its method='score' only at δ = 0: at δ ≠ 0 its
 * restricted MLE has a wrong cubic, statsmodels #10269); R prop.test.
 * @example proportionDifferenceZ(1000, 100, 1000, 120, 0, "pooled", true, NaN) // ≈ 1.35784 (R prop.test: X² 1.8437)
 */
export function proportionDifferenceZ(
  nc: number,
  xc: number,
  nv: number,
  xv: number,
  delta: number,
  method: ProportionTestMethod,
  continuity: boolean,
  waldSe: number,
): number {
  const distance = xv / nv - xc / nc - delta;
  let z: number;
  if (method === "pooled") z = delta === 0 ? twoProportionZ(nc, xc, nv, xv) : scoreZ(nc, xc, nv, xv, delta);
  else z = distance === 0 ? 0 : distance / waldSe;
  if (!continuity || z === 0) return z;
  const corrected = yatesCorrectedDistance(distance, nc, nv);
  // Same denominator, corrected numerator: z · corrected / distance (0 when the correction covers the distance).
  return corrected === 0 ? 0 : (z / distance) * corrected;
}
