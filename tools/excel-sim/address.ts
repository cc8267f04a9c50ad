/**
 * Excel address text for the simulated host: parsing "A1", "$A$1:B3", "Sheet1!A1", "'My sheet'!A:C", "3:5",
 * and formatting sheet-qualified addresses the way Excel returns them.
 */
import { columnIndex, rangeAddress, type RangeRef } from "../../src/core/a1";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface ParsedAddress {
  sheet?: string;
  range: RangeRef;
}

function splitSheet(address: string): { sheet?: string; body: string } {
  const s = address.trim();
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { body: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, body: s.slice(bang + 1) };
}

type Part = { row?: number; col?: number };

function parsePart(p: string): Part | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(p);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const part: Part = {};
  if (m[1] !== "") {
    const c = columnIndex(m[1]);
    if (c < 0 || c >= MAX_COLS) return null;
    part.col = c;
  }
  if (m[2] !== "") {
    const r = Number(m[2]) - 1;
    if (r < 0 || r >= MAX_ROWS) return null;
    part.row = r;
  }
  return part;
}

/** One area's address; null when Excel would reject it. */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheet, body } = splitSheet(address);
  const pieces = body.split(":");
  if (pieces.length > 2 || pieces[0] === "") return null;
  const a = parsePart(pieces[0]);
  const b = pieces.length === 2 ? parsePart(pieces[1]) : a;
  if (!a || !b) return null;
  const wholeCols = a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined;
  const wholeRows = a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined;
  if (pieces.length === 1 && (wholeCols || wholeRows)) return null;
  if (
    !wholeCols &&
    !wholeRows &&
    (a.row === undefined || a.col === undefined || b.row === undefined || b.col === undefined)
  )
    return null;
  const r1 = wholeCols ? 0 : a.row!;
  const r2 = wholeCols ? MAX_ROWS - 1 : b.row!;
  const c1 = wholeRows ? 0 : a.col!;
  const c2 = wholeRows ? MAX_COLS - 1 : b.col!;
  return {
    sheet,
    range: { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) },
  };
}

/** "A1:B2, D4" → areas; null when any area is unreadable. */
export function parseMultiAddress(address: string): ParsedAddress[] | null {
  const out: ParsedAddress[] = [];
  for (const piece of address.split(",")) {
    const p = parseAddress(piece);
    if (!p) return null;
    out.push(p);
  }
  return out;
}

/** Sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, _ and dots. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Address without the sheet: "A1:C3", "A:C" for whole columns, "3:5" for whole rows. */
export function localAddress(r: RangeRef): string {
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) {
    const a = rangeAddress({ top: 0, bottom: 0, left: r.left, right: r.right }).replace(/\d+/g, "");
    return a.includes(":") ? a : `${a}:${a}`;
  }
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  return rangeAddress(r);
}

export function sheetAddress(sheet: string, r: RangeRef): string {
  return `${quoteSheet(sheet)}!${localAddress(r)}`;
}
