/** The visible "Growth Signals" sheet in Excel: buildReport's rows written as values, bold rows, swatches, widths. */
import type { buildReport, RulesConfig, WarningColour } from "../../core";
import { byIndexes, packAddresses, verticalRuns } from "./ranges";

/** Excel column width in points for a width in characters (Calibri 11: 7 px per character + 5 px padding). */
function pointsForChars(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 4) / 4;
}

/** Text goes in with a leading apostrophe so Excel stores it as typed, never as a number, date or formula. */
function asInput(v: string | number | null): string | number {
  if (v === null || v === "") return "";
  return typeof v === "string" ? `'${v}` : v;
}

/** The visible report sheet from buildReport: values as text/numbers, bold rows, swatch fills, column widths. */
export function writeReport(
  ctx: Excel.RequestContext,
  name: string,
  doomed: string[],
  report: ReturnType<typeof buildReport>,
  config: RulesConfig,
): void {
  for (const d of doomed) ctx.workbook.worksheets.getItem(d).delete();
  const ws = ctx.workbook.worksheets.add(name);
  const width = Math.max(1, report.columnWidths.length, ...report.rows.map((r) => r.length));
  const rows = report.rows.length ? report.rows : [[null]];
  const grid = rows.map((r) => Array.from({ length: width }, (_, j) => asInput(r[j] ?? null)));
  byIndexes(ws, { top: 0, left: 0, bottom: grid.length - 1, right: width - 1 }).values = grid;
  const bold = report.boldRows.map((row) => ({ top: row, bottom: row, left: 0, right: width - 1 }));
  for (const a of packAddresses(bold)) ws.getRanges(a).format.font.bold = true;
  const byColour = new Map<WarningColour, { row: number; col: number }[]>();
  for (const f of report.fills) byColour.set(f.colour, [...(byColour.get(f.colour) ?? []), { row: f.row, col: f.col }]);
  for (const [colour, cells] of byColour)
    for (const a of packAddresses(verticalRuns(cells))) ws.getRanges(a).format.fill.color = config.fills[colour];
  report.columnWidths.forEach((w, col) => {
    byIndexes(ws, { top: 0, bottom: 0, left: col, right: col }).format.columnWidth = pointsForChars(w);
  });
  formatForPrint(ws, report, width, rows.length);
}

/** True when Office says the host has the ExcelApi version (no Office global, as in the simulated host: true). */
function supports(version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: Office.RequirementSetSupport } } }).Office;
  return office?.context?.requirements?.isSetSupported?.("ExcelApi", version) ?? true;
}

/** 'My sheet' → "'My sheet'", as a reference names a sheet. */
function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The report as a manager prints it (issue 10 §7), as the CLI writes it: long texts wrapped at the top of their
 * cells, the intro and notes merged across the table with their heights, each weak channel's cells a link to its
 * flagged cells (ExcelApi 1.7), and landscape, one page wide, gridlines, the weak-channel header on every page
 * (ExcelApi 1.9; verticalFitToPages 0 is "as many pages tall as needed", fitToHeight="0" in the file).
 */
function formatForPrint(
  ws: Excel.Worksheet,
  report: ReturnType<typeof buildReport>,
  width: number,
  height: number,
): void {
  const all = byIndexes(ws, { top: 0, left: 0, bottom: height - 1, right: width - 1 });
  all.format.verticalAlignment = "Top";
  for (const c of report.wrapColumns)
    byIndexes(ws, { top: 0, bottom: height - 1, left: c, right: c }).format.wrapText = true;
  for (const span of report.spans) {
    const row = byIndexes(ws, { top: span.row, bottom: span.row, left: 0, right: width - 1 });
    row.merge(false);
    row.format.wrapText = true;
  }
  // one call per height, over every row that has it (a call costs about a kilobyte on the wire)
  const byLines = new Map<number, { top: number; bottom: number; left: number; right: number }[]>();
  report.rowLines.forEach((lines, row) => {
    if (lines > 1) byLines.set(lines, [...(byLines.get(lines) ?? []), { top: row, bottom: row, left: 0, right: 0 }]);
  });
  for (const [lines, cells] of byLines)
    for (const a of packAddresses(cells)) ws.getRanges(a).format.rowHeight = lines * 15;
  if (supports("1.7"))
    for (const l of report.links) {
      const cell = byIndexes(ws, { top: l.row, bottom: l.row, left: l.col, right: l.col });
      const text = report.rows[l.row]?.[l.col];
      cell.hyperlink = {
        documentReference: `${quoteSheet(l.sheet)}!${l.range}`,
        textToDisplay: text === null || text === undefined ? l.range : String(text),
      };
    }
  if (supports("1.9")) {
    const page = ws.pageLayout;
    page.orientation = "Landscape";
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    page.printGridlines = true;
    page.setPrintTitleRows(`$${report.headerRow + 1}:$${report.headerRow + 1}`);
  }
}
