import { ExcelResult, divZero, finiteOrNum, isExcelError, numError } from "../excelError";
import { allFinite, coerceNumbers } from "./coerce";

/**
 * CAC payback period = cac / (arpu · gross_margin), in the periods arpu is quoted in (usually months).
 * Errors: arpu · gross_margin = 0 → #DIV/0!; negatives → #NUM!.
 * @example cacPayback(300, 50, 0.8) // 7.5
 */
export function cacPayback(cac: unknown, arpu: unknown, grossMargin: unknown): ExcelResult<number> {
  const args = coerceNumbers([
    [cac, 0, "cac"],
    [arpu, 0, "arpu"],
    [grossMargin, 0, "gross_margin"],
  ]);
  if (isExcelError(args)) return args;
  const [c, a, m] = args;
  if (a * m === 0) return divZero("arpu × gross_margin is 0");
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (c < 0 || a < 0 || m < 0) return numError("cac, arpu and gross_margin must not be negative");
  return finiteOrNum(c / a / m);
}
