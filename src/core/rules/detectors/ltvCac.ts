/**
 * Red (成本优化): LTV/CAC below `ltvCacMin` for `ltvCacWeeks` consecutive weeks or more (weekly values: see
 * weeks.ts) colours every numeric cell of those weeks.
 */
import * as format from "../../i18n/format";
import type { Bilingual } from "../../i18n/format";
import * as words from "../../i18n/rules";
import type { Span } from "../../i18n/rules";
import { lessThan } from "../compare";
import type { RuleInput } from "../detector";
import { forEachRun, hitBuffer } from "../runs";
import { weeksOf } from "../weeks";

const below = lessThan; // a local binding: module imports are getters in bundled code, too slow per row
// Local bindings: imported functions are getters in bundled and tsx-run code, slow when a reason is built per cell.
const formatNumber = format.formatNumber;
const spanText = words.spanText;

export interface LtvCacConfig {
  ltvCacMin: number;
  ltvCacWeeks: number;
}

export function ltvCacLow(input: RuleInput<LtvCacConfig>): void {
  const { table, column, config, sink } = input;
  const min = config.ltvCacMin;
  const lowScratch = { data: new Uint8Array(0) };
  table.series.forEach((series, seriesIndex) => {
    const values = column.series(series);
    const weeks = weeksOf(series, values);
    const low = hitBuffer(lowScratch, weeks.count);
    for (let week = 0; week < weeks.count; week++) low[week] = below(weeks.value[week], min) ? 1 : 0;
    forEachRun(low, weeks.linked, weeks.count, config.ltvCacWeeks, (first, last) => {
      const span = { length: last - first + 1, from: weeks.at(first), to: weeks.at(last) };
      for (let week = first; week <= last; week++) {
        const reason = ltvCacReason(weeks.value[week], min, span, weeks.weeklyMean, table.latestYear);
        const evidence = { index: week, value: weeks.value[week], at: weeks.at(week), mean: weeks.weeklyMean };
        for (let position = weeks.start[week]; position < weeks.end[week]; position++) {
          const value = values[position];
          if (value === value)
            sink.add({ series: seriesIndex, position, value, threshold: min, reason, week: evidence });
        }
      }
    });
  });
}

/**
 * "LTV/CAC 1.32 < 1.5 for 2 weeks running (Mar 2 – 9)"; on daily data "Weekly mean LTV/CAC …"; `refYear`
 * as in describeRun.
 */
export function ltvCacReason(value: number, min: number, span: Span, weeklyMean: boolean, refYear: number): Bilingual {
  const s = spanText(span, true, refYear);
  const v = `${formatNumber(value)} < ${formatNumber(min)}`;
  return weeklyMean
    ? { en: `Weekly mean LTV/CAC ${v} ${s.en}`, zh: `LTV/CAC 周均值 ${v}，${s.zh}` }
    : { en: `LTV/CAC ${v} ${s.en}`, zh: `LTV/CAC ${v}，${s.zh}` };
}
