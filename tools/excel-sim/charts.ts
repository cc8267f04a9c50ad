/**
 * The simulated Worksheet.charts (Excel.ChartCollection, ExcelApi 1.1): add a chart from a range, its title, its
 * series (name, values, format.line colour and lineStyle), the value axis's number format, setPosition,
 * plotVisibleOnly. Series are read from the
 * source range when the chart is added, as Excel does with seriesBy "Columns": a text first column gives the
 * categories, a text first row the series names.
 */
import { localAddress, parseAddress } from "./address";
import { SimClientObject, SimCollection, type SimRequestContext } from "./context";
import { SimOfficeError } from "./errors";
import { normalizeColor, type SheetModel, type SimChartModel, type SimChartSeriesModel } from "./model";
import type { RangeTarget } from "./rangeTargets";

export type { SimChartModel, SimChartSeriesModel } from "./model";

const CHART_TYPES = ["Line", "LineMarkers", "ColumnClustered", "BarClustered", "Pie", "XYScatter", "Area"];
const MARKER_STYLES = [
  "Invalid",
  "Automatic",
  "None",
  "Square",
  "Diamond",
  "Triangle",
  "X",
  "Star",
  "Dot",
  "Dash",
  "Circle",
  "Plus",
  "Picture",
];
const LINE_STYLES = [
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Grey25",
  "Grey50",
  "Grey75",
  "Automatic",
  "RoundDot",
];

/** The chart's series from its source, seriesBy "Columns". */
function seriesOf(t: RangeTarget): { categories: string[]; series: SimChartSeriesModel[] } {
  const { sheet, r } = t;
  const text = (row: number, col: number): string => String(sheet.getValue(row, col)).replace(/^'/, "");
  const isText = (row: number, col: number): boolean => typeof sheet.getValue(row, col) === "string";
  const named = r.right > r.left && isText(r.top, r.right);
  const top = named ? r.top + 1 : r.top;
  const hasCategories = r.right > r.left && isText(top, r.left);
  const left = hasCategories ? r.left + 1 : r.left;
  const categories: string[] = [];
  for (let row = top; row <= r.bottom; row++)
    categories.push(hasCategories ? text(row, r.left) : String(row - top + 1));
  const series: SimChartSeriesModel[] = [];
  for (let col = left; col <= r.right; col++) {
    const values: number[] = [];
    for (let row = top; row <= r.bottom; row++) {
      const v = sheet.getValue(row, col);
      values.push(typeof v === "number" ? v : NaN);
    }
    series.push({
      name: named ? text(r.top, col) : `Series${series.length + 1}`,
      values,
      line: { color: null, lineStyle: "Continuous", weight: 2.25 },
      markerStyle: "Automatic",
    });
  }
  return { categories, series };
}

export class SimChartLineFormat extends SimClientObject<SimChartSeriesModel> {
  protected get _scalars() {
    return ["color", "lineStyle", "weight"] as const;
  }
  protected _read(name: string, s: SimChartSeriesModel): unknown {
    return name === "color" ? s.line.color : name === "weight" ? s.line.weight : s.line.lineStyle;
  }
  get weight(): number {
    return this._get("weight");
  }
  /** Points (ExcelApi 1.7). */
  set weight(v: number) {
    this._setProp("weight", v, (s) => {
      if (typeof v !== "number" || !(v >= 0 && v <= 1584))
        throw new SimOfficeError("InvalidArgument", "ChartLineFormat.weight", String(v));
      s.line.weight = v;
      this.context._write("chart.series.line.weight", undefined, s.name, String(v));
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._setProp("color", v, (s) => {
      const c = normalizeColor(v);
      if (c === null) throw new SimOfficeError("InvalidArgument", "ChartLineFormat.color", v);
      s.line.color = c;
      this.context._write("chart.series.line.color", undefined, s.name, c);
    });
  }
  get lineStyle(): string {
    return this._get("lineStyle");
  }
  /** Excel.ChartLineStyle (ExcelApi 1.7). */
  set lineStyle(v: string) {
    this._setProp("lineStyle", v, (s) => {
      if (!LINE_STYLES.includes(v)) throw new SimOfficeError("InvalidArgument", "ChartLineFormat.lineStyle", v);
      s.line.lineStyle = v;
      this.context._write("chart.series.line.lineStyle", undefined, s.name, v);
    });
  }
}

export class SimChartSeriesFormat extends SimClientObject<SimChartSeriesModel> {
  readonly line: SimChartLineFormat;
  constructor(ctx: SimRequestContext, path: string, resolver: () => SimChartSeriesModel | null) {
    super(ctx, path, resolver);
    this.line = new SimChartLineFormat(ctx, `${path}.line`, () => this._resolve());
  }
  protected get _scalars() {
    return [] as const;
  }
  protected _read(name: string): unknown {
    throw new SimOfficeError("InvalidArgument", "ChartSeriesFormat", name);
  }
  protected override _nav(name: string) {
    return name === "line" ? this.line : undefined;
  }
}

export class SimChartSeries extends SimClientObject<SimChartSeriesModel> {
  readonly format: SimChartSeriesFormat;
  constructor(ctx: SimRequestContext, path: string, resolver: () => SimChartSeriesModel | null) {
    super(ctx, path, resolver);
    this.format = new SimChartSeriesFormat(ctx, `${path}.format`, () => this._resolve());
  }
  protected get _scalars() {
    return ["name", "markerStyle"] as const;
  }
  protected _read(name: string, s: SimChartSeriesModel): unknown {
    return name === "markerStyle" ? s.markerStyle : s.name;
  }
  get markerStyle(): string {
    return this._get("markerStyle");
  }
  /** Excel.ChartMarkerStyle (ExcelApi 1.7). */
  set markerStyle(v: string) {
    this._setProp("markerStyle", v, (s) => {
      if (!MARKER_STYLES.includes(v) || v === "Invalid" || v === "Picture")
        throw new SimOfficeError("InvalidArgument", "ChartSeries.markerStyle", v);
      s.markerStyle = v;
      this.context._write("chart.series.markerStyle", undefined, s.name, v);
    });
  }
  protected override _nav(name: string) {
    return name === "format" ? this.format : undefined;
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._setProp("name", v, (s) => {
      s.name = String(v);
    });
  }
}

export class SimChartSeriesCollection extends SimCollection<SimChartSeriesModel, SimChartSeries> {
  protected _item(m: SimChartSeriesModel, i: number): SimChartSeries {
    return new SimChartSeries(this.context, `${this._path}[${i}]`, () => m);
  }
  getItemAt(index: number): SimChartSeries {
    const path = this._record("getItemAt", [index]);
    return new SimChartSeries(this.context, path, () => {
      const s = (this._resolve() ?? [])[index];
      if (!s) throw new SimOfficeError("ItemNotFound", path);
      return s;
    });
  }
}

export class SimChartTitle extends SimClientObject<SimChartModel> {
  protected get _scalars() {
    return ["text"] as const;
  }
  protected _read(_name: string, c: SimChartModel): unknown {
    return c.title;
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._setProp("text", v, (c) => {
      c.title = String(v);
      this.context._write("chart.title", undefined, c.name, c.title);
    });
  }
}

/** Chart.axes.valueAxis (Excel.ChartAxis): the tick labels' number format (ExcelApi 1.8). */
export class SimChartAxis extends SimClientObject<SimChartModel> {
  protected get _scalars() {
    return ["numberFormat"] as const;
  }
  protected _read(_name: string, c: SimChartModel): unknown {
    return c.valueAxis.numberFormat;
  }
  get numberFormat(): string {
    return this._get("numberFormat");
  }
  set numberFormat(v: string) {
    this._setProp("numberFormat", v, (c) => {
      c.valueAxis.numberFormat = String(v);
      this.context._write("chart.axes.valueAxis.numberFormat", undefined, c.name, c.valueAxis.numberFormat);
    });
  }
}

/** Chart.axes (Excel.ChartAxes): the value axis. */
export class SimChartAxes extends SimClientObject<SimChartModel> {
  readonly valueAxis: SimChartAxis;
  constructor(ctx: SimRequestContext, path: string, resolver: () => SimChartModel | null) {
    super(ctx, path, resolver);
    this.valueAxis = new SimChartAxis(ctx, `${path}.valueAxis`, () => this._resolve());
  }
  protected get _scalars() {
    return [] as const;
  }
  protected _read(name: string): unknown {
    throw new SimOfficeError("InvalidArgument", "ChartAxes", name);
  }
  protected override _nav(name: string) {
    return name === "valueAxis" ? this.valueAxis : undefined;
  }
}

export class SimChart extends SimClientObject<SimChartModel> {
  readonly title: SimChartTitle;
  readonly series: SimChartSeriesCollection;
  readonly axes: SimChartAxes;
  constructor(ctx: SimRequestContext, path: string, resolver: () => SimChartModel | null) {
    super(ctx, path, resolver);
    this.title = new SimChartTitle(ctx, `${path}.title`, () => this._resolve());
    this.series = new SimChartSeriesCollection(ctx, `${path}.series`, () => this._resolve()?.series ?? null);
    this.axes = new SimChartAxes(ctx, `${path}.axes`, () => this._resolve());
  }
  protected get _scalars() {
    return ["name", "chartType", "plotVisibleOnly"] as const;
  }
  protected _read(name: string, c: SimChartModel): unknown {
    return name === "name" ? c.name : name === "chartType" ? c.type : c.plotVisibleOnly;
  }
  protected override _nav(name: string) {
    return name === "title" ? this.title : name === "series" ? this.series : name === "axes" ? this.axes : undefined;
  }
  get name(): string {
    return this._get("name");
  }
  get chartType(): string {
    return this._get("chartType");
  }
  get plotVisibleOnly(): boolean {
    return this._get("plotVisibleOnly");
  }
  /** False: hidden rows and columns are plotted too (ExcelApi 1.8). */
  set plotVisibleOnly(v: boolean) {
    this._setProp("plotVisibleOnly", v, (c) => {
      c.plotVisibleOnly = !!v;
    });
  }
  /** Covers the cells from startCell to endCell ("A20", "D35"). */
  setPosition(startCell: string, endCell?: string): void {
    this._call("setPosition", [startCell, endCell], (c) => {
      const a = parseAddress(startCell);
      const b = parseAddress(endCell ?? startCell);
      if (!a || !b) throw new SimOfficeError("InvalidArgument", "Chart.setPosition", `${startCell}:${endCell}`);
      const start = { top: a.range.top, left: a.range.left, bottom: a.range.top, right: a.range.left };
      const end = { top: b.range.bottom, left: b.range.right, bottom: b.range.bottom, right: b.range.right };
      c.position = { start: localAddress(start), end: localAddress(end) };
      this.context._write("chart.setPosition", undefined, c.name, c.position);
    });
  }
}

/** Worksheet.charts. */
export class SimChartCollection extends SimCollection<SimChartModel, SimChart> {
  private readonly _sheet: () => SheetModel | null;
  constructor(ctx: SimRequestContext, path: string, sheet: () => SheetModel | null) {
    super(ctx, path, () => sheet()?.charts ?? null);
    this._sheet = sheet;
  }

  protected _item(m: SimChartModel, i: number): SimChart {
    return new SimChart(this.context, `${this._path}[${i}]`, () => m);
  }

  /** A chart of `type` ("Line") from `sourceData`, series by "Columns" (or "Rows", "Auto"). */
  add(type: string, sourceData: { _resolve(): RangeTarget | null; address?: string }, seriesBy = "Auto"): SimChart {
    let created: SimChartModel | undefined;
    this.context._enqueue({
      wire: { o: this._path, m: "add", a: [type, { _range: true }, seriesBy] },
      run: () => {
        const sheet = this._sheet();
        const t = sourceData._resolve();
        if (!sheet || !t) throw new SimOfficeError("InvalidArgument", "ChartCollection.add");
        if (!CHART_TYPES.includes(type)) throw new SimOfficeError("InvalidArgument", "ChartCollection.add", type);
        if (!["Columns", "Auto"].includes(seriesBy))
          throw new SimOfficeError("InvalidArgument", "ChartCollection.add", seriesBy);
        const { categories, series } = seriesOf(t);
        created = {
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: `${t.sheet.name}!${localAddress(t.r)}`,
          seriesBy,
          title: "",
          plotVisibleOnly: true,
          position: null,
          categories,
          series,
          valueAxis: { numberFormat: "General" },
        };
        sheet.charts.push(created);
        this.context._write("chart.add", sheet.name, localAddress(t.r), type);
      },
    });
    return new SimChart(this.context, `${this._path}.add`, () => {
      if (!created) throw new SimOfficeError("InvalidObjectPath", "ChartCollection.add");
      return created;
    });
  }
}
