/**
 * Student's two-sample t statistic with the pooled (equal) variance, from summary statistics
 * (scipy.stats.ttest_ind_from_stats(equal_var=True), scipy's default; R t.test(var.equal = TRUE)):
 *   s_p² = ((n_c − 1)·sd_c² + (n_v − 1)·sd_v²) / (n_c + n_v − 2),
 *   t = (mean_v − mean_c − δ) / (s_p·√(1/n_c + 1/n_v)),  df = n_c + n_v − 2,
 * δ the difference under H0 (0 by default). Domain: n ≥ 2, sd ≥ 0, not both sd = 0 (the caller validates).
 * Sds are divided by their maximum and the weights (n − 1)/(n_c + n_v − 2) are taken as halves, so squares and sums
 * of huge counts neither overflow nor underflow.
 * Source: Student (1908), Biometrika 6:1–25; Welch (1947) for the contrast with the unequal-variance test.
 * @example studentPooledStatistic(52.1, 30.2, 400, 55.8, 31, 410) // t ≈ 1.72038…, df = 808
 */
export function studentPooledStatistic(
  meanC: number,
  sdC: number,
  nC: number,
  meanV: number,
  sdV: number,
  nV: number,
  nullDifference = 0,
): { t: number; df: number } {
  const scale = Math.max(sdC, sdV);
  const hc = (nC - 1) / 2;
  const hv = (nV - 1) / 2;
  const wc = hc / (hc + hv);
  const wv = hv / (hc + hv);
  const pooledVariance = wc * (sdC / scale) ** 2 + wv * (sdV / scale) ** 2;
  const se = Math.sqrt(pooledVariance) * Math.sqrt(1 / nC + 1 / nV);
  const t = ((meanV / 2 - meanC / 2 - nullDifference / 2) / scale / se) * 2;
  return { t, df: nC - 1 + (nV - 1) };
}
