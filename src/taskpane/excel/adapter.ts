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
  flaggedState,
  flagPlan,
  flagSettings,
  mergeStates,
  parseState,
  previousFlag,
  serializeState,
  validateConfig,
  emptyState,
  type CellKey,
  type PlacedResult,
  type RulesConfig,
  type SavedCell,
  type SavedFill,
  type SheetCell,
} from "../../core";

import { localRange } from "./ranges";
import { chartData, chartSeries, writeReport } from "./reportSheet";
import {
  planFills,
  planFlagFills,
  planFlagState,
  planParts,
  queueStatePartList,
  readStateXml,
  statesOf,
  WritePlan,
} from "./writes";
import { readFills, readTables } from "./reads";
import { runInThread, type RulesRunner } from "./rulesRunner";
import { describeSelection, readSelection, selectCells, watchSelection } from "./selection";
import { insertFormula } from "./insert";
import { Session, yieldToHost } from "./session";
import { trendsOf } from "./trends";
import { WIRE_BUDGET, utf8Bytes } from "./wire";

import type { ExcelGateway, FlagOutcome, FlagRequest, TableOutcome } from "./types";

export { stateXmlParts } from "./writes";
export { completeFormula } from "./insert";
export { yieldToHost } from "./session";

export interface GatewayOptions {
  /** Where the rules engine runs (default: in the calling thread; the pane passes a Web Worker). */
  runRules?: RulesRunner;
  /** Largest request or response one sync may carry (default 4 MB as Office.js serialises it, under Excel on the web's 5 MB). */
  payloadBudgetBytes?: number;
}

const DEFAULT_BUDGET = WIRE_BUDGET;
class Cancelled extends Error {}

function officeLang(): "en" | "zh" {
  const l = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  return typeof l === "string" && l.toLowerCase().startsWith("zh") ? "zh" : "en";
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
        const series: ReturnType<typeof chartSeries>[] = [];
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
          series.push(chartSeries(table, result, { date1904 }));
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
          outcomes.map((o, i) => ({ sheet: o.sheet, address: o.address, result: o.result, series: series[i] })),
          req.config,
          lang,
        );
        // the rows, and per chart its data cells and about 2 kB of calls (add, title, two series' lines, position)
        const reportBytes = utf8Bytes(JSON.stringify([report.rows, chartData(report)])) * 1.2 + 2000;
        writes.add(reportBytes + report.charts.length * 2000, () =>
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
