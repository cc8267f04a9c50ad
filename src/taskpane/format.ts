/** Plain-text formatting of numbers and cell addresses for the pane (no HTML). Metric values: src/core/i18n. */
import { cellAddress, parseRange } from "../core/a1";
import type { MetricKey } from "../core/rules/types";

export function formatNumber(value: number, locale: string, digits = 4): string {
  if (!Number.isFinite(value)) return "–";
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: digits }).format(value);
}

/** A metric value in the UI locale: rates as percentages ("0.46%"), traffic as a whole number ("10,040"), ratios "1.25". */
export function formatMetricValue(metric: MetricKey, value: number, locale: string): string {
  if (!Number.isFinite(value)) return "–";
  if (metric === "complaintRate" || metric === "repurchaseRate")
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(value);
  if (metric === "traffic") return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function formatPercent(fraction: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(fraction);
}

/**
 * A finding's period span as core writes it (ChannelFinding.periodText: "Mar 11 – 14", "3月11日至14日", the one date
 * style of src/core/i18n/dates.ts), as pieces: the dates, which must not break inside, and the separators between
 * them, where a narrow pane may break the line.
 */
export function periodPieces(text: string): { text: string; keep: boolean }[] {
  return text
    .split(/(\s*[–—]\s*|至)/)
    .filter((p) => p !== "")
    .map((p, i) => ({ text: p, keep: i % 2 === 0 }));
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

/** The number of cells in A1 ranges ("D3:D5", "D8" → 4); an entry that is no address counts as none. */
export function countCells(ranges: readonly string[]): number {
  let n = 0;
  for (const a of ranges) {
    const r = parseRange(a.replace(/^.*!/, ""));
    if (r) n += (r.bottom - r.top + 1) * (r.right - r.left + 1);
  }
  return n;
}

/**
 * A finding's cells in a bounded line (issue 19 §1): the ranges as they are when they fit in `maxChars`
 * ("D3:D5, D8"), else the first and the last cell ("G115 … G195"); `count` is every cell, `complete` says whether
 * `text` names them all.
 */
export function cellsSummary(
  ranges: readonly string[],
  maxChars = 28,
): { text: string; count: number; complete: boolean } {
  const count = countCells(ranges);
  const joined = ranges.join(", ");
  if (ranges.length <= 1 || joined.length <= maxChars) return { text: joined, count, complete: true };
  const first = ranges[0].split(":")[0];
  const last = ranges[ranges.length - 1].split(":").pop() as string;
  return { text: `${first} … ${last}`, count, complete: false };
}

/**
 * A selection's address bounded to about `maxChars` (issue 19 §1): whole areas while they fit, then "…"; `areas`
 * is how many there are in all, `complete` whether the text shows them all.
 */
export function boundedAddress(address: string, maxChars = 40): { text: string; areas: number; complete: boolean } {
  const parts = address.split(",");
  if (address.length <= maxChars) return { text: address, areas: parts.length, complete: true };
  let text = parts[0];
  for (const p of parts.slice(1)) {
    if (text.length + 1 + p.length > maxChars) break;
    text += `,${p}`;
  }
  return { text: `${text},…`, areas: parts.length, complete: false };
}
