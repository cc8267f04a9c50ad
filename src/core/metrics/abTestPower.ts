import { ExcelResult, finiteOrNum, isExcelError, numError } from "../excelError";
import { twoProportionPower } from "../stats/power";
import { designArgsProblem, effectArgsProblem } from "./abTestDesignArgs";
import { allFinite, coerceNumbers } from "./coerce";

/**
 * Power of an A/B test of conversion rates: the chance that the two-proportion z-test at `alpha` (default 0.05,
 * two-sided; tails = 1 one-sided) is significant when the variant truly converts at baseline·(1 + relative_mde),
 * with n visitors in control and ratio·n in the variant (ratio default 1). The inverse of ABTEST_SAMPLESIZE
 * (R power.prop.test(n, p1, p2, sig.level) at ratio 1).
 * Errors: baseline outside (0, 1), mde = 0, baseline·(1 + mde) outside (0, 1), n < 1, alpha outside (0, 1), tails not
 * 1 or 2, ratio ≤ 0 → #NUM!; text that is not a number → #VALUE!.
 * @example abTestPower(0.1, 0.2, 3841) // ≈ 0.800064
 */
export function abTestPower(
  baselineRate: unknown,
  relativeMde: unknown,
  nPerVariant: unknown,
  alpha?: unknown,
  tails?: unknown,
  ratio?: unknown,
): ExcelResult<number> {
  const args = coerceNumbers([
    [baselineRate, 0, "baseline_rate"],
    [relativeMde, 0, "relative_mde"],
    [nPerVariant, 0, "n_per_variant"],
    [alpha, 0.05, "alpha"],
    [tails, 2, "tails"],
    [ratio, 1, "ratio"],
  ]);
  if (isExcelError(args)) return args;
  const [p1, mde, n, a, t, r] = args;
  if (!allFinite(args)) return numError("an argument is not a finite number");
  const effect = effectArgsProblem(p1, mde);
  if (effect) return effect;
  const p2 = p1 * (1 + mde);
  if (!(n >= 1)) return numError("n_per_variant must be at least 1");
  const problem = designArgsProblem(a, t, r);
  if (problem) return problem;
  return finiteOrNum(twoProportionPower(p1, p2, n, a, t as 1 | 2, r));
}
