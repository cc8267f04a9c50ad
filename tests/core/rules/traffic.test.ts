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
      "Traffic 69 (9 Mar) is 31% below the mean of the previous 7 values (100); limit 30%",
    );
    const tie = runRules(table("Traffic", seriesRows("S", "2026-03-02", [100, 100, 100, 100, 100, 100, 100, 70])));
    expect(tie.flags).toEqual([]);
  });

  it("compares with the previous values only, up to the window", () => {
    // 300, 100, 100, 100, 75. Window 3: 5th compares with mean(100, 100, 100) = 100 → limit 70: 75 is fine.
    // Window 7: mean(300, 100, 100, 100) = 150 → limit 105: 75 is flagged.
    const rows = seriesRows("S", "2026-03-02", [300, 100, 100, 100, 75]);
    const w3 = runRules(table("Traffic", rows), { config: { ...DEFAULT_CONFIG, trafficWindow: 3 } });
    const w7 = runRules(table("Traffic", rows));
    expect(periods(w3, T)).not.toContain("2026-03-06");
    expect(periods(w7, T)).toContain("2026-03-06");
    // 2nd value: mean(300) = 300 → limit 210: 100 is a drop in both
    expect(periods(w3, T)[0]).toBe("2026-03-03");
  });

  it("skips missing values when averaging", () => {
    // 100, blank, 100, n/a, 65: previous numeric values are 100 and 100 → limit 70
    const r = runRules(table("Traffic", seriesRows("S", "2026-03-02", [100, "", 100, "n/a", 65])));
    expect(periods(r, T)).toEqual(["2026-03-06"]);
    expect(flagsOf(r, T)[0].reason.en).toContain("previous 2 values (100)");
  });

  it("keeps earlier drops in the mean", () => {
    // 100, 100, 40, 60: 40 < 70 flagged; then mean(100, 100, 40) = 80 → limit 56: 60 is not a drop
    // (were the 40 left out, the limit would be 70 and 60 would be flagged)
    const r = runRules(table("Traffic", seriesRows("S", "2026-03-02", [100, 100, 40, 60])));
    expect(periods(r, T)).toEqual(["2026-03-04"]);
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
