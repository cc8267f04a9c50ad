/**
 * The in-memory workbook behind the simulated Excel host: sheets of sparse cells (values, formulas, fills, bold),
 * tables, custom XML parts, the selection. Pure data and the few Excel behaviours the add-in depends on
 * (no fill vs a white fill, the current region of Ctrl+A, the used range).
 */
import type { RangeRef } from "../../src/core/a1";
import { MAX_COLS } from "./address";

/** A chart as the simulated host holds it (Worksheet.charts; objects in charts.ts). */
export interface SimChartSeriesModel {
  name: string;
  values: number[];
  /** format.line: colour (null: automatic), Excel.ChartLineStyle, weight in points (Excel's default 2.25). */
  line: { color: string | null; lineStyle: string; weight: number };
  /** Excel.ChartMarkerStyle ("Automatic": Excel's choice; "None"; "Circle"…). */
  markerStyle: string;
}

export interface SimChartModel {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  plotVisibleOnly: boolean;
  /** setPosition: the cells the chart covers ("A20", "D35"). */
  position: { start: string; end: string } | null;
  categories: string[];
  series: SimChartSeriesModel[];
  /** Chart.axes.valueAxis: the tick labels' format code (ChartAxis.numberFormat, ExcelApi 1.8; "General" at first). */
  valueAxis: { numberFormat: string };
}

export type SimScalar = string | number | boolean;

/** Excel's FillPattern names ("None" is no fill and is never stored). */
export interface SimFill {
  pattern: string;
  /** "#RRGGBB" as Excel reports it (upper case). */
  color: string;
  tintAndShade: number;
  patternColor: string;
}

export const NO_FILL_COLOR = "#FFFFFF";

function key(row: number, col: number): number {
  return row * MAX_COLS + col;
}

/** Range.hyperlink (Excel.RangeHyperlink): a web address or a place in the workbook ("'Data'!C3:C7"). */
export interface SimHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

/** Worksheet.pageLayout's state (Excel.PageLayout, ExcelApi 1.9). */
export interface SimPageLayoutModel {
  orientation: "Portrait" | "Landscape";
  printGridlines: boolean;
  /** Excel.PageLayoutZoomOptions: a scale, or fit to pages wide and tall (0: as many as needed). */
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** setPrintTitleRows: the rows repeated at the top of every page ("$14:$14"), null for none. */
  printTitleRows: string | null;
  /** Excel.PaperType ("Letter", "A4"…): Excel's default is the printer's; the sim starts at Letter. */
  paperSize: string;
  centerHorizontally: boolean;
}

/**
 * A conditional format (Excel.ConditionalFormat): its type ("Custom", "CellValue", "ColorScale"…), for a custom
 * rule its formula as Office.js reports it ("=N(\"growth-signals\")=0") and the fill and font colour its format
 * sets (null: the format leaves it), the ranges it applies to, and stopIfTrue. A sheet's list is in priority order
 * (index 0 is priority 0, the top).
 */
export interface SimConditionalFormatModel {
  id: string;
  type: string;
  formula?: string;
  fill: string | null;
  fontColor: string | null;
  ranges: RangeRef[];
  stopIfTrue: boolean;
}

/** A defined name (Excel.NamedItem) scoped to a sheet: its formula ("='Growth Signals'!$A$1"), comment, visibility. */
export interface SimNameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export class SheetModel {
  name: string;
  readonly id: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Row → sparse array of values (undefined and "" are empty). */
  readonly rows = new Map<number, SimScalar[]>();
  readonly formulas = new Map<number, string>();
  readonly fills = new Map<number, SimFill>();
  readonly bold = new Set<number>();
  /** Column → width in points (Excel's default is 48 points, 8.43 characters). */
  readonly columnWidths = new Map<number, number>();
  /** Row → height in points (RangeFormat.rowHeight; Excel's default is 15). */
  readonly rowHeights = new Map<number, number>();
  /** Cell → its link (Range.hyperlink). */
  readonly hyperlinks = new Map<number, SimHyperlink>();
  /** Cells whose text wraps (RangeFormat.wrapText) and their vertical alignment (RangeFormat.verticalAlignment). */
  readonly wrapped = new Set<number>();
  readonly verticalAlignments = new Map<number, string>();
  /** Charts on the sheet (Worksheet.charts); they go with the sheet when it is deleted. */
  readonly charts: SimChartModel[] = [];
  /** Rows (0-based) that start a printed page: manual page breaks (Worksheet.horizontalPageBreaks). */
  readonly rowBreaks: number[] = [];
  /** Hidden columns (Range.columnHidden). */
  readonly hiddenColumns = new Set<number>();
  /** Merged areas (Range.merge). */
  readonly merged: RangeRef[] = [];
  /** Borders set on ranges (RangeFormat.borders), in order: the range, the edge, its line style and colour. */
  readonly borders: { area: RangeRef; edge: string; style: string; color: string | null }[] = [];
  /** Conditional formats in priority order (index 0 is the top). */
  readonly conditionalFormats: SimConditionalFormatModel[] = [];
  /** Defined names scoped to the sheet (Worksheet.names), by lower-case name. */
  readonly names = new Map<string, SimNameModel>();
  /** Worksheet.pageLayout: what printing uses. */
  readonly pageLayout: SimPageLayoutModel = {
    orientation: "Portrait",
    printGridlines: false,
    zoom: { scale: 100 },
    printTitleRows: null,
    paperSize: "Letter",
    centerHorizontally: false,
  };

  constructor(name: string, id: string) {
    this.name = name;
    this.id = id;
  }

  getValue(row: number, col: number): SimScalar {
    const v = this.rows.get(row)?.[col];
    return v === undefined ? "" : v;
  }

  setValue(row: number, col: number, v: SimScalar): void {
    let r = this.rows.get(row);
    if (!r) {
      if (v === "") return;
      r = [];
      this.rows.set(row, r);
    }
    r[col] = v;
  }

  getFormula(row: number, col: number): SimScalar {
    return this.formulas.get(key(row, col)) ?? this.getValue(row, col);
  }

  setFormula(row: number, col: number, f: string): void {
    this.formulas.set(key(row, col), f);
    // The simulated host does not calculate: a formula cell's value stays as it was until the host sets it.
  }

  clearFormula(row: number, col: number): void {
    this.formulas.delete(key(row, col));
  }

  isEmpty(row: number, col: number): boolean {
    return this.getValue(row, col) === "" && !this.formulas.has(key(row, col));
  }

  getFill(row: number, col: number): SimFill | undefined {
    return this.fills.get(key(row, col));
  }

  setFill(row: number, col: number, fill: SimFill | undefined): void {
    if (fill) this.fills.set(key(row, col), fill);
    else this.fills.delete(key(row, col));
  }

  isBold(row: number, col: number): boolean {
    return this.bold.has(key(row, col));
  }

  setBold(row: number, col: number, bold: boolean): void {
    if (bold) this.bold.add(key(row, col));
    else this.bold.delete(key(row, col));
  }

  hyperlink(row: number, col: number): SimHyperlink | undefined {
    return this.hyperlinks.get(key(row, col));
  }

  setHyperlink(row: number, col: number, link: SimHyperlink | undefined): void {
    if (link) this.hyperlinks.set(key(row, col), link);
    else this.hyperlinks.delete(key(row, col));
  }

  isWrapped(row: number, col: number): boolean {
    return this.wrapped.has(key(row, col));
  }

  setWrapped(row: number, col: number, wrap: boolean): void {
    if (wrap) this.wrapped.add(key(row, col));
    else this.wrapped.delete(key(row, col));
  }

  verticalAlignment(row: number, col: number): string {
    return this.verticalAlignments.get(key(row, col)) ?? "Bottom";
  }

  setVerticalAlignment(row: number, col: number, v: string): void {
    this.verticalAlignments.set(key(row, col), v);
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? 15;
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? 48;
  }

  /** Bounding box of cells with values (valuesOnly) or also with formatting; null when the sheet is empty. */
  usedRange(valuesOnly: boolean): RangeRef | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    const add = (r: number, c: number) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    for (const [r, cells] of this.rows) {
      for (let c = 0; c < cells.length; c++) if (cells[c] !== undefined && cells[c] !== "") add(r, c);
    }
    const keys = valuesOnly ? [this.formulas.keys()] : [this.formulas.keys(), this.fills.keys(), this.bold.values()];
    for (const it of keys) for (const k of it) add(Math.floor(k / MAX_COLS), k % MAX_COLS);
    return bottom < 0 ? null : { top, bottom, left, right };
  }

  /**
   * The current region (Ctrl+A, Range.getSurroundingRegion): grow the range while any cell just outside it,
   * diagonals included, holds a value.
   */
  surroundingRegion(start: RangeRef): RangeRef {
    const r = { ...start };
    const rowHas = (row: number, c1: number, c2: number) => {
      if (row < 0) return false;
      for (let c = Math.max(0, c1); c <= c2; c++) if (!this.isEmpty(row, c)) return true;
      return false;
    };
    const colHas = (col: number, r1: number, r2: number) => {
      if (col < 0) return false;
      for (let row = Math.max(0, r1); row <= r2; row++) if (!this.isEmpty(row, col)) return true;
      return false;
    };
    for (let grew = true; grew;) {
      grew = false;
      // Each side grows as far as it can before the others are looked at again, so a tall table costs one pass.
      while (rowHas(r.top - 1, r.left - 1, r.right + 1)) {
        r.top--;
        grew = true;
      }
      while (rowHas(r.bottom + 1, r.left - 1, r.right + 1)) {
        r.bottom++;
        grew = true;
      }
      while (colHas(r.left - 1, r.top - 1, r.bottom + 1)) {
        r.left--;
        grew = true;
      }
      while (colHas(r.right + 1, r.top - 1, r.bottom + 1)) {
        r.right++;
        grew = true;
      }
    }
    return r;
  }
}

export interface TableModel {
  name: string;
  id: string;
  sheet: SheetModel;
  range: RangeRef;
}

export interface XmlPartModel {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface SelectionModel {
  sheet: SheetModel;
  areas: RangeRef[];
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly parts: XmlPartModel[] = [];
  activeSheet!: SheetModel;
  selection!: SelectionModel;
  /** The workbook uses the 1904 date system (Mac Excel's date1904): serial 0 is 1904-01-01. */
  date1904 = false;
  /** workbook.onSelectionChanged handlers (ExcelApi 1.2). */
  readonly selectionHandlers = new Set<() => void>();
  private nextId = 1;

  /** Tells the handlers, after the current task, as Excel raises events asynchronously. */
  selectionChanged(): void {
    for (const h of this.selectionHandlers) setTimeout(h, 0);
  }

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, "0")}}`;
  }

  findSheet(name: string): SheetModel | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  addSheet(name: string): SheetModel {
    const s = new SheetModel(name, this.newId("sheet"));
    this.sheets.push(s);
    if (!this.activeSheet) {
      this.activeSheet = s;
      this.selection = { sheet: s, areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
    }
    return s;
  }

  /** The name Excel gives a new sheet: "Sheet<n>" with the first unused n. */
  nextSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) if (!this.findSheet(`Sheet${n}`)) return `Sheet${n}`;
  }
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

const NAMED: Record<string, string> = {
  white: "#FFFFFF",
  black: "#000000",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
};

/** "#ffd966", "FFD966" or "yellow" → "#FFD966"; null when Excel would reject the colour. */
export function normalizeColor(c: unknown): string | null {
  if (typeof c !== "string") return null;
  const s = c.trim();
  const m = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (m) return `#${m[1].toUpperCase()}`;
  return NAMED[s.toLowerCase()] ?? null;
}

export const FILL_PATTERNS = [
  "None",
  "Solid",
  "Gray50",
  "Gray75",
  "Gray25",
  "Horizontal",
  "Vertical",
  "Down",
  "Up",
  "Checker",
  "SemiGray75",
  "LightHorizontal",
  "LightVertical",
  "LightDown",
  "LightUp",
  "Grid",
  "CrissCross",
  "Gray16",
  "Gray8",
  "LinearGradient",
  "RectangularGradient",
] as const;

/** Days between 1899-12-30 and the date: Excel's serial number (1900 date system), time as the fraction. */
export function dateToSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}
