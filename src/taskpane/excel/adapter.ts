/**
 * The Excel adapter: the one module of the add-in that calls Office.js. It implements ExcelGateway for the UI:
 * reads the selection, flags (runs the core engine and colours cells), clears, and keeps the settings, all in the
 * shared workbook state (src/core/state.ts) that the CLI reads and writes too.
 *
 * Budgets: every sync's request and response, as Office.js serialises them (wire.ts), stay under 4 MB; Excel on the
 * web fails a request or response over 5 MB.
 * Values are read in row chunks sized from the bytes per cell measured so far; a 100,000 × 9 table takes a
 * handful of syncs. Fills are written per colour through worksheet.getRanges() with addresses under 8,000 chars.
 */
import {
  buildReport,
  cellAddress,
  clearPlan,
  findTable,
  detectColumns,
  flaggedState,
  flagPlan,
  flagSettings,
  interimState,
  mergeStates,
  parseRange,
  parseState,
  previousFlag,
  rangeAddress,
  serializeState,
  validateConfig,
  emptyState,
  STATE_NAMESPACE,
  type CellKey,
  type CellValue,
  type FlagPlan,
  type GrowthSignalsState,
  type PlacedResult,
  type RangeRef,
  type RulesConfig,
  type SavedCell,
  type SavedFill,
  type SheetCell,
  type WarningColour,
  sheetCellKey,
} from "../../core";
import { applySavedFill, FILL_PROPS_TO_LOAD, fillKey, savedFillFromProps, type CellFillProps } from "./fills";
import { addressCells, packAddresses, verticalRuns } from "./ranges";
import { runInThread, type RulesRunner } from "./rulesRunner";
import { trendsOf } from "./trends";
import {
  CELL_PROPS_CALL_BYTES,
  CELL_PROPS_RESPONSE_BYTES,
  FILL_CALL_BYTES,
  FILL_SET_BYTES,
  MERGE_GAP_ROWS,
  WIRE_BUDGET,
} from "./wire";
import type {
  ExcelGateway,
  FlagOutcome,
  FlagRequest,
  InsertResult,
  SelectedTable,
  SelectionInfo,
  TableOutcome,
} from "./types";

export interface GatewayOptions {
  /** Where the rules engine runs (default: in the calling thread; the pane passes a Web Worker). */
  runRules?: RulesRunner;
  /** Largest request or response one sync may carry (default 4 MB as Office.js serialises it, under Excel on the web's 5 MB). */
  payloadBudgetBytes?: number;
}

const DEFAULT_BUDGET = WIRE_BUDGET;
/** A state part's XML is at most this share of the budget, so its JSON-escaped copy fits a request or response. */
const STATE_PART_SHARE = 0.6;
/** Assumed JSON bytes per cell before any were measured: generous, so the first chunk is safe. */
const FIRST_GUESS_BYTES_PER_CELL = 40;
/**
 * Largest response a read sync asks for: well under the 4 MB budget, so turning one sync's values into rows (and,
 * on the simulated host, producing them) stays a short main-thread task; a 100,000 × 9 table still reads in a
 * handful of syncs.
 */
const READ_SYNC_BYTES = 2_000_000;
/** Rows scanned for a header when a single cell was expanded to its region. */
const HEADER_SCAN = 10;

class Cancelled extends Error {}

/**
 * Payload limits count UTF-8 bytes: a Chinese channel name weighs three bytes a character. Counted without
 * encoding (TextEncoder copies a multi-megabyte chunk only to measure it).
 */
function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else n += 2;
  }
  return n;
}

/**
 * Gives the browser its turn: a paint, and input such as a click on Cancel. Office.js (and the simulated host) can
 * resolve syncs without a macrotask, so without this a whole flag is one main-thread task (2.45 s at 100k rows).
 */
export function yieldToHost(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Counts the syncs one Excel.run makes, and yields to the browser after each. */
class Session {
  syncs = 0;
  constructor(readonly ctx: Excel.RequestContext) {}
  async sync(): Promise<void> {
    this.syncs++;
    await this.ctx.sync();
    await yieldToHost();
  }
}

function officeLang(): "en" | "zh" {
  const l = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  return typeof l === "string" && l.toLowerCase().startsWith("zh") ? "zh" : "en";
}

function localRange(address: string): RangeRef {
  const range = parseRange(address);
  if (!range) throw new Error(`Not a cell address: ${address}`);
  return range;
}

function byIndexes(ws: Excel.Worksheet, r: RangeRef): Excel.Range {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** Excel column width in points for a width in characters (Calibri 11: 7 px per character + 5 px padding). */
function pointsForChars(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 4) / 4;
}

/** Text goes in with a leading apostrophe so Excel stores it as typed, never as a number, date or formula. */
function asInput(v: string | number | null): string | number {
  if (v === null || v === "") return "";
  return typeof v === "string" ? `'${v}` : v;
}

// ------------------------------------------------------------------------------------------------ date system

/** DATE(2000, 1, 1) is 36526 in the 1900 date system and 35064 in the 1904 one (Mac Excel's date1904). */
const DATE_2000_1904 = 35_064;

/**
 * Queues the date-system probe: Office.js has no date-system property, but the worksheet function DATE (ExcelApi
 * 1.2) answers in the workbook's system. Call the returned function after the next sync: true for a 1904 workbook.
 */
export function queueDateSystem(ctx: Excel.RequestContext): () => boolean {
  const probe = ctx.workbook.functions.date(2000, 1, 1).load("value");
  return () => probe.value === DATE_2000_1904;
}

// ------------------------------------------------------------------------------------------------ state parts

function queueStatePartList(ctx: Excel.RequestContext): Excel.CustomXmlPartScopedCollection {
  return ctx.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load("items/id");
}

/**
 * The parts' XML, one part a sync: each part was written under the budget, several together may not be
 * (a response over 5 MB fails).
 */
async function readStateXml(
  sync: () => Promise<void>,
  list: Excel.CustomXmlPartScopedCollection,
): Promise<{ parts: Excel.CustomXmlPart[]; xml: string[] }> {
  const parts = list.items;
  const xml: string[] = [];
  for (const p of parts) {
    const x = p.getXml();
    await sync();
    xml.push(x.value);
  }
  return { parts, xml };
}

/** The Growth Signals states among the parts' XML (a part that is not one is left out). */
function statesOf(xml: string[]): GrowthSignalsState[] {
  return xml.map(parseState).filter((s): s is GrowthSignalsState => s !== null);
}

// ------------------------------------------------------------------------------------------------ batches

/** Queued writes grouped into syncs that each stay under the request budget. */
class WritePlan {
  readonly batches: { bytes: number; queue: (() => void)[] }[] = [];
  constructor(private readonly budget: number) {}

  add(bytes: number, queue: () => void): void {
    let last = this.batches[this.batches.length - 1];
    if (!last || (last.bytes + bytes > this.budget && last.queue.length > 0)) {
      last = { bytes: 0, queue: [] };
      this.batches.push(last);
    }
    last.bytes += bytes;
    last.queue.push(queue);
  }

  get totalBytes(): number {
    return this.batches.reduce((n, b) => n + b.bytes, 0);
  }
}

interface CellTarget {
  sheet: string;
  row: number;
  col: number;
}

/** Adds to `plan` the writes that give each cell its fill, grouped by fill and packed into getRanges() calls. */
function planFills(
  plan: WritePlan,
  ctx: Excel.RequestContext,
  cells: Iterable<CellTarget & { fill: SavedFill }>,
): void {
  const groups = new Map<string, { sheet: string; fill: SavedFill; cells: { row: number; col: number }[] }>();
  for (const c of cells) {
    const k = `${c.sheet}\u0000${fillKey(c.fill)}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { sheet: c.sheet, fill: c.fill, cells: [] }));
    g.cells.push({ row: c.row, col: c.col });
  }
  for (const g of groups.values())
    for (const address of packAddresses(verticalRuns(g.cells)))
      plan.add(address.length + utf8Bytes(g.sheet) + FILL_CALL_BYTES + 3 * FILL_SET_BYTES, () =>
        applySavedFill(ctx.workbook.worksheets.getItem(g.sheet).getRanges(address).format.fill, g.fill),
      );
}

/**
 * The state as one or more parts, each under `maxBytes`: a big flag's originals are split over several parts of the
 * same namespace (the CLI and mergeStates read them all). The first part carries the settings and added sheets.
 */
export function stateXmlParts(state: GrowthSignalsState, maxBytes: number): string[] {
  const whole = serializeState(state);
  const bytes = utf8Bytes(whole);
  if (bytes <= maxBytes || state.originals.length <= 1) return [whole];
  const perCell = bytes / state.originals.length;
  const size = Math.max(1, Math.floor((maxBytes * 0.9) / perCell));
  const out: string[] = [];
  for (let i = 0; i < state.originals.length; i += size) {
    const originals = state.originals.slice(i, i + size);
    out.push(serializeState(i === 0 ? { ...state, originals } : { version: 1, originals, addedSheets: [] }));
  }
  return out;
}

/** Adds the parts, then deletes the ones they replace (so an interruption never leaves the workbook without state). */
function planParts(
  plan: WritePlan,
  ctx: Excel.RequestContext,
  replaced: () => Excel.CustomXmlPart[],
  xml: string[],
): Excel.CustomXmlPart[] {
  const added: Excel.CustomXmlPart[] = [];
  // The XML travels as a JSON string: its quotes are escaped, so it is measured as JSON.
  for (const x of xml)
    plan.add(utf8Bytes(JSON.stringify(x)) + 1000, () => added.push(ctx.workbook.customXmlParts.add(x)));
  plan.add(300, () => {
    for (const p of replaced()) p.delete();
  });
  return added;
}

/** A flag's fills: the previous flag's cells it leaves uncoloured back to their originals, then its colours. */
function planFlagFills(plan: WritePlan, ctx: Excel.RequestContext, flag: FlagPlan): void {
  planFills(
    plan,
    ctx,
    flag.restore.map((c) => ({ ...c, fill: c.saved.fill })),
  );
  planFills(
    plan,
    ctx,
    [...flag.colour.values()].map((c) => ({ ...c, fill: { pattern: "solid", color: c.fill } })),
  );
}

/**
 * A flag's state parts, replacing `replaced`. When the flag takes several syncs, an interim state goes first
 * (interimState: every cell that may change), so an interruption can still be cleared.
 */
function planFlagState(
  plan: WritePlan,
  ctx: Excel.RequestContext,
  budget: number,
  flag: FlagPlan,
  finalState: GrowthSignalsState,
  replaced: Excel.CustomXmlPart[],
): void {
  const finalXml = stateXmlParts(finalState, budget * STATE_PART_SHARE);
  const finalBytes = finalXml.reduce((n, x) => n + utf8Bytes(x), 0);
  if (plan.batches.length <= 1 && plan.totalBytes + finalBytes < budget) {
    planParts(plan, ctx, () => replaced, finalXml);
    return;
  }
  const first = new WritePlan(budget);
  const interimParts = planParts(
    first,
    ctx,
    () => replaced,
    stateXmlParts(interimState(flag, finalState), budget * STATE_PART_SHARE),
  );
  plan.batches.unshift(...first.batches);
  planParts(plan, ctx, () => interimParts, finalXml);
}

/** Puts back what a flag that was cancelled or failed while writing changed: fills, its report, the state parts. */
async function undoFlag(
  s: Session,
  budget: number,
  was: {
    touched: ReadonlyMap<CellKey, SheetCell>;
    before: ReadonlyMap<CellKey, SavedFill>;
    reportName: string;
    reportExisted: boolean;
    oldXml: string[];
  },
): Promise<void> {
  const { ctx } = s;
  const report = ctx.workbook.worksheets.getItemOrNullObject(was.reportName);
  const now = queueStatePartList(ctx);
  await s.sync();
  const undo = new WritePlan(budget);
  planFills(
    undo,
    ctx,
    [...was.touched].map(([k, c]) => ({ ...c, fill: was.before.get(k)! })),
  );
  undo.add(500, () => {
    if (!report.isNullObject && !was.reportExisted) report.delete();
  });
  // The state parts as they were: the old ones back first, then the ones this flag wrote go.
  planParts(undo, ctx, () => now.items, was.oldXml);
  for (const b of undo.batches) {
    for (const q of b.queue) q();
    await s.sync();
  }
}

// ------------------------------------------------------------------------------------------------ the gateway

export function createExcelGateway(options: GatewayOptions = {}): ExcelGateway {
  const budget = options.payloadBudgetBytes ?? DEFAULT_BUDGET;
  const rulesRunner = options.runRules ?? runInThread;

  async function readSelection(): Promise<SelectedTable[]> {
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

  async function flag(req: FlagRequest): Promise<FlagOutcome> {
    const lang = req.lang ?? officeLang();
    const progress = req.onProgress ?? (() => undefined);
    return Excel.run(async (ctx) => {
      const s = new Session(ctx);
      const checkAbort = () => {
        if (req.signal?.aborted) throw new Cancelled();
      };
      let rollback: (() => Promise<void>) | null = null;
      try {
        checkAbort();
        // 1. What is there: the state parts and the sheets.
        const partList = queueStatePartList(ctx);
        const sheetList = ctx.workbook.worksheets.load("items/name");
        const dateSystem = queueDateSystem(ctx);
        await s.sync();
        const date1904 = dateSystem();
        const stateParts = await readStateXml(() => s.sync(), partList);

        // 2. Read every table in row chunks.
        const values = await readTables(s, req.tables, budget, progress, checkAbort);
        const oldXml = stateParts.xml;
        const sheetNames = sheetList.items.map((w) => w.name);
        const previous = previousFlag(statesOf(oldXml), sheetNames);
        checkAbort();

        // 3. Run the rules.
        progress(0, req.tables.length, "analyse");
        const outcomes: TableOutcome[] = [];
        const placed: PlacedResult[] = [];
        for (const [i, t] of req.tables.entries()) {
          await yieldToHost();
          checkAbort();
          const rows = values[i];
          const table = { header: rows[0] ?? t.header, rows: rows.slice(1) };
          const mapping = req.mappings?.[t.address] ?? req.mappings?.[`${t.sheet}!${t.address}`];
          let result;
          try {
            const at = localRange(t.address);
            const placement = { left: at.left, firstRow: at.top + 1 };
            result = await rulesRunner(table, { mapping, config: req.config, date1904, placement }, req.signal);
          } catch (e) {
            if (req.signal?.aborted) throw new Cancelled();
            throw e;
          }
          await yieldToHost();
          outcomes.push({ sheet: t.sheet, address: t.address, result, trends: trendsOf(table, result, { date1904 }) });
          const origin = localRange(t.address);
          placed.push({ sheet: t.sheet, result, left: origin.left, sheetRow: (r) => origin.top + 1 + r });
          progress(i + 1, req.tables.length, "analyse");
        }
        await yieldToHost();
        checkAbort();

        // 4. The plan (src/core/flagPlan.ts): cells to colour, the previous flag's cells to restore, the report's name.
        const plan = flagPlan(previous, placed, flagSettings(previous.state, { config: req.config }), sheetNames);
        // Every cell this flag touches: the new ones and those of the previous flag.
        const touched = new Map<CellKey, SheetCell>(previous.cells);
        for (const [k, c] of plan.colour) touched.set(k, c);

        // 5. Their fills now (getCellProperties, batched): originals of new cells, and what to roll back to.
        const before = await readFills(s, touched, budget, progress, checkAbort);
        checkAbort();

        // 6. Plan the writes.
        const reportName = plan.reportSheet;
        const originals: SavedCell[] = [...plan.colour].map(([k, c]) => ({
          sheet: c.sheet,
          address: cellAddress(c.row, c.col),
          fill: c.before?.fill ?? before.get(k)!,
        }));
        const finalState = flaggedState(plan, originals, new Date());
        const writes = new WritePlan(budget);
        planFlagFills(writes, ctx, plan);
        await yieldToHost();
        checkAbort();
        const report = buildReport(
          outcomes.map((o) => ({ sheet: o.sheet, address: o.address, result: o.result })),
          req.config,
          lang,
        );
        writes.add(utf8Bytes(JSON.stringify(report.rows)) * 1.2 + 2000, () =>
          writeReport(ctx, reportName, plan.removeSheets, report, req.config),
        );
        await yieldToHost();
        checkAbort();
        planFlagState(writes, ctx, budget, plan, finalState, stateParts.parts);

        await yieldToHost();
        checkAbort();
        // 7. Write; on cancel or failure after writing began, put back what was there.
        const reportExisted = sheetNames.some((n) => n.toLowerCase() === reportName.toLowerCase());
        rollback = () => undoFlag(s, budget, { touched, before, reportName, reportExisted, oldXml });
        const total = writes.batches.length;
        for (let i = 0; i < total; i++) {
          if (i > 0) checkAbort();
          for (const q of writes.batches[i].queue) q();
          await s.sync();
          progress(i + 1, total, "write");
        }
        rollback = null;
        return { tables: outcomes, cellsColoured: plan.colour.size, syncs: s.syncs, cancelled: false };
      } catch (e) {
        if (rollback) await rollback();
        if (e instanceof Cancelled) return { tables: [], cellsColoured: 0, syncs: s.syncs, cancelled: true };
        throw e;
      }
    });
  }

  async function clear(): Promise<number> {
    return Excel.run(async (ctx) => {
      const s = new Session(ctx);
      const partList = queueStatePartList(ctx);
      const sheetList = ctx.workbook.worksheets.load("items/name");
      await s.sync();
      if (partList.items.length === 0) return 0;
      const { parts, xml } = await readStateXml(() => s.sync(), partList);
      const previous = previousFlag(
        statesOf(xml),
        sheetList.items.map((w) => w.name),
      );
      if (!previous.state) return 0;
      const undo = clearPlan(previous);
      const writes = new WritePlan(budget);
      planFills(
        writes,
        ctx,
        undo.restore.map((c) => ({ ...c, fill: c.saved.fill })),
      );
      writes.add(500, () => {
        for (const n of undo.removeSheets) ctx.workbook.worksheets.getItem(n).delete();
      });
      // Settings a user saved stay with the workbook; the originals, added sheets and anything else are gone.
      planParts(writes, ctx, () => parts, undo.keep ? [serializeState(undo.keep)] : []);
      for (const b of writes.batches) {
        for (const q of b.queue) q();
        await s.sync();
      }
      return undo.restore.length;
    });
  }

  async function loadSettings(): Promise<RulesConfig | null> {
    return Excel.run(async (ctx) => {
      const list = queueStatePartList(ctx);
      await ctx.sync();
      if (list.items.length === 0) return null;
      const { xml } = await readStateXml(() => ctx.sync(), list);
      const settings = mergeStates(statesOf(xml))?.settings;
      return settings ? validateConfig(settings).config : null;
    });
  }

  async function saveSettings(config: RulesConfig): Promise<void> {
    await Excel.run(async (ctx) => {
      const list = queueStatePartList(ctx);
      await ctx.sync();
      const { parts, xml } = await readStateXml(() => ctx.sync(), list);
      // The settings live in the first state part (the one mergeStates reads them from); other parts stay as they are.
      const i = xml.findIndex((x) => parseState(x) !== null);
      if (i >= 0) parts[i].setXml(serializeState({ ...parseState(xml[i])!, settings: config, settingsSaved: true }));
      else ctx.workbook.customXmlParts.add(serializeState({ ...emptyState(config), settingsSaved: true }));
      await ctx.sync();
    });
  }

  async function selectCells(sheet: string, addresses: string[]): Promise<void> {
    const packed = packAddresses(verticalRuns(addressCells(addresses)));
    if (packed.length === 0) return;
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      // Only one selection fits Excel's address limit; the first cells are the ones the finding starts with.
      ws.getRanges(packed[0]).select();
      await ctx.sync();
    });
  }

  /**
   * Writes the formula into the active cell, unless the cell holds something and `overwrite` is not set: then
   * nothing is written (Office.js writes clear Excel's undo, so a replaced cell could not be brought back).
   */
  async function insertFormula(formula: string, options: { overwrite?: boolean } = {}): Promise<InsertResult> {
    return Excel.run(async (ctx) => {
      const cell = ctx.workbook.getActiveCell().load("address, formulas");
      await ctx.sync();
      const current = cell.formulas?.[0]?.[0];
      const text = current === null || current === undefined ? "" : String(current);
      const where = splitAddress(cell.address);
      if (text !== "" && !options.overwrite) return { written: false, ...where, current: text };
      const written = completeFormula(formula);
      cell.formulas = [[written]];
      await ctx.sync();
      return { written: true, ...where, formula: written, replaced: text || undefined };
    });
  }

  /** True when the workbook holds Growth Signals flags (saved originals or a report sheet) that Clear would undo. */
  async function hasFlags(): Promise<boolean> {
    return Excel.run(async (ctx) => {
      const list = queueStatePartList(ctx);
      await ctx.sync();
      if (list.items.length === 0) return false;
      const { xml } = await readStateXml(() => ctx.sync(), list);
      const state = mergeStates(statesOf(xml));
      return !!state && (state.originals.length > 0 || state.addedSheets.length > 0);
    });
  }

  /** The selection as the user sees it: sheet, address of each area and the cell count. */
  async function describeSelection(): Promise<SelectionInfo | null> {
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
  function watchSelection(onChange: () => void): () => void {
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

  return {
    readSelection,
    flag,
    clear,
    loadSettings,
    saveSettings,
    selectCells,
    insertFormula,
    hasFlags,
    describeSelection,
    watchSelection,
  };
}

/** "Sheet1!B2" / "'My sheet'!B2" → { sheet, address }. */
function splitAddress(full: string): { sheet: string; address: string } {
  const bang = full.lastIndexOf("!");
  if (bang < 0) return { sheet: "", address: full.replace(/\$/g, "") };
  const sheet = full
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1).replace(/\$/g, "") };
}

/** "=GROWTH.ROI(" → "=GROWTH.ROI()": Excel refuses an unbalanced formula, so the skeleton is closed. */
export function completeFormula(f: string): string {
  let depth = 0;
  let quoted = false;
  for (const ch of f) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth = Math.max(0, depth - 1);
  }
  return (f.startsWith("=") ? f : `=${f}`) + (quoted ? '"' : "") + ")".repeat(depth);
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

/** Reads the tables' values in row chunks whose responses stay under the budget. */
async function readTables(
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
async function readFills(
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

/** The visible report sheet from buildReport: values as text/numbers, bold rows, swatch fills, column widths. */
function writeReport(
  ctx: Excel.RequestContext,
  name: string,
  doomed: string[],
  report: ReturnType<typeof buildReport>,
  config: RulesConfig,
): void {
  for (const d of doomed) ctx.workbook.worksheets.getItem(d).delete();
  const ws = ctx.workbook.worksheets.add(name);
  const width = Math.max(1, report.columnWidths.length, ...report.rows.map((r) => r.length));
  const rows = report.rows.length ? report.rows : [[null]];
  const grid = rows.map((r) => Array.from({ length: width }, (_, j) => asInput(r[j] ?? null)));
  byIndexes(ws, { top: 0, left: 0, bottom: grid.length - 1, right: width - 1 }).values = grid;
  const bold = report.boldRows.map((row) => ({ top: row, bottom: row, left: 0, right: width - 1 }));
  for (const a of packAddresses(bold)) ws.getRanges(a).format.font.bold = true;
  const byColour = new Map<WarningColour, { row: number; col: number }[]>();
  for (const f of report.fills) byColour.set(f.colour, [...(byColour.get(f.colour) ?? []), { row: f.row, col: f.col }]);
  for (const [colour, cells] of byColour)
    for (const a of packAddresses(verticalRuns(cells))) ws.getRanges(a).format.fill.color = config.fills[colour];
  report.columnWidths.forEach((w, col) => {
    byIndexes(ws, { top: 0, bottom: 0, left: col, right: col }).format.columnWidth = pointsForChars(w);
  });
}
