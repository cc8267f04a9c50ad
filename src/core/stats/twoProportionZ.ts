import { normalTwoSided, normalUpperTail } from "./normal";

export interface TwoProportionZTest {
  /** Conversion rates x/n of control and variant. */
  controlRate: number;
  variantRate: number;
  /** Pooled rate p̂ = (xc + xv) / (nc + nv). */
  pooledRate: number;
  /** z = (p̂v − p̂c) / √(p̂(1 − p̂)(1/nc + 1/nv)); 0 when p̂ is 0 or 1. */
  z: number;
  /** P(|Z| ≥ |z|). */
  pTwoSided: number;
  /** P(Z ≥ z): H1 "variant converts better". */
  pOneSided: number;
}

/**
 * The pooled two-proportion z statistic: p̂ = (xc + xv)/(nc + nv), z = (xv/nv − xc/nc) / √(p̂(1 − p̂)(1/nc + 1/nv)),
 * and z = 0 when p̂ is 0 or 1 (no variance, no evidence of a difference).
 * @example twoProportionZ(1000, 100, 1000, 120) // ≈ 1.42930
 */
export function twoProportionZ(nc: number, xc: number, nv: number, xv: number): number {
  // Scaled by the larger n so that xc + xv and nc + nv cannot overflow.
  const s = Math.max(nc, nv);
  const pooledRate = (xc / s + xv / s) / (nc / s + nv / s);
  if (!(pooledRate > 0 && pooledRate < 1)) return 0;
  // A product of square roots, so that a tiny p̂ cannot underflow the variance to 0; and 1/nc + 1/nv rather than
  // (nc + nv)/(nc·nv), which would overflow for huge n.
  const se = Math.sqrt(pooledRate) * Math.sqrt(1 - pooledRate) * Math.sqrt(1 / nc + 1 / nv);
  return (xv / nv - xc / nc) / se;
}

/**
 * Pooled two-proportion z-test without continuity correction (the test behind statsmodels' proportions_ztest).
 * Domain: nc, nv > 0 and 0 ≤ x ≤ n (the caller validates). If p̂ is 0 or 1 there is no variance and no evidence of a
 * difference, so z = 0.
 * Source: Agresti, Categorical Data Analysis (3rd ed.) §3.1.3; Fleiss, Statistical Methods for Rates and Proportions.
 * @example twoProportionZTest(1000, 100, 1000, 120).pTwoSided // ≈ 0.152918 (z ≈ 1.42930)
 */
export function twoProportionZTest(nc: number, xc: number, nv: number, xv: number): TwoProportionZTest {
  const s = Math.max(nc, nv);
  const z = twoProportionZ(nc, xc, nv, xv);
  return {
    controlRate: xc / nc,
    variantRate: xv / nv,
    pooledRate: (xc / s + xv / s) / (nc / s + nv / s),
    z,
    pTwoSided: normalTwoSided(z),
    pOneSided: normalUpperTail(z),
  };
}
