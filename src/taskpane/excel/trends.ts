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
  if (result.findings.length === 0) return out;
  const keyOf = (v: unknown) =>
    String(v ?? "")
      .trim()
      .toLowerCase();
  // One pass over the rows groups them by channel; only the weak channels' rows are sorted by date.
  const wanted = new Set(result.findings.map((f) => keyOf(f.channel)));
  const rowsByChannel = new Map<string, number[]>();
  table.rows.forEach((row, i) => {
    const k = channelCol === undefined ? "" : keyOf(row[channelCol]);
    if (channelCol !== undefined && !wanted.has(k)) return;
    let list = rowsByChannel.get(k);
    if (!list) rowsByChannel.set(k, (list = []));
    list.push(i);
  });
  const sorted = new Map<string, number[]>();
  const rowsOf = (k: string): number[] => {
    let rows = sorted.get(k);
    if (rows) return rows;
    rows = rowsByChannel.get(channelCol === undefined ? "" : k) ?? [];
    if (dateCol !== undefined) {
      const day = new Float64Array(rows.length);
      rows.forEach((r, j) => (day[j] = parseDay(table.rows[r][dateCol]) || 0));
      const order = rows.map((_, j) => j).sort((a, b) => day[a] - day[b] || rows![a] - rows![b]);
      rows = order.map((j) => rows![j]);
    }
    sorted.set(k, rows);
    return rows;
  };
  for (const f of result.findings) {
    const rows = rowsOf(keyOf(f.channel));
    // The most recent TREND_LENGTH numbers, walking back from the latest row.
    const values: number[] = [];
    for (let j = rows.length - 1; j >= 0 && values.length < TREND_LENGTH; j--) {
      const v = parseNumber(table.rows[rows[j]][f.col]);
      if (!Number.isNaN(v)) values.push(v);
    }
    out[`${f.channel}|${f.ruleId}`] = values.reverse();
  }
  return out;
}
