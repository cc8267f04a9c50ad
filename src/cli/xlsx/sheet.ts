/**
 * Worksheet XML without a DOM: one pass over <sheetData> reads every cell's value, and a second pass rewrites only
 * the `s` (style) attribute of the cells being coloured or restored.
 *
 * A worksheet can hold a million rows, so this is a hand-written scanner rather than the saxes locator the other
 * parts use (locate.ts), but it reads the same XML: comments, CDATA sections and processing instructions are
 * skipped as markup, a `>` or `<c` inside a quoted attribute value is not a tag, attributes take either quote, and
 * element names are matched by namespace — whatever prefix binds SpreadsheetML (none, `x:`, …), wherever it is
 * declared, including declarations inside sheetData.
 */
import type { CellValue } from "../../core/rules/types";
import { columnIndex } from "../../core/a1";
import { MAX_DEPTH, XmlLimit } from "./limits";
import { MalformedXml, NS_MAIN } from "./locate";
import { unescapeXml } from "./xml";

export interface SheetGrid {
  /** rows[r][c] for 0-based sheet row r and column c; holes are empty cells. */
  rows: CellValue[][];
  /** Highest 0-based column index that holds a cell. */
  maxCol: number;
  /** Offset of each row's <row> tag in the XML that was read (-1: none), so restyling can jump to it. */
  rowOffsets: Map<number, number>;
  /**
   * Cells holding a formula whose result was never stored (`<c><f>C2/D2</f></c>` or an empty `<v>`, as openpyxl and
   * pandas write them): their values are unknown until a spreadsheet program calculates them. Key: cellKey.
   */
  formulasWithoutValues: Set<number>;
}

/** The key of a cell in SheetGrid.formulasWithoutValues (16,384 columns: A…XFD). */
export const cellKey = (row: number, col: number): number => row * 16384 + col;

// ------------------------------------------------------------------ the scanner

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const DQ = 34;
const SQ = 39;
const COLON = 58;

const enum Kind {
  Open,
  SelfClosing,
  Close,
  End,
}

/** The tag last read by nextTag (module state: the scanner is the hot path of a 650,000-cell sheet). */
let kind = Kind.End;
let tagStart = 0;
let nameStart = 0;
let nameEnd = 0;
/** Offset just after the tag's `>`. */
let tagEnd = 0;

/** Reads the next start or end tag at or after `i`, skipping comments, CDATA, PIs and DOCTYPE. */
function nextTag(xml: string, i: number, limit: number): void {
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= limit) {
      kind = Kind.End;
      return;
    }
    const c = xml.charCodeAt(lt + 1);
    if (c === BANG) {
      if (xml.startsWith("<!--", lt)) i = skipPast(xml, "-->", lt + 4);
      else if (xml.startsWith("<![CDATA[", lt)) i = skipPast(xml, "]]>", lt + 9);
      else i = skipPast(xml, ">", lt + 2);
      continue;
    }
    if (c === QMARK) {
      i = skipPast(xml, "?>", lt + 2);
      continue;
    }
    tagStart = lt;
    let j = lt + (c === SLASH ? 2 : 1);
    nameStart = j;
    let ch = xml.charCodeAt(j);
    while (ch > 32 && ch !== GT && ch !== SLASH) ch = xml.charCodeAt(++j);
    nameEnd = j;
    // To the tag's `>`, stepping over quoted attribute values (which may hold `>`).
    while (ch !== GT) {
      if (ch === DQ || ch === SQ) {
        const q = xml.indexOf(ch === DQ ? '"' : "'", j + 1);
        if (q < 0) throw new MalformedXml("unterminated attribute value");
        j = q;
      } else if (Number.isNaN(ch)) throw new MalformedXml("unterminated tag");
      ch = xml.charCodeAt(++j);
    }
    tagEnd = j + 1;
    kind = c === SLASH ? Kind.Close : xml.charCodeAt(j - 1) === SLASH ? Kind.SelfClosing : Kind.Open;
    return;
  }
}

/** The scanner's depth guard (issue 15 §2), as the tree reader's (locate.ts). */
function tooDeep(): XmlLimit {
  return new XmlLimit(`a part nests elements more than ${MAX_DEPTH} deep`);
}

function skipPast(xml: string, end: string, from: number): number {
  const k = xml.indexOf(end, from);
  if (k < 0) throw new MalformedXml(`unterminated ${end}`);
  return k + end.length;
}

/** Offsets of the values of the unprefixed attributes r, t and s of the last tag (-1: absent). */
let rAt = -1;
let rEnd = -1;
let tAt = -1;
let tEnd = -1;
let sAt = -1;
let sEnd = -1;
/** The offset of the whitespace before the `s` attribute (a restore to style 0 removes it). */
let sStart = -1;
/** True when the tag declares a namespace (xmlns or xmlns:…). */
let declares = false;

function readAttrs(xml: string): void {
  rAt = tAt = sAt = -1;
  declares = false;
  let j = nameEnd;
  const end = kind === Kind.SelfClosing ? tagEnd - 2 : tagEnd - 1;
  for (;;) {
    const ws = j;
    let ch = xml.charCodeAt(j);
    while (ch <= 32 && j < end) ch = xml.charCodeAt(++j);
    if (j >= end) return;
    const ns = j;
    while (ch !== 61 && ch > 32) ch = xml.charCodeAt(++j); // to `=`
    const ne = j;
    while (ch !== DQ && ch !== SQ && j < end) ch = xml.charCodeAt(++j);
    if (j >= end) return;
    const q = xml.indexOf(ch === DQ ? '"' : "'", j + 1);
    const vs = j + 1;
    j = q + 1;
    if (ne - ns === 1) {
      const n = xml.charCodeAt(ns);
      if (n === 114) {
        rAt = vs;
        rEnd = q;
      } else if (n === 116) {
        tAt = vs;
        tEnd = q;
      } else if (n === 115) {
        sAt = vs;
        sEnd = q;
        sStart = ws;
      }
    } else if (xml.startsWith("xmlns", ns) && (ne - ns === 5 || xml.charCodeAt(ns + 5) === COLON)) declares = true;
  }
}

/**
 * Which element names are SpreadsheetML's here: the prefixes bound to its namespace ("" when it is the default).
 * Kept per element depth, so a declaration on any element (sheetData, a row, a cell) holds for its content only.
 */
class Names {
  private stack: { depth: number; prefixes: string[] }[] = [];
  prefixes: string[] = [];
  depth = 0;

  constructor(initial: Record<string, string>) {
    this.prefixes = Names.resolve(initial);
  }

  private static resolve(scope: Record<string, string>): string[] {
    return Object.keys(scope).filter((p) => scope[p] === NS_MAIN);
  }

  /** Applies the declarations of the open tag just read (call only when readAttrs saw one). */
  push(xml: string, scopeOf: (xml: string) => Record<string, string>): void {
    const scope = scopeOf(xml);
    this.stack.push({ depth: this.depth, prefixes: this.prefixes });
    const next = new Set(this.prefixes);
    for (const [p, uri] of Object.entries(scope)) {
      if (uri === NS_MAIN) next.add(p);
      else next.delete(p);
    }
    this.prefixes = [...next];
  }

  /** The one prefix bound to SpreadsheetML ("" for the default namespace), or null when there are several or none. */
  get single(): string | null {
    return this.prefixes.length === 1 && this.stack.length === 0 ? this.prefixes[0] : null;
  }

  /** Whether any element inside sheetData declared namespaces (pop has work to do). */
  get scoped(): boolean {
    return this.stack.length > 0;
  }

  /** After a close tag at the current depth. */
  pop(): void {
    const top = this.stack[this.stack.length - 1];
    if (top && top.depth === this.depth) this.prefixes = this.stack.pop()!.prefixes;
  }

  /** Whether the last tag read is SpreadsheetML's element `local`. */
  is(xml: string, local: string): boolean {
    const len = nameEnd - nameStart;
    const prefixes = this.prefixes;
    // The common case, SpreadsheetML as the default namespace and nothing else: one comparison.
    if (prefixes.length === 1 && prefixes[0] === "") return len === local.length && xml.startsWith(local, nameStart);
    for (let i = 0; i < prefixes.length; i++) {
      const p = prefixes[i];
      const at = p ? nameStart + p.length + 1 : nameStart;
      if (
        len === local.length + (p ? p.length + 1 : 0) &&
        xml.startsWith(local, at) &&
        (!p || (xml.charCodeAt(nameStart + p.length) === COLON && xml.startsWith(p, nameStart)))
      )
        return true;
    }
    return false;
  }
}

/**
 * Where the next "xmlns" is at or after the tag just read: attributes are read only for rows and cells, or for a tag
 * that may declare a namespace (found with one indexOf per occurrence, so a sheet without any costs nothing).
 */
let nextDecl = Infinity;
function resetDecl(xml: string, from: number): void {
  const k = xml.indexOf("xmlns", from);
  nextDecl = k < 0 ? Infinity : k;
}
/** True when the tag just read contains "xmlns" (then readAttrs has run and `declares` says whether it declares). */
function tagMayDeclare(xml: string): boolean {
  if (nextDecl < tagStart) resetDecl(xml, tagStart);
  if (nextDecl >= tagEnd) return false;
  resetDecl(xml, tagEnd);
  readAttrs(xml);
  return declares;
}

/** The namespace declarations of the tag just read: prefix → URI ("" the default namespace). */
function declarationsOfTag(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /\sxmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const tag = xml.slice(nameEnd, tagEnd);
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1] ?? ""] = unescapeXml(m[2] ?? m[3] ?? "");
  return out;
}

interface SheetDataSpan {
  /** Offset just after <sheetData>'s start tag (its content ends at the first end tag at depth 0). */
  from: number;
  names: Names;
}

/** Finds <sheetData> (a child of the root) with the namespace scope in force inside it. */
function sheetData(xml: string): SheetDataSpan | null {
  const scope: Record<string, string> = {};
  let depth = 0;
  let i = 0;
  let names: Names | null = null;
  const scopes: { depth: number; saved: Record<string, string> }[] = [];
  for (;;) {
    nextTag(xml, i, xml.length);
    if (kind === Kind.End) return null;
    i = tagEnd;
    if (kind === Kind.Close) {
      depth--;
      const top = scopes[scopes.length - 1];
      if (top && top.depth === depth) Object.assign(scope, scopes.pop()!.saved);
      continue;
    }
    readAttrs(xml);
    if (declares) {
      const d = declarationsOfTag(xml);
      if (kind === Kind.Open) {
        const saved: Record<string, string> = {};
        for (const p of Object.keys(d)) saved[p] = scope[p];
        scopes.push({ depth, saved });
      }
      if (kind === Kind.Open || depth === 0) Object.assign(scope, d);
    }
    if (depth === 1) {
      names = new Names(scope);
      if (names.is(xml, "sheetData")) return kind === Kind.Open ? { from: tagEnd, names } : null;
    }
    if (kind === Kind.Open && ++depth > MAX_DEPTH) throw tooDeep();
  }
}

/** The text content of an element from `from` to its end tag at `to`: entities decoded, CDATA kept, comments dropped. */
function textBetween(xml: string, from: number, to: number): string {
  const raw = xml.slice(from, to);
  if (raw.indexOf("<") < 0) return unescapeXml(raw);
  let out = "";
  let i = 0;
  for (;;) {
    const lt = raw.indexOf("<", i);
    if (lt < 0) return out + unescapeXml(raw.slice(i));
    out += unescapeXml(raw.slice(i, lt));
    if (raw.startsWith("<![CDATA[", lt)) {
      const e = raw.indexOf("]]>", lt + 9);
      out += raw.slice(lt + 9, e);
      i = e + 3;
    } else if (raw.startsWith("<!--", lt)) i = raw.indexOf("-->", lt + 4) + 3;
    else if (raw.startsWith("<?", lt)) i = raw.indexOf("?>", lt + 2) + 2;
    else i = raw.indexOf(">", lt) + 1; // an element inside text: not expected in v/t
  }
}

/** The offset of child element `open` ("<v", "<x:f") in a cell's content, or -1 ("<vm" is not "<v"). */
function childAt(inner: string, open: string): number {
  let k = inner.indexOf(open);
  while (k >= 0) {
    const c = inner.charCodeAt(k + open.length);
    if (c <= 32 || c === GT || c === SLASH) return k;
    k = inner.indexOf(open, k + 1);
  }
  return -1;
}

/** Reads r="B12" from the last tag's attributes: sets refCol/refRow (0-based), false when absent or odd. */
let refCol = -1;
let refRow = -1;
function cellRef(xml: string): boolean {
  if (rAt < 0) return false;
  let i = rAt;
  let col = 0;
  let c = xml.charCodeAt(i);
  while ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    col = col * 26 + ((c & ~32) - 64);
    c = xml.charCodeAt(++i);
  }
  let row = 0;
  while (c >= 48 && c <= 57) {
    row = row * 10 + (c - 48);
    c = xml.charCodeAt(++i);
  }
  if (col === 0 || row === 0 || i !== rEnd) return false;
  if (col > EXCEL_COLUMNS || row > EXCEL_ROWS) throw pastGrid();
  refCol = col - 1;
  refRow = row - 1;
  return true;
}

function rowNumber(xml: string): number {
  if (rAt < 0) return -1;
  const n = Number(xml.slice(rAt, rEnd));
  if (n > EXCEL_ROWS) throw pastGrid();
  return Number.isInteger(n) && n > 0 ? n - 1 : -1;
}

/** Excel's grid (ECMA-376 Part 1, §18.3.1.73 and §18.3.1.4: rows 1…1,048,576, columns A…XFD). */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

/** A row or cell past Excel's grid: not a sheet Excel wrote or would open, and a reader's loops would run on. */
function pastGrid(): XmlLimit {
  return new XmlLimit("a worksheet has a row or column past Excel's grid (1,048,576 rows × 16,384 columns)");
}

function typedValue(type: string | undefined, v: string, sst: readonly string[]): CellValue {
  switch (type) {
    case "s":
      return sst[Number(v)] ?? null;
    case "str":
    case "e":
      return v;
    case "b":
      return v === "1" || v === "true";
    case "d": {
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}${v.includes("T") ? "" : "T00:00:00"}Z`);
      return Number.isNaN(d.getTime()) ? v : d;
    }
    default: {
      if (v === "") return null;
      const n = Number(v);
      return Number.isNaN(n) ? v : n;
    }
  }
}

/** Reads every cell value of a worksheet (numbers stay numbers: dates are Excel serials). */
export function readSheet(xml: string, sst: readonly string[]): SheetGrid {
  const rows: CellValue[][] = [];
  const rowOffsets = new Map<number, number>();
  const formulasWithoutValues = new Set<number>();
  let maxCol = -1;
  const span = sheetData(xml);
  if (!span) return { rows, maxCol, rowOffsets, formulasWithoutValues };
  const { names } = span;
  resetDecl(xml, span.from);
  let row = -1;
  let col = -1;
  let current: CellValue[] = [];
  // Inside a <c>: its type, whether it has <f>, its <v> text, its inline-string text.
  let inCell = false;
  let cellDepth = 0;
  let type: string | undefined;
  let hasF = false;
  let v: string | undefined;
  let inline: string | undefined;
  let rPhDepth = -1;
  let tStart = -1;
  let vStart = -1;
  let jump = true;
  const finishCell = (): void => {
    inCell = false;
    let value: CellValue = null;
    if (type === "inlineStr") value = inline ?? null;
    else if (v !== undefined) value = typedValue(type, v, sst);
    if (hasF && (v === undefined || (v === "" && type !== "str"))) formulasWithoutValues.add(cellKey(row, col));
    if (value !== null && value !== "") {
      current[col] = value;
      if (col > maxCol) maxCol = col;
    }
  };
  let i = span.from;
  for (;;) {
    nextTag(xml, i, xml.length);
    if (kind === Kind.End) break;
    i = tagEnd;
    if (kind === Kind.Close) {
      if (names.depth === 0) break; // </sheetData>
      names.depth--;
      if (inCell) {
        if (names.depth === cellDepth) finishCell();
        else if (vStart >= 0 && names.is(xml, "v")) {
          v = textBetween(xml, vStart, tagStart);
          vStart = -1;
        } else if (tStart >= 0 && names.is(xml, "t")) {
          inline = (inline ?? "") + textBetween(xml, tStart, tagStart);
          tStart = -1;
        } else if (rPhDepth === names.depth) rPhDepth = -1;
      }
      if (names.scoped) names.pop();
      continue;
    }
    if (tagMayDeclare(xml)) {
      jump = false; // offsets cannot be entered mid-scope
      if (kind === Kind.Open) names.push(xml, declarationsOfTag);
    }
    const open = kind === Kind.Open;
    if (inCell) {
      if (names.is(xml, "v")) {
        if (open) vStart = tagEnd;
        else v = "";
      } else if (names.is(xml, "f")) hasF = true;
      else if (names.is(xml, "rPh")) {
        if (open) rPhDepth = names.depth;
      } else if (names.is(xml, "t") && rPhDepth < 0 && type === "inlineStr") {
        if (open) tStart = tagEnd;
        else inline ??= "";
      }
    } else if (names.is(xml, "row")) {
      readAttrs(xml);
      const r = rowNumber(xml);
      row = r >= 0 ? r : row + 1;
      if (row >= EXCEL_ROWS) throw pastGrid();
      col = -1;
      current = rows[row] ?? (rows[row] = []);
      if (!rowOffsets.has(row)) rowOffsets.set(row, tagStart);
    } else if (names.is(xml, "c")) {
      readAttrs(xml);
      if (cellRef(xml)) {
        col = refCol;
        if (refRow !== row) {
          rowOffsets.set(refRow, -1); // a cell outside its <row>: no safe jump for this row
          row = refRow;
          current = rows[row] ?? (rows[row] = []);
        }
      } else if (++col >= EXCEL_COLUMNS) throw pastGrid();
      if (open) {
        inCell = true;
        cellDepth = names.depth;
        type = tAt >= 0 ? xml.slice(tAt, tEnd) : undefined;
        hasF = false;
        v = inline = undefined;
        rPhDepth = tStart = vStart = -1;
        // Fast path for the usual cell, <c …><f>…</f><v>…</v></c> with one SpreadsheetML prefix in force: read its
        // content in one slice. Anything else in it (a comment, CDATA, a PI, a declaration, an inline string) goes
        // through the tag scanner below.
        const p = names.single;
        if (p !== null && type !== "inlineStr") {
          const closeC = p ? `</${p}:c>` : "</c>";
          const close = xml.indexOf(closeC, tagEnd);
          if (close >= 0) {
            const inner = xml.slice(tagEnd, close);
            if (inner.indexOf("<!") < 0 && inner.indexOf("<?") < 0 && inner.indexOf("xmlns") < 0) {
              hasF = childAt(inner, p ? `<${p}:f` : "<f") >= 0;
              const vs = childAt(inner, p ? `<${p}:v` : "<v");
              if (vs >= 0) {
                const gt = inner.indexOf(">", vs);
                v = inner.charCodeAt(gt - 1) === SLASH ? "" : unescapeXml(inner.slice(gt + 1, inner.indexOf("</", gt)));
              }
              finishCell();
              i = close + closeC.length;
              continue;
            }
          }
        }
      }
    }
    if (open && ++names.depth > MAX_DEPTH) throw tooDeep();
  }
  if (!jump) for (const k of rowOffsets.keys()) rowOffsets.set(k, -1);
  return { rows, maxCol, rowOffsets, formulasWithoutValues };
}

/** Returned by a restyle target to write an explicit s="0" (some writers, LibreOffice among them, keep it). */
export const EXPLICIT_XF_0 = -1;

/**
 * Rewrites the style index of the cells in `targets` (A1 address → function of the current style index and
 * whether the cell carries an `s` attribute, returning the new index; 0 removes the attribute, as Excel omits
 * s="0", and EXPLICIT_XF_0 writes s="0"). Returns the new XML and the addresses found. Every other byte of the
 * part is kept, the attribute's quote character included.
 */
export function restyleCells(
  xml: string,
  targets: ReadonlyMap<string, (currentXf: number, explicit: boolean) => number>,
  rowOffsets?: ReadonlyMap<number, number>,
): { xml: string; found: Set<string> } {
  const found = new Set<string>();
  if (targets.size === 0) return { xml, found };
  // Looked up by number for every cell visited: no address string is built for cells that are not targets.
  const byKey = new Map<number, { address: string; fn: (currentXf: number, explicit: boolean) => number }>();
  for (const [address, fn] of targets) {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(address);
    if (m) byKey.set(cellKey(Number(m[2]) - 1, columnIndex(m[1])), { address, fn });
  }
  const span = sheetData(xml);
  if (!span) return { xml, found };
  const { names } = span;
  // With the row offsets from readSheet, visit only the rows that hold targets; otherwise scan every row.
  // Each span starts at a row whose 0-based index is known (-1: before the first row), for rows without r=.
  let spans: [number, number][] = [[span.from, -1]];
  if (rowOffsets) {
    const rows = new Map<number, number>();
    let jump = true;
    for (const address of targets.keys()) {
      const row = Number(/\d+$/.exec(address)?.[0] ?? 0) - 1;
      const off = rowOffsets.get(row);
      if (off === undefined || off < 0) jump = false;
      else rows.set(off, row);
    }
    if (jump) spans = [...rows].sort((a, b) => a[0] - b[0]);
  }
  const parts: string[] = [];
  let copied = 0;
  let row = -1;
  let col = -1;
  resetDecl(xml, spans[0][0]);
  for (const [from, spanRow] of spans) {
    let i = from;
    if (spanRow >= 0) row = spanRow - 1;
    const baseDepth = names.depth;
    for (;;) {
      nextTag(xml, i, xml.length);
      if (kind === Kind.End) break;
      i = tagEnd;
      if (kind === Kind.Close) {
        if (names.depth === baseDepth) break; // </sheetData>
        names.depth--;
        if (names.scoped) names.pop();
        if (spanRow >= 0 && names.depth === baseDepth) break; // the end of the jumped-to row
        continue;
      }
      if (tagMayDeclare(xml) && kind === Kind.Open) names.push(xml, declarationsOfTag);
      if (kind === Kind.Open && ++names.depth > MAX_DEPTH) throw tooDeep();
      if (names.depth > baseDepth + (kind === Kind.Open ? 2 : 1)) continue; // inside a cell
      if (names.is(xml, "row")) {
        readAttrs(xml);
        const r = rowNumber(xml);
        row = r >= 0 ? r : row + 1;
        col = -1;
        if (kind === Kind.SelfClosing && spanRow >= 0 && names.depth === baseDepth) break;
        continue;
      }
      if (!names.is(xml, "c")) continue;
      readAttrs(xml);
      if (cellRef(xml)) {
        col = refCol;
        row = refRow;
      } else col++;
      const target = byKey.get(cellKey(row, col));
      if (!target) continue;
      const { address, fn } = target;
      found.add(address);
      const explicit = sAt >= 0;
      const result = fn(explicit ? Number(xml.slice(sAt, sEnd)) : 0, explicit);
      const next = result === EXPLICIT_XF_0 ? 0 : result;
      if (explicit) {
        if (result !== 0) {
          if (xml.slice(sAt, sEnd) === String(next)) continue;
          parts.push(xml.slice(copied, sAt), String(next));
          copied = sEnd;
        } else {
          parts.push(xml.slice(copied, sStart));
          copied = sEnd + 1;
        }
      } else if (result !== 0) {
        const at = kind === Kind.SelfClosing ? tagEnd - 2 : tagEnd - 1;
        // Before `/>` or `>`, after any whitespace that ends the attribute list.
        let k = at;
        while (k > nameEnd && xml.charCodeAt(k - 1) <= 32) k--;
        parts.push(xml.slice(copied, k), ` s="${next}"`);
        copied = k;
      }
    }
    names.depth = baseDepth;
  }
  parts.push(xml.slice(copied));
  return { xml: parts.join(""), found };
}

/** Every style index a worksheet references (<c s>, <row s>, <col style>): an over-approximation is safe. */
export function referencedStyles(xml: string, into: Set<number>): void {
  const re = /\s(?:s|style)\s*=\s*["'](\d+)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) into.add(Number(m[1]));
}

/**
 * The shared-string table (xl/sharedStrings.xml) with the same scanner: the plain text of each <si>, rich-text runs
 * joined, phonetic runs (<rPh>) dropped, CDATA kept as text, comments ignored, SpreadsheetML matched by namespace.
 */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  // The root element and the scope its declarations make.
  nextTag(xml, 0, xml.length);
  const rootKind: Kind = kind;
  if (rootKind !== Kind.Open) return out;
  let i = tagEnd;
  readAttrs(xml);
  const names = new Names(declares ? declarationsOfTag(xml) : {});
  resetDecl(xml, i);
  let text: string | null = null;
  let rPhDepth = -1;
  let tStart = -1;
  for (;;) {
    nextTag(xml, i, xml.length);
    if (kind === Kind.End) break;
    i = tagEnd;
    if (kind === Kind.Close) {
      if (names.depth === 0) break; // </sst>
      names.depth--;
      if (names.depth === 0 && text !== null && names.is(xml, "si")) {
        out.push(text);
        text = null;
      } else if (tStart >= 0 && names.is(xml, "t")) {
        text = (text ?? "") + textBetween(xml, tStart, tagStart);
        tStart = -1;
      } else if (rPhDepth === names.depth) rPhDepth = -1;
      if (names.scoped) names.pop();
      continue;
    }
    if (tagMayDeclare(xml) && kind === Kind.Open) names.push(xml, declarationsOfTag);
    const open = kind === Kind.Open;
    if (names.depth === 0) {
      if (names.is(xml, "si")) {
        if (open) text = "";
        else out.push("");
      }
    } else if (text !== null && rPhDepth < 0) {
      if (names.is(xml, "rPh")) {
        if (open) rPhDepth = names.depth;
      } else if (open && names.is(xml, "t")) tStart = tagEnd;
    }
    if (open && ++names.depth > MAX_DEPTH) throw tooDeep();
  }
  return out;
}

/**
 * Where <sheetData>'s content lies: from just after its start tag to the `<` of its end tag (the rows), so the rest
 * of a worksheet can be located without tokenizing a million cells; null when the sheet has no open <sheetData>.
 */
export function sheetDataContent(xml: string): { from: number; to: number } | null {
  const span = sheetData(xml);
  if (!span) return null;
  let depth = 0;
  let i = span.from;
  for (;;) {
    nextTag(xml, i, xml.length);
    if (kind === Kind.End) return null;
    i = tagEnd;
    if (kind === Kind.Close) {
      if (depth === 0) return { from: span.from, to: tagStart };
      depth--;
    } else if (kind === Kind.Open) depth++;
  }
}
