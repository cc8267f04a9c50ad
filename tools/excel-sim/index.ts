/**
 * A simulated Excel host for tests and the browser preview: objects shaped like the Office.js `Excel` and `Office`
 * globals over an in-memory workbook, plus `host`, an inspector to set up cells and check what the add-in did.
 *
 *   const { host } = installSimulatedOffice(globalThis, { sheets: [{ name: "Data", rows: [["Date", "ROI"], …] }] });
 *   await Office.onReady();                       // { host: "Excel" }
 *   await Excel.run(async (ctx) => { … });        // strict like Excel: load + sync before reading
 *   host.syncCount; host.fill("Data", "B2");      // null = no fill
 *
 * Pure TypeScript without Node APIs, so webpack can bundle it for a browser page.
 */
import type { RangeRef } from "../../src/core/a1";
import { localAddress, parseAddress, parseMultiAddress } from "./address";
import { SimRequestContext, type SimEnv, type SyncRecord, type WriteRecord } from "./context";
import type { SimChartModel } from "./charts";
import { SimOfficeError } from "./errors";
import {
  dateToSerial,
  normalizeColor,
  WorkbookModel,
  type SheetModel,
  type SimFill,
  type SimHyperlink,
  type SimPageLayoutModel,
  type SimScalar,
} from "./model";
import { rootNamespace, SimWorkbook } from "./objects";
import { CONDITIONAL_FORMAT_TYPES } from "./conditionalFormats";
import { conditionalFill, deleteRows, insertRows, renameInFormula, sortRows, type SortField } from "./sheetEdits";
import { quoteSheet } from "./address";

export { SimOfficeError } from "./errors";
export type { SyncRecord, WriteRecord } from "./context";
export type { SimFill, SimScalar } from "./model";
export { MAX_GET_RANGES_ADDRESS } from "./objects";

export type SimInputValue = SimScalar | Date | null | undefined;
/** A colour ("#FFD966": solid) or a full fill ({ pattern: "Gray25", color: "#FF0000" }); null = no fill. */
export type SimFillInput = string | (Partial<SimFill> & { pattern?: string }) | null;

export interface SimSheetInit {
  name: string;
  /** Values by row, starting at `at` (default A1). Dates become Excel serial numbers. */
  rows?: SimInputValue[][];
  at?: string;
  /** Address (a cell or a range) → fill. */
  fills?: Record<string, SimFillInput>;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
}

export interface SimWorkbookInit {
  sheets: SimSheetInit[];
  tables?: { name: string; sheet: string; address: string }[];
  /** XML documents of the workbook's custom XML parts. */
  customXmlParts?: string[];
  /** Selected cells: "B2", "A1:C9" or several areas "A1:B3, D1:D4". Default A1 of the first sheet. */
  selection?: { sheet: string; address: string };
  /** The 1904 date system (Mac Excel's date1904): functions.date counts from 1904-01-01 (give cells serials). */
  date1904?: boolean;
}

export interface SimOptions {
  /** Request and response limit per sync (default 5 MB, Excel on the web's). */
  payloadLimitBytes?: number;
  /** Delay of every sync, to make progress visible in a preview (default 0). */
  syncDelayMs?: number;
  /** Office.context.displayLanguage (default "en-US"). */
  displayLanguage?: string;
}

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

function range(address: string): RangeRef {
  const p = parseAddress(address);
  if (!p) throw new Error(`Not an address: ${address}`);
  return p.range;
}

function toFill(input: SimFillInput): SimFill | undefined {
  if (input === null) return undefined;
  const f = typeof input === "string" ? { color: input } : input;
  const pattern = f.pattern ?? "Solid";
  if (pattern === "None") return undefined;
  const color = normalizeColor(f.color ?? "#FFFFFF");
  if (!color) throw new Error(`Not a colour: ${String(f.color)}`);
  return {
    pattern,
    color,
    tintAndShade: f.tintAndShade ?? 0,
    patternColor: normalizeColor(f.patternColor ?? "#000000") ?? "#000000",
  };
}

function toScalar(v: SimInputValue): SimScalar {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return dateToSerial(v);
  return v;
}

/** The inspector a test or the preview uses to set up the workbook and check what the add-in did. */
export class SimHost {
  readonly model: WorkbookModel;
  private readonly env: SimEnv;
  displayLanguage: string;

  constructor(env: SimEnv, displayLanguage: string) {
    this.env = env;
    this.model = env.model;
    this.displayLanguage = displayLanguage;
  }

  get syncCount(): number {
    return this.env.syncs.length;
  }
  get syncs(): readonly SyncRecord[] {
    return this.env.syncs;
  }
  get writes(): readonly WriteRecord[] {
    return this.env.writes;
  }
  get maxRequestBytes(): number {
    return Math.max(0, ...this.env.syncs.map((s) => s.requestBytes));
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.env.syncs.map((s) => s.responseBytes));
  }
  /** Forgets the syncs and writes counted so far. */
  resetCounters(): void {
    this.env.syncs.length = 0;
    this.env.writes.length = 0;
  }
  set syncDelayMs(ms: number) {
    this.env.syncDelayMs = ms;
  }
  /**
   * Holds the first sync that starts while `when()` is true (default: the next sync) until release(), so a test
   * can act while an operation is under way (click Cancel mid-flag) without racing it. `reached` resolves when a
   * sync is being held; the hold is one-shot.
   */
  holdNextSync(when: () => boolean = () => true): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const hit = new Promise<void>((r) => (reached = r));
    this.env.hold = { when, gate, reached };
    return {
      reached: hit,
      release: () => {
        if (this.env.hold?.gate === gate) this.env.hold = undefined;
        release();
      },
    };
  }
  set payloadLimitBytes(n: number) {
    this.env.payloadLimitBytes = n;
  }

  /** Called after every sync that changed the workbook and after every change made through the host. */
  onChange(listener: () => void): () => void {
    this.env.listeners.add(listener);
    return () => this.env.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.env.listeners) l();
  }

  sheet(name: string): SheetModel {
    const s = this.model.findSheet(name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  }

  sheets(): { name: string; visibility: string }[] {
    return this.model.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
  }

  addSheet(init: SimSheetInit): void {
    if (this.model.findSheet(init.name)) throw new Error(`Sheet ${init.name} exists`);
    const s = this.model.addSheet(init.name);
    s.visibility = init.visibility ?? "Visible";
    if (init.rows) this.setValues(init.name, init.at ?? "A1", init.rows, false);
    for (const [a, f] of Object.entries(init.fills ?? {})) this.setFill(init.name, a, f, false);
    this.changed();
  }

  value(sheet: string, address: string): SimScalar {
    const r = range(address);
    return this.sheet(sheet).getValue(r.top, r.left);
  }

  values(sheet: string, address: string): SimScalar[][] {
    const r = range(address);
    const s = this.sheet(sheet);
    const out: SimScalar[][] = [];
    for (let i = r.top; i <= r.bottom; i++) {
      const line: SimScalar[] = [];
      for (let j = r.left; j <= r.right; j++) line.push(s.getValue(i, j));
      out.push(line);
    }
    return out;
  }

  formula(sheet: string, address: string): string | undefined {
    const r = range(address);
    return this.sheet(sheet).formulas.get(r.top * 16384 + r.left);
  }

  setValues(sheet: string, topLeft: string, rows: SimInputValue[][], notify = true): void {
    const s = this.sheet(sheet);
    const r = range(topLeft);
    rows.forEach((line, i) => line.forEach((v, j) => s.setValue(r.top + i, r.left + j, toScalar(v))));
    if (notify) this.changed();
  }

  /** The cell's fill; null is no fill (Office.js would still report its colour as #FFFFFF). */
  fill(sheet: string, address: string): SimFill | null {
    const r = range(address);
    return this.sheet(sheet).getFill(r.top, r.left) ?? null;
  }

  /** The colour a grid should paint: a TRUE conditional format's fill over the cell's own; null for no fill. */
  displayedColor(sheet: string, row: number, col: number): string | null {
    const s = this.sheet(sheet);
    return conditionalFill(s, row, col) ?? s.getFill(row, col)?.color ?? null;
  }

  /** The cell's own format (what conditional formatting never changes): fill, bold, wrap, alignment, link. */
  cellFormat(
    sheet: string,
    address: string,
  ): { fill: SimFill | null; bold: boolean; wrap: boolean; vertical: string; link: SimHyperlink | null } {
    const r = range(address);
    const s = this.sheet(sheet);
    return {
      fill: s.getFill(r.top, r.left) ?? null,
      bold: s.isBold(r.top, r.left),
      wrap: s.isWrapped(r.top, r.left),
      vertical: s.verticalAlignment(r.top, r.left),
      link: s.hyperlink(r.top, r.left) ?? null,
    };
  }

  /** The sheet's conditional formats in priority order, their ranges as "A1:B2 D4" (sqref style). */
  conditionalFormats(sheet: string): {
    id: string;
    type: string;
    formula?: string;
    fill: string | null;
    ranges: string;
    stopIfTrue: boolean;
  }[] {
    return this.sheet(sheet).conditionalFormats.map((cf) => ({
      id: cf.id,
      type: cf.type,
      ...(cf.formula !== undefined ? { formula: cf.formula } : {}),
      fill: cf.fill,
      ranges: cf.ranges.map(localAddress).join(" "),
      stopIfTrue: cf.stopIfTrue,
    }));
  }

  /**
   * A conditional format a user adds (Home → Conditional Formatting): at the top priority, as Excel adds one.
   * `type` is any Excel.ConditionalFormatType (default "Custom"); `address` one or several areas "A1:B3, D1:D4".
   */
  addConditionalFormat(
    sheet: string,
    address: string,
    rule: { type?: string; formula?: string; fill?: string | null; fontColor?: string | null; stopIfTrue?: boolean },
  ): string {
    const s = this.sheet(sheet);
    const parts = parseMultiAddress(address);
    if (!parts) throw new Error(`Not an address: ${address}`);
    const type = rule.type ?? "Custom";
    if (!(CONDITIONAL_FORMAT_TYPES as readonly string[]).includes(type)) throw new Error(`Not a type: ${type}`);
    const id = this.model.newId("cf");
    s.conditionalFormats.unshift({
      id,
      type,
      ...(rule.formula !== undefined ? { formula: rule.formula } : {}),
      fill: rule.fill ? normalizeColor(rule.fill) : null,
      fontColor: rule.fontColor ? normalizeColor(rule.fontColor) : null,
      ranges: parts.map((p) => p.range),
      stopIfTrue: rule.stopIfTrue ?? false,
    });
    this.changed();
    return id;
  }

  /** The sheet's defined names: name and formula ("='Growth Signals'!$A$1"). */
  names(sheet: string): { name: string; formula: string }[] {
    return [...this.sheet(sheet).names.values()].map((n) => ({ name: n.name, formula: n.formula }));
  }

  /** Inserts `count` entire rows above 1-based row `row`, as Excel's Insert → Entire row. */
  insertRows(sheet: string, row: number, count = 1): void {
    insertRows(this.model, this.sheet(sheet), row - 1, count);
    this.changed();
  }

  /** Deletes `count` entire rows from 1-based row `row` down, as Excel's Delete → Entire row. */
  deleteRows(sheet: string, row: number, count = 1): void {
    deleteRows(this.model, this.sheet(sheet), row - 1, count);
    this.changed();
  }

  /** Sorts a range's rows as Data → Sort: cells and their formats move, conditional formats stay. */
  sort(sheet: string, address: string, fields: SortField[], hasHeaders = true): void {
    sortRows(this.sheet(sheet), range(address), fields, hasHeaders);
    this.changed();
  }

  /** Renames a sheet as a user does (double-click the tab): defined names that refer to it follow. */
  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    if (this.model.findSheet(to) && this.model.findSheet(to) !== s) throw new Error(`Sheet ${to} exists`);
    for (const sheet of this.model.sheets)
      for (const n of sheet.names.values()) n.formula = renameInFormula(n.formula, s.name, to, quoteSheet);
    s.name = to;
    this.changed();
  }

  /** Deletes a sheet as a user does (its names, tables and conditional formats go with it). */
  deleteSheet(name: string): void {
    const s = this.sheet(name);
    this.model.sheets.splice(this.model.sheets.indexOf(s), 1);
    for (let i = this.model.tables.length - 1; i >= 0; i--)
      if (this.model.tables[i].sheet === s) this.model.tables.splice(i, 1);
    if (this.model.activeSheet === s) {
      const next = this.model.sheets.find((x) => x.visibility === "Visible")!;
      this.model.activeSheet = next;
      this.model.selection = { sheet: next, areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
    }
    this.changed();
  }

  /** Sets bold on a cell or range directly (the user formatting cells). */
  setBold(sheet: string, address: string, bold = true): void {
    const s = this.sheet(sheet);
    const r = range(address);
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) s.setBold(i, j, bold);
    this.changed();
  }

  /** Sets a cell or range fill directly (the user formatting cells before the add-in runs). */
  setFill(sheet: string, address: string, fill: SimFillInput, notify = true): void {
    const s = this.sheet(sheet);
    const r = range(address);
    const f = toFill(fill);
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) s.setFill(i, j, f && { ...f });
    if (notify) this.changed();
  }

  bold(sheet: string, address: string): boolean {
    const r = range(address);
    return this.sheet(sheet).isBold(r.top, r.left);
  }

  columnWidth(sheet: string, col: number): number {
    return this.sheet(sheet).columnWidth(col);
  }

  rowHeight(sheet: string, row: number): number {
    return this.sheet(sheet).rowHeight(row);
  }

  /** The link on a cell (Range.hyperlink), or null. */
  hyperlink(sheet: string, address: string): SimHyperlink | null {
    const r = range(address);
    return this.sheet(sheet).hyperlink(r.top, r.left) ?? null;
  }

  /** Whether a cell's text wraps, and its vertical alignment. */
  wrapped(sheet: string, address: string): { wrap: boolean; vertical: string } {
    const r = range(address);
    const s = this.sheet(sheet);
    return { wrap: s.isWrapped(r.top, r.left), vertical: s.verticalAlignment(r.top, r.left) };
  }

  /** Merged areas as A1 addresses. */
  merged(sheet: string): string[] {
    return this.sheet(sheet).merged.map((a) => localAddress(a));
  }

  /** Borders the add-in set (RangeFormat.borders): "A1:E6 EdgeTop Continuous #BFBFBF", in order. */
  borders(sheet: string): string[] {
    return this.sheet(sheet).borders.map((b) => `${localAddress(b.area)} ${b.edge} ${b.style} ${b.color ?? "auto"}`);
  }

  /** The sheet's charts (Worksheet.charts), as added and formatted by the add-in. */
  charts(sheet: string): SimChartModel[] {
    return this.sheet(sheet).charts.map((c) => ({
      ...c,
      series: c.series.map((x) => ({ ...x, line: { ...x.line } })),
      valueAxis: { ...c.valueAxis },
    }));
  }

  /** The rows (0-based) that start a printed page by a manual break. */
  rowBreaks(sheet: string): number[] {
    return [...this.sheet(sheet).rowBreaks];
  }

  /** Whether a column (0-based) is hidden. */
  columnHidden(sheet: string, col: number): boolean {
    return this.sheet(sheet).hiddenColumns.has(col);
  }

  /** Worksheet.pageLayout as set by the add-in. */
  pageLayout(sheet: string): SimPageLayoutModel {
    const p = this.sheet(sheet).pageLayout;
    return { ...p, zoom: { ...p.zoom } };
  }

  /** Selects "B2", "A1:C9" or several areas "A1:B3, D1:D4" and activates the sheet. */
  select(sheet: string, address: string): void {
    const s = this.sheet(sheet);
    const parts = parseMultiAddress(address);
    if (!parts) throw new Error(`Not an address: ${address}`);
    this.model.activeSheet = s;
    this.model.selection = { sheet: s, areas: parts.map((p) => p.range) };
    this.model.selectionChanged();
    this.changed();
  }

  selection(): { sheet: string; address: string } {
    const sel = this.model.selection;
    return { sheet: sel.sheet.name, address: sel.areas.map(localAddress).join(", ") };
  }

  usedRange(sheet: string): string | null {
    const r = this.sheet(sheet).usedRange(false);
    return r && localAddress(r);
  }

  addTable(name: string, sheet: string, address: string): void {
    this.model.tables.push({ name, id: this.model.newId("table"), sheet: this.sheet(sheet), range: range(address) });
    this.changed();
  }

  customXmlParts(): { id: string; namespaceUri: string; xml: string }[] {
    return this.model.parts.map((p) => ({ ...p }));
  }

  addCustomXmlPart(xml: string): string {
    const id = this.model.newId("part");
    this.model.parts.push({ id, namespaceUri: rootNamespace(xml), xml });
    this.changed();
    return id;
  }
}

export interface SimulatedOffice {
  Excel: SimExcelNamespace;
  Office: SimOfficeNamespace;
  OfficeExtension: { Error: typeof SimOfficeError; ErrorCodes: Record<string, string> };
  host: SimHost;
}

export interface SimExcelNamespace {
  run<T>(batch: (context: SimRequestContext & { workbook: SimWorkbook }) => Promise<T>): Promise<T>;
  ErrorCodes: Record<string, string>;
  SheetVisibility: { visible: "Visible"; hidden: "Hidden"; veryHidden: "VeryHidden" };
  /** The chart enums the add-in uses (Excel.ChartType, ChartSeriesBy, ChartLineStyle, ChartMarkerStyle), as Office.js spells them. */
  ChartType: { line: "Line"; lineMarkers: "LineMarkers" };
  /** Excel.ConditionalFormatType, as Office.js spells it. */
  ConditionalFormatType: Record<string, string>;
  ChartSeriesBy: { auto: "Auto"; columns: "Columns"; rows: "Rows" };
  ChartLineStyle: { none: "None"; continuous: "Continuous"; dash: "Dash"; dot: "Dot" };
  ChartMarkerStyle: { automatic: "Automatic"; none: "None"; circle: "Circle" };
}

export interface SimOfficeNamespace {
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  context: {
    displayLanguage: string;
    host: string;
    platform: string;
    requirements: { isSetSupported(name: string, version?: string | number): boolean };
  };
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
}

/** "ItemNotFound" → { itemNotFound: "ItemNotFound" }, the shape of Excel.ErrorCodes and OfficeExtension.ErrorCodes. */
function codes(list: string[]): Record<string, string> {
  return Object.fromEntries(list.map((c) => [c[0].toLowerCase() + c.slice(1), c]));
}

/** Excel's Office.js objects over a simulated workbook. */
export function createSimulatedExcel(workbook: SimWorkbookInit, options: SimOptions = {}): SimulatedOffice {
  const model = new WorkbookModel();
  const env: SimEnv = {
    model,
    payloadLimitBytes: options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT,
    syncDelayMs: options.syncDelayMs ?? 0,
    syncs: [],
    writes: [],
    listeners: new Set(),
  };
  const host = new SimHost(env, options.displayLanguage ?? "en-US");
  model.date1904 = workbook.date1904 ?? false;
  for (const s of workbook.sheets) host.addSheet(s);
  if (model.sheets.length === 0) host.addSheet({ name: "Sheet1" });
  if (!model.sheets.some((s) => s.visibility === "Visible")) throw new Error("A workbook needs a visible sheet");
  if (model.activeSheet.visibility !== "Visible") {
    const v = model.sheets.find((s) => s.visibility === "Visible")!;
    model.activeSheet = v;
    model.selection = { sheet: v, areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
  }
  for (const t of workbook.tables ?? []) host.addTable(t.name, t.sheet, t.address);
  for (const xml of workbook.customXmlParts ?? []) host.addCustomXmlPart(xml);
  if (workbook.selection) host.select(workbook.selection.sheet, workbook.selection.address);

  const Excel: SimExcelNamespace = {
    async run(batch) {
      const ctx = new SimRequestContext(env) as SimRequestContext & { workbook: SimWorkbook };
      (ctx as { workbook: SimWorkbook }).workbook = new SimWorkbook(ctx);
      const result = await batch(ctx);
      // Excel.run sends what is still queued when the batch ends.
      if (ctx._pending > 0) await ctx.sync();
      return result;
    },
    // Excel.ErrorCodes holds the Excel codes only: PropertyNotLoaded, ValueNotLoaded and InvalidObjectPath are
    // OfficeExtension.ErrorCodes, and RequestPayloadSizeLimitExceeded is in neither enum (@types/office-js 1.0.612),
    // though the error table documents it as an error code.
    ErrorCodes: codes([
      "InvalidArgument",
      "ItemNotFound",
      "ItemAlreadyExists",
      "InvalidOperation",
      "InvalidReference",
      "InvalidSelection",
      "RangeExceedsLimit",
      "ResponsePayloadSizeLimitExceeded",
    ]),
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ChartType: { line: "Line", lineMarkers: "LineMarkers" },
    ConditionalFormatType: Object.fromEntries(
      CONDITIONAL_FORMAT_TYPES.map((t) => [t.charAt(0).toLowerCase() + t.slice(1), t]),
    ),
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ChartLineStyle: { none: "None", continuous: "Continuous", dash: "Dash", dot: "Dot" },
    ChartMarkerStyle: { automatic: "Automatic", none: "None", circle: "Circle" },
  };

  const info = { host: "Excel", platform: "OfficeOnline" };
  const Office: SimOfficeNamespace = {
    onReady(callback) {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    context: {
      get displayLanguage() {
        return host.displayLanguage;
      },
      host: "Excel",
      platform: "OfficeOnline",
      requirements: {
        // ExcelApi 1.1–1.12; versions compare as major.minor integers (1.9 < 1.12), as Office does
        isSetSupported: (name, version) => {
          const [major, minor] = String(version ?? "1.1")
            .split(".")
            .map((x) => Number(x));
          return name === "ExcelApi" && major === 1 && (minor || 0) <= 12;
        },
      },
    },
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
  };

  const OfficeExtension = {
    Error: SimOfficeError,
    ErrorCodes: codes(["PropertyNotLoaded", "ValueNotLoaded", "InvalidObjectPath", "InvalidArgument"]),
  };
  return { Excel, Office, OfficeExtension, host };
}

/**
 * Installs the simulated `Office`, `Excel` and `OfficeExtension` globals on `target` (globalThis or window),
 * as office.js would, and returns the host inspector with them.
 */
export function installSimulatedOffice(
  target: object,
  workbook: SimWorkbookInit,
  options?: SimOptions,
): SimulatedOffice {
  const sim = createSimulatedExcel(workbook, options);
  Object.assign(target, { Excel: sim.Excel, Office: sim.Office, OfficeExtension: sim.OfficeExtension });
  return sim;
}
