/**
 * Defined names scoped to a worksheet (Worksheet.names, ExcelApi 1.4) as Office.js shapes them: add(name,
 * reference, comment) with a Range or a formula string, getItem / getItemOrNullObject (case-insensitive), getCount,
 * items (name, formula, comment, type, visible, scope), NamedItem.delete(). A name goes with its sheet when the sheet
 * is deleted, and Excel rewrites every name's formula when a sheet it refers to is renamed (Worksheet.name).
 */
import { parseCell } from "../../src/core/a1";
import { sheetAddress } from "./address";
import { SimClientObject, SimClientResult, SimCollection, type SimRequestContext } from "./context";
import { SimOfficeError } from "./errors";
import type { SheetModel, SimNameModel } from "./model";
import { alive, type RangeTarget } from "./rangeTargets";

interface NameTarget {
  sheet: SheetModel;
  item: SimNameModel;
}

/** Excel's rules for a defined name: a letter, _ or \ first, then letters, digits, _ . \; not a cell address; ≤ 255. */
export function isValidDefinedName(name: string): boolean {
  if (typeof name !== "string" || name.length === 0 || name.length > 255) return false;
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][\w.\\\u00C0-\uFFFF]*$/.test(name)) return false;
  if (parseCell(name) !== null || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) return false;
  return true;
}

/** "'Data'!C3:C7" with $ signs, as Excel writes a name's formula for a range. */
function absolute(t: RangeTarget): string {
  const a = sheetAddress(t.sheet.name, t.r);
  const [sheet, cells] = [a.slice(0, a.lastIndexOf("!")), a.slice(a.lastIndexOf("!") + 1)];
  return `=${sheet}!${cells.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
}

export class SimNamedItem extends SimClientObject<NameTarget> {
  protected get _scalars() {
    return ["name", "formula", "comment", "type", "visible", "scope"] as const;
  }
  protected _read(name: string, t: NameTarget): unknown {
    alive(this.context, t.sheet);
    if (t.sheet.names.get(t.item.name.toLowerCase()) !== t.item) throw new SimOfficeError("ItemNotFound", "NamedItem");
    switch (name) {
      case "name":
        return t.item.name;
      case "formula":
        return t.item.formula;
      case "comment":
        return t.item.comment;
      case "type":
        return "Range";
      case "visible":
        return t.item.visible;
      default:
        return "Worksheet";
    }
  }
  get name(): string {
    return this._get("name");
  }
  get formula(): string {
    return this._get("formula");
  }
  get comment(): string {
    return this._get("comment");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._setProp("visible", v, (t) => {
      t.item.visible = !!v;
      this.context._write("name.visible", t.sheet.name, undefined, !!v);
    });
  }
  get scope(): string {
    return this._get("scope");
  }
  delete(): void {
    this._call("delete", [], (t) => {
      alive(this.context, t.sheet);
      if (t.sheet.names.get(t.item.name.toLowerCase()) === t.item) t.sheet.names.delete(t.item.name.toLowerCase());
      this.context._write("name.delete", t.sheet.name, undefined, t.item.name);
    });
  }
}

export class SimNamedItemCollection extends SimCollection<NameTarget, SimNamedItem> {
  private readonly _sheet: () => SheetModel | null;

  constructor(ctx: SimRequestContext, path: string, sheet: () => SheetModel | null) {
    super(ctx, path, () => {
      const s = sheet();
      return s && [...alive(ctx, s).names.values()].map((item) => ({ sheet: s, item }));
    });
    this._sheet = sheet;
  }

  protected _item(m: NameTarget, i: number): SimNamedItem {
    return new SimNamedItem(this.context, `${this._path}[${i}]`, () => m);
  }

  /** A name on this sheet for a Range (its absolute address) or a formula ("=…"). */
  add(name: string, reference: SimClientObject<RangeTarget> | string, comment = ""): SimNamedItem {
    let created: NameTarget | undefined;
    const ref = typeof reference === "string" ? reference : undefined;
    this.context._enqueue({
      wire: { o: this._path, m: "add", a: [name, ref ?? "#range", comment] },
      run: () => {
        const s = this._sheet();
        if (!s) return;
        alive(this.context, s);
        if (!isValidDefinedName(name)) throw new SimOfficeError("InvalidArgument", "NamedItemCollection.add", name);
        if (s.names.has(name.toLowerCase()))
          throw new SimOfficeError("ItemAlreadyExists", "NamedItemCollection.add", name);
        let formula: string;
        if (ref !== undefined) {
          formula = ref.startsWith("=") ? ref : `=${ref}`;
        } else {
          const t = (reference as SimClientObject<RangeTarget>)._resolve();
          if (!t) throw new SimOfficeError("InvalidArgument", "NamedItemCollection.add");
          formula = absolute(t);
        }
        const item: SimNameModel = { name, formula, comment: String(comment ?? ""), visible: true };
        s.names.set(name.toLowerCase(), item);
        created = { sheet: s, item };
        this.context._write("name.add", s.name, undefined, { name, formula });
      },
    });
    return new SimNamedItem(this.context, `${this._path}.add`, () => {
      if (!created) throw new SimOfficeError("InvalidObjectPath", "NamedItemCollection.add");
      return created;
    });
  }

  private _find(method: string, name: string, nullable: boolean): SimNamedItem {
    const path = this._record(method, [name]);
    return new SimNamedItem(
      this.context,
      path,
      () => {
        const s = this._sheet();
        if (!s) return null;
        const item = alive(this.context, s).names.get(String(name).toLowerCase());
        if (!item && !nullable) throw new SimOfficeError("ItemNotFound", path);
        return item ? { sheet: s, item } : null;
      },
      nullable,
    );
  }

  getItem(name: string): SimNamedItem {
    return this._find("getItem", name, false);
  }

  getItemOrNullObject(name: string): SimNamedItem {
    return this._find("getItemOrNullObject", name, true);
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this._call("getCount", [], (list) => ({ response: list.length, apply: () => result._set(list.length) }));
    return result;
  }
}
