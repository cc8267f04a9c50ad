/**
 * What a rule sees (one metric column over the prepared series) and where it puts its flags.
 */
import type { At } from "../i18n/rules";
import { formatIsoDay } from "../table/dates";
import type { PreparedTable, Series } from "./series";
import type { Bilingual, Flag, RuleId, RulesConfig } from "./types";
import { RULE_COLOUR } from "../i18n/rules";

export interface RuleInput {
  table: PreparedTable;
  /** The metric, one number per data row (NaN: missing), rates already as fractions. */
  values: Float64Array;
  col: number;
  config: RulesConfig;
  sink: FlagSink;
}

/** Flags in the order rules emit them, with the series and position each came from (for the findings). */
export class FlagSink {
  readonly flags: Flag[] = [];
  readonly seriesIndex: number[] = [];
  readonly position: number[] = [];

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
      period: periodOf(input.table, series, p),
      value,
      threshold,
      reason,
    });
    this.seriesIndex.push(s);
    this.position.push(p);
  }
}

/** "YYYY-MM-DD", or "row N" (1-based data row) without a date column. */
export function periodOf(table: PreparedTable, series: Series, p: number): string {
  const row = series.rows[p];
  return table.days === null ? `row ${row + 1}` : formatIsoDay(table.days[row]);
}

/** The reason's "where": a dated row or an undated row. */
export function atOf(table: PreparedTable, series: Series, p: number): At {
  const row = series.rows[p];
  return table.days === null ? { kind: "row", row: row + 1 } : { kind: "day", day: table.days[row] };
}

/** True when positions p − 1 and p are consecutive periods of the series (exactly one step apart). */
export function linkedAt(table: PreparedTable, series: Series, p: number): boolean {
  if (p === 0) return false;
  if (table.days === null) return true;
  if (series.step === 0) return false;
  return table.days[series.rows[p]] - table.days[series.rows[p - 1]] === series.step;
}
