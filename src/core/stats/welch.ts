import { studentTTwoSided, studentTUpperTail } from "./studentT";

export interface WelchTTest {
  /** Mean difference mean_v − mean_c. */
  difference: number;
  /** t = (mean_v − mean_c) / √(sd_c²/n_c + sd_v²/n_v). */
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** P(|T| ≥ |t|). */
  pTwoSided: number;
  /** P(T ≥ t): H1 "variant mean is larger". */
  pOneSided: number;
}

/**
 * Welch's unequal-variances t-test from summary statistics (scipy.stats.ttest_ind_from_stats(equal_var=False)):
 *   vc = sd_c²/n_c, vv = sd_v²/n_v, t = (mean_v − mean_c)/√(vc + vv),
 *   df = (vc + vv)² / (vc²/(n_c − 1) + vv²/(n_v − 1)).
 * Domain: n ≥ 2, sd ≥ 0, not both sd = 0 (the caller validates). Means and sds are divided by max(sd) first so that
 * squares of huge or tiny values neither overflow nor underflow (t and df are scale-free).
 * Source: Welch (1947), Biometrika 34:28–35; Satterthwaite (1946).
 * With a null difference δ (H0: mean_v − mean_c = δ) the numerator is mean_v − mean_c − δ (R t.test(mu = δ)).
 * @example welchTTest(52.1, 30.2, 400, 55.8, 31, 410).pTwoSided // ≈ 0.0856971
 * The statistic alone (t and df, no tails): welchStatistic(52.1, 30.2, 400, 55.8, 31, 410) // t ≈ 1.72065, df ≈ 808.0
 */
export function welchStatistic(
  meanC: number,
  sdC: number,
  nC: number,
  meanV: number,
  sdV: number,
  nV: number,
  nullDifference = 0,
): { t: number; df: number } {
  const scale = Math.max(sdC, sdV);
  const vc = (sdC / scale) ** 2 / nC;
  const vv = (sdV / scale) ** 2 / nV;
  const se = Math.sqrt(vc + vv);
  // Halves first so that the difference of two huge means cannot overflow to ∞ − ∞.
  const t = ((meanV / 2 - meanC / 2 - nullDifference / 2) / scale / se) * 2;
  // df with the variance shares a = vc/(vc + vv), b = vv/(vc + vv): 1/(a²/(nC − 1) + b²/(nV − 1)), so that squares
  // of tiny variances cannot underflow to 0/0. At n ≈ 1e308 df may round to ∞, which is the normal limit.
  const a = vc / (vc + vv);
  const b = vv / (vc + vv);
  const df = 1 / ((a * a) / (nC - 1) + (b * b) / (nV - 1));
  return { t, df };
}

/** The full test record; see {@link welchStatistic}. */
export function welchTTest(meanC: number, sdC: number, nC: number, meanV: number, sdV: number, nV: number): WelchTTest {
  const { t, df } = welchStatistic(meanC, sdC, nC, meanV, sdV, nV);
  return {
    difference: meanV - meanC,
    t,
    df,
    pTwoSided: studentTTwoSided(t, df),
    pOneSided: studentTUpperTail(t, df),
  };
}
