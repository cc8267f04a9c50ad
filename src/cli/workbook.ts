/**
 * Flag and Clear on an .xlsx package, host-independent of the command line: bytes in, bytes out.
 * The rules, the table detection, the overlay plan and the report come from src/core, exactly as the task pane
 * uses them. Flag adds conditional formatting (src/cli/xlsx/conditionalFormats.ts) and never touches a cell.
 */
import { parseRange, type RangeRef } from "../core/a1";
import { flagSettings, reportSheetName } from "../core/flagPlan";
import {
  areasRef,
  chunkAreas,
  fingerprintChanged,
  overlayFingerprint,
  overlayRules,
  rowKey,
  TABLE_CHANGED,
  TABLE_CHANGED_REFLAGGED,
  type FlaggedCell,
} from "../core/overlay";
import {
  holdsLegacyWarningFill,
  mergeOverlayStates,
  overlayStateAfterClear,
  STATE_MESSAGES,
  type LegacyFlag,
  type OverlayState,
} from "../core/overlayState";
import { latestOfYears } from "../core/i18n/dates";
import { buildReport, type ReportSheet } from "../core/report";
import {
  changesSinceLastFlag,
  type ChangesSinceLastFlag as CoreChanges,
  diffFindings,
  findingRecords,
  type ChangeMark,
} from "../core/findingChanges";
import { runRules } from "../core/rules/engine";
import { findingCharts, type FindingChartData } from "../core/rules/findingCharts";
import type { Bilingual, RulesConfig, RulesResult } from "../core/rules/types";
import type { SavedCell } from "../core/state";
import { detectColumns } from "../core/table/headers";
import { InputError } from "./errors";
import { formulaWarnings, locateTable } from "./locateTable";
import { isWholePart, openWorkbook, sharedStrings, stylesEditor, writeStyles, type Workbook } from "./workbookParts";
import type { SheetEntry, XlsxPackage } from "./xlsx/package";
import { reportSheetXml } from "./xlsx/reportSheet";
import { EXPLICIT_XF_0, readSheet, referencedStyles, restyleCells, type SheetGrid } from "./xlsx/sheet";
import { addCharts } from "./xlsx/charts";
import {
  addOverlayRules,
  findOverlayRules,
  removeOverlayRules,
  type OverlayRuleFound,
} from "./xlsx/conditionalFormats";
import { addPrintTitles, addReportMarker, reportMarkerSheets } from "./xlsx/definedNames";
import { addWorksheet, openOnSheet, removeWorksheet, restoreViews } from "./xlsx/sheets";
import { addStatePart, findStateParts, removeStatePart, type StatePart } from "./xlsx/statePart";
import { MalformedXml } from "./xlsx/locate";
import { XmlLimit } from "./xlsx/limits";

export { formulaWarnings, locateTable } from "./locateTable";
export { isWholePart, usesDate1904 } from "./workbookParts";

export type Progress = (message: string) => void;

export interface FlagOptions {
  /** Only this worksheet (otherwise every worksheet with a recognised header). */
  sheet?: string;
  /** A1 range of the table, header row first (requires or implies one sheet). */
  range?: string;
  /** Thresholds and colours; default: the settings saved in the workbook, else DEFAULT_CONFIG. */
  config?: RulesConfig;
  lang?: "en" | "zh";
  /** Timestamp stored in the state (tests pass a fixed one). */
  now?: Date;
  onProgress?: Progress;
  /** Label for messages (the file name). */
  label?: string;
  /** Extension of the output file (".xlsx"): refused when it does not match the package type (.xlsm…). */
  outputExtension?: string;
  /**
   * Worksheets already read, by part path: a package made in memory (a CSV, src/cli/csv) hands over the values it
   * wrote, exactly what readSheet would read back from the part, so a million-row sheet is not parsed again.
   */
  grids?: ReadonlyMap<string, SheetGrid>;
}

/** A conditional format's sqref holds at most this many characters (the pane's Office.js chunks are as long). */
const SQREF_CHARS = 8000;

/** At most this many of a finding's latest values in its trend chart (a year of days). */
const CHART_VALUES = 366;

export interface FlaggedTable {
  sheet: string;
  /** A1 address of the table, header row included. */
  address: string;
  result: RulesResult;
  cellsColoured: number;
  /** Per finding (same order as result.findings): new or continuing since the last flag; null: nothing to compare. */
  marks?: (ChangeMark | null)[];
}

/** What changed since the last flag (issue 19), with the year the CLI's summary writes its dates without. */
export interface ChangesSinceLastFlag extends CoreChanges {
  /** The year their dates are written without: the data's latest (as in the evidence; NaN without dates). */
  year: number;
}

export interface FlagOutcome {
  data: Buffer;
  tables: FlaggedTable[];
  config: RulesConfig;
  report: ReportSheet;
  reportSheet: string;
  /** Cells whose warning colour the previous flag had set (replaced by this one). */
  clearedFirst: number;
  changes: ChangesSinceLastFlag;
  /** Sentences for the user (a damaged or dropped state part, cells of the previous version left, a changed table). */
  notes: Bilingual[];
}

export interface ClearOutcome {
  data: Buffer;
  /** false when the workbook holds no Growth Signals rules, report or state (the output is an unchanged copy). */
  wasFlagged: boolean;
  /** Cells that lost a warning colour: under the rules removed, and cells of the previous version restored. */
  restored: number;
  /** Our conditional-format rules removed. */
  rulesRemoved: number;
  /** Report sheets removed (those carrying our marker, and the previous version's report). */
  removedSheets: string[];
  /** Cells the previous version coloured that were left as they are (no longer its warning fill, sheet gone). */
  legacyLeft: number;
  /** The table changed since the warnings were set (sorted, edited, rows deleted). */
  tableChanged: boolean;
  /** Sentences for the user: a dropped or damaged state part, cells left, a changed table, sheets kept. */
  notes: Bilingual[];
}

// ---------------------------------------------------------------- Clear

/** What a clear of the package did, and the previous version's originals it could not apply (kept, never dropped). */
interface Cleared extends Omit<ClearOutcome, "data"> {
  state: OverlayState | null;
  legacyRemaining: LegacyFlag | undefined;
}

/**
 * The title the previous release wrote in A1 of its report sheet, in either language: how that sheet, which carries no
 * marker, is known before Clear removes it.
 */
const LEGACY_REPORT_TITLES = new Set(["Growth Signals — weak-channel report", "Growth Signals — 弱势渠道报告"]);

/**
 * Removes the overlay and what Growth Signals added: our conditional-format rules on every sheet (found by their
 * marker formula, wherever they are now), the sheets carrying our report marker, the state parts, and what a
 * workbook flagged by the previous version still owes (fills restored where the cell still holds exactly its
 * warning fill). `keepState`: Clear keeps saved settings and unapplied legacy originals in a state part; Flag
 * passes false and writes its own state.
 */
async function clearPackage(wb: Workbook, label: string, parts: StatePart[], keepState: boolean): Promise<Cleared> {
  const { pkg } = wb;
  const states = parts.map((p) => p.state).filter((s): s is OverlayState => s !== null);
  const state = mergeOverlayStates(states);
  const notes: Bilingual[] = parts.flatMap((p) => (p.problem ? [p.problem] : []));
  const sheets = await pkg.sheets();
  const worksheets = sheets.filter((s) => s.isWorksheet && s.path && pkg.has(s.path));
  // our rules, by sheet
  const withRules: { entry: SheetEntry; xml: string; found: OverlayRuleFound[] }[] = [];
  for (const entry of worksheets) {
    const xml = await pkg.text(entry.path);
    const found = findOverlayRules(xml);
    if (found.length) withRules.push({ entry, xml, found });
  }
  const markerSheets = (await reportMarkerSheets(pkg)).map((i) => sheets[i]?.name).filter((n): n is string => !!n);
  const nothing: Cleared = {
    wasFlagged: false,
    restored: 0,
    rulesRemoved: 0,
    removedSheets: [],
    legacyLeft: 0,
    tableChanged: false,
    notes,
    state,
    legacyRemaining: undefined,
  };
  if (parts.length === 0 && withRules.length === 0 && markerSheets.length === 0) return nothing;
  const styles = await stylesEditor(wb, label);

  // 1. Has the table changed since the warnings were set? (before the rules go)
  let tableChanged = false;
  if (state?.fingerprint && withRules.length) {
    const sst = await sharedStrings(wb, label);
    const keys = new Map(
      withRules.map(({ entry, xml }) => [entry.name, rowKeysOf(readSheet(xml, sst), wb.date1904)] as const),
    );
    const now = overlayFingerprint(
      withRules.flatMap(({ entry, found }) => found.map((f) => ({ sheet: entry.name, areas: f.areas }))),
      (sheet, row) => keys.get(sheet)?.(row) ?? null,
    );
    tableChanged = fingerprintChanged(state.fingerprint, now);
  }

  // 2. Our rules, wherever they are
  let rulesRemoved = 0;
  let restored = 0;
  const ourDxfs = new Set<number>();
  for (const { entry, xml } of withRules) {
    const { xml: out, removed } = removeOverlayRules(xml);
    pkg.setText(entry.path, out);
    rulesRemoved += removed.length;
    for (const r of removed) {
      if (r.dxfId !== undefined) ourDxfs.add(r.dxfId);
      restored += r.areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
    }
  }
  if (rulesRemoved > 0 && states.length === 0 && notes.length === 0) notes.push(STATE_MESSAGES.dropped);

  // 3. The previous version's fills, restored only where a cell still holds exactly its warning fill
  let legacyRemaining: LegacyFlag | undefined;
  const candidates = new Set<number>();
  const legacySheets: string[] = [];
  if (state?.legacy) {
    const { fills, originals } = state.legacy;
    const spelling = new Map(worksheets.map((s) => [s.name.toLowerCase(), s]));
    const applied = new Set<SavedCell>();
    const bySheetName = new Map<string, SavedCell[]>();
    for (const c of originals) {
      const k = c.sheet.toLowerCase();
      const list = bySheetName.get(k);
      if (list) list.push(c);
      else bySheetName.set(k, [c]);
    }
    for (const [name, cells] of bySheetName) {
      const entry = spelling.get(name);
      if (!entry) continue;
      const targets = new Map<string, (cur: number, explicit: boolean) => number>();
      for (const saved of cells)
        targets.set(saved.address.replace(/\$/g, "").toUpperCase(), (cur, explicit) => {
          if (!holdsLegacyWarningFill(styles.describeFill(cur), fills))
            return explicit && cur === 0 ? EXPLICIT_XF_0 : cur;
          applied.add(saved);
          // the cell's style as it is now, with the fill it had: what the user changed since stays
          return styles.withSavedFill(cur, saved.fill);
        });
      const { xml } = restyleCells(await pkg.text(entry.path), targets);
      pkg.setText(entry.path, xml);
    }
    restored += applied.size;
    const left = originals.filter((c) => !applied.has(c));
    if (left.length) {
      const sample = left
        .slice(0, 3)
        .map((c) => `${c.sheet}!${c.address}`)
        .join(", ");
      notes.push(STATE_MESSAGES.legacyLeft(left.length, left.length > 3 ? `${sample}, …` : sample));
    }
    legacyRemaining = { ...state.legacy, originals: left, reportSheets: [] };
    // its report sheets, by name, only while they still look like its report (title in A1)
    const sst = await sharedStrings(wb, label);
    for (const name of state.legacy.reportSheets) {
      const entry = spelling.get(name.toLowerCase());
      if (!entry || markerSheets.includes(entry.name)) continue;
      const first = readSheet(await pkg.text(entry.path), sst).rows[0]?.[0];
      if (typeof first === "string" && LEGACY_REPORT_TITLES.has(first)) legacySheets.push(entry.name);
      else notes.push(STATE_MESSAGES.legacySheetLeft(entry.name));
    }
  }

  // 4. Our report sheets: those carrying the marker, whatever they are called now (first the sheet the workbook
  // opened on before the flag, where the view is still the one the flag set)
  if (state?.views) await restoreViews(pkg, state.views);
  const removedSheets: string[] = [];
  for (const name of [...markerSheets, ...legacySheets]) {
    const entry = (await pkg.sheets()).find((s) => s.name === name);
    if (entry?.path && pkg.has(entry.path)) referencedStyles(await pkg.text(entry.path), candidates);
    if (await removeWorksheet(pkg, name)) removedSheets.push(name);
  }

  // 5. The state parts; what stays: settings saved on purpose, originals not yet applied
  for (const part of parts) await removeStatePart(pkg, part.path);
  if (keepState) {
    const keep = overlayStateAfterClear(state, legacyRemaining);
    if (keep) await addStatePart(pkg, keep);
  }

  // 6. The styles we added and nothing uses any more: report styles (cellXfs), our rules' formats (dxfs)
  if (candidates.size > 0 && styles.xfCount - 1 >= Math.min(...candidates)) {
    const referenced = new Set<number>();
    for (const s of await pkg.sheets())
      if (s.path && pkg.has(s.path)) referencedStyles(await pkg.text(s.path), referenced);
    styles.trimUnused(candidates, referenced);
  }
  if (ourDxfs.size > 0) styles.trimDxfs(ourDxfs, await referencedDxfs(pkg, wb.stylesPath));
  await writeStyles(wb, styles);
  if (tableChanged) notes.push(TABLE_CHANGED);
  return {
    wasFlagged: true,
    restored,
    rulesRemoved,
    removedSheets,
    legacyLeft: legacyRemaining?.originals.length ?? 0,
    tableChanged,
    notes,
    state,
    legacyRemaining,
  };
}

/**
 * Every dxfId any part still names (conditional formats, table styles, pivot tables), so Clear never drops a
 * differential format something else uses. Read as text: an over-approximation is safe.
 */
async function referencedDxfs(pkg: XlsxPackage, stylesPath: string): Promise<Set<number>> {
  const out = new Set<number>();
  for (const path of pkg.paths()) {
    if (!/\.xml$/i.test(path)) continue;
    const xml = await pkg.text(path);
    if (!xml.includes("dxfId")) continue;
    const re = /\bdxfId\s*=\s*["'](\d+)["']/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) out.add(Number(m[1]));
  }
  void stylesPath;
  return out;
}

/**
 * The row keys (channel + period) of a sheet's channel table, as the fingerprint reads them; rows of a sheet
 * whose table is no longer recognised have none.
 */
function rowKeysOf(grid: SheetGrid, date1904: boolean): (row: number) => string | null {
  const located = locateTable(grid, undefined, date1904);
  if (!located) return () => null;
  const mapping = detectColumns(located.table.header);
  return keysFrom(grid, located.left, mapping.channel, mapping.date);
}

function keysFrom(
  grid: SheetGrid,
  left: number,
  channel: number | undefined,
  date: number | undefined,
): (row: number) => string | null {
  return (row) => {
    const cells = grid.rows[row];
    if (!cells) return null;
    return rowKey(channel === undefined ? null : cells[left + channel], date === undefined ? null : cells[left + date]);
  };
}

/** Removes the warning colours (our rules), the report sheet and the state Growth Signals added. */
export async function clearWorkbook(
  data: Uint8Array,
  options: { label?: string; onProgress?: Progress; outputExtension?: string } = {},
): Promise<ClearOutcome> {
  return asInputErrors(options.label, () => clearUnchecked(data, options));
}

/**
 * A part the tokenizer cannot read is the workbook's problem, not ours: one sentence, no tokenizer wording.
 */
async function asInputErrors<T>(label: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof XmlLimit) throw new InputError(`${label ?? "the workbook"} cannot be read safely: ${e.what}.`);
    if (e instanceof MalformedXml)
      throw new InputError(`${label ?? "the workbook"} is a damaged .xlsx workbook (a part is not well-formed XML).`);
    throw e;
  }
}

async function clearUnchecked(
  data: Uint8Array,
  options: { label?: string; onProgress?: Progress; outputExtension?: string },
): Promise<ClearOutcome> {
  const label = options.label ?? "the workbook";
  options.onProgress?.("Reading the workbook");
  const wb = await openWorkbook(data, label, options.outputExtension);
  const {
    state: _state,
    legacyRemaining: _legacy,
    ...outcome
  } = await clearPackage(wb, label, await findStateParts(wb.pkg), true);
  options.onProgress?.("Writing the cleared copy");
  return { ...outcome, data: await wb.pkg.toBuffer() };
}

// ---------------------------------------------------------------- Flag

/**
 * Flag = (Clear when already flagged) + colour the flagged cells + add the report sheet + save the state.
 * Throws InputError for anything wrong with the workbook or the options.
 */
export async function flagWorkbook(data: Uint8Array | XlsxPackage, options: FlagOptions = {}): Promise<FlagOutcome> {
  return asInputErrors(options.label, () => flagUnchecked(data, options));
}

async function flagUnchecked(data: Uint8Array | XlsxPackage, options: FlagOptions): Promise<FlagOutcome> {
  const label = options.label ?? "the workbook";
  const progress = options.onProgress ?? (() => undefined);
  progress("Reading the workbook");
  const wb = await openWorkbook(data, label, options.outputExtension);
  const { pkg } = wb;
  const parts = await findStateParts(pkg);
  const saved = mergeOverlayStates(parts.map((p) => p.state).filter((s): s is OverlayState => s !== null));
  const settings = flagSettings(saved, { override: options.config });
  const { config } = settings;
  // Flag replaces the previous flag's rules and report (flag twice = once); its legacy debts carry over.
  const cleared = await clearPackage(wb, label, parts, false);

  let range: RangeRef | undefined;
  if (options.range !== undefined) {
    const r = parseRange(options.range);
    if (!r) throw new InputError(`--range ${options.range} is not an A1 range such as A1:I503.`);
    range = r;
  }
  const sheets = await pkg.sheets();
  const worksheets = sheets.filter((s) => s.isWorksheet && s.path);
  let chosen = worksheets;
  if (options.sheet !== undefined) {
    const exact = worksheets.filter((s) => s.name === options.sheet);
    chosen = exact.length ? exact : worksheets.filter((s) => s.name.toLowerCase() === options.sheet!.toLowerCase());
    if (chosen.length === 0) {
      throw new InputError(
        `${label} has no worksheet named "${options.sheet}" (its sheets: ${worksheets.map((s) => `"${s.name}"`).join(", ") || "none"}).`,
      );
    }
  } else if (range && worksheets.length > 1) {
    chosen = worksheets.slice(0, 1);
  }

  const styles = await stylesEditor(wb, label);
  const sst = await sharedStrings(wb, label);
  const read: { entry: SheetEntry; xml: string; keyOf: (row: number) => string | null; cells: FlaggedCell[] }[] = [];
  const tables: FlaggedTable[] = [];
  const series: FindingChartData[][] = [];
  for (const entry of chosen) {
    progress(`Reading sheet "${entry.name}"`);
    if (!pkg.has(entry.path))
      throw new InputError(`${label} is a damaged .xlsx workbook (sheet "${entry.name}" has no worksheet part).`);
    const xml = await pkg.text(entry.path);
    if (!isWholePart(xml, "worksheet"))
      throw new InputError(`${label} is a damaged .xlsx workbook (sheet "${entry.name}" cannot be read).`);
    const grid = options.grids?.get(entry.path) ?? readSheet(xml, sst);
    const located = locateTable(grid, range, wb.date1904);
    if (!located) continue;
    progress(`Checking the rules on "${entry.name}" (${located.table.rows.length} rows)`);
    const result = runRules(located.table, {
      config,
      date1904: wb.date1904,
      placement: { left: located.left, firstRow: 0, rowMap: located.rowMap },
    });
    result.warnings.unshift(...located.assumptions.map((message) => ({ code: "table-assumed" as const, message })));
    result.warnings.push(...formulaWarnings(grid, located, result));
    const { rowMap, left } = located;
    const cells = result.cells.map((c) => ({
      sheet: entry.name,
      row: rowMap[c.row],
      col: left + c.col,
      colour: c.colour,
    }));
    const keyOf = keysFrom(grid, left, result.mapping.channel, result.mapping.date);
    read.push({ entry, xml, keyOf, cells });
    const distinct = new Set(cells.map((c) => c.row * 16384 + c.col)).size;
    tables.push({ sheet: entry.name, address: located.address, result, cellsColoured: distinct });
    // the values behind each finding, as the rules read them, for the report's trend charts (red and orange
    // findings only; the last year of values at most, so a chart stays readable and its part small)
    const charted = result.findings.some((f) => f.colour === "red" || f.colour === "orange");
    series.push(
      charted ? findingCharts(located.table, result, config, { date1904: wb.date1904, last: CHART_VALUES }) : [],
    );
  }
  if (tables.length === 0) {
    const where =
      options.sheet !== undefined
        ? `sheet "${chosen[0].name}"${range ? ` range ${options.range}` : ""}`
        : range
          ? `range ${options.range}`
          : "any sheet";
    throw new InputError(
      `${label}: no channel table found in ${where} (a channel report needs a date or channel column and a metric column such as ROI, Conv. value / cost, Complaint rate, Repurchase rate, LTV/CAC, Sessions or Clicks, or revenue and cost).`,
    );
  }

  // The overlay: one conditional-format rule per sheet and colour over the flagged cells; the cells stay as they are.
  const rules = overlayRules(
    read.flatMap((r) => r.cells),
    config.fills,
  );
  // A rule's ranges go in chunks of at most SQREF_CHARS characters (one <conditionalFormatting> each, the same
  // format): a 100,000-row flag would otherwise write one attribute of hundreds of KB, past what readers accept.
  const chunks = rules.flatMap((r) => chunkAreas(r.areas, SQREF_CHARS, " ").map((areas) => ({ ...r, areas })));
  for (const { entry, xml } of read) {
    const mine = chunks.filter((r) => r.sheet === entry.name);
    if (mine.length === 0) continue;
    progress(`Coloring ${mine.reduce((n, r) => n + r.areas.length, 0)} areas on "${entry.name}"`);
    pkg.setText(
      entry.path,
      addOverlayRules(
        xml,
        mine.map((r) => ({ areas: r.areas, dxfId: styles.dxfWithFill(r.fill) })),
      ),
    );
  }
  const keyOf = new Map(read.map((r) => [r.entry.name, r.keyOf]));
  const fingerprint = overlayFingerprint(rules, (sheet, row) => keyOf.get(sheet)?.(row) ?? null);

  // What changed since the last flag: this flag's findings against the record the previous one left (issue 19).
  const flagged = tables.map((t) => ({
    sheet: t.sheet,
    findings: t.result.findings,
    firstPeriod: t.result.firstPeriod,
  }));
  const diff = diffFindings(saved?.findings, flagged, saved?.findingsCapped === true);
  tables.forEach((t, i) => (t.marks = diff.marks[i]));
  const lang = options.lang ?? "en";
  const now = options.now ?? new Date();
  const changes: ChangesSinceLastFlag = {
    ...changesSinceLastFlag(diff, saved?.flaggedAt),
    year: latestOfYears(tables.map((t) => t.result.latestYear)),
  };
  const recorded = findingRecords(flagged, saved?.findings);

  const report = buildReport(
    tables.map((t, i) => ({ sheet: t.sheet, address: t.address, result: t.result, charts: series[i], marks: t.marks })),
    config,
    lang,
    now,
    changes,
  );
  // A user's own sheet called "Growth Signals" keeps its name: ours takes "Growth Signals (2)".
  const reportSheet = reportSheetName((await pkg.sheets()).map((s) => s.name));
  // a new sheet's relationships part starts at rId1: its drawing (the trend charts) takes that id
  const drawingRel = report.charts.length ? "rId1" : undefined;
  const reportPath = await addWorksheet(pkg, reportSheet, reportSheetXml(report, styles, config.fills, drawingRel));
  await addCharts(pkg, reportPath, report.charts, report.columnWidths);
  // The weak-channel table's header repeats at the top of every printed page (issue 10 §7), and the marker that
  // tells Clear the sheet is ours whatever it is called by then.
  const reportIndex = (await pkg.sheets()).findIndex((s) => s.name === reportSheet);
  await addPrintTitles(pkg, reportIndex, reportSheet, report.headerRow, report.headerRow);
  await addReportMarker(pkg, reportIndex, reportSheet);
  // the copy opens on the report (issue 19 §6); the data sheets lose only their tab's selected flag
  const views = await openOnSheet(pkg, reportSheet);
  const state: OverlayState = {
    version: 2,
    settings: config,
    ...(settings.settingsSaved ? { settingsSaved: true } : {}),
    flaggedAt: now.toISOString(),
    rules: chunks.map((r) => ({ sheet: r.sheet, colour: r.colour, fill: r.fill, ranges: areasRef(r.areas) })),
    fingerprint,
    reportSheet,
    findings: recorded.records,
    ...(recorded.capped ? { findingsCapped: true as const } : {}),
    ...(views.length ? { views } : {}),
  };
  const legacy = cleared.legacyRemaining;
  if (legacy && legacy.originals.length) state.legacy = legacy;
  await addStatePart(pkg, state);
  await writeStyles(wb, styles);
  progress("Writing the flagged copy");
  const out = await pkg.toBuffer();
  const notes = cleared.notes.map((n) => (n === TABLE_CHANGED ? TABLE_CHANGED_REFLAGGED : n));
  return { data: out, tables, config, report, reportSheet, clearedFirst: cleared.restored, changes, notes };
}
