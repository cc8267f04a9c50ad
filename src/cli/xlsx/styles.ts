/**
 * Edits xl/styles.xml by appending: each coloured cell gets a new cellXfs entry that is a copy of its own
 * original xf with a new solid fill (one per original-xf × colour pair), so no other cell changes colour —
 * the shared-style pitfall of editing a style object in place. Clear trims the entries it added again.
 */
import type { SavedFill } from "../../core/state";
import { argb, resolveColour } from "./colours";
import { findElement, findElements, getAttr, innerXml, setAttr, startTag } from "./xml";

interface Section {
  name: string;
  items: string[];
  /** How many of `items` were in the part as read. */
  original: number;
}

const SECTIONS = ["fonts", "fills", "cellXfs"] as const;
type SectionName = (typeof SECTIONS)[number];

export class StylesEditor {
  private readonly sections: Record<SectionName, Section>;
  private readonly xfCache = new Map<string, number>();
  private readonly fillCache = new Map<string, number>();
  private readonly fontCache = new Map<string, number>();
  private readonly fillDescriptions = new Map<number, SavedFill>();
  private removed = false;
  /** The namespace prefix of the part's elements ("" or e.g. "x:"): new entries use it too. */
  private readonly prefix: string;

  constructor(
    private readonly xml: string,
    private readonly theme: readonly string[] = [],
  ) {
    const get = (name: SectionName, child: string): Section => {
      const el = findElement(xml, name);
      const items = el ? findElements(innerXml(el.text), child).map((e) => e.text) : [];
      return { name, items, original: items.length };
    };
    this.prefix = /<(\w+:)?styleSheet[\s>]/.exec(xml)?.[1] ?? "";
    this.sections = { fonts: get("fonts", "font"), fills: get("fills", "fill"), cellXfs: get("cellXfs", "xf") };
    if (this.sections.cellXfs.items.length === 0) throw new Error("styles.xml has no cellXfs");
  }

  get xfCount(): number {
    return this.sections.cellXfs.items.length;
  }

  get changed(): boolean {
    return this.removed || SECTIONS.some((s) => this.sections[s].items.length !== this.sections[s].original);
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

  private describeFillOf(xfIndex: number): SavedFill {
    const fillId = Number(getAttr(startTag(this.xf(xfIndex)), "fillId") ?? 0);
    const fill = this.sections.fills.items[fillId];
    if (!fill) return { pattern: "none" };
    if (findElement(fill, "gradientFill")) return { pattern: "gradient" };
    const pf = findElement(fill, "patternFill");
    const type = pf ? getAttr(startTag(pf.text), "patternType") : undefined;
    if (!pf || !type || type === "none") return { pattern: "none" };
    const fg = resolveColour(findElement(pf.text, "fgColor")?.text, this.theme);
    const bg = resolveColour(findElement(pf.text, "bgColor")?.text, this.theme);
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
    this.sections[section].items.push(xml);
    return this.sections[section].items.length - 1;
  }

  private fillId(fillXml: string): number {
    let id = this.fillCache.get(fillXml);
    if (id === undefined) {
      id = this.append("fills", withPrefix(fillXml, this.prefix));
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

  /** Style `xfIndex` (default 0) with a bold version of its font, and optionally a solid fill. */
  reportStyle(bold: boolean, hex?: string): number {
    let xf = 0;
    if (bold) {
      const fontId = Number(getAttr(startTag(this.xf(0)), "fontId") ?? 0);
      let boldFont = this.fontCache.get("bold");
      if (boldFont === undefined) {
        const font = this.sections.fonts.items[fontId] ?? "<font/>";
        const bolded = /<(?:\w+:)?b(?=[\s/>])/.test(font)
          ? font
          : font.endsWith("/>")
            ? `${font.slice(0, -2)}>${withPrefix("<b/></font>", this.prefix)}`
            : font.replace(/^(<[^>]*>)/, `$1${withPrefix("<b/>", this.prefix)}`);
        boldFont = this.append("fonts", bolded);
        this.fontCache.set("bold", boldFont);
      }
      const f = boldFont;
      xf = this.derivedXf(0, `font:${f}`, (t) => setAttr(setAttr(t, "fontId", String(f)), "applyFont", "1"));
    }
    return hex ? this.withSolidFill(xf, hex) : xf;
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
    const used = (attr: string): Set<number> => {
      const out = new Set<number>();
      const all = [...xfs, ...this.cellStyleXfs()];
      for (const x of all) out.add(Number(getAttr(startTag(x), attr) ?? 0));
      return out;
    };
    const droppedRefs = (attr: string): Set<number> =>
      new Set(dropped.map((x) => Number(getAttr(startTag(x), attr) ?? 0)));
    for (const [section, attr] of [
      ["fills", "fillId"],
      ["fonts", "fontId"],
    ] as const) {
      const items = this.sections[section].items;
      const keep = used(attr);
      const ours = droppedRefs(attr);
      while (items.length > 1 && ours.has(items.length - 1) && !keep.has(items.length - 1)) items.pop();
    }
  }

  private cellStyleXfs(): string[] {
    const el = findElement(this.xml, "cellStyleXfs");
    return el ? findElements(innerXml(el.text), "xf").map((e) => e.text) : [];
  }

  /** The edited part: sections rewritten only where entries were added or removed. */
  toXml(): string {
    let xml = this.xml;
    for (const name of [...SECTIONS].reverse()) {
      const s = this.sections[name];
      const el = findElement(xml, name);
      if (!el) {
        if (s.items.length > 0) throw new Error(`styles.xml has no <${name}>`);
        continue;
      }
      const orig = findElements(innerXml(el.text), name === "fonts" ? "font" : name === "fills" ? "fill" : "xf");
      if (orig.length === s.items.length && orig.every((o, i) => o.text === s.items[i])) continue;
      const tag = startTag(el.text);
      const inner = innerXml(el.text);
      const keep = Math.min(orig.length, s.items.length);
      // Keep the original bytes of the surviving entries (and any whitespace around them).
      const lastKept = keep > 0 ? orig[keep - 1].end : 0;
      const tailStart = orig.length > 0 ? orig[orig.length - 1].end : inner.length;
      const newInner =
        (keep > 0 ? inner.slice(0, lastKept) : inner.slice(0, orig.length > 0 ? orig[0].start : inner.length)) +
        s.items.slice(keep).join("") +
        inner.slice(Math.max(tailStart, lastKept));
      const closing = tag.endsWith("/>")
        ? `</${tag.slice(1).split(/[\s/>]/)[0]}>`
        : el.text.slice(el.text.lastIndexOf("</"));
      const openTag = setAttr(
        tag.endsWith("/>") ? tag.slice(0, -2).trimEnd() + ">" : tag,
        "count",
        String(s.items.length),
      );
      xml = xml.slice(0, el.start) + openTag + newInner + closing + xml.slice(el.end);
    }
    return xml;
  }
}

/** Puts `prefix` on every element name of an unprefixed XML fragment. */
function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)(\w+)(?=[\s/>])/g, `<$1${prefix}$2`) : xml;
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
