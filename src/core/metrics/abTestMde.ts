import { ExcelResult, finiteOrNum, isExcelError, numError } from "../excelError";
import { minimumDetectableRate } from "../stats/detectableEffect";
import { designArgsProblem } from "./abTestDesignArgs";
import { allFinite, coerceNumbers } from "./coerce";

/**
 * Minimum detectable effect: the smallest relative lift of the baseline conversion rate that an A/B test with n
 * visitors in control and ratio·n in the variant detects with the given power (default 0.8) at alpha (default 0.05,
 * two-sided; tails = 1 one-sided). Solves ABTEST_POWER = power for the lift (R power.prop.test(n, p1, power) for p2).
 * Errors: baseline outside (0, 1), n < 1, alpha or power outside (0, 1), tails not 1 or 2, ratio ≤ 0 → #NUM!; no
 * variant rate up to 100% reaches the power → #NUM!; text that is not a number → #VALUE!.
 * @example abTestMde(0.1, 3841) // ≈ 0.19999 (just below the 20% that needs 3,841 visitors)
 */
export function abTestMde(
  baselineRate: unknown,
  nPerVariant: unknown,
  alpha?: unknown,
  power?: unknown,
  tails?: unknown,
  ratio?: unknown,
): ExcelResult<number> {
  const args = coerceNumbers([
    [baselineRate, 0, "baseline_rate"],
    [nPerVariant, 0, "n_per_variant"],
    [alpha, 0.05, "alpha"],
    [power, 0.8, "power"],
    [tails, 2, "tails"],
    [ratio, 1, "ratio"],
  ]);
  if (isExcelError(args)) return args;
  const [p1, n, a, pw, t, r] = args;
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (!(p1 > 0 && p1 < 1)) return numError("baseline_rate must be between 0 and 1");
  if (!(n >= 1)) return numError("n_per_variant must be at least 1");
  if (!(pw > 0 && pw < 1)) return numError("power must be between 0 and 1");
  const problem = designArgsProblem(a, t, r);
  if (problem) return problem;
  const p2 = minimumDetectableRate(p1, n, a, pw, t as 1 | 2, r);
  if (!Number.isFinite(p2)) return numError("no lift up to a 100% conversion rate reaches that power");
  // (p2 − p1)/p1, not p2/p1 − 1, which cancels when the lift is small; a baseline near 0 can overflow it.
  return finiteOrNum((p2 - p1) / p1, "the detectable lift is too large for a number");
}
