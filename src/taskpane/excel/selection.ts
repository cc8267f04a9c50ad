/**
 * The selection: the tables it holds (readSelection: each area a table, a single cell grown to its Excel table or
 * region, the header found), what it is now (address and size), watching it change, and selecting a finding's cells.
 */
import { detectColumns, findTable, rangeAddress, type CellValue, type RangeRef } from "../../core";
import { byIndexes, selectionParts } from "./ranges";
import { Session } from "./session";
import type { SelectOutcome, SelectedTable, SelectionInfo } from "./types";

/** Rows scanned for a header when a single cell was expanded to its region. */
const HEADER_SCAN = 10;

export async function readSelection(): Promise<SelectedTable[]> {
  return Excel.run(async (ctx) => {
    const s = new Session(ctx);
    const selected = ctx.workbook.getSelectedRanges();
    selected.areas.load("items/rowIndex, items/columnIndex, items/rowCount, items/columnCount");
    const ws = selected.worksheet.load("name");
    const used = ws.getUsedRangeOrNullObject(true).load("rowIndex, columnIndex, rowCount, columnCount");
    await s.sync();

    const areas = selected.areas.items.map((a) => ({
      top: a.rowIndex,
      left: a.columnIndex,
      bottom: a.rowIndex + a.rowCount - 1,
      right: a.columnIndex + a.columnCount - 1,
    }));
    // A single cell grows to its Excel table, else to its current region (Ctrl+A).
    const singles = areas.map((r, i) => {
      if (r.top !== r.bottom || r.left !== r.right) return null;
      const cell = selected.areas.items[i];
      return {
        tables: cell.getTables(false).load("items/name"),
        region: cell.getSurroundingRegion().load("rowIndex, columnIndex, rowCount, columnCount"),
      };
    });
    if (singles.some(Boolean)) await s.sync();
    const tableRanges = singles.map((x) => (x && x.tables.items.length ? x.tables.items[0].getRange() : null));
    for (const t of tableRanges) t?.load("rowIndex, columnIndex, rowCount, columnCount");
    if (tableRanges.some(Boolean)) await s.sync();

    const usedRef = used.isNullObject
      ? null
      : {
          top: used.rowIndex,
          left: used.columnIndex,
          bottom: used.rowIndex + used.rowCount - 1,
          right: used.columnIndex + used.columnCount - 1,
        };
    const rects: { r: RangeRef; expanded: boolean }[] = [];
    areas.forEach((area, i) => {
      const x = tableRanges[i] ?? singles[i]?.region;
      let r: RangeRef | null = x
        ? {
            top: x.rowIndex,
            left: x.columnIndex,
            bottom: x.rowIndex + x.rowCount - 1,
            right: x.columnIndex + x.columnCount - 1,
          }
        : area;
      // Whole columns or rows: only the part that holds data.
      r = usedRef && clip(r, usedRef);
      if (!r) return;
      const key = rangeAddress(r);
      if (!rects.some((q) => rangeAddress(q.r) === key)) rects.push({ r, expanded: !!x });
    });
    if (rects.length === 0) return [];

    const heads = rects.map(({ r, expanded }) =>
      byIndexes(ws, { ...r, bottom: Math.min(r.bottom, r.top + (expanded ? HEADER_SCAN - 1 : 0)) }).load("values"),
    );
    await s.sync();
    return rects.flatMap(({ r, expanded }, i): SelectedTable[] => {
      const values = heads[i].values as CellValue[][];
      const found = expanded ? findTable(values, { maxRows: HEADER_SCAN }) : null;
      const h = found ? found.dataRow - 1 : 0; // the (last) header row
      const top = r.top + h;
      if (top > r.bottom) return [];
      const cols = found ? { left: r.left + found.firstCol, right: r.left + found.lastCol } : {};
      const table = { ...r, top, ...cols };
      const header = found ? found.header : values[h];
      return [
        {
          sheet: ws.name,
          address: rangeAddress(table),
          rowCount: table.bottom - table.top + 1,
          columnCount: table.right - table.left + 1,
          header,
          detected: detectColumns(header),
        },
      ];
    });
  });
}

/**
 * Selects a finding's cells (issue 19 §2). Excel selects one address of at most 8,192 characters, so a large set
 * goes in parts (selectionParts); this selects part `part` and says which part of how many cells it was.
 */
export async function selectCells(sheet: string, addresses: string[], part = 0): Promise<SelectOutcome | null> {
  const parts = selectionParts(addresses);
  if (parts.length === 0) return null;
  const i = Math.min(Math.max(0, part), parts.length - 1);
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRanges(parts[i].address).select();
    await ctx.sync();
  });
  const before = parts.slice(0, i).reduce((n, p) => n + p.cells, 0);
  return {
    part: i,
    parts: parts.length,
    from: before + 1,
    to: before + parts[i].cells,
    total: parts.reduce((n, p) => n + p.cells, 0),
    first: parts[i].first,
    last: parts[i].last,
  };
}

/** The selection as the user sees it: sheet, address of each area and the cell count. */
export async function describeSelection(): Promise<SelectionInfo | null> {
  return Excel.run(async (ctx) => {
    const selected = ctx.workbook.getSelectedRanges();
    selected.areas.load("items/rowIndex, items/columnIndex, items/rowCount, items/columnCount");
    const ws = selected.worksheet.load("name");
    await ctx.sync();
    const areas = selected.areas.items;
    if (areas.length === 0) return null;
    return {
      sheet: ws.name,
      address: areas
        .map((a) =>
          rangeAddress({
            top: a.rowIndex,
            left: a.columnIndex,
            bottom: a.rowIndex + a.rowCount - 1,
            right: a.columnIndex + a.columnCount - 1,
          }),
        )
        .join(","),
      rows: areas.reduce((n, a) => n + a.rowCount, 0),
      columns: Math.max(...areas.map((a) => a.columnCount)),
      cells: areas.reduce((n, a) => n + a.rowCount * a.columnCount, 0),
    };
  });
}

/** Calls `onChange` whenever the selection changes (workbook.onSelectionChanged, ExcelApi 1.2); returns the stop. */
export function watchSelection(onChange: () => void): () => void {
  let handler: { remove: () => void } | null = null;
  let stopped = false;
  void Excel.run(async (ctx) => {
    const h = ctx.workbook.onSelectionChanged.add(async () => {
      if (!stopped) onChange();
    });
    await ctx.sync();
    handler = h;
    if (stopped) h.remove();
  }).catch(() => undefined); // A host without the event: the pane reads the selection on each button instead.
  return () => {
    stopped = true;
    handler?.remove();
  };
}

function clip(r: RangeRef, to: RangeRef): RangeRef | null {
  const out = {
    top: Math.max(r.top, to.top),
    left: Math.max(r.left, to.left),
    bottom: Math.min(r.bottom, to.bottom),
    right: Math.min(r.right, to.right),
  };
  return out.top <= out.bottom && out.left <= out.right ? out : null;
}
