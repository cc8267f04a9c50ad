/**
 * A CSV or text export as a one-sheet .xlsx package in memory, as Excel opens the file: record N of the file is row N
 * of the sheet, values typed (typing.ts) with their number and date formats, text in shared strings, columns wide
 * enough for their values. The package is the shape a loaded .xlsx has (XlsxPackage), so Flag colours it, adds the
 * report sheet and saves the state exactly as for any workbook.
 */
import { columnLetters } from "../../core/a1";
import { escapeXmlText } from "../../core/xml";
import { InputError } from "../errors";
import type { CellValue } from "../../core/rules/types";
import type { SheetGrid } from "../xlsx/sheet";
import { REL_SHARED_STRINGS, REL_STYLES, REL_WORKSHEET, XlsxPackage } from "../xlsx/package";
import { decodeCsv, type CsvEncoding, type EncodingSource } from "./decode";
import { forEachRecord, sniffDelimiter, type Delimiter } from "./parse";
import {
  ColumnEvidence,
  DecimalEvidence,
  numericStart,
  typeCell,
  type ColumnTyping,
  type FileTyping,
  type Typed,
} from "./typing";

/**
 * Characters Papa Parse reads at a time: a chunk's records are all alive at once (about 30 bytes of strings and arrays
 * per character of CSV), so 1 MB chunks keep them near 30 MB where its default 10 MB chunks reach 300 MB.
 */
const CHUNK = 1 << 20;

/** Excel's sheet limits (Excel specifications and limits): rows and columns, and characters in a cell. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_CHARS = 32_767;

/** What was read from the file and how: reported in the summary and in --json. */
export interface CsvSource extends FileTyping {
  encoding: CsvEncoding;
  encodingFrom: EncodingSource;
  delimiter: Delimiter;
  rows: number;
  columns: number;
  /** Comment lines kept as text rows. */
  comments: number;
  /** Cells longer than Excel holds, cut to 32,767 characters. */
  truncatedCells: number;
  /** The file ended inside a quoted field (the rest of the file went into that field, as Excel reads it). */
  unclosedQuote: boolean;
}

export interface CsvWorkbook {
  pkg: XlsxPackage;
  sheet: string;
  /** The sheet's values by part path, exactly as readSheet reads them from the part (FlagOptions.grids). */
  grids: Map<string, SheetGrid>;
  source: CsvSource;
}

/** The sheet's name as Excel names it when it opens a CSV: the file's name, without what a sheet name cannot hold. */
export function sheetNameOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const clean = base
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31);
  return clean.trim() === "" ? "Sheet1" : clean;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Built-in number formats (ECMA-376 Part 1, §18.8.30) the typing uses; the others are custom (164 and up). */
const BUILT_IN_FORMATS: Record<string, number> = { "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

/** Cell formats of the sheet: one cellXfs entry per number format, General first. */
class Formats {
  private readonly ids = new Map<string, number>([["", 0]]);
  private readonly order: string[] = [""];

  xf(format: string): number {
    let i = this.ids.get(format);
    if (i === undefined) {
      i = this.order.length;
      this.ids.set(format, i);
      this.order.push(format);
    }
    return i;
  }

  stylesXml(): string {
    const custom = this.order.filter((f) => f !== "" && BUILT_IN_FORMATS[f] === undefined);
    const idOf = (f: string): number => (f === "" ? 0 : (BUILT_IN_FORMATS[f] ?? 164 + custom.indexOf(f)));
    const numFmts = custom.length
      ? `<numFmts count="${custom.length}">${custom.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeAttr(f)}"/>`).join("")}</numFmts>`
      : "";
    const xfs = this.order
      .map((f) =>
        f === ""
          ? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          : `<xf numFmtId="${idOf(f)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
      )
      .join("");
    return (
      `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">${numFmts}` +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.order.length}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

function escapeAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, "&quot;");
}

/** Text for a <t> element: escaped, characters XML cannot hold written as Excel writes them (_x0001_). */
function cellText(s: string): string {
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
  let out = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|_x[0-9A-Fa-f]{4}_/.test(s)
    ? // "_x" that reads as an escape is escaped itself (ECMA-376 Part 1, §22.9.2.19 ST_Xstring)
      s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_").replace(
        // eslint-disable-next-line no-control-regex
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g,
        (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
      )
    : s;
  out = escapeXmlText(out);
  return /^\s|\s$/.test(s) ? `<t xml:space="preserve">${out}</t>` : `<t>${out}</t>`;
}

/** The display width of text in character widths (an East Asian wide character counts two). */
function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6))
        ? 2
        : 1;
  }
  return w;
}

export interface CsvOptions {
  /** The file name, for messages and the sheet's name. */
  label: string;
  encoding?: CsvEncoding;
}

/** Converts a CSV/TSV/TXT export's bytes into a workbook package; InputError for what cannot be read. */
export function csvToWorkbook(bytes: Uint8Array, options: CsvOptions): CsvWorkbook {
  const { label } = options;
  const decoded = decodeCsv(bytes, label, options.encoding);
  let text = decoded.text;
  if (text.indexOf("\u0000") >= 0 && decoded.source !== "option")
    throw new InputError(
      `${label} is not a text file (it holds NUL bytes); export the report as CSV or .xlsx, or, if it is UTF-16 without a byte-order mark, pass --encoding utf-16le.`,
    );
  if (text.trim() === "") throw new InputError(`${label} is empty: there is no report in it.`);
  // Excel's own directive: a first line "sep=;" names the delimiter and is not part of the sheet
  const sep = /^sep=([,;\t|])(\r\n|\n|\r|$)/.exec(text);
  if (sep) text = text.slice(sep[0].length);
  const delimiter = sep ? (sep[1] as Delimiter) : sniffDelimiter(text);

  // Pass 1: the decimal mark (whole file), each column's date order, the sheet's size. The records are streamed
  // (forEachRecord) and read twice rather than held: a million-row file's records would outweigh the file many times.
  const decimalEvidence = new DecimalEvidence();
  const columnEvidence: ColumnEvidence[] = [];
  let columns = 0;
  let rows = 0;
  let comments = 0;
  const { unclosedQuote } = forEachRecord(
    text,
    delimiter,
    (rec, comment) => {
      rows++;
      if (comment) {
        comments++;
        return;
      }
      if (rec.length > columns) columns = rec.length;
      for (let c = 0; c < rec.length; c++) {
        const v = rec[c];
        if (v.length === 0) continue;
        const t = v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32 ? v.trim() : v;
        if (t.length === 0 || !numericStart(t.charCodeAt(0))) continue; // never a number or a numeric date
        decimalEvidence.add(t);
        (columnEvidence[c] ??= new ColumnEvidence()).add(t);
      }
    },
    CHUNK,
  );
  if (rows > MAX_ROWS)
    throw new InputError(
      `${label} has ${rows.toLocaleString("en-US")} rows; an Excel sheet holds at most ${MAX_ROWS.toLocaleString("en-US")}.`,
    );
  if (columns > MAX_COLUMNS)
    throw new InputError(
      `${label} has ${columns.toLocaleString("en-US")} columns; an Excel sheet holds at most ${MAX_COLUMNS.toLocaleString("en-US")}.`,
    );
  const { decimal, from: decimalFrom } = decimalEvidence.decide(delimiter);
  const plans: ColumnTyping[] = [];
  for (let c = 0; c < columns; c++) plans.push((columnEvidence[c] ?? new ColumnEvidence()).decide(decimal));

  // Pass 2: the sheet XML, shared strings and column widths. Rows are joined 4,096 at a time into flat strings, so
  // the many small pieces of each row are garbage at once instead of a tree held to the end.
  const formats = new Formats();
  const strings = new Map<string, number>();
  const stringList: string[] = [];
  const letters: string[] = [];
  for (let c = 0; c < columns; c++) letters.push(columnLetters(c));
  const widths = new Float64Array(columns);
  const out: Typed = { kind: "empty", num: 0, text: "", bool: false, format: "" };
  const chunks: string[] = [];
  let batch: string[] = [];
  let truncatedCells = 0;
  let row = 0;
  // the values as the worksheet scanner would read them back from this XML (readSheet), so Flag need not parse it
  const gridRows: CellValue[][] = [];
  let maxCol = -1;
  forEachRecord(
    text,
    delimiter,
    (rec, comment) => {
      row++;
      let xml = "";
      const values: CellValue[] = [];
      for (let c = 0; c < rec.length; c++) {
        let v = rec[c];
        if (v.length === 0) continue;
        if (comment) {
          out.kind = "s";
          out.text = v;
          out.format = "";
        } else typeCell(v, decimal, plans[c], out);
        if (out.kind === "empty") continue;
        const ref = letters[c] + row;
        if (out.kind === "s") {
          v = out.text;
          if (v.length > MAX_CELL_CHARS) {
            v = v.slice(0, MAX_CELL_CHARS);
            truncatedCells++;
          }
          let i = strings.get(v);
          if (i === undefined) {
            i = stringList.length;
            strings.set(v, i);
            stringList.push(v);
          }
          xml += `<c r="${ref}" t="s"><v>${i}</v></c>`;
          values[c] = v;
          if (!comment && rec.length > 1) {
            const w = displayWidth(v);
            if (w > widths[c]) widths[c] = w;
          }
        } else if (out.kind === "b") {
          xml += `<c r="${ref}" t="b"><v>${out.bool ? 1 : 0}</v></c>`;
          values[c] = out.bool;
        } else {
          const s = out.format === "" ? 0 : formats.xf(out.format);
          xml += s === 0 ? `<c r="${ref}"><v>${out.num}</v></c>` : `<c r="${ref}" s="${s}"><v>${out.num}</v></c>`;
          values[c] = out.num;
          if (v.length + 1 > widths[c]) widths[c] = v.length + 1;
        }
      }
      if (xml !== "") {
        batch.push(`<row r="${row}">${xml}</row>`);
        gridRows[row - 1] = values;
        if (values.length - 1 > maxCol) maxCol = values.length - 1;
      }
      if (batch.length === 4096) {
        chunks.push(batch.join(""));
        batch = [];
      }
    },
    CHUNK,
  );
  chunks.push(batch.join(""));

  const cols: string[] = [];
  for (let c = 0; c < columns; c++) {
    // Excel's default column is 8.43 characters; a wider value gets a wider column (at most 60), so dates and
    // numbers never show as ####.
    const w = Math.min(60, Math.ceil(widths[c] * 1.1 + 1));
    if (w > 9) cols.push(`<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`);
  }
  const lastRow = rows;
  const dimension = columns > 0 && lastRow > 0 ? `A1:${letters[columns - 1]}${lastRow}` : "A1";
  let sheetXml: string;
  try {
    sheetXml =
      `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="${dimension}"/>` +
      `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      (cols.length ? `<cols>${cols.join("")}</cols>` : "") +
      `<sheetData>${chunks.join("")}</sheetData>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  } catch (e) {
    if (e instanceof RangeError)
      throw new InputError(`${label} is too large to convert in memory; split the export into smaller files.`);
    throw e;
  }
  chunks.length = 0;

  const sheet = sheetNameOf(label);
  const sst =
    `${XML_DECL}<sst xmlns="${NS_MAIN}" count="${stringList.length}" uniqueCount="${stringList.length}">` +
    stringList.map((s) => `<si>${cellText(s)}</si>`).join("") +
    "</sst>";
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      "</Types>",
    "_rels/.rels":
      `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      "</Relationships>",
    "xl/workbook.xml":
      `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews>` +
      `<sheets><sheet name="${escapeAttr(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_WORKSHEET}" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL_STYLES}" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${REL_SHARED_STRINGS}" Target="sharedStrings.xml"/>` +
      "</Relationships>",
    "xl/styles.xml": formats.stylesXml(),
    "xl/sharedStrings.xml": sst,
    "xl/worksheets/sheet1.xml": sheetXml,
  };
  const dayFirstColumns = plans.flatMap((p, c) => (p.dayFirst && (columnEvidence[c]?.slashDates ?? 0) > 0 ? [c] : []));
  const ymdColumns = plans.flatMap((p, c) => (p.ymd8 ? [c] : []));
  return {
    pkg: XlsxPackage.fromParts(parts, "xl/workbook.xml", label),
    sheet,
    grids: new Map([
      [
        "xl/worksheets/sheet1.xml",
        { rows: gridRows, maxCol, rowOffsets: new Map<number, number>(), formulasWithoutValues: new Set<number>() },
      ],
    ]),
    source: {
      encoding: decoded.encoding,
      encodingFrom: decoded.source,
      delimiter,
      decimal,
      decimalFrom,
      dayFirstColumns,
      ymdColumns,
      rows,
      columns,
      comments,
      truncatedCells,
      unclosedQuote,
    },
  };
}
