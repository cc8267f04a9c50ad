/**
 * The words of the three-colour warning system in English and Chinese: rule names, short descriptions with the
 * thresholds, the seed article's recommended actions, and the one-line reasons attached to every flag.
 * The task pane, the CLI and the report sheet all take their text from here.
 */
import type { WarningColour } from "../colours";
import type { Bilingual, ColumnRole, MetricKey, RuleId, RulesConfig } from "../rules/types";
import * as format from "./format";
import type { Lang } from "./format";

// Local bindings: imported functions are getters in bundled and tsx-run code, slow when a reason is built per cell.
const formatDay = format.formatDay;
const formatDayRange = format.formatDayRange;
const formatNumber = format.formatNumber;
const formatPercent = format.formatPercent;

export type { Lang };

export const RULE_COLOUR: Readonly<Record<RuleId, WarningColour>> = {
  "roi-below-benchmark": "yellow",
  "complaint-rate-high": "orange",
  "traffic-drop": "orange",
  "repurchase-declining": "red",
  "ltv-cac-low": "red",
};

export const RULE_METRIC: Readonly<Record<RuleId, MetricKey>> = {
  "roi-below-benchmark": "roi",
  "complaint-rate-high": "complaintRate",
  "traffic-drop": "traffic",
  "repurchase-declining": "repurchaseRate",
  "ltv-cac-low": "ltvCac",
};

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
};

export const RULE_NAMES: Readonly<Record<RuleId, Bilingual>> = {
  "roi-below-benchmark": { en: "ROI below benchmark", zh: "ROI 低于基准" },
  "complaint-rate-high": { en: "Complaint rate high", zh: "投诉率过高" },
  "traffic-drop": { en: "Traffic drop", zh: "流量骤降" },
  "repurchase-declining": { en: "Repurchase rate declining", zh: "复购率下滑" },
  "ltv-cac-low": { en: "LTV/CAC low", zh: "LTV/CAC 偏低" },
};

/** The seed article's responses (三色预警机制, 三级响应机制, 成本优化流程). */
export const RULE_ACTIONS: Readonly<Record<RuleId, Bilingual>> = {
  "roi-below-benchmark": {
    en: "Start the creative iteration process: refresh ad creatives and materials.",
    zh: "启动素材迭代流程。",
  },
  "complaint-rate-high": {
    en: "Upgrade the customer-service scripts.",
    zh: "启动服务话术升级。",
  },
  "traffic-drop": {
    en:
      "Three-level response: within 2 h diagnose the channel's health (CTR, bounce rate); within 6 h open the backup " +
      "traffic pool (private community, partners); within 24 h deliver an optimisation plan (creatives, landing " +
      "page). Do not just add budget.",
    zh:
      "启动三级响应机制：2 小时内完成渠道健康度诊断（CTR、跳出率等）；6 小时内启动备用流量池（私域社群、异业合作）；" +
      "24 小时内输出优化方案（调整广告素材、优化落地页）。避免盲目追加预算。",
  },
  "repurchase-declining": {
    en: "Start product-experience optimisation.",
    zh: "启动产品体验优化。",
  },
  "ltv-cac-low": {
    en: "Start the cost optimisation process.",
    zh: "启动成本优化流程。",
  },
};

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/** The threshold in words, e.g. "below 1.5 for 3 consecutive periods". */
export function ruleThreshold(id: RuleId, c: RulesConfig): Bilingual {
  switch (id) {
    case "roi-below-benchmark":
      return {
        en: `ROI below ${formatNumber(c.roiBenchmark)} for ${plural(c.roiRunLength, "consecutive period")}`,
        zh: `ROI 连续 ${c.roiRunLength} 期低于 ${formatNumber(c.roiBenchmark)}`,
      };
    case "complaint-rate-high":
      return {
        en: `Complaint rate above ${formatPercent(c.complaintRateMax)} in a period`,
        zh: `单期投诉率高于 ${formatPercent(c.complaintRateMax)}`,
      };
    case "traffic-drop":
      return {
        en:
          `Traffic more than ${formatPercent(c.trafficDropRatio)} below the mean of the previous ` +
          `${plural(c.trafficWindow, "value")}`,
        zh: `流量比前 ${c.trafficWindow} 期均值下降超过 ${formatPercent(c.trafficDropRatio)}`,
      };
    case "repurchase-declining":
      return {
        en: `Repurchase rate falling ${plural(c.repurchaseDeclineWeeks, "week")} running`,
        zh: `复购率连续 ${c.repurchaseDeclineWeeks} 周下滑`,
      };
    case "ltv-cac-low":
      return {
        en: `LTV/CAC below ${formatNumber(c.ltvCacMin)} for ${plural(c.ltvCacWeeks, "consecutive week")}`,
        zh: `LTV/CAC 连续 ${c.ltvCacWeeks} 周低于 ${formatNumber(c.ltvCacMin)}`,
      };
  }
}

/** One short line per rule: colour, what fires it, what to do. */
export function ruleDescription(id: RuleId, c: RulesConfig): Bilingual {
  const colour = COLOUR_NAMES[RULE_COLOUR[id]];
  const t = ruleThreshold(id, c);
  const a = RULE_ACTIONS[id];
  return { en: `${colour.en}: ${t.en}. ${a.en}`, zh: `${colour.zh}：${t.zh}。${a.zh}` };
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

function atText(at: At, lang: Lang): string {
  if (at.kind === "day") return formatDay(at.day, lang);
  if (at.kind === "week")
    return lang === "zh" ? `${formatDay(at.monday, "zh")}当周` : `week of ${formatDay(at.monday, "en")}`;
  return lang === "zh" ? `第 ${at.row} 行` : `row ${at.row}`;
}

function spanRange(s: Span, lang: Lang): string {
  const { from, to } = s;
  if (from.kind === "day" && to.kind === "day") return formatDayRange(from.day, to.day, lang);
  if (from.kind === "week" && to.kind === "week") {
    const r = formatDayRange(from.monday, to.monday, lang);
    return lang === "zh" ? `${r}当周` : `week${from.monday === to.monday ? "" : "s"} of ${r}`;
  }
  if (from.kind === "row" && to.kind === "row") {
    const r = from.row === to.row ? `${from.row}` : `${from.row}–${to.row}`;
    return lang === "zh" ? `第 ${r} 行` : `row${from.row === to.row ? "" : "s"} ${r}`;
  }
  return `${atText(from, lang)}–${atText(to, lang)}`;
}

function unitOf(s: Span): { en: string; zh: string } {
  if (s.from.kind === "day") return { en: "day", zh: "天" };
  if (s.from.kind === "week") return { en: "week", zh: "周" };
  return { en: "period", zh: "期" };
}

/** "for 4 days running (3–6 Mar)" / "连续 4 天（3月3日–6日）". */
function spanText(s: Span, weekly: boolean): Bilingual {
  const u = weekly && s.from.kind === "day" ? { en: "week", zh: "周" } : unitOf(s);
  return {
    en: `for ${plural(s.length, u.en)} running (${spanRange(s, "en")})`,
    zh: `连续 ${s.length} ${u.zh}（${spanRange(s, "zh")}）`,
  };
}

/** A run's length and dates, the tail of a reason: "for 4 days running (3–6 Mar)" / "连续 4 天（3月3日–6日）". */
export function describeRun(span: Span, weekly = false): Bilingual {
  return spanText(span, weekly);
}

/** Yellow: "ROI 1.21 < 1.5 for 4 days running (3–6 Mar)"; `run` from describeRun (weekly data counts weeks). */
export function roiReason(value: number, benchmark: number, run: Bilingual): Bilingual {
  const v = `ROI ${formatNumber(value)} < ${formatNumber(benchmark)}`;
  return { en: `${v} ${run.en}`, zh: `${v}，${run.zh}` };
}

/** Orange: "Complaint rate 1.2% > 1% (5 Mar)". */
export function complaintReason(value: number, max: number, at: At): Bilingual {
  const v = `${formatPercent(value)} > ${formatPercent(max)}`;
  return { en: `Complaint rate ${v} (${atText(at, "en")})`, zh: `投诉率 ${v}（${atText(at, "zh")}）` };
}

/** Orange: "Traffic 420 (5 Mar) is 45% below the mean of the previous 7 values (764); limit 30%". */
export function trafficReason(value: number, mean: number, count: number, dropRatio: number, at: At): Bilingual {
  const drop = formatPercent(mean > 0 ? 1 - value / mean : 0, 0);
  const v = formatMetric("traffic", value);
  const m = formatMetric("traffic", mean);
  return {
    en:
      `Traffic ${v} (${atText(at, "en")}) is ${drop} below the mean of the previous ${plural(count, "value")} ` +
      `(${m}); limit ${formatPercent(dropRatio)}`,
    zh: `流量 ${v}（${atText(at, "zh")}）比前 ${count} 期均值 ${m} 下降 ${drop}；阈值 ${formatPercent(dropRatio)}`,
  };
}

/**
 * Red: "Weekly mean repurchase rate 17.1% (week of 9 Mar) < 18% the week before; falling 2 weeks running
 * (weeks of 9–16 Mar)". `weeklyMean` says the value is the mean of a daily table's ISO week.
 */
export function repurchaseReason(value: number, previous: number, at: At, span: Span, weeklyMean: boolean): Bilingual {
  const s = spanText(span, true);
  const v = formatPercent(value);
  const p = formatPercent(previous);
  const before =
    at.kind === "row" ? { en: "the period before", zh: "上一期" } : { en: "the week before", zh: "前一周" };
  const label = weeklyMean
    ? { en: "Weekly mean repurchase rate", zh: "复购率周均值" }
    : { en: "Repurchase rate", zh: "复购率" };
  return {
    en: `${label.en} ${v} (${atText(at, "en")}) < ${p} ${before.en}; falling ${s.en.slice(4)}`,
    zh: `${label.zh} ${v}（${atText(at, "zh")}）低于${before.zh}的 ${p}；${s.zh.replace("连续", "连续下滑")}`,
  };
}

/** Red: "LTV/CAC 1.32 < 1.5 for 2 weeks running (2–9 Mar)"; on daily data "Weekly mean LTV/CAC …". */
export function ltvCacReason(value: number, min: number, span: Span, weeklyMean: boolean): Bilingual {
  const s = spanText(span, true);
  const v = `${formatNumber(value)} < ${formatNumber(min)}`;
  return weeklyMean
    ? { en: `Weekly mean LTV/CAC ${v} ${s.en}`, zh: `LTV/CAC 周均值 ${v}，${s.zh}` }
    : { en: `LTV/CAC ${v} ${s.en}`, zh: `LTV/CAC ${v}，${s.zh}` };
}
