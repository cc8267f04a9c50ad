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
  areasRef,
  buildReport,
  holdsLegacyWarningFill,
  mergeOverlayStates,
  overlayFingerprint,
  overlayRules,
  overlayStateAfterClear,
  parseCell,
  readStatePart,
  REPORT_SHEET_MARKER,
  reportSheetName,
  rowKey,
  serializeOverlayState,
  sheetCellKey,
  STATE_MESSAGES,
  TABLE_CHANGED,
  TABLE_CHANGED_REFLAGGED,
  validateConfig,
  type Bilingual,
  type CellKey,
  type FlaggedCell,
  type LegacyFlag,
  type OverlayState,
  type RulesConfig,
  type SavedCell,
  type SheetCell,
} from "../../core";
import { changesSinceLastFlag, diffFindings, findingRecords } from "../../core/findingChanges";

import { localRange } from "./ranges";
import { chartData, chartSeries, writeReport } from "./reportSheet";
import { planFills, planParts, queueStatePartList, readStateXml, WritePlan } from "./writes";
import { readFills, readTables } from "./reads";
import { markReportSheet, planAddRules, planDeleteRules, scanOverlay } from "./overlay";
import { tableChanged } from "./tableCheck";
import type { RulesRunner } from "./rulesRunner";
import { describeSelection, readSelection, selectCells, watchSelection } from "./selection";
import { insertFormula } from "./insert";
import { Session, yieldToHost } from "./session";
import { trendsOf } from "./trends";
import { WIRE_BUDGET, utf8Bytes } from "./wire";

import type { ClearOutcome, ExcelGateway, FlagOutcome, FlagRequest, TableOutcome } from "./types";

export { stateXmlParts } from "./writes";
export { completeFormula } from "./insert";
export { yieldToHost } from "./session";

export interface GatewayOptions {
  /**
   * Where the rules engine runs: the pane passes a Web Worker (browserRules.ts), tests in Node the calling thread
   * (rulesInThread.ts). No default, so the pane's bundle holds no engine of its own (issue 19).
   */
  runRules: RulesRunner;
  /** Largest request or response one sync may carry (default 4 MB as Office.js serialises it, under Excel on the web's 5 MB). */
  payloadBudgetBytes?: number;
}

const DEFAULT_BUDGET = WIRE_BUDGET;
class Cancelled extends Error {}

function officeLang(): "en" | "zh" {
  const l = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  return typeof l === "string" && l.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The workbook's state parts read and validated: the merged state, and a sentence for each part that did not validate. */
function readStates(xml: string[]): { state: OverlayState | null; problems: Bilingual[] } {
  const states: OverlayState[] = [];
  const problems: Bilingual[] = [];
  for (const x of xml) {
    const r = readStatePart(x);
    if (r && "state" in r) states.push(r.state);
    else if (r) problems.push(r.problem);
  }
  return { state: mergeOverlayStates(states), problems };
}

const DELETED_SHEET = (name: string): Bilingual => ({
  en: `Deleted the report sheet "${name}" (it carries the Growth Signals marker).`,
  zh: `已删除报告工作表“${name}”（带有增长信号标记）。`,
});

const DELETED_LEGACY_SHEET = (name: string): Bilingual => ({
  en: `Deleted the previous version's report sheet "${name}" (its first cell still holds the report's title).`,
  zh: `已删除旧版本的报告工作表“${name}”（其首个单元格仍为报告标题）。`,
});

/** A legacy report sheet is ours when its A1 still holds the report's title (version 1 had no marker). */
const REPORT_TITLES = ["Growth Signals — weak-channel report", "Growth Signals — 弱势渠道报告"];

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

/**
 * What a previous release's flag still owes (its fills in the cells, its report by name): the cells that still hold
 * exactly its warning fill get their original fill back; every other original stays owed (left) and is reported;
 * its report sheet goes only while its first cell still holds the report's title.
 */
async function legacyUndo(
  s: Session,
  budget: number,
  legacy: LegacyFlag | undefined,
  sheetNames: readonly string[],
  found: { reportSheets: string[] },
  notes: Bilingual[],
): Promise<{
  restore: (SheetCell & { fill: SavedCell["fill"] })[];
  legacyLeft: LegacyFlag | undefined;
  legacySheets: string[];
}> {
  const { ctx } = s;
  const restore: (SheetCell & { fill: SavedCell["fill"] })[] = [];
  let legacyLeft: LegacyFlag | undefined;
  const legacySheets: string[] = [];
  if (!legacy) return { restore, legacyLeft, legacySheets };
  const spelling = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
  const cells = new Map<CellKey, SheetCell>();
  const savedOf = new Map<CellKey, SavedCell>();
  const left: SavedCell[] = [];
  for (const c of legacy.originals) {
    const sheet = spelling.get(c.sheet.toLowerCase());
    const pos = parseCell(c.address);
    if (!sheet || !pos) {
      left.push(c);
      continue;
    }
    const k = sheetCellKey(sheet, pos.row, pos.col);
    cells.set(k, { sheet, ...pos });
    savedOf.set(k, c);
  }
  const now = await readFills(
    s,
    cells,
    budget,
    () => undefined,
    () => undefined,
  );
  for (const [k, cell] of cells) {
    const current = now.get(k);
    if (current && holdsLegacyWarningFill(current, legacy.fills)) restore.push({ ...cell, fill: savedOf.get(k)!.fill });
    else left.push(savedOf.get(k)!);
  }
  const a1 = legacy.reportSheets
    .map((n) => spelling.get(n.toLowerCase()))
    .filter((n): n is string => n !== undefined && !found.reportSheets.includes(n))
    .map((n) => ({ n, cell: ctx.workbook.worksheets.getItem(n).getRange("A1").load("values") }));
  if (a1.length) await s.sync();
  for (const { n, cell } of a1) {
    if (REPORT_TITLES.includes(String(cell.values[0][0]))) legacySheets.push(n);
    else notes.push(STATE_MESSAGES.legacySheetLeft(n));
  }
  if (left.length) {
    const sample = left
      .slice(0, 3)
      .map((c) => `${c.sheet}!${c.address}`)
      .join(", ");
    notes.push(STATE_MESSAGES.legacyLeft(left.length, sample));
    legacyLeft = { fills: legacy.fills, originals: left, reportSheets: [] };
  }
  return { restore, legacyLeft, legacySheets };
}

// ------------------------------------------------------------------------------------------------ the gateway

export function createExcelGateway(options: GatewayOptions): ExcelGateway {
  const budget = options.payloadBudgetBytes ?? DEFAULT_BUDGET;
  const rulesRunner = options.runRules;

  async function flag(req: FlagRequest): Promise<FlagOutcome> {
    const lang = req.lang ?? officeLang();
    const progress = req.onProgress ?? (() => undefined);
    return Excel.run(async (ctx) => {
      const s = new Session(ctx);
      const checkAbort = () => {
        if (req.signal?.aborted) throw new Cancelled();
      };
      try {
        checkAbort();
        // 1. What is there: the state parts and the sheets.
        const partList = queueStatePartList(ctx);
        const sheetList = ctx.workbook.worksheets.load("items/name");
        const dateSystem = queueDateSystem(ctx);
        await s.sync();
        const date1904 = dateSystem();
        const stateParts = await readStateXml(() => s.sync(), partList);
        const sheetNames = sheetList.items.map((w) => w.name);

        // 2. Read every table in row chunks.
        const values = await readTables(s, req.tables, budget, progress, checkAbort);
        const previous = readStates(stateParts.xml).state;
        checkAbort();

        // 3. Run the rules.
        progress(0, req.tables.length, "analyse");
        const outcomes: TableOutcome[] = [];
        const series: ReturnType<typeof chartSeries>[] = [];
        const flagged: FlaggedCell[] = [];
        // channel + period of every data row, for the flagged rows' fingerprint (sheet → row → key)
        const keys = new Map<string, Map<number, string | null>>();
        for (const [i, t] of req.tables.entries()) {
          await yieldToHost();
          checkAbort();
          const rows = values[i];
          const table = { header: rows[0] ?? t.header, rows: rows.slice(1) };
          const mapping = req.mappings?.[t.address] ?? req.mappings?.[`${t.sheet}!${t.address}`];
          const origin = localRange(t.address);
          let result;
          try {
            const placement = { left: origin.left, firstRow: origin.top + 1 };
            result = await rulesRunner(table, { mapping, config: req.config, date1904, placement }, req.signal);
          } catch (e) {
            if (req.signal?.aborted) throw new Cancelled();
            throw e;
          }
          await yieldToHost();
          outcomes.push({ sheet: t.sheet, address: t.address, result, trends: trendsOf(table, result, { date1904 }) });
          series.push(chartSeries(table, result, req.config, { date1904 }));
          for (const c of result.cells)
            flagged.push({ sheet: t.sheet, row: origin.top + 1 + c.row, col: origin.left + c.col, colour: c.colour });
          const byRow = keys.get(t.sheet.toLowerCase()) ?? new Map<number, string | null>();
          keys.set(t.sheet.toLowerCase(), byRow);
          const { channel, date } = result.mapping;
          table.rows.forEach((r, j) =>
            byRow.set(
              origin.top + 1 + j,
              rowKey(channel === undefined ? "" : r[channel], date === undefined ? "" : r[date]),
            ),
          );
          progress(i + 1, req.tables.length, "analyse");
        }
        await yieldToHost();
        checkAbort();

        // 4. The overlay: one rule per sheet and colour (src/core/overlay.ts), and ours already there.
        const rules = overlayRules(flagged, req.config.fills);
        const fingerprint = overlayFingerprint(rules, (sheet, row) => keys.get(sheet.toLowerCase())?.get(row) ?? null);
        const found = await scanOverlay(s, sheetNames);
        const notes: Bilingual[] = (await tableChanged(s, previous?.fingerprint, found.rules))
          ? [TABLE_CHANGED_REFLAGGED]
          : [];
        // A previous release's fills give way to the overlay where they are still its warning fills.
        const legacy = await legacyUndo(s, budget, previous?.legacy, sheetNames, found, notes);
        const replaced = [...found.reportSheets, ...legacy.legacySheets];
        const reportName = reportSheetName(sheetNames, replaced);
        checkAbort();

        // 5. Plan the writes: our new rules on top, then the old ones go (flag twice = once), the report, the state.
        const writes = new WritePlan(budget);
        planAddRules(writes, ctx, rules);
        planDeleteRules(writes, ctx, found.rules);
        planFills(writes, ctx, legacy.restore);
        // What changed since the last flag (issue 19): the findings against the record the previous flag left.
        const current = outcomes.map((o) => ({
          sheet: o.sheet,
          findings: o.result.findings,
          firstPeriod: o.result.firstPeriod,
        }));
        const diff = diffFindings(previous?.findings, current, previous?.findingsCapped === true);
        outcomes.forEach((o, i) => (o.marks = diff.marks[i]));
        const changes = changesSinceLastFlag(diff, previous?.flaggedAt);
        const recorded = findingRecords(current, previous?.findings);
        const report = buildReport(
          outcomes.map((o, i) => ({
            sheet: o.sheet,
            address: o.address,
            result: o.result,
            charts: series[i],
            marks: o.marks,
          })),
          req.config,
          lang,
          new Date(),
          changes,
        );
        // the rows, and per chart its data cells and about 2 kB of calls (add, title, two series' lines, position)
        const reportBytes = utf8Bytes(JSON.stringify([report.rows, chartData(report)])) * 1.2 + 2000;
        writes.add(reportBytes + report.charts.length * 2000, () => {
          writeReport(ctx, reportName, replaced, report, req.config);
          markReportSheet(ctx, reportName);
        });
        const state: OverlayState = {
          version: 2,
          settings: req.config,
          ...(previous?.settingsSaved ? { settingsSaved: true } : {}),
          flaggedAt: new Date().toISOString(),
          rules: rules.map((r) => ({ sheet: r.sheet, colour: r.colour, fill: r.fill, ranges: areasRef(r.areas) })),
          fingerprint,
          reportSheet: reportName,
          findings: recorded.records,
          ...(recorded.capped ? { findingsCapped: true as const } : {}),
          ...(legacy.legacyLeft ? { legacy: legacy.legacyLeft } : {}),
        };
        planParts(writes, ctx, () => stateParts.parts, [serializeOverlayState(state)]);
        await yieldToHost();
        checkAbort();

        // 6. Write. Once writing began the flag runs to its end: an interrupted one leaves only rules and a sheet
        // that carry our markers, which Clear (or the next flag) removes.
        const total = writes.batches.length;
        for (let i = 0; i < total; i++) {
          for (const q of writes.batches[i].queue) q();
          await s.sync();
          progress(i + 1, total, "write");
        }
        const cells = rules.reduce(
          (n, r) => n + r.areas.reduce((m, a) => m + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0),
          0,
        );
        return { tables: outcomes, cellsColoured: cells, syncs: s.syncs, cancelled: false, notes, changes };
      } catch (e) {
        if (e instanceof Cancelled) return { tables: [], cellsColoured: 0, syncs: s.syncs, cancelled: true, notes: [] };
        throw e;
      }
    });
  }

  /**
   * Clear: our rules go wherever they are now, the sheets carrying our marker go (and are named), a previous
   * release's fills are put back only on cells that still hold exactly its warning fill; nothing else is touched.
   */
  async function clear(): Promise<ClearOutcome> {
    return Excel.run(async (ctx) => {
      const s = new Session(ctx);
      const partList = queueStatePartList(ctx);
      const sheetList = ctx.workbook.worksheets.load("items/name, items/visibility");
      await s.sync();
      const { parts, xml } = await readStateXml(() => s.sync(), partList);
      const { state, problems } = readStates(xml);
      const sheetNames = sheetList.items.map((w) => w.name);
      const found = await scanOverlay(s, sheetNames);
      const notes: Bilingual[] = [...problems];
      if (xml.length === 0 && found.rules.length > 0) notes.push(STATE_MESSAGES.dropped);
      if (await tableChanged(s, state?.fingerprint, found.rules)) notes.push(TABLE_CHANGED);

      // The previous release's fills: restored only where the cell still holds exactly the warning fill.
      const { restore, legacyLeft, legacySheets } = await legacyUndo(
        s,
        budget,
        state?.legacy,
        sheetNames,
        found,
        notes,
      );

      const writes = new WritePlan(budget);
      planDeleteRules(writes, ctx, found.rules);
      planFills(writes, ctx, restore);
      // Sheets go only when they carry our marker (or are a previous release's report, title and all); never the
      // last visible sheet.
      const doomed = [...found.reportSheets, ...legacySheets];
      const visible = sheetList.items.filter((w) => w.visibility === "Visible").map((w) => w.name);
      const deletable = visible.every((n) => doomed.includes(n)) ? doomed.filter((n) => !visible.includes(n)) : doomed;
      writes.add(500, () => {
        for (const n of deletable) ctx.workbook.worksheets.getItem(n).delete();
      });
      for (const n of deletable) notes.push(legacySheets.includes(n) ? DELETED_LEGACY_SHEET(n) : DELETED_SHEET(n));
      const keep = overlayStateAfterClear(state, legacyLeft);
      if (parts.length || keep) planParts(writes, ctx, () => parts, keep ? [serializeOverlayState(keep)] : []);
      for (const b of writes.batches) {
        for (const q of b.queue) q();
        await s.sync();
      }
      const cells = found.rules.reduce((n, r) => n + Math.max(0, r.cellCount), 0) + restore.length;
      return { cells, rules: found.rules.length, deletedSheets: deletable, notes };
    });
  }

  async function loadSettings(): Promise<RulesConfig | null> {
    return Excel.run(async (ctx) => {
      const list = queueStatePartList(ctx);
      await ctx.sync();
      if (list.items.length === 0) return null;
      const { xml } = await readStateXml(() => ctx.sync(), list);
      const settings = readStates(xml).state?.settings;
      return settings ? validateConfig(settings).config : null;
    });
  }

  async function saveSettings(config: RulesConfig): Promise<void> {
    await Excel.run(async (ctx) => {
      const list = queueStatePartList(ctx);
      await ctx.sync();
      const { parts, xml } = await readStateXml(() => ctx.sync(), list);
      // The settings live in the first state part (the one mergeStates reads them from); other parts stay as they are.
      const readings = xml.map(readStatePart);
      const i = readings.findIndex((r) => r !== null && "state" in r);
      const at = readings[i];
      if (at && "state" in at)
        parts[i].setXml(serializeOverlayState({ ...at.state, settings: config, settingsSaved: true }));
      else
        ctx.workbook.customXmlParts.add(
          serializeOverlayState({ version: 2, rules: [], settings: config, settingsSaved: true }),
        );
      await ctx.sync();
    });
  }

  /** The workbook's Growth Signals record and its sheet names: one sync for both, then the record part's text. */
  async function readRecordAndSheets(ctx: Excel.RequestContext, s: Session) {
    const list = queueStatePartList(ctx);
    const sheetList = ctx.workbook.worksheets.load("items/name");
    await s.sync();
    const { xml } = await readStateXml(() => s.sync(), list);
    return { state: readStates(xml).state, sheetNames: sheetList.items.map((w) => w.name) };
  }

  /**
   * True when the workbook holds something Clear would remove: our rules or marked report sheet (found by their
   * markers, so a state part a tool dropped does not hide them) or a previous release's fills.
   */
  async function hasFlags(): Promise<boolean> {
    return Excel.run(async (ctx) => {
      const s = new Session(ctx);
      const { state, sheetNames } = await readRecordAndSheets(ctx, s);
      if (state?.legacy && (state.legacy.originals.length > 0 || state.legacy.reportSheets.length > 0)) return true;
      const found = await scanOverlay(s, sheetNames);
      return found.rules.length > 0 || found.reportSheets.length > 0;
    });
  }

  /**
   * True when the rows under our rules are no longer the rows the warnings were set on (sorted, edited, deleted):
   * the pane says so and offers to flag again.
   */
  async function checkTable(): Promise<boolean> {
    return Excel.run(async (ctx) => {
      const s = new Session(ctx);
      const { state, sheetNames } = await readRecordAndSheets(ctx, s);
      const fingerprint = state?.fingerprint;
      if (!fingerprint) return false;
      const found = await scanOverlay(s, sheetNames);
      return tableChanged(s, fingerprint, found.rules);
    });
  }

  /** "Go to report" after Flag (issue 19 §6): the sheet carrying our marker, activated, A1 selected. */
  async function showReport(): Promise<string | null> {
    return Excel.run(async (ctx) => {
      const s = new Session(ctx);
      const sheets = ctx.workbook.worksheets.load("items/name");
      await s.sync();
      const marks = sheets.items.map((ws) => ({ ws, marker: ws.names.getItemOrNullObject(REPORT_SHEET_MARKER) }));
      await s.sync();
      const report = marks.find((m) => !m.marker.isNullObject)?.ws;
      if (!report) return null;
      report.activate();
      report.getRange("A1").select();
      await s.sync();
      return report.name;
    });
  }

  return {
    readSelection,
    flag,
    showReport,
    clear,
    checkTable,
    loadSettings,
    saveSettings,
    selectCells,
    insertFormula,
    hasFlags,
    describeSelection,
    watchSelection,
  };
}
