/**
 * Sparkline data for the findings list: per weak channel × rule, the channel's values of the rule's metric column
 * in date order (row order without a date column). Missing values are skipped.
 */
import { parseDay, parseNumber } from "../../core";
import type { RulesResult, Table } from "../../core/rules/types";

/** At most this many most recent values per sparkline. */
export const TREND_LENGTH = 60;

export function trendsOf(table: Table, result: RulesResult): Record<string, number[]> {
  const { channel: channelCol, date: dateCol } = result.mapping;
  const out: Record<string, number[]> = {};
  const rowsByChannel = new Map<string, number[]>();
  const keyOf = (v: unknown) =>
    String(v ?? "")
      .trim()
      .toLowerCase();
  for (const f of result.findings) {
    const k = keyOf(f.channel);
    if (!rowsByChannel.has(k)) {
      const rows: number[] = [];
      table.rows.forEach((row, i) => {
        if (channelCol === undefined || keyOf(row[channelCol]) === k) rows.push(i);
      });
      if (dateCol !== undefined) {
        const day = new Map(rows.map((i) => [i, parseDay(table.rows[i][dateCol]) || 0]));
        rows.sort((a, b) => day.get(a)! - day.get(b)! || a - b);
      }
      rowsByChannel.set(k, rows);
    }
    const values: number[] = [];
    for (const i of rowsByChannel.get(k)!) {
      const v = parseNumber(table.rows[i][f.col]);
      if (!Number.isNaN(v)) values.push(v);
    }
    out[`${f.channel}|${f.ruleId}`] = values.slice(-TREND_LENGTH);
  }
  return out;
}
