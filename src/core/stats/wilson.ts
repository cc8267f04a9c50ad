import { normalUpperQuantile } from "./normal";

/**
 * Wilson score interval for a binomial proportion x / n (Wilson 1927; statsmodels
 * `proportion_confint(method="wilson")`):
 *   centre = (x + z²/2) / (n + z²),  half-width = z / (n + z²) · √(x(n − x)/n + z²/4),  z = Φ⁻¹(1 − α/2).
 * Returns [low, high], clipped to [0, 1]; NaN bounds when n ≤ 0 or x is outside [0, n].
 */
export function wilsonInterval(x: number, n: number, confidence = 0.95): [number, number] {
  if (!(n > 0) || !(x >= 0) || !(x <= n)) return [NaN, NaN];
  const z = normalUpperQuantile((1 - confidence) / 2);
  const z2 = z * z;
  const centre = (x + z2 / 2) / (n + z2);
  const half = (z / (n + z2)) * Math.sqrt((x * (n - x)) / n + z2 / 4);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
