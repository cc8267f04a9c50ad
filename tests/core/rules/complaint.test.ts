import { DEFAULT_CONFIG } from "../../../src/core/rules/config";
import { runRules } from "../../../src/core/rules/engine";
import { flagsOf, periods, seriesRows, table } from "./helpers";

const C = "complaint-rate-high" as const;

describe("orange: complaint rate above 1% in a period", () => {
  it("flags a single day above 1% and not a day at exactly 1%", () => {
    const r = runRules(
      table("Complaint rate", seriesRows("Search", "2026-03-02", [0.005, 0.012, 0.01, 0.01 * (1 + 1e-12)])),
    );
    expect(periods(r, C)).toEqual(["2026-03-03"]);
    expect(flagsOf(r, C)[0]).toMatchObject({ colour: "orange", value: 0.012, threshold: 0.01 });
    expect(flagsOf(r, C)[0].reason).toEqual({
      en: "Complaint rate 1.2% > 1% (Mar 3)",
      zh: "投诉率 1.2% > 1%（3月3日）",
    });
  });

  it("reads percentage text: 1.2% is above 1%, 0.8% is not", () => {
    const r = runRules(table("投诉率", seriesRows("Search", "2026-03-02", ["0.8%", "1.2%"])));
    expect(periods(r, C)).toEqual(["2026-03-03"]);
    expect(r.percentColumns).toEqual([]);
  });

  it("reads a column with any number above 1 as percentages and says so", () => {
    // 0.5, 1.2, 0.8 typed meaning percent → 0.005, 0.012, 0.008: only 1.2% is above 1%
    const r = runRules(table("Complaint rate", seriesRows("Search", "2026-03-02", [0.5, 1.2, 0.8])));
    expect(periods(r, C)).toEqual(["2026-03-03"]);
    expect(flagsOf(r, C)[0].value).toBeCloseTo(0.012, 12);
    expect(r.percentColumns).toEqual(["complaintRate"]);
    expect(r.warnings.find((w) => w.code === "percent-column")?.message.en).toContain("percentages");
  });

  it("does not divide text that already carries a percent sign when the column is read as percentages", () => {
    // 2 → 2%, "1.5%" stays 1.5%, 0.8 → 0.8%
    const r = runRules(table("Complaint rate", seriesRows("Search", "2026-03-02", [2, "1.5%", 0.8])));
    expect(flagsOf(r, C).map((f) => +f.value.toFixed(6))).toEqual([0.02, 0.015]);
  });

  it("fires on monthly data too", () => {
    const rows = [
      ["2026-01-01", "Search", 0.02],
      ["2026-02-01", "Search", 0.005],
    ];
    expect(periods(runRules(table("Complaint rate", rows)), C)).toEqual(["2026-01-01"]);
  });

  it("never flags missing values", () => {
    const r = runRules(table("Complaint rate", seriesRows("S", "2026-03-02", ["n/a", "-", null, "high"])));
    expect(r.flags).toEqual([]);
  });
});

describe('complaintEvidence "wilson": the counts behind the rate (issue 12 §2)', () => {
  // Date, Channel, Complaint rate, 投诉数 (complaints), 订单数 (orders). Both days' rates are 1.5% > 1%.
  // statsmodels proportion_confint(method="wilson"): 15 of 1,000 → [0.911%, 2.460%]; 30 of 2,000 → [1.053%, 2.133%].
  const report = {
    header: ["日期", "渠道", "投诉率", "投诉数", "订单数"],
    rows: [
      ["2026-03-02", "抖音", 0.015, 15, 1000],
      ["2026-03-03", "抖音", 0.015, 30, 2000],
      ["2026-03-04", "抖音", 0.015, null, null],
    ],
  };

  it("recognises the count columns by header", () => {
    const r = runRules(report);
    expect([r.mapping.complaints, r.mapping.orders]).toEqual([3, 4]);
  });

  it('"rate" (default, the seed\'s) flags all three days at 1.5%', () => {
    expect(periods(runRules(report), C)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
  });

  it('"wilson" flags only the day whose lower bound clears 1%, and keeps the rate rule where counts are missing', () => {
    const r = runRules(report, { config: { ...DEFAULT_CONFIG, complaintEvidence: "wilson" } });
    expect(periods(r, C)).toEqual(["2026-03-03", "2026-03-04"]);
    expect(flagsOf(r, C)[0].reason.en).toBe("Complaint rate 1.5% (30 of 2,000; 95% lower bound 1.05%) > 1% (Mar 3)");
  });
});
