/** Plain-text formatting of numbers and cell addresses for the pane (no HTML). Metric values: src/core/i18n. */
import { cellAddress, parseRange } from "../core/a1";

export function formatNumber(value: number, locale: string, digits = 4): string {
  if (!Number.isFinite(value)) return "–";
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: digits }).format(value);
}

/**
 * The sheet addresses of a finding's cells: data row r of the table at `tableAddress` (header first) is
 * sheet row top + 1 + r. Consecutive rows are merged into one area ("E5:E8").
 */
export function findingAddresses(tableAddress: string, rows: number[], col: number): string[] {
  const range = parseRange(tableAddress);
  if (!range) return [];
  const c = range.left + col;
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  let start = -1;
  let prev = -2;
  const flush = () => {
    if (start < 0) return;
    const a = cellAddress(range.top + 1 + start, c);
    out.push(start === prev ? a : `${a}:${cellAddress(range.top + 1 + prev, c)}`);
  };
  for (const r of sorted) {
    if (r !== prev + 1) {
      flush();
      start = r;
    }
    prev = r;
  }
  flush();
  return out;
}
