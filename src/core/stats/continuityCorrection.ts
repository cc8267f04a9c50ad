/**
 * Yates' continuity correction for a difference of two proportions: the distance d − δ is moved towards 0 by
 * ½·(1/nc + 1/nv), and never past it:
 *   corrected = sign(d − δ) · max(0, |d − δ| − ½(1/nc + 1/nv)).
 * At δ = 0 this is R's prop.test(correct = TRUE), YATES = min(0.5, |DELTA| / sum(1/n)), whose χ² with the correction
 * equals the square of the pooled z computed from the corrected distance.
 * Source: Yates (1934), J. R. Stat. Soc. Suppl. 1:217–235; Fleiss, Levin & Paik (2003) §6.2, eq. 6.7;
 * R src/library/stats/R/prop.test.R.
 * @example yatesCorrectedDistance(0.02, 1000, 1000) // 0.019 (0.02 − ½·(0.001 + 0.001))
 */
export function yatesCorrectedDistance(distance: number, nc: number, nv: number): number {
  const correction = 0.5 * (1 / nc + 1 / nv);
  const shrunk = Math.abs(distance) - correction;
  return shrunk > 0 ? Math.sign(distance) * shrunk : 0;
}
