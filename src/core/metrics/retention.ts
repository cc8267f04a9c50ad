import { ExcelResult, divZero, finiteOrNum, isExcelError, numError } from "../excelError";
import { allFinite, coerceNumbers } from "./coerce";

/**
 * Retention rate = retained_users / cohort_users.
 * Errors: cohort_users = 0 → #DIV/0!; retained > cohort or negatives → #NUM!.
 * @example retention(420, 1000) // 0.42
 */
export function retention(retainedUsers: unknown, cohortUsers: unknown): ExcelResult<number> {
  const args = coerceNumbers([
    [retainedUsers, 0, "retained_users"],
    [cohortUsers, 0, "cohort_users"],
  ]);
  if (isExcelError(args)) return args;
  const [retained, cohort] = args;
  if (cohort === 0) return divZero("cohort_users is 0");
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (retained < 0 || cohort < 0) return numError("user counts must not be negative");
  if (retained > cohort) return numError("retained_users exceeds cohort_users");
  return finiteOrNum(retained / cohort);
}
