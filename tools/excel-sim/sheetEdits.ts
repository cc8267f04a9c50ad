/**
 * The edits people make to a sheet, with Excel's semantics, for the proxies (Range.insert/delete, Range.sort) and the
 * host inspector alike:
 * - inserting or deleting whole rows moves every cell below (values, formulas, fills, bold, links, wrap, alignment),
 *   row heights, merged areas, tables, page breaks and conditional formats' ranges: a range that spans the insertion
 *   point grows, one below it moves, one whose rows are all deleted is gone and a rule left without ranges is deleted;
 * - sorting moves each row's values and cell formats with it, never conditional formats (they stay on their cells);
 * - a custom conditional format shows its fill on a cell when its formula is TRUE: the simulator evaluates constant
 *   formulas only (`=TRUE`, `=FALSE`, `=N("text")=0`, `=1=1`), others are unknown and show nothing.
 */
import type { RangeRef } from "../../src/core/a1";
import { MAX_COLS } from "./address";
import type { SheetModel, SimScalar, WorkbookModel } from "./model";

/** A per-cell map keyed row * MAX_COLS + col, with every key's row passed through `move` (null: the cell is gone). */
function remapCells<V>(m: Map<number, V>, move: (row: number) => number | null): void {
  const entries = [...m];
  m.clear();
  for (const [k, v] of entries) {
    const row = Math.floor(k / MAX_COLS);
    const to = move(row);
    if (to !== null) m.set(to * MAX_COLS + (k % MAX_COLS), v);
  }
}

function remapSet(s: Set<number>, move: (row: number) => number | null): void {
  const keys = [...s];
  s.clear();
  for (const k of keys) {
    const to = move(Math.floor(k / MAX_COLS));
    if (to !== null) s.add(to * MAX_COLS + (k % MAX_COLS));
  }
}

function remapRows<V>(m: Map<number, V>, move: (row: number) => number | null): void {
  const entries = [...m];
  m.clear();
  for (const [row, v] of entries) {
    const to = move(row);
    if (to !== null) m.set(to, v);
  }
}

/** Moves every cell-keyed thing on the sheet by `move`. */
function moveCells(sheet: SheetModel, move: (row: number) => number | null): void {
  remapRows(sheet.rows, move);
  remapCells(sheet.formulas, move);
  remapCells(sheet.fills, move);
  remapSet(sheet.bold, move);
  remapCells(sheet.hyperlinks, move);
  remapSet(sheet.wrapped, move);
  remapCells(sheet.verticalAlignments, move);
  remapRows(sheet.rowHeights, move);
  const breaks = sheet.rowBreaks.map(move).filter((r): r is number => r !== null && r > 0);
  sheet.rowBreaks.splice(0, sheet.rowBreaks.length, ...[...new Set(breaks)].sort((a, b) => a - b));
}

/** Range rows after inserting `count` rows at `at`: below moves down, spanning grows. */
function insertedRange(r: RangeRef, at: number, count: number): RangeRef {
  if (r.top >= at) return { ...r, top: r.top + count, bottom: r.bottom + count };
  if (r.bottom >= at) return { ...r, bottom: r.bottom + count };
  return r;
}

/** Range rows after deleting rows at..at+count-1: null when all of its rows went. */
function deletedRange(r: RangeRef, at: number, count: number): RangeRef | null {
  const end = at + count - 1;
  if (r.bottom < at) return r;
  if (r.top > end) return { ...r, top: r.top - count, bottom: r.bottom - count };
  const top = r.top < at ? r.top : at;
  const bottom = r.bottom > end ? r.bottom - count : at - 1;
  return bottom < top ? null : { ...r, top, bottom };
}

function adjustRanges(workbook: WorkbookModel, sheet: SheetModel, f: (r: RangeRef) => RangeRef | null): void {
  for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) {
    const cf = sheet.conditionalFormats[i];
    cf.ranges = cf.ranges.map(f).filter((r): r is RangeRef => r !== null);
    if (cf.ranges.length === 0) sheet.conditionalFormats.splice(i, 1);
  }
  const merged = sheet.merged.map(f).filter((r): r is RangeRef => r !== null);
  sheet.merged.splice(0, sheet.merged.length, ...merged);
  for (let i = workbook.tables.length - 1; i >= 0; i--) {
    const t = workbook.tables[i];
    if (t.sheet !== sheet) continue;
    const r = f(t.range);
    if (r) t.range = r;
    else workbook.tables.splice(i, 1);
  }
}

/** Inserts `count` empty rows at row `at` (0-based), as Excel's Insert → Entire row. */
export function insertRows(workbook: WorkbookModel, sheet: SheetModel, at: number, count: number): void {
  moveCells(sheet, (row) => (row >= at ? row + count : row));
  adjustRanges(workbook, sheet, (r) => insertedRange(r, at, count));
}

/** Deletes rows at..at+count-1 (0-based), as Excel's Delete → Entire row. */
export function deleteRows(workbook: WorkbookModel, sheet: SheetModel, at: number, count: number): void {
  moveCells(sheet, (row) => (row < at ? row : row < at + count ? null : row - count));
  adjustRanges(workbook, sheet, (r) => deletedRange(r, at, count));
}

/** Excel's ascending order: numbers, then text (case-insensitive), then FALSE, TRUE; blanks last either way. */
function rank(v: SimScalar): number {
  return typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
}

export function compareCells(a: SimScalar, b: SimScalar, ascending: boolean): number {
  const blankA = a === "";
  const blankB = b === "";
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  let d = rank(a) - rank(b);
  if (d === 0) {
    if (typeof a === "number" && typeof b === "number") d = a - b;
    else if (typeof a === "string" && typeof b === "string")
      d = a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
    else d = Number(a) - Number(b);
  }
  return ascending ? d : -d;
}

export interface SortField {
  /** Column offset within the range. */
  key: number;
  ascending?: boolean;
}

/**
 * Sorts the rows of `r` (its header row stays when hasHeaders) by the fields, stably: each row's cells move with
 * their values, formulas and formats; conditional formats, row heights and anything outside the range stay.
 */
export function sortRows(sheet: SheetModel, r: RangeRef, fields: readonly SortField[], hasHeaders: boolean): void {
  const top = r.top + (hasHeaders ? 1 : 0);
  if (top > r.bottom) return;
  const order = Array.from({ length: r.bottom - top + 1 }, (_, i) => top + i);
  order.sort((x, y) => {
    for (const f of fields) {
      const col = r.left + f.key;
      const d = compareCells(sheet.getValue(x, col), sheet.getValue(y, col), f.ascending !== false);
      if (d !== 0) return d;
    }
    return x - y;
  });
  // Row `order[i]` goes to row top + i, within the range's columns only.
  const key = (row: number, col: number) => row * MAX_COLS + col;
  const snapshot = order.map((from) => {
    const cells: { col: number; value: SimScalar; formula?: string; fill?: unknown; bold: boolean }[] = [];
    for (let col = r.left; col <= r.right; col++)
      cells.push({
        col,
        value: sheet.getValue(from, col),
        formula: sheet.formulas.get(key(from, col)),
        fill: sheet.fills.get(key(from, col)),
        bold: sheet.bold.has(key(from, col)),
      });
    return {
      cells,
      links: cells.map((c) => sheet.hyperlinks.get(key(from, c.col))),
      wrap: cells.map((c) => sheet.wrapped.has(key(from, c.col))),
      align: cells.map((c) => sheet.verticalAlignments.get(key(from, c.col))),
    };
  });
  snapshot.forEach((row, i) => {
    const to = top + i;
    row.cells.forEach((c, j) => {
      const k = key(to, c.col);
      const existing = sheet.rows.get(to);
      if (existing || c.value !== "") sheet.setValue(to, c.col, c.value);
      if (c.formula !== undefined) sheet.formulas.set(k, c.formula);
      else sheet.formulas.delete(k);
      if (c.fill) sheet.fills.set(k, c.fill as never);
      else sheet.fills.delete(k);
      if (c.bold) sheet.bold.add(k);
      else sheet.bold.delete(k);
      const link = row.links[j];
      if (link) sheet.hyperlinks.set(k, link);
      else sheet.hyperlinks.delete(k);
      if (row.wrap[j]) sheet.wrapped.add(k);
      else sheet.wrapped.delete(k);
      const a = row.align[j];
      if (a !== undefined) sheet.verticalAlignments.set(k, a);
      else sheet.verticalAlignments.delete(k);
    });
  });
}

/**
 * The value of a constant formula as a conditional format would compute it, or undefined when it depends on cells
 * (the simulator does not calculate). `=N("text")=0` is TRUE: N of text is 0.
 */
export function constantCondition(formula: string | undefined): boolean | undefined {
  if (formula === undefined) return undefined;
  const f = formula.replace(/\s+/g, "").replace(/^=/, "").toUpperCase();
  if (f === "TRUE" || f === "1=1") return true;
  if (f === "FALSE" || f === "1=0") return false;
  const m = /^\(?N\("((?:[^"]|"")*)"\)=(-?\d+(?:\.\d+)?)\)?$/.exec(f);
  if (m) return Number(m[2]) === 0;
  return undefined;
}

function contains(r: RangeRef, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/**
 * The fill conditional formatting shows on a cell: the first rule by priority that covers it, is TRUE and sets a
 * fill (a TRUE rule with stopIfTrue ends the search); undefined when none does.
 */
export function conditionalFill(sheet: SheetModel, row: number, col: number): string | undefined {
  for (const cf of sheet.conditionalFormats) {
    if (!cf.ranges.some((r) => contains(r, row, col))) continue;
    const on = cf.type === "Custom" ? constantCondition(cf.formula) : undefined;
    if (on !== true) continue;
    if (cf.fill) return cf.fill;
    if (cf.stopIfTrue) return undefined;
  }
  return undefined;
}

/** "'Old name'!$A$1" → "'New name'!$A$1" in a defined name's formula, as Excel rewrites names on a sheet rename. */
export function renameInFormula(formula: string, from: string, to: string, quote: (s: string) => string): string {
  const forms = [quote(from), `'${from.replace(/'/g, "''")}'`, from];
  for (const f of forms) {
    const i = formula.toLowerCase().indexOf(`${f.toLowerCase()}!`);
    if (i >= 0) return formula.slice(0, i) + quote(to) + formula.slice(i + f.length);
  }
  return formula;
}
