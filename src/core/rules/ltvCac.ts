/**
 * Red (成本优化): LTV/CAC below `ltvCacMin` for `ltvCacWeeks` consecutive weeks or more (weekly values: see
 * weeks.ts) colours every numeric cell of those weeks.
 */
import { ltvCacReason } from "../i18n/rules";
import { lessThan } from "./compare";
import type { RuleInput } from "./context";
import { forEachRun } from "./runs";
import { weeksOf } from "./weeks";

export function ltvCacLow(input: RuleInput): void {
  const { table, values, config, sink } = input;
  const min = config.ltvCacMin;
  table.series.forEach((s, si) => {
    const w = weeksOf(table, s, values);
    if (w === null) return;
    forEachRun(
      w.count,
      (k) => lessThan(w.value[k], min),
      (k) => w.linked[k] === 1,
      config.ltvCacWeeks,
      (first, last) => {
        const span = { length: last - first + 1, from: w.at(first), to: w.at(last) };
        for (let k = first; k <= last; k++) {
          const reason = ltvCacReason(w.value[k], min, span, w.weeklyMean);
          for (let p = w.start[k]; p < w.end[k]; p++) {
            const v = values[s.rows[p]];
            if (!Number.isNaN(v)) sink.add(input, si, p, "ltv-cac-low", v, min, reason);
          }
        }
      },
    );
  });
}
