/**
 * Adding and removing a worksheet in workbook.xml, its relationship, its content type and the sheet list in
 * docProps/app.xml. Every edit inserts or deletes one element, so add-then-remove gives back the same bytes.
 */
import { childNamed, descendant, locate, NS_MAIN, NS_REL, qualify, startTagOf } from "./locate";
import { CT_WORKSHEET, REL_WORKSHEET, type XlsxPackage } from "./package";
import { escapeXml, findElement, findElements, getAttr, setAttr, startTag } from "./xml";

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
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
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

/** Removes a sheet and its part (its own rels and anything only it used are left: a report sheet has none). */
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
  if (entry.path) {
    if (pkg.has(entry.path)) pkg.remove(entry.path);
    await pkg.removeContentTypeOverride(entry.path);
    await pkg.removeRelsTo(pkg.workbookPath, entry.path);
  }
  await removeAppTitle(pkg, name);
  return true;
}

interface AppSheetList {
  xml: string;
  /** Start/end of the worksheet count's <vt:i4> text and its value. */
  countAt: [number, number];
  count: number;
  /** The <vt:vector> of TitlesOfParts: its element, and the titles inside. */
  titles: { start: number; end: number; text: string };
  entries: { start: number; end: number; text: string }[];
  /** Index of the first worksheet title among the entries. */
  first: number;
}

async function appSheetList(pkg: XlsxPackage): Promise<AppSheetList | null> {
  if (!pkg.has(APP_XML)) return null;
  const xml = await pkg.text(APP_XML);
  const pairs = findElement(xml, "HeadingPairs");
  const titlesParent = findElement(xml, "TitlesOfParts");
  if (!pairs || !titlesParent) return null;
  const variants = findElements(pairs.text, "variant");
  let first = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const label = /<(?:\w+:)?lpstr>([^<]*)</.exec(variants[i].text)?.[1] ?? "";
    const countM = /<(?:\w+:)?i4>(\d+)</.exec(variants[i + 1].text);
    if (!countM) return null;
    if (WORKSHEET_HEADINGS.has(label)) {
      const numStart = pairs.start + variants[i + 1].start + countM.index + countM[0].indexOf(">") + 1;
      const vector = findElement(titlesParent.text, "vector");
      if (!vector) return null;
      const titles = {
        start: titlesParent.start + vector.start,
        end: titlesParent.start + vector.end,
        text: vector.text,
      };
      const entries = findElements(vector.text, "lpstr");
      if (numStart > titles.start) return null;
      return {
        xml,
        countAt: [numStart, numStart + countM[1].length],
        count: Number(countM[1]),
        titles,
        entries,
        first,
      };
    }
    first += Number(countM[1]);
  }
  return null;
}

async function addAppTitle(pkg: XlsxPackage, name: string): Promise<void> {
  const list = await appSheetList(pkg);
  if (!list) return;
  const at = list.first + list.count;
  const prefix = /<(\w+:)lpstr/.exec(list.titles.text)?.[1] ?? "vt:";
  const el = `<${prefix}lpstr>${escapeXml(name)}</${prefix}lpstr>`;
  const insertAt =
    at < list.entries.length
      ? list.entries[at].start
      : list.entries.length
        ? list.entries[list.entries.length - 1].end
        : -1;
  if (insertAt < 0) return;
  let vector = list.titles.text.slice(0, insertAt) + el + list.titles.text.slice(insertAt);
  const size = getAttr(startTag(vector), "size");
  if (size !== undefined) {
    const tag = startTag(vector);
    vector = setAttr(tag, "size", String(Number(size) + 1)) + vector.slice(tag.length);
  }
  writeApp(pkg, list, list.count + 1, vector);
}

async function removeAppTitle(pkg: XlsxPackage, name: string): Promise<void> {
  const list = await appSheetList(pkg);
  if (!list) return;
  const mine = list.entries
    .slice(list.first, list.first + list.count)
    .filter((e) => /<(?:\w+:)?lpstr>([^<]*)</.exec(e.text)?.[1] === escapeXml(name))
    .pop();
  if (!mine) return;
  let vector = list.titles.text.slice(0, mine.start) + list.titles.text.slice(mine.end);
  const size = getAttr(startTag(vector), "size");
  if (size !== undefined) {
    const tag = startTag(vector);
    vector = setAttr(tag, "size", String(Number(size) - 1)) + vector.slice(tag.length);
  }
  writeApp(pkg, list, list.count - 1, vector);
}

function writeApp(pkg: XlsxPackage, list: AppSheetList, count: number, vector: string): void {
  const { xml } = list;
  // The count comes before the titles in app.xml; splice the later edit first.
  const afterTitles = xml.slice(0, list.titles.start) + vector + xml.slice(list.titles.end);
  const out = afterTitles.slice(0, list.countAt[0]) + String(count) + afterTitles.slice(list.countAt[1]);
  pkg.setText(APP_XML, out);
}

/** The sheet names in workbook.xml (for messages). */
export async function sheetNames(pkg: XlsxPackage): Promise<string[]> {
  return (await pkg.sheets()).map((s) => s.name);
}
