/** The visible "Growth Signals" sheet in Excel: buildReport's rows written as values, bold rows, swatches, widths. */
import { cellAddress, type buildReport, type RulesConfig, type WarningColour } from "../../core";
import { findingCharts, type FindingChartData } from "../../core/rules/findingCharts";
import type { RulesResult, Table } from "../../core/rules/types";
import { byIndexes, packAddresses, quoteSheetName, verticalRuns } from "./ranges";

/** A chart shows at most the last year of values, as the CLI's (src/cli/workbook.ts CHART_VALUES). */
const CHART_VALUES = 366;

/** What each finding's rule compares, for the report's charts: read only for tables with red or orange findings. */
export function chartSeries(
  table: Table,
  result: RulesResult,
  config: RulesConfig,
  dates: { date1904?: boolean },
): FindingChartData[] {
  const charted = result.findings.some((f) => f.colour === "red" || f.colour === "orange");
  return charted ? findingCharts(table, result, config, { ...dates, last: CHART_VALUES }) : [];
}

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
  writeCharts(ws, report, width);
}

/**
 * Where a report's chart data goes: one blank column right of the table, then per chart a column of periods and
 * one per line, header row first. These columns are hidden, so they neither print nor widen the one-page-wide
 * printout, and the charts plot them anyway (plotVisibleOnly false).
 */
export function chartDataColumns(
  report: ReturnType<typeof buildReport>,
  width: number,
): { first: number; count: number } {
  return { first: width + 1, count: report.charts.reduce((n, c) => n + 1 + c.lines.length, 0) };
}

/** The chart data as written: per chart its header row (line names) and one row per period (a gap: empty). */
export function chartData(report: ReturnType<typeof buildReport>): (string | number)[][][] {
  return report.charts.map((c) => [
    ["", ...c.lines.map((l) => l.name)],
    ...c.periods.map((p, i) => [p, ...c.lines.map((l) => l.values[i] ?? "")]),
  ]);
}

/**
 * A native line chart per red and orange weak channel (issue 10 §7, issue 19 §6), as the CLI draws them from core's
 * ReportChart: a series per line (what the rule compares: the metric, the limit dashed, the traffic baseline, the
 * declining weeks with markers), each in its colour, titled "channel · rule (sheet)", over its cells of the report
 * (inside the table's columns). Charts need ExcelApi 1.1; the dash and markers 1.7; plotting hidden data 1.8
 * (without it the data columns stay visible, or the charts would be empty).
 */
function writeCharts(ws: Excel.Worksheet, report: ReturnType<typeof buildReport>, width: number): void {
  if (report.charts.length === 0 || !supports("1.1")) return;
  const { first, count } = chartDataColumns(report, width);
  const hide = supports("1.8");
  let left = first;
  chartData(report).forEach((data, i) => {
    const c = report.charts[i];
    const source = byIndexes(ws, { top: 0, left, bottom: data.length - 1, right: left + c.lines.length });
    left += 1 + c.lines.length;
    source.values = data.map((r) => r.map((v) => asInput(v)));
    const chart = ws.charts.add(Excel.ChartType.line, source, Excel.ChartSeriesBy.columns);
    chart.title.text = c.title;
    c.lines.forEach((l, j) => {
      const series = chart.series.getItemAt(j);
      series.format.line.color = l.colour;
      if (supports("1.7")) {
        series.format.line.lineStyle = l.dash ? Excel.ChartLineStyle.dash : Excel.ChartLineStyle.continuous;
        series.format.line.weight = l.width;
        series.markerStyle = l.markers ? Excel.ChartMarkerStyle.circle : Excel.ChartMarkerStyle.none;
      }
    });
    // Rates are fractions: their axis in percent, as the CLI's chart ("0.0%", ChartAxis.numberFormat is ExcelApi 1.8).
    if (c.percent && hide) chart.axes.valueAxis.numberFormat = "0.0%";
    if (hide) chart.plotVisibleOnly = false;
    chart.setPosition(cellAddress(c.cells.top, c.cells.left), cellAddress(c.cells.bottom, c.cells.right));
  });
  if (hide) byIndexes(ws, { top: 0, left: first, bottom: 0, right: first + count - 1 }).columnHidden = true;
}

/** The edges a box's borders set (Excel.BorderIndex) and their colour, the CLI's thin grey. */
const BOX_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;
const BOX_LINE = "#BFBFBF";

/** True when Office says the host has the ExcelApi version (no Office global, as in the simulated host: true). */
export function supports(version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: Office.RequirementSetSupport } } }).Office;
  return office?.context?.requirements?.isSetSupported?.("ExcelApi", version) ?? true;
}

/**
 * The report as a manager prints it (issue 10 §7), as the CLI writes it: long texts wrapped at the top of their
 * cells, the intro and notes merged across the table with their heights, each weak channel's cells a link to its
 * flagged cells (ExcelApi 1.7), thin lines around the legend's and the table's cells, and landscape, one page wide,
 * no gridlines, the weak-channel header on every page after its own
 * (ExcelApi 1.9; verticalFitToPages 0 is "as many pages tall as needed", fitToHeight="0" in the file), and the
 * trend charts starting a page, two bands a page (manual breaks, Worksheet.horizontalPageBreaks, ExcelApi 1.9).
 */
function formatForPrint(
  ws: Excel.Worksheet,
  report: ReturnType<typeof buildReport>,
  width: number,
  height: number,
): void {
  const all = byIndexes(ws, { top: 0, left: 0, bottom: height - 1, right: width - 1 });
  all.format.verticalAlignment = "Top";
  // Long texts wrap in their column, as the CLI's sheet (src/cli/xlsx/reportSheet.ts): the wrap columns' cells in rows
  // of more than one cell, and every cell of a row taller than a line; a title alone on its row (the report's, the
  // legend's, the charts' heading) runs on over the empty cells to its right instead of wrapping into column A.
  const wrapCols = new Set(report.wrapColumns);
  const wrapped: { row: number; col: number }[] = [];
  report.rows.forEach((row, r) => {
    const tall = (report.rowLines[r] ?? 1) > 1;
    row.forEach((v, c) => {
      if (v !== null && v !== "" && (tall || (wrapCols.has(c) && row.length > 1))) wrapped.push({ row: r, col: c });
    });
  });
  for (const a of packAddresses(verticalRuns(wrapped))) ws.getRanges(a).format.wrapText = true;
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
  // the legend and the table: thin grey lines around every cell, as the CLI's borders (the sheet prints no gridlines)
  for (const box of report.boxes) {
    const borders = byIndexes(ws, box).format.borders;
    for (const edge of BOX_EDGES) {
      const b = borders.getItem(edge);
      b.style = "Continuous";
      b.color = BOX_LINE;
    }
  }
  if (supports("1.7"))
    for (const l of report.links) {
      const cell = byIndexes(ws, { top: l.row, bottom: l.row, left: l.col, right: l.col });
      const text = report.rows[l.row]?.[l.col];
      cell.hyperlink = {
        documentReference: `${quoteSheetName(l.sheet)}!${l.range}`,
        textToDisplay: text === null || text === undefined ? l.range : String(text),
      };
    }
  if (supports("1.9")) {
    const page = ws.pageLayout;
    // the CLI's page setup: Letter for English, A4 for Chinese, landscape, centered
    page.paperSize = report.paper === "a4" ? "A4" : "Letter";
    page.centerHorizontally = true;
    page.orientation = "Landscape";
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    page.printGridlines = false;
    page.setPrintTitleRows(`$${report.headerRow + 1}:$${report.headerRow + 1}`);
    // the trend charts start a page, two bands of charts a page, never cut in two (the CLI's rowBreaks)
    for (const row of report.pageBreaks) ws.horizontalPageBreaks.add(cellAddress(row, 0));
  }
}
