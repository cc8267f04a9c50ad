/**
 * Adding and removing a worksheet in workbook.xml, its relationship, its content type and the sheet list in
 * docProps/app.xml. Every edit inserts or deletes one element, so add-then-remove gives back the same bytes.
 */
import {
  childNamed,
  childrenNamed,
  descendant,
  locate,
  NS_MAIN,
  NS_REL,
  prefixFor,
  qualify,
  startTagOf,
  type XmlElement,
} from "./locate";
import { removeCharts } from "./charts";
import { dropSheetNames } from "./definedNames";
import { CT_WORKSHEET, REL_WORKSHEET, type XlsxPackage } from "./package";
import { escapeXml, getAttr, removeAttr, setAttr, unescapeXml } from "./xml";
import type { ViewRecord } from "../../core/overlayState";

const APP_XML = "docProps/app.xml";
/** Names Excel gives the worksheet heading in app.xml (English and Chinese Excel). */
const WORKSHEET_HEADINGS = new Set(["Worksheets", "工作表"]);

export async function addWorksheet(pkg: XlsxPackage, name: string, xml: string): Promise<string> {
  let n = 1;
  while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
  const path = `xl/worksheets/sheet${n}.xml`;
  pkg.setText(path, xml);
  await pkg.addContentTypeOverride(path, CT_WORKSHEET);
  const rId = await pkg.addRel(pkg.workbookPath, REL_WORKSHEET, path);
  const wb = await pkg.text(pkg.workbookPath);
  const sheets = await pkg.sheets();
  // one past the largest, or the smallest free id when the largest is xsd:unsignedInt's maximum
  const ids = new Set(sheets.map((s) => s.sheetId));
  let sheetId = Math.max(0, ...ids) + 1;
  if (sheetId > 0xffffffff) for (sheetId = 1; ids.has(sheetId);) sheetId++;
  const sheetsEl = childNamed(locate(wb), NS_MAIN, "sheets");
  if (!sheetsEl) throw new Error("workbook.xml has no <sheets> list");
  // The new <sheet> takes the prefixes in scope where it goes: openpyxl and pandas declare xmlns:r on each <sheet>,
  // so a prefix seen elsewhere must not be reused; one is declared on the element when none is in scope there.
  const rPrefix = Object.keys(sheetsEl.scope).find((p) => p !== "" && sheetsEl.scope[p] === NS_REL);
  const rAttr = `${rPrefix ?? "r"}:id`;
  const nsDecl = rPrefix ? "" : ` xmlns:r="${NS_REL}"`;
  const el = `<${qualify(sheetsEl.prefix, "sheet")} name="${escapeXml(name)}" sheetId="${sheetId}" ${rAttr}="${rId}"${nsDecl}/>`;
  const out = sheetsEl.selfClosing
    ? `${wb.slice(0, sheetsEl.start)}${startTagOf(wb, sheetsEl).slice(0, -2).trimEnd()}>${el}</${sheetsEl.name}>${wb.slice(sheetsEl.end)}`
    : wb.slice(0, sheetsEl.closeStart) + el + wb.slice(sheetsEl.closeStart);
  pkg.setText(pkg.workbookPath, out);
  await addAppTitle(pkg, name);
  return path;
}

/** Removes a sheet and its part, with its drawings and their charts (the report's trend charts) and its rels. */
export async function removeWorksheet(pkg: XlsxPackage, name: string): Promise<boolean> {
  const entry = (await pkg.sheets()).find((s) => s.name === name);
  if (!entry) return false;
  const all = await pkg.sheets();
  const index = all.findIndex((s) => s.name === name);
  const original = await pkg.text(pkg.workbookPath);
  // Keep the active and first visible tab inside the shorter sheet list.
  const count = all.length - 1;
  const view = descendant(locate(original), NS_MAIN, "workbookView");
  let tag = view ? startTagOf(original, view) : "";
  for (const attr of ["activeTab", "firstSheet"]) {
    const v = getAttr(tag, attr);
    if (v !== undefined && Number(v) >= count) tag = setAttr(tag, attr, String(Math.max(0, count - 1)));
    else if (v !== undefined && Number(v) > index) tag = setAttr(tag, attr, String(Number(v) - 1));
  }
  // Two splices of the part as read, the later one first (the view comes before <sheets>).
  let wb = original.slice(0, entry.start) + original.slice(entry.end);
  if (view && view.start < entry.start) wb = wb.slice(0, view.start) + tag + wb.slice(view.openEnd);
  pkg.setText(pkg.workbookPath, wb);
  await dropSheetNames(pkg, index);
  if (entry.path) {
    await removeCharts(pkg, entry.path);
    if (pkg.has(entry.path)) pkg.remove(entry.path);
    await pkg.removeContentTypeOverride(entry.path);
    await pkg.removeRelsTo(pkg.workbookPath, entry.path);
  }
  await removeAppTitle(pkg, name);
  return true;
}

/** The first element `local` of a part, located, with its start tag; null when the part has none. */
function firstView(xml: string, local: string): { start: number; end: number; tag: string } | null {
  const el = descendant(locate(xml), NS_MAIN, local);
  return el ? { start: el.start, end: el.openEnd, tag: startTagOf(xml, el) } : null;
}

/**
 * The workbook opens on sheet `name` (issue 19 §6): the workbookView's activeTab names it, the sheet's view is selected
 * and the other sheets' are not (two selected tabs would group them). Only those attributes change (a workbook without
 * a view gets one); what changed is returned for Clear (restoreViews).
 */
export async function openOnSheet(pkg: XlsxPackage, name: string): Promise<ViewRecord[]> {
  const sheets = await pkg.sheets();
  const index = sheets.findIndex((s) => s.name === name);
  const wb = await pkg.text(pkg.workbookPath);
  if (index < 0) return [];
  const records: ViewRecord[] = [];
  const view = firstView(wb, "workbookView");
  if (view) {
    const tag = setAttr(view.tag, "activeTab", String(index));
    if (tag !== view.tag) {
      pkg.setText(pkg.workbookPath, wb.slice(0, view.start) + tag + wb.slice(view.end));
      records.push({ was: view.tag, tag });
    }
  } else {
    // no view at all (openpyxl, some generators): one bookViews before <sheets>, where CT_Workbook has it
    const sheetsEl = childNamed(locate(wb), NS_MAIN, "sheets");
    if (!sheetsEl) return [];
    const views = qualify(sheetsEl.prefix, "bookViews");
    const tag = `<${views}><${qualify(sheetsEl.prefix, "workbookView")} activeTab="${index}"/></${views}>`;
    pkg.setText(pkg.workbookPath, wb.slice(0, sheetsEl.start) + tag + wb.slice(sheetsEl.start));
    records.push({ was: "", tag });
  }
  for (const s of sheets) {
    if (!s.path || !pkg.has(s.path)) continue;
    const xml = await pkg.text(s.path);
    if (s.name !== name && !xml.includes("tabSelected")) continue;
    const sv = firstView(xml, "sheetView");
    if (!sv) continue;
    const selected = getAttr(sv.tag, "tabSelected");
    const next =
      s.name === name
        ? setAttr(sv.tag, "tabSelected", "1")
        : selected === "1" || selected === "true"
          ? removeAttr(sv.tag, "tabSelected")
          : sv.tag;
    if (next === sv.tag) continue;
    pkg.setText(s.path, xml.slice(0, sv.start) + next + xml.slice(sv.end));
    if (s.name !== name) records.push({ sheet: s.name, was: sv.tag, tag: next });
  }
  return records;
}

/** Puts back the view tags openOnSheet changed, each only where it is still as written. */
export async function restoreViews(pkg: XlsxPackage, records: readonly ViewRecord[]): Promise<void> {
  const sheets = await pkg.sheets();
  for (const r of records) {
    const path = r.sheet === undefined ? pkg.workbookPath : sheets.find((s) => s.name === r.sheet)?.path;
    if (!path || !pkg.has(path)) continue;
    const xml = await pkg.text(path);
    if (r.sheet === undefined && r.was === "") {
      // the bookViews the flag added, still as written
      const el = childNamed(locate(xml), NS_MAIN, "bookViews");
      if (el && xml.slice(el.start, el.end) === r.tag) pkg.setText(path, xml.slice(0, el.start) + xml.slice(el.end));
      continue;
    }
    const view = firstView(xml, r.sheet === undefined ? "workbookView" : "sheetView");
    if (view && view.tag === r.tag) pkg.setText(path, xml.slice(0, view.start) + r.was + xml.slice(view.end));
  }
}

const NS_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
const NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

interface AppSheetList {
  xml: string;
  /** The worksheet count's <vt:i4> element. */
  countEl: XmlElement;
  count: number;
  /** The <vt:vector> of TitlesOfParts and the titles inside. */
  vector: XmlElement;
  entries: XmlElement[];
  /** Index of the first worksheet title among the entries. */
  first: number;
}

/** The text content of a simple element (no child elements), unescaped. */
function textContent(xml: string, el: XmlElement): string {
  return el.selfClosing ? "" : unescapeXml(xml.slice(el.openEnd, el.closeStart));
}

/** The worksheet heading of docProps/app.xml (HeadingPairs) and the sheet titles (TitlesOfParts), located. */
async function appSheetList(pkg: XlsxPackage): Promise<AppSheetList | null> {
  if (!pkg.has(APP_XML)) return null;
  const xml = await pkg.text(APP_XML);
  const root = locate(xml);
  const pairs = childNamed(root, NS_EXTENDED, "HeadingPairs");
  const titlesParent = childNamed(root, NS_EXTENDED, "TitlesOfParts");
  const pairsVector = pairs && childNamed(pairs, NS_VT, "vector");
  const vector = titlesParent && childNamed(titlesParent, NS_VT, "vector");
  if (!pairsVector || !vector) return null;
  const variants = childrenNamed(pairsVector, NS_VT, "variant");
  let first = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const label = childNamed(variants[i], NS_VT, "lpstr");
    const countEl = childNamed(variants[i + 1], NS_VT, "i4");
    const count = countEl ? Number(textContent(xml, countEl).trim()) : NaN;
    if (!countEl || !Number.isInteger(count)) return null;
    if (label && WORKSHEET_HEADINGS.has(textContent(xml, label))) {
      return { xml, countEl, count, vector, entries: childrenNamed(vector, NS_VT, "lpstr"), first };
    }
    first += count;
  }
  return null;
}

/** Writes app.xml with the count, the vector's size and one title inserted or removed (splices of the part as read). */
function writeApp(
  pkg: XlsxPackage,
  list: AppSheetList,
  delta: 1 | -1,
  title: { start: number; end: number; text: string },
): void {
  const { xml, vector, countEl } = list;
  const tag = startTagOf(xml, vector);
  const size = getAttr(tag, "size");
  const edits = [
    { start: countEl.openEnd, end: countEl.closeStart, text: String(list.count + delta) },
    {
      start: vector.start,
      end: vector.openEnd,
      text: size === undefined ? tag : setAttr(tag, "size", String(Number(size) + delta)),
    },
    title,
  ].sort((a, b) => b.start - a.start);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  pkg.setText(APP_XML, out);
}

async function addAppTitle(pkg: XlsxPackage, name: string): Promise<void> {
  const list = await appSheetList(pkg);
  if (!list || list.vector.selfClosing || list.countEl.selfClosing) return;
  const at = list.first + list.count;
  const prefix = prefixFor(list.vector.scope, NS_VT);
  if (prefix === undefined) return;
  const q = qualify(prefix, "lpstr");
  const el = `<${q}>${escapeXml(name)}</${q}>`;
  const { entries } = list;
  const insertAt = at < entries.length ? entries[at].start : entries.length ? entries[entries.length - 1].end : -1;
  if (insertAt < 0) return;
  writeApp(pkg, list, 1, { start: insertAt, end: insertAt, text: el });
}

async function removeAppTitle(pkg: XlsxPackage, name: string): Promise<void> {
  const list = await appSheetList(pkg);
  if (!list || list.countEl.selfClosing) return;
  const mine = list.entries
    .slice(list.first, list.first + list.count)
    .filter((e) => textContent(list.xml, e) === name)
    .pop();
  if (!mine) return;
  writeApp(pkg, list, -1, { start: mine.start, end: mine.end, text: "" });
}
