import { ExcelError, ExcelResult, divZero, finiteOrNum, isExcelError, numError, valueError } from "../excelError";
import { coerceNumber } from "./coerce";

/** One output cell: a rate, "" for a blank input cell, or an error confined to that cell. */
export type CohortCell = number | "" | ExcelError;

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === "";

/**
 * Cohort retention matrix: for each row, the cohort size in the first column and active users per period in the
 * next columns; the result has the same rows and one column fewer, each cell active ÷ cohort size.
 * Per cell: blank active cell → ""; non-numeric active cell or cohort size → #VALUE!; cohort size 0 → #DIV/0!;
 * negatives or active > cohort size → #NUM! (as RETENTION). A blank cohort size counts as 0, as in Excel
 * arithmetic, so a blank row stays blank and a row of counts without a cohort size shows #DIV/0!.
 * A range with fewer than two columns → a single #VALUE!.
 * @example cohortRetention([[1000, 420, 300], [800, 400, ""]]) // [[0.42, 0.3], [0.5, ""]]
 */
export function cohortRetention(range: unknown): ExcelResult<CohortCell[][]> {
  if (!Array.isArray(range) || range.length === 0 || !range.every(Array.isArray)) {
    return valueError("expected a range with the cohort size in the first column");
  }
  const rows = range as unknown[][];
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width < 2) return valueError("expected a cohort size column and at least one period column");
  return rows.map((row) => {
    const sizeCell = row[0];
    const size = coerceNumber(isBlank(sizeCell) ? null : sizeCell, 0, "cohort size");
    const out: CohortCell[] = [];
    for (let j = 1; j < width; j++) out.push(retentionCell(size, row[j]));
    return out;
  });
}

function retentionCell(size: ExcelResult<number>, activeCell: unknown): CohortCell {
  if (isBlank(activeCell)) return "";
  const active = coerceNumber(activeCell, 0, "active users");
  if (isExcelError(active)) return active;
  if (isExcelError(size)) return size;
  if (size === 0) return divZero("cohort size is 0");
  if (!Number.isFinite(size) || !Number.isFinite(active)) return numError("a value is not a finite number");
  if (size < 0 || active < 0) return numError("user counts must not be negative");
  if (active > size) return numError("active users exceed the cohort size");
  return finiteOrNum(active / size);
}
