/**
 * The parts of an .xlsx package that Flag and Clear read and edit besides the worksheets: the workbook part (date
 * system, a damaged-file check), shared strings, and the stylesheet, created when missing and put back exactly as it
 * was once nothing Growth Signals added is left in it.
 */
import { InputError } from "./errors";
import { parseThemeColours } from "./xlsx/colours";
import { EXTENSION_OF_CONTENT_TYPE, REL_SHARED_STRINGS, REL_STYLES, REL_THEME, XlsxPackage } from "./xlsx/package";
import { parseSharedStrings } from "./xlsx/sharedStrings";
import { findStateParts } from "./xlsx/statePart";
import { attr, childNamed, locate, NS_MAIN, startTagOf } from "./xlsx/locate";
import { StylesEditor } from "./xlsx/styles";
import { XmlLimit } from "./xlsx/limits";

export interface Workbook {
  pkg: XlsxPackage;
  stylesPath: string;
  /** The styles part as read, before an empty stylesheet got its default entries. */
  stylesOriginal?: string;
  theme: string[];
  sst: string[] | null;
  sstPath: string | null;
  /** workbookPr/@date1904: serials count from 1904-01-01 (Mac Excel "1", LibreOffice "true"). */
  date1904: boolean;
}

/**
 * The smallest stylesheet Excel reads as the default look: one font, the two fills the format reserves (none,
 * gray125), one border, one cell-style xf and one cell xf (ECMA-376 Part 1, §18.8; what Excel writes for a new book).
 */
const MINIMAL_STYLES_BODY =
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>';
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">${MINIMAL_STYLES_BODY}</styleSheet>`;

/**
 * Writes the edited stylesheet. What Flag only added to make the part usable goes again once nothing else is left:
 * an empty stylesheet gets its original bytes back, and a stylesheet Flag created is removed with its relationship
 * and content type, so Clear gives back every part as it was.
 */
export async function writeStyles(wb: Workbook, styles: StylesEditor): Promise<void> {
  if (!styles.changed) return;
  let xml = styles.toXml();
  const original = wb.stylesOriginal;
  if (original !== undefined && xml === completeStylesheet(original)) xml = original;
  else if ((await findStateParts(wb.pkg)).length === 0) {
    // Clear: the part is back to what Flag made it; undo what Flag added to make it usable.
    if (xml === MINIMAL_STYLES) {
      wb.pkg.remove(wb.stylesPath);
      await wb.pkg.removeContentTypeOverride(wb.stylesPath);
      await wb.pkg.removeRelsTo(wb.pkg.workbookPath, wb.stylesPath);
      return;
    }
    xml = uncompleteStylesheet(xml);
  }
  wb.pkg.setText(wb.stylesPath, xml);
}

/** The inverse of completeStylesheet: the default entries it inserted, taken out again (exact bytes only). */
function uncompleteStylesheet(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?styleSheet\b[^>]*>/.exec(xml);
  if (!root) return xml;
  const prefix = root[1] ?? "";
  const body = MINIMAL_STYLES_BODY.replace(/<(\/?)([a-zA-Z])/g, `<$1${prefix}$2`);
  const at = root.index + root[0].length;
  if (!xml.startsWith(body, at)) return xml;
  const rest = xml.slice(at + body.length);
  const close = `</${prefix}styleSheet>`;
  if (rest.startsWith(close)) return xml.slice(0, root.index) + root[0].replace(/>$/, "/>") + rest.slice(close.length);
  return xml.slice(0, at) + rest;
}

/** styles.xml is optional: a workbook without one gets the minimal stylesheet, its relationship and content type. */
async function ensureStylesPart(pkg: XlsxPackage): Promise<string> {
  const existing = await pkg.workbookPart(REL_STYLES);
  if (existing && pkg.has(existing)) return existing;
  const path = existing ?? "xl/styles.xml";
  pkg.setText(path, MINIMAL_STYLES);
  await pkg.addContentTypeOverride(path, CT_STYLES);
  if (!existing) await pkg.addRel(pkg.workbookPath, REL_STYLES, path);
  return path;
}

/** An empty stylesheet (`<styleSheet/>`, or one without cellXfs) gets the default entries, keeping its root tag. */
function completeStylesheet(xml: string): string {
  const root = locate(xml);
  if (root.uri !== NS_MAIN || childNamed(root, NS_MAIN, "cellXfs")) return xml;
  const prefix = root.prefix ? `${root.prefix}:` : "";
  const body = MINIMAL_STYLES_BODY.replace(/<(\/?)([a-zA-Z])/g, `<$1${prefix}$2`);
  if (root.selfClosing) {
    const open = startTagOf(xml, root).replace(/\s*\/>$/, ">");
    return xml.slice(0, root.start) + open + body + `</${root.name}>` + xml.slice(root.end);
  }
  return xml.slice(0, root.openEnd) + body + xml.slice(root.openEnd);
}

export async function openWorkbook(
  data: Uint8Array | XlsxPackage,
  label: string,
  outputExtension?: string,
): Promise<Workbook> {
  const pkg = data instanceof XlsxPackage ? data : await XlsxPackage.load(data, label);
  if (!isWholePart(await pkg.text(pkg.workbookPath), "workbook"))
    throw new InputError(`${label} is a damaged .xlsx workbook (its workbook part cannot be read).`);
  if (!pkg.has("[Content_Types].xml") || !isWholePart(await pkg.text("[Content_Types].xml"), "Types"))
    throw new InputError(`${label} is a damaged .xlsx workbook (its content types cannot be read).`);
  if (outputExtension !== undefined) {
    const want = EXTENSION_OF_CONTENT_TYPE[(await pkg.contentType(pkg.workbookPath)) ?? ""];
    if (want && want !== outputExtension.toLowerCase())
      throw new InputError(
        `${label} is a ${want} workbook; name the output ${want} too (Excel will not open it as ${outputExtension || "a file without an extension"}).`,
      );
  }
  const stylesPath = (await pkg.workbookPart(REL_STYLES)) ?? "";
  const themePath = await pkg.workbookPart(REL_THEME);
  const theme = themePath && pkg.has(themePath) ? parseThemeColours(await pkg.text(themePath)) : [];
  const sstPath = await pkg.workbookPart(REL_SHARED_STRINGS);
  const date1904 = usesDate1904(await pkg.text(pkg.workbookPath));
  return { pkg, stylesPath, theme, sst: null, sstPath: sstPath && pkg.has(sstPath) ? sstPath : null, date1904 };
}

/** The workbook's date system: `<workbookPr date1904="1"/>` (or "true", xsd:boolean) is the 1904 system. */
export function usesDate1904(workbookXml: string): boolean {
  const pr = childNamed(locate(workbookXml), NS_MAIN, "workbookPr");
  const v = pr ? attr(pr, "date1904") : undefined;
  return v !== undefined && (v.trim() === "1" || v.trim() === "true");
}

/**
 * True when a part ends with the closing tag of its root element (`</worksheet>`, `</x:sst>`…): a cheap check that
 * catches a part cut off by a broken download or copy, which the lenient readers would otherwise read as empty.
 */
export function isWholePart(xml: string, root: string): boolean {
  const tail = xml.slice(-512);
  // A self-closing root (`<sst …/>`, Excel's shared strings of a book with no text) is whole too.
  return (
    new RegExp(`</([A-Za-z_][\\w.-]*:)?${root}>\\s*$`).test(tail) ||
    new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}(\\s[^<>]*)?/>\\s*$`).test(tail)
  );
}

export async function sharedStrings(wb: Workbook, label: string): Promise<string[]> {
  if (!wb.sst) {
    const xml = wb.sstPath ? await wb.pkg.text(wb.sstPath) : null;
    if (xml !== null && !isWholePart(xml, "sst"))
      throw new InputError(`${label} is a damaged .xlsx workbook (its shared strings cannot be read).`);
    wb.sst = xml === null ? [] : parseSharedStrings(xml);
  }
  return wb.sst;
}

export async function stylesEditor(wb: Workbook, label: string): Promise<StylesEditor> {
  try {
    // Created only when a cell is about to be styled, so a clear of an unflagged workbook changes nothing.
    if (!wb.stylesPath || !wb.pkg.has(wb.stylesPath)) wb.stylesPath = await ensureStylesPart(wb.pkg);
    const xml = await wb.pkg.text(wb.stylesPath);
    wb.stylesOriginal = xml;
    const complete = completeStylesheet(xml);
    // Only a stylesheet that lacked the entries is rewritten; a complete one keeps its bytes until it is edited.
    return new StylesEditor(complete, wb.theme);
  } catch (e) {
    if (e instanceof XmlLimit) throw e;
    throw new InputError(`${label} is a damaged .xlsx workbook (its styles part cannot be read).`);
  }
}
