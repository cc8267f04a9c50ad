/**
 * Red (成本优化): LTV/CAC below `ltvCacMin` for `ltvCacWeeks` consecutive weeks or more (weekly values: see
 * weeks.ts) colours every numeric cell of those weeks.
 */
import { ltvCacReason } from "../i18n/rules";
import { lessThan } from "./compare";
import type { RuleInput } from "./context";
import { forEachRun, hitBuffer } from "./runs";
import { weekEnd, weeksOf, weekStart } from "./weeks";

const below = lessThan; // a local binding: module imports are getters in bundled code, too slow per row

export function ltvCacLow(input: RuleInput): void {
  const { table, column, config, sink } = input;
  const min = config.ltvCacMin;
  const hbuf = { data: new Uint8Array(0) };
  table.series.forEach((s, si) => {
    const v = column.series(s);
    const w = weeksOf(s, v);
    const low = hitBuffer(hbuf, w.count);
    for (let k = 0; k < w.count; k++) low[k] = below(w.value[k], min) ? 1 : 0;
    forEachRun(low, w.linked, w.count, config.ltvCacWeeks, (first, last) => {
      const span = { length: last - first + 1, from: w.at(first), to: w.at(last) };
      for (let k = first; k <= last; k++) {
        const reason = ltvCacReason(w.value[k], min, span, w.weeklyMean);
        for (let p = weekStart(w, k); p < weekEnd(w, k); p++) {
          if (v[p] === v[p]) sink.add(input, si, p, "ltv-cac-low", v[p], min, reason);
        }
      }
    });
  });
}
