/**
 * Rows grouped by channel and ordered by date: the shape every rule walks.
 *
 * - Channel names are trimmed and compared case-insensitively; a group shows the first spelling seen. A blank
 *   channel cell continues the channel of the row above (merged cells read that way). Totals rows ("Total: Account",
 *   "合计"… in the channel or date column, or the first cell: table/totals.ts) are skipped and listed in
 *   `totalRows`. No channel column → one group named "".
 * - With a date column, rows without a readable date are skipped; each group is sorted by date (stable).
 * - Cadence: "daily" when the most common gap between a group's consecutive dates is 1 day (a tie with another
 *   gap counts as daily), otherwise weekly: one row per week, consecutive when exactly 7 days apart. Weekly data
 *   whose most common gap is not 7 days (monthly…) is "irregular": read as weekly (so monthly data forms no runs,
 *   and weeks 7 days apart still do when other weeks are missing), and the engine warns that the run rules need
 *   daily or weekly data. Repeated dates (gap 0) are not a cadence and are not counted.
 *   No date column → "rows": row order, every row consecutive with the one before.
 */
import type { CellValue, ColumnMapping, Table } from "../table/types";
import { parseDayColumn, type DayColumnInfo } from "../table/dates";
import { isTotalLabel } from "../table/totals";
import { yearOfDay } from "../i18n/dates";

export type Cadence = "daily" | "weekly" | "irregular" | "rows";

export interface Series {
  /** Display name: the first spelling seen, trimmed. */
  channel: string;
  /** Data-row indexes in date order; a position p is an index into this array. */
  rows: Int32Array;
  /** Epoch day of each position (same order as `rows`), or null without a date column. */
  days: Float64Array | null;
  cadence: Cadence;
  /** Days between consecutive periods: 1 (daily), 7 (weekly and irregular); 0 without a date column. */
  step: number;
  /**
   * The positions in the order the run rules walk them, so that consecutive periods sit next to each other: date
   * order, except weekly or irregular data on more than one weekday (e.g. 1, 8, 14, 15 Jan), where a week's
   * predecessor is the row dated exactly 7 days earlier: there positions are listed by weekday, then date.
   */
  order: Int32Array;
  /** 1 when order[k] is the period right after order[k − 1] (exactly `step` days later; always, without dates). */
  linked: Uint8Array;
}

export interface PreparedTable {
  series: Series[];
  /** Epoch day per data row (NaN: none), or null when the table has no date column. */
  days: Float64Array | null;
  /** Per data row: 1 when a rule may look at it. */
  included: Uint8Array;
  skippedRows: number;
  /** Data rows left out as totals rows (also counted in skippedRows). */
  totalRows: number[];
  /** Labels without a year in the date column ("1月5日", "第2周"): how many, and the year given. */
  yearless: DayColumnInfo;
  /**
   * The year of the latest date a rule looks at (NaN without dates): dates of that year are written without it
   * ("Mar 22"), others with it ("Dec 29, 2025"); see i18n/dates.ts.
   */
  latestYear: number;
}

const BLANK = -2;
const TOTAL = -3;

export function prepareTable(
  table: Table,
  mapping: ColumnMapping,
  dates: { date1904?: boolean; year?: number } = {},
): PreparedTable {
  const yearless: DayColumnInfo = { yearless: 0 };
  const rows = table.rows;
  const n = rows.length;
  const dateCol = mapping.date;
  const chanCol = mapping.channel;
  const days = dateCol === undefined ? null : parseDayColumn(rows, dateCol, { ...dates, info: yearless });
  const included = new Uint8Array(n);
  const chan = new Int32Array(n);
  const raw = new Map<CellValue, number>();
  const byKey = new Map<string, number>();
  const names: string[] = [];
  let skipped = 0;
  let previous = -1;

  const idOf = (v: CellValue): number => {
    let id = raw.get(v);
    if (id !== undefined) return id;
    const name = (v instanceof Date ? v.toISOString() : String(v ?? "")).trim();
    const key = name.toLowerCase();
    if (key === "") id = BLANK;
    else if (isTotalLabel(name)) id = TOTAL;
    else {
      id = byKey.get(key);
      if (id === undefined) {
        id = names.length;
        names.push(name);
        byKey.set(key, id);
      }
    }
    if (raw.size < 100000) raw.set(v, id);
    return id;
  };

  const totalRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (
      (days !== null && Number.isNaN(days[i]) && (isTotalLabel(row[dateCol as number]) || isTotalLabel(row[0]))) ||
      (chanCol === undefined && days === null && isTotalLabel(row[0]))
    ) {
      skipped++;
      totalRows.push(i);
      chan[i] = -1;
      continue;
    }
    if (days !== null && Number.isNaN(days[i])) {
      skipped++;
      chan[i] = -1;
      continue;
    }
    let id = 0;
    if (chanCol !== undefined) {
      id = idOf(rows[i][chanCol]);
      if (id === TOTAL) {
        skipped++;
        totalRows.push(i);
        chan[i] = -1;
        continue;
      }
      if (id === BLANK) {
        if (previous < 0) {
          previous = names.length; // blank cells above the first named channel: a group of their own
          names.push("");
        }
        id = previous;
      }
      previous = id;
    } else if (names.length === 0) names.push("");
    chan[i] = id;
    included[i] = 1;
  }

  // Counting sort of rows by channel (stable), then each group by date.
  const groups = names.length;
  const counts = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) if (chan[i] >= 0) counts[chan[i] + 1]++;
  for (let g = 0; g < groups; g++) counts[g + 1] += counts[g];
  const byChannel = new Int32Array(counts[groups]);
  const fill = counts.slice(0, groups);
  for (let i = 0; i < n; i++) if (chan[i] >= 0) byChannel[fill[chan[i]]++] = i;

  const series: Series[] = [];
  let latestDay = NaN;
  for (let g = 0; g < groups; g++) {
    const slice = byChannel.subarray(counts[g], counts[g + 1]);
    if (slice.length === 0) continue;
    if (days !== null) sortByDay(slice, days);
    const cadence = days === null ? "rows" : cadenceOf(slice, days);
    const step = cadence === "daily" ? 1 : cadence === "rows" ? 0 : 7;
    const len = slice.length;
    let sdays: Float64Array | null = null;
    if (days !== null) {
      sdays = new Float64Array(len);
      for (let p = 0; p < len; p++) sdays[p] = days[slice[p]];
      if (!(sdays[len - 1] <= latestDay)) latestDay = sdays[len - 1]; // sorted by day: the last is the latest
    }
    const order = (step === 7 && sdays !== null && weekdayOrder(sdays)) || dateOrder(len);
    const linked = new Uint8Array(len);
    if (sdays === null) linked.fill(1, 1);
    else if (step > 0) for (let k = 1; k < len; k++) linked[k] = sdays[order[k]] - sdays[order[k - 1]] === step ? 1 : 0;
    series.push({ channel: names[g], rows: slice, days: sdays, cadence, step, order, linked });
  }
  const latestYear = latestDay === latestDay ? yearOfDay(latestDay) : NaN;
  return { series, days, included, skippedRows: skipped, totalRows, yearless, latestYear };
}

/** 0, 1, …, n − 1. */
function dateOrder(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let p = 0; p < n; p++) order[p] = p;
  return order;
}

/** Positions ordered by weekday (day mod 7), then date; null when every day falls on the same weekday. */
function weekdayOrder(sdays: Float64Array): Int32Array | null {
  const weekday = (d: number) => ((d % 7) + 7) % 7;
  const first = weekday(sdays[0]);
  let mixed = false;
  for (let p = 1; p < sdays.length && !mixed; p++) mixed = weekday(sdays[p]) !== first;
  if (!mixed) return null;
  const order = Int32Array.from(sdays.keys());
  return order.sort((a, b) => weekday(sdays[a]) - weekday(sdays[b]) || a - b); // positions are already by date
}

function sortByDay(slice: Int32Array, days: Float64Array): void {
  for (let p = 1; p < slice.length; p++) {
    if (days[slice[p]] < days[slice[p - 1]]) {
      slice.sort((a, b) => days[a] - days[b] || a - b);
      return;
    }
  }
}

function cadenceOf(slice: Int32Array, days: Float64Array): "daily" | "weekly" | "irregular" {
  let ones = 0;
  let sevens = 0;
  let other: Map<number, number> | undefined;
  for (let p = 1; p < slice.length; p++) {
    const gap = days[slice[p]] - days[slice[p - 1]];
    if (gap === 1) ones++;
    else if (gap === 7) sevens++;
    else if (gap !== 0) {
      other ??= new Map();
      other.set(gap, (other.get(gap) ?? 0) + 1);
    }
  }
  let maxOther = 0;
  if (other) for (const c of other.values()) maxOther = Math.max(maxOther, c);
  if (ones === 0 && sevens === 0 && maxOther === 0) return "daily"; // one period: nothing to run, nothing to warn
  if (ones > 0 && ones >= sevens && ones >= maxOther) return "daily";
  if (sevens > 0 && sevens >= maxOther) return "weekly";
  return "irregular";
}
