import { runRules } from "../../../src/core/rules/engine";
import { DEFAULT_CONFIG } from "../../../src/core/rules/config";
import { flagsOf, periods, seriesRows, table } from "./helpers";

const ROI = "roi-below-benchmark" as const;

describe("yellow: ROI below the benchmark (1.5) for 3 consecutive periods", () => {
  it("flags every day of a run of 3 and none of a run of exactly 2", () => {
    // 2 Mar 2.0 | 3–5 Mar 1.2, 1.4, 1.1 (3 below: flagged) | 6 Mar 2.0 | 7–8 Mar 1.3, 1.0 (only 2 below)
    const r = runRules(table("ROI", seriesRows("Search", "2026-03-02", [2, 1.2, 1.4, 1.1, 2, 1.3, 1.0])));
    expect(periods(r, ROI)).toEqual(["2026-03-03", "2026-03-04", "2026-03-05"]);
    const first = flagsOf(r, ROI)[0];
    expect(first).toMatchObject({ row: 1, col: 2, colour: "yellow", channel: "Search", value: 1.2, threshold: 1.5 });
    expect(first.reason.en).toBe("ROI 1.2 < 1.5 for 3 days running (Mar 3 – 5)");
    expect(first.reason.zh).toBe("ROI 1.2 < 1.5，连续 3 天（3月3日至5日）");
  });

  it("flags a run of exactly 2 when the run length is set to 2", () => {
    const r = runRules(table("ROI", seriesRows("Search", "2026-03-02", [2, 1.3, 1.0, 2])), {
      config: { ...DEFAULT_CONFIG, roiRunLength: 2 },
    });
    expect(periods(r, ROI)).toEqual(["2026-03-03", "2026-03-04"]);
  });

  it("does not join days across a missing date", () => {
    // 2, 3, 5, 6 Mar all below: 4 Mar has no row, so two runs of 2
    const rows = [
      ["2026-03-02", "Search", 1],
      ["2026-03-03", "Search", 1],
      ["2026-03-05", "Search", 1],
      ["2026-03-06", "Search", 1],
    ];
    expect(periods(runRules(table("ROI", rows)), ROI)).toEqual([]);
  });

  it("does not join days across a missing value (blank, n/a or dash)", () => {
    for (const gap of [null, "", "n/a", "-"]) {
      const r = runRules(table("ROI", seriesRows("Search", "2026-03-02", [1, 1, gap, 1, 1])));
      expect(periods(r, ROI)).toEqual([]);
    }
  });

  it("reads ROI written as text", () => {
    const r = runRules(table("ROI", seriesRows("Search", "2026-03-02", ["1.2", "1.30", " 1.1x"])));
    expect(flagsOf(r, ROI).map((f) => f.value)).toEqual([1.2, 1.3, 1.1]);
  });

  it("treats ROI equal to the benchmark as not below, also within 1e-9 relative", () => {
    // 1.5 breaks the run: runs are [2 Mar] and [4–5 Mar], neither 3 long
    expect(periods(runRules(table("ROI", seriesRows("S", "2026-03-02", [1.4, 1.5, 1.4, 1.4]))), ROI)).toEqual([]);
    const nearly = 1.5 * (1 - 1e-12);
    expect(periods(runRules(table("ROI", seriesRows("S", "2026-03-02", [1.4, nearly, 1.4]))), ROI)).toEqual([]);
    // 1.4999 is a real difference (6.7e-5 relative)
    expect(periods(runRules(table("ROI", seriesRows("S", "2026-03-02", [1.4, 1.4999, 1.4]))), ROI)).toHaveLength(3);
  });

  it("counts weeks on weekly data: rows exactly 7 days apart are consecutive", () => {
    const r = runRules(table("ROI", seriesRows("Search", "2026-03-02", [1, 1.1, 1.2, 2], 7)));
    expect(periods(r, ROI)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    expect(flagsOf(r, ROI)[0].reason.en).toBe("ROI 1 < 1.5 for 3 weeks running (Mar 2 – 16)");
  });

  it("treats a tie between daily and weekly gaps as daily", () => {
    // gaps 1, 1, 7, 7: a tie, so daily; 2–4 Mar is a 3-day run, 11 and 18 Mar are not consecutive days
    const rows = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-11", "2026-03-18"].map((d) => [d, "S", 1]);
    expect(periods(runRules(table("ROI", rows)), ROI)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
  });

  it("without a date column takes rows in order, each consecutive with the one before", () => {
    const r = runRules({
      header: ["Channel", "ROI"],
      rows: [
        ["A", 2],
        ["A", 1],
        ["A", 1],
        ["A", 1],
      ],
    });
    expect(periods(r, ROI)).toEqual(["row 2", "row 3", "row 4"]);
    expect(flagsOf(r, ROI)[0].reason.en).toBe("ROI 1 < 1.5 for 3 periods running (rows 2–4)");
  });

  it("forms no runs on monthly data and says the run rules need daily or weekly data", () => {
    const rows = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"].map((d) => [d, "Search", 1]);
    const r = runRules(table("ROI", rows));
    expect(r.flags).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(["run-rules-need-daily-or-weekly"]);
    expect(r.warnings[0].message.en).toContain("Search");
  });

  it("reads a channel that is not daily as weekly: weeks exactly 7 days apart still run when other weeks are missing", () => {
    // Gaps 7, 7, 7, 14, 14, 14, 14: the most common gap is 14, not 1, so the data is weekly (one row per week) and
    // a run needs rows exactly 7 days apart. 2, 9, 16, 23 Mar at ROI 1 are 4 consecutive weeks (≥ 3) → flagged;
    // 6 Apr, 20 Apr, 4 May, 18 May at ROI 1 are each 14 days apart → no run, not flagged.
    const dates = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-04-06", "2026-04-20", "2026-05-04"];
    const r = runRules(
      table(
        "ROI",
        [...dates, "2026-05-18"].map((d) => [d, "Search", 1]),
      ),
    );
    expect(periods(r, ROI)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
    expect(flagsOf(r, ROI)[0].reason.en).toBe("ROI 1 < 1.5 for 4 weeks running (Mar 2 – 23)");
    // most gaps are not 7 days, so the warning about daily or weekly data is still given
    expect(r.warnings.map((w) => w.code)).toEqual(["run-rules-need-daily-or-weekly"]);
  });

  it("treats months written as text (2026-01, 2026年2月) as monthly data", () => {
    const rows = ["2026-01", "2026年2月", "2026-03", "2026-04"].map((d) => [d, "Search", 1]);
    const r = runRules(table("ROI", rows));
    expect(r.flags).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(["run-rules-need-daily-or-weekly"]);
  });
});
