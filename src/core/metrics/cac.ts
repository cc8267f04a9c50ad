import { ExcelResult, divZero, finiteOrNum, isExcelError, numError } from "../excelError";
import { allFinite, coerceNumbers } from "./coerce";

/**
 * Customer acquisition cost = marketing_spend / new_customers.
 * Errors: new_customers = 0 → #DIV/0!; negatives → #NUM!.
 * @example cac(12000, 40) // 300
 */
export function cac(marketingSpend: unknown, newCustomers: unknown): ExcelResult<number> {
  const args = coerceNumbers([
    [marketingSpend, 0, "marketing_spend"],
    [newCustomers, 0, "new_customers"],
  ]);
  if (isExcelError(args)) return args;
  const [spend, customers] = args;
  if (customers === 0) return divZero("new_customers is 0");
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (spend < 0 || customers < 0) return numError("marketing_spend and new_customers must not be negative");
  return finiteOrNum(spend / customers);
}
