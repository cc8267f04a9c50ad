/**
 * What each rule compares, per finding, as lines over the channel's periods (issue 19 §6): the data behind the
 * report's trend charts, read as the rules read it (findingSeries: prepareTable's channel groups in date order, the
 * metric column parsed as the engine parses it).
 * - ROI, complaint rate: the value per period and the rule's limit (the ROI benchmark, the complaint-rate limit).
 * - Traffic: the value per period, the baseline each value was compared with (trafficBaselines, the same mode,
 *   window and drop ratio as the rule) and the limit under it, (1 − drop ratio) × baseline.
 * - LTV/CAC: the weekly value (weeksOf: weekly rows, or the mean of each ISO week's days) and the LTV/CAC minimum.
 * - Repurchase: the weekly value and, over it, the weeks that fired with the week before them (the rule compares
 *   each week with the previous one; it has no fixed threshold, so none is drawn).
 * Values line up with `periods`; null is a period without a number (a gap in the line).
 */
import type { Table } from "../table/types";
import { RULE_METRIC, settingsOf } from "./catalog";
import { DerivedColumn, MetricColumn } from "./column";
import { periodOf } from "./detector";
import { prepareTable, type Series } from "./series";
import { trafficBaselines, type TrafficBaselineMode } from "./trafficBaseline";
import type { ChannelFinding, MetricKey, RulesConfig, RulesResult } from "./types";
import { weeksOf } from "./weeks";
import { formatIsoDay } from "../table/dates";

/** What a line shows: see the file comment. */
export type ChartLineRole = "metric" | "limit" | "baseline" | "fired";

export interface ChartLine {
  role: ChartLineRole;
  values: (number | null)[];
}

export interface FindingChartData {
  /** The x axis: ISO dates "YYYY-MM-DD" (a week: its Monday, or the weekly row's date), or "row N". */
  periods: string[];
  /** "period": one point per row of the channel; "week": one per week (weekly means of daily data, or weekly rows). */
  by: "period" | "week";
  /** The metric first, then what it is compared with. */
  lines: ChartLine[];
}

export interface FindingChartOptions {
  date1904?: boolean;
  year?: number;
  /** Only the most recent `last` periods (or weeks). */
  last?: number;
}

/** One chart's data per finding of `result` (same order), from the table `result` came from. */
export function findingCharts(
  table: Table,
  result: RulesResult,
  config: RulesConfig,
  options: FindingChartOptions = {},
): FindingChartData[] {
  if (result.findings.length === 0) return [];
  const prepared = prepareTable(table, result.mapping, { date1904: options.date1904, year: options.year });
  const byChannel = new Map<string, Series>(prepared.series.map((s) => [s.channel, s]));
  const columns = new Map<MetricKey, MetricColumn>();
  const columnOf = (metric: MetricKey, col: number): MetricColumn => {
    let column = columns.get(metric);
    if (column) return column;
    const parts = result.derived?.[metric];
    if (parts) column = new DerivedColumn(table.rows, parts.numerator, parts.denominator, new Float64Array(0));
    else {
      const divisor = result.percentColumns.includes(metric) ? 100 : 1;
      const nonNegative = metric === "roi" || metric === "traffic" || metric === "ltvCac";
      column = new MetricColumn(table.rows, col, divisor, new Float64Array(0), metric === "ltvCac", nonNegative);
    }
    columns.set(metric, column);
    return column;
  };
  const last = options.last ?? Infinity;
  return result.findings.map((f) => {
    const series = byChannel.get(f.channel);
    if (!series) return { periods: [], by: "period", lines: [] };
    const metric = RULE_METRIC[f.ruleId];
    const column = columnOf(metric, result.mapping[metric] ?? f.col);
    const values = new Float64Array(series.rows.length);
    for (let p = 0; p < values.length; p++) values[p] = column.value(series.rows[p]);
    if (metric === "ltvCac" || metric === "repurchaseRate") return weekly(series, values, f, last);
    return byPeriod(series, values, f, config, last);
  });
}

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** ROI, complaint rate and traffic: a point per period of the channel. */
function byPeriod(
  series: Series,
  values: Float64Array,
  f: ChannelFinding,
  config: RulesConfig,
  last: number,
): FindingChartData {
  const n = values.length;
  const first = Math.max(0, n - last);
  const periods: string[] = [];
  const metric: (number | null)[] = [];
  for (let p = first; p < n; p++) {
    periods.push(periodOf(series, p));
    metric.push(orNull(values[p]));
  }
  if (RULE_METRIC[f.ruleId] !== "traffic") {
    return { periods, by: "period", lines: [{ role: "metric", values: metric }, flat("limit", f.threshold, periods)] };
  }
  const c = settingsOf(config);
  const ratio = c.trafficDropRatio as number;
  const base = trafficBaselines(
    values,
    series.days,
    series.cadence === "daily",
    c.trafficBaseline as TrafficBaselineMode,
    c.trafficWindow as number,
    ratio,
  );
  const baseline: (number | null)[] = [];
  const limit: (number | null)[] = [];
  for (let p = first; p < n; p++) {
    baseline.push(orNull(base.mean[p]));
    // the rule's limit: (1 − drop ratio) × baseline
    limit.push(orNull((1 - ratio) * base.mean[p]));
  }
  return {
    periods,
    by: "period",
    lines: [
      { role: "metric", values: metric },
      { role: "baseline", values: baseline },
      { role: "limit", values: limit },
    ],
  };
}

/** LTV/CAC and repurchase: a point per week (weeks.ts), as the weekly rules read the channel. */
function weekly(series: Series, values: Float64Array, f: ChannelFinding, last: number): FindingChartData {
  const weeks = weeksOf(series, values);
  const first = Math.max(0, weeks.count - last);
  const periods: string[] = [];
  const metric: (number | null)[] = [];
  for (let k = first; k < weeks.count; k++) {
    const at = weeks.at(k);
    periods.push(at.kind === "week" ? formatIsoDay(at.monday) : periodOf(series, series.order[k]));
    metric.push(orNull(weeks.value[k]));
  }
  if (RULE_METRIC[f.ruleId] === "ltvCac") {
    return { periods, by: "week", lines: [{ role: "metric", values: metric }, flat("limit", f.threshold, periods)] };
  }
  // the weeks that fired, each with the value the rule compared, and the week before the first (its baseline)
  const fired: (number | null)[] = periods.map(() => null);
  const index = new Map(periods.map((p, i) => [p, i]));
  f.evidence.values.forEach((v, i) => {
    const at = index.get(v.period);
    if (at === undefined) return;
    fired[at] = v.value;
    if (i === 0 && at > 0 && v.baseline !== undefined) fired[at - 1] = v.baseline;
  });
  return {
    periods,
    by: "week",
    lines: [
      { role: "metric", values: metric },
      { role: "fired", values: fired },
    ],
  };
}

function flat(role: ChartLineRole, value: number, periods: string[]): ChartLine {
  return { role, values: periods.map(() => value) };
}
