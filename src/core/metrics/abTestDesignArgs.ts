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
