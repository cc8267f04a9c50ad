/**
 * Sparkline data for the findings list: per weak channel × rule, the values the engine read for that finding
 * (core findingSeries: its channel as the rules group it, its metric as the rules parse it), in date order, so a
 * sparkline never disagrees with the flags. Missing values are left out.
 */
import { findingSeries } from "../../core/rules/findingSeries";
import type { RulesResult, Table } from "../../core/rules/types";

/** At most this many most recent values per sparkline. */
export const TREND_LENGTH = 60;

/** Key: `${channel}|${ruleId}` (TableOutcome.trends). */
export function trendsOf(
  table: Table,
  result: RulesResult,
  dates: { date1904?: boolean; year?: number } = {},
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const series = findingSeries(table, result, { ...dates, last: TREND_LENGTH });
  result.findings.forEach((f, i) => (out[`${f.channel}|${f.ruleId}`] = series[i].values));
  return out;
}
