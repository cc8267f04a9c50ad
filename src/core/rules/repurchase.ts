/**
 * Red (红牌预警): repurchase rate falling `repurchaseDeclineWeeks` weeks running. A week is declining when its
 * value is lower than the immediately preceding week's (see weeks.ts for weekly values); a run of that many
 * declining weeks or more colours every numeric cell of those weeks (not the baseline week before them).
 */
import { repurchaseReason } from "../i18n/rules";
import { lessThan } from "./compare";
import type { RuleInput } from "./context";
import { forEachRun } from "./runs";
import { weeksOf } from "./weeks";

export function repurchaseDeclining(input: RuleInput): void {
  const { table, values, config, sink } = input;
  table.series.forEach((s, si) => {
    const w = weeksOf(table, s, values);
    if (w === null) return;
    const declining = (k: number) => k > 0 && w.linked[k] === 1 && lessThan(w.value[k], w.value[k - 1]);
    forEachRun(
      w.count,
      declining,
      () => true, // a declining week is by definition right after the week before it
      config.repurchaseDeclineWeeks,
      (first, last) => {
        const span = { length: last - first + 1, from: w.at(first), to: w.at(last) };
        for (let k = first; k <= last; k++) {
          const reason = repurchaseReason(w.value[k], w.value[k - 1], w.at(k), span, w.weeklyMean);
          for (let p = w.start[k]; p < w.end[k]; p++) {
            const v = values[s.rows[p]];
            if (!Number.isNaN(v)) sink.add(input, si, p, "repurchase-declining", v, w.value[k - 1], reason);
          }
        }
      },
    );
  });
}
