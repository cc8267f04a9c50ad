/**
 * Orange (橙牌预警): a complaint rate above `complaintRateMax` (default 1%) in any single period.
 */
import { complaintReason } from "../i18n/rules";
import { greaterThan } from "./compare";
import { atOf, type RuleInput } from "./context";

const above = greaterThan; // a local binding: module imports are getters in bundled code, too slow per row

export function complaintRateHigh(input: RuleInput): void {
  const { table, column, config, sink } = input;
  const max = config.complaintRateMax;
  table.series.forEach((s, si) => {
    const vs = column.series(s);
    for (let p = 0; p < s.rows.length; p++) {
      const v = vs[p];
      if (above(v, max)) sink.add(input, si, p, "complaint-rate-high", v, max, complaintReason(v, max, atOf(s, p)));
    }
  });
}
