/** Plain-text formatting of numbers, rule metrics and cell addresses for the pane (no HTML). */
import { cellAddress, parseRange } from "../core/a1";
import type { MetricKey, RuleId } from "../core/rules/types";

export const RULE_METRIC: Record<RuleId, MetricKey> = {
  "roi-below-benchmark": "roi",
  "complaint-rate-high": "complaintRate",
  "traffic-drop": "traffic",
  "repurchase-declining": "repurchaseRate",
  "ltv-cac-low": "ltvCac",
};

/** Rates as percentages (0.012 → "1.2%"), traffic as a grouped integer, ratios with two decimals. */
export function formatMetric(metric: MetricKey, value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  if (metric === "complaintRate" || metric === "repurchaseRate") {
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(value);
  }
  if (metric === "traffic") return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

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
