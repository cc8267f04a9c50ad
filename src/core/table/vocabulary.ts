/**
 * The words for every column role, in English and Chinese, as the seed article, spreadsheets people type and the ad
 * platforms' and analytics tools' exports write them (Google Ads, Meta Ads Manager, TikTok Ads, GA4, Amazon Ads,
 * Ocean Engine 巨量引擎, Baidu 百度营销, Tencent Ads 腾讯广告, shop back offices such as 生意参谋). Data only: the one
 * place a column name is added (headers.ts reads it). Names are written as normaliseHeader leaves them is not
 * required: each is normalised when the lookup is built.
 *
 * Each role is a list of groups in preference order: when a header row names a role in more than one column, a
 * column of an earlier group wins (else the leftmost). So a GA4 report with Sessions and Users reads Sessions as
 * the traffic, and an ad-group report with Campaign and Ad group columns is grouped by ad group (one row per ad
 * group and day; grouping by campaign would put several rows on one day).
 */
import type { ColumnRole } from "./types";

// prettier-ignore
export const VOCABULARY: Readonly<Record<ColumnRole, readonly (readonly string[])[]>> = {
  date: [
    [
      "date", "day", "week", "period", "month", "time", "report date", "start date", "week start", "week starting",
      "week of", "week commencing", "week beginning", "date range",
      "reporting starts", "reporting start", "reporting date", "stat date", "date (utc)", "by day", "stat time day",
      "日期", "时间", "周", "日", "天", "周次", "月份", "统计日期", "数据日期", "报告日期", "日期时间", "周期",
      "统计时间", "时间段", "投放日期", "数据时间",
    ],
  ],
  channel: [
    // the finest grain first: ad groups / ad sets / units, then campaigns, then channels and sources
    [
      "ad group", "ad group name", "ad set", "ad set name", "adgroup name", "ad group id",
      "广告组", "广告组名称", "推广单元", "单元名称", "单元", "广告名称",
    ],
    [
      "campaign", "campaign name", "campaign id",
      "计划名称", "推广计划", "广告计划", "计划", "推广计划名称", "广告计划名称", "广告系列", "广告系列名称",
    ],
    [
      "channel", "source", "channel name", "traffic source", "source/medium", "medium", "platform",
      "marketing channel", "acquisition channel", "ad channel", "channel group", "default channel group", "network",
      "session default channel group", "session source/medium", "session source", "session medium",
      "first user default channel group", "first user source/medium", "session primary channel group",
      "渠道", "来源", "渠道名称", "流量来源", "来源/媒介", "媒介", "平台", "投放渠道", "推广渠道", "获客渠道", "渠道来源",
      "会话默认渠道组", "会话来源/媒介",
    ],
  ],
  roi: [
    [
      "roi", "roas", "return on ad spend", "return on investment", "roi ratio", "ad roi", "roas ratio",
      "return on spend", "conv. value/cost", "all conv. value/cost", "conversion value/cost", "conv. value/cost ratio",
      "purchase roas", "website purchase roas", "complete payment roas", "total roas", "payment roas",
      "return on advertising spend", "total return on advertising spend",
      "投入产出比", "投产比", "投资回报率", "广告投资回报率", "广告支出回报率", "投资回报", "回报率",
      "支付roi", "整体支付roi", "直接支付roi", "成交roi", "下单roi", "付费roi", "首日roi", "广告roi",
    ],
  ],
  complaintRate: [
    [
      "complaint rate", "complaints rate", "complaint ratio", "complaints ratio", "customer complaint rate",
      "投诉率", "客诉率", "投诉比例", "客诉比例", "用户投诉率", "投诉占比",
    ],
  ],
  repurchaseRate: [
    [
      "repurchase rate", "repeat purchase rate", "repeat rate", "repeat customer rate", "rebuy rate",
      "repurchase ratio", "re-purchase rate", "repeat order rate", "retention purchase rate",
      "returning customer rate",
      "复购率", "复购", "回购率", "重复购买率", "二次购买率", "复购比例", "复购占比", "老客复购率",
    ],
  ],
  ltvCac: [
    [
      "ltv/cac", "ltv cac", "ltv:cac", "ltv-cac", "ltv to cac", "ltv/cac ratio", "ltv:cac ratio", "ltv cac ratio",
      "ltv to cac ratio", "ltv-cac ratio", "clv/cac", "cltv/cac", "clv:cac", "ltv/cac比", "ltv/cac比值",
      "ltv/cac 比值", "生命周期价值/获客成本",
    ],
  ],
  traffic: [
    // traffic named as such, then visits (sessions), then people, then page views, then ad clicks
    ["traffic", "流量"],
    ["visits", "sessions", "访问量", "访问次数", "会话数", "会话", "访问数", "进店次数"],
    [
      "visitors", "unique visitors", "uv", "users", "total users", "active users", "new users",
      "访客数", "访客", "访问人数", "独立访客", "用户数", "活跃用户数", "进店人数",
    ],
    ["pv", "page views", "pageviews", "views", "screen page views", "views (pv)", "浏览量", "浏览次数", "页面浏览量"],
    // link clicks (to the site) before all clicks (Meta's "Clicks (all)" counts likes and shares too)
    ["link clicks", "outbound clicks", "链接点击量"],
    ["clicks", "clicks (all)", "点击数", "点击量", "点击次数", "点击"],
  ],
  complaints: [
    [
      "complaints", "complaint", "complaint count", "number of complaints", "complaints count", "# complaints",
      "投诉数", "投诉量", "投诉次数", "投诉单数", "客诉数", "客诉量", "客诉单数", "投诉", "客诉",
    ],
  ],
  orders: [
    [
      "orders", "order count", "number of orders", "orders count", "# orders", "purchases", "transactions",
      "订单数", "订单量", "订单", "成交单数", "成交订单数", "下单数", "交易笔数", "支付订单数", "支付子订单数",
    ],
  ],
  buyers: [
    [
      "buyers", "buyer count", "number of buyers", "# buyers", "unique buyers", "purchasers", "paying customers",
      "paying users", "customers who purchased",
      "购买人数", "买家数", "支付买家数", "成交买家数", "成交人数", "支付人数", "下单人数", "下单买家数", "购买用户数",
      "付费用户数", "成交客户数",
    ],
  ],
  repeatBuyers: [
    [
      "repeat buyers", "repeat buyer count", "number of repeat buyers", "# repeat buyers", "repeat customers",
      "returning customers", "returning buyers", "repeat purchasers",
      "复购人数", "复购买家数", "复购用户数", "复购客户数", "回购人数", "回头客数", "老买家数", "重复购买人数",
      "老客复购人数",
    ],
  ],
  revenue: [
    [
      "revenue", "total revenue", "purchase revenue", "conv. value", "all conv. value", "conversion value",
      "conversions value", "purchases conversion value", "purchase conversion value",
      "website purchases conversion value", "total purchase value", "complete payment value", "sales",
      "total sales", "7 day total sales", "14 day total sales", "gmv",
      "销售额", "成交金额", "支付金额", "交易金额", "成交额", "总成交金额", "整体成交金额", "整体支付金额", "下单金额", "直接支付金额", "支付gmv",
      "营业额", "收入", "营收", "订单金额", "转化金额",
    ],
  ],
  cost: [
    [
      "cost", "spend", "amount spent", "ad spend", "total spend", "total cost", "media cost", "spend (usd)",
      "消耗", "花费", "消费", "总花费", "总消耗", "广告花费", "广告消耗", "推广费用", "投放金额", "广告费",
    ],
  ],
};

/**
 * Read as a rate only when the header carried a percent sign ("Complaints %"): bare "Complaints" is the count.
 */
// prettier-ignore
export const PERCENT_ONLY: Readonly<Partial<Record<ColumnRole, readonly string[]>>> = {
  complaintRate: ["complaint", "complaints", "客诉", "投诉"],
  repurchaseRate: ["repurchase", "repeat purchase", "repeat purchases", "repeat customers"],
};

/**
 * Labels of a totals row (in the date or channel column, or the first cell): left out of every rule and listed in
 * the notes. Matched on the lower-cased text before a ":" or "-" ("Total: Account", "Total - Campaigns", "合计：").
 */
// prettier-ignore
export const TOTAL_LABELS: readonly string[] = [
  "total", "totals", "grand total", "sum", "subtotal", "sub total", "sub-total", "overall", "all channels",
  "all campaigns", "account total", "summary", "gesamt", "gesamtsumme", "summe", "total général", "total general",
  "totale", "totaal", "итого", "всего", "合計", "總計", "小計",
  "合计", "总计", "小计", "总和", "汇总", "全部渠道", "所有渠道", "总体", "全部", "整体",
];
