/**
 * Flag and Clear on an .xlsx package, host-independent of the command line: bytes in, bytes out.
 * The rules, the table detection and the report come from src/core, exactly as the task pane uses them.
 */
import { cellAddress, parseRange, type RangeRef } from "../core/a1";
import {
  clearPlan,
  flaggedState,
  flagPlan,
  flagSettings,
  previousFlag,
  type PlacedResult,
  type SheetCell,
} from "../core/flagPlan";
import { buildReport, type ReportSheet } from "../core/report";
import { runRules } from "../core/rules/engine";
import { findingSeries, type FindingSeries } from "../core/rules/findingSeries";
import type { RulesConfig, RulesResult } from "../core/rules/types";
import type { SavedCell } from "../core/state";
import { InputError } from "./errors";
import { formulaWarnings, locateTable } from "./locateTable";
import { isWholePart, openWorkbook, sharedStrings, stylesEditor, writeStyles, type Workbook } from "./workbookParts";
import type { SheetEntry, XlsxPackage } from "./xlsx/package";
import { reportSheetXml } from "./xlsx/reportSheet";
import { EXPLICIT_XF_0, readSheet, referencedStyles, restyleCells, type SheetGrid } from "./xlsx/sheet";
import { addCharts } from "./xlsx/charts";
import { addPrintTitles } from "./xlsx/definedNames";
import { addWorksheet, removeWorksheet } from "./xlsx/sheets";
import { addStatePart, findStateParts, removeStatePart, type StatePart } from "./xlsx/statePart";
import { MalformedXml } from "./xlsx/locate";

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
}

/** At most this many of a finding's latest values in its trend chart (a year of days). */
const CHART_VALUES = 366;

export interface FlaggedTable {
  sheet: string;
  /** A1 address of the table, header row included. */
  address: string;
  result: RulesResult;
  cellsColoured: number;
}

export interface FlagOutcome {
  data: Buffer;
  tables: FlaggedTable[];
  config: RulesConfig;
  report: ReportSheet;
  reportSheet: string;
  /** Cells restored first because the workbook was already flagged. */
  clearedFirst: number;
}

export interface ClearOutcome {
  data: Buffer;
  /** false when the workbook holds no Growth Signals state (the output is an unchanged copy). */
  wasFlagged: boolean;
  restored: number;
  removedSheets: string[];
}

// ---------------------------------------------------------------- Clear

/**
 * Restores the original styles and removes what Growth Signals added, as the core's clear plan says.
 * `keepSavedSettings`: settings a user saved on purpose stay as a settings-only state part (see stateAfterClear);
 * Flag passes false and rewrites the state.
 */
async function clearPackage(
  wb: Workbook,
  label: string,
  parts: StatePart[],
  keepSavedSettings: boolean,
): Promise<Omit<ClearOutcome, "data">> {
  const { pkg } = wb;
  if (parts.length === 0) return { wasFlagged: false, restored: 0, removedSheets: [] };
  const styles = await stylesEditor(wb, label);
  const sheets = await pkg.sheets();
  const plan = clearPlan(
    previousFlag(
      parts.map((p) => p.state),
      sheets.map((s) => s.name),
    ),
  );
  const candidates = new Set<number>();
  let restored = 0;
  const removedSheets: string[] = [];
  for (const [name, cells] of bySheet(plan.restore)) {
    const entry = sheets.find((s) => s.name === name && s.isWorksheet);
    if (!entry || !pkg.has(entry.path)) continue;
    const targets = new Map<string, (cur: number, explicit: boolean) => number>();
    for (const { row, col, saved } of cells) {
      targets.set(cellAddress(row, col), (cur) => {
        if (saved.xf !== undefined && Number.isInteger(saved.xf) && saved.xf >= 0 && saved.xf < styles.xfCount) {
          candidates.add(cur); // a style the CLI created for this cell
          return saved.xf === 0 && saved.xfExplicit ? EXPLICIT_XF_0 : saved.xf;
        }
        return styles.withSavedFill(cur, saved.fill);
      });
    }
    const { xml, found } = restyleCells(await pkg.text(entry.path), targets);
    if (found.size) pkg.setText(entry.path, xml);
    restored += found.size;
  }
  for (const name of plan.removeSheets) {
    const entry = sheets.find((s) => s.name === name);
    if (entry?.path && pkg.has(entry.path)) referencedStyles(await pkg.text(entry.path), candidates);
    if (await removeWorksheet(pkg, name)) removedSheets.push(name);
  }
  for (const part of parts) await removeStatePart(pkg, part.path);
  if (keepSavedSettings && plan.keep) await addStatePart(pkg, plan.keep);
  if (candidates.size > 0 && styles.xfCount - 1 >= Math.min(...candidates)) {
    const referenced = new Set<number>();
    for (const s of await pkg.sheets())
      if (s.path && pkg.has(s.path)) referencedStyles(await pkg.text(s.path), referenced);
    styles.trimUnused(candidates, referenced);
  }
  await writeStyles(wb, styles);
  return { wasFlagged: true, restored, removedSheets };
}

/** Cells grouped by sheet, in the order of their first cell. */
function bySheet<C extends SheetCell>(cells: Iterable<C>): Map<string, C[]> {
  const out = new Map<string, C[]>();
  for (const c of cells) {
    const list = out.get(c.sheet);
    if (list) list.push(c);
    else out.set(c.sheet, [c]);
  }
  return out;
}

/** Restores every coloured cell's original style and removes the sheets and the state Growth Signals added. */
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
  const outcome = await clearPackage(wb, label, await findStateParts(wb.pkg), true);
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
  const sheetsBefore = (await pkg.sheets()).map((s) => s.name);
  const previous = previousFlag(
    parts.map((p) => p.state),
    sheetsBefore,
  );
  const settings = flagSettings(previous.state, { override: options.config });
  const { config } = settings;
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
  const read: { entry: SheetEntry; xml: string; rowOffsets: SheetGrid["rowOffsets"]; placed: PlacedResult }[] = [];
  const tables: FlaggedTable[] = [];
  const series: FindingSeries[][] = [];
  for (const entry of chosen) {
    progress(`Reading sheet "${entry.name}"`);
    if (!pkg.has(entry.path))
      throw new InputError(`${label} is a damaged .xlsx workbook (sheet "${entry.name}" has no worksheet part).`);
    const xml = await pkg.text(entry.path);
    if (!isWholePart(xml, "worksheet"))
      throw new InputError(`${label} is a damaged .xlsx workbook (sheet "${entry.name}" cannot be read).`);
    const grid = readSheet(xml, sst);
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
    read.push({
      entry,
      xml,
      rowOffsets: grid.rowOffsets,
      placed: { sheet: entry.name, result, left, sheetRow: (r) => rowMap[r] },
    });
    tables.push({ sheet: entry.name, address: located.address, result, cellsColoured: 0 });
    // the values behind each finding, as the rules read them, for the report's trend charts (red and orange
    // findings only; the last year of values at most, so a chart stays readable and its part small)
    const charted = result.findings.some((f) => f.colour === "red" || f.colour === "orange");
    series.push(charted ? findingSeries(located.table, result, { date1904: wb.date1904, last: CHART_VALUES }) : []);
  }
  if (tables.length === 0) {
    const where =
      options.sheet !== undefined
        ? `sheet "${chosen[0].name}"${range ? ` range ${options.range}` : ""}`
        : range
          ? `range ${options.range}`
          : "any sheet";
    throw new InputError(
      `${label}: no channel table found in ${where} (the header row needs a metric column such as ROI, Complaint rate, Repurchase rate, LTV/CAC or Traffic).`,
    );
  }

  const plan = flagPlan(
    previous,
    read.map((r) => r.placed),
    settings,
    sheetsBefore,
  );
  const byName = bySheet(plan.colour.values());
  const originals: SavedCell[] = [];
  read.forEach(({ entry, xml, rowOffsets }, i) => {
    const targets = new Map<string, (cur: number, explicit: boolean) => number>();
    for (const c of byName.get(entry.name) ?? []) {
      const address = cellAddress(c.row, c.col);
      targets.set(address, (cur, explicit) => {
        const saved: SavedCell = { sheet: entry.name, address, fill: styles.describeFill(cur), xf: cur };
        if (cur === 0 && explicit) saved.xfExplicit = true;
        originals.push(saved);
        return styles.withSolidFill(cur, c.fill);
      });
    }
    progress(`Colouring ${targets.size} cells on "${entry.name}"`);
    const edited = restyleCells(xml, targets, rowOffsets);
    if (edited.found.size) pkg.setText(entry.path, edited.xml);
    tables[i].cellsColoured = edited.found.size;
  });

  const lang = options.lang ?? "en";
  const now = options.now ?? new Date();
  const report = buildReport(
    tables.map((t, i) => ({ sheet: t.sheet, address: t.address, result: t.result, series: series[i] })),
    config,
    lang,
    now,
  );
  const reportSheet = plan.reportSheet;
  // a new sheet's relationships part starts at rId1: its drawing (the trend charts) takes that id
  const drawingRel = report.charts.length ? "rId1" : undefined;
  const reportPath = await addWorksheet(pkg, reportSheet, reportSheetXml(report, styles, config.fills, drawingRel));
  await addCharts(pkg, reportPath, report.charts, config.fills);
  // The weak-channel table's header repeats at the top of every printed page (issue 10 §7).
  const reportIndex = (await pkg.sheets()).findIndex((s) => s.name === reportSheet);
  await addPrintTitles(pkg, reportIndex, reportSheet, report.headerRow, report.headerRow);
  const state = flaggedState(plan, originals, now);
  await addStatePart(pkg, state);
  await writeStyles(wb, styles);
  progress("Writing the flagged copy");
  const out = await pkg.toBuffer();
  return { data: out, tables, config, report, reportSheet, clearedFirst: cleared.restored };
}
