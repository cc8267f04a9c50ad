/**
 * The engine's side of a detector's hits: each hit becomes a Flag of the rule being run, kept in the order rules
 * emit them, with the series and position it came from (for the findings).
 */
import type { WarningColour } from "../colours";
import { formatIsoDay } from "../table/dates";
import { periodOf, type Hit, type HitSink, type WeekEvidence } from "./detector";
import type { PreparedTable, Series } from "./series";
import type { Flag, RuleId } from "./types";

export class FlagSink implements HitSink {
  readonly flags: Flag[] = [];
  readonly seriesIndex: number[] = [];
  readonly position: number[] = [];
  /** Per flag, what the rule compared when it is not the cell's value (weekly rules), and a traffic baseline. */
  readonly week: (WeekEvidence | undefined)[] = [];
  readonly baseline: number[] = [];
  /** One period string per day, shared by the flags of every channel on that day. */
  private readonly periods = new Map<number, string>();
  private rule: { ruleId: RuleId; colour: WarningColour; col: number } = {
    ruleId: "" as RuleId,
    colour: "red",
    col: 0,
  };

  constructor(private readonly table: PreparedTable) {}

  /** The rule whose hits follow, and the table column it reads. */
  begin(ruleId: RuleId, colour: WarningColour, col: number): void {
    this.rule = { ruleId, colour, col };
  }

  add(hit: Hit): void {
    const series = this.table.series[hit.series];
    this.flags.push({
      row: series.rows[hit.position],
      col: this.rule.col,
      colour: this.rule.colour,
      ruleId: this.rule.ruleId,
      channel: series.channel,
      period: this.period(series, hit.position),
      value: hit.value,
      threshold: hit.threshold,
      reason: hit.reason,
    });
    this.seriesIndex.push(hit.series);
    this.position.push(hit.position);
    this.week.push(hit.week);
    this.baseline.push(hit.baseline ?? NaN);
  }

  private period(series: Series, position: number): string {
    if (series.days === null) return periodOf(series, position);
    const day = series.days[position];
    let text = this.periods.get(day);
    if (text === undefined) this.periods.set(day, (text = formatIsoDay(day)));
    return text;
  }
}
