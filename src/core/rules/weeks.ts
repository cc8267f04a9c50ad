/**
 * Weekly values for the weekly rules (repurchase, LTV/CAC).
 * - Weekly data: each row is a week; a week follows the previous one when dated exactly 7 days later.
 * - Daily data: the mean of the numeric values in each ISO week (Monday to Sunday); a week follows the previous
 *   one when its ISO week is the next (a week without rows breaks the chain; a week without numbers has no mean).
 * - No date column: each row is a period, each following the one before.
 * - Irregular data: none (no weekly rule fires).
 */
import type { At } from "../i18n/rules";
import { isoWeekIndex, mondayOfWeek } from "../table/dates";
import { atOf, linkedAt } from "./context";
import type { PreparedTable, Series } from "./series";

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

export function weeksOf(table: PreparedTable, series: Series, values: Float64Array): Weeks | null {
  const rows = series.rows;
  const n = rows.length;
  if (series.cadence === "irregular") return null;
  const value = new Float64Array(n);
  const linked = new Uint8Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const days = table.days;
  if (series.cadence !== "daily" || days === null) {
    for (let p = 0; p < n; p++) {
      value[p] = values[rows[p]];
      linked[p] = linkedAt(table, series, p) ? 1 : 0;
      start[p] = p;
      end[p] = p + 1;
    }
    return { count: n, value, linked, start, end, weeklyMean: false, at: (k) => atOf(table, series, k) };
  }
  const weekIndex = new Float64Array(n);
  let count = 0;
  let sum = 0;
  let numbers = 0;
  for (let p = 0; p < n; p++) {
    const w = isoWeekIndex(days[rows[p]]);
    if (count === 0 || w !== weekIndex[count - 1]) {
      if (count > 0) {
        value[count - 1] = numbers > 0 ? sum / numbers : NaN;
        end[count - 1] = p;
      }
      weekIndex[count] = w;
      linked[count] = count > 0 && w - weekIndex[count - 1] === 1 ? 1 : 0;
      start[count] = p;
      count++;
      sum = 0;
      numbers = 0;
    }
    const v = values[rows[p]];
    if (!Number.isNaN(v)) {
      sum += v;
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
