/**
 * Orange (流量下降超30%): traffic below (1 − trafficDropRatio) × the channel's baseline for that row
 * (trafficBaseline.ts): by default ("auto") the mean of the same weekday over the previous 4 weeks on a daily
 * channel with a real weekly rhythm, else the mean of the previous up to `trafficWindow` numeric values, in date
 * order (missing values skipped, earlier drops left out until a whole window of them makes a new normal). The first
 * numeric value of a channel has nothing to compare with.
 */
import * as format from "../../i18n/format";
import type { Bilingual } from "../../i18n/format";
import * as words from "../../i18n/rules";
import type { At } from "../../i18n/rules";
import { atOf, type RuleInput } from "../detector";
import { SAME_WEEKDAY_WEEKS, trafficBaselines, type TrafficBaselineMode } from "../trafficBaseline";

// Local bindings: imported functions are getters in bundled and tsx-run code, slow when a reason is built per cell.
const formatPercent = format.formatPercent;
const atText = words.atText;
const formatMetric = words.formatMetric;
const plural = words.plural;

export interface TrafficConfig {
  trafficDropRatio: number;
  trafficWindow: number;
  trafficBaseline: string;
}

function modeOf(v: string): TrafficBaselineMode {
  return v === "previous" || v === "sameWeekday" ? v : "auto";
}

export function trafficDrop(input: RuleInput<TrafficConfig>): void {
  const { table, column, config, sink } = input;
  const keep = 1 - config.trafficDropRatio;
  const mode = modeOf(config.trafficBaseline);
  table.series.forEach((series, seriesIndex) => {
    // column.series reuses one buffer: only its first rows.length entries are this series'.
    const values = column.series(series).subarray(0, series.rows.length);
    const daily = series.cadence === "daily";
    const base = trafficBaselines(values, series.days, daily, mode, config.trafficWindow, config.trafficDropRatio);
    for (let position = 0; position < values.length; position++) {
      const value = values[position];
      const mean = base.mean[position];
      // missing, nothing to compare with, or not below (1 − dropRatio) × the baseline (trafficBaselines decides)
      if (base.drop[position] === 0) continue;
      const limit = keep * mean;
      const kind: Baseline =
        base.sameWeekday[position] === 1
          ? { kind: "sameWeekday", count: base.count[position] }
          : { kind: "previous", count: base.count[position], adjusted: base.adjusted[position] === 1 };
      const reason = trafficReason(
        value,
        mean,
        kind,
        config.trafficDropRatio,
        atOf(series, position),
        table.latestYear,
      );
      sink.add({ series: seriesIndex, position, value, threshold: limit, reason, baseline: mean });
    }
  });
}

/** What a traffic value was compared with. */
export type Baseline = { kind: "sameWeekday"; count: number } | { kind: "previous"; count: number; adjusted?: boolean };

const WEEKDAYS_EN = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"];
const WEEKDAYS_ZH = ["周四", "周五", "周六", "周日", "周一", "周二", "周三"];

function baselineText(b: Baseline, at: At, lang: "en" | "zh"): string {
  // Epoch day 0 (1970-01-01) was a Thursday.
  const weekday = at.kind === "day" ? ((at.day % 7) + 7) % 7 : -1;
  if (b.kind === "sameWeekday" && weekday >= 0)
    return lang === "zh"
      ? `近 ${b.count} 个${WEEKDAYS_ZH[weekday]}的均值`
      : `the mean of the last ${b.count} ${WEEKDAYS_EN[weekday]}s`;
  const adjusted = b.kind === "previous" && b.adjusted === true;
  if (lang === "zh") return `${adjusted ? "按星期几调整的" : ""}前 ${b.count} 期均值`;
  return `the ${adjusted ? "weekday-adjusted " : ""}mean of the previous ${plural(b.count, "value")}`;
}

/**
 * "Traffic 4,000 (Mar 7) is 59% below the mean of the last 4 Saturdays (9,850); limit 30%"; `refYear` as in
 * describeRun.
 */
export function trafficReason(
  value: number,
  mean: number,
  baseline: Baseline,
  dropRatio: number,
  at: At,
  refYear: number,
): Bilingual {
  const drop = formatPercent(mean > 0 ? 1 - value / mean : 0, 0);
  const v = formatMetric("traffic", value);
  const m = formatMetric("traffic", mean);
  return {
    en: `Traffic ${v} (${atText(at, "en", refYear)}) is ${drop} below ${baselineText(baseline, at, "en")} (${m}); limit ${formatPercent(dropRatio)}`,
    zh: `流量 ${v}（${atText(at, "zh", refYear)}）比${baselineText(baseline, at, "zh")} ${m} 下降 ${drop}；阈值 ${formatPercent(dropRatio)}`,
  };
}

/** The rule in words, with its baseline. */
export function trafficThreshold(dropRatio: number, window: number, baseline: string): Bilingual {
  const drop = formatPercent(dropRatio);
  const mode = modeOf(baseline);
  if (mode === "previous")
    return {
      en: `Traffic more than ${drop} below the mean of the previous ${plural(window, "value")}`,
      zh: `流量比前 ${window} 期均值下降超过 ${drop}`,
    };
  if (mode === "sameWeekday")
    return {
      en: `Traffic more than ${drop} below the same weekday's mean over the last ${SAME_WEEKDAY_WEEKS} weeks (daily data; else the previous ${plural(window, "value")})`,
      zh: `流量比近 ${SAME_WEEKDAY_WEEKS} 周同一星期几的均值下降超过 ${drop}（日数据；否则对比前 ${window} 期均值）`,
    };
  return {
    en: `Traffic more than ${drop} below its usual level: the same weekday's mean over the last ${SAME_WEEKDAY_WEEKS} weeks on channels with a weekly rhythm, else the mean of the previous ${plural(window, "value")}`,
    zh: `流量比常规水平下降超过 ${drop}：有周规律的渠道对比近 ${SAME_WEEKDAY_WEEKS} 周同一星期几的均值，否则对比前 ${window} 期均值`,
  };
}
