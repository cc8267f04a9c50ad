/**
 * Orange (橙牌预警): a complaint rate above `complaintRateMax` (default 1%) in any single period.
 */
import { complaintReason } from "../i18n/rules";
import { greaterThan } from "./compare";
import { atOf, type RuleInput } from "./context";

export function complaintRateHigh(input: RuleInput): void {
  const { table, values, config, sink } = input;
  const max = config.complaintRateMax;
  table.series.forEach((s, si) => {
    const rows = s.rows;
    for (let p = 0; p < rows.length; p++) {
      const v = values[rows[p]];
      if (greaterThan(v, max)) {
        sink.add(input, si, p, "complaint-rate-high", v, max, complaintReason(v, max, atOf(table, s, p)));
      }
    }
  });
}
