/**
 * Has the table changed since the warnings were set? Sorting moves values but not conditional formats, so the
 * state records a fingerprint of the flagged rows (channel + period of every row a rule covers, src/core/overlay.ts);
 * this reads the same keys under our rules as they are now and compares, as the CLI does:
 * - per sheet holding our rules, the table is found again from its first rows (findTable, as the selection is read)
 *   and its channel and date columns named by the header (detectColumns);
 * - the two columns are read for the rows our rules cover, in row chunks under the response budget;
 * - a rule's ranges are its RangeAreas address now ("Data!E5:E7,Data!G9").
 */
import {
  fingerprintChanged,
  findTable,
  overlayFingerprint,
  parseRange,
  rowKey,
  type CellValue,
  type RangeRef,
  type RowsFingerprint,
} from "../../core";
import type { FoundRule } from "./overlay";
import { utf8Bytes } from "./wire";
import type { Session } from "./session";

/** Rows scanned for the header, as readSelection scans an expanded region. */
const HEADER_SCAN = 10;
/** Rows of the two key columns in the first read; later reads are sized from the bytes a row measured so far. */
const FIRST_ROWS = 20_000;
/** Largest response a key-column read asks for (as the table reads, well under the 4 MB budget). */
const READ_SYNC_BYTES = 2_000_000;

/** "Data!E5:E7,'My data'!G9" → rectangles (the sheet part dropped; every area of a rule is on its sheet). */
export function areasOf(address: string): RangeRef[] {
  const out: RangeRef[] = [];
  for (const piece of address.split(",")) {
    const local = piece.slice(piece.lastIndexOf("!") + 1).replace(/\$/g, "");
    const r = parseRange(local);
    if (r) out.push(r);
  }
  return out;
}

/** True when the rows under our rules now are not the rows the warnings were set on. */
export async function tableChanged(
  s: Session,
  recorded: RowsFingerprint | undefined,
  rules: readonly FoundRule[],
): Promise<boolean> {
  if (!recorded || rules.length === 0) return false;
  const placed = rules.map((r) => ({ sheet: r.sheet, areas: areasOf(r.address) }));
  const sheets = [...new Set(placed.map((p) => p.sheet))];
  const { ctx } = s;
  const used = sheets.map((name) =>
    ctx.workbook.worksheets
      .getItem(name)
      .getUsedRangeOrNullObject(true)
      .load("rowIndex, columnIndex, rowCount, columnCount"),
  );
  await s.sync();
  const heads = used.map((u, i) =>
    u.isNullObject
      ? null
      : ctx.workbook.worksheets
          .getItem(sheets[i])
          .getRangeByIndexes(u.rowIndex, u.columnIndex, Math.min(HEADER_SCAN, u.rowCount), u.columnCount)
          .load("values"),
  );
  await s.sync();
  const keyOf = new Map<string, Map<number, string | null>>();
  for (const [i, name] of sheets.entries()) {
    const u = used[i];
    const head = heads[i];
    const keys = new Map<number, string | null>();
    keyOf.set(name, keys);
    if (!head) continue;
    const found = findTable(head.values as CellValue[][], { maxRows: HEADER_SCAN });
    if (!found) continue;
    const { channel, date } = found.mapping;
    const top = u.rowIndex + found.dataRow;
    const bottom = u.rowIndex + u.rowCount - 1;
    const column = (c: number | undefined) => (c === undefined ? undefined : u.columnIndex + found.firstCol + c);
    const cols = [column(channel), column(date)];
    let rowsPerSync = FIRST_ROWS;
    for (let start = top; start <= bottom;) {
      const count = Math.min(rowsPerSync, bottom - start + 1);
      const ws = ctx.workbook.worksheets.getItem(name);
      const read = cols.map((c) => (c === undefined ? null : ws.getRangeByIndexes(start, c, count, 1).load("values")));
      await s.sync();
      let bytes = 0;
      for (let j = 0; j < count; j++) {
        const v = (k: number) => (read[k] ? (read[k]!.values[j][0] as CellValue) : null);
        const key = rowKey(v(0), v(1));
        bytes += 8 + (key === null ? 0 : utf8Bytes(key));
        keys.set(start + j, key);
      }
      start += count;
      // JSON of the two cells about the key's length plus quotes, brackets and commas (8 bytes a row).
      rowsPerSync = Math.max(1_000, Math.floor(READ_SYNC_BYTES / Math.max(1, bytes / count) / 1.2));
    }
  }
  const now = overlayFingerprint(placed, (sheet, row) => keyOf.get(sheet)?.get(row) ?? null);
  return fingerprintChanged(recorded, now);
}
