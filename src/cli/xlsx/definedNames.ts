/**
 * Sheet-local defined names in workbook.xml: the report sheet's print titles (`_xlnm.Print_Titles`, the rows
 * repeated at the top of every printed page), and what removing a sheet does to the names of the sheets after it
 * (their localSheetId is the sheet's position in <sheets>, so it moves down by one). Each edit inserts or deletes
 * one element or changes one attribute, so add-then-remove gives back the same bytes (an empty `<definedNames/>`
 * included).
 */
import { isReportMarkerName, REPORT_SHEET_MARKER } from "../../core/overlay";
import { attr, childNamed, childrenNamed, locate, NS_MAIN, qualify, startTagOf } from "./locate";
import type { XlsxPackage } from "./package";
import { escapeXml, getAttr, setAttr } from "./xml";

/** CT_Workbook's children that come before <definedNames>, last first: a new list goes after the first found. */
const BEFORE_DEFINED_NAMES = ["externalReferences", "functionGroups", "sheets"];

/** 'My sheet' → "'My sheet'" (always quoted, quotes doubled), as a formula refers to a sheet. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Repeats rows `first`–`last` (0-based) of the sheet at position `sheetIndex` (named `sheetName`) at the top of
 * every printed page.
 */
export async function addPrintTitles(
  pkg: XlsxPackage,
  sheetIndex: number,
  sheetName: string,
  first: number,
  last: number,
): Promise<void> {
  await addLocalName(pkg, "_xlnm.Print_Titles", sheetIndex, `${quoteSheet(sheetName)}!$${first + 1}:$${last + 1}`);
}

/**
 * Marks the sheet at position `sheetIndex` as our report: a sheet-scoped name (REPORT_SHEET_MARKER) referring to
 * its own A1, which moves with the sheet through renames and reorders (Excel and LibreOffice keep it).
 */
export async function addReportMarker(pkg: XlsxPackage, sheetIndex: number, sheetName: string): Promise<void> {
  await addLocalName(pkg, REPORT_SHEET_MARKER, sheetIndex, `${quoteSheet(sheetName)}!$A$1`, true);
}

/** The positions (in <sheets>) of the sheets that carry our report marker. */
export async function reportMarkerSheets(pkg: XlsxPackage): Promise<number[]> {
  const wb = await pkg.text(pkg.workbookPath);
  if (!wb.includes(REPORT_SHEET_MARKER)) return [];
  const list = childNamed(locate(wb), NS_MAIN, "definedNames");
  if (!list) return [];
  const out = new Set<number>();
  for (const n of childrenNamed(list, NS_MAIN, "definedName")) {
    const id = Number(attr(n, "localSheetId"));
    if (isReportMarkerName(attr(n, "name") ?? "") && Number.isInteger(id) && id >= 0) out.add(id);
  }
  return [...out].sort((a, b) => a - b);
}

/** A sheet-local defined name, appended to the workbook's list (created when there is none). */
async function addLocalName(
  pkg: XlsxPackage,
  name: string,
  sheetIndex: number,
  ref: string,
  hidden = false,
): Promise<void> {
  const wb = await pkg.text(pkg.workbookPath);
  const root = locate(wb);
  const list = childNamed(root, NS_MAIN, "definedNames");
  const prefix = (list ?? root).prefix;
  const el = `<${qualify(prefix, "definedName")} name="${escapeXml(name)}" localSheetId="${sheetIndex}"${hidden ? ' hidden="1"' : ""}>${escapeXml(ref)}</${qualify(prefix, "definedName")}>`;
  let out: string;
  if (list && !list.selfClosing) out = wb.slice(0, list.closeStart) + el + wb.slice(list.closeStart);
  else if (list)
    // `<definedNames/>` (openpyxl) opens as `<definedNames >`: the space tells dropSheetNames to close it again.
    out = `${wb.slice(0, list.start)}${startTagOf(wb, list).slice(0, -2)} >${el}</${list.name}>${wb.slice(list.end)}`;
  else {
    const after = BEFORE_DEFINED_NAMES.map((n) => childNamed(root, NS_MAIN, n)).find((e) => e !== undefined);
    if (!after) throw new Error("workbook.xml has no <sheets> list");
    const q = qualify(prefix, "definedNames");
    out = wb.slice(0, after.end) + `<${q}>${el}</${q}>` + wb.slice(after.end);
  }
  pkg.setText(pkg.workbookPath, out);
}

/**
 * After the sheet at position `sheetIndex` left <sheets>: its local names go, the later sheets' names move down by
 * one, and a <definedNames> list left empty goes too.
 */
export async function dropSheetNames(pkg: XlsxPackage, sheetIndex: number): Promise<void> {
  const wb = await pkg.text(pkg.workbookPath);
  const list = childNamed(locate(wb), NS_MAIN, "definedNames");
  if (!list) return;
  const names = childrenNamed(list, NS_MAIN, "definedName");
  const edits: { start: number; end: number; text: string }[] = [];
  let kept = 0;
  for (const n of names) {
    const tag = startTagOf(wb, n);
    const local = getAttr(tag, "localSheetId");
    const id = local === undefined ? NaN : Number(local);
    if (id === sheetIndex) edits.push({ start: n.start, end: n.end, text: "" });
    else {
      kept++;
      if (id > sheetIndex)
        edits.push({ start: n.start, end: n.openEnd, text: setAttr(tag, "localSheetId", String(id - 1)) });
    }
  }
  if (edits.length === 0) return;
  let out: string;
  const tag = startTagOf(wb, list);
  if (kept === 0 && list.children.length === names.length) {
    // a list Flag opened from `<definedNames/>` closes again; one Flag created goes
    const closed = tag.endsWith(" >") ? `${tag.slice(0, -2)}/>` : "";
    out = wb.slice(0, list.start) + closed + wb.slice(list.end);
  } else {
    out = wb;
    for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  pkg.setText(pkg.workbookPath, out);
}
