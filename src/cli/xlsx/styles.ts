/**
 * Edits xl/styles.xml by appending: each coloured cell gets a new cellXfs entry that is a copy of its own
 * original xf with a new solid fill (one per original-xf × colour pair), so no other cell changes colour —
 * the shared-style pitfall of editing a style object in place. Clear trims the entries it added again.
 */
import type { SavedFill } from "../../core/state";
import { argb, resolveColour } from "./colours";
import {
  attr,
  childNamed,
  listEntries,
  locate,
  NS_MAIN,
  portable,
  prefixFor,
  startTagOf,
  type ListEntry,
  type XmlElement,
} from "./locate";
import { getAttr, setAttr, startTag, startTagEnd } from "./xml";

/**
 * One list of the stylesheet (fonts, fills, cellXfs). Entries are counted as a schema-aware reader counts them:
 * an mc:AlternateContent is one entry (its understood Choice, else its Fallback), so indexes match Excel's.
 */
interface Section {
  list: XmlElement | undefined;
  entries: ListEntry[];
  /** Each entry's XML as it would stand at the top level of the list; appended entries after the originals. */
  items: string[];
  /** The prefix of SpreadsheetML elements at the top level of the list ("" or e.g. "x"). */
  prefix: string;
}

const SECTIONS = { fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" } as const;

/** CT_Stylesheet's children before <dxfs>, last first: a <dxfs> list Flag creates goes after the first found. */
const BEFORE_DXFS = ["cellStyles", "cellXfs", "cellStyleXfs", "borders", "fills", "fonts", "numFmts"];
type SectionName = keyof typeof SECTIONS;

export class StylesEditor {
  private readonly sections: Record<SectionName, Section>;
  private readonly cellStyleXfs: XmlElement[];
  private readonly root: XmlElement;
  private readonly dxfCache = new Map<string, number>();
  private readonly xfCache = new Map<string, number>();
  private readonly fillCache = new Map<string, number>();
  private readonly fontCache = new Map<string, number>();
  private readonly borderCache = new Map<string, number>();
  private readonly fillDescriptions = new Map<number, SavedFill>();
  private removed = false;

  constructor(
    private readonly xml: string,
    private readonly theme: readonly string[] = [],
  ) {
    const root = locate(xml);
    if (root.uri !== NS_MAIN || root.local !== "styleSheet") throw new Error("styles.xml has no styleSheet");
    const get = (name: SectionName): Section => {
      const list = childNamed(root, NS_MAIN, name);
      if (!list) return { list, entries: [], items: [], prefix: prefixFor(root.scope, NS_MAIN) ?? "" };
      const entries = listEntries(list, NS_MAIN, SECTIONS[name]);
      const items = entries.map((e) => portable(xml, e.element, list.scope));
      return { list, entries, items, prefix: list.prefix };
    };
    this.root = root;
    this.sections = {
      fonts: get("fonts"),
      fills: get("fills"),
      borders: get("borders"),
      cellXfs: get("cellXfs"),
      dxfs: get("dxfs"),
    };
    const csx = childNamed(root, NS_MAIN, "cellStyleXfs");
    this.cellStyleXfs = csx ? listEntries(csx, NS_MAIN, "xf").map((e) => e.element) : [];
    if (this.sections.cellXfs.items.length === 0) throw new Error("styles.xml has no cellXfs");
  }

  get xfCount(): number {
    return this.sections.cellXfs.items.length;
  }

  get changed(): boolean {
    return (
      this.removed ||
      (Object.keys(SECTIONS) as SectionName[]).some(
        (s) => this.sections[s].items.length !== this.sections[s].entries.length,
      )
    );
  }

  private xf(index: number): string {
    return this.sections.cellXfs.items[index] ?? this.sections.cellXfs.items[0];
  }

  /** What the cell with style `xfIndex` looks like filled: the description saved for Clear. */
  describeFill(xfIndex: number): SavedFill {
    let d = this.fillDescriptions.get(xfIndex);
    if (!d) {
      d = this.describeFillOf(xfIndex);
      this.fillDescriptions.set(xfIndex, d);
    }
    return { ...d };
  }

  /** The element of entry `index` of a section and the text it lives in (appended entries are parsed alone). */
  private element(section: SectionName, index: number): { el: XmlElement; xml: string } | null {
    const s = this.sections[section];
    if (index < 0 || index >= s.items.length) return null;
    if (index < s.entries.length) return { el: s.entries[index].element, xml: this.xml };
    const p = s.prefix;
    const wrapped = `<w xmlns="${NS_MAIN}"${p ? ` xmlns:${p}="${NS_MAIN}"` : ""}>${s.items[index]}</w>`;
    const el = locate(wrapped).children[0];
    return el ? { el, xml: wrapped } : null;
  }

  private describeFillOf(xfIndex: number): SavedFill {
    const fillId = Number(getAttr(startTag(this.xf(xfIndex)), "fillId") ?? 0);
    const found = this.element("fills", fillId);
    if (!found) return { pattern: "none" };
    const { el: fill, xml } = found;
    if (childNamed(fill, NS_MAIN, "gradientFill")) return { pattern: "gradient" };
    const pf = childNamed(fill, NS_MAIN, "patternFill");
    const type = pf ? attr(pf, "patternType") : undefined;
    if (!pf || !type || type === "none") return { pattern: "none" };
    const colour = (name: string): ReturnType<typeof resolveColour> => {
      const c = childNamed(pf, NS_MAIN, name);
      return resolveColour(c ? startTagOf(xml, c) : undefined, this.theme);
    };
    const fg = colour("fgColor");
    const bg = colour("bgColor");
    if (type === "solid") {
      const out: SavedFill = { pattern: "solid", color: fg.color ?? "#000000" };
      if (fg.tintAndShade !== undefined) out.tintAndShade = fg.tintAndShade;
      return out;
    }
    const out: SavedFill = { pattern: type };
    if (bg.color) out.color = bg.color;
    if (fg.color) out.patternColor = fg.color;
    if (fg.tintAndShade !== undefined) out.tintAndShade = fg.tintAndShade;
    return out;
  }

  private append(section: SectionName, xml: string): number {
    const s = this.sections[section];
    if (!s.list && section !== "dxfs") throw new Error(`styles.xml has no <${section}>`);
    s.items.push(xml);
    return s.items.length - 1;
  }

  private fillId(fillXml: string): number {
    let id = this.fillCache.get(fillXml);
    if (id === undefined) {
      id = this.append("fills", withPrefix(fillXml, this.sections.fills.prefix));
      this.fillCache.set(fillXml, id);
    }
    return id;
  }

  private derivedXf(xfIndex: number, key: string, change: (tag: string) => string): number {
    const k = `${xfIndex}|${key}`;
    let id = this.xfCache.get(k);
    if (id === undefined) {
      const el = this.xf(xfIndex);
      const tag = startTag(el);
      id = this.append("cellXfs", change(tag) + el.slice(tag.length));
      this.xfCache.set(k, id);
    }
    return id;
  }

  /** The style index of "style `xfIndex` with a solid `hex` fill" (created once per pair). */
  withSolidFill(xfIndex: number, hex: string): number {
    const fillId = this.fillId(solidFillXml(hex));
    return this.derivedXf(xfIndex, `fill:${fillId}`, (t) =>
      setAttr(setAttr(t, "fillId", String(fillId)), "applyFill", "1"),
    );
  }

  /** Restores a fill from its description (a workbook flagged by the task pane has no saved xf). */
  withSavedFill(xfIndex: number, saved: SavedFill): number {
    const fillId = this.fillId(savedFillXml(saved));
    return this.derivedXf(xfIndex, `fill:${fillId}`, (t) =>
      setAttr(setAttr(t, "fillId", String(fillId)), "applyFill", "1"),
    );
  }

  /**
   * The differential format (dxfs entry) of a conditional format that fills a cell with `hex`, appended once.
   * Its solid pattern names the colour as foreground and background, since Excel reads a dxf's solid fill from
   * bgColor and other readers from fgColor.
   */
  dxfWithFill(hex: string): number {
    let id = this.dxfCache.get(hex.toUpperCase());
    if (id === undefined) {
      const c = argb(hex);
      const xml = `<dxf><fill><patternFill patternType="solid"><fgColor rgb="${c}"/><bgColor rgb="${c}"/></patternFill></fill></dxf>`;
      id = this.append("dxfs", withPrefix(xml, this.sections.dxfs.prefix));
      this.dxfCache.set(hex.toUpperCase(), id);
    }
    return id;
  }

  get dxfCount(): number {
    return this.sections.dxfs.items.length;
  }

  /**
   * Clear: drops the trailing dxfs entries that were ours (`ours`: the dxfIds of the rules it removed) and that
   * nothing else refers to (`referenced`: every dxfId any part still names). An entry in the middle stays, unused:
   * removing it would renumber the user's formats, tables and pivot tables.
   */
  trimDxfs(ours: ReadonlySet<number>, referenced: ReadonlySet<number>): void {
    const items = this.sections.dxfs.items;
    while (items.length > 0 && ours.has(items.length - 1) && !referenced.has(items.length - 1)) {
      items.pop();
      this.removed = true;
    }
    this.dxfCache.clear();
  }

  /** Style `xfIndex` (default 0) with a bold version of its font, and optionally a solid fill. */
  reportStyle(bold: boolean, hex?: string): number {
    let xf = 0;
    if (bold) {
      const fontId = Number(getAttr(startTag(this.xf(0)), "fontId") ?? 0);
      let boldFont = this.fontCache.get("bold");
      if (boldFont === undefined) {
        const fonts = this.sections.fonts;
        const b = withPrefix("<b/>", fonts.prefix);
        const found = this.element("fonts", fontId);
        let bolded: string;
        if (!found) bolded = withPrefix("<font><b/></font>", fonts.prefix);
        else {
          const font = fonts.items[fontId];
          const end = startTagEnd(font);
          if (childNamed(found.el, NS_MAIN, "b")) bolded = font;
          else if (font[end - 2] === "/")
            bolded = `${font.slice(0, end - 2).trimEnd()}>${b}</${found.el.name}>${font.slice(end)}`;
          else bolded = font.slice(0, end) + b + font.slice(end);
        }
        boldFont = this.append("fonts", bolded);
        this.fontCache.set("bold", boldFont);
      }
      const f = boldFont;
      xf = this.derivedXf(0, `font:${f}`, (t) => setAttr(setAttr(t, "fontId", String(f)), "applyFont", "1"));
    }
    return hex ? this.withSolidFill(xf, hex) : xf;
  }

  /**
   * Style `xfIndex` with a thin grey border on every side (the report's legend and table, which print without
   * gridlines). A workbook whose styles have no border list keeps the style as it is.
   */
  bordered(xfIndex: number): number {
    if (!this.sections.borders.list) return xfIndex;
    let id = this.borderCache.get("thin");
    if (id === undefined) {
      const side = (s: string) => `<${s} style="thin"><color rgb="FFBFBFBF"/></${s}>`;
      const xml = `<border>${["left", "right", "top", "bottom"].map(side).join("")}<diagonal/></border>`;
      id = this.append("borders", withPrefix(xml, this.sections.borders.prefix));
      this.borderCache.set("thin", id);
    }
    const b = id;
    return this.derivedXf(xfIndex, `border:${b}`, (t) =>
      setAttr(setAttr(t, "borderId", String(b)), "applyBorder", "1"),
    );
  }

  /**
   * Style `xfIndex` with its text wrapped and top-aligned (the report's long texts, so they print inside their
   * column). An xf that already has an <alignment> (LibreOffice writes one on every xf, with wrapText="false") gets
   * wrapText="1" and vertical="top" on it; its other attributes (horizontal, indent…) stay.
   */
  wrapped(xfIndex: number): number {
    const k = `${xfIndex}|wrap`;
    let id = this.xfCache.get(k);
    if (id === undefined) {
      const el = this.xf(xfIndex);
      const tag = startTag(el);
      const name = /^<([^\s/>]+)/.exec(tag)?.[1] ?? "xf";
      const alignment = withPrefix('<alignment wrapText="1" vertical="top"/>', this.sections.cellXfs.prefix);
      const open = setAttr(tag, "applyAlignment", "1");
      let xml: string;
      if (tag.endsWith("/>")) xml = `${open.slice(0, -2).trimEnd()}>${alignment}</${name}>`;
      else {
        const existing = /<(?:\w+:)?alignment(?=[\s/>])[^>]*>/.exec(el);
        if (!existing) xml = open + alignment + el.slice(tag.length);
        else {
          const aligned = setAttr(setAttr(existing[0], "wrapText", "1"), "vertical", "top");
          const at = existing.index;
          xml = open + el.slice(tag.length, at) + aligned + el.slice(at + existing[0].length);
        }
      }
      id = this.append("cellXfs", xml);
      this.xfCache.set(k, id);
    }
    return id;
  }

  /**
   * Clear: drops the trailing cellXfs, from the lowest of `candidates` (styles Growth Signals created) on, that
   * are no longer referenced, then trailing fonts/fills that only those used. Appending and trimming at the end keeps
   * every surviving index, so no cell anywhere changes.
   */
  trimUnused(candidates: ReadonlySet<number>, referenced: ReadonlySet<number>): void {
    const xfs = this.sections.cellXfs.items;
    const dropped: string[] = [];
    // Everything from the first style we created on was appended by us (report styles may build on an
    // intermediate entry no cell uses); drop the unreferenced tail of it.
    if (candidates.size === 0) return;
    const first = Math.min(...candidates);
    while (xfs.length > 1 && xfs.length - 1 >= first && !referenced.has(xfs.length - 1)) dropped.push(xfs.pop()!);
    if (dropped.length === 0) return;
    this.removed = true;
    this.xfCache.clear();
    this.fillCache.clear();
    this.fontCache.clear();
    this.borderCache.clear();
    const used = (name: string): Set<number> => {
      const out = new Set<number>();
      for (const x of xfs) out.add(Number(getAttr(startTag(x), name) ?? 0));
      for (const x of this.cellStyleXfs) out.add(Number(attr(x, name) ?? 0));
      return out;
    };
    const droppedRefs = (name: string): Set<number> =>
      new Set(dropped.map((x) => Number(getAttr(startTag(x), name) ?? 0)));
    for (const [section, name] of [
      ["fills", "fillId"],
      ["fonts", "fontId"],
      ["borders", "borderId"],
    ] as const) {
      const items = this.sections[section].items;
      const keep = used(name);
      const ours = droppedRefs(name);
      while (items.length > 1 && ours.has(items.length - 1) && !keep.has(items.length - 1)) items.pop();
    }
  }

  /**
   * The edited part: each list whose entries changed gets its count and its new tail; the bytes of every entry that
   * stays (mc:AlternateContent wrappers included) and everything between and around them are kept.
   */
  toXml(): string {
    const edits: { start: number; end: number; text: string }[] = [];
    for (const s of Object.values(this.sections)) {
      const { list, entries, items } = s;
      if (!list) {
        // A <dxfs> list Flag creates is written without a count, so a Clear that empties it knows to remove it.
        if (s === this.sections.dxfs && items.length > 0) {
          const after = BEFORE_DXFS.map((n) => childNamed(this.root, NS_MAIN, n)).find((e) => e !== undefined);
          const q = this.sections.dxfs.prefix ? `${this.sections.dxfs.prefix}:dxfs` : "dxfs";
          const at = after ? after.end : this.root.openEnd;
          edits.push({ start: at, end: at, text: `<${q}>${items.join("")}</${q}>` });
        }
        continue;
      }
      const keep = Math.min(entries.length, items.length);
      if (keep === entries.length && keep === items.length) continue;
      // Keep the original bytes of the surviving entries (and whatever comes after the last original entry).
      const from = keep > 0 ? entries[keep - 1].container.end : list.openEnd;
      const to = entries.length > 0 ? entries[entries.length - 1].container.end : list.openEnd;
      const tag = startTagOf(this.xml, list);
      if (s === this.sections.dxfs && items.length === 0) {
        // emptied: a list Flag created (no count) goes; another closes as `<dxfs count="0"/>`, as Excel writes it
        const counted = getAttr(tag, "count") !== undefined;
        edits.push({
          start: list.start,
          end: list.end,
          text: counted ? `${setAttr(tag, "count", "0").slice(0, -1).trimEnd()}/>` : "",
        });
        continue;
      }
      const open = setAttr(list.selfClosing ? `${tag.slice(0, -2).trimEnd()}>` : tag, "count", String(items.length));
      const added = items.slice(keep).join("");
      if (list.selfClosing) {
        edits.push({ start: list.start, end: list.end, text: `${open}${added}</${list.name}>` });
        continue;
      }
      edits.push({ start: from, end: to, text: added });
      edits.push({ start: list.start, end: list.openEnd, text: open });
    }
    let xml = this.xml;
    // Splice from the end so that every offset still refers to the part as read.
    edits.sort((a, b) => b.start - a.start || b.end - a.end);
    for (const e of edits) xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
    return xml;
  }
}

/** Puts `prefix` on every element name of an unprefixed XML fragment of our own. */
function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)(\w+)(?=[\s/>])/g, `<$1${prefix}:$2`) : xml;
}

export function solidFillXml(hex: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

function colourXml(el: "fgColor" | "bgColor", hex: string | undefined, tint: number | undefined): string {
  if (!hex) return "";
  return `<${el} rgb="${argb(hex)}"${tint !== undefined ? ` tint="${tint}"` : ""}/>`;
}

/** A <fill> drawn from a saved description (Office.js pattern names such as "Gray125" accepted too). */
export function savedFillXml(saved: SavedFill): string {
  const pattern = saved.pattern.charAt(0).toLowerCase() + saved.pattern.slice(1);
  if (pattern === "none" || pattern === "gradient") return '<fill><patternFill patternType="none"/></fill>';
  const s = saved as { color?: string; patternColor?: string; tintAndShade?: number };
  if (pattern === "solid") {
    return `<fill><patternFill patternType="solid">${colourXml("fgColor", s.color, s.tintAndShade)}<bgColor indexed="64"/></patternFill></fill>`;
  }
  return `<fill><patternFill patternType="${pattern}">${colourXml("fgColor", s.patternColor, s.tintAndShade)}${colourXml("bgColor", s.color, undefined)}</patternFill></fill>`;
}
