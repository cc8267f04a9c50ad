import { ExcelResult, divZero, finiteOrNum, isExcelError, numError } from "../excelError";
import { allFinite, coerceNumbers } from "./coerce";

/**
 * LTV:CAC ratio = ltv / cac. A healthy subscription business usually aims for 3 or more.
 * Errors: cac = 0 → #DIV/0!; ltv < 0 or cac < 0 → #NUM!.
 * @example ltvCac(900, 300) // 3
 */
export function ltvCac(ltv: unknown, cac: unknown): ExcelResult<number> {
  const args = coerceNumbers([
    [ltv, 0, "ltv"],
    [cac, 0, "cac"],
  ]);
  if (isExcelError(args)) return args;
  const [l, c] = args;
  if (c === 0) return divZero("cac is 0");
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (l < 0 || c < 0) return numError("ltv and cac must not be negative");
  return finiteOrNum(l / c);
}
