import { ExcelResult, divZero, finiteOrNum, isExcelError, numError } from "../excelError";
import { allFinite, coerceNumbers } from "./coerce";

/**
 * Customer lifetime value with per-period rates:
 *   LTV = arpu · m · (1 + d) / (d + churn)
 * (the sum of arpu·m·(1 − churn)^t / (1 + d)^t over periods t = 0, 1, 2, …: the first margin is earned at once, at
 * period 0; with d = 0 it is arpu·m / churn).
 * Errors: d + churn = 0 → #DIV/0!; m or churn outside [0, 1], arpu < 0, d < 0 → #NUM!.
 * Source: the margin-at-period-0 geometric series, e.g. Berger & Nasr (1998), "Customer lifetime value: marketing
 * models and applications", J. Interactive Marketing 12(1), case 1. Gupta & Lehmann (2003), "Customers as assets",
 * J. Interactive Marketing 17(1), use the end-of-period form m·r/(1 + i − r) with retention r = 1 − churn, which is
 * this value times r/(1 + d); we keep the period-0 form so that d = 0 gives the familiar arpu·m / churn.
 * @example ltv(50, 0.8, 0.05) // 800
 */
export function ltv(
  arpu: unknown,
  grossMargin: unknown,
  churnRate: unknown,
  discountRate?: unknown,
): ExcelResult<number> {
  const args = coerceNumbers([
    [arpu, 0, "arpu"],
    [grossMargin, 0, "gross_margin"],
    [churnRate, 0, "churn_rate"],
    [discountRate, 0, "discount_rate"],
  ]);
  if (isExcelError(args)) return args;
  const [a, m, churn, d] = args;
  if (d + churn === 0) return divZero("discount_rate + churn_rate is 0");
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (m < 0 || m > 1) return numError("gross_margin must be between 0 and 1");
  if (churn < 0 || churn > 1) return numError("churn_rate must be between 0 and 1");
  if (a < 0) return numError("arpu must not be negative");
  if (d < 0) return numError("discount_rate must not be negative");
  return finiteOrNum(a * m * ((1 + d) / (d + churn)));
}
