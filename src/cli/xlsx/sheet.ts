/**
 * Worksheet XML scanning without a DOM: one regex pass over <sheetData> reads every cell's value, and a
 * second pass rewrites only the `s` (style) attribute of the cells being coloured or restored.
 */
import type { CellValue } from "../../core/rules/types";
import { columnIndex, columnLetters } from "../../core/a1";
import { unescapeXml } from "./xml";

export interface SheetGrid {
  /** rows[r][c] for 0-based sheet row r and column c; holes are empty cells. */
  rows: CellValue[][];
  /** Highest 0-based column index that holds a cell. */
  maxCol: number;
  /** Offset of each row's <row> tag in the XML that was read (-1: none), so restyling can jump to it. */
  rowOffsets: Map<number, number>;
}

/** The namespace prefix of the worksheet's elements ("" or "x:"). */
export function elementPrefix(xml: string): string {
  const m = /<(\w+:)?worksheet[\s>]/.exec(xml);
  return m?.[1] ?? "";
}

// Attributes may be single-quoted (valid XML; some writers do it): every pattern takes either quote.
const R_ATTR = /\sr\s*=\s*["']([A-Za-z]{1,3})(\d+)["']/;
const ROW_R = /\sr\s*=\s*["'](\d+)["']/;
const T_ATTR = /\st\s*=\s*["'](\w+)["']/;
/** The style attribute and its quote, which a rewrite keeps so that clear gives back the same bytes. */
const S_ATTR = /\ss\s*=\s*(["'])(\d+)["']/;

/** Set by cellRef: the 0-based column and row of the last r="B12" read. */
let refCol = -1;
let refRow = -1;

/** Reads a cell's r="B12" by char codes (the hot path of a 650,000-cell sheet); false when absent or odd. */
function cellRef(attrs: string): boolean {
  let i = attrs.indexOf(' r="');
  if (i < 0) {
    const m = /\sr\s*=\s*["']/.exec(attrs);
    if (!m) return false;
    i = m.index + m[0].length - 4;
  }
  i += 4;
  let col = 0;
  let c = attrs.charCodeAt(i);
  while ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    col = col * 26 + ((c & ~32) - 64);
    c = attrs.charCodeAt(++i);
  }
  let row = 0;
  while (c >= 48 && c <= 57) {
    row = row * 10 + (c - 48);
    c = attrs.charCodeAt(++i);
  }
  if (col === 0 || row === 0 || (c !== 34 && c !== 39)) return false;
  refCol = col - 1;
  refRow = row - 1;
  return true;
}

function cellType(attrs: string): string | undefined {
  const i = attrs.indexOf(' t="');
  if (i >= 0) return attrs.slice(i + 4, attrs.indexOf('"', i + 4));
  return attrs.includes("t=") ? T_ATTR.exec(attrs)?.[1] : undefined;
}

function cellValue(type: string | undefined, inner: string, sst: readonly string[], p: string): CellValue {
  if (type === "inlineStr") {
    let s = "";
    const tRe = /<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g;
    const body = inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
    let t: RegExpExecArray | null;
    while ((t = tRe.exec(body))) s += t[1];
    return unescapeXml(s);
  }
  const vs = inner.indexOf(`<${p}v`);
  let v: string | undefined;
  if (
    vs >= 0 &&
    (inner[vs + p.length + 2] === ">" || inner[vs + p.length + 2] === " " || inner[vs + p.length + 2] === "/")
  ) {
    const gt = inner.indexOf(">", vs);
    if (inner[gt - 1] !== "/") v = inner.slice(gt + 1, inner.indexOf("</", gt));
  }
  if (v === undefined) return null;
  switch (type) {
    case "s":
      return sst[Number(v)] ?? null;
    case "str":
    case "e":
      return unescapeXml(v);
    case "b":
      return v === "1" || v === "true";
    case "d": {
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}${v.includes("T") ? "" : "T00:00:00"}Z`);
      return Number.isNaN(d.getTime()) ? unescapeXml(v) : d;
    }
    default: {
      if (v === "") return null;
      const n = Number(v);
      return Number.isNaN(n) ? unescapeXml(v) : n;
    }
  }
}

/** Reads every cell value of a worksheet (numbers stay numbers: dates are Excel serials). */
export function readSheet(xml: string, sst: readonly string[]): SheetGrid {
  const p = elementPrefix(xml);
  const start = xml.indexOf(`<${p}sheetData`);
  const rows: CellValue[][] = [];
  const rowOffsets = new Map<number, number>();
  let maxCol = -1;
  if (start < 0) return { rows, maxCol, rowOffsets };
  const end = xml.indexOf(`</${p}sheetData>`, start);
  if (end < 0) return { rows, maxCol, rowOffsets };
  const closeC = `</${p}c>`;
  const tagRe = new RegExp(`<${p}(row|c)(?=[\\s/>])([^>]*)>`, "g");
  tagRe.lastIndex = start;
  let row = -1;
  let col = -1;
  let current: CellValue[] = [];
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(xml)) && m.index < end) {
    const selfClosing = m[2].endsWith("/");
    const attrs = selfClosing ? m[2].slice(0, -1) : m[2];
    if (m[1] === "row") {
      const r = ROW_R.exec(attrs);
      row = r ? Number(r[1]) - 1 : row + 1;
      col = -1;
      current = rows[row] ?? (rows[row] = []);
      if (!rowOffsets.has(row)) rowOffsets.set(row, m.index);
      continue;
    }
    if (cellRef(attrs)) {
      col = refCol;
      if (refRow !== row) {
        rowOffsets.set(refRow, -1); // a cell outside its <row>: no safe jump for this row
        row = refRow;
        current = rows[row] ?? (rows[row] = []);
      }
    } else col++;
    if (selfClosing) continue;
    const close = xml.indexOf(closeC, tagRe.lastIndex);
    const inner = xml.slice(tagRe.lastIndex, close);
    tagRe.lastIndex = close + closeC.length;
    const t = cellType(attrs);
    const value = cellValue(t, inner, sst, p);
    if (value !== null && value !== "") {
      current[col] = value;
      if (col > maxCol) maxCol = col;
    }
  }
  return { rows, maxCol, rowOffsets };
}

/** Returned by a restyle target to write an explicit s="0" (some writers, LibreOffice among them, keep it). */
export const EXPLICIT_XF_0 = -1;

/**
 * Rewrites the style index of the cells in `targets` (A1 address → function of the current style index and
 * whether the cell carries an `s` attribute, returning the new index; 0 removes the attribute, as Excel omits
 * s="0", and EXPLICIT_XF_0 writes s="0"). Returns the new XML and the addresses found. Every other byte of the
 * part is kept, the attribute's quote character included.
 */
export function restyleCells(
  xml: string,
  targets: ReadonlyMap<string, (currentXf: number, explicit: boolean) => number>,
  rowOffsets?: ReadonlyMap<number, number>,
): { xml: string; found: Set<string> } {
  const found = new Set<string>();
  if (targets.size === 0) return { xml, found };
  const p = elementPrefix(xml);
  const start = xml.indexOf(`<${p}sheetData`);
  const end = xml.indexOf(`</${p}sheetData>`, start);
  if (start < 0 || end < 0) return { xml, found };
  // With the row offsets from readSheet, visit only the rows that hold targets; otherwise scan every row.
  // Each span starts at a row whose 0-based index is known (-1: before the first row), for rows without r=.
  let spans: [number, number, number][] = [[start, end, -1]];
  if (rowOffsets) {
    const rows = new Map<number, number>();
    let jump = true;
    for (const address of targets.keys()) {
      const row = Number(/\d+$/.exec(address)?.[0] ?? 0) - 1;
      const off = rowOffsets.get(row);
      if (off === undefined || off < 0) jump = false;
      else rows.set(off, row);
    }
    if (jump) {
      const closeRow = `</${p}row>`;
      spans = [...rows]
        .sort((a, b) => a[0] - b[0])
        .map(([off, row]) => {
          const close = xml.indexOf(closeRow, off);
          return [off, close < 0 || close > end ? end : close, row] as [number, number, number];
        });
    }
  }
  const tagRe = new RegExp(`<${p}(row|c)(?=[\\s/>])([^>]*)>`, "g");
  const parts: string[] = [];
  let copied = 0;
  let row = -1;
  let col = -1;
  let m: RegExpExecArray | null;
  for (const [from, to, spanRow] of spans) {
    tagRe.lastIndex = from;
    if (spanRow >= 0) row = spanRow - 1;
    while ((m = tagRe.exec(xml)) && m.index < to) {
      const attrs = m[2].endsWith("/") ? m[2].slice(0, -1) : m[2];
      if (m[1] === "row") {
        const r = ROW_R.exec(attrs);
        row = r ? Number(r[1]) - 1 : row + 1;
        col = -1;
        continue;
      }
      const r = R_ATTR.exec(attrs);
      let address: string;
      if (r) {
        address = r[1].toUpperCase() + r[2];
        col = columnIndex(r[1]);
        row = Number(r[2]) - 1;
      } else {
        col++;
        address = columnLetters(col) + (row + 1);
      }
      const fn = targets.get(address);
      if (!fn) continue;
      found.add(address);
      const sm = S_ATTR.exec(attrs);
      const result = fn(sm ? Number(sm[2]) : 0, sm !== null);
      const next = result === EXPLICIT_XF_0 ? 0 : result;
      const keep = result !== 0;
      let newAttrs: string;
      if (sm) newAttrs = keep ? attrs.replace(sm[0], ` s=${sm[1]}${next}${sm[1]}`) : attrs.replace(sm[0], "");
      else newAttrs = keep ? `${attrs} s="${next}"` : attrs;
      if (newAttrs === attrs) continue;
      const attrsStart = m.index + 1 + p.length + 1;
      parts.push(xml.slice(copied, attrsStart), newAttrs);
      copied = attrsStart + attrs.length;
    }
  }
  parts.push(xml.slice(copied));
  return { xml: parts.join(""), found };
}

/** Every style index a worksheet references (<c s>, <row s>, <col style>): an over-approximation is safe. */
export function referencedStyles(xml: string, into: Set<number>): void {
  const re = /\s(?:s|style)\s*=\s*["'](\d+)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) into.add(Number(m[1]));
}
