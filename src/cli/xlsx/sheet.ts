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

const R_ATTR = /\sr="([A-Za-z]{1,3})(\d+)"/;
const ROW_R = /\sr="(\d+)"/;
const T_ATTR = /\st="(\w+)"/;

/** Set by cellRef: the 0-based column and row of the last r="B12" read. */
let refCol = -1;
let refRow = -1;

/** Reads a cell's r="B12" by char codes (the hot path of a 650,000-cell sheet); false when absent or odd. */
function cellRef(attrs: string): boolean {
  let i = attrs.indexOf(' r="');
  if (i < 0) {
    const m = /\sr="/.exec(attrs);
    if (!m) return false;
    i = m.index;
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
  if (col === 0 || row === 0 || c !== 34) return false;
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

/**
 * Rewrites the style index of the cells in `targets` (A1 address → function of the current style index
 * returning the new one; 0 removes the attribute, as Excel omits s="0"). Returns the new XML and the
 * addresses found. Every other byte of the part is kept.
 */
export function restyleCells(
  xml: string,
  targets: ReadonlyMap<string, (currentXf: number) => number>,
  rowOffsets?: ReadonlyMap<number, number>,
): { xml: string; found: Set<string> } {
  const found = new Set<string>();
  if (targets.size === 0) return { xml, found };
  const p = elementPrefix(xml);
  const start = xml.indexOf(`<${p}sheetData`);
  const end = xml.indexOf(`</${p}sheetData>`, start);
  if (start < 0 || end < 0) return { xml, found };
  // With the row offsets from readSheet, visit only the rows that hold targets; otherwise scan every row.
  let spans: [number, number][] = [[start, end]];
  if (rowOffsets) {
    const offsets = new Set<number>();
    let jump = true;
    for (const address of targets.keys()) {
      const off = rowOffsets.get(Number(/\d+$/.exec(address)?.[0] ?? 0) - 1);
      if (off === undefined || off < 0) jump = false;
      else offsets.add(off);
    }
    if (jump) {
      const closeRow = `</${p}row>`;
      spans = [...offsets]
        .sort((a, b) => a - b)
        .map((off) => {
          const close = xml.indexOf(closeRow, off);
          return [off, close < 0 || close > end ? end : close] as [number, number];
        });
    }
  }
  const tagRe = new RegExp(`<${p}(row|c)(?=[\\s/>])([^>]*)>`, "g");
  const parts: string[] = [];
  let copied = 0;
  let row = -1;
  let col = -1;
  let m: RegExpExecArray | null;
  for (const [from, to] of spans) {
    tagRe.lastIndex = from;
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
      const sm = /\ss="(\d+)"/.exec(attrs);
      const next = fn(sm ? Number(sm[1]) : 0);
      let newAttrs: string;
      if (sm) newAttrs = next === 0 ? attrs.replace(sm[0], "") : attrs.replace(sm[0], ` s="${next}"`);
      else newAttrs = next === 0 ? attrs : `${attrs} s="${next}"`;
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
  const re = /\s(?:s|style)="(\d+)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) into.add(Number(m[1]));
}
