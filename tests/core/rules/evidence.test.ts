/**
 * A finding's evidence (issue 10 §1): the values that fired, their periods, the cells and the threshold. Every
 * expected value is worked out by hand from the table in the test, not taken from the code's output.
 */
import { DEFAULT_CONFIG } from "../../../src/core/rules/config";
import { runRules } from "../../../src/core/rules/engine";
import type { ChannelFinding, RuleId, RulesResult } from "../../../src/core/rules/types";
import { seriesRows, table } from "./helpers";

function findingOf(result: RulesResult, ruleId: RuleId): ChannelFinding {
  const found = result.findings.filter((f) => f.ruleId === ruleId);
  expect(found).toHaveLength(1);
  return found[0];
}

describe("finding evidence", () => {
  // Search, ROI by day from 10 Mar: 2.0, 1.8, 1.2, 1.25, 1.3, 1.9, 2.0. Below 1.5 on 12, 13, 14 Mar (data rows 2–4):
  // one run of 3 = roiRunLength. The channel's latest value is 2.0, which fired nothing.
  const roi = table("ROI", seriesRows("Search", "2026-03-10", [2.0, 1.8, 1.2, 1.25, 1.3, 1.9, 2.0]));

  it("shows a run's values with their dates and the benchmark, not the channel's latest value", () => {
    const f = findingOf(runRules(roi), "roi-below-benchmark");
    expect(f.latestValue).toBe(2);
    expect(f.evidence.values).toEqual([
      { period: "2026-03-12", value: 1.2, threshold: 1.5 },
      { period: "2026-03-13", value: 1.25, threshold: 1.5 },
      { period: "2026-03-14", value: 1.3, threshold: 1.5 },
    ]);
    expect(f.evidence.periods).toBe("day");
    expect(f.evidence.weeklyMean).toBe(false);
    expect(f.evidence.text).toEqual({
      en: "ROI 1.2, 1.25, 1.3 on Mar 12 – 14, below 1.5",
      zh: "ROI 1.2、1.25、1.3（3月12日至14日），低于 1.5",
    });
  });

  it("gives the flagged cells with the table's header as row 1 when the host does not place the table", () => {
    // data rows 2–4 are rows 4–6 under a header in row 1; the ROI column is the third (C)
    const f = findingOf(runRules(roi), "roi-below-benchmark");
    expect(f.evidence.cells).toEqual(["C4:C6"]);
    expect(f.evidence.range).toBe("C4:C6");
  });

  it("gives the flagged cells on the sheet where the host placed the table", () => {
    // header in B5 (sheet row index 4), data from row index 5: data rows 2–4 are rows 8–10, column B + 2 = D
    const placed = findingOf(runRules(roi, { placement: { left: 1, firstRow: 5 } }), "roi-below-benchmark");
    expect(placed.evidence.cells).toEqual(["D8:D10"]);
    // the CLI leaves out blank rows: data rows 0–6 sit on sheet rows 1, 2, 3, 5, 6, 8, 9 (0-based)
    const rowMap = [1, 2, 3, 5, 6, 8, 9];
    const mapped = findingOf(runRules(roi, { placement: { left: 0, firstRow: 1, rowMap } }), "roi-below-benchmark");
    // data rows 2, 3, 4 → sheet rows 3, 5, 6 → C4 and C6:C7
    expect(mapped.evidence.cells).toEqual(["C4", "C6:C7"]);
    expect(mapped.evidence.range).toBe("C4:C7");
  });

  it("lists single periods with their own dates and the maximum", () => {
    // WeChat complaint rate 0.5%, 1.2%, 0.4%, 1.5%, 0.6% on 2–6 Mar: above 1% on 3 and 5 Mar (data rows 1 and 3)
    const t = table("Complaint rate", seriesRows("WeChat", "2026-03-02", [0.005, 0.012, 0.004, 0.015, 0.006]));
    const f = findingOf(runRules(t), "complaint-rate-high");
    expect(f.evidence.values).toEqual([
      { period: "2026-03-03", value: 0.012, threshold: 0.01 },
      { period: "2026-03-05", value: 0.015, threshold: 0.01 },
    ]);
    expect(f.evidence.cells).toEqual(["C3", "C5"]);
    expect(f.evidence.range).toBe("C3:C5");
    expect(f.evidence.text).toEqual({
      en: "Complaint rate 1.2% on Mar 3 and 1.5% on Mar 5, above 1%",
      zh: "投诉率 1.2%（3月3日）；1.5%（3月5日），高于 1%",
    });
  });

  it("gives each traffic value with the baseline mean it fell below", () => {
    // Ads traffic 2–8 Mar 10,000 a day (no weekly rhythm), 9 Mar 4,000, 10 Mar 10,000, 11 Mar 5,000.
    // 9 Mar: mean of the previous 7 values 10,000, limit 0.7 × 10,000 = 7,000; 4,000 is 60% below.
    // 10 Mar: the 4,000 was a drop and is left out of later baselines (issue 18 §2): mean 10,000; not below.
    // 11 Mar: the previous 7 values that were not drops (3–8 and 10 Mar) average 10,000, limit 7,000.
    const values = [10000, 10000, 10000, 10000, 10000, 10000, 10000, 4000, 10000, 5000];
    const f = findingOf(runRules(table("Traffic", seriesRows("Ads", "2026-03-02", values))), "traffic-drop");
    expect(f.evidence.values.map((v) => v.period)).toEqual(["2026-03-09", "2026-03-11"]);
    expect(f.evidence.values.map((v) => v.value)).toEqual([4000, 5000]);
    expect(f.evidence.values[0].baseline).toBeCloseTo(10000, 9);
    expect(f.evidence.values[0].threshold).toBeCloseTo(7000, 9);
    expect(f.evidence.values[1].baseline).toBeCloseTo(10000, 9);
    expect(f.evidence.values[1].threshold).toBeCloseTo(7000, 9);
    expect(f.evidence.cells).toEqual(["C9", "C11"]);
    expect(f.evidence.text.en).toBe(
      "Traffic 4,000 (Mar 9) is 60% below the mean of the previous 7 values (10,000); limit 30%; " +
        "then 5,000 (Mar 11, baseline 10,000)",
    );
  });

  it("gives a falling repurchase rate as the chain of weekly values from the week before", () => {
    // Weekly rows 2, 9, 16, 23 Mar: 20%, 18%, 17%, 19%. Falling on 9 and 16 Mar: 2 weeks running (the default).
    const t = table("Repurchase rate", seriesRows("App", "2026-03-02", [0.2, 0.18, 0.17, 0.19], 7));
    const f = findingOf(runRules(t), "repurchase-declining");
    expect(f.evidence.values).toEqual([
      { period: "2026-03-09", value: 0.18, threshold: 0.2, baseline: 0.2 },
      { period: "2026-03-16", value: 0.17, threshold: 0.18, baseline: 0.18 },
    ]);
    expect(f.evidence.periods).toBe("week");
    expect(f.evidence.weeklyMean).toBe(false);
    expect(f.evidence.cells).toEqual(["C3:C4"]);
    // Weekly rates without counts: the default "test" falls back to steps of at least 3% (−10%, −5.6%) and says so.
    expect(f.evidence.text).toEqual({
      en:
        "Repurchase rate 20% → 18% → 17% (weeks of Mar 2 – 16), down 15% over 2 weeks, each week at least 3% lower " +
        "(weekly rates without buyer counts cannot be tested for noise)",
      zh:
        "复购率 20% → 18% → 17%（3月2日至16日当周），2 周累计下降 15%，每周降幅至少 3%" +
        "（周数据没有购买人数与复购人数，无法检验是否为抽样波动）",
    });
    // The seed's rule ("none") states the run alone.
    const none = findingOf(
      runRules(t, { config: { ...DEFAULT_CONFIG, repurchaseEvidence: "none" } }),
      "repurchase-declining",
    );
    expect(none.evidence.text).toEqual({
      en: "Repurchase rate 20% → 18% → 17% (weeks of Mar 2 – 16), falling 2 weeks running",
      zh: "复购率 20% → 18% → 17%（3月2日至16日当周），连续 2 周下滑",
    });
  });

  it("gives the weekly means, one per week, when a weekly rule runs on daily data", () => {
    // Daily LTV/CAC, Mon 2 Mar – Sun 15 Mar. Week of 2 Mar: 1.2, 1.4, 1.3, 1.3, 1.3, 1.3, 1.3 → mean 9.1 / 7 = 1.3;
    // week of 9 Mar: 1.4 every day → 1.4. Both below 1.5: 2 weeks running, all 14 cells flagged.
    const days = [1.2, 1.4, 1.3, 1.3, 1.3, 1.3, 1.3, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4];
    const f = findingOf(runRules(table("LTV/CAC", seriesRows("Search", "2026-03-02", days))), "ltv-cac-low");
    expect(f.periodsFlagged).toBe(14);
    expect(f.evidence.values.map((v) => v.period)).toEqual(["2026-03-02", "2026-03-09"]);
    expect(f.evidence.values[0].value).toBeCloseTo(1.3, 12);
    expect(f.evidence.values[1].value).toBeCloseTo(1.4, 12);
    expect(f.evidence.values.map((v) => v.threshold)).toEqual([1.5, 1.5]);
    expect(f.evidence.periods).toBe("week");
    expect(f.evidence.weeklyMean).toBe(true);
    expect(f.evidence.cells).toEqual(["C2:C15"]);
    expect(f.evidence.text).toEqual({
      en: "Weekly mean LTV/CAC 1.3, 1.4 in weeks of Mar 2 – 9, below 1.5",
      zh: "LTV/CAC 周均值 1.3、1.4（3月2日至9日当周），低于 1.5",
    });
  });

  it("shortens a long run to its first three and last two values with the count", () => {
    // ten values, all below 1.5, on 1–10 Mar: one run of 10
    const values = [1.0, 1.1, 1.2, 1.3, 1.4, 1.0, 1.1, 1.2, 1.3, 1.4];
    const f = findingOf(runRules(table("ROI", seriesRows("Search", "2026-03-01", values))), "roi-below-benchmark");
    expect(f.evidence.values).toHaveLength(10);
    expect(f.evidence.text.en).toBe("ROI 1, 1.1, 1.2, …, 1.3, 1.4 (10 values) on Mar 1 – 10, below 1.5");
  });
});
