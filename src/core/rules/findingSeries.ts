/**
 * The values behind each finding as the engine read them, for a host's trend chart (the pane's sparklines): the
 * finding's channel grouped as the rules group it (prepareTable: totals rows skipped, a blank channel cell continuing
 * the channel above, rows without a readable date left out, date order) and its metric column parsed as the rules
 * parse it (MetricColumn: percentage points divided by 100 in a column the engine read as percentages, "a:b" ratios).
 * So a chart never shows a row the rules did not see, nor a value they read otherwise.
 */
import type { Table } from "../table/types";
import { RULE_METRIC } from "./catalog";
import { DerivedColumn, MetricColumn } from "./column";
import { periodOf } from "./detector";
import { prepareTable, type Series } from "./series";
import type { MetricKey, RulesResult } from "./types";

export interface FindingSeries {
  /** Each value's period, as in Flag.period: ISO date "YYYY-MM-DD", or "row N" without a date column. */
  periods: string[];
  /** The metric's numbers in date order (missing values left out). */
  values: number[];
}

export interface FindingSeriesOptions {
  /** As given to runRules: the serials' date system and a year for dates written without one. */
  date1904?: boolean;
  year?: number;
  /** Only the most recent `last` values. */
  last?: number;
}

/** One series per finding of `result` (same order), from the table `result` came from. */
export function findingSeries(table: Table, result: RulesResult, options: FindingSeriesOptions = {}): FindingSeries[] {
  if (result.findings.length === 0) return [];
  const prepared = prepareTable(table, result.mapping, { date1904: options.date1904, year: options.year });
  const byChannel = new Map<string, Series>(prepared.series.map((s) => [s.channel, s]));
  const columns = new Map<MetricKey, MetricColumn>();
  const last = options.last ?? Infinity;
  return result.findings.map((f) => {
    const series = byChannel.get(f.channel);
    const metric = RULE_METRIC[f.ruleId];
    const col = result.mapping[metric] ?? f.col;
    let column = columns.get(metric);
    const parts = result.derived?.[metric];
    if (!column && parts) {
      column = new DerivedColumn(table.rows, parts.numerator, parts.denominator, new Float64Array(0));
      columns.set(metric, column);
    } else if (!column) {
      const divisor = result.percentColumns.includes(metric) ? 100 : 1;
      const nonNegative = metric === "roi" || metric === "traffic" || metric === "ltvCac";
      column = new MetricColumn(table.rows, col, divisor, new Float64Array(0), metric === "ltvCac", nonNegative);
      columns.set(metric, column);
    }
    const out: FindingSeries = { periods: [], values: [] };
    if (!series) return out;
    // Walk back from the latest period, so `last` costs only what it keeps.
    for (let p = series.rows.length - 1; p >= 0 && out.values.length < last; p--) {
      const v = column.value(series.rows[p]);
      if (v !== v) continue;
      out.values.push(v);
      out.periods.push(periodOf(series, p));
    }
    out.values.reverse();
    out.periods.reverse();
    return out;
  });
}
