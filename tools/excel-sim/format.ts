/** The simulated RangeFormat, RangeFill and RangeFont: one value when the cells agree, null when they differ. */

import { SimClientObject, type SimRequestContext } from "./context";
import { SimOfficeError } from "./errors";
import { FILL_PATTERNS, NO_FILL_COLOR, normalizeColor, type SheetModel, type SimFill } from "./model";
import { type AreasTarget, forEachCell, areasAddress } from "./rangeTargets";

export function fillOf(sheet: SheetModel, row: number, col: number): SimFill | undefined {
  return sheet.getFill(row, col);
}

/** A property of a multi-cell range reads as the common value, or null when cells differ. */
export function uniform<V>(t: AreasTarget, read: (row: number, col: number) => V): V | null {
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

const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];

/** One edge of a range's borders (Excel.RangeBorder, ExcelApi 1.1): style and colour, written only. */
export class SimRangeBorder extends SimClientObject<AreasTarget> {
  constructor(
    ctx: SimRequestContext,
    path: string,
    resolver: () => AreasTarget | null,
    private readonly edge: string,
  ) {
    super(ctx, path, resolver);
  }
  protected get _scalars() {
    return [] as const;
  }
  protected _read(name: string): unknown {
    throw new SimOfficeError("InvalidArgument", "RangeBorder", name);
  }
  private entry(t: AreasTarget) {
    const out = [];
    for (const area of t.areas) {
      let b = t.sheet.borders.find(
        (x) =>
          x.edge === this.edge &&
          x.area.top === area.top &&
          x.area.left === area.left &&
          x.area.bottom === area.bottom &&
          x.area.right === area.right,
      );
      if (!b) {
        b = { area, edge: this.edge, style: "Continuous", color: null };
        t.sheet.borders.push(b);
      }
      out.push(b);
    }
    return out;
  }
  /** Excel.BorderLineStyle. */
  set style(v: string) {
    this._setProp("style", v, (t) => {
      if (!BORDER_STYLES.includes(v)) throw new SimOfficeError("InvalidArgument", "RangeBorder.style", v);
      for (const b of this.entry(t)) b.style = v;
      this.context._write("border.style", t.sheet.name, areasAddress(t), `${this.edge} ${v}`);
    });
  }
  set color(v: string) {
    this._setProp("color", v, (t) => {
      const c = normalizeColor(v);
      if (c === null) throw new SimOfficeError("InvalidArgument", "RangeBorder.color", v);
      for (const b of this.entry(t)) b.color = c;
      this.context._write("border.color", t.sheet.name, areasAddress(t), `${this.edge} ${c}`);
    });
  }
}

/** Excel.RangeBorderCollection: getItem(edge). */
export class SimRangeBorders extends SimClientObject<AreasTarget> {
  protected get _scalars() {
    return [] as const;
  }
  protected _read(name: string): unknown {
    throw new SimOfficeError("InvalidArgument", "RangeBorderCollection", name);
  }
  getItem(edge: string): SimRangeBorder {
    if (!BORDER_EDGES.includes(edge))
      throw new SimOfficeError("InvalidArgument", "RangeBorderCollection.getItem", edge);
    return new SimRangeBorder(this.context, `${this._path}[${edge}]`, () => this._resolve(), edge);
  }
}

export class SimRangeFormat extends SimClientObject<AreasTarget> {
  readonly fill: SimRangeFill;
  readonly font: SimRangeFont;
  readonly borders: SimRangeBorders;

  constructor(ctx: SimRequestContext, path: string, resolver: () => AreasTarget | null) {
    super(ctx, path, resolver);
    this.fill = new SimRangeFill(ctx, `${path}.fill`, () => this._resolve());
    this.font = new SimRangeFont(ctx, `${path}.font`, () => this._resolve());
    this.borders = new SimRangeBorders(ctx, `${path}.borders`, () => this._resolve());
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
    return name === "fill" ? this.fill : name === "font" ? this.font : name === "borders" ? this.borders : undefined;
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

  /** Row height in points. */
  set rowHeight(v: number) {
    this._setProp("rowHeight", v, (t) => {
      if (typeof v !== "number" || v < 0 || v > 409)
        throw new SimOfficeError("InvalidArgument", "RangeFormat.rowHeight");
      for (const a of t.areas) for (let r = a.top; r <= a.bottom; r++) t.sheet.rowHeights.set(r, v);
      this.context._write("rowHeight", t.sheet.name, areasAddress(t), v);
    });
  }

  /** Text wraps inside its cell. */
  set wrapText(v: boolean) {
    this._setProp("wrapText", v, (t) => {
      forEachCell(t.areas, (r, c) => t.sheet.setWrapped(r, c, !!v));
      this.context._write("wrapText", t.sheet.name, areasAddress(t), !!v);
    });
  }

  /** "Top", "Center", "Bottom", "Justify" or "Distributed" (Excel.VerticalAlignment). */
  set verticalAlignment(v: string) {
    this._setProp("verticalAlignment", v, (t) => {
      if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(v))
        throw new SimOfficeError("InvalidArgument", "RangeFormat.verticalAlignment", v);
      forEachCell(t.areas, (r, c) => t.sheet.setVerticalAlignment(r, c, v));
      this.context._write("verticalAlignment", t.sheet.name, areasAddress(t), v);
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
