/**
 * What a flag reads from the workbook, in syncs that stay under the budget: the tables' values in row chunks sized
 * from the bytes per cell measured so far, and the fills of the cells it will touch by rectangles.
 */
import {
  rangeAddress,
  sheetCellKey,
  type CellKey,
  type CellValue,
  type RangeRef,
  type SavedFill,
  type SheetCell,
} from "../../core";
import { FILL_PROPS_TO_LOAD, savedFillFromProps, type CellFillProps } from "./fills";
import { byIndexes, localRange, verticalRuns } from "./ranges";
import type { Session } from "./session";
import type { FlagRequest, SelectedTable } from "./types";
import { CELL_PROPS_CALL_BYTES, CELL_PROPS_RESPONSE_BYTES, MERGE_GAP_ROWS, utf8Bytes } from "./wire";

/** Assumed JSON bytes per cell before any were measured: generous, so the first chunk is safe. */
const FIRST_GUESS_BYTES_PER_CELL = 40;
/**
 * Largest response a read sync asks for: well under the 4 MB budget, so turning one sync's values into rows (and,
 * on the simulated host, producing them) stays a short main-thread task; a 100,000 × 9 table still reads in a
 * handful of syncs.
 */
const READ_SYNC_BYTES = 2_000_000;
/** Reads the tables' values in row chunks whose responses stay under the budget. */
export async function readTables(
  s: Session,
  tables: SelectedTable[],
  budget: number,
  progress: NonNullable<FlagRequest["onProgress"]>,
  checkAbort: () => void,
): Promise<CellValue[][][]> {
  const out: CellValue[][][] = tables.map(() => []);
  const totalRows = tables.reduce((n, t) => n + t.rowCount, 0);
  const sheets = tables.map((t) => s.ctx.workbook.worksheets.getItem(t.sheet));
  const refs = tables.map((t) => localRange(t.address));
  const next = tables.map(() => 0);
  let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
  let done = 0;
  let ti = 0;
  progress(0, totalRows, "read");
  while (ti < tables.length) {
    // One sync: chunks from the current table on, until the estimated response fills the budget.
    const chunks: { t: number; start: number; count: number; range: Excel.Range }[] = [];
    let room = Math.min(budget, READ_SYNC_BYTES);
    for (let t = ti; t < tables.length && room > 0; t++) {
      const r = refs[t];
      const width = r.right - r.left + 1;
      const left = r.bottom - r.top + 1 - next[t];
      if (left <= 0) continue;
      const count = Math.max(1, Math.min(left, Math.floor(room / (bytesPerCell * width))));
      const range = byIndexes(sheets[t], { ...r, top: r.top + next[t], bottom: r.top + next[t] + count - 1 }).load(
        "values",
      );
      chunks.push({ t, start: next[t], count, range });
      room -= count * width * bytesPerCell;
      if (count < left) break;
    }
    try {
      await s.sync();
    } catch (e) {
      if ((e as { code?: string }).code === "ResponsePayloadSizeLimitExceeded" && bytesPerCell < 1e6) {
        bytesPerCell *= 2;
        continue;
      }
      throw e;
    }
    let bytes = 0;
    let cells = 0;
    for (const c of chunks) {
      const v = c.range.values as CellValue[][];
      for (const row of v) out[c.t].push(row);
      next[c.t] += c.count;
      done += c.count;
      bytes += utf8Bytes(JSON.stringify(v));
      cells += v.length * (v[0]?.length ?? 0);
    }
    // Size the next chunks from what this one measured, with room for longer text further down.
    if (cells > 0) bytesPerCell = Math.max(4, (bytes / cells) * 1.5);
    while (ti < tables.length && next[ti] >= refs[ti].bottom - refs[ti].top + 1) ti++;
    progress(done, totalRows, "read");
    checkAbort();
  }
  return out;
}

/**
 * The cells' fills now, read by rectangles: per sheet and column, the flagged runs merged across short gaps
 * (MERGE_GAP_ROWS), each rectangle cut into row chunks and the calls packed into syncs whose modelled request
 * and response both stay under the budget (src/taskpane/excel/wire.ts). Key → the cell's fill now.
 */
export async function readFills(
  s: Session,
  cells: ReadonlyMap<CellKey, SheetCell>,
  budget: number,
  progress: NonNullable<FlagRequest["onProgress"]>,
  checkAbort: () => void,
): Promise<Map<CellKey, SavedFill>> {
  const out = new Map<CellKey, SavedFill>();
  const bySheet = new Map<string, { row: number; col: number }[]>();
  for (const c of cells.values()) {
    const list = bySheet.get(c.sheet) ?? [];
    list.push({ row: c.row, col: c.col });
    bySheet.set(c.sheet, list);
  }
  const runs: { sheet: string; r: RangeRef }[] = [];
  for (const [sheet, list] of bySheet) {
    let cur: RangeRef | undefined;
    for (const run of verticalRuns(list)) {
      if (cur && cur.left === run.left && run.top <= cur.bottom + 1 + MERGE_GAP_ROWS) cur.bottom = run.bottom;
      else runs.push({ sheet, r: (cur = { ...run }) });
    }
  }
  let done = 0;
  progress(0, cells.size, "save");
  // Each sync takes as many rows of the rectangles, in order, as its modelled request and response allow; a
  // rectangle that does not fit is cut, and the next sync goes on from where it was cut.
  let i = 0;
  let top = runs[0]?.r.top ?? 0;
  while (i < runs.length) {
    const batch: { sheet: string; r: RangeRef; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
    let request = 200;
    let response = 100;
    while (i < runs.length) {
      const { sheet, r } = runs[i];
      const width = r.right - r.left + 1;
      const req = CELL_PROPS_CALL_BYTES + utf8Bytes(sheet) + 20;
      const rowsLeft = r.bottom - top + 1;
      const fit = Math.floor((budget - response - 40) / (width * CELL_PROPS_RESPONSE_BYTES));
      const rows = Math.min(rowsLeft, batch.length === 0 ? Math.max(1, fit) : fit);
      if (rows <= 0 || (batch.length > 0 && request + req > budget)) break;
      const piece = { ...r, top, bottom: top + rows - 1 };
      const props = s.ctx.workbook.worksheets
        .getItem(sheet)
        .getRange(rangeAddress(piece))
        .getCellProperties(FILL_PROPS_TO_LOAD);
      batch.push({ sheet, r: piece, props });
      request += req;
      response += 40 + rows * width * CELL_PROPS_RESPONSE_BYTES;
      if (rows < rowsLeft) top += rows;
      else if (++i < runs.length) top = runs[i].r.top;
    }
    await s.sync();
    for (const b of batch) {
      b.props.value.forEach((line, dr) =>
        line.forEach((cell, dc) => {
          const key = sheetCellKey(b.sheet, b.r.top + dr, b.r.left + dc);
          if (!cells.has(key)) return;
          out.set(key, savedFillFromProps(cell?.format?.fill as CellFillProps | undefined));
          done++;
        }),
      );
    }
    progress(done, cells.size, "save");
    checkAbort();
  }
  return out;
}
