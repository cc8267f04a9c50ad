/**
 * Orange (橙牌预警): a complaint rate above `complaintRateMax` (default 1%) in any single period.
 */
import * as format from "../../i18n/format";
import type { Bilingual } from "../../i18n/format";
import * as words from "../../i18n/rules";
import type { At } from "../../i18n/rules";
import { greaterThan } from "../compare";
import { atOf, type RuleInput } from "../detector";

const above = greaterThan; // a local binding: module imports are getters in bundled code, too slow per row
// Local bindings: imported functions are getters in bundled and tsx-run code, slow when a reason is built per cell.
const formatPercent = format.formatPercent;
const atText = words.atText;

export interface ComplaintConfig {
  complaintRateMax: number;
}

export function complaintRateHigh(input: RuleInput<ComplaintConfig>): void {
  const { table, column, config, sink } = input;
  const max = config.complaintRateMax;
  table.series.forEach((series, seriesIndex) => {
    const values = column.series(series);
    for (let position = 0; position < series.rows.length; position++) {
      const value = values[position];
      if (above(value, max)) {
        const reason = complaintReason(value, max, atOf(series, position));
        sink.add({ series: seriesIndex, position, value, threshold: max, reason });
      }
    }
  });
}

/** "Complaint rate 1.2% > 1% (5 Mar)". */
export function complaintReason(value: number, max: number, at: At): Bilingual {
  const v = `${formatPercent(value)} > ${formatPercent(max)}`;
  return { en: `Complaint rate ${v} (${atText(at, "en")})`, zh: `投诉率 ${v}（${atText(at, "zh")}）` };
}
