import { ExcelError, numError } from "../excelError";

/**
 * The #NUM! conditions shared by ABTEST_SAMPLESIZE, ABTEST_POWER and ABTEST_MDE, or undefined when they hold:
 * alpha in (0, 1), tails 1 or 2, ratio (variant : control visitors) finite and > 0.
 */
export function designArgsProblem(alpha: number, tails: number, ratio: number): ExcelError | undefined {
  if (!(alpha > 0 && alpha < 1)) return numError("alpha must be between 0 and 1");
  if (tails !== 1 && tails !== 2) return numError("tails must be 1 or 2");
  if (!(ratio > 0 && Number.isFinite(ratio))) return numError("ratio must be greater than 0");
  return undefined;
}

/**
 * The #NUM! conditions on the effect ABTEST_SAMPLESIZE and ABTEST_POWER plan for, or undefined when they hold:
 * baseline in (0, 1), relative_mde ≠ 0, and the variant's rate baseline·(1 + relative_mde) in (0, 1).
 */
export function effectArgsProblem(baselineRate: number, relativeMde: number): ExcelError | undefined {
  if (!(baselineRate > 0 && baselineRate < 1)) return numError("baseline_rate must be between 0 and 1");
  if (relativeMde === 0) return numError("relative_mde must not be 0");
  const p2 = baselineRate * (1 + relativeMde);
  if (!(p2 > 0 && p2 < 1)) return numError("baseline_rate × (1 + relative_mde) must be between 0 and 1");
  return undefined;
}
