/**
 * The channel table of a worksheet, found as the task pane finds one (src/core/table), and the warnings only a file
 * can raise (formulas saved without their values).
 */
import { columnLetters, rangeAddress, type RangeRef } from "../core/a1";
import { COLUMN_NAMES } from "../core/i18n/rules";
import {
  METRIC_KEYS,
  type Bilingual,
  type CellValue,
  type EngineWarning,
  type RulesResult,
  type Table,
} from "../core/rules/types";
import { findTable, type FoundTable } from "../core/table/findTable";
import { detectColumns, hasMetricColumn } from "../core/table/headers";
import { cellKey, type SheetGrid } from "./xlsx/sheet";

export interface LocatedTable {
  table: Table;
  /** Sheet row of each data row. */
  rowMap: number[];
  left: number;
  address: string;
  /** What detection assumed, shown with the engine's warnings. */
  assumptions: Bilingual[];
}

/** Cells left..right of a sheet row, blanks as null. */
function rowSlice(row: CellValue[] | undefined, left: number, right: number): CellValue[] {
  const out: CellValue[] = []; // packed, not holey: the engine walks these arrays column by column
  for (let c = left; c <= right; c++) out.push(row?.[c] ?? null);
  return out;
}

function isBlank(row: CellValue[] | undefined, left: number, right: number): boolean {
  if (!row) return true;
  for (let c = left; c <= right; c++) {
    const v = row[c];
    if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return false;
  }
  return true;
}

/** The table of a sheet: the given range, or the first recognised header row and everything below it. */
export function locateTable(grid: SheetGrid, range?: RangeRef, date1904 = false): LocatedTable | null {
  let found: FoundTable | null = null;
  let top: number;
  let left: number;
  let right: number;
  let bottom: number;
  if (range) {
    ({ top, left, right, bottom } = range);
  } else {
    found = findTable(grid.rows, { date1904 });
    if (!found) return null;
    top = found.dataRow - 1; // the (last) header row
    ({ firstCol: left, lastCol: right } = found);
    bottom = grid.rows.length - 1;
  }
  const header = found ? found.header : rowSlice(grid.rows[top], left, right);
  if (!hasMetricColumn(detectColumns(header))) return null;
  const rows: CellValue[][] = [];
  const rowMap: number[] = [];
  for (let r = top + 1; r <= bottom && r < grid.rows.length; r++) {
    if (isBlank(grid.rows[r], left, right)) continue;
    rows.push(rowSlice(grid.rows[r], left, right));
    rowMap.push(r);
  }
  const last = rowMap.length ? rowMap[rowMap.length - 1] : top;
  const address = rangeAddress({ top, left, right, bottom: range ? bottom : last });
  return { table: { header, rows }, rowMap, left, address, assumptions: found?.assumptions ?? [] };
}

/**
 * One warning per metric column of the table holding formulas whose results were never stored (openpyxl and pandas
 * write the formula only): the rules cannot read them, and only a spreadsheet program can calculate them (§1.8).
 */
export function formulaWarnings(grid: SheetGrid, located: LocatedTable, result: RulesResult): EngineWarning[] {
  const out: EngineWarning[] = [];
  if (grid.formulasWithoutValues.size === 0) return out;
  for (const metric of METRIC_KEYS) {
    const col = result.mapping[metric];
    if (col === undefined) continue;
    const sheetCol = located.left + col;
    let count = 0;
    let first = -1;
    let last = -1;
    located.rowMap.forEach((sheetRow, i) => {
      if (!grid.formulasWithoutValues.has(cellKey(sheetRow, sheetCol))) return;
      count++;
      if (first < 0) first = i;
      last = i;
    });
    if (count === 0) continue;
    const letter = columnLetters(sheetCol);
    const a = `${letter}${located.rowMap[first] + 1}`;
    const b = `${letter}${located.rowMap[last] + 1}`;
    const where = a === b ? a : `${a}:${b}`;
    const span = last - first + 1;
    const name = COLUMN_NAMES[metric];
    const en =
      count === 1
        ? `${name.en} in ${where} is a formula with no calculated value`
        : count === span
          ? `${name.en} in ${where} are formulas with no calculated values`
          : `${name.en} in ${where}: ${count} cells are formulas with no calculated values`;
    out.push({
      code: "formulas-without-values",
      col,
      rows: { first, last },
      count,
      message: {
        en: `${en}, so the rules could not check ${count === 1 ? "it" : "them"}; open and save the file in Excel first.`,
        zh: `${name.zh}（${where}）有 ${count} 个单元格是没有计算结果的公式，规则无法检查；请先在 Excel 中打开并保存该文件。`,
      },
    });
  }
  return out;
}
