/**
 * Where a table starts on a whole sheet: a title or notes may sit above the header row.
 */
import type { CellValue } from "../rules/types";
import { detectColumns, hasMetricColumn } from "./headers";

function isEmptyRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) {
    if (v === null || v === undefined) continue;
    if (typeof v === "string" && v.trim() === "") continue;
    return false;
  }
  return true;
}

/**
 * Index of the header row: the first of the first `maxScan` non-empty rows that has a recognised metric column;
 * -1 when none has.
 */
export function findHeaderRow(rows: CellValue[][], maxScan = 10): number {
  let seen = 0;
  for (let r = 0; r < rows.length && seen < maxScan; r++) {
    if (isEmptyRow(rows[r])) continue;
    seen++;
    if (hasMetricColumn(detectColumns(rows[r]))) return r;
  }
  return -1;
}
