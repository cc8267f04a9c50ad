/**
 * Red (红牌预警): repurchase rate falling `repurchaseDeclineWeeks` weeks running. A week is declining when its
 * value is lower than the immediately preceding week's (see weeks.ts for weekly values); a run of that many
 * declining weeks or more colours every numeric cell of those weeks (not the baseline week before them).
 */
import * as format from "../../i18n/format";
import type { Bilingual } from "../../i18n/format";
import * as words from "../../i18n/rules";
import type { At, Span } from "../../i18n/rules";
import { lessThan } from "../compare";
import type { RuleInput } from "../detector";
import { forEachRun, hitBuffer } from "../runs";
import { weeksOf } from "../weeks";

const below = lessThan; // a local binding: module imports are getters in bundled code, too slow per row
// Local bindings: imported functions are getters in bundled and tsx-run code, slow when a reason is built per cell.
const formatPercent = format.formatPercent;
const atText = words.atText;
const spanText = words.spanText;

export interface RepurchaseConfig {
  repurchaseDeclineWeeks: number;
}

export function repurchaseDeclining(input: RuleInput<RepurchaseConfig>): void {
  const { table, column, config, sink } = input;
  const decliningScratch = { data: new Uint8Array(0) };
  const allLinkedScratch = { data: new Uint8Array(0) };
  table.series.forEach((series, seriesIndex) => {
    const values = column.series(series);
    const weeks = weeksOf(series, values);
    const declining = hitBuffer(decliningScratch, weeks.count);
    const weekValue = weeks.value;
    declining[0] = 0;
    for (let week = 1; week < weeks.count; week++) {
      declining[week] = weeks.linked[week] === 1 && below(weekValue[week], weekValue[week - 1]) ? 1 : 0;
    }
    // a declining week is by definition right after the week before it: every pair of declining weeks is linked
    const allLinked = hitBuffer(allLinkedScratch, weeks.count).fill(1, 0, weeks.count);
    forEachRun(declining, allLinked, weeks.count, config.repurchaseDeclineWeeks, (first, last) => {
      const span = { length: last - first + 1, from: weeks.at(first), to: weeks.at(last) };
      for (let week = first; week <= last; week++) {
        const previous = weekValue[week - 1];
        const reason = repurchaseReason(weekValue[week], previous, weeks.at(week), span, weeks.weeklyMean);
        const evidence = { index: week, value: weekValue[week], at: weeks.at(week), mean: weeks.weeklyMean };
        for (let position = weeks.start[week]; position < weeks.end[week]; position++) {
          const value = values[position];
          if (value === value)
            sink.add({ series: seriesIndex, position, value, threshold: previous, reason, week: evidence });
        }
      }
    });
  });
}

/**
 * "Weekly mean repurchase rate 17.1% (week of 9 Mar) < 18% the week before; falling 2 weeks running
 * (weeks of 9–16 Mar)". `weeklyMean` says the value is the mean of a daily table's ISO week.
 */
export function repurchaseReason(value: number, previous: number, at: At, span: Span, weeklyMean: boolean): Bilingual {
  const s = spanText(span, true);
  const v = formatPercent(value);
  const p = formatPercent(previous);
  const before =
    at.kind === "row" ? { en: "the period before", zh: "上一期" } : { en: "the week before", zh: "前一周" };
  const label = weeklyMean
    ? { en: "Weekly mean repurchase rate", zh: "复购率周均值" }
    : { en: "Repurchase rate", zh: "复购率" };
  return {
    en: `${label.en} ${v} (${atText(at, "en")}) < ${p} ${before.en}; falling ${s.en.slice(4)}`,
    zh: `${label.zh} ${v}（${atText(at, "zh")}）低于${before.zh}的 ${p}；${s.zh.replace("连续", "连续下滑")}`,
  };
}
