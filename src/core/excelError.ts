/**
 * Excel error values as plain data, so src/core can report "#DIV/0!" without knowing about Office.
 * Each host maps them to its own representation (CustomFunctions.Error in the add-in, the error text in the CLI).
 */
export type ExcelErrorKind = "#DIV/0!" | "#NUM!" | "#VALUE!";

export interface ExcelError {
  readonly error: ExcelErrorKind;
  /** A short English reason, shown as the error's tooltip in Excel. */
  readonly message: string;
}

/** A result that is either a value or an Excel error. */
export type ExcelResult<T> = T | ExcelError;

export function excelError(error: ExcelErrorKind, message: string): ExcelError {
  return { error, message };
}

export const divZero = (message: string): ExcelError => excelError("#DIV/0!", message);
export const numError = (message: string): ExcelError => excelError("#NUM!", message);
export const valueError = (message: string): ExcelError => excelError("#VALUE!", message);

export function isExcelError(value: unknown): value is ExcelError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { error?: unknown }).error === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

/** An overflowing or undefined arithmetic result is #NUM! (Excel never shows NaN or ±Infinity). */
export function finiteOrNum(value: number, message = "result is out of range"): ExcelResult<number> {
  return Number.isFinite(value) ? value : numError(message);
}
