import { runRules } from "../../../src/core/rules/engine";
import { DEFAULT_CONFIG } from "../../../src/core/rules/config";
import { flagsOf, periods, seriesRows, table } from "./helpers";

const T = "traffic-drop" as const;

describe("orange: traffic more than 30% below the mean of the previous up to 7 values", () => {
  it("flags 69 after seven days of 100 (limit 70) but not 70", () => {
    const r = runRules(table("Traffic", seriesRows("S", "2026-03-02", [100, 100, 100, 100, 100, 100, 100, 69])));
    expect(periods(r, T)).toEqual(["2026-03-09"]);
    expect(flagsOf(r, T)[0]).toMatchObject({ value: 69, threshold: 70, colour: "orange" });
    expect(flagsOf(r, T)[0].reason.en).toBe(
      "Traffic 69 (Mar 9) is 31% below the mean of the previous 7 values (100); limit 30%",
    );
    const tie = runRules(table("Traffic", seriesRows("S", "2026-03-02", [100, 100, 100, 100, 100, 100, 100, 70])));
    expect(tie.flags).toEqual([]);
  });

  it("compares with the previous values only, up to the window", () => {
    // 130, 100, 100, 100, 75 (no drop before the last: 100 ≥ 0.7 × 130 = 91). Window 3: the 5th compares with
    // mean(100, 100, 100) = 100 → limit 70: 75 is fine. Window 7: mean(130, 100, 100, 100) = 107.5 → limit 75.25:
    // 75 is flagged.
    const rows = seriesRows("S", "2026-03-02", [130, 100, 100, 100, 75]);
    const w3 = runRules(table("Traffic", rows), { config: { ...DEFAULT_CONFIG, trafficWindow: 3 } });
    const w7 = runRules(table("Traffic", rows));
    expect(periods(w3, T)).toEqual([]);
    expect(periods(w7, T)).toEqual(["2026-03-06"]);
  });

  it("skips missing values when averaging", () => {
    // 100, blank, 100, n/a, 65: previous numeric values are 100 and 100 → limit 70
    const r = runRules(table("Traffic", seriesRows("S", "2026-03-02", [100, "", 100, "n/a", 65])));
    expect(periods(r, T)).toEqual(["2026-03-06"]);
    expect(flagsOf(r, T)[0].reason.en).toContain("previous 2 values (100)");
  });

  it("leaves earlier drops out of the mean, so one incident cannot hide the next (issue 18 §2)", () => {
    // 100, 100, 40, 60: 40 < 70 flagged and left out; then the mean of (100, 100) = 100 → limit 70: 60 is a drop
    // too (were the 40 kept, the mean would be 80, the limit 56 and the 60 missed).
    const r = runRules(table("Traffic", seriesRows("S", "2026-03-02", [100, 100, 40, 60])));
    expect(periods(r, T)).toEqual(["2026-03-04", "2026-03-05"]);
    expect(flagsOf(r, T)[1].reason.en).toContain("mean of the previous 2 values (100)");
  });

  it("the issue's case: a 3-day 45% drop, then a 35% drop a week later, both caught", () => {
    // 14 days at 1,000, days 15–17 at 550, days 18–21 at 1,000, day 22 at 650. Mean of the previous 7 values on
    // day 22 with the drops kept: (3 × 550 + 4 × 1,000) / 7 = 807.1 → limit 565: 650 passes unnoticed. Left out:
    // the mean of the 7 previous non-drop values is 1,000 → limit 700: 650 fires.
    const values = [...Array(14).fill(1000), 550, 550, 550, 1000, 1000, 1000, 1000, 650];
    const r = runRules(table("Traffic", seriesRows("S", "2026-03-02", values)), {
      config: { ...DEFAULT_CONFIG, trafficBaseline: "previous" },
    });
    expect(periods(r, T)).toEqual(["2026-03-16", "2026-03-17", "2026-03-18", "2026-03-23"]);
  });

  it("a lasting fall becomes the new normal after two weeks of drops (daily data), not an alarm forever", () => {
    // 10 days at 1,000, then 40 days at 500: the first 14 of them are drops; from the 15th the 500s are the
    // baseline (mean 500, limit 350) and nothing more fires.
    const values = [...Array(10).fill(1000), ...Array(40).fill(500)];
    const r = runRules(table("Traffic", seriesRows("S", "2026-03-02", values)));
    const flagged = periods(r, T);
    expect(flagged.length).toBe(14);
    expect(flagged[0]).toBe("2026-03-12");
    expect(flagged[13]).toBe("2026-03-25");
  });

  it("weekly rows: a whole window of drops (7 weeks) makes the new normal", () => {
    const values = [...Array(5).fill(1000), ...Array(12).fill(500)];
    const r = runRules(table("Traffic", seriesRows("S", "2026-03-02", values, 7)));
    expect(periods(r, T).length).toBe(7);
  });

  it("never flags a channel's first value and compares each channel with itself", () => {
    const rows = [
      ["2026-03-02", "Big", 10000],
      ["2026-03-02", "Small", 50],
      ["2026-03-03", "Big", 9000],
      ["2026-03-03", "Small", 30],
    ];
    const r = runRules(table("Sessions", rows));
    expect(flagsOf(r, T).map((f) => `${f.channel} ${f.period}`)).toEqual(["Small 2026-03-03"]);
  });
});
