/**
 * The visible "Growth Signals" sheet as a worksheet part: the rows the core report builder produced, with
 * inline strings (so sharedStrings.xml stays untouched), bold header rows, colour swatches and column widths.
 */
import type { WarningColour } from "../../core/colours";
import { columnLetters } from "../../core/a1";
import { quoteSheet } from "./definedNames";
import { escapeXml } from "./xml";
import type { StylesEditor } from "./styles";

/** The shape of core's ReportSheet (src/core/report.ts). */
export interface ReportSheetData {
  rows: (string | number | null)[][];
  fills: { row: number; col: number; colour: WarningColour }[];
  boldRows: number[];
  columnWidths: number[];
  wrapColumns?: number[];
  spans?: { row: number; lines: number }[];
  rowLines?: number[];
  pageBreaks?: number[];
  paper?: "letter" | "a4";
  boxes?: { top: number; left: number; bottom: number; right: number }[];
  links?: { row: number; col: number; sheet: string; range: string }[];
}

/** Points per line of wrapped 11 pt text (Excel's default row height). */
const LINE_HEIGHT = 15;

/** `drawingRelId`: the sheet's relationship to its drawing (the trend charts), when it has one. */
export function reportSheetXml(
  report: ReportSheetData,
  styles: StylesEditor,
  fills: Record<WarningColour, string>,
  drawingRelId?: string,
): string {
  const bold = new Set(report.boldRows);
  const wrapCols = new Set(report.wrapColumns ?? []);
  const spans = new Map((report.spans ?? []).map((s) => [s.row, s.lines]));
  const lastCol = Math.max(0, report.columnWidths.length - 1);
  const fillAt = new Map(report.fills.map((f) => [`${f.row}:${f.col}`, f.colour]));
  const cols = report.columnWidths
    .map((w, i) =>
      w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>` : "",
    )
    .join("");
  const rows: string[] = [];
  const height = Math.max(report.rows.length, ...report.fills.map((f) => f.row + 1));
  for (let r = 0; r < height; r++) {
    const cells: string[] = [];
    const row = report.rows[r] ?? [];
    const boxes = (report.boxes ?? []).filter((b) => b.top <= r && r <= b.bottom);
    const inBox = (c: number) => boxes.some((b) => b.left <= c && c <= b.right);
    const width = Math.max(
      row.length,
      ...report.fills.filter((f) => f.row === r).map((f) => f.col + 1),
      ...boxes.map((b) => b.right + 1),
    );
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      const colour = fillAt.get(`${r}:${c}`);
      let s = bold.has(r) || colour ? styles.reportStyle(bold.has(r), colour ? fills[colour] : undefined) : 0;
      // long texts wrap inside their column (the evidence, thresholds, actions) or their merged row (intro, notes)
      // (and every cell of a row taller than a line sits at its top)
      const tall = (report.rowLines?.[r] ?? 1) > 1;
      // (a title alone on its row overflows to the right instead: it is not wrapped into column A)
      if (v !== null && (tall || spans.has(r) || (wrapCols.has(c) && row.length > 1))) s = styles.wrapped(s);
      // the legend and the table: a grid of thin lines, empty cells included (the sheet prints no gridlines)
      if (inBox(c)) s = styles.bordered(s);
      if (v === null && !s) continue;
      const ref = `${columnLetters(c)}${r + 1}`;
      const sAttr = s ? ` s="${s}"` : "";
      if (v === null) cells.push(`<c r="${ref}"${sAttr}/>`);
      else if (typeof v === "number" && Number.isFinite(v)) cells.push(`<c r="${ref}"${sAttr}><v>${v}</v></c>`);
      else {
        const text = escapeXml(String(v));
        const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
        cells.push(`<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${text}</t></is></c>`);
      }
    }
    const lines = report.rowLines?.[r] ?? spans.get(r);
    const ht = lines !== undefined && lines > 1 ? ` ht="${lines * LINE_HEIGHT}" customHeight="1"` : "";
    if (cells.length) rows.push(`<row r="${r + 1}"${ht}>${cells.join("")}</row>`);
  }
  // Heights are explicit: neither Excel nor LibreOffice fits a merged row, and LibreOffice fits no row on open.
  const merges = [...spans.keys()]
    .filter((r) => lastCol > 0 && report.rows[r]?.[0] != null)
    .map((r) => `<mergeCell ref="A${r + 1}:${columnLetters(lastCol)}${r + 1}"/>`);
  const links = (report.links ?? []).map(
    (l) =>
      `<hyperlink ref="${columnLetters(l.col)}${l.row + 1}" location="${escapeXml(`${quoteSheet(l.sheet)}!${l.range}`)}"/>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    // Printing (issue 10 §7, issue 19 §6), set explicitly: the paper (Letter for English, A4 for Chinese), landscape,
    // one page wide and as many tall as needed, centered, lines only around the legend's and the table's cells (no
    // gridlines); the table's header row repeats on the pages after it through the workbook's _xlnm.Print_Titles
    // name (definedNames.ts).
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") +
    (links.length ? `<hyperlinks>${links.join("")}</hyperlinks>` : "") +
    '<printOptions horizontalCentered="1"/>' +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${report.paper === "a4" ? 9 : 1}" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    "<headerFooter><oddFooter>&amp;L&amp;A&amp;R&amp;P / &amp;N</oddFooter></headerFooter>" +
    pageBreaksXml(report.pageBreaks ?? []) +
    (drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : "") +
    "</worksheet>"
  );
}

/** Manual page breaks above the given 0-based rows (a brk's id is the 1-based row the break follows). */
function pageBreaksXml(rows: number[]): string {
  if (rows.length === 0) return "";
  const brks = rows.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("");
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${brks}</rowBreaks>`;
}
