import { detectColumns, hasMetricColumn, normaliseHeader, recogniseHeader } from "../../../src/core/table/headers";
import { findHeaderRow } from "../../../src/core/table/findTable";

describe("header normalisation", () => {
  it("lower-cases, trims and reads runs of spaces and underscores as one space", () => {
    expect(normaliseHeader("  Complaint__Rate  ").text).toBe("complaint rate");
    expect(normaliseHeader("REPEAT   purchase_ rate").text).toBe("repeat purchase rate");
  });

  it("drops a trailing unit in half- or full-width brackets and a trailing percent sign", () => {
    expect(normaliseHeader("ROI (x)").text).toBe("roi");
    expect(normaliseHeader("投诉率（%）")).toEqual({ text: "投诉率", percent: true });
    expect(normaliseHeader("Complaint rate %")).toEqual({ text: "complaint rate", percent: true });
    expect(normaliseHeader("Traffic [visits]").text).toBe("traffic");
  });

  it("removes spaces around slashes and colons", () => {
    expect(normaliseHeader("LTV / CAC").text).toBe("ltv/cac");
    expect(normaliseHeader("Source / Medium").text).toBe("source/medium");
  });
});

describe("recognising headers", () => {
  it.each([
    ["Date", "date"],
    ["Week", "date"],
    ["日期", "date"],
    ["周", "date"],
    ["Channel", "channel"],
    ["Source / Medium", "channel"],
    ["来源", "channel"],
    ["ROI (x)", "roi"],
    ["ROAS", "roi"],
    ["Return on ad spend", "roi"],
    ["投入产出比", "roi"],
    ["投产比", "roi"],
    ["Complaints rate", "complaintRate"],
    ["客诉率", "complaintRate"],
    ["投诉率（%）", "complaintRate"],
    ["Repeat purchase rate", "repurchaseRate"],
    ["复购", "repurchaseRate"],
    ["回购率", "repurchaseRate"],
    ["LTV_CAC", "ltvCac"],
    ["LTV:CAC", "ltvCac"],
    ["LTV/CAC ratio", "ltvCac"],
    ["ltv cac", "ltvCac"],
    ["Sessions", "traffic"],
    ["UV", "traffic"],
    ["PV", "traffic"],
    ["访客数", "traffic"],
    ["访问量", "traffic"],
    ["ＲＯＩ", "roi"],
  ])("reads %p as %p", (header, role) => {
    expect(recogniseHeader(header)).toBe(role);
  });

  it("recognises every synonym issue 4 lists, in any case and with stray spaces or underscores", () => {
    // The list from the issue, word for word; each is also tried upper-cased with padding.
    const listed: [string, string][] = [
      ...["date", "day", "week", "period", "日期", "时间", "周"].map((h): [string, string] => [h, "date"]),
      ...["channel", "source", "渠道", "来源"].map((h): [string, string] => [h, "channel"]),
      ...["roi", "roas", "投入产出比"].map((h): [string, string] => [h, "roi"]),
      ...["complaint rate", "complaints rate", "投诉率"].map((h): [string, string] => [h, "complaintRate"]),
      ...["repurchase rate", "repeat purchase rate", "复购率"].map((h): [string, string] => [h, "repurchaseRate"]),
      ...["ltv/cac", "ltv_cac", "ltv:cac", "ltv cac"].map((h): [string, string] => [h, "ltvCac"]),
      ...["traffic", "visits", "sessions", "流量", "访问量"].map((h): [string, string] => [h, "traffic"]),
    ];
    for (const [h, role] of listed) {
      expect([h, recogniseHeader(h)]).toEqual([h, role]);
      const messy = `  ${h.toUpperCase().replace(/ /g, " __ ")}  `;
      expect([messy, recogniseHeader(messy)]).toEqual([messy, role]);
    }
    // units and percent signs from the examples
    expect(recogniseHeader("ROI (x)")).toBe("roi");
    expect(recogniseHeader("投诉率（%）")).toBe("complaintRate");
    expect(recogniseHeader("Repurchase_Rate %")).toBe("repurchaseRate");
    expect(recogniseHeader("LTV__CAC (x)")).toBe("ltvCac");
  });

  it("leaves other columns alone, including look-alikes that only contain a known word", () => {
    for (const h of ["Notes", "Traffic source share", "ROI target", "Cost / conv.", "", null, 42]) {
      expect(recogniseHeader(h)).toBeNull();
    }
    expect(recogniseHeader("Traffic source")).toBe("channel"); // a channel, not traffic
  });

  it("reads a bare 'Complaints' as a rate only when the header carries a percent sign (else the count)", () => {
    // issue 12 §2: the bare name is the count behind the rate (the complaint rule's Wilson evidence)
    expect(recogniseHeader("Complaints")).toBe("complaints");
    expect(recogniseHeader("订单数")).toBe("orders");
    expect(recogniseHeader("Complaints (%)")).toBe("complaintRate");
    expect(recogniseHeader("Repurchase %")).toBe("repurchaseRate");
  });

  it("reads buyers and repeat buyers as the counts behind the repurchase rate (issue 17 §2)", () => {
    // Taobao 生意参谋 and Shopify name these columns so: 支付买家数 / Returning customers
    for (const h of ["Buyers", "支付买家数", "购买人数", "Paying customers"])
      expect([h, recogniseHeader(h)]).toEqual([h, "buyers"]);
    for (const h of ["Repeat buyers", "复购人数", "Returning customers", "复购买家数"])
      expect([h, recogniseHeader(h)]).toEqual([h, "repeatBuyers"]);
    // with a percent sign the same words name the rate
    expect(recogniseHeader("Repeat customers %")).toBe("repurchaseRate");
    expect(detectColumns(["日期", "支付买家数", "复购人数"])).toEqual({ date: 0, buyers: 1, repeatBuyers: 2 });
  });
});

describe("detectColumns", () => {
  it("maps every recognised role to its column, the first column winning", () => {
    const m = detectColumns([
      "Date",
      "Channel",
      "Spend",
      "ROI",
      "ROAS",
      "Complaint rate",
      "Traffic",
      "复购率",
      "LTV/CAC",
    ]);
    expect(m).toEqual({
      date: 0,
      channel: 1,
      cost: 2,
      roi: 3,
      complaintRate: 5,
      traffic: 6,
      repurchaseRate: 7,
      ltvCac: 8,
    });
  });

  it("knows when a header has no metric column", () => {
    expect(hasMetricColumn(detectColumns(["Date", "Channel", "Spend"]))).toBe(false);
    expect(hasMetricColumn(detectColumns(["流量"]))).toBe(true);
  });
});

describe("findHeaderRow", () => {
  it("finds the header below a title row and blank rows", () => {
    const rows = [
      ["Channel report, March 2026"],
      [],
      [null, ""],
      ["Date", "Channel", "ROI"],
      ["2026-03-02", "Search", 2],
    ];
    expect(findHeaderRow(rows)).toBe(3);
  });

  it("returns -1 when none of the first 10 non-empty rows names a metric", () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`note ${i}`]);
    rows.push(["Date", "ROI"]); // the 11th non-empty row is too far down
    expect(findHeaderRow(rows)).toBe(-1);
    expect(findHeaderRow(rows, 11)).toBe(10);
    expect(findHeaderRow([])).toBe(-1);
  });
});
