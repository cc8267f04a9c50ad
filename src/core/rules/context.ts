/**
 * What a rule sees (one metric column over the prepared series) and where it puts its flags.
 */
import type { At } from "../i18n/rules";
import { formatIsoDay } from "../table/dates";
import type { PreparedTable, Series } from "./series";
import type { Bilingual, Flag, RuleId, RulesConfig } from "./types";
import { RULE_COLOUR } from "../i18n/rules";
import type { MetricColumn } from "./column";

export interface RuleInput {
  table: PreparedTable;
  /** The metric column (rates already as fractions), read one series at a time. */
  column: MetricColumn;
  col: number;
  config: RulesConfig;
  sink: FlagSink;
}

/** Flags in the order rules emit them, with the series and position each came from (for the findings). */
export class FlagSink {
  readonly flags: Flag[] = [];
  readonly seriesIndex: number[] = [];
  readonly position: number[] = [];
  /** One period string per day, shared by the flags of every channel on that day. */
  private readonly periods = new Map<number, string>();

  add(
    input: RuleInput,
    s: number,
    p: number,
    ruleId: RuleId,
    value: number,
    threshold: number,
    reason: Bilingual,
  ): void {
    const series = input.table.series[s];
    const row = series.rows[p];
    this.flags.push({
      row,
      col: input.col,
      colour: RULE_COLOUR[ruleId],
      ruleId,
      channel: series.channel,
      period: this.period(series, p),
      value,
      threshold,
      reason,
    });
    this.seriesIndex.push(s);
    this.position.push(p);
  }

  private period(series: Series, p: number): string {
    if (series.days === null) return periodOf(series, p);
    const day = series.days[p];
    let text = this.periods.get(day);
    if (text === undefined) this.periods.set(day, (text = formatIsoDay(day)));
    return text;
  }
}

/** "YYYY-MM-DD", or "row N" (1-based data row) without a date column. */
export function periodOf(series: Series, p: number): string {
  return series.days === null ? `row ${series.rows[p] + 1}` : formatIsoDay(series.days[p]);
}

/** The reason's "where": a dated row or an undated row. */
export function atOf(series: Series, p: number): At {
  return series.days === null ? { kind: "row", row: series.rows[p] + 1 } : { kind: "day", day: series.days[p] };
}
