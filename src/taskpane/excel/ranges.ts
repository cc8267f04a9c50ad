/**
 * Cell sets → few, short range addresses: cells are coalesced into vertical runs ("E2:E5") and the runs packed
 * into comma-separated strings for worksheet.getRanges(), each under Excel's address limit (8,192 characters;
 * we keep under 8,000).
 */
import { cellAddress, parseCell, parseRange, rangeAddress, type RangeRef } from "../../core/a1";

export const MAX_ADDRESS_CHARS = 8000;

/** Cells (0-based row/col) → vertical runs, column by column, top to bottom. */
export function verticalRuns(cells: readonly { row: number; col: number }[]): RangeRef[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: RangeRef[] = [];
  let cur: RangeRef | undefined;
  for (const { row, col } of sorted) {
    if (cur && cur.left === col && row <= cur.bottom + 1) {
      if (row > cur.bottom) cur.bottom = row;
      continue;
    }
    cur = { top: row, bottom: row, left: col, right: col };
    out.push(cur);
  }
  return out;
}

/** Ranges → comma-joined address strings, each shorter than `maxChars`. */
export function packAddresses(ranges: readonly RangeRef[], maxChars = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let cur = "";
  for (const r of ranges) {
    const a = rangeAddress(r);
    if (cur && cur.length + 1 + a.length >= maxChars) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** "E5" or "E5:E9" address list → cells. Unreadable entries are skipped. */
export function addressCells(addresses: readonly string[]): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const a of addresses) {
    const [p, q] = a.replace(/^.*!/, "").split(":");
    const c1 = parseCell(p);
    const c2 = q === undefined ? c1 : parseCell(q);
    if (!c1 || !c2) continue;
    for (let r = Math.min(c1.row, c2.row); r <= Math.max(c1.row, c2.row); r++)
      for (let c = Math.min(c1.col, c2.col); c <= Math.max(c1.col, c2.col); c++) out.push({ row: r, col: c });
  }
  return out;
}

/** A rectangle of a worksheet by 0-based indexes. */
export function byIndexes(ws: Excel.Worksheet, r: RangeRef): Excel.Range {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** A table's A1 address as a range; throws on an address that is not one (the adapter made it). */
export function localRange(address: string): RangeRef {
  const range = parseRange(address);
  if (!range) throw new Error(`Not a cell address: ${address}`);
  return range;
}

/** 'My sheet' → "'My sheet'", as a reference names a sheet. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** One selectable part of a cell set: its address (under Excel's limit), how many cells, the first and last cell. */
export interface SelectionPart {
  address: string;
  cells: number;
  first: string;
  last: string;
}

/**
 * A cell set in parts that Excel can select one at a time (issue 19 §2): vertical runs packed into addresses
 * shorter than `maxChars`, each with its cell count, so the pane can say which part of how many cells it selected.
 */
export function selectionParts(addresses: readonly string[], maxChars = MAX_ADDRESS_CHARS): SelectionPart[] {
  const runs = verticalRuns(addressCells(addresses));
  const out: SelectionPart[] = [];
  let cur: RangeRef[] = [];
  let length = 0;
  const flush = () => {
    if (cur.length === 0) return;
    const head = cur[0];
    const tail = cur[cur.length - 1];
    out.push({
      address: cur.map(rangeAddress).join(","),
      cells: cur.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0),
      first: cellAddress(head.top, head.left),
      last: cellAddress(tail.bottom, tail.right),
    });
    cur = [];
    length = 0;
  };
  for (const r of runs) {
    const a = rangeAddress(r);
    if (cur.length > 0 && length + 1 + a.length >= maxChars) flush();
    length += (cur.length > 0 ? 1 : 0) + a.length;
    cur.push(r);
  }
  flush();
  return out;
}
