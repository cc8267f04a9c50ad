/**
 * Issue 17 §2: the header rows the ad platforms and analytics tools export, one test per platform, each read to
 * the roles a marketer would name by hand. The header rows are the platforms' own column names as their reports,
 * help pages or connectors' field lists show them (tests/fixtures/exports/SOURCES.md cites each).
 */
import { detectColumns, hasMetricColumn } from "../../../src/core/table/headers";
import { findTable } from "../../../src/core/table/findTable";
import { isTotalLabel } from "../../../src/core/table/totals";
import { derivedMetrics } from "../../../src/core/table/derived";
import { VOCABULARY } from "../../../src/core/table/vocabulary";
import { COLUMN_ROLES } from "../../../src/core/table/types";

describe("platform export headers (issue 17 §2)", () => {
  it("Google Ads: Day, Campaign, Clicks, Conv. value / cost (its ROAS), Cost and Conv. value as parts", () => {
    const h = ["Day", "Campaign", "Clicks", "Impr.", "Cost", "Conv. value", "Conv. value / cost"];
    expect(detectColumns(h)).toEqual({ date: 0, channel: 1, traffic: 2, cost: 4, revenue: 5, roi: 6 });
  });

  it("Google Ads with an ad-group column groups by ad group, the row's grain", () => {
    const h = ["Day", "Campaign", "Ad group", "Clicks", "Cost", "Conv. value"];
    expect(detectColumns(h)).toMatchObject({ date: 0, channel: 2, traffic: 3, cost: 4, revenue: 5 });
  });

  it("Meta Ads Manager: Reporting starts, Ad set name, Link clicks over Clicks (all), Purchase ROAS (return on ad spend)", () => {
    const h = [
      "Reporting starts",
      "Reporting ends",
      "Campaign name",
      "Ad set name",
      "Amount spent (USD)",
      "Clicks (all)",
      "Link clicks",
      "Purchases",
      "Purchases conversion value",
      "Purchase ROAS (return on ad spend)",
    ];
    // Link clicks (to the site) are preferred over Clicks (all), which count likes and shares too
    expect(detectColumns(h)).toEqual({
      date: 0,
      channel: 3,
      cost: 4,
      traffic: 6,
      orders: 7,
      revenue: 8,
      roi: 9,
    });
  });

  it("TikTok Ads: By Day, Campaign name, Cost, Clicks, Complete payment ROAS", () => {
    const h = ["By Day", "Campaign name", "Cost", "Impressions", "Clicks", "Complete payment ROAS"];
    expect(detectColumns(h)).toEqual({ date: 0, channel: 1, cost: 2, traffic: 4, roi: 5 });
  });

  it("GA4: Date (20261102), Session default channel group, Sessions preferred over Users, Total revenue", () => {
    const h = ["Date", "Session default channel group", "Users", "Sessions", "Total revenue"];
    expect(detectColumns(h)).toEqual({ date: 0, channel: 1, traffic: 3, revenue: 4 });
    // no cost column: no ROI to derive, and traffic alone is a metric
    expect(derivedMetrics(detectColumns(h))).toEqual({});
    expect(detectColumns(["Date", "Session source / medium", "Sessions"])).toEqual({ date: 0, channel: 1, traffic: 2 });
  });

  it("Amazon Ads: Date, Campaign Name, Clicks, Spend, 7 Day Total Sales, Total Return on Advertising Spend (ROAS)", () => {
    const h = ["Date", "Campaign Name", "Impressions", "Clicks", "Spend", "7 Day Total Sales", "ROAS"];
    expect(detectColumns(h)).toEqual({ date: 0, channel: 1, traffic: 3, cost: 4, revenue: 5, roi: 6 });
  });

  it("Ocean Engine 巨量引擎 (千川): 日期, 计划名称, 消耗, 点击数, 整体支付ROI, 支付ROI", () => {
    const h = ["日期", "计划名称", "消耗", "展示数", "点击数", "整体成交金额", "整体支付ROI", "支付ROI"];
    // 整体成交金额 is the revenue (a part); with 整体支付ROI present nothing is derived
    expect(detectColumns(h)).toEqual({ date: 0, channel: 1, cost: 2, traffic: 4, revenue: 5, roi: 6 });
    expect(derivedMetrics(detectColumns(h))).toEqual({});
  });

  it("Baidu 百度营销: 日期, 推广计划, 推广单元 (finer), 消费, 点击, 投入产出比", () => {
    const h = ["日期", "推广计划", "推广单元", "展现", "点击", "消费", "投入产出比"];
    expect(detectColumns(h)).toEqual({ date: 0, channel: 2, traffic: 4, cost: 5, roi: 6 });
  });

  it("Tencent Ads 腾讯广告: 时间, 广告组名称, 花费, 点击量, 下单ROI", () => {
    const h = ["时间", "广告组名称", "曝光量", "点击量", "花费", "下单金额", "下单ROI"];
    expect(detectColumns(h)).toEqual({ date: 0, channel: 1, traffic: 3, cost: 4, revenue: 5, roi: 6 });
  });

  it("a shop back office (生意参谋): 统计日期, 访客数 over 浏览量, 支付金额, 支付买家数, 复购人数", () => {
    const h = ["统计日期", "浏览量", "访客数", "支付金额", "支付买家数", "复购人数", "支付子订单数"];
    const m = detectColumns(h);
    expect(m).toEqual({ date: 0, traffic: 2, revenue: 3, buyers: 4, repeatBuyers: 5, orders: 6 });
    expect(derivedMetrics(m)).toEqual({ repurchaseRate: { numerator: 5, denominator: 4 } });
  });

  it("a table with Spend and Revenue but no ROI column derives ROI from them", () => {
    const m = detectColumns(["Date", "Channel", "Spend", "Revenue"]);
    expect(hasMetricColumn(m)).toBe(true);
    expect(derivedMetrics(m)).toEqual({ roi: { numerator: 3, denominator: 2 } });
    // with an ROI column nothing is derived
    expect(derivedMetrics(detectColumns(["Date", "Spend", "Revenue", "ROAS"]))).toEqual({});
  });

  it("names every role's words once: no word is claimed by two roles", () => {
    const seen = new Map<string, string>();
    for (const role of COLUMN_ROLES)
      for (const group of VOCABULARY[role])
        for (const w of group) {
          const key = w.toLowerCase();
          expect([w, seen.get(key) ?? role]).toEqual([w, role]);
          seen.set(key, role);
        }
  });
});

describe("what is not a channel report (issue 17 §2)", () => {
  it("a finance sheet rate | nper | pmt | pv (no period, no channel) is not taken for one", () => {
    const rows = [
      ["rate", "nper", "pmt", "pv"],
      [0.05, 10, -100, 772.17],
      [0.04, 12, -250, 2346.27],
    ];
    expect(findTable(rows)).toBeNull();
  });

  it("the same pv under a date column is traffic", () => {
    const rows = [
      ["Date", "pv"],
      ["2026-11-02", 1200],
    ];
    expect(findTable(rows)?.mapping).toEqual({ date: 0, traffic: 1 });
  });
});

describe("totals rows (issue 17 §2)", () => {
  it.each([
    "Total: Account",
    "Total: Campaigns",
    "Total - Search",
    "Grand total",
    "合计",
    "总计：",
    "合計",
    "Gesamt",
    "Итого",
    "TOTAL",
  ])("reads %p as a totals label", (label) => expect(isTotalLabel(label)).toBe(true));

  it.each(["Totally Social", "Summer sale", "Search", "2026-11-02", "合作伙伴"])("leaves %p alone", (label) =>
    expect(isTotalLabel(label)).toBe(false),
  );
});
