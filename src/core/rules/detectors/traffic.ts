/**
 * Orange (流量下降超30%): traffic below (1 − trafficDropRatio) × the mean of the channel's previous up to
 * `trafficWindow` numeric traffic values, in date order (missing values skipped, earlier drops included).
 * The first numeric value of a channel has nothing to compare with.
 */
import * as format from "../../i18n/format";
import type { Bilingual } from "../../i18n/format";
import * as words from "../../i18n/rules";
import type { At } from "../../i18n/rules";
import { lessThan } from "../compare";
import { atOf, type RuleInput } from "../detector";

const below = lessThan; // a local binding: module imports are getters in bundled code, too slow per row
// Local bindings: imported functions are getters in bundled and tsx-run code, slow when a reason is built per cell.
const formatPercent = format.formatPercent;
const atText = words.atText;
const formatMetric = words.formatMetric;
const plural = words.plural;

export interface TrafficConfig {
  trafficDropRatio: number;
  trafficWindow: number;
}

export function trafficDrop(input: RuleInput<TrafficConfig>): void {
  const { table, column, config, sink } = input;
  const window = config.trafficWindow;
  const keep = 1 - config.trafficDropRatio;
  const ring = new Float64Array(window);
  table.series.forEach((series, seriesIndex) => {
    const n = series.rows.length;
    const values = column.series(series);
    let count = 0; // numeric values seen so far in this channel
    let next = 0; // ring slot for the next value
    for (let position = 0; position < n; position++) {
      const value = values[position];
      if (value !== value) continue; // NaN: missing
      const previous = count < window ? count : window;
      if (previous > 0) {
        // mean of the previous numeric values: μ = Σ ring / count (summed afresh: no drift over a long series)
        let sum = 0;
        for (let j = 0; j < previous; j++) sum += ring[j];
        const mean = sum / previous;
        const limit = keep * mean;
        if (below(value, limit)) {
          const reason = trafficReason(value, mean, previous, config.trafficDropRatio, atOf(series, position));
          sink.add({ series: seriesIndex, position, value, threshold: limit, reason });
        }
      }
      ring[next] = value;
      next = next + 1 === window ? 0 : next + 1;
      count++;
    }
  });
}

/** "Traffic 420 (5 Mar) is 45% below the mean of the previous 7 values (764); limit 30%". */
export function trafficReason(value: number, mean: number, count: number, dropRatio: number, at: At): Bilingual {
  const drop = formatPercent(mean > 0 ? 1 - value / mean : 0, 0);
  const v = formatMetric("traffic", value);
  const m = formatMetric("traffic", mean);
  return {
    en:
      `Traffic ${v} (${atText(at, "en")}) is ${drop} below the mean of the previous ${plural(count, "value")} ` +
      `(${m}); limit ${formatPercent(dropRatio)}`,
    zh: `流量 ${v}（${atText(at, "zh")}）比前 ${count} 期均值 ${m} 下降 ${drop}；阈值 ${formatPercent(dropRatio)}`,
  };
}
