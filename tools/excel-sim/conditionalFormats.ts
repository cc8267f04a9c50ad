/**
 * Conditional formats (ExcelApi 1.6; RangeAreas.conditionalFormats and ConditionalFormat.getRanges 1.9) as Office.js
 * shapes them:
 * - Range/RangeAreas.conditionalFormats: the sheet's conditional formats that overlap the range, in priority order;
 *   add(type) puts a new one at the top priority (index 0) on the range's areas; getCount(), getItemAt(i),
 *   getItem(id), items.
 * - ConditionalFormat: id, type, priority (setting it moves the rule; negative counts from the back, out of bounds
 *   clamps), stopIfTrue, custom (only on a "Custom" rule: anything else fails with InvalidOperation, so loading
 *   items/custom/… over a sheet that also holds a colour scale fails, office-js#2180), getRange() (InvalidOperation
 *   when the rule has several ranges), getRangeOrNullObject(), getRanges(), delete().
 * - CustomConditionalFormat: rule.formula (must start with "="), format.fill.color / clear(), format.font.color.
 * Office.js has no worksheet-level collection: a whole sheet's rules are worksheet.getRange().conditionalFormats.
 */
import { SimClientObject, SimClientResult, SimCollection, type SimRequestContext } from "./context";
import { SimOfficeError } from "./errors";
import { normalizeColor, type SheetModel, type SimConditionalFormatModel } from "./model";
import { alive, areasAddress, checkFormula, model, type AreasTarget, type RangeTarget } from "./rangeTargets";
import type { RangeRef } from "../../src/core/a1";

/**
 * How a rule hands out its ranges: worksheet.ts registers its Range and RangeAreas proxies here (worksheet.ts imports
 * this module for Range.conditionalFormats, so this one cannot import it back).
 */
interface RangeProxies {
  range(
    ctx: SimRequestContext,
    path: string,
    resolver: () => RangeTarget | null,
    nullable?: boolean,
  ): SimClientObject<RangeTarget>;
  areas(ctx: SimRequestContext, path: string, resolver: () => AreasTarget | null): SimClientObject<AreasTarget>;
}
let proxies: RangeProxies | undefined;

export function registerRangeProxies(p: RangeProxies): void {
  proxies = p;
}

function rangeProxies(): RangeProxies {
  if (!proxies) throw new Error("worksheet.ts registers the range proxies");
  return proxies;
}

/** Excel.ConditionalFormatType values. */
export const CONDITIONAL_FORMAT_TYPES = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
] as const;

/** The types this simulator can create through add(); the others exist only when a workbook brings them. */
const CREATABLE = new Set(["Custom"]);

interface CfTarget {
  sheet: SheetModel;
  cf: SimConditionalFormatModel;
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The rule must still be on its sheet (deleted rules fail like deleted objects: ItemNotFound). */
function live(ctx: SimRequestContext, t: CfTarget): CfTarget {
  alive(ctx, t.sheet);
  if (!t.sheet.conditionalFormats.includes(t.cf)) throw new SimOfficeError("ItemNotFound", "ConditionalFormat");
  return t;
}

export class SimConditionalRangeFill extends SimClientObject<CfTarget> {
  protected get _scalars() {
    return ["color"] as const;
  }
  protected _read(_name: string, t: CfTarget): unknown {
    return live(this.context, t).cf.fill;
  }
  get color(): string | null {
    return this._get("color");
  }
  set color(v: string) {
    this._setProp("color", v, (t) => {
      const c = normalizeColor(v);
      if (!c) throw new SimOfficeError("InvalidArgument", "ConditionalRangeFill.color", String(v));
      live(this.context, t).cf.fill = c;
      this.context._write("cf.fill", t.sheet.name, undefined, c);
    });
  }
  clear(): void {
    this._call("clear", [], (t) => {
      live(this.context, t).cf.fill = null;
      this.context._write("cf.fill.clear", t.sheet.name);
    });
  }
}

export class SimConditionalRangeFont extends SimClientObject<CfTarget> {
  protected get _scalars() {
    return ["color"] as const;
  }
  protected _read(_name: string, t: CfTarget): unknown {
    return live(this.context, t).cf.fontColor;
  }
  get color(): string | null {
    return this._get("color");
  }
  set color(v: string) {
    this._setProp("color", v, (t) => {
      const c = normalizeColor(v);
      if (!c) throw new SimOfficeError("InvalidArgument", "ConditionalRangeFont.color", String(v));
      live(this.context, t).cf.fontColor = c;
      this.context._write("cf.font.color", t.sheet.name, undefined, c);
    });
  }
}

export class SimConditionalRangeFormat extends SimClientObject<CfTarget> {
  readonly fill: SimConditionalRangeFill;
  readonly font: SimConditionalRangeFont;
  constructor(ctx: SimRequestContext, path: string, resolver: () => CfTarget | null) {
    super(ctx, path, resolver);
    this.fill = new SimConditionalRangeFill(ctx, `${path}.fill`, () => this._resolve());
    this.font = new SimConditionalRangeFont(ctx, `${path}.font`, () => this._resolve());
  }
  protected get _scalars() {
    return [] as const;
  }
  protected _read(): unknown {
    return undefined;
  }
  protected override _nav(name: string) {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }
}

export class SimConditionalFormatRule extends SimClientObject<CfTarget> {
  protected get _scalars() {
    return ["formula", "formulaLocal"] as const;
  }
  protected _read(_name: string, t: CfTarget): unknown {
    return live(this.context, t).cf.formula ?? "";
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._setProp("formula", v, (t) => {
      if (typeof v !== "string" || !v.startsWith("=")) throw new SimOfficeError("InvalidArgument", "rule.formula");
      checkFormula(v);
      live(this.context, t).cf.formula = v;
      this.context._write("cf.formula", t.sheet.name, undefined, v);
    });
  }
  get formulaLocal(): string {
    return this._get("formulaLocal");
  }
}

export class SimCustomConditionalFormat extends SimClientObject<CfTarget> {
  readonly rule: SimConditionalFormatRule;
  readonly format: SimConditionalRangeFormat;
  constructor(ctx: SimRequestContext, path: string, resolver: () => CfTarget | null) {
    super(ctx, path, () => {
      const t = resolver();
      // "This operation is not permitted for the current object" on a rule of another type (office-js#2180).
      if (t && t.cf.type !== "Custom") throw new SimOfficeError("InvalidOperation", "ConditionalFormat.custom");
      return t;
    });
    this.rule = new SimConditionalFormatRule(ctx, `${this._path}.rule`, () => this._resolve());
    this.format = new SimConditionalRangeFormat(ctx, `${this._path}.format`, () => this._resolve());
  }
  protected get _scalars() {
    return [] as const;
  }
  protected _read(): unknown {
    return undefined;
  }
  protected override _nav(name: string) {
    return name === "rule" ? this.rule : name === "format" ? this.format : undefined;
  }
}

export class SimConditionalFormat extends SimClientObject<CfTarget> {
  readonly custom: SimCustomConditionalFormat;
  constructor(ctx: SimRequestContext, path: string, resolver: () => CfTarget | null) {
    super(ctx, path, resolver);
    this.custom = new SimCustomConditionalFormat(ctx, `${this._path}.custom`, () => this._resolve());
  }
  protected get _scalars() {
    return ["id", "priority", "stopIfTrue", "type"] as const;
  }
  protected _read(name: string, t: CfTarget): unknown {
    const { sheet, cf } = live(this.context, t);
    switch (name) {
      case "id":
        return cf.id;
      case "priority":
        return sheet.conditionalFormats.indexOf(cf);
      case "stopIfTrue":
        return cf.stopIfTrue;
      default:
        return cf.type;
    }
  }
  protected override _nav(name: string) {
    return name === "custom" ? this.custom : undefined;
  }
  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._setProp("stopIfTrue", v, (t) => {
      live(this.context, t).cf.stopIfTrue = !!v;
      this.context._write("cf.stopIfTrue", t.sheet.name, undefined, !!v);
    });
  }
  get priority(): number {
    return this._get("priority");
  }
  /** Moves the rule to that priority; the others keep their order. Negative counts from the back; out of bounds clamps. */
  set priority(v: number) {
    this._setProp("priority", v, (t) => {
      if (typeof v !== "number" || !Number.isInteger(v)) throw new SimOfficeError("InvalidArgument", "priority");
      const list = live(this.context, t).sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
      const at = v < 0 ? Math.max(0, list.length + 1 + v) : Math.min(v, list.length);
      list.splice(at, 0, t.cf);
      this.context._write("cf.priority", t.sheet.name, undefined, at);
    });
  }

  /** The one range the rule applies to; InvalidOperation when it applies to several. */
  getRange(): SimClientObject<RangeTarget> {
    const path = this._record("getRange", []);
    return rangeProxies().range(this.context, path, () => {
      const t = this._resolve();
      if (!t) return null;
      const { sheet, cf } = live(this.context, t);
      if (cf.ranges.length !== 1) throw new SimOfficeError("InvalidOperation", "ConditionalFormat.getRange");
      return { sheet, r: { ...cf.ranges[0] } };
    });
  }

  getRangeOrNullObject(): SimClientObject<RangeTarget> {
    const path = this._record("getRangeOrNullObject", []);
    return rangeProxies().range(
      this.context,
      path,
      () => {
        const t = this._resolve();
        if (!t) return null;
        const { sheet, cf } = live(this.context, t);
        return cf.ranges.length === 1 ? { sheet, r: { ...cf.ranges[0] } } : null;
      },
      true,
    );
  }

  /** Every range the rule applies to, as range areas (ExcelApi 1.9). */
  getRanges(): SimClientObject<AreasTarget> {
    const path = this._record("getRanges", []);
    return rangeProxies().areas(this.context, path, () => {
      const t = this._resolve();
      if (!t) return null;
      const { sheet, cf } = live(this.context, t);
      return { sheet, areas: cf.ranges.map((r) => ({ ...r })) };
    });
  }

  delete(): void {
    this._call("delete", [], (t) => {
      const list = live(this.context, t).sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
      this.context._write("cf.delete", t.sheet.name, undefined, t.cf.id);
    });
  }
}

/** The conditional formats that overlap a range or range areas, in priority order. */
export class SimConditionalFormatCollection extends SimCollection<CfTarget, SimConditionalFormat> {
  private readonly _areas: () => AreasTarget | null;

  constructor(ctx: SimRequestContext, path: string, areas: () => AreasTarget | null) {
    super(ctx, path, () => {
      const t = areas();
      if (!t) return null;
      alive(ctx, t.sheet);
      return t.sheet.conditionalFormats
        .filter((cf) => cf.ranges.some((r) => t.areas.some((a) => overlaps(r, a))))
        .map((cf) => ({ sheet: t.sheet, cf }));
    });
    this._areas = areas;
  }

  protected _item(m: CfTarget, i: number): SimConditionalFormat {
    return new SimConditionalFormat(this.context, `${this._path}[${i}]`, () => m);
  }

  /** A new rule of that type at the top priority on the range's areas. Only "Custom" rules are simulated. */
  add(type: string): SimConditionalFormat {
    let created: CfTarget | undefined;
    this.context._enqueue({
      wire: { o: this._path, m: "add", a: [type] },
      run: () => {
        const t = this._areas();
        if (!t) return;
        alive(this.context, t.sheet);
        if (!(CONDITIONAL_FORMAT_TYPES as readonly string[]).includes(type))
          throw new SimOfficeError("InvalidArgument", "ConditionalFormatCollection.add", String(type));
        if (!CREATABLE.has(type)) throw new Error(`The simulated host cannot create ${type} conditional formats`);
        const cf: SimConditionalFormatModel = {
          id: model(this.context).newId("cf"),
          type,
          fill: null,
          fontColor: null,
          ranges: t.areas.map((a) => ({ ...a })),
          stopIfTrue: false,
        };
        t.sheet.conditionalFormats.unshift(cf);
        created = { sheet: t.sheet, cf };
        this.context._write("cf.add", t.sheet.name, areasAddress(t), type);
      },
    });
    return new SimConditionalFormat(this.context, `${this._path}.add`, () => {
      if (!created) throw new SimOfficeError("InvalidObjectPath", "ConditionalFormatCollection.add");
      return created;
    });
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this._call("getCount", [], (list) => ({ response: list.length, apply: () => result._set(list.length) }));
    return result;
  }

  getItemAt(index: number): SimConditionalFormat {
    const path = this._record("getItemAt", [index]);
    return new SimConditionalFormat(this.context, path, () => {
      const list = this._resolve();
      if (!list) return null;
      if (!list[index]) throw new SimOfficeError("ItemNotFound", path);
      return list[index];
    });
  }

  getItem(id: string): SimConditionalFormat {
    const path = this._record("getItem", [id]);
    return new SimConditionalFormat(this.context, path, () => {
      const list = this._resolve();
      if (!list) return null;
      const found = list.find((x) => x.cf.id === id);
      if (!found) throw new SimOfficeError("ItemNotFound", path);
      return found;
    });
  }
}
