import { ExcelResult, divZero, finiteOrNum, isExcelError, numError } from "../excelError";
import { allFinite, coerceNumbers } from "./coerce";

/**
 * Customer retention rate over a period = (customers_end − new_customers) / customers_start.
 * Errors: customers_start = 0 → #DIV/0!; negatives or new_customers > customers_end → #NUM!.
 * @example crr(200, 210, 30) // 0.9
 */
export function crr(customersStart: unknown, customersEnd: unknown, newCustomers: unknown): ExcelResult<number> {
  const args = coerceNumbers([
    [customersStart, 0, "customers_start"],
    [customersEnd, 0, "customers_end"],
    [newCustomers, 0, "new_customers"],
  ]);
  if (isExcelError(args)) return args;
  const [start, end, added] = args;
  if (start === 0) return divZero("customers_start is 0");
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (start < 0 || end < 0 || added < 0) return numError("customer counts must not be negative");
  if (added > end) return numError("new_customers exceeds customers_end");
  return finiteOrNum((end - added) / start);
}
