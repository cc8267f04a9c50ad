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
import { atOf } from "./context";
import type { Series } from "./series";

export interface Weeks {
  count: number;
  /** The week's value (NaN: no number that week). */
  value: Float64Array;
  /** 1 when week k is the week right after week k − 1. */
  linked: Uint8Array;
  /** Positions [start, end) of the series in week k. */
  start: Int32Array;
  end: Int32Array;
  /** True when the values are means of daily values. */
  weeklyMean: boolean;
  at(k: number): At;
}

const IDENTITY = new Int32Array(0);

/** `v`: the series' values in its order (see gather). */
export function weeksOf(series: Series, v: Float64Array): Weeks {
  const n = series.rows.length;
  const days = series.days;
  if (series.cadence !== "daily" || days === null) {
    const chain = series.chain;
    if (chain !== null) {
      // weekly data on several weekdays: weeks in chain order (rows 7 days apart next to each other)
      const value = new Float64Array(n);
      const start = new Int32Array(n);
      const end = new Int32Array(n);
      for (let k = 0; k < n; k++) {
        value[k] = v[chain[k]];
        start[k] = chain[k];
        end[k] = chain[k] + 1;
      }
      const linked = series.chainLinked as Uint8Array;
      return { count: n, value, linked, start, end, weeklyMean: false, at: (k) => atOf(series, chain[k]) };
    }
    // one row = one week: positions are weeks
    return {
      count: n,
      value: v,
      linked: series.linked,
      start: IDENTITY,
      end: IDENTITY,
      weeklyMean: false,
      at: (k) => atOf(series, k),
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
    const w = Math.floor((days[p] + 3) / 7); // ISO week index: weeks run Monday–Sunday; 1970-01-01 was a Thursday
    if (count === 0 || w !== weekIndex[count - 1]) {
      if (count > 0) {
        value[count - 1] = numbers > 0 ? sum / numbers : NaN; // weekly mean = Σ values / count of numeric values
        end[count - 1] = p;
      }
      weekIndex[count] = w;
      linked[count] = count > 0 && w - weekIndex[count - 1] === 1 ? 1 : 0;
      start[count] = p;
      count++;
      sum = 0;
      numbers = 0;
    }
    const x = v[p];
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
    at: (k) => ({ kind: "week", monday: mondayOfWeek(weekIndex[k]) }),
  };
}

/** Positions [first, end) of the series that make up week k. */
export function weekStart(w: Weeks, k: number): number {
  return w.start === IDENTITY ? k : w.start[k];
}
export function weekEnd(w: Weeks, k: number): number {
  return w.start === IDENTITY ? k + 1 : w.end[k];
}
