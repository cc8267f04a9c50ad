import { ExcelResult, divZero, finiteOrNum, isExcelError, numError } from "../excelError";
import { studentPooledStatistic } from "../stats/studentPooled";
import { studentTTwoSided, studentTUpperTail } from "../stats/studentT";
import { welchStatistic } from "../stats/welch";
import { allFinite, coerceNumbers } from "./coerce";
import { coerceBoolean } from "./coerceBoolean";

/**
 * p-value of Welch's t-test from summary statistics (mean, standard deviation, n per group), for
 * revenue-per-user style metrics. tails = 2 (default) is two-sided; tails = 1 tests "variant mean > control mean".
 * equal_variance TRUE: Student's pooled-variance t-test (scipy's default, equal_var=True) instead of Welch's.
 * null_difference δ (default 0): H0 mean_v − mean_c = δ (tails = 1: ≤ δ), as R t.test(mu = δ).
 * Errors: both sd = 0 → #DIV/0!; n < 2, sd < 0, tails not 1 or 2, an infinite argument → #NUM!; text that is not a
 * number (equal_variance: not TRUE/FALSE) → #VALUE!.
 * @example abTestTTest(52.1, 30.2, 400, 55.8, 31, 410) // ≈ 0.0856971
 */
export function abTestTTest(
  meanC: unknown,
  sdC: unknown,
  nC: unknown,
  meanV: unknown,
  sdV: unknown,
  nV: unknown,
  tails?: unknown,
  equalVariance?: unknown,
  nullDifference?: unknown,
): ExcelResult<number> {
  const args = coerceNumbers([
    [meanC, 0, "mean_c"],
    [sdC, 0, "sd_c"],
    [nC, 0, "n_c"],
    [meanV, 0, "mean_v"],
    [sdV, 0, "sd_v"],
    [nV, 0, "n_v"],
    [tails, 2, "tails"],
    [nullDifference, 0, "null_difference"],
  ]);
  if (isExcelError(args)) return args;
  const equal = coerceBoolean(equalVariance, false, "equal_variance");
  if (isExcelError(equal)) return equal;
  const [mc, sc, nc, mv, sv, nv, t, delta] = args;
  if (sc === 0 && sv === 0) return divZero("both standard deviations are 0");
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (nc < 2 || nv < 2) return numError("each group needs n ≥ 2");
  if (sc < 0 || sv < 0) return numError("standard deviations must not be negative");
  if (t !== 1 && t !== 2) return numError("tails must be 1 or 2");
  const w = (equal ? studentPooledStatistic : welchStatistic)(mc, sc, nc, mv, sv, nv, delta);
  return finiteOrNum(t === 2 ? studentTTwoSided(w.t, w.df) : studentTUpperTail(w.t, w.df));
}
