/**
 * What a rule's detector sees and what it reports. A detector walks one metric column over the prepared series
 * and reports each cell that breaks its rule as a `Hit`; the engine turns hits into flags (row, column, colour,
 * rule id, period). Detectors import only this module, the series and the shared helpers (runs, weeks,
 * compare, the period wording), never the catalogue or the engine, so the import graph has no cycle.
 */
import type { Bilingual } from "../i18n/format";
import type { At } from "../i18n/rules";
import { formatIsoDay } from "../table/dates";
import type { MetricColumn } from "./column";
import type { CountKey } from "../table/types";
import type { PreparedTable, Series } from "./series";

/** One cell that breaks a rule. */
export interface Hit {
  /** Index of the series in `table.series`. */
  series: number;
  /** Position in that series (an index into `Series.rows`, date order). */
  position: number;
  value: number;
  /** The limit the value was compared with (see Flag.threshold). */
  threshold: number;
  reason: Bilingual;
  /**
   * Weekly rules: the week the cell belongs to. The rule compared the week's value (on daily data the mean of its
   * days), not the cell's; the hits of one week share it. Hits without it are their own period's evidence.
   */
  week?: WeekEvidence;
  /** Traffic: the baseline mean the value fell below (the threshold is a share of it). */
  baseline?: number;
}

/** The week behind a weekly rule's hits (see Hit.week). */
export interface WeekEvidence {
  /** The week's index in the series' weeks (weeks.ts), unique within one rule and series. */
  index: number;
  /** The week's value: the row's on weekly data, the mean of its days on daily data. */
  value: number;
  /** The week (its Monday on daily data, its row's date on weekly data). */
  at: At;
  /** True when `value` is the mean of daily values. */
  mean: boolean;
  /** The repurchase rule's evidence for the red run the week belongs to: "down 9.5% over 2 weeks, p = 0.002". */
  decline?: Bilingual;
}

export interface HitSink {
  add(hit: Hit): void;
}

/** A detector's input: `Config` is the part of the settings it reads (its own fields in the catalogue). */
export interface RuleInput<Config> {
  table: PreparedTable;
  /** The metric column (rates already as fractions), read one series at a time. */
  column: MetricColumn;
  config: Config;
  sink: HitSink;
  /** The counts behind a rate when the table has them (complaints, orders), loaded; null otherwise. */
  counts?: (key: CountKey) => MetricColumn | null;
}

/** "YYYY-MM-DD", or "row N" (1-based data row) without a date column. */
export function periodOf(series: Series, position: number): string {
  return series.days === null ? `row ${series.rows[position] + 1}` : formatIsoDay(series.days[position]);
}

/** The reason's "where": a dated row or an undated row. */
export function atOf(series: Series, position: number): At {
  return series.days === null
    ? { kind: "row", row: series.rows[position] + 1 }
    : { kind: "day", day: series.days[position] };
}
