/**
 * Orange (橙牌预警): a complaint rate above `complaintRateMax` (default 1%) in any single period.
 * `complaintEvidence` "wilson": when the table also has the counts behind the rate (complaints and orders), a
 * period is flagged only when the 95% Wilson score lower bound of complaints ÷ orders is above the limit, so a
 * spike on a small volume is not an alarm (15 of 1,000: [0.91%, 2.46%], not flagged; 30 of 2,000: [1.05%, 2.13%],
 * flagged). Rows without both counts keep the seed's rule, the rate itself.
 */
import * as format from "../../i18n/format";
import type { Bilingual } from "../../i18n/format";
import * as words from "../../i18n/rules";
import type { At } from "../../i18n/rules";
import { wilsonInterval } from "../../stats/wilson";
import { greaterThan } from "../compare";
import { atOf, type RuleInput } from "../detector";

const above = greaterThan; // a local binding: module imports are getters in bundled code, too slow per row
// Local bindings: imported functions are getters in bundled and tsx-run code, slow when a reason is built per cell.
const formatPercent = format.formatPercent;
const formatNumber = format.formatNumber;
const atText = words.atText;

export type ComplaintEvidence = "rate" | "wilson";
export const COMPLAINT_EVIDENCE: readonly ComplaintEvidence[] = ["rate", "wilson"];

export interface ComplaintConfig {
  complaintRateMax: number;
  complaintEvidence: string;
}

export function complaintRateHigh(input: RuleInput<ComplaintConfig>): void {
  const { table, column, config, sink } = input;
  const max = config.complaintRateMax;
  const wilson = config.complaintEvidence === "wilson";
  const complaints = wilson ? (input.counts?.("complaints") ?? null) : null;
  const orders = wilson ? (input.counts?.("orders") ?? null) : null;
  table.series.forEach((series, seriesIndex) => {
    const n = series.rows.length;
    const values = column.series(series);
    // Copies: each column's series() reuses its own buffer, valid until its next call.
    const x = complaints && orders ? complaints.series(series).slice(0, n) : null;
    const total = complaints && orders ? orders.series(series).slice(0, n) : null;
    for (let position = 0; position < n; position++) {
      const value = values[position];
      const k = x ? x[position] : NaN;
      const m = total ? total[position] : NaN;
      if (k === k && m === m && m > 0 && k >= 0 && k <= m) {
        // Wilson evidence: the lower bound of k / m must clear the limit.
        const low = wilsonInterval(k, m)[0];
        if (above(low, max)) {
          const rate = value === value ? value : k / m;
          const reason = complaintWilsonReason(rate, k, m, low, max, atOf(series, position), table.latestYear);
          sink.add({ series: seriesIndex, position, value: rate, threshold: max, reason });
        }
        continue;
      }
      if (above(value, max)) {
        const reason = complaintReason(value, max, atOf(series, position), table.latestYear);
        sink.add({ series: seriesIndex, position, value, threshold: max, reason });
      }
    }
  });
}

/** "Complaint rate 1.2% > 1% (Mar 5)". */
export function complaintReason(value: number, max: number, at: At, refYear: number): Bilingual {
  const v = `${formatPercent(value)} > ${formatPercent(max)}`;
  return {
    en: `Complaint rate ${v} (${atText(at, "en", refYear)})`,
    zh: `投诉率 ${v}（${atText(at, "zh", refYear)}）`,
  };
}

/** "Complaint rate 1.5% (30 of 2,000; 95% lower bound 1.05%) > 1% (Mar 5)". */
export function complaintWilsonReason(
  rate: number,
  k: number,
  m: number,
  low: number,
  max: number,
  at: At,
  refYear: number,
): Bilingual {
  const counts = {
    en: `${formatNumber(k)} of ${formatNumber(m)}`,
    zh: `${formatNumber(m)} 单中 ${formatNumber(k)} 单`,
  };
  return {
    en: `Complaint rate ${formatPercent(rate)} (${counts.en}; 95% lower bound ${formatPercent(low)}) > ${formatPercent(max)} (${atText(at, "en", refYear)})`,
    zh: `投诉率 ${formatPercent(rate)}（${counts.zh}；95% 置信下限 ${formatPercent(low)}）> ${formatPercent(max)}（${atText(at, "zh", refYear)}）`,
  };
}
