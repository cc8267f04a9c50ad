import type { ExcelError } from "../core/excelError";
import { isExcelError } from "../core/excelError";

/** Maps a core Excel error value to the add-in runtime's error object (read lazily: the global exists only in Excel). */
export function toCustomFunctionsError(e: ExcelError): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  const code =
    e.error === "#DIV/0!" ? codes.divisionByZero : e.error === "#NUM!" ? codes.invalidNumber : codes.invalidValue;
  return new CustomFunctions.Error(code, e.message);
}

/** A scalar core result as a custom-function result. */
export function toCell<T>(value: T | ExcelError): T | CustomFunctions.Error {
  return isExcelError(value) ? toCustomFunctionsError(value) : value;
}

/** A matrix of core results as a spilled custom-function result, errors kept per cell. */
export function toMatrix<T>(rows: readonly (readonly (T | ExcelError)[])[]): (T | CustomFunctions.Error)[][] {
  return rows.map((row) => row.map(toCell));
}
