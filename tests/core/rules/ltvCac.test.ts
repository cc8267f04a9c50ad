import { runRules } from "../../../src/core/rules/engine";
import { flagsOf, periods, seriesRows, table } from "./helpers";

const L = "ltv-cac-low" as const;

describe("red: LTV/CAC below 1.5 for 2 consecutive weeks", () => {
  it("flags a 2-week run on weekly data and not a lone low week", () => {
    // 1.4, 1.3 (run of 2: flagged), 1.6, 1.2 (alone)
    const r = runRules(table("LTV/CAC", seriesRows("S", "2026-03-02", [1.4, 1.3, 1.6, 1.2], 7)));
    expect(periods(r, L)).toEqual(["2026-03-02", "2026-03-09"]);
    expect(flagsOf(r, L)[0]).toMatchObject({ colour: "red", value: 1.4, threshold: 1.5 });
    expect(flagsOf(r, L)[0].reason).toEqual({
      en: "LTV/CAC 1.4 < 1.5 for 2 weeks running (Mar 2 – 9)",
      zh: "LTV/CAC 1.4 < 1.5，连续 2 周（3月2日至9日）",
    });
  });

  it("treats exactly 1.5 as not below", () => {
    expect(runRules(table("LTV/CAC", seriesRows("S", "2026-03-02", [1.5, 1.4], 7))).flags).toEqual([]);
    expect(periods(runRules(table("LTV/CAC", seriesRows("S", "2026-03-02", [1.49, 1.4], 7))), L)).toHaveLength(2);
  });

  it("uses weekly means on daily data and colours every numeric cell of those weeks", () => {
    // week of 2 Mar: 1.6, 1.6, 1.0 ×5 → mean (3.2 + 5)/7 = 1.17; week of 9 Mar: 1.4 ×7 → both weeks low
    const values = [1.6, 1.6, 1, 1, 1, 1, 1, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4];
    const r = runRules(table("LTV:CAC", seriesRows("S", "2026-03-02", values)));
    expect(periods(r, L)).toHaveLength(14);
    expect(flagsOf(r, L)[0].value).toBe(1.6); // the cell's own value; the reason gives the weekly mean
    expect(flagsOf(r, L)[0].reason.en).toBe("Weekly mean LTV/CAC 1.17 < 1.5 for 2 weeks running (weeks of Mar 2 – 9)");
  });

  it("needs the low weeks to be consecutive ISO weeks", () => {
    // weeks of 2 and 16 Mar low, 9 Mar fine
    const values = Array.from({ length: 21 }, (_, i) => (i >= 7 && i < 14 ? 2 : 1));
    expect(runRules(table("LTV/CAC", seriesRows("S", "2026-03-02", values))).flags).toEqual([]);
  });

  it("counts rows as periods without a date column", () => {
    const r = runRules({ header: ["LTV/CAC"], rows: [[2], [1.2], [1.1]] });
    expect(periods(r, L)).toEqual(["row 2", "row 3"]);
    expect(flagsOf(r, L)[0].reason.en).toBe("LTV/CAC 1.2 < 1.5 for 2 periods running (rows 2–3)");
  });

  it("forms no weekly values on monthly data", () => {
    const rows = ["2026-01-05", "2026-02-02", "2026-03-02"].map((d) => [d, "S", 1]);
    const r = runRules(table("LTV/CAC", rows));
    expect(r.flags).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain("run-rules-need-daily-or-weekly");
  });
});
