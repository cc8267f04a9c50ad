/** The simulated custom XML parts: add, getXml/setXml, delete, getByNamespace. */

import { SimClientObject, SimClientResult, SimCollection } from "./context";
import { SimOfficeError } from "./errors";
import { type XmlPartModel } from "./model";
import { model } from "./rangeTargets";

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
export abstract class SimCustomXmlPartCollectionBase extends SimCollection<XmlPartModel, SimCustomXmlPart> {
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
