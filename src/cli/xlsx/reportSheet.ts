/**
 * The visible "Growth Signals" sheet as a worksheet part: the rows the core report builder produced, with
 * inline strings (so sharedStrings.xml stays untouched), bold header rows, colour swatches and column widths.
 */
import type { WarningColour } from "../../core/colours";
import { columnLetters } from "../../core/a1";
import { escapeXml } from "./xml";
import type { StylesEditor } from "./styles";

/** The shape of core's ReportSheet (src/core/report.ts). */
export interface ReportSheetData {
  rows: (string | number | null)[][];
  fills: { row: number; col: number; colour: WarningColour }[];
  boldRows: number[];
  columnWidths: number[];
}

export function reportSheetXml(
  report: ReportSheetData,
  styles: StylesEditor,
  fills: Record<WarningColour, string>,
): string {
  const bold = new Set(report.boldRows);
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
    const width = Math.max(row.length, ...report.fills.filter((f) => f.row === r).map((f) => f.col + 1));
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      const colour = fillAt.get(`${r}:${c}`);
      const s = bold.has(r) || colour ? styles.reportStyle(bold.has(r), colour ? fills[colour] : undefined) : 0;
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
    if (cells.length) rows.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}
