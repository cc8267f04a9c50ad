/**
 * Red (红牌预警): repurchase rate falling `repurchaseDeclineWeeks` weeks running. A week is declining when its
 * value is lower than the immediately preceding week's (see weeks.ts for weekly values); a run of that many
 * declining weeks or more colours every numeric cell of those weeks (not the baseline week before them).
 */
import { repurchaseReason } from "../i18n/rules";
import { lessThan } from "./compare";
import type { RuleInput } from "./context";
import { forEachRun, hitBuffer } from "./runs";
import { weekEnd, weeksOf, weekStart } from "./weeks";

const below = lessThan; // a local binding: module imports are getters in bundled code, too slow per row

export function repurchaseDeclining(input: RuleInput): void {
  const { table, column, config, sink } = input;
  const hbuf = { data: new Uint8Array(0) };
  const ones = { data: new Uint8Array(0) };
  table.series.forEach((s, si) => {
    const v = column.series(s);
    const w = weeksOf(s, v);
    const declining = hitBuffer(hbuf, w.count);
    const value = w.value;
    const linked = w.linked;
    declining[0] = 0;
    for (let k = 1; k < w.count; k++) declining[k] = linked[k] === 1 && below(value[k], value[k - 1]) ? 1 : 0;
    // a declining week is by definition right after the week before it: every pair of declining weeks is linked
    const all = hitBuffer(ones, w.count).fill(1, 0, w.count);
    forEachRun(declining, all, w.count, config.repurchaseDeclineWeeks, (first, last) => {
      const span = { length: last - first + 1, from: w.at(first), to: w.at(last) };
      for (let k = first; k <= last; k++) {
        const reason = repurchaseReason(value[k], value[k - 1], w.at(k), span, w.weeklyMean);
        for (let p = weekStart(w, k); p < weekEnd(w, k); p++) {
          if (v[p] === v[p]) sink.add(input, si, p, "repurchase-declining", v[p], value[k - 1], reason);
        }
      }
    });
  });
}
