import { ExcelError, ExcelResult, isExcelError, valueError } from "../excelError";

/** What a cell or an argument can hold as it reaches a function: Excel passes null for an omitted argument. */
export type CellInput = number | string | boolean | null | undefined;

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * Reads numeric text the way Excel (en-US) does for arithmetic: surrounding spaces, thousands separators ("1,200")
 * and a trailing percent sign ("5%" = 0.05) are accepted; anything else is not a number.
 */
export function parseNumericText(text: string): number | undefined {
  let body = text.trim();
  let scale = 1;
  if (body.endsWith("%")) {
    body = body.slice(0, -1).trimEnd();
    scale = 0.01;
  }
  if (GROUPED.test(body)) body = body.replace(/,/g, "");
  if (!DECIMAL.test(body)) return undefined;
  return Number(body) * scale;
}

/**
 * Coerces one argument to a number:
 * null/undefined (omitted argument or blank cell) → `fallback`; booleans → 1/0 as in Excel arithmetic;
 * numeric text → its value; other text, NaN, arrays or objects → #VALUE!. ±Infinity is passed through so the caller
 * can report it as #NUM! after its #DIV/0! checks (the error-precedence rule).
 */
export function coerceNumber(value: unknown, fallback: number, name: string): ExcelResult<number> {
  if (value === null || value === undefined) return fallback;
  if (typeof value === "number") return Number.isNaN(value) ? valueError(`${name} is not a number`) : value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") {
    const parsed = parseNumericText(value);
    return parsed === undefined ? valueError(`${name} is not a number: "${value}"`) : parsed;
  }
  return valueError(`${name} is not a number`);
}

/** One argument spec: its value, the default used when it is omitted, and its name for error messages. */
export type ArgSpec = readonly [value: unknown, fallback: number, name: string];

/** Coerces all arguments; the first #VALUE! wins (it precedes every #DIV/0! and #NUM! condition). */
export function coerceNumbers(specs: readonly ArgSpec[]): number[] | ExcelError {
  const out: number[] = [];
  for (const [value, fallback, name] of specs) {
    const n = coerceNumber(value, fallback, name);
    if (isExcelError(n)) return n;
    out.push(n);
  }
  return out;
}

/** Whether every value is a finite number (an infinite argument is a #NUM! condition). */
export function allFinite(values: readonly number[]): boolean {
  return values.every(Number.isFinite);
}
