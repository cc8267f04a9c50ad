/**
 * Our warning colours in a worksheet as conditional formatting (issue 15 §1): Flag adds one
 * `<conditionalFormatting sqref="…"><cfRule type="expression" dxfId="…" priority="…"><formula>N("growth-signals")=0
 * </formula></cfRule></conditionalFormatting>` per colour, after the user's own (ECMA-376 CT_Worksheet order), with
 * priorities after every priority the sheet already uses, so the user's rules keep their numbers and their order
 * and are never edited. Clear removes the rules whose formula is ours, wherever a program moved them, and nothing
 * else; a <conditionalFormatting> left without rules goes with them.
 *
 * A worksheet can hold a million rows, so the part is located without its <sheetData> content (the rows are
 * skipped with the fast scanner of sheet.ts) and edited by splicing: every other byte stays as it was.
 */
import { parseRange, type RangeRef } from "../../core/a1";
import { isOverlayFormula, OVERLAY_FORMULA, areasRef } from "../../core/overlay";
import { attr, childrenNamed, locate, NS_MAIN, prefixFor, qualify, type XmlElement } from "./locate";
import { sheetDataContent } from "./sheet";
import { escapeXml, unescapeXml } from "./xml";

/**
 * CT_Worksheet's children that come before <conditionalFormatting>, and <conditionalFormatting> itself: ours go
 * after the last of these that the sheet has (after the user's own conditional formats).
 */
const BEFORE_OURS = new Set([
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
]);

/** The worksheet's element tree without the rows, and how to map its offsets back to the part. */
interface Skeleton {
  root: XmlElement;
  /** The skeleton's text. */
  text: string;
  /** An offset in the skeleton as an offset in the part. */
  real: (offset: number) => number;
}

function skeleton(xml: string): Skeleton {
  const span = sheetDataContent(xml);
  if (!span) return { root: locate(xml), text: xml, real: (o) => o };
  const text = xml.slice(0, span.from) + xml.slice(span.to);
  const shift = span.to - span.from;
  return { root: locate(text), text, real: (o) => (o >= span.from ? o + shift : o) };
}

/** A conditional-format rule of ours as the sheet holds it now. */
export interface OverlayRuleFound {
  /** The <conditionalFormatting>'s sqref as written (a program may have moved it). */
  sqref: string;
  areas: RangeRef[];
  dxfId: number | undefined;
}

function formulaText(text: string, rule: XmlElement): string | undefined {
  const f = childrenNamed(rule, NS_MAIN, "formula")[0];
  return f && !f.selfClosing ? unescapeXml(text.slice(f.openEnd, f.closeStart)) : undefined;
}

function isOurs(text: string, rule: XmlElement): boolean {
  if (attr(rule, "type") !== "expression") return false;
  const rules = childrenNamed(rule, NS_MAIN, "formula");
  const f = formulaText(text, rule);
  return rules.length === 1 && f !== undefined && isOverlayFormula(f);
}

function areasOf(sqref: string): RangeRef[] {
  return sqref
    .trim()
    .split(/\s+/)
    .map((a) => parseRange(a))
    .filter((r): r is RangeRef => r !== null);
}

function dxfIdOf(rule: XmlElement): number | undefined {
  const v = attr(rule, "dxfId");
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Our rules on a sheet (a quick text check first: a sheet without our marker is not tokenized). */
export function findOverlayRules(xml: string): OverlayRuleFound[] {
  if (!xml.includes("growth-signals")) return [];
  const { root, text } = skeleton(xml);
  const out: OverlayRuleFound[] = [];
  for (const cf of childrenNamed(root, NS_MAIN, "conditionalFormatting")) {
    const sqref = attr(cf, "sqref") ?? "";
    for (const rule of childrenNamed(cf, NS_MAIN, "cfRule"))
      if (isOurs(text, rule)) out.push({ sqref, areas: areasOf(sqref), dxfId: dxfIdOf(rule) });
  }
  return out;
}

/** Removes our rules from a sheet; the user's rules and every other byte stay. */
export function removeOverlayRules(xml: string): { xml: string; removed: OverlayRuleFound[] } {
  const removed: OverlayRuleFound[] = [];
  if (!xml.includes("growth-signals")) return { xml, removed };
  const { root, text, real } = skeleton(xml);
  const cuts: { start: number; end: number }[] = [];
  for (const cf of childrenNamed(root, NS_MAIN, "conditionalFormatting")) {
    const sqref = attr(cf, "sqref") ?? "";
    const rules = childrenNamed(cf, NS_MAIN, "cfRule");
    const ours = rules.filter((r) => isOurs(text, r));
    if (ours.length === 0) continue;
    for (const r of ours) removed.push({ sqref, areas: areasOf(sqref), dxfId: dxfIdOf(r) });
    if (ours.length === rules.length) cuts.push({ start: real(cf.start), end: real(cf.end) });
    else for (const r of ours) cuts.push({ start: real(r.start), end: real(r.end) });
  }
  let out = xml;
  for (const c of cuts.sort((a, b) => b.start - a.start)) out = out.slice(0, c.start) + out.slice(c.end);
  return { xml: out, removed };
}

/** Every cfRule priority the sheet uses, in its own conditional formats and in extensions (x14). */
function maxPriority(el: XmlElement): number {
  let max = 0;
  const visit = (e: XmlElement): void => {
    if (e.local === "cfRule") {
      const p = Number(attr(e, "priority"));
      if (Number.isFinite(p) && p > max) max = p;
    }
    e.children.forEach(visit);
  };
  visit(el);
  return max;
}

/** A rule to add: its areas and the differential format (dxfs entry) holding its fill. */
export interface OverlayRuleToAdd {
  areas: readonly RangeRef[];
  dxfId: number;
}

/**
 * Adds our rules after the sheet's own conditional formats, in the order given (the first gets the highest
 * precedence of ours), with priorities after every priority the sheet uses.
 */
export function addOverlayRules(xml: string, rules: readonly OverlayRuleToAdd[]): string {
  if (rules.length === 0) return xml;
  const { root, real } = skeleton(xml);
  if (root.uri !== NS_MAIN || root.local !== "worksheet") throw new Error("not a worksheet");
  const before = root.children.filter((c) => c.uri === NS_MAIN && BEFORE_OURS.has(c.local));
  const anchor = before[before.length - 1];
  if (!anchor) throw new Error("worksheet has no sheetData");
  const prefix = prefixFor(root.scope, NS_MAIN);
  // A worksheet whose main namespace is bound only below the root cannot take a new element at this level.
  if (prefix === undefined) throw new Error("worksheet has no SpreadsheetML prefix at its top level");
  const q = (local: string): string => qualify(prefix, local);
  let priority = maxPriority(root);
  const added = rules
    .filter((r) => r.areas.length > 0)
    .map(
      (r) =>
        `<${q("conditionalFormatting")} sqref="${escapeXml(areasRef(r.areas))}">` +
        `<${q("cfRule")} type="expression" dxfId="${r.dxfId}" priority="${++priority}">` +
        `<${q("formula")}>${escapeXml(OVERLAY_FORMULA)}</${q("formula")}></${q("cfRule")}></${q("conditionalFormatting")}>`,
    )
    .join("");
  const at = real(anchor.end);
  return xml.slice(0, at) + added + xml.slice(at);
}
