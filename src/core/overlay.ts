/**
 * Warning colours as an overlay (issue 15 §1), decided once for both hosts: Flag adds one conditional-format rule
 * per sheet and colour whose formula is always TRUE and names us, on the flagged cells as a multi-area range. The
 * cells' own formats are never touched, so Clear has nothing to restore: it removes the rules that carry the marker
 * formula, wherever they are now (spreadsheet programs move a rule's ranges with inserted, deleted and moved rows,
 * and keep it through a sheet rename).
 *
 * - OVERLAY_FORMULA: the rule's formula, `N("growth-signals")=0` (N of text is 0, so it is always TRUE).
 * - REPORT_SHEET_MARKER: the sheet-scoped defined name our report sheet carries; it moves with the sheet through a
 *   rename or a reorder, so a user's own sheet named "Growth Signals" is never taken for ours.
 * - overlayRules: the flagged cells grouped per sheet and colour into rectangles (multi-area ranges).
 * - rowKey / flaggedRowsFingerprint / fingerprintChanged: sorting moves values but not conditional formats, so the
 *   state records a fingerprint of the flagged rows (channel + period of every row a rule covers); a host that
 *   finds another fingerprint under our rules now says the table changed since the warnings were set.
 */
import { rangeAddress, type RangeRef } from "./a1";
import { severity, WARNING_COLOURS, type WarningColour } from "./colours";
import type { Bilingual } from "./rules/types";

/** The text our rules name, in their formula (and nowhere else). */
export const OVERLAY_MARKER = "growth-signals";

/** The formula of every rule of ours as SpreadsheetML stores it (no leading "="; Office.js takes "=" + this). */
export const OVERLAY_FORMULA = `N("${OVERLAY_MARKER}")=0`;

/**
 * True when a conditional format's formula is ours: `N("growth-signals")=0` as we write it, or as a spreadsheet
 * program writes it back (a leading "=", other spacing, the function in lower case, `_xlfn.`-free).
 */
export function isOverlayFormula(formula: string): boolean {
  const f = formula.replace(/\s+/g, "").replace(/^=/, "").toUpperCase();
  return f === OVERLAY_FORMULA.toUpperCase() || f === `(${OVERLAY_FORMULA.toUpperCase()})`;
}

/**
 * The sheet-scoped defined name that marks our report sheet. Its value refers to the sheet itself, so a rename
 * rewrites it with the sheet and a copy of the sheet carries a copy of it (to the copy's own scope).
 */
export const REPORT_SHEET_MARKER = "GrowthSignals_Report";

/** True when a defined name is our report marker (Excel compares names case-insensitively). */
export function isReportMarkerName(name: string): boolean {
  return name.toLowerCase() === REPORT_SHEET_MARKER.toLowerCase();
}

/** A flagged cell: the sheet as the workbook spells it, 0-based row and column, and its (most severe) colour. */
export interface FlaggedCell {
  sheet: string;
  row: number;
  col: number;
  colour: WarningColour;
}

/** One conditional-format rule of ours: every cell of one colour on one sheet, as rectangles. */
export interface OverlayRule {
  sheet: string;
  colour: WarningColour;
  /** "#RRGGBB" from the settings' fills. */
  fill: string;
  /** Disjoint rectangles, top to bottom, then left to right. */
  areas: RangeRef[];
}

/**
 * The rules a flag writes: one per sheet and colour, most severe colour first (red, orange, yellow; a host gives
 * them priorities in this order), sheets in the order their first cell came. A cell listed twice keeps its most
 * severe colour. Areas: each column's runs of consecutive rows, then side-by-side columns with the same run joined
 * into one rectangle (E5:F7 rather than E5:E7 F5:F7).
 */
export function overlayRules(
  cells: Iterable<FlaggedCell>,
  fills: Readonly<Record<WarningColour, string>>,
): OverlayRule[] {
  const colourOf = new Map<string, Map<number, WarningColour>>(); // sheet → row*16384+col → colour
  for (const c of cells) {
    let sheet = colourOf.get(c.sheet);
    if (!sheet) colourOf.set(c.sheet, (sheet = new Map()));
    const k = c.row * 16384 + c.col;
    const prev = sheet.get(k);
    if (!prev || severity(c.colour) > severity(prev)) sheet.set(k, c.colour);
  }
  const out: OverlayRule[] = [];
  for (const [sheet, byCell] of colourOf)
    for (const colour of WARNING_COLOURS) {
      const keys = [...byCell].filter(([, c]) => c === colour).map(([k]) => k);
      if (keys.length) out.push({ sheet, colour, fill: fills[colour], areas: rectangles(keys) });
    }
  return out;
}

/** Cell keys (row*16384+col) as rectangles: runs down each column, then equal runs of adjacent columns joined. */
function rectangles(keys: number[]): RangeRef[] {
  const byColumn = new Map<number, number[]>();
  for (const k of keys) {
    const col = k % 16384;
    const rows = byColumn.get(col);
    if (rows) rows.push((k - col) / 16384);
    else byColumn.set(col, [(k - col) / 16384]);
  }
  const runs: RangeRef[] = [];
  for (const col of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = byColumn.get(col)!.sort((a, b) => a - b);
    let top = rows[0];
    for (let i = 1; i <= rows.length; i++)
      if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
        runs.push({ top, bottom: rows[i - 1], left: col, right: col });
        top = rows[i];
      }
  }
  // Join a run with the rectangle ending in the column to its left that spans exactly the same rows.
  const open = new Map<string, RangeRef>(); // "top:bottom" → rectangle whose right column is the last seen
  const out: RangeRef[] = [];
  for (const r of runs) {
    const k = `${r.top}:${r.bottom}`;
    const prev = open.get(k);
    if (prev && prev.right === r.left - 1) prev.right = r.left;
    else {
      const rect = { ...r };
      out.push(rect);
      open.set(k, rect);
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A rule's areas as a SpreadsheetML `sqref` (space-separated) or, joined with ",", an Office.js address. */
export function areasRef(areas: readonly RangeRef[], separator = " "): string {
  return areas.map(rangeAddress).join(separator);
}

/**
 * Areas in chunks whose joined address stays within `maxChars` (Office.js refuses a range address longer than
 * 8,192 characters; hosts pass their own limit), in order. One area longer than the limit is a chunk of its own.
 */
export function chunkAreas(areas: readonly RangeRef[], maxChars: number, separator = ","): RangeRef[][] {
  const out: RangeRef[][] = [];
  let chunk: RangeRef[] = [];
  let length = 0;
  for (const a of areas) {
    const n = rangeAddress(a).length + (chunk.length ? separator.length : 0);
    if (chunk.length && length + n > maxChars) {
      out.push(chunk);
      chunk = [];
      length = 0;
    }
    length += chunk.length ? n : rangeAddress(a).length;
    chunk.push(a);
  }
  if (chunk.length) out.push(chunk);
  return out;
}

/** Every row the areas cover, once, in order. */
export function coveredRows(areas: readonly RangeRef[]): number[] {
  const rows = new Set<number>();
  for (const a of areas) for (let r = a.top; r <= a.bottom; r++) rows.add(r);
  return [...rows].sort((a, b) => a - b);
}

// ------------------------------------------------------------------ the flagged rows' fingerprint

/**
 * A flagged row's identity: its channel and period as the cells hold them. Numbers (a date's serial number) are
 * written as the shortest decimal, so 46082 read from a file and 46082 read through Office.js give the same key; text
 * is trimmed. A row whose channel and period are both blank (a row a user inserted) has no key: null.
 */
export function rowKey(channel: unknown, period: unknown): string | null {
  const text = (v: unknown): string => {
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString();
    const s = String(v).trim();
    const n = s === "" ? NaN : Number(s);
    return Number.isFinite(n) && /^[-+.\d]/.test(s) ? String(n) : s;
  };
  const c = text(channel);
  const p = text(period);
  return c === "" && p === "" ? null : `${c}\u0001${p}`;
}

/**
 * The fingerprint of the flagged rows: how many there are and a hash of their keys in sorted order (so the order
 * in which a host walks the rules and areas does not matter): two 32-bit FNV-1a hashes (Fowler–Noll–Vo; prime
 * 0x01000193) of the keys' UTF-8 bytes, one from the standard offset basis 0x811c9dc5 and one from 0x050c5d1f, as
 * 16 hex digits. Not a security measure: it only tells "the same rows" from "other rows".
 */
export interface RowsFingerprint {
  rows: number;
  hash: string;
}

/** 32-bit FNV-1a of `bytes` from offset basis `basis` (standard: 0x811c9dc5; "a" → 0xe40c292c). */
export function fnv1a32(bytes: Uint8Array, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  return h;
}

export function flaggedRowsFingerprint(keys: Iterable<string | null>): RowsFingerprint {
  const list = [...keys].filter((k): k is string => k !== null).sort();
  const bytes = new TextEncoder().encode(list.join("\n"));
  const hex = (n: number): string => n.toString(16).padStart(8, "0");
  return { rows: list.length, hash: hex(fnv1a32(bytes)) + hex(fnv1a32(bytes, 0x050c5d1f)) };
}

/** True when the rows under our rules now are not the rows the warnings were set on (sorted, edited, deleted). */
export function fingerprintChanged(recorded: RowsFingerprint, now: RowsFingerprint): boolean {
  return recorded.rows !== now.rows || recorded.hash !== now.hash;
}

/** The one sentence a host shows when the table changed since the warnings were set. */
export const TABLE_CHANGED: Bilingual = {
  en: "The table changed since the warnings were set (rows sorted, edited or deleted), so some colors may no longer sit on the weak cells; flag again to set them afresh.",
  zh: "自设置预警以来表格已变动（行被排序、编辑或删除），部分颜色可能已不在弱势单元格上；请重新标记。",
};

/** At most this many rows (a sheet's 1,048,576 twice over) are walked for a fingerprint. */
export const MAX_FINGERPRINT_ROWS = 2 * 1_048_576;

/**
 * The fingerprint of the rows under some rules: every row each rule covers, keyed by `key` (channel + period of
 * that row on that sheet, or null for a blank row), counted once per rule. Flag passes the rules it writes; a check
 * passes the rules it finds now, with their ranges as the workbook holds them, and compares.
 */
export function overlayFingerprint(
  rules: readonly { sheet: string; areas: readonly RangeRef[] }[],
  key: (sheet: string, row: number) => string | null,
): RowsFingerprint {
  // Rules a program (or a crafted file) stretched over more rows than a sheet holds are not walked row by row:
  // such a fingerprint (no hash) never equals a recorded one.
  let span = 0;
  for (const r of rules) for (const a of r.areas) span += Math.max(0, a.bottom - a.top + 1);
  if (span > MAX_FINGERPRINT_ROWS) return { rows: span, hash: "" };
  const keys: (string | null)[] = [];
  for (const r of rules) for (const row of coveredRows(r.areas)) keys.push(key(r.sheet, row));
  return flaggedRowsFingerprint(keys);
}

/** What Flag says when it finds the table changed since the last flag (it replaces the warnings anyway). */
export const TABLE_CHANGED_REFLAGGED: Bilingual = {
  en: "The table changed since the last flag (rows sorted, edited or deleted); this flag set the warnings afresh.",
  zh: "自上次标记以来表格已变动（行被排序、编辑或删除）；本次标记已重新设置预警。",
};
