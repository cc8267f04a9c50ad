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
}
