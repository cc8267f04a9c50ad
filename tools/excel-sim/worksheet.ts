/**
 * The simulated Worksheet and what lives on it: Range, RangeAreas and the areas collection (with getCellProperties),
 * Table and the table collections. One module, because each hands out the others (a range's worksheet and tables,
 * a table's range, a worksheet's ranges and tables).
 */
import { type RangeRef } from "../../src/core/a1";
import { localAddress, sheetAddress, parseAddress, parseMultiAddress } from "./address";
import { SimClientObject, SimClientResult, SimCollection, type OpOutcome, type SimRequestContext } from "./context";
import { SimChartCollection } from "./charts";
import { SimOfficeError } from "./errors";
import {
  NO_FILL_COLOR,
  type SheetModel,
  type SimHyperlink,
  type SimPageLayoutModel,
  type SimScalar,
  type TableModel,
  isValidSheetName,
} from "./model";
import {
  type RangeTarget,
  type AreasTarget,
  rows,
  cols,
  cells,
  checkReadSize,
  cellCountOf,
  model,
  alive,
  areasAddress,
  writeGrid,
  MAX_GET_RANGES_ADDRESS,
  MAX_GET_RANGE_ADDRESS,
} from "./rangeTargets";
import { SimRangeFormat } from "./format";
import { registerRangeProxies, SimConditionalFormatCollection } from "./conditionalFormats";
import { SimNamedItemCollection } from "./names";
import { deleteRows, insertRows, renameInFormula, sortRows, type SortField } from "./sheetEdits";
import { quoteSheet } from "./address";

export type CellPropsOptions = {
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

export function cellProperties(sheet: SheetModel, r: RangeRef, o: CellPropsOptions): SimCellProperties[][] {
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
    if (name === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }

  private _cfs?: SimConditionalFormatCollection;
  /** The sheet's conditional formats that overlap the range (ExcelApi 1.6). */
  get conditionalFormats(): SimConditionalFormatCollection {
    return (this._cfs ??= new SimConditionalFormatCollection(this.context, `${this._path}.conditionalFormats`, () => {
      const t = this._resolve();
      return t && { sheet: t.sheet, areas: [t.r] };
    }));
  }

  private _sort?: SimRangeSort;
  /** Range.sort (ExcelApi 1.2): apply(fields, matchCase, hasHeaders). */
  get sort(): SimRangeSort {
    return (this._sort ??= new SimRangeSort(this.context, `${this._path}.sort`, () => this._resolve()));
  }

  /** The whole rows of the range ("3:5"). */
  getEntireRow(): SimRange {
    return this._derive("getEntireRow", [], ({ r }) => ({ top: r.top, bottom: r.bottom, left: 0, right: 16_383 }));
  }

  /**
   * Inserts cells in place of the range, shifting the others "Down" (or "Right"). The simulator moves whole rows
   * only (an entire-row range, shift Down), as Insert → Entire row; a partial shift is not simulated.
   */
  insert(shift: string): SimRange {
    let inserted: RangeTarget | undefined;
    this._call("insert", [shift], (t) => {
      const sheet = alive(this.context, t.sheet);
      if (shift !== "Down" && shift !== "Right") throw new SimOfficeError("InvalidArgument", "Range.insert", shift);
      if (shift !== "Down" || t.r.left !== 0 || t.r.right !== 16_383)
        throw new Error('The simulated host inserts entire rows only (getEntireRow().insert("Down"))');
      insertRows(model(this.context), sheet, t.r.top, rows(t.r));
      inserted = { sheet, r: { ...t.r } };
      this.context._write("insertRows", sheet.name, localAddress(t.r));
    });
    return new SimRange(this.context, `${this._path}.insert`, () => {
      if (!inserted) throw new SimOfficeError("InvalidObjectPath", "Range.insert");
      return inserted;
    });
  }

  /** Deletes the range, shifting the cells below "Up" (or "Left"); the simulator deletes entire rows only. */
  delete(shift: string): void {
    this._call("delete", [shift], (t) => {
      const sheet = alive(this.context, t.sheet);
      if (shift !== "Up" && shift !== "Left") throw new SimOfficeError("InvalidArgument", "Range.delete", shift);
      if (shift !== "Up" || t.r.left !== 0 || t.r.right !== 16_383)
        throw new Error('The simulated host deletes entire rows only (getEntireRow().delete("Up"))');
      deleteRows(model(this.context), sheet, t.r.top, rows(t.r));
      this.context._write("deleteRows", sheet.name, localAddress(t.r));
    });
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

  /** A link on every cell of the range (ExcelApi 1.7); `documentReference` is a place in the workbook. */
  set hyperlink(v: SimHyperlink) {
    this._setProp("hyperlink", v, (t) => {
      if (typeof v !== "object" || v === null || (v.address === undefined && v.documentReference === undefined))
        throw new SimOfficeError("InvalidArgument", "Range.hyperlink");
      const link = { ...v };
      for (let r = t.r.top; r <= t.r.bottom; r++)
        for (let c = t.r.left; c <= t.r.right; c++) t.sheet.setHyperlink(r, c, link);
      if (v.textToDisplay !== undefined) t.sheet.setValue(t.r.top, t.r.left, v.textToDisplay);
      this.context._write("hyperlink", t.sheet.name, localAddress(t.r), link);
    });
  }

  /** Hides (or shows) every column of the range (ExcelApi 1.2). */
  set columnHidden(v: boolean) {
    this._setProp("columnHidden", v, (t) => {
      for (let c = t.r.left; c <= t.r.right; c++) {
        if (v) t.sheet.hiddenColumns.add(c);
        else t.sheet.hiddenColumns.delete(c);
      }
      this.context._write("columnHidden", t.sheet.name, localAddress(t.r), !!v);
    });
  }

  /** Merges the range into one cell (or each row into one with `across`); Excel keeps the top-left value. */
  merge(across = false): void {
    this._call("merge", [across], (t) => {
      const { sheet, r } = t;
      const areas = across
        ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({ ...r, top: r.top + i, bottom: r.top + i }))
        : [r];
      for (const a of areas) {
        for (let i = a.top; i <= a.bottom; i++)
          for (let j = a.left; j <= a.right; j++) if (i !== a.top || j !== a.left) sheet.setValue(i, j, "");
        sheet.merged.push({ ...a });
      }
      this.context._write("merge", sheet.name, localAddress(r), across);
    });
  }
}

export function select(ctx: SimRequestContext, sheet: SheetModel, areas: RangeRef[]): void {
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
    if (name === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }

  private _cfs?: SimConditionalFormatCollection;
  /** The conditional formats that overlap any of the areas; add() puts one rule on all of them (ExcelApi 1.9). */
  get conditionalFormats(): SimConditionalFormatCollection {
    return (this._cfs ??= new SimConditionalFormatCollection(this.context, `${this._path}.conditionalFormats`, () =>
      this._resolve(),
    ));
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
export abstract class SimTableCollectionBase extends SimCollection<TableModel, SimTable> {
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
    return name === "tables"
      ? this.tables
      : name === "names"
        ? this.names
        : name === "pageLayout"
          ? this.pageLayout
          : name === "charts"
            ? this.charts
            : undefined;
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
      // Excel rewrites every defined name that refers to the sheet.
      for (const sheet of model(this.context).sheets)
        for (const n of sheet.names.values()) n.formula = renameInFormula(n.formula, s.name, v, quoteSheet);
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

  private _names?: SimNamedItemCollection;
  /** Defined names scoped to the sheet (ExcelApi 1.4). */
  get names(): SimNamedItemCollection {
    return (this._names ??= new SimNamedItemCollection(this.context, `${this._path}.names`, () => this._resolve()));
  }

  private _charts?: SimChartCollection;
  /** The sheet's charts (ExcelApi 1.1). */
  get charts(): SimChartCollection {
    return (this._charts ??= new SimChartCollection(this.context, `${this._path}.charts`, () => this._resolve()));
  }

  private _breaks?: SimPageBreakCollection;
  /** The manual page breaks above rows (ExcelApi 1.9). */
  get horizontalPageBreaks(): SimPageBreakCollection {
    return (this._breaks ??= new SimPageBreakCollection(this.context, `${this._path}.horizontalPageBreaks`, () =>
      this._resolve(),
    ));
  }

  private _pageLayout?: SimPageLayout;
  /** What printing uses: orientation, fit to pages, gridlines, print titles (ExcelApi 1.9). */
  get pageLayout(): SimPageLayout {
    return (this._pageLayout ??= new SimPageLayout(this.context, `${this._path}.pageLayout`, () => this._resolve()));
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

/** Worksheet.pageLayout (Excel.PageLayout): the settings printing and PDF export use. */
export class SimPageLayout extends SimClientObject<SheetModel> {
  protected get _scalars() {
    return ["orientation", "printGridlines", "zoom", "paperSize", "centerHorizontally"] as const;
  }

  protected _read(name: string, s: SheetModel): unknown {
    const p = s.pageLayout;
    if (name === "paperSize") return p.paperSize;
    if (name === "centerHorizontally") return p.centerHorizontally;
    return name === "orientation" ? p.orientation : name === "printGridlines" ? p.printGridlines : { ...p.zoom };
  }

  get paperSize(): string {
    return this._get("paperSize");
  }
  /** Excel.PaperType (ExcelApi 1.9): the papers the add-in names. */
  set paperSize(v: string) {
    this._setProp("paperSize", v, (s) => {
      if (!["Letter", "LetterSmall", "Legal", "A3", "A4", "A4Small", "A5", "B4", "B5", "Tabloid"].includes(v))
        throw new SimOfficeError("InvalidArgument", "PageLayout.paperSize", v);
      s.pageLayout.paperSize = v;
      this.context._write("pageLayout.paperSize", s.name, undefined, v);
    });
  }

  get centerHorizontally(): boolean {
    return this._get("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this._setProp("centerHorizontally", v, (s) => {
      s.pageLayout.centerHorizontally = !!v;
      this.context._write("pageLayout.centerHorizontally", s.name, undefined, !!v);
    });
  }

  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    this._setProp("orientation", v, (s) => {
      if (v !== "Portrait" && v !== "Landscape")
        throw new SimOfficeError("InvalidArgument", "PageLayout.orientation", v);
      s.pageLayout.orientation = v;
      this.context._write("pageLayout.orientation", s.name, undefined, v);
    });
  }

  get printGridlines(): boolean {
    return this._get("printGridlines");
  }
  set printGridlines(v: boolean) {
    this._setProp("printGridlines", v, (s) => {
      s.pageLayout.printGridlines = !!v;
      this.context._write("pageLayout.printGridlines", s.name, undefined, !!v);
    });
  }

  get zoom(): SimPageLayoutModel["zoom"] {
    return this._get("zoom");
  }
  /** A scale (10–400) or fit to pages wide and tall; Excel refuses both at once. */
  set zoom(v: SimPageLayoutModel["zoom"]) {
    this._setProp("zoom", v, (s) => {
      const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
      if (fit && v.scale !== undefined) throw new SimOfficeError("InvalidArgument", "PageLayout.zoom");
      if (v.scale !== undefined && (v.scale < 10 || v.scale > 400))
        throw new SimOfficeError("InvalidArgument", "PageLayout.zoom");
      s.pageLayout.zoom = { ...v };
      this.context._write("pageLayout.zoom", s.name, undefined, { ...v });
    });
  }

  /** Rows repeated at the top of every printed page: "$14:$14" (or a range address whose rows are taken). */
  setPrintTitleRows(rows: string): void {
    this._call("setPrintTitleRows", [rows], (s) => {
      if (!/^\$?\d+:\$?\d+$/.test(rows) && parseAddress(rows) === null)
        throw new SimOfficeError("InvalidArgument", "PageLayout.setPrintTitleRows", rows);
      s.pageLayout.printTitleRows = rows;
      this.context._write("pageLayout.printTitleRows", s.name, rows);
    });
  }
}

/** One manual page break (Excel.PageBreak): the row (0-based) that starts a printed page. */
export class SimPageBreak extends SimClientObject<number> {
  protected get _scalars() {
    return ["rowIndex", "columnIndex"] as const;
  }
  protected _read(name: string, row: number): unknown {
    return name === "rowIndex" ? row : 0;
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
}

/** Worksheet.horizontalPageBreaks (Excel.PageBreakCollection): manual breaks above the given rows. */
export class SimPageBreakCollection extends SimCollection<number, SimPageBreak> {
  private readonly _sheet: () => SheetModel | null;
  constructor(ctx: SimRequestContext, path: string, sheet: () => SheetModel | null) {
    super(ctx, path, () => sheet()?.rowBreaks ?? null);
    this._sheet = sheet;
  }
  protected _item(row: number, i: number): SimPageBreak {
    return new SimPageBreak(this.context, `${this._path}[${i}]`, () => row);
  }
  /** A break above the range's first row ("A23": row 23 starts a page). */
  add(pageBreakRange: string): SimPageBreak {
    let row: number | undefined;
    this.context._enqueue({
      wire: { o: this._path, m: "add", a: [pageBreakRange] },
      run: () => {
        const sheet = this._sheet();
        const a = typeof pageBreakRange === "string" ? parseAddress(pageBreakRange) : null;
        if (!sheet || !a || a.range.top === 0)
          throw new SimOfficeError("InvalidArgument", "PageBreakCollection.add", String(pageBreakRange));
        row = a.range.top;
        if (!sheet.rowBreaks.includes(row)) sheet.rowBreaks.push(row);
        sheet.rowBreaks.sort((x, y) => x - y);
        this.context._write("pageBreak", sheet.name, localAddress(a.range));
      },
    });
    return new SimPageBreak(this.context, `${this._path}.add`, () => {
      if (row === undefined) throw new SimOfficeError("InvalidObjectPath", "PageBreakCollection.add");
      return row;
    });
  }
}

/** Range.sort (Excel.RangeSort): apply() sorts the range's rows; cell formats move with them, conditional formats stay. */
export class SimRangeSort extends SimClientObject<RangeTarget> {
  protected get _scalars() {
    return [] as const;
  }
  protected _read(): unknown {
    return undefined;
  }
  apply(fields: SortField[], matchCase = false, hasHeaders = false, orientation = "Rows"): void {
    this._call("apply", [fields, matchCase, hasHeaders, orientation], (t) => {
      const sheet = alive(this.context, t.sheet);
      if (orientation !== "Rows") throw new Error("The simulated host sorts rows only");
      if (
        !Array.isArray(fields) ||
        fields.length === 0 ||
        fields.some((f) => !Number.isInteger(f?.key) || f.key < 0 || f.key > t.r.right - t.r.left)
      )
        throw new SimOfficeError("InvalidArgument", "RangeSort.apply");
      sortRows(sheet, t.r, fields, hasHeaders);
      this.context._write("sort", sheet.name, localAddress(t.r), fields);
    });
  }
}

registerRangeProxies({
  range: (ctx, path, resolver, nullable) => new SimRange(ctx, path, resolver, nullable),
  areas: (ctx, path, resolver) => new SimRangeAreas(ctx, path, resolver),
});
