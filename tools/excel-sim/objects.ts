/**
 * The proxies of the simulated Excel JavaScript API: Workbook, Worksheet(s), Range, RangeAreas, RangeFormat,
 * RangeFill, RangeFont, Table(s), CustomXmlPart(s). Only what the add-in uses, with Excel's behaviour.
 */
import type { RangeRef } from "../../src/core/a1";
import { localAddress, parseAddress, parseMultiAddress, sheetAddress } from "./address";
import { SimClientObject, SimClientResult, SimCollection, type OpOutcome, type SimRequestContext } from "./context";
import { SimOfficeError } from "./errors";
import {
  dateToSerial,
  FILL_PATTERNS,
  isValidSheetName,
  NO_FILL_COLOR,
  normalizeColor,
  type SheetModel,
  type SimFill,
  type SimScalar,
  type TableModel,
  type WorkbookModel,
  type XmlPartModel,
} from "./model";

/** getRanges() rejects address strings of this length or more (kept one under getRange's documented limit). */
export const MAX_GET_RANGES_ADDRESS = 8192;
/** Worksheet.getRange: "The address has a limit of 8192 characters" (longer fails with InvalidArgument). */
export const MAX_GET_RANGE_ADDRESS = 8192;

interface RangeTarget {
  sheet: SheetModel;
  r: RangeRef;
}

interface AreasTarget {
  sheet: SheetModel;
  areas: RangeRef[];
}

const rows = (r: RangeRef) => r.bottom - r.top + 1;
const cols = (r: RangeRef) => r.right - r.left + 1;
const cells = (r: RangeRef) => rows(r) * cols(r);
/**
 * "A range is limited to 5,000,000 cells for read operations" (Resource limits and performance optimization for
 * Office Add-ins, Excel add-ins); the error table names the failure RangeExceedsLimit.
 */
export const MAX_READ_CELLS = 5_000_000;

function checkReadSize(r: RangeRef): void {
  if (cells(r) > MAX_READ_CELLS) throw new SimOfficeError("RangeExceedsLimit", "Range", localAddress(r));
}

/** cellCount "Returns -1 if the cell count exceeds 2^31-1 (2,147,483,647)" (Range and RangeAreas reference). */
const cellCountOf = (n: number) => (n > 2_147_483_647 ? -1 : n);

function model(ctx: SimRequestContext): WorkbookModel {
  return ctx.env.model;
}

function alive(ctx: SimRequestContext, sheet: SheetModel): SheetModel {
  if (!model(ctx).sheets.includes(sheet)) throw new SimOfficeError("ItemNotFound", sheet.name);
  return sheet;
}

function forEachCell(areas: RangeRef[], fn: (row: number, col: number) => void): void {
  for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(r, c);
}

function areasAddress(t: AreasTarget): string {
  return t.areas.map((a) => sheetAddress(t.sheet.name, a)).join(",");
}

// ---------------------------------------------------------------------------------------------------------------
// Writing values as Excel reads typed input: "=…" is a formula, "'…" is text, "12.5" and "2026-03-02" are numbers.

function checkFormula(f: string): void {
  let depth = 0;
  let quoted = false;
  for (const ch of f.slice(1)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")" && --depth < 0) break;
  }
  if (f.length < 2 || depth !== 0 || quoted) throw new SimOfficeError("InvalidArgument", "Range.formulas", f);
}

function writeCell(ctx: SimRequestContext, sheet: SheetModel, row: number, col: number, v: unknown): void {
  if (v === null || v === undefined) return; // Excel leaves a cell alone when its input is null.
  sheet.clearFormula(row, col);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new SimOfficeError("InvalidArgument", "Range.values", String(v));
    sheet.setValue(row, col, v);
  } else if (typeof v === "boolean") {
    sheet.setValue(row, col, v);
  } else if (typeof v === "string") {
    if (v.startsWith("'")) sheet.setValue(row, col, v.slice(1));
    else if (v.startsWith("=")) {
      checkFormula(v);
      sheet.setFormula(row, col, v);
    } else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) sheet.setValue(row, col, Number(v));
    else if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
      sheet.setValue(row, col, dateToSerial(new Date(`${v}T00:00:00Z`)));
    else if (/^(true|false)$/i.test(v)) sheet.setValue(row, col, v.toLowerCase() === "true");
    else sheet.setValue(row, col, v);
  } else {
    throw new SimOfficeError("InvalidArgument", "Range.values", typeof v);
  }
  void ctx;
}

function writeGrid(ctx: SimRequestContext, t: RangeTarget, input: unknown, kind: string): void {
  const { sheet, r } = t;
  const grid = Array.isArray(input) ? (input as unknown[][]) : null;
  if (grid) {
    if (grid.length !== rows(r) || grid.some((row) => !Array.isArray(row) || row.length !== cols(r)))
      throw new SimOfficeError("InvalidArgument", `Range.${kind}`, "dimensions");
  }
  for (let i = 0; i < rows(r); i++)
    for (let j = 0; j < cols(r); j++) writeCell(ctx, sheet, r.top + i, r.left + j, grid ? grid[i][j] : input);
  ctx._write(kind, sheet.name, localAddress(r), input);
}

// ---------------------------------------------------------------------------------------------------------------

function fillOf(sheet: SheetModel, row: number, col: number): SimFill | undefined {
  return sheet.getFill(row, col);
}

/** A property of a multi-cell range reads as the common value, or null when cells differ. */
function uniform<V>(t: AreasTarget, read: (row: number, col: number) => V): V | null {
  let first = true;
  let out: V | null = null;
  let same = true;
  forEachCell(t.areas, (r, c) => {
    if (!same) return;
    const v = read(r, c);
    if (first) {
      out = v;
      first = false;
    } else if (v !== out) same = false;
  });
  return same ? out : null;
}

export class SimRangeFill extends SimClientObject<AreasTarget> {
  protected get _scalars() {
    return ["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"] as const;
  }

  protected _read(name: string, t: AreasTarget): unknown {
    const s = t.sheet;
    switch (name) {
      case "color":
        return uniform(t, (r, c) => fillOf(s, r, c)?.color ?? NO_FILL_COLOR);
      case "pattern":
        return uniform(t, (r, c) => fillOf(s, r, c)?.pattern ?? "None");
      case "patternColor":
        return uniform(t, (r, c) => fillOf(s, r, c)?.patternColor ?? "#000000");
      case "tintAndShade":
        // No fill has no tint: null, while any fill (white too) has a number (office-js#4900, Microsoft's answer).
        return uniform(t, (r, c) => fillOf(s, r, c)?.tintAndShade ?? null);
      default:
        return 0;
    }
  }

  get color(): string {
    return this._get("color");
  }
  /** Setting a colour gives a solid fill (tint 0), as in Excel. */
  set color(v: string) {
    this._setProp("color", v, (t) => {
      const c = normalizeColor(v);
      if (!c) throw new SimOfficeError("InvalidArgument", "RangeFill.color", String(v));
      forEachCell(t.areas, (r, col) => {
        const old = t.sheet.getFill(r, col);
        const pattern = old && old.pattern !== "Solid" ? old.pattern : "Solid";
        t.sheet.setFill(r, col, { pattern, color: c, tintAndShade: 0, patternColor: old?.patternColor ?? "#000000" });
      });
      this.context._write("fill.color", t.sheet.name, areasAddress(t), c);
    });
  }

  get pattern(): string {
    return this._get("pattern");
  }
  set pattern(v: string) {
    this._setProp("pattern", v, (t) => {
      // Excel reports gradient fills but cannot set them: "LinearGradient and RectangularGradient are not supported".
      if (!(FILL_PATTERNS as readonly string[]).includes(v) || v === "LinearGradient" || v === "RectangularGradient")
        throw new SimOfficeError("InvalidArgument", "RangeFill.pattern", String(v));
      forEachCell(t.areas, (r, c) => {
        const old = t.sheet.getFill(r, c);
        if (v === "None") t.sheet.setFill(r, c, undefined);
        else
          t.sheet.setFill(r, c, {
            pattern: v,
            color: old?.color ?? NO_FILL_COLOR,
            tintAndShade: old?.tintAndShade ?? 0,
            patternColor: old?.patternColor ?? "#000000",
          });
      });
      this.context._write("fill.pattern", t.sheet.name, areasAddress(t), v);
    });
  }

  get patternColor(): string {
    return this._get("patternColor");
  }
  set patternColor(v: string) {
    this._setProp("patternColor", v, (t) => {
      const c = normalizeColor(v);
      if (!c) throw new SimOfficeError("InvalidArgument", "RangeFill.patternColor", String(v));
      forEachCell(t.areas, (r, col) => {
        const old = t.sheet.getFill(r, col);
        if (old) t.sheet.setFill(r, col, { ...old, patternColor: c });
      });
      this.context._write("fill.patternColor", t.sheet.name, areasAddress(t), c);
    });
  }

  get tintAndShade(): number {
    return this._get("tintAndShade");
  }
  set tintAndShade(v: number) {
    this._setProp("tintAndShade", v, (t) => {
      if (typeof v !== "number" || v < -1 || v > 1) throw new SimOfficeError("InvalidArgument", "RangeFill", "tint");
      forEachCell(t.areas, (r, c) => {
        const old = t.sheet.getFill(r, c);
        if (old) t.sheet.setFill(r, c, { ...old, tintAndShade: v });
      });
      this.context._write("fill.tintAndShade", t.sheet.name, areasAddress(t), v);
    });
  }

  /** No fill (not white): gridlines show again. */
  clear(): void {
    this._call("clear", [], (t) => {
      forEachCell(t.areas, (r, c) => t.sheet.setFill(r, c, undefined));
      this.context._write("fill.clear", t.sheet.name, areasAddress(t));
    });
  }
}

export class SimRangeFont extends SimClientObject<AreasTarget> {
  protected get _scalars() {
    return ["bold"] as const;
  }

  protected _read(_name: string, t: AreasTarget): unknown {
    return uniform(t, (r, c) => t.sheet.isBold(r, c));
  }

  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._setProp("bold", v, (t) => {
      forEachCell(t.areas, (r, c) => t.sheet.setBold(r, c, !!v));
      this.context._write("font.bold", t.sheet.name, areasAddress(t), !!v);
    });
  }
}

export class SimRangeFormat extends SimClientObject<AreasTarget> {
  readonly fill: SimRangeFill;
  readonly font: SimRangeFont;

  constructor(ctx: SimRequestContext, path: string, resolver: () => AreasTarget | null) {
    super(ctx, path, resolver);
    this.fill = new SimRangeFill(ctx, `${path}.fill`, () => this._resolve());
    this.font = new SimRangeFont(ctx, `${path}.font`, () => this._resolve());
  }

  protected get _scalars() {
    return ["columnWidth"] as const;
  }

  protected _read(_name: string, t: AreasTarget): unknown {
    let w: number | null | undefined;
    for (const a of t.areas)
      for (let c = a.left; c <= a.right; c++) {
        const x = t.sheet.columnWidth(c);
        w = w === undefined || w === x ? x : null;
      }
    return w ?? null;
  }

  protected override _nav(name: string) {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }
  /** Width in points. */
  set columnWidth(v: number) {
    this._setProp("columnWidth", v, (t) => {
      if (typeof v !== "number" || v < 0) throw new SimOfficeError("InvalidArgument", "RangeFormat.columnWidth");
      for (const a of t.areas) for (let c = a.left; c <= a.right; c++) t.sheet.columnWidths.set(c, v);
      this.context._write("columnWidth", t.sheet.name, areasAddress(t), v);
    });
  }

  /** Widths to fit the longest text, about 7 points per character plus padding (Calibri 11). */
  autofitColumns(): void {
    this._call("autofitColumns", [], (t) => {
      for (const a of t.areas)
        for (let c = a.left; c <= a.right; c++) {
          let longest = 0;
          for (let r = a.top; r <= Math.min(a.bottom, a.top + 100_000); r++)
            longest = Math.max(longest, String(t.sheet.getValue(r, c)).length);
          t.sheet.columnWidths.set(c, Math.max(12, Math.round(longest * 5.25 + 7.5)));
        }
      this.context._write("autofitColumns", t.sheet.name, areasAddress(t));
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------

type CellPropsOptions = {
  address?: boolean;
  format?: {
    fill?: Partial<Record<"color" | "pattern" | "patternColor" | "tintAndShade" | "patternTintAndShade", boolean>>;
    font?: Partial<Record<"bold", boolean>>;
  };
};

/** What getCellProperties returns per cell: only the properties asked for. */
export interface SimCellProperties {
  address?: string;
  format?: {
    fill?: {
      color?: string;
      pattern?: string;
      patternColor?: string;
      tintAndShade?: number | null;
      patternTintAndShade?: number;
    };
    font?: { bold?: boolean };
  };
}

function cellProperties(sheet: SheetModel, r: RangeRef, o: CellPropsOptions): SimCellProperties[][] {
  const out: SimCellProperties[][] = [];
  const fo = o.format?.fill;
  const to = o.format?.font;
  for (let row = r.top; row <= r.bottom; row++) {
    const line: SimCellProperties[] = [];
    for (let col = r.left; col <= r.right; col++) {
      const p: SimCellProperties = {};
      if (o.address) p.address = sheetAddress(sheet.name, { top: row, bottom: row, left: col, right: col });
      if (fo || to) {
        const format: NonNullable<SimCellProperties["format"]> = {};
        if (fo) {
          const f = sheet.getFill(row, col);
          const fill: NonNullable<NonNullable<SimCellProperties["format"]>["fill"]> = {};
          if (fo.color) fill.color = f?.color ?? NO_FILL_COLOR;
          if (fo.pattern) fill.pattern = f?.pattern ?? "None";
          if (fo.patternColor) fill.patternColor = f?.patternColor ?? "#000000";
          // No fill: tintAndShade null (office-js#4900); the colour is still "#FFFFFF" (office-js#6218).
          if (fo.tintAndShade) fill.tintAndShade = f ? f.tintAndShade : null;
          if (fo.patternTintAndShade) fill.patternTintAndShade = 0;
          format.fill = fill;
        }
        if (to) format.font = to.bold ? { bold: sheet.isBold(row, col) } : {};
        p.format = format;
      }
      line.push(p);
    }
    out.push(line);
  }
  return out;
}

export class SimRange extends SimClientObject<RangeTarget> {
  protected override get _keepsReference(): boolean {
    return true;
  }

  readonly format: SimRangeFormat;

  constructor(ctx: SimRequestContext, path: string, resolver: () => RangeTarget | null, nullable = false) {
    super(ctx, path, resolver, nullable);
    this.format = new SimRangeFormat(ctx, `${this._path}.format`, () => {
      const t = this._resolve();
      return t && { sheet: t.sheet, areas: [t.r] };
    });
  }

  protected get _scalars() {
    return [
      "address",
      "addressLocal",
      "values",
      "formulas",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
      "cellCount",
      "isEntireColumn",
      "isEntireRow",
    ] as const;
  }

  protected _read(name: string, t: RangeTarget): unknown {
    const { sheet, r } = t;
    alive(this.context, sheet);
    switch (name) {
      case "address":
      case "addressLocal":
        return sheetAddress(sheet.name, r);
      case "values":
      case "formulas": {
        checkReadSize(r);
        const out: SimScalar[][] = [];
        for (let i = r.top; i <= r.bottom; i++) {
          const line: SimScalar[] = new Array(cols(r));
          const src = sheet.rows.get(i);
          for (let j = 0; j < line.length; j++)
            line[j] = name === "values" ? (src?.[r.left + j] ?? "") : sheet.getFormula(i, r.left + j);
          out.push(line);
        }
        return out;
      }
      case "rowCount":
        return rows(r);
      case "columnCount":
        return cols(r);
      case "rowIndex":
        return r.top;
      case "columnIndex":
        return r.left;
      case "cellCount":
        return cellCountOf(cells(r));
      case "isEntireColumn":
        return r.top === 0 && r.bottom === 1_048_575;
      default:
        return r.left === 0 && r.right === 16_383;
    }
  }

  protected override _nav(name: string) {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get values(): SimScalar[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._setProp("values", v, (t) =>
      writeGrid(this.context, { sheet: alive(this.context, t.sheet), r: t.r }, v, "values"),
    );
  }
  get formulas(): SimScalar[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._setProp("formulas", v, (t) =>
      writeGrid(this.context, { sheet: alive(this.context, t.sheet), r: t.r }, v, "formulas"),
    );
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }

  private _worksheet?: SimWorksheet;
  get worksheet(): SimWorksheet {
    return (this._worksheet ??= new SimWorksheet(
      this.context,
      `${this._path}.worksheet`,
      () => this._resolve()?.sheet ?? null,
    ));
  }

  private _derive(method: string, args: unknown[], f: (t: RangeTarget) => RangeRef): SimRange {
    const path = this._record(method, args);
    return new SimRange(this.context, path, () => {
      const t = this._resolve();
      if (!t) return null;
      const r = f(t);
      if (r.top < 0 || r.left < 0 || r.bottom >= 1_048_576 || r.right >= 16_384 || r.bottom < r.top || r.right < r.left)
        throw new SimOfficeError("InvalidArgument", `Range.${method}`);
      return { sheet: t.sheet, r };
    });
  }

  getCell(row: number, column: number): SimRange {
    return this._derive("getCell", [row, column], ({ r }) => ({
      top: r.top + row,
      bottom: r.top + row,
      left: r.left + column,
      right: r.left + column,
    }));
  }
  getRow(row: number): SimRange {
    return this._derive("getRow", [row], ({ r }) => ({ ...r, top: r.top + row, bottom: r.top + row }));
  }
  getColumn(column: number): SimRange {
    return this._derive("getColumn", [column], ({ r }) => ({ ...r, left: r.left + column, right: r.left + column }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], ({ r }) => ({
      top: r.top + rowOffset,
      bottom: r.bottom + rowOffset,
      left: r.left + columnOffset,
      right: r.right + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._derive("getResizedRange", [deltaRows, deltaColumns], ({ r }) => ({
      ...r,
      bottom: r.bottom + deltaRows,
      right: r.right + deltaColumns,
    }));
  }
  /**
   * Ctrl+A: the current region around the range's top-left cell (ExcelApi 1.7; the reference says "the surrounding
   * region for the top-left cell in this range").
   */
  getSurroundingRegion(): SimRange {
    return this._derive("getSurroundingRegion", [], ({ sheet, r }) =>
      sheet.surroundingRegion({ top: r.top, left: r.left, bottom: r.top, right: r.left }),
    );
  }

  getCellProperties(options: CellPropsOptions): SimClientResult<SimCellProperties[][]> {
    const result = new SimClientResult<SimCellProperties[][]>();
    this._call("getCellProperties", [options], (t): OpOutcome => {
      checkReadSize(t.r);
      const v = cellProperties(alive(this.context, t.sheet), t.r, options ?? {});
      return { response: v, apply: () => result._set(v) };
    });
    return result;
  }

  /** Tables that overlap the range (or lie inside it when fullyContained). */
  getTables(fullyContained = false): SimTableScopedCollection {
    const path = this._record("getTables", [fullyContained]);
    return new SimTableScopedCollection(this.context, path, () => {
      const t = this._resolve();
      if (!t) return null;
      return model(this.context).tables.filter((tb) => {
        if (tb.sheet !== t.sheet) return false;
        const a = tb.range;
        const b = t.r;
        if (fullyContained) return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
        return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
      });
    });
  }

  select(): void {
    this._call("select", [], (t) => select(this.context, t.sheet, [t.r]));
  }
}

function select(ctx: SimRequestContext, sheet: SheetModel, areas: RangeRef[]): void {
  alive(ctx, sheet);
  if (sheet.visibility !== "Visible") throw new SimOfficeError("InvalidOperation", "select", sheet.name);
  const m = model(ctx);
  m.activeSheet = sheet;
  m.selection = { sheet, areas: areas.map((a) => ({ ...a })) };
  ctx._write("select", sheet.name, areas.map(localAddress).join(","));
  m.selectionChanged();
}

export class SimRangeCollection extends SimCollection<RangeTarget, SimRange> {
  protected _item(m: RangeTarget, i: number): SimRange {
    return new SimRange(this.context, `${this._path}[${i}]`, () => m);
  }

  getItemAt(index: number): SimRange {
    const path = this._record("getItemAt", [index]);
    return new SimRange(this.context, path, () => {
      const list = this._resolve();
      if (!list || !list[index]) throw new SimOfficeError("ItemNotFound", path);
      return list[index];
    });
  }
}

export class SimRangeAreas extends SimClientObject<AreasTarget> {
  protected override get _keepsReference(): boolean {
    return true;
  }

  readonly format: SimRangeFormat;
  readonly areas: SimRangeCollection;

  constructor(ctx: SimRequestContext, path: string, resolver: () => AreasTarget | null) {
    super(ctx, path, resolver);
    this.format = new SimRangeFormat(ctx, `${this._path}.format`, () => this._resolve());
    this.areas = new SimRangeCollection(ctx, `${this._path}.areas`, () => {
      const t = this._resolve();
      return t && t.areas.map((r) => ({ sheet: t.sheet, r }));
    });
  }

  protected get _scalars() {
    return ["address", "addressLocal", "areaCount", "cellCount"] as const;
  }

  protected _read(name: string, t: AreasTarget): unknown {
    alive(this.context, t.sheet);
    if (name === "areaCount") return t.areas.length;
    if (name === "cellCount") return cellCountOf(t.areas.reduce((n, a) => n + cells(a), 0));
    return areasAddress(t);
  }

  protected override _nav(name: string) {
    if (name === "format") return this.format;
    if (name === "areas") return this.areas;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }

  private _worksheet?: SimWorksheet;
  get worksheet(): SimWorksheet {
    return (this._worksheet ??= new SimWorksheet(
      this.context,
      `${this._path}.worksheet`,
      () => this._resolve()?.sheet ?? null,
    ));
  }

  select(): void {
    this._call("select", [], (t) => select(this.context, t.sheet, t.areas));
  }
}

// ---------------------------------------------------------------------------------------------------------------

export class SimTable extends SimClientObject<TableModel> {
  protected get _scalars() {
    return ["name", "id"] as const;
  }

  protected _read(name: string, t: TableModel): unknown {
    return name === "name" ? t.name : t.id;
  }

  protected override _nav(name: string) {
    return name === "worksheet" ? this.worksheet : undefined;
  }

  get name(): string {
    return this._get("name");
  }
  get id(): string {
    return this._get("id");
  }
  private _worksheet?: SimWorksheet;
  get worksheet(): SimWorksheet {
    return (this._worksheet ??= new SimWorksheet(
      this.context,
      `${this._path}.worksheet`,
      () => this._resolve()?.sheet ?? null,
    ));
  }

  private _part(method: string, f: (r: RangeRef) => RangeRef): SimRange {
    const path = this._record(method, []);
    return new SimRange(this.context, path, () => {
      const t = this._resolve();
      return t && { sheet: t.sheet, r: f(t.range) };
    });
  }

  getRange(): SimRange {
    return this._part("getRange", (r) => r);
  }
  getHeaderRowRange(): SimRange {
    return this._part("getHeaderRowRange", (r) => ({ ...r, bottom: r.top }));
  }
  getDataBodyRange(): SimRange {
    return this._part("getDataBodyRange", (r) => ({ ...r, top: r.top + 1 }));
  }
}

/** What Excel.TableCollection and Excel.TableScopedCollection share: getItem, getItemOrNullObject, getCount. */
abstract class SimTableCollectionBase extends SimCollection<TableModel, SimTable> {
  protected _item(m: TableModel, i: number): SimTable {
    return new SimTable(this.context, `${this._path}[${i}]`, () => m);
  }

  protected _find(method: string, key: string | number, nullable: boolean): SimTable {
    const path = this._record(method, [key]);
    return new SimTable(
      this.context,
      path,
      () => {
        const list = this._resolve() ?? [];
        const t =
          typeof key === "number"
            ? list[key]
            : list.find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key);
        if (!t && !nullable) throw new SimOfficeError("ItemNotFound", path);
        return t ?? null;
      },
      nullable,
    );
  }

  getItem(key: string): SimTable {
    return this._find("getItem", key, false);
  }
  getItemOrNullObject(key: string): SimTable {
    return this._find("getItemOrNullObject", key, true);
  }
  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this._call("getCount", [], (list) => ({ response: list.length, apply: () => result._set(list.length) }));
    return result;
  }
}

/** workbook.tables, worksheet.tables (Excel.TableCollection): also the `count` property and getItemAt. */
export class SimTableCollection extends SimTableCollectionBase {
  protected override get _scalars(): readonly string[] {
    return ["count"];
  }
  get count(): number {
    return this._get("count");
  }
  getItemAt(index: number): SimTable {
    return this._find("getItemAt", index, false);
  }
}

/**
 * range.getTables() (Excel.TableScopedCollection): getFirst, but no `count` and no getItemAt. "The tables in the
 * collection are sorted top-to-bottom and left-to-right, such that top-left table is the first table".
 */
export class SimTableScopedCollection extends SimTableCollectionBase {
  constructor(ctx: SimRequestContext, path: string, resolver: () => TableModel[] | null) {
    super(ctx, path, () => {
      const list = resolver();
      return list && [...list].sort((a, b) => a.range.top - b.range.top || a.range.left - b.range.left);
    });
  }
  getFirst(): SimTable {
    return this._find("getFirst", 0, false);
  }
}

// ---------------------------------------------------------------------------------------------------------------

export class SimWorksheet extends SimClientObject<SheetModel> {
  constructor(ctx: SimRequestContext, path: string, resolver: () => SheetModel | null, nullable = false) {
    super(ctx, path, resolver, nullable);
  }

  protected get _scalars() {
    return ["name", "id", "position", "visibility"] as const;
  }

  protected _read(name: string, s: SheetModel): unknown {
    alive(this.context, s);
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return model(this.context).sheets.indexOf(s);
      default:
        return s.visibility;
    }
  }

  protected override _nav(name: string) {
    return name === "tables" ? this.tables : undefined;
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._setProp("name", v, (s) => {
      const other = model(this.context).findSheet(v);
      if (!isValidSheetName(v)) throw new SimOfficeError("InvalidArgument", "Worksheet.name", v);
      if (other && other !== s) throw new SimOfficeError("ItemAlreadyExists", "Worksheet.name", v);
      this.context._write("sheet.rename", s.name, undefined, v);
      s.name = v;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._setProp("visibility", v, (s) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
        throw new SimOfficeError("InvalidArgument", "Worksheet.visibility", v);
      const m = model(this.context);
      if (v !== "Visible" && m.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
        throw new SimOfficeError("InvalidOperation", "Worksheet.visibility", v);
      s.visibility = v;
      this.context._write("sheet.visibility", s.name, undefined, v);
    });
  }

  private _tables?: SimTableCollection;
  get tables(): SimTableCollection {
    return (this._tables ??= new SimTableCollection(this.context, `${this._path}.tables`, () => {
      const s = this._resolve();
      return s && model(this.context).tables.filter((t) => t.sheet === s);
    }));
  }

  private _range(method: string, args: unknown[], f: (s: SheetModel) => RangeRef | null, nullable = false): SimRange {
    const path = this._record(method, args);
    return new SimRange(
      this.context,
      path,
      () => {
        const s = this._resolve();
        if (!s) return null;
        alive(this.context, s);
        const r = f(s);
        return r && { sheet: s, r };
      },
      nullable,
    );
  }

  getRange(address?: string): SimRange {
    return this._range("getRange", [address], (s) => {
      if (address === undefined || address === "") return { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };
      // "The address has a limit of 8192 characters. If the address exceeds the character limit, this method
      // returns an InvalidArgument error." (Worksheet.getRange reference)
      if (address.length > MAX_GET_RANGE_ADDRESS)
        throw new SimOfficeError("InvalidArgument", "Worksheet.getRange", "address length");
      const p = parseAddress(address);
      if (!p || (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase()))
        throw new SimOfficeError("InvalidArgument", "Worksheet.getRange", address);
      return p.range;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      const r = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      if (
        startRow < 0 ||
        startColumn < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        r.bottom > 1_048_575 ||
        r.right > 16_383
      )
        throw new SimOfficeError("InvalidArgument", "Worksheet.getRangeByIndexes");
      return r;
    });
  }

  getCell(row: number, column: number): SimRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** Cells with values or formatting; A1 on an empty sheet. */
  getUsedRange(valuesOnly = false): SimRange {
    return this._range(
      "getUsedRange",
      [valuesOnly],
      (s) => s.usedRange(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this._range("getUsedRangeOrNullObject", [valuesOnly], (s) => s.usedRange(valuesOnly), true);
  }

  /**
   * Several areas, "A1:A3, C5:C9" or "A1:A3; C5:C9"; no address is the whole sheet (Worksheet.getRanges reference).
   * The address must be shorter than 8,192 characters.
   */
  getRanges(): SimRangeAreas;
  getRanges(address: string): SimRangeAreas;
  getRanges(address?: string): SimRangeAreas {
    const path = this._record("getRanges", [address]);
    return new SimRangeAreas(this.context, path, () => {
      const s = this._resolve();
      if (!s) return null;
      alive(this.context, s);
      if (address === undefined) return { sheet: s, areas: [{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }] };
      if (typeof address !== "string" || address.length >= MAX_GET_RANGES_ADDRESS)
        throw new SimOfficeError("InvalidArgument", "Worksheet.getRanges", "address length");
      const parts = parseMultiAddress(address.replace(/;/g, ","));
      if (!parts || parts.some((p) => p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase()))
        throw new SimOfficeError("InvalidArgument", "Worksheet.getRanges", address.slice(0, 64));
      return { sheet: s, areas: parts.map((p) => p.range) };
    });
  }

  activate(): void {
    this._call("activate", [], (s) => {
      if (s.visibility !== "Visible") throw new SimOfficeError("InvalidOperation", "Worksheet.activate", s.name);
      const m = model(this.context);
      m.activeSheet = s;
      m.selection = { sheet: s, areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
      this.context._write("sheet.activate", s.name);
    });
  }

  delete(): void {
    this._call("delete", [], (s) => {
      const m = model(this.context);
      alive(this.context, s);
      if (s.visibility === "Visible" && m.sheets.filter((x) => x.visibility === "Visible").length === 1)
        throw new SimOfficeError("InvalidOperation", "Worksheet.delete", s.name);
      m.sheets.splice(m.sheets.indexOf(s), 1);
      for (let i = m.tables.length - 1; i >= 0; i--) if (m.tables[i].sheet === s) m.tables.splice(i, 1);
      if (m.activeSheet === s) {
        const next = m.sheets.find((x) => x.visibility === "Visible")!;
        m.activeSheet = next;
        m.selection = { sheet: next, areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
      }
      this.context._write("sheet.delete", s.name);
    });
  }
}

export class SimWorksheetCollection extends SimCollection<SheetModel, SimWorksheet> {
  protected _item(m: SheetModel, i: number): SimWorksheet {
    return new SimWorksheet(this.context, `${this._path}[${i}]`, () => m);
  }

  private _byName(method: string, name: string, nullable: boolean): SimWorksheet {
    const path = this._record(method, [name]);
    return new SimWorksheet(
      this.context,
      path,
      () => {
        const s = model(this.context).sheets.find((x) => x.name.toLowerCase() === name.toLowerCase() || x.id === name);
        if (!s && !nullable) throw new SimOfficeError("ItemNotFound", path);
        return s ?? null;
      },
      nullable,
    );
  }

  getItem(key: string): SimWorksheet {
    return this._byName("getItem", key, false);
  }
  getItemOrNullObject(key: string): SimWorksheet {
    return this._byName("getItemOrNullObject", key, true);
  }

  getActiveWorksheet(): SimWorksheet {
    const path = this._record("getActiveWorksheet", []);
    return new SimWorksheet(this.context, path, () => model(this.context).activeSheet);
  }

  /** A new sheet at the end (not activated). */
  add(name?: string): SimWorksheet {
    let created: SheetModel | undefined;
    this.context._enqueue({
      wire: { o: this._path, m: "add", a: [name] },
      run: () => {
        const m = model(this.context);
        const n = name ?? m.nextSheetName();
        if (!isValidSheetName(n)) throw new SimOfficeError("InvalidArgument", "WorksheetCollection.add", n);
        if (m.findSheet(n)) throw new SimOfficeError("ItemAlreadyExists", "WorksheetCollection.add", n);
        created = m.addSheet(n);
        this.context._write("sheet.add", n);
      },
    });
    return new SimWorksheet(this.context, `${this._path}.add`, () => {
      if (!created) throw new SimOfficeError("InvalidObjectPath", "WorksheetCollection.add");
      return created;
    });
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this._call("getCount", [], (list) => ({ response: list.length, apply: () => result._set(list.length) }));
    return result;
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** The namespace of an XML document's root element; throws InvalidArgument when it is not well-formed enough. */
export function rootNamespace(xml: string): string {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>)?\s*(<!--[\s\S]*?-->\s*)*/, "");
  const m = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)(\s[^>]*?)?(\/?)>/.exec(body);
  if (!m) throw new SimOfficeError("InvalidArgument", "CustomXmlPart", "xml");
  const [, tag, attrs = "", selfClosing] = m;
  if (!selfClosing && !new RegExp(`</${tag.replace(/[.]/g, "\\.")}>\\s*$`).test(body))
    throw new SimOfficeError("InvalidArgument", "CustomXmlPart", "xml");
  const prefix = tag.includes(":") ? tag.split(":")[0] : "";
  const ns = new RegExp(`xmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*["']([^"']*)["']`).exec(attrs);
  return ns ? ns[1] : "";
}

export class SimCustomXmlPart extends SimClientObject<XmlPartModel> {
  protected get _scalars() {
    return ["id", "namespaceUri"] as const;
  }

  protected _read(name: string, p: XmlPartModel): unknown {
    this._check(p);
    return name === "id" ? p.id : p.namespaceUri;
  }

  private _check(p: XmlPartModel): XmlPartModel {
    if (!model(this.context).parts.includes(p)) throw new SimOfficeError("ItemNotFound", this._path);
    return p;
  }

  get id(): string {
    return this._get("id");
  }
  get namespaceUri(): string {
    return this._get("namespaceUri");
  }

  getXml(): SimClientResult<string> {
    const result = new SimClientResult<string>();
    this._call("getXml", [], (p) => {
      const xml = this._check(p).xml;
      return { response: xml, apply: () => result._set(xml) };
    });
    return result;
  }

  setXml(xml: string): void {
    this._call("setXml", [xml], (p) => {
      this._check(p);
      p.namespaceUri = rootNamespace(xml);
      p.xml = xml;
      this.context._write("xml.set", undefined, p.id, xml.length);
    });
  }

  delete(): void {
    this._call("delete", [], (p) => {
      const parts = model(this.context).parts;
      parts.splice(parts.indexOf(this._check(p)), 1);
      this.context._write("xml.delete", undefined, p.id);
    });
  }
}

/** What Excel.CustomXmlPartCollection and …ScopedCollection share: getItem, getItemOrNullObject, getCount. */
abstract class SimCustomXmlPartCollectionBase extends SimCollection<XmlPartModel, SimCustomXmlPart> {
  protected _item(m: XmlPartModel, i: number): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, `${this._path}[${i}]`, () => m);
  }

  protected _pick(
    method: string,
    args: unknown[],
    f: (list: XmlPartModel[]) => XmlPartModel | undefined,
    nullable: boolean,
  ) {
    const path = this._record(method, args);
    return new SimCustomXmlPart(
      this.context,
      path,
      () => {
        const p = f(this._resolve() ?? []);
        if (!p && !nullable) throw new SimOfficeError("ItemNotFound", path);
        return p ?? null;
      },
      nullable,
    );
  }

  getItem(id: string): SimCustomXmlPart {
    return this._pick("getItem", [id], (l) => l.find((p) => p.id === id), false);
  }
  getItemOrNullObject(id: string): SimCustomXmlPart {
    return this._pick("getItemOrNullObject", [id], (l) => l.find((p) => p.id === id), true);
  }
  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this._call("getCount", [], (list) => ({ response: list.length, apply: () => result._set(list.length) }));
    return result;
  }
}

/**
 * getByNamespace's answer (Excel.CustomXmlPartScopedCollection): getOnlyItem and getOnlyItemOrNullObject, but no
 * add and no getByNamespace; those belong to workbook.customXmlParts only.
 */
export class SimCustomXmlPartScopedCollection extends SimCustomXmlPartCollectionBase {
  /** The only part of a namespace: throws when there are none or several. */
  getOnlyItem(): SimCustomXmlPart {
    return this._pick("getOnlyItem", [], (l) => (l.length === 1 ? l[0] : undefined), false);
  }
  /** The only part of a namespace, or a null object when there are none or several. */
  getOnlyItemOrNullObject(): SimCustomXmlPart {
    return this._pick("getOnlyItemOrNullObject", [], (l) => (l.length === 1 ? l[0] : undefined), true);
  }
}

/** workbook.customXmlParts (Excel.CustomXmlPartCollection): add and getByNamespace, but no getOnlyItem. */
export class SimCustomXmlPartCollection extends SimCustomXmlPartCollectionBase {
  getByNamespace(namespaceUri: string): SimCustomXmlPartScopedCollection {
    const path = this._record("getByNamespace", [namespaceUri]);
    return new SimCustomXmlPartScopedCollection(this.context, path, () =>
      (this._resolve() ?? []).filter((p) => p.namespaceUri === namespaceUri),
    );
  }

  add(xml: string): SimCustomXmlPart {
    let created: XmlPartModel | undefined;
    this.context._enqueue({
      wire: { o: this._path, m: "add", a: [xml] },
      run: () => {
        const m = model(this.context);
        created = { id: m.newId("part"), namespaceUri: rootNamespace(xml), xml };
        m.parts.push(created);
        this.context._write("xml.add", undefined, created.id, xml.length);
      },
    });
    return new SimCustomXmlPart(this.context, `${this._path}.add`, () => {
      if (!created) throw new SimOfficeError("InvalidObjectPath", "CustomXmlPartCollection.add");
      return created;
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** What a worksheet function answers: a value, or an Excel error ("#NUM!") with a null value. */
interface FunctionAnswer {
  value: number | null;
  error: string | null;
}

/** Excel.FunctionResult: `value` and `error`, loaded like any proxy's properties. */
export class SimFunctionResult extends SimClientObject<FunctionAnswer> {
  protected get _scalars() {
    return ["error", "value"] as const;
  }

  protected _read(name: string, target: FunctionAnswer): unknown {
    return name === "error" ? target.error : target.value;
  }

  get value(): number | null {
    return this._get("value");
  }

  get error(): string | null {
    return this._get("error");
  }
}

/**
 * Excel's DATE(year, month, day) serial in the workbook's date system: days since 1899-12-30 in the 1900 system
 * (exact from 1900-03-01; Excel's phantom 29 Feb 1900 shifts earlier dates), since 1904-01-01 in the 1904 one.
 * Years 0–1899 add 1900, as Excel does; a result before the system's first day is #NUM!.
 */
export function excelDate(year: number, month: number, day: number, date1904: boolean): FunctionAnswer {
  const y = Math.trunc(year) < 1900 ? Math.trunc(year) + 1900 : Math.trunc(year);
  const ms = Date.UTC(y, Math.trunc(month) - 1, Math.trunc(day));
  let serial = Math.round((ms - Date.UTC(date1904 ? 1904 : 1899, date1904 ? 0 : 11, date1904 ? 1 : 30)) / 86_400_000);
  if (!date1904 && serial < 61) serial -= 1;
  if (!Number.isFinite(serial) || serial < 0 || y > 9999) return { value: null, error: "#NUM!" };
  return { value: serial, error: null };
}

/** Excel.Functions (ExcelApi 1.2): the worksheet functions; the simulator knows DATE. */
export class SimFunctions extends SimClientObject<WorkbookModel> {
  protected get _scalars() {
    return [] as const;
  }

  protected _read(): unknown {
    return undefined;
  }

  date(year: number, month: number, day: number): SimFunctionResult {
    const path = this._record("date", [year, month, day]);
    return new SimFunctionResult(this.context, path, () => {
      const m = this._resolve();
      return m && excelDate(year, month, day, m.date1904);
    });
  }
}

export class SimWorkbook extends SimClientObject<WorkbookModel> {
  readonly worksheets: SimWorksheetCollection;
  readonly functions: SimFunctions;
  readonly tables: SimTableCollection;
  readonly customXmlParts: SimCustomXmlPartCollection;

  constructor(ctx: SimRequestContext) {
    super(ctx, "workbook", () => ctx.env.model);
    this.worksheets = new SimWorksheetCollection(ctx, "workbook.worksheets", () => ctx.env.model.sheets);
    this.tables = new SimTableCollection(ctx, "workbook.tables", () => ctx.env.model.tables);
    this.customXmlParts = new SimCustomXmlPartCollection(ctx, "workbook.customXmlParts", () => ctx.env.model.parts);
    this.functions = new SimFunctions(ctx, "workbook.functions", () => ctx.env.model);
  }

  protected get _scalars() {
    return ["name"] as const;
  }

  protected _read(): unknown {
    return "Book1.xlsx";
  }

  get name(): string {
    return this._get("name");
  }

  /** The single selected range; InvalidSelection when several areas are selected. */
  getSelectedRange(): SimRange {
    const path = this._record("getSelectedRange", []);
    return new SimRange(this.context, path, () => {
      const sel = this.context.env.model.selection;
      if (sel.areas.length !== 1) throw new SimOfficeError("InvalidSelection", path);
      return { sheet: sel.sheet, r: { ...sel.areas[0] } };
    });
  }

  getSelectedRanges(): SimRangeAreas {
    const path = this._record("getSelectedRanges", []);
    return new SimRangeAreas(this.context, path, () => {
      const sel = this.context.env.model.selection;
      return { sheet: sel.sheet, areas: sel.areas.map((a) => ({ ...a })) };
    });
  }

  /** workbook.onSelectionChanged: add(handler) registers at once; remove() unregisters. */
  get onSelectionChanged(): { add: (h: (args: unknown) => Promise<unknown>) => { remove: () => void } } {
    const handlers = this.context.env.model.selectionHandlers;
    return {
      add: (h) => {
        const run = () => void h({ type: "WorkbookSelectionChanged" }).catch(() => undefined);
        handlers.add(run);
        return { remove: () => handlers.delete(run) };
      },
    };
  }

  /** The active cell: the top-left cell of the first selected area. */
  getActiveCell(): SimRange {
    const path = this._record("getActiveCell", []);
    return new SimRange(this.context, path, () => {
      const sel = this.context.env.model.selection;
      const a = sel.areas[0];
      return { sheet: sel.sheet, r: { top: a.top, left: a.left, bottom: a.top, right: a.left } };
    });
  }
}
