/**
 * The shared words of the warning system in English and Chinese: colour and column names, metric values, and the
 * periods and runs that every flag's reason names ("for 4 days running (Mar 3 – 6)"), dated in the one date style
 * of each language (dates.ts): `refYear`, the table's latest year, is the year a date does not repeat. Each rule's own words (name,
 * threshold, action, reason) live with the rule: its catalogue entry (rules/catalog.ts) and its detector.
 */
import type { WarningColour } from "../colours";
import type { ColumnRole, MetricKey } from "../table/types";
import * as dates from "./dates";
import * as format from "./format";
import type { Bilingual, Lang } from "./format";

// Local bindings: imported functions are getters in bundled and tsx-run code, slow when a reason is built per cell.
const formatDay = dates.formatDay;
const formatDayRange = dates.formatDayRange;
const formatNumber = format.formatNumber;
const formatPercent = format.formatPercent;

export type { Lang };

export const COLOUR_NAMES: Readonly<Record<WarningColour, Bilingual>> = {
  yellow: { en: "Yellow", zh: "黄牌" },
  orange: { en: "Orange", zh: "橙牌" },
  red: { en: "Red", zh: "红牌" },
};

export const COLUMN_NAMES: Readonly<Record<ColumnRole, Bilingual>> = {
  date: { en: "Date", zh: "日期" },
  channel: { en: "Channel", zh: "渠道" },
  roi: { en: "ROI", zh: "ROI" },
  complaintRate: { en: "Complaint rate", zh: "投诉率" },
  repurchaseRate: { en: "Repurchase rate", zh: "复购率" },
  ltvCac: { en: "LTV/CAC", zh: "LTV/CAC" },
  traffic: { en: "Traffic", zh: "流量" },
  complaints: { en: "Complaints", zh: "投诉数" },
  orders: { en: "Orders", zh: "订单数" },
  buyers: { en: "Buyers", zh: "购买人数" },
  repeatBuyers: { en: "Repeat buyers", zh: "复购人数" },
  revenue: { en: "Revenue", zh: "销售额" },
  cost: { en: "Cost", zh: "花费" },
};

/** "1 day", "3 days". */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** A metric value as people read it: rates as percentages, traffic as whole numbers, ratios with 2 decimals. */
export function formatMetric(metric: MetricKey, v: number): string {
  switch (metric) {
    case "complaintRate":
    case "repurchaseRate":
      return formatPercent(v);
    case "traffic":
      return formatNumber(v, Math.abs(v) >= 100 ? 0 : 2);
    default:
      return formatNumber(v);
  }
}

// ---- reasons -------------------------------------------------------------------------------------------------

/** Where a flagged value sits: a dated row, an ISO week (its Monday), or a row of an undated table (1-based). */
export type At = { kind: "day"; day: number } | { kind: "week"; monday: number } | { kind: "row"; row: number };

/** A run of periods: its length and its first and last period (of the same kind). */
export interface Span {
  length: number;
  from: At;
  to: At;
}

/** A period as text: "Mar 5", "week of Mar 2", "row 4" / "3月5日", "3月2日当周", "第 4 行". */
export function atText(at: At, lang: Lang, refYear: number): string {
  if (at.kind === "day") return formatDay(at.day, lang, refYear);
  if (at.kind === "week")
    return lang === "zh"
      ? `${formatDay(at.monday, "zh", refYear)}当周`
      : `week of ${formatDay(at.monday, "en", refYear)}`;
  return lang === "zh" ? `第 ${at.row} 行` : `row ${at.row}`;
}

/**
 * A span's periods: "Mar 3 – 6", "weeks of Mar 2 – 9", "rows 4–6" / "3月3日至6日", "3月2日至9日当周", "第 4–6 行".
 */
export function spanRange(s: Pick<Span, "from" | "to">, lang: Lang, refYear: number): string {
  const { from, to } = s;
  if (from.kind === "day" && to.kind === "day") return formatDayRange(from.day, to.day, lang, refYear);
  if (from.kind === "week" && to.kind === "week") {
    const r = formatDayRange(from.monday, to.monday, lang, refYear);
    return lang === "zh" ? `${r}当周` : `week${from.monday === to.monday ? "" : "s"} of ${r}`;
  }
  if (from.kind === "row" && to.kind === "row") {
    const r = from.row === to.row ? `${from.row}` : `${from.row}–${to.row}`;
    return lang === "zh" ? `第 ${r} 行` : `row${from.row === to.row ? "" : "s"} ${r}`;
  }
  return lang === "zh"
    ? `${atText(from, lang, refYear)}至${atText(to, lang, refYear)}`
    : `${atText(from, lang, refYear)} – ${atText(to, lang, refYear)}`;
}

function unitOf(s: Span): { en: string; zh: string } {
  if (s.from.kind === "day") return { en: "day", zh: "天" };
  if (s.from.kind === "week") return { en: "week", zh: "周" };
  return { en: "period", zh: "期" };
}

/** "for 4 days running (Mar 3 – 6)" / "连续 4 天（3月3日至6日）"; `weekly` counts a daily span in weeks. */
export function spanText(s: Span, weekly: boolean, refYear: number): Bilingual {
  const u = weekly && s.from.kind === "day" ? { en: "week", zh: "周" } : unitOf(s);
  return {
    en: `for ${plural(s.length, u.en)} running (${spanRange(s, "en", refYear)})`,
    zh: `连续 ${s.length} ${u.zh}（${spanRange(s, "zh", refYear)}）`,
  };
}

/**
 * A run's length and dates, the tail of a reason: "for 4 days running (Mar 3 – 6)" / "连续 4 天（3月3日至6日）";
 * `refYear`: the table's latest year (PreparedTable.latestYear).
 */
export function describeRun(span: Span, weekly: boolean, refYear: number): Bilingual {
  return spanText(span, weekly, refYear);
}
