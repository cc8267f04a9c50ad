/**
 * Header recognition: which column holds the date, the channel and each metric.
 *
 * A header is normalised before lookup (normaliseHeader): Unicode NFKC (full-width letters, digits and brackets
 * become ASCII), lower case, trimmed, a trailing unit in brackets removed ("ROI (x)", "投诉率（%）"), a trailing "%"
 * removed, runs of spaces/underscores read as one space, no spaces around "/" and ":". Matching is exact on the
 * normalised text, so "Traffic source" is a channel, never traffic.
 */
import type { CellValue, ColumnMapping, ColumnRole } from "./types";
import { COLUMN_ROLES, METRIC_KEYS } from "./types";

// prettier-ignore
const SYNONYMS: Record<ColumnRole, string[]> = {
  date: [
    "date", "day", "week", "period", "month", "time", "report date", "start date", "week start", "week starting",
    "week of", "week commencing", "week beginning", "date range",
    "日期", "时间", "周", "日", "天", "周次", "月份", "统计日期", "数据日期", "报告日期", "日期时间", "周期",
  ],
  channel: [
    "channel", "source", "channel name", "traffic source", "source/medium", "medium", "platform", "marketing channel",
    "acquisition channel", "ad channel", "channel group", "default channel group", "network",
    "渠道", "来源", "渠道名称", "流量来源", "来源/媒介", "媒介", "平台", "投放渠道", "推广渠道", "获客渠道", "渠道来源",
  ],
  roi: [
    "roi", "roas", "return on ad spend", "return on investment", "roi ratio", "ad roi", "roas ratio",
    "投入产出比", "投产比", "投资回报率", "广告投资回报率", "广告支出回报率", "投资回报", "回报率",
  ],
  complaintRate: [
    "complaint rate", "complaints rate", "complaint ratio", "complaints ratio", "customer complaint rate",
    "投诉率", "客诉率", "投诉比例", "客诉比例", "用户投诉率", "投诉占比",
  ],
  repurchaseRate: [
    "repurchase rate", "repeat purchase rate", "repeat rate", "repeat customer rate", "rebuy rate", "repurchase ratio",
    "re-purchase rate", "repeat order rate", "retention purchase rate",
    "复购率", "复购", "回购率", "重复购买率", "二次购买率", "复购比例", "复购占比",
  ],
  ltvCac: [
    "ltv/cac", "ltv cac", "ltv:cac", "ltv-cac", "ltv to cac", "ltv/cac ratio", "ltv:cac ratio", "ltv cac ratio",
    "ltv to cac ratio", "ltv-cac ratio", "clv/cac", "cltv/cac", "clv:cac", "ltv/cac比", "ltv/cac比值", "ltv/cac 比值",
    "生命周期价值/获客成本",
  ],
  traffic: [
    "traffic", "visits", "sessions", "visitors", "unique visitors", "uv", "pv", "page views", "pageviews", "views",
    "流量", "访问量", "访客数", "访客", "浏览量", "访问次数", "会话数", "会话", "访问人数", "独立访客", "访问数",
  ],
  complaints: [
    "complaints", "complaint", "complaint count", "number of complaints", "complaints count", "# complaints",
    "投诉数", "投诉量", "投诉次数", "投诉单数", "客诉数", "客诉量", "客诉单数", "投诉", "客诉",
  ],
  orders: [
    "orders", "order count", "number of orders", "orders count", "# orders", "purchases", "transactions",
    "订单数", "订单量", "订单", "成交单数", "成交订单数", "下单数", "交易笔数",
  ],
  buyers: [
    "buyers", "buyer count", "number of buyers", "# buyers", "unique buyers", "purchasers", "paying customers",
    "paying users", "customers who purchased",
    "购买人数", "买家数", "支付买家数", "成交买家数", "成交人数", "支付人数", "下单人数", "下单买家数", "购买用户数",
    "付费用户数", "成交客户数",
  ],
  repeatBuyers: [
    "repeat buyers", "repeat buyer count", "number of repeat buyers", "# repeat buyers", "repeat customers",
    "returning customers", "returning buyers", "repeat purchasers",
    "复购人数", "复购买家数", "复购用户数", "复购客户数", "回购人数", "回头客数", "老买家数", "重复购买人数",
    "老客复购人数",
  ],
};

/** Read as a rate only when the header carried a percent sign ("Complaints %"): bare "Complaints" is a count. */
const PERCENT_ONLY: Partial<Record<ColumnRole, string[]>> = {
  complaintRate: ["complaint", "complaints", "客诉", "投诉"],
  repurchaseRate: ["repurchase", "repeat purchase", "repeat purchases", "repeat customers"],
};

const TRAILING_UNIT = /\s*[([{]([^()[\]{}]*)[)\]}]\s*$/;

const LOOKUP = new Map<string, ColumnRole>();
const PERCENT_LOOKUP = new Map<string, ColumnRole>();
for (const role of COLUMN_ROLES) {
  for (const s of SYNONYMS[role]) LOOKUP.set(normaliseHeader(s).text, role);
  for (const s of PERCENT_ONLY[role] ?? []) PERCENT_LOOKUP.set(normaliseHeader(s).text, role);
}

/** Normalised header text, and whether a percent sign was removed (as a trailing "%" or a "(%)" unit). */
export function normaliseHeader(raw: string): { text: string; percent: boolean } {
  let s = raw.normalize("NFKC").toLowerCase().trim();
  let percent = false;
  for (let i = 0; i < 3; i++) {
    const before = s;
    const unit = TRAILING_UNIT.exec(s);
    if (unit && unit.index > 0) {
      if (unit[1].includes("%")) percent = true;
      s = s.slice(0, unit.index).trimEnd();
    }
    if (s.endsWith("%") && s.length > 1) {
      percent = true;
      s = s.slice(0, -1).trimEnd();
    }
    if (s === before) break;
  }
  s = s
    .replace(/[\s_]+/g, " ")
    .replace(/\s*([/:])\s*/g, "$1")
    .trim();
  return { text: s, percent };
}

/** The role a header names, or null. */
export function recogniseHeader(value: CellValue): ColumnRole | null {
  if (typeof value !== "string") return null;
  const { text, percent } = normaliseHeader(value);
  if (text === "") return null;
  // "Complaints %" is the rate, bare "Complaints" the count.
  return (percent ? PERCENT_LOOKUP.get(text) : undefined) ?? LOOKUP.get(text) ?? null;
}

/** Metric names a qualified header may end with, longest first ("广告投入产出比" → 投入产出比, "Paid ROAS" → roas). */
const METRIC_SUFFIXES: [string, ColumnRole][] = [];
for (const role of METRIC_KEYS) for (const s of SYNONYMS[role]) METRIC_SUFFIXES.push([normaliseHeader(s).text, role]);
METRIC_SUFFIXES.sort((a, b) => b[0].length - a[0].length);

/** A qualifier that makes the column something other than the metric itself: a target, a change, a forecast, an aggregate (a pivot's "Sum of ROI", 求和项:ROI). */
const NOT_THE_METRIC =
  /target|goal|benchmark|budget|plan|forecast|expect|threshold|limit|min|max|avg|average|median|sum|total|count|合计|总计|求和|汇总|计数|change|delta|growth|diff|vs|prev|last|yoy|mom|wow|rank|目标|基准|标杆|预算|预期|预估|预计|计划|预测|阈值|上限|下限|标准|平均|均值|变化|增长|增幅|环比|同比|差|上期|上周|排名|行业/;
const CJK = /[\u3400-\u9fff]/;

/**
 * The metric a qualified header names ("广告投入产出比", "渠道投诉率", "Paid ROAS", "Email complaint rate"), or
 * null. The header must end with a metric's name after a word break (a space, "-", or a Chinese qualifier), and the
 * qualifier must not make it another figure ("Target ROI", "目标ROI", "ROI 基准", "Avg ROAS"). Headers that merely
 * start with the name ("ROI target", "ROI benchmark") never match.
 */
export function recogniseQualifiedHeader(value: CellValue): ColumnRole | null {
  if (typeof value !== "string") return null;
  const { text } = normaliseHeader(value);
  if (text === "" || LOOKUP.has(text)) return null;
  for (const [name, role] of METRIC_SUFFIXES) {
    if (text.length <= name.length || !text.endsWith(name)) continue;
    const qualifier = text.slice(0, text.length - name.length);
    const before = qualifier.charAt(qualifier.length - 1);
    const breakOk = before === " " || before === "-" || before === "/" || CJK.test(before) || CJK.test(name.charAt(0));
    if (!breakOk || NOT_THE_METRIC.test(qualifier)) continue;
    return role;
  }
  return null;
}

/**
 * Header row → role → column index. The first column naming a role wins; a qualified name ("Paid ROAS") counts only
 * for a role no column names plainly; other columns are left alone.
 */
export function detectColumns(header: CellValue[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  let unknown = false;
  for (let c = 0; c < header.length; c++) {
    const role = recogniseHeader(header[c]);
    if (role !== null && mapping[role] === undefined) mapping[role] = c;
    else if (role === null && typeof header[c] === "string") unknown = true;
  }
  if (!unknown) return mapping;
  for (let c = 0; c < header.length; c++) {
    if (typeof header[c] !== "string" || recogniseHeader(header[c]) !== null) continue;
    const role = recogniseQualifiedHeader(header[c]);
    if (role !== null && mapping[role] === undefined && !Object.values(mapping).includes(c)) mapping[role] = c;
  }
  return mapping;
}

/** True when at least one metric (ROI, complaint rate, repurchase rate, LTV/CAC, traffic) has a column. */
export function hasMetricColumn(m: ColumnMapping): boolean {
  return METRIC_KEYS.some((k) => m[k] !== undefined);
}
