import { ExcelResult, valueError } from "../excelError";
import { parseNumericText } from "./coerce";

/**
 * Reads a TRUE/FALSE argument as Excel does in IF: omitted or blank → `fallback`; booleans as they are; a number is
 * TRUE unless it is 0; the text "TRUE"/"FALSE" (any case, or numeric text) likewise; other text, NaN or arrays → #VALUE!.
 */
export function coerceBoolean(value: unknown, fallback: boolean, name: string): ExcelResult<boolean> {
  if (value === null || value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isNaN(value) ? valueError(`${name} is not TRUE or FALSE`) : value !== 0;
  if (typeof value === "string") {
    const t = value.trim().toUpperCase();
    if (t === "TRUE") return true;
    if (t === "FALSE") return false;
    const n = parseNumericText(value);
    if (n !== undefined && !Number.isNaN(n)) return n !== 0;
  }
  return valueError(`${name} is not TRUE or FALSE`);
}
