/**
 * Flag and Clear on an .xlsx package, host-independent of the command line: bytes in, bytes out.
 * The rules, the table detection and the report come from src/core, exactly as the task pane uses them.
 */
import { parseRange, rangeAddress, type RangeRef } from "../core/a1";
import { buildReport, type ReportSheet } from "../core/report";
import { DEFAULT_CONFIG, validateConfig } from "../core/rules/config";
import { runRules } from "../core/rules/engine";
import {
  METRIC_KEYS,
  type Bilingual,
  type CellValue,
  type EngineWarning,
  type RulesConfig,
  type RulesResult,
  type Table,
} from "../core/rules/types";
import { COLUMN_NAMES } from "../core/i18n/rules";
import { REPORT_SHEET_NAME, stateAfterClear, type GrowthSignalsState, type SavedCell } from "../core/state";
import { findTable, type FoundTable } from "../core/table/findTable";
import { detectColumns, hasMetricColumn } from "../core/table/headers";
import { cellAddress, columnLetters } from "../core/a1";
import { InputError } from "./errors";
import { parseThemeColours } from "./xlsx/colours";
import {
  EXTENSION_OF_CONTENT_TYPE,
  REL_SHARED_STRINGS,
  REL_STYLES,
  REL_THEME,
  XlsxPackage,
  type SheetEntry,
} from "./xlsx/package";
import { reportSheetXml } from "./xlsx/reportSheet";
import { parseSharedStrings } from "./xlsx/sharedStrings";
import { cellKey, EXPLICIT_XF_0, readSheet, referencedStyles, restyleCells, type SheetGrid } from "./xlsx/sheet";
import { addWorksheet, removeWorksheet } from "./xlsx/sheets";
import { addStatePart, findStateParts, removeStatePart } from "./xlsx/statePart";
import { attr, childNamed, locate, MalformedXml, NS_MAIN, startTagOf } from "./xlsx/locate";
import { StylesEditor } from "./xlsx/styles";

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

interface Workbook {
  pkg: XlsxPackage;
  stylesPath: string;
  /** The styles part as read, before an empty stylesheet got its default entries. */
  stylesOriginal?: string;
  theme: string[];
  sst: string[] | null;
  sstPath: string | null;
  /** workbookPr/@date1904: serials count from 1904-01-01 (Mac Excel "1", LibreOffice "true"). */
  date1904: boolean;
}

/**
 * The smallest stylesheet Excel reads as the default look: one font, the two fills the format reserves (none,
 * gray125), one border, one cell-style xf and one cell xf (ECMA-376 Part 1, §18.8; what Excel writes for a new book).
 */
const MINIMAL_STYLES_BODY =
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>';
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">${MINIMAL_STYLES_BODY}</styleSheet>`;

/**
 * Writes the edited stylesheet. What Flag only added to make the part usable goes again once nothing else is left:
 * an empty stylesheet gets its original bytes back, and a stylesheet Flag created is removed with its relationship
 * and content type, so Clear gives back every part as it was.
 */
async function writeStyles(wb: Workbook, styles: StylesEditor): Promise<void> {
  if (!styles.changed) return;
  let xml = styles.toXml();
  const original = wb.stylesOriginal;
  if (original !== undefined && xml === completeStylesheet(original)) xml = original;
  else if ((await findStateParts(wb.pkg)).length === 0) {
    // Clear: the part is back to what Flag made it; undo what Flag added to make it usable.
    if (xml === MINIMAL_STYLES) {
      wb.pkg.remove(wb.stylesPath);
      await wb.pkg.removeContentTypeOverride(wb.stylesPath);
      await wb.pkg.removeRelsTo(wb.pkg.workbookPath, wb.stylesPath);
      return;
    }
    xml = uncompleteStylesheet(xml);
  }
  wb.pkg.setText(wb.stylesPath, xml);
}

/** The inverse of completeStylesheet: the default entries it inserted, taken out again (exact bytes only). */
function uncompleteStylesheet(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?styleSheet\b[^>]*>/.exec(xml);
  if (!root) return xml;
  const prefix = root[1] ?? "";
  const body = MINIMAL_STYLES_BODY.replace(/<(\/?)([a-zA-Z])/g, `<$1${prefix}$2`);
  const at = root.index + root[0].length;
  if (!xml.startsWith(body, at)) return xml;
  const rest = xml.slice(at + body.length);
  const close = `</${prefix}styleSheet>`;
  if (rest.startsWith(close)) return xml.slice(0, root.index) + root[0].replace(/>$/, "/>") + rest.slice(close.length);
  return xml.slice(0, at) + rest;
}

/** styles.xml is optional: a workbook without one gets the minimal stylesheet, its relationship and content type. */
async function ensureStylesPart(pkg: XlsxPackage): Promise<string> {
  const existing = await pkg.workbookPart(REL_STYLES);
  if (existing && pkg.has(existing)) return existing;
  const path = existing ?? "xl/styles.xml";
  pkg.setText(path, MINIMAL_STYLES);
  await pkg.addContentTypeOverride(path, CT_STYLES);
  if (!existing) await pkg.addRel(pkg.workbookPath, REL_STYLES, path);
  return path;
}

/** An empty stylesheet (`<styleSheet/>`, or one without cellXfs) gets the default entries, keeping its root tag. */
function completeStylesheet(xml: string): string {
  const root = locate(xml);
  if (root.uri !== NS_MAIN || childNamed(root, NS_MAIN, "cellXfs")) return xml;
  const prefix = root.prefix ? `${root.prefix}:` : "";
  const body = MINIMAL_STYLES_BODY.replace(/<(\/?)([a-zA-Z])/g, `<$1${prefix}$2`);
  if (root.selfClosing) {
    const open = startTagOf(xml, root).replace(/\s*\/>$/, ">");
    return xml.slice(0, root.start) + open + body + `</${root.name}>` + xml.slice(root.end);
  }
  return xml.slice(0, root.openEnd) + body + xml.slice(root.openEnd);
}

async function openWorkbook(data: Uint8Array, label: string, outputExtension?: string): Promise<Workbook> {
  const pkg = await XlsxPackage.load(data, label);
  if (!isWholePart(await pkg.text(pkg.workbookPath), "workbook"))
    throw new InputError(`${label} is a damaged .xlsx workbook (its workbook part cannot be read).`);
  if (!pkg.has("[Content_Types].xml") || !isWholePart(await pkg.text("[Content_Types].xml"), "Types"))
    throw new InputError(`${label} is a damaged .xlsx workbook (its content types cannot be read).`);
  if (outputExtension !== undefined) {
    const want = EXTENSION_OF_CONTENT_TYPE[(await pkg.contentType(pkg.workbookPath)) ?? ""];
    if (want && want !== outputExtension.toLowerCase())
      throw new InputError(
        `${label} is a ${want} workbook; name the output ${want} too (Excel will not open it as ${outputExtension || "a file without an extension"}).`,
      );
  }
  const stylesPath = (await pkg.workbookPart(REL_STYLES)) ?? "";
  const themePath = await pkg.workbookPart(REL_THEME);
  const theme = themePath && pkg.has(themePath) ? parseThemeColours(await pkg.text(themePath)) : [];
  const sstPath = await pkg.workbookPart(REL_SHARED_STRINGS);
  const date1904 = usesDate1904(await pkg.text(pkg.workbookPath));
  return { pkg, stylesPath, theme, sst: null, sstPath: sstPath && pkg.has(sstPath) ? sstPath : null, date1904 };
}

/** The workbook's date system: `<workbookPr date1904="1"/>` (or "true", xsd:boolean) is the 1904 system. */
export function usesDate1904(workbookXml: string): boolean {
  const pr = childNamed(locate(workbookXml), NS_MAIN, "workbookPr");
  const v = pr ? attr(pr, "date1904") : undefined;
  return v !== undefined && (v.trim() === "1" || v.trim() === "true");
}

/**
 * True when a part ends with the closing tag of its root element (`</worksheet>`, `</x:sst>`…): a cheap check that
 * catches a part cut off by a broken download or copy, which the lenient readers would otherwise read as empty.
 */
export function isWholePart(xml: string, root: string): boolean {
  const tail = xml.slice(-512);
  // A self-closing root (`<sst …/>`, Excel's shared strings of a book with no text) is whole too.
  return (
    new RegExp(`</([A-Za-z_][\\w.-]*:)?${root}>\\s*$`).test(tail) ||
    new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}(\\s[^<>]*)?/>\\s*$`).test(tail)
  );
}

async function sharedStrings(wb: Workbook, label: string): Promise<string[]> {
  if (!wb.sst) {
    const xml = wb.sstPath ? await wb.pkg.text(wb.sstPath) : null;
    if (xml !== null && !isWholePart(xml, "sst"))
      throw new InputError(`${label} is a damaged .xlsx workbook (its shared strings cannot be read).`);
    wb.sst = xml === null ? [] : parseSharedStrings(xml);
  }
  return wb.sst;
}

async function stylesEditor(wb: Workbook, label: string): Promise<StylesEditor> {
  try {
    // Created only when a cell is about to be styled, so a clear of an unflagged workbook changes nothing.
    if (!wb.stylesPath || !wb.pkg.has(wb.stylesPath)) wb.stylesPath = await ensureStylesPart(wb.pkg);
    const xml = await wb.pkg.text(wb.stylesPath);
    wb.stylesOriginal = xml;
    const complete = completeStylesheet(xml);
    // Only a stylesheet that lacked the entries is rewritten; a complete one keeps its bytes until it is edited.
    return new StylesEditor(complete, wb.theme);
  } catch {
    throw new InputError(`${label} is a damaged .xlsx workbook (its styles part cannot be read).`);
  }
}

// ---------------------------------------------------------------- Clear

/**
 * Restores the original styles and removes what Growth Signals added. `keepSavedSettings`: settings a user saved
 * on purpose stay as a settings-only state part (see stateAfterClear); Flag passes false and rewrites the state.
 */
async function clearPackage(
  wb: Workbook,
  label: string,
  keepSavedSettings: boolean,
): Promise<Omit<ClearOutcome, "data">> {
  const { pkg } = wb;
  const parts = await findStateParts(pkg);
  if (parts.length === 0) return { wasFlagged: false, restored: 0, removedSheets: [] };
  const styles = await stylesEditor(wb, label);
  const sheets = await pkg.sheets();
  const candidates = new Set<number>();
  let restored = 0;
  const removedSheets: string[] = [];
  const addedNames = new Set(parts.flatMap((p) => p.state.addedSheets));
  for (const part of parts) {
    const bySheet = new Map<string, SavedCell[]>();
    for (const cell of part.state.originals) {
      if (addedNames.has(cell.sheet)) continue;
      const list = bySheet.get(cell.sheet) ?? [];
      list.push(cell);
      bySheet.set(cell.sheet, list);
    }
    for (const [name, cells] of bySheet) {
      const entry = sheets.find((s) => s.name === name && s.isWorksheet);
      if (!entry || !pkg.has(entry.path)) continue;
      const targets = new Map<string, (cur: number, explicit: boolean) => number>();
      for (const cell of cells) {
        targets.set(cell.address.replace(/\$/g, "").toUpperCase(), (cur) => {
          if (cell.xf !== undefined && Number.isInteger(cell.xf) && cell.xf >= 0 && cell.xf < styles.xfCount) {
            candidates.add(cur); // a style the CLI created for this cell
            return cell.xf === 0 && cell.xfExplicit ? EXPLICIT_XF_0 : cell.xf;
          }
          return styles.withSavedFill(cur, cell.fill);
        });
      }
      const { xml, found } = restyleCells(await pkg.text(entry.path), targets);
      if (found.size) pkg.setText(entry.path, xml);
      restored += found.size;
    }
  }
  for (const name of addedNames) {
    const entry = sheets.find((s) => s.name === name);
    if (entry?.path && pkg.has(entry.path)) referencedStyles(await pkg.text(entry.path), candidates);
    if (await removeWorksheet(pkg, name)) removedSheets.push(name);
  }
  for (const part of parts) await removeStatePart(pkg, part.path);
  const kept = keepSavedSettings ? parts.map((p) => stateAfterClear(p.state)).find((k) => k !== null) : undefined;
  if (kept) await addStatePart(pkg, kept);
  if (candidates.size > 0 && styles.xfCount - 1 >= Math.min(...candidates)) {
    const referenced = new Set<number>();
    for (const s of await pkg.sheets())
      if (s.path && pkg.has(s.path)) referencedStyles(await pkg.text(s.path), referenced);
    styles.trimUnused(candidates, referenced);
  }
  await writeStyles(wb, styles);
  return { wasFlagged: true, restored, removedSheets };
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
  const outcome = await clearPackage(wb, label, true);
  options.onProgress?.("Writing the cleared copy");
  return { ...outcome, data: await wb.pkg.toBuffer() };
}

// ---------------------------------------------------------------- Flag

interface LocatedTable {
  table: Table;
  /** Sheet row of each data row. */
  rowMap: number[];
  left: number;
  address: string;
  /** What detection assumed, shown with the engine's warnings. */
  assumptions: Bilingual[];
}

function cellsOf(row: CellValue[] | undefined, left: number, right: number): CellValue[] {
  const out: CellValue[] = []; // packed, not holey: the engine walks these arrays column by column
  for (let c = left; c <= right; c++) out.push(row?.[c] ?? null);
  return out;
}

function isBlank(row: CellValue[] | undefined, left: number, right: number): boolean {
  if (!row) return true;
  for (let c = left; c <= right; c++) {
    const v = row[c];
    if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return false;
  }
  return true;
}

/** The table of a sheet: the given range, or the first recognised header row and everything below it. */
export function locateTable(grid: SheetGrid, range?: RangeRef, date1904 = false): LocatedTable | null {
  let found: FoundTable | null = null;
  let top: number;
  let left: number;
  let right: number;
  let bottom: number;
  if (range) {
    ({ top, left, right, bottom } = range);
  } else {
    found = findTable(grid.rows, { date1904 });
    if (!found) return null;
    top = found.dataRow - 1; // the (last) header row
    ({ firstCol: left, lastCol: right } = found);
    bottom = grid.rows.length - 1;
  }
  const header = found ? found.header : cellsOf(grid.rows[top], left, right);
  if (!hasMetricColumn(detectColumns(header))) return null;
  const rows: CellValue[][] = [];
  const rowMap: number[] = [];
  for (let r = top + 1; r <= bottom && r < grid.rows.length; r++) {
    if (isBlank(grid.rows[r], left, right)) continue;
    rows.push(cellsOf(grid.rows[r], left, right));
    rowMap.push(r);
  }
  const last = rowMap.length ? rowMap[rowMap.length - 1] : top;
  const address = rangeAddress({ top, left, right, bottom: range ? bottom : last });
  return { table: { header, rows }, rowMap, left, address, assumptions: found?.assumptions ?? [] };
}

/**
 * One warning per metric column of the table holding formulas whose results were never stored (openpyxl and pandas
 * write the formula only): the rules cannot read them, and only a spreadsheet program can calculate them (§1.8).
 */
export function formulaWarnings(grid: SheetGrid, located: LocatedTable, result: RulesResult): EngineWarning[] {
  const out: EngineWarning[] = [];
  if (grid.formulasWithoutValues.size === 0) return out;
  for (const metric of METRIC_KEYS) {
    const col = result.mapping[metric];
    if (col === undefined) continue;
    const sheetCol = located.left + col;
    let count = 0;
    let first = -1;
    let last = -1;
    located.rowMap.forEach((sheetRow, i) => {
      if (!grid.formulasWithoutValues.has(cellKey(sheetRow, sheetCol))) return;
      count++;
      if (first < 0) first = i;
      last = i;
    });
    if (count === 0) continue;
    const letter = columnLetters(sheetCol);
    const a = `${letter}${located.rowMap[first] + 1}`;
    const b = `${letter}${located.rowMap[last] + 1}`;
    const where = a === b ? a : `${a}:${b}`;
    const span = last - first + 1;
    const name = COLUMN_NAMES[metric];
    const en =
      count === 1
        ? `${name.en} in ${where} is a formula with no calculated value`
        : count === span
          ? `${name.en} in ${where} are formulas with no calculated values`
          : `${name.en} in ${where}: ${count} cells are formulas with no calculated values`;
    out.push({
      code: "formulas-without-values",
      col,
      rows: { first, last },
      count,
      message: {
        en: `${en}, so the rules could not check ${count === 1 ? "it" : "them"}; open and save the file in Excel first.`,
        zh: `${name.zh}（${where}）有 ${count} 个单元格是没有计算结果的公式，规则无法检查；请先在 Excel 中打开并保存该文件。`,
      },
    });
  }
  return out;
}

function uniqueSheetName(existing: SheetEntry[], base: string): string {
  const names = new Set(existing.map((s) => s.name.toLowerCase()));
  if (!names.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!names.has(`${base} (${i})`.toLowerCase())) return `${base} (${i})`;
}

/**
 * Flag = (Clear when already flagged) + colour the flagged cells + add the report sheet + save the state.
 * Throws InputError for anything wrong with the workbook or the options.
 */
export async function flagWorkbook(data: Uint8Array, options: FlagOptions = {}): Promise<FlagOutcome> {
  return asInputErrors(options.label, () => flagUnchecked(data, options));
}

async function flagUnchecked(data: Uint8Array, options: FlagOptions): Promise<FlagOutcome> {
  const label = options.label ?? "the workbook";
  const progress = options.onProgress ?? (() => undefined);
  progress("Reading the workbook");
  const wb = await openWorkbook(data, label, options.outputExtension);
  const { pkg } = wb;
  const oldStates = (await findStateParts(pkg)).map((p) => p.state);
  const saved = oldStates.find((s) => s.settings)?.settings;
  const config =
    options.config ??
    (saved ? validateConfig(saved).config : { ...DEFAULT_CONFIG, fills: { ...DEFAULT_CONFIG.fills } });
  // Settings the user saved in the workbook stay marked as saved when this flag used them.
  const settingsSaved = options.config === undefined && oldStates.some((s) => s.settingsSaved && s.settings);
  const cleared = await clearPackage(wb, label, false);

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
  const tables: FlaggedTable[] = [];
  const originals: SavedCell[] = [];
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
    const result = runRules(located.table, { config, date1904: wb.date1904 });
    result.warnings.unshift(...located.assumptions.map((message) => ({ code: "table-assumed" as const, message })));
    result.warnings.push(...formulaWarnings(grid, located, result));
    const targets = new Map<string, (cur: number, explicit: boolean) => number>();
    for (const cell of result.cells) {
      const address = cellAddress(located.rowMap[cell.row], located.left + cell.col);
      const hex = config.fills[cell.colour];
      targets.set(address, (cur, explicit) => {
        const saved: SavedCell = { sheet: entry.name, address, fill: styles.describeFill(cur), xf: cur };
        if (cur === 0 && explicit) saved.xfExplicit = true;
        originals.push(saved);
        return styles.withSolidFill(cur, hex);
      });
    }
    progress(`Colouring ${targets.size} cells on "${entry.name}"`);
    const edited = restyleCells(xml, targets, grid.rowOffsets);
    if (edited.found.size) pkg.setText(entry.path, edited.xml);
    tables.push({ sheet: entry.name, address: located.address, result, cellsColoured: edited.found.size });
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

  const lang = options.lang ?? "en";
  const now = options.now ?? new Date();
  const report = buildReport(
    tables.map((t) => ({ sheet: t.sheet, address: t.address, result: t.result })),
    config,
    lang,
    now,
  );
  const reportSheet = uniqueSheetName(await pkg.sheets(), REPORT_SHEET_NAME);
  await addWorksheet(pkg, reportSheet, reportSheetXml(report, styles, config.fills));
  const state: GrowthSignalsState = {
    version: 1,
    settings: config,
    ...(settingsSaved ? { settingsSaved: true } : {}),
    originals,
    addedSheets: [reportSheet],
    flaggedAt: now.toISOString(),
  };
  await addStatePart(pkg, state);
  await writeStyles(wb, styles);
  progress("Writing the flagged copy");
  const out = await pkg.toBuffer();
  return { data: out, tables, config, report, reportSheet, clearedFirst: cleared.restored };
}
