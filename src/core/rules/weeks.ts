/**
 * Weekly values for the weekly rules (repurchase, LTV/CAC).
 * - Weekly data: each row is a week; a week follows the previous one when dated exactly 7 days later.
 * - Daily data: the mean of the numeric values in each ISO week (Monday to Sunday); a week follows the previous
 *   one when its ISO week is the next (a week without rows breaks the chain; a week without numbers has no mean).
 * - No date column: each row is a period, each following the one before.
 * - Irregular data (not daily, most gaps not 7 days: monthly…): as weekly data, so only rows exactly 7 days
 *   apart follow each other (monthly data forms no runs).
 */
import type { At } from "../i18n/rules";
import { mondayOfWeek } from "../table/dates";
import { atOf } from "./detector";
import type { Series } from "./series";

export interface Weeks {
  count: number;
  /** The week's value (NaN: no number that week). */
  value: Float64Array;
  /** 1 when week k is the week right after week k − 1. */
  linked: Uint8Array;
  /** Positions [start[k], end[k]) of the series (date order) make up week k. */
  start: Int32Array;
  end: Int32Array;
  /** True when the values are means of daily values. */
  weeklyMean: boolean;
  at(k: number): At;
}

/** `values`: the series' values in date order (MetricColumn.series). */
export function weeksOf(series: Series, values: Float64Array): Weeks {
  const n = series.rows.length;
  const days = series.days;
  if (series.cadence !== "daily" || days === null) {
    // one row = one week, in the series' run order (rows 7 days apart next to each other)
    const order = series.order;
    const value = new Float64Array(n);
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    for (let week = 0; week < n; week++) {
      value[week] = values[order[week]];
      start[week] = order[week];
      end[week] = order[week] + 1;
    }
    return {
      count: n,
      value,
      linked: series.linked,
      start,
      end,
      weeklyMean: false,
      at: (week) => atOf(series, order[week]),
    };
  }
  // at most one week per 7 days spanned, plus the two partial weeks at the ends
  const size = n === 0 ? 0 : Math.min(n, Math.floor((days[n - 1] - days[0]) / 7) + 2);
  const value = new Float64Array(size);
  const linked = new Uint8Array(size);
  const start = new Int32Array(size);
  const end = new Int32Array(size);
  const weekIndex = new Float64Array(size);
  let count = 0;
  let sum = 0;
  let numbers = 0;
  for (let p = 0; p < n; p++) {
    const week = Math.floor((days[p] + 3) / 7); // ISO week index: weeks run Monday–Sunday; 1970-01-01 was a Thursday
    if (count === 0 || week !== weekIndex[count - 1]) {
      if (count > 0) {
        value[count - 1] = numbers > 0 ? sum / numbers : NaN; // weekly mean = Σ values / count of numeric values
        end[count - 1] = p;
      }
      weekIndex[count] = week;
      linked[count] = count > 0 && week - weekIndex[count - 1] === 1 ? 1 : 0;
      start[count] = p;
      count++;
      sum = 0;
      numbers = 0;
    }
    const x = values[p];
    if (x === x) {
      sum += x;
      numbers++;
    }
  }
  if (count > 0) {
    value[count - 1] = numbers > 0 ? sum / numbers : NaN;
    end[count - 1] = n;
  }
  return {
    count,
    value,
    linked,
    start,
    end,
    weeklyMean: true,
    at: (week) => ({ kind: "week", monday: mondayOfWeek(weekIndex[week]) }),
  };
}
