import { ExcelResult, finiteOrNum, isExcelError, numError } from "../excelError";
import { twoProportionSampleSize } from "../stats/sampleSize";
import { designArgsProblem, effectArgsProblem } from "./abTestDesignArgs";
import { allFinite, coerceNumbers } from "./coerce";

/**
 * Visitors needed per variant to detect a relative change `relativeMde` of the baseline conversion rate with a
 * two-sided test at `alpha` (default 0.05) and `power` (default 0.8). mde may be negative (detecting a drop).
 * tails = 1: a one-sided test (z₁₋α). ratio r (variant : control visitors, default 1): the result is the control
 * group's size and the variant needs r times as many (Fleiss, Tytun & Ury 1980).
 * Errors: baseline outside (0, 1), mde = 0, p2 = baseline·(1 + mde) outside (0, 1), alpha or power outside (0, 1),
 * tails not 1 or 2, ratio ≤ 0 → #NUM!; a count too large for a number → #NUM!.
 * @example abTestSampleSize(0.1, 0.2) // 3841
 */
export function abTestSampleSize(
  baselineRate: unknown,
  relativeMde: unknown,
  alpha?: unknown,
  power?: unknown,
  tails?: unknown,
  ratio?: unknown,
): ExcelResult<number> {
  const args = coerceNumbers([
    [baselineRate, 0, "baseline_rate"],
    [relativeMde, 0, "relative_mde"],
    [alpha, 0.05, "alpha"],
    [power, 0.8, "power"],
    [tails, 2, "tails"],
    [ratio, 1, "ratio"],
  ]);
  if (isExcelError(args)) return args;
  const [p1, mde, a, pw, t, r] = args;
  if (!allFinite(args)) return numError("an argument is not a finite number");
  const effect = effectArgsProblem(p1, mde);
  if (effect) return effect;
  if (!(a > 0 && a < 1)) return numError("alpha must be between 0 and 1");
  if (!(pw > 0 && pw < 1)) return numError("power must be between 0 and 1");
  const problem = designArgsProblem(a, t, r);
  if (problem) return problem;
  return finiteOrNum(twoProportionSampleSize(p1, mde, a, pw, t as 1 | 2, r).perVariant, "the sample size is too large");
}
