/**
 * A1-style address helpers shared by the CLI and the task pane.
 * Rows and columns are 0-based here; A1 text is 1-based as Excel shows it.
 */

/** 0 → "A", 25 → "Z", 26 → "AA" (bijective base-26). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" → 0, "AA" → 26. Returns -1 for anything that is not letters. */
export function columnIndex(letters: string): number {
  const s = letters.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return -1;
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + (s.charCodeAt(i) - 64);
  return n - 1;
}

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** (0,0) → "A1". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B7" or "$B$7" → { row: 6, col: 1 }; null when not a cell address. */
export function parseCell(address: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0) return null;
  return { row, col };
}

/**
 * "A1:I503", "Sheet1!A1:C3", "'My sheet'!B2" or "B2" → a normalised range
 * (the sheet part is ignored); null when unreadable.
 */
export function parseRange(address: string): RangeRef | null {
  const bang = address.lastIndexOf("!");
  const body = bang >= 0 ? address.slice(bang + 1) : address;
  const [a, b] = body.split(":");
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** { top:0,left:0,bottom:2,right:1 } → "A1:B3" ("A1" for one cell). */
export function rangeAddress(r: RangeRef): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}
