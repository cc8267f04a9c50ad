import { ExcelResult, divZero, finiteOrNum, isExcelError, numError, valueError } from "../excelError";
import { allFinite, coerceNumbers } from "./coerce";

export type RoiBasis = "ratio" | "net";

/** Reads the basis argument: omitted → "ratio"; text is case-insensitive; anything else → #VALUE!. */
export function parseRoiBasis(basis: unknown): ExcelResult<RoiBasis> {
  if (basis === null || basis === undefined) return "ratio";
  if (typeof basis === "string") {
    const b = basis.trim().toLowerCase();
    if (b === "ratio" || b === "net") return b;
  }
  return valueError('basis must be "ratio" or "net"');
}

/**
 * Return on investment.
 *   "ratio" (default): revenue / cost — the 投入产出比 of Chinese marketing reports (1:3.8 → 3.8);
 *   "net": (revenue − cost) / cost, computed in that form: revenue/cost − 1 would lose the digits of a small profit
 *   (6·10⁻⁷ relative near break-even).
 * Errors: basis not "ratio"/"net" → #VALUE!; cost = 0 → #DIV/0!; cost < 0 → #NUM!.
 * @example roi(3800, 1000) // 3.8
 * @example roi(3800, 1000, "net") // 2.8
 */
export function roi(revenue: unknown, cost: unknown, basis?: unknown): ExcelResult<number> {
  const args = coerceNumbers([
    [revenue, 0, "revenue"],
    [cost, 0, "cost"],
  ]);
  if (isExcelError(args)) return args;
  const b = parseRoiBasis(basis);
  if (isExcelError(b)) return b;
  const [r, c] = args;
  if (c === 0) return divZero("cost is 0");
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (c < 0) return numError("cost must not be negative");
  return finiteOrNum(b === "ratio" ? r / c : (r - c) / c);
}
