/** What a simulated range proxy points at, and the checks and writes its setters share (values, formulas). */
import type { RangeRef } from "../../src/core/a1";
import { localAddress, sheetAddress } from "./address";
import { type SimRequestContext } from "./context";
import { SimOfficeError } from "./errors";
import { dateToSerial, type SheetModel, type WorkbookModel } from "./model";

/** getRanges() rejects address strings of this length or more (kept one under getRange's documented limit). */
export const MAX_GET_RANGES_ADDRESS = 8192;
/** Worksheet.getRange: "The address has a limit of 8192 characters" (longer fails with InvalidArgument). */
export const MAX_GET_RANGE_ADDRESS = 8192;

export interface RangeTarget {
  sheet: SheetModel;
  r: RangeRef;
}

export interface AreasTarget {
  sheet: SheetModel;
  areas: RangeRef[];
}

export const rows = (r: RangeRef) => r.bottom - r.top + 1;
export const cols = (r: RangeRef) => r.right - r.left + 1;
export const cells = (r: RangeRef) => rows(r) * cols(r);
/**
 * "A range is limited to 5,000,000 cells for read operations" (Resource limits and performance optimization for
 * Office Add-ins, Excel add-ins); the error table names the failure RangeExceedsLimit.
 */
export const MAX_READ_CELLS = 5_000_000;

export function checkReadSize(r: RangeRef): void {
  if (cells(r) > MAX_READ_CELLS) throw new SimOfficeError("RangeExceedsLimit", "Range", localAddress(r));
}

/** cellCount "Returns -1 if the cell count exceeds 2^31-1 (2,147,483,647)" (Range and RangeAreas reference). */
export const cellCountOf = (n: number) => (n > 2_147_483_647 ? -1 : n);

export function model(ctx: SimRequestContext): WorkbookModel {
  return ctx.env.model;
}

export function alive(ctx: SimRequestContext, sheet: SheetModel): SheetModel {
  if (!model(ctx).sheets.includes(sheet)) throw new SimOfficeError("ItemNotFound", sheet.name);
  return sheet;
}

export function forEachCell(areas: RangeRef[], fn: (row: number, col: number) => void): void {
  for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(r, c);
}

export function areasAddress(t: AreasTarget): string {
  return t.areas.map((a) => sheetAddress(t.sheet.name, a)).join(",");
}

// Writing values as Excel reads typed input: "=…" is a formula, "'…" is text, "12.5" and "2026-03-02" are numbers.

export function checkFormula(f: string): void {
  let depth = 0;
  let quoted = false;
  for (const ch of f.slice(1)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")" && --depth < 0) break;
  }
  if (f.length < 2 || depth !== 0 || quoted) throw new SimOfficeError("InvalidArgument", "Range.formulas", f);
}

export function writeCell(ctx: SimRequestContext, sheet: SheetModel, row: number, col: number, v: unknown): void {
  if (v === null || v === undefined) return; // Excel leaves a cell alone when its input is null.
  sheet.clearFormula(row, col);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new SimOfficeError("InvalidArgument", "Range.values", String(v));
    sheet.setValue(row, col, v);
  } else if (typeof v === "boolean") {
    sheet.setValue(row, col, v);
  } else if (typeof v === "string") {
    if (v.startsWith("'")) sheet.setValue(row, col, v.slice(1));
    else if (v.startsWith("=")) {
      checkFormula(v);
      sheet.setFormula(row, col, v);
    } else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) sheet.setValue(row, col, Number(v));
    else if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
      sheet.setValue(row, col, dateToSerial(new Date(`${v}T00:00:00Z`)));
    else if (/^(true|false)$/i.test(v)) sheet.setValue(row, col, v.toLowerCase() === "true");
    else sheet.setValue(row, col, v);
  } else {
    throw new SimOfficeError("InvalidArgument", "Range.values", typeof v);
  }
  void ctx;
}

export function writeGrid(ctx: SimRequestContext, t: RangeTarget, input: unknown, kind: string): void {
  const { sheet, r } = t;
  const grid = Array.isArray(input) ? (input as unknown[][]) : null;
  if (grid) {
    if (grid.length !== rows(r) || grid.some((row) => !Array.isArray(row) || row.length !== cols(r)))
      throw new SimOfficeError("InvalidArgument", `Range.${kind}`, "dimensions");
  }
  for (let i = 0; i < rows(r); i++)
    for (let j = 0; j < cols(r); j++) writeCell(ctx, sheet, r.top + i, r.left + j, grid ? grid[i][j] : input);
  ctx._write(kind, sheet.name, localAddress(r), input);
}
