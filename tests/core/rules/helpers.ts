/** Hand-built tables for the engine tests. */
import type { CellValue, Flag, RuleId, RulesResult, Table } from "../../../src/core/rules/types";
import { daysFromCivil, formatIsoDay } from "../../../src/core/table/dates";

/** ISO date `n` days after `iso`: plusDays("2026-03-02", 7) = "2026-03-09". */
export function plusDays(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return formatIsoDay(daysFromCivil(y, m, d) + n);
}

/** One channel's rows: a date every `step` days from `start`, one value per row in the metric column. */
export function seriesRows(channel: string, start: string, values: CellValue[], step = 1): CellValue[][] {
  return values.map((v, i) => [plusDays(start, i * step), channel, v]);
}

/** A table with columns Date | Channel | <metric header>. */
export function table(metricHeader: string, rows: CellValue[][]): Table {
  return { header: ["Date", "Channel", metricHeader], rows };
}

export function flagsOf(result: RulesResult, ruleId: RuleId): Flag[] {
  return result.flags.filter((f) => f.ruleId === ruleId);
}

/** The periods (ISO dates or "row N") flagged by a rule, in table order. */
export function periods(result: RulesResult, ruleId: RuleId, channel?: string): string[] {
  return flagsOf(result, ruleId)
    .filter((f) => channel === undefined || f.channel === channel)
    .map((f) => f.period)
    .sort();
}
