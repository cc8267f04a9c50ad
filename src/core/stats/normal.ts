import erfc from "@stdlib/math-base-special-erfc";
import erfcinv from "@stdlib/math-base-special-erfcinv";

// The standard normal distribution through the complementary error function, so that tails keep full relative
// precision far out (z = 30 → 4.9e-198), where 1 − Φ(z) would round to 0.
// erfc/erfcinv: stdlib (FreeBSD msun / Boost-derived), relative error ~1e-16.

/**
 * Upper tail Q(z) = P(Z ≥ z) = erfc(z/√2) / 2.
 * @example normalUpperTail(1.959963984540054) // ≈ 0.025
 * Source: Abramowitz & Stegun 26.2.29.
 */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Two-sided tail P(|Z| ≥ |z|) = erfc(|z|/√2).
 * @example normalTwoSided(30) // ≈ 9.8120e-198
 */
export function normalTwoSided(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/**
 * Quantile (inverse CDF) Φ⁻¹(p) = −√2 · erfcinv(2p), for p in (0, 1); ±Infinity at 0 and 1.
 * @example normalQuantile(0.975) // ≈ 1.959963984540054
 * Source: A&S 26.2.2 with Φ(z) = erfc(−z/√2)/2.
 */
export function normalQuantile(p: number): number {
  return -Math.SQRT2 * erfcinv(2 * p);
}

/**
 * Upper-tail critical value z such that P(Z ≥ z) = alpha: √2 · erfcinv(2·alpha), accurate for tiny alpha.
 * @example normalUpperQuantile(0.025) // ≈ 1.959963984540054
 */
export function normalUpperQuantile(alpha: number): number {
  return Math.SQRT2 * erfcinv(2 * alpha);
}
