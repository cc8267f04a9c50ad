import { runRules } from "../../../src/core/rules/engine";
import { flagsOf, periods, plusDays, seriesRows, table } from "./helpers";
import type { CellValue } from "../../../src/core/rules/types";

const R = "repurchase-declining" as const;

describe("red: repurchase rate falling 2 weeks running (weekly data)", () => {
  it("flags both declining weeks and not the baseline week before them", () => {
    // 2 Mar 30%, 9 Mar 28% (declining), 16 Mar 26% (declining), 23 Mar 27% (up)
    const r = runRules(table("Repurchase rate", seriesRows("S", "2026-03-02", [0.3, 0.28, 0.26, 0.27], 7)));
    expect(periods(r, R)).toEqual(["2026-03-09", "2026-03-16"]);
    const f = flagsOf(r, R)[0];
    expect(f).toMatchObject({ colour: "red", value: 0.28, threshold: 0.3 });
    expect(f.reason.en).toBe("Repurchase rate 28% (9 Mar) < 30% the week before; falling 2 weeks running (9–16 Mar)");
    expect(f.reason.zh).toBe("复购率 28%（3月9日）低于前一周的 30%；连续下滑 2 周（3月9日–16日）");
  });

  it("does not flag a single declining week, nor two declines with a rise between", () => {
    const r = runRules(table("Repurchase rate", seriesRows("S", "2026-03-02", [0.3, 0.28, 0.29, 0.27], 7)));
    expect(r.flags).toEqual([]);
  });

  it("treats an equal week as not declining", () => {
    // 30%, 30% (equal), 29%, 28%: declining weeks are 16 and 23 Mar only
    const r = runRules(table("Repurchase rate", seriesRows("S", "2026-03-02", [0.3, 0.3, 0.29, 0.28], 7)));
    expect(periods(r, R)).toEqual(["2026-03-16", "2026-03-23"]);
  });

  it("compares only with the row dated exactly 7 days earlier", () => {
    // 2, 9, 23, 30 Mar: 23 Mar has no week before it (16 Mar missing), so 9 and 30 Mar are lone declines
    const rows = ["2026-03-02", "2026-03-09", "2026-03-23", "2026-03-30"].map((d, i) => [d, "S", 0.3 - i * 0.02]);
    expect(runRules(table("Repurchase rate", rows)).flags).toEqual([]);
  });

  it("still compares weeks 7 days apart when most gaps are longer (weekly data with missing weeks)", () => {
    // Gaps 7, 7, 14, 14, 14: not daily, so weekly. 9 Mar 28% < 30% and 16 Mar 26% < 28% are 2 declining weeks →
    // both flagged. 30 Mar, 13 Apr, 27 Apr have no row 7 days earlier, so they are not declining weeks.
    const dates = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-30", "2026-04-13", "2026-04-27"];
    const values = [0.3, 0.28, 0.26, 0.25, 0.24, 0.23];
    const r = runRules(
      table(
        "Repurchase rate",
        dates.map((d, i) => [d, "S", values[i]]),
      ),
    );
    expect(periods(r, R)).toEqual(["2026-03-09", "2026-03-16"]);
  });

  it("takes each row as a week, in row order, without a date column", () => {
    const r = runRules({
      header: ["Channel", "Repurchase rate"],
      rows: [
        ["A", 0.3],
        ["A", 0.29],
        ["A", 0.28],
      ],
    });
    expect(periods(r, R)).toEqual(["row 2", "row 3"]);
    expect(flagsOf(r, R)[1].reason.en).toBe(
      "Repurchase rate 28% (row 3) < 29% the period before; falling 2 periods running (rows 2–3)",
    );
  });

  it("reads a weekly column of whole percentages", () => {
    const r = runRules(table("复购率", seriesRows("S", "2026-03-02", [30, 28, 26], 7)));
    expect(flagsOf(r, R).map((f) => f.value)).toEqual([0.28, 0.26]);
    expect(r.percentColumns).toEqual(["repurchaseRate"]);
  });
});

describe("red: repurchase rate falling 2 weeks running (daily data, ISO weeks Monday–Sunday)", () => {
  /** Mon 2 Mar … Sun 22 Mar: three ISO weeks. */
  function days(valueOf: (iso: string) => CellValue): CellValue[][] {
    return Array.from({ length: 21 }, (_, i) => {
      const d = plusDays("2026-03-02", i);
      return [d, "Search", valueOf(d)];
    });
  }

  it("compares ISO-week means, so Sunday 8 March belongs to the week before Monday 9 March", () => {
    // 2–7 Mar 30%, Sun 8 Mar 40%, 9–15 Mar 29%, 16–22 Mar 28%.
    // ISO weeks: (6·0.30 + 0.40)/7 = 31.43%, then 29%, then 28%: two declining weeks → 9–22 Mar flagged.
    // (Sunday-start weeks would give 30%, (0.40 + 6·0.29)/7 = 30.57% (up), 28.14%, 28% → 15–22 Mar instead.)
    const r = runRules(
      table(
        "Repurchase rate",
        days((d) => (d === "2026-03-08" ? 0.4 : d < "2026-03-08" ? 0.3 : d < "2026-03-16" ? 0.29 : 0.28)),
      ),
    );
    const flagged = periods(r, R);
    expect(flagged).toHaveLength(14);
    expect(flagged[0]).toBe("2026-03-09");
    expect(flagged[13]).toBe("2026-03-22");
    expect(flagged).not.toContain("2026-03-08");
    const reason = flagsOf(r, R)[0].reason;
    expect(reason.en).toBe(
      "Weekly mean repurchase rate 29% (week of 9 Mar) < 31.43% the week before; falling 2 weeks running (weeks of 9–16 Mar)",
    );
    expect(reason.zh).toBe("复购率周均值 29%（3月9日当周）低于前一周的 31.43%；连续下滑 2 周（3月9日–16日当周）");
  });

  it("averages only the numeric days of a week and never flags a missing day", () => {
    // week 1 all 30%; week 2 29% except 11 Mar blank; week 3 28% → 13 numeric cells flagged
    const r = runRules(
      table(
        "Repurchase rate",
        days((d) => (d === "2026-03-11" ? "" : d < "2026-03-09" ? 0.3 : d < "2026-03-16" ? 0.29 : 0.28)),
      ),
    );
    expect(periods(r, R)).toHaveLength(13);
    expect(periods(r, R)).not.toContain("2026-03-11");
  });

  it("breaks the chain when a whole week has no rows", () => {
    // weeks of 2 Mar (30%), 16 Mar (29%), 23 Mar (28%) — the week of 9 Mar is absent, so only 23 Mar declines in a chain
    const rows = Array.from({ length: 28 }, (_, i) => plusDays("2026-03-02", i))
      .filter((d) => d < "2026-03-09" || d >= "2026-03-16")
      .map((d) => [d, "S", d < "2026-03-09" ? 0.3 : d < "2026-03-23" ? 0.29 : 0.28]);
    expect(runRules(table("Repurchase rate", rows)).flags).toEqual([]);
  });
});
