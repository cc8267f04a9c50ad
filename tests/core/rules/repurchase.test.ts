import { DEFAULT_CONFIG } from "../../../src/core/rules/config";
import { runRules } from "../../../src/core/rules/engine";
import { flagsOf, periods, plusDays, seriesRows, table } from "./helpers";
import type { CellValue } from "../../../src/core/rules/types";

const R = "repurchase-declining" as const;
/** The seed's rule read literally (repurchaseEvidence "none"): any decline, 2 weeks running. */
const NONE = { config: { ...DEFAULT_CONFIG, repurchaseEvidence: "none" as const } };

describe('red, the seed\'s rule ("none"): repurchase rate falling 2 weeks running (weekly data)', () => {
  it("flags both declining weeks and not the baseline week before them", () => {
    // 2 Mar 30%, 9 Mar 28% (declining), 16 Mar 26% (declining), 23 Mar 27% (up)
    const r = runRules(table("Repurchase rate", seriesRows("S", "2026-03-02", [0.3, 0.28, 0.26, 0.27], 7)), NONE);
    expect(periods(r, R)).toEqual(["2026-03-09", "2026-03-16"]);
    const f = flagsOf(r, R)[0];
    expect(f).toMatchObject({ colour: "red", value: 0.28, threshold: 0.3 });
    expect(f.reason.en).toBe("Repurchase rate 28% (Mar 9) < 30% the week before; falling 2 weeks running (Mar 9 – 16)");
    expect(f.reason.zh).toBe("复购率 28%（3月9日）低于前一周的 30%；连续下滑 2 周（3月9日至16日）");
  });

  it("does not flag a single declining week, nor two declines with a rise between", () => {
    const r = runRules(table("Repurchase rate", seriesRows("S", "2026-03-02", [0.3, 0.28, 0.29, 0.27], 7)), NONE);
    expect(r.flags).toEqual([]);
  });

  it("treats an equal week as not declining", () => {
    // 30%, 30% (equal), 29%, 28%: declining weeks are 16 and 23 Mar only
    const r = runRules(table("Repurchase rate", seriesRows("S", "2026-03-02", [0.3, 0.3, 0.29, 0.28], 7)), NONE);
    expect(periods(r, R)).toEqual(["2026-03-16", "2026-03-23"]);
  });

  it("compares only with the row dated exactly 7 days earlier", () => {
    // 2, 9, 23, 30 Mar: 23 Mar has no week before it (16 Mar missing), so 9 and 30 Mar are lone declines
    const rows = ["2026-03-02", "2026-03-09", "2026-03-23", "2026-03-30"].map((d, i) => [d, "S", 0.3 - i * 0.02]);
    expect(runRules(table("Repurchase rate", rows), NONE).flags).toEqual([]);
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
      NONE,
    );
    expect(periods(r, R)).toEqual(["2026-03-09", "2026-03-16"]);
  });

  it("takes each row as a week, in row order, without a date column", () => {
    const r = runRules(
      {
        header: ["Channel", "Repurchase rate"],
        rows: [
          ["A", 0.3],
          ["A", 0.29],
          ["A", 0.28],
        ],
      },
      NONE,
    );
    expect(periods(r, R)).toEqual(["row 2", "row 3"]);
    expect(flagsOf(r, R)[1].reason.en).toBe(
      "Repurchase rate 28% (row 3) < 29% the period before; falling 2 periods running (rows 2–3)",
    );
  });

  it("reads a weekly column of whole percentages", () => {
    const r = runRules(table("复购率", seriesRows("S", "2026-03-02", [30, 28, 26], 7)), NONE);
    expect(flagsOf(r, R).map((f) => f.value)).toEqual([0.28, 0.26]);
    expect(r.percentColumns).toEqual(["repurchaseRate"]);
  });
});

describe('red, the seed\'s rule ("none"): falling 2 weeks running (daily data, ISO weeks Monday–Sunday)', () => {
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
      NONE,
    );
    const flagged = periods(r, R);
    expect(flagged).toHaveLength(14);
    expect(flagged[0]).toBe("2026-03-09");
    expect(flagged[13]).toBe("2026-03-22");
    expect(flagged).not.toContain("2026-03-08");
    const reason = flagsOf(r, R)[0].reason;
    expect(reason.en).toBe(
      "Weekly mean repurchase rate 29% (week of Mar 9) < 31.43% the week before; falling 2 weeks running (weeks of Mar 9 – 16)",
    );
    expect(reason.zh).toBe("复购率周均值 29%（3月9日当周）低于前一周的 31.43%；连续下滑 2 周（3月9日至16日当周）");
  });

  it("averages only the numeric days of a week and never flags a missing day", () => {
    // week 1 all 30%; week 2 29% except 11 Mar blank; week 3 28% → 13 numeric cells flagged
    const r = runRules(
      table(
        "Repurchase rate",
        days((d) => (d === "2026-03-11" ? "" : d < "2026-03-09" ? 0.3 : d < "2026-03-16" ? 0.29 : 0.28)),
      ),
      NONE,
    );
    expect(periods(r, R)).toHaveLength(13);
    expect(periods(r, R)).not.toContain("2026-03-11");
  });

  it("breaks the chain when a whole week has no rows", () => {
    // weeks of 2 Mar (30%), 16 Mar (29%), 23 Mar (28%) — the week of 9 Mar is absent, so only 23 Mar declines in a chain
    const rows = Array.from({ length: 28 }, (_, i) => plusDays("2026-03-02", i))
      .filter((d) => d < "2026-03-09" || d >= "2026-03-16")
      .map((d) => [d, "S", d < "2026-03-09" ? 0.3 : d < "2026-03-23" ? 0.29 : 0.28]);
    expect(runRules(table("Repurchase rate", rows), NONE).flags).toEqual([]);
  });
});

describe('red with evidence (issue 18 §1): "test", the default', () => {
  /** Weekly rows 26 Jan, 2 Feb, 9 Feb 2026 with Buyers and Repeat buyers beside the rate. */
  function weeklyWithCounts(repeat: number[], buyers = 4000): CellValue[][] {
    return repeat.map((r, i) => [plusDays("2026-01-26", 7 * i), "App", buyers, r, r / buyers]);
  }
  const header = ["Date", "Channel", "Buyers", "Repeat buyers", "Repurchase rate"];

  it("weekly counts: a two-proportion test on the pooled counts, its p-value in the evidence", () => {
    // 1,260 → 1,220 → 1,140 repeat buyers of 4,000: 31.5% → 30.5% → 28.5%, down 1 − 28.5/31.5 = 9.5% over 2 weeks.
    // R: prop.test(c(1260, 1140), c(4000, 4000), alternative = "greater", correct = FALSE)$p.value = 0.001707396,
    // so it fires at a 1% level and not at the default 0.1%.
    const rows = weeklyWithCounts([1260, 1220, 1140]);
    const atOnePercent = runRules({ header, rows }, { config: { ...DEFAULT_CONFIG, repurchaseSignificance: 0.01 } });
    expect(periods(atOnePercent, R)).toEqual(["2026-02-02", "2026-02-09"]);
    const finding = atOnePercent.findings.find((f) => f.ruleId === R)!;
    expect(finding.evidence.text.en).toBe(
      "Repurchase rate 31.5% → 30.5% → 28.5% (weeks of Jan 26 – Feb 9), down 9.5% over 2 weeks, p = 0.002 " +
        "(one-sided, repeat buyers of buyers; limit 1%)",
    );
    expect(finding.evidence.text.zh).toContain("2 周累计下降 9.5%，p = 0.002（单侧检验");
    expect(runRules({ header, rows }).flags).toEqual([]);
  });

  it("weekly counts: the same fall on 7,000 buyers a week is significant at 0.1%", () => {
    // 31.5% → 30.5% → 28.5% of 7,000: z = −0.03 / √(0.3 · 0.7 · 2/7000) = −3.873, p = 5.4e-5 (R prop.test as above)
    const rows = [2205, 2135, 1995].map((r, i) => [plusDays("2026-01-26", 7 * i), "App", 7000, r, r / 7000]);
    const r = runRules({ header, rows });
    expect(periods(r, R)).toEqual(["2026-02-02", "2026-02-09"]);
    expect(flagsOf(r, R)[0].reason.en).toContain("down 9.5% over 2 weeks, p < 0.001");
  });

  it("counts alone (the rate derived from them) are tested the same way", () => {
    const rows = [2205, 2135, 1995].map((r, i) => [plusDays("2026-01-26", 7 * i), "App", 7000, r]);
    const r = runRules({ header: ["Date", "Channel", "Buyers", "Repeat buyers"], rows });
    const finding = r.findings.find((f) => f.ruleId === R)!;
    expect(finding.evidence.text.en).toMatch(
      /^Repurchase rate 31\.5% → 30\.5% → 28\.5% .* p < 0\.001 \(one-sided, repeat/,
    );
  });

  it("weekly counts: sampling noise on small volumes is not an alarm, though the seed's rule fires", () => {
    // 31.5% → 31% → 30% of 4,000: R prop.test(c(1260, 1200), c(4000, 4000), "greater", correct = FALSE) p = 0.0730
    const rows = weeklyWithCounts([1260, 1240, 1200]);
    expect(runRules({ header, rows }).flags).toEqual([]);
    expect(periods(runRules({ header, rows }, NONE), R)).toEqual(["2026-02-02", "2026-02-09"]);
  });

  /** Mon 2 Mar … Sun 22 Mar 2026, three ISO weeks of daily rates. */
  const W1 = [0.3, 0.32, 0.29, 0.31, 0.3, 0.28, 0.31];
  const W2 = [0.29, 0.3, 0.28, 0.3, 0.29, 0.27, 0.3];
  const W3 = [0.27, 0.28, 0.26, 0.28, 0.27, 0.25, 0.28];
  const daily = (weeks: number[][]): CellValue[][] =>
    weeks.flat().map((v, i) => [plusDays("2026-03-02", i), "Search", v]);

  it("daily rates without counts: Welch's t on the two weeks' days", () => {
    // Weekly means 30.14% → 29% → 27%, down 1 − 0.27/0.3014 = 10.4%.
    // R: t.test(W1, W3, alternative = "greater")  t = 4.6904, df = 11.73, p = 0.000278 < 0.1%.
    const r = runRules(table("Repurchase rate", daily([W1, W2, W3])));
    expect(periods(r, R)).toHaveLength(14);
    const finding = r.findings.find((f) => f.ruleId === R)!;
    expect(finding.evidence.text.en).toBe(
      "Weekly mean repurchase rate 30.14% → 29% → 27% (weeks of Mar 2 – 16), down 10.4% over 2 weeks, p < 0.001 " +
        "(one-sided, daily rates; limit 0.1%)",
    );
  });

  it("daily rates: a small fall within the days' spread is noise", () => {
    // Each week 0.3 points lower: R t.test(W1, W1 − 0.006, alternative = "greater") p = 0.210
    const shift = (d: number) => W1.map((v) => v - d);
    const r = runRules(table("Repurchase rate", daily([W1, shift(0.003), shift(0.006)])));
    expect(r.flags.filter((f) => f.ruleId === R)).toEqual([]);
    expect(periods(runRules(table("Repurchase rate", daily([W1, shift(0.003), shift(0.006)])), NONE), R)).toHaveLength(
      14,
    );
  });

  it("weekly rates without counts fall back to the smallest weekly drop (3%), and say so", () => {
    // 30% → 28% → 26%: steps of 6.7% and 7.1%, both ≥ 3%
    const r = runRules(table("Repurchase rate", seriesRows("S", "2026-03-02", [0.3, 0.28, 0.26], 7)));
    expect(periods(r, R)).toEqual(["2026-03-09", "2026-03-16"]);
    expect(flagsOf(r, R)[0].reason.en).toBe(
      "Repurchase rate 28% (Mar 9) < 30% the week before; falling 2 weeks running (Mar 9 – 16); down 13.3% over 2 " +
        "weeks, each week at least 3% lower (weekly rates without buyer counts cannot be tested for noise)",
    );
    expect(flagsOf(r, R)[0].reason.zh).toContain("周数据没有购买人数与复购人数，无法检验是否为抽样波动");
    // 30% → 29.5% → 29%: steps of 1.7%, under 3%: not red (the seed's rule would fire)
    const small = table("Repurchase rate", seriesRows("S", "2026-03-02", [0.3, 0.295, 0.29], 7));
    expect(runRules(small).flags).toEqual([]);
    expect(runRules(small, NONE).flags).toHaveLength(2);
  });
});

describe('red with evidence: "test" on sparse daily rows', () => {
  it("a week with a single day cannot be tested: the smallest weekly drop decides, and the finding says why", () => {
    // "Sparse": 2 and 3 Mar, then 9 and 16 Mar only. Gaps 1, 6, 7: daily (a tie counts as daily), so the weeks are
    // ISO-week means, and the weeks of 9 and 16 Mar have one rate each. 30% → 28% → 26%: steps of 6.7% and 7.1% ≥ 3%.
    const rows: CellValue[][] = [];
    for (let i = 0; i < 21; i++) rows.push([plusDays("2026-03-02", i), "Other", 0.3]);
    ["2026-03-02", "2026-03-03", "2026-03-09", "2026-03-16"].forEach((d, i) =>
      rows.push([d, "Sparse", [0.3, 0.3, 0.28, 0.26][i]]),
    );
    const r = runRules(table("Repurchase rate", rows));
    expect(periods(r, R, "Sparse")).toEqual(["2026-03-09", "2026-03-16"]);
    expect(flagsOf(r, R)[0].reason.en).toContain(
      "each week at least 3% lower (a week with fewer than 2 daily rates and no buyer counts cannot be tested",
    );
  });
});

describe('red with evidence: "drop"', () => {
  it("each weekly step down by at least repurchaseMinDrop, whatever the counts", () => {
    const config = { ...DEFAULT_CONFIG, repurchaseEvidence: "drop" as const, repurchaseMinDrop: 0.05 };
    // 30% → 28% (−6.7%) → 26% (−7.1%): both ≥ 5%
    const steep = table("Repurchase rate", seriesRows("S", "2026-03-02", [0.3, 0.28, 0.26], 7));
    expect(periods(runRules(steep, { config }), R)).toEqual(["2026-03-09", "2026-03-16"]);
    expect(flagsOf(runRules(steep, { config }), R)[0].reason.en).toContain(
      "down 13.3% over 2 weeks, each week at least 5% lower",
    );
    // 30% → 28% (−6.7%) → 27% (−3.6%): the second step is under 5%
    const shallow = table("Repurchase rate", seriesRows("S", "2026-03-02", [0.3, 0.28, 0.27], 7));
    expect(runRules(shallow, { config }).flags).toEqual([]);
    // exactly 5%: 20% → 19% → 18.05% counts (within tolerance)
    const exact = table("Repurchase rate", seriesRows("S", "2026-03-02", [0.2, 0.19, 0.1805], 7));
    expect(periods(runRules(exact, { config }), R)).toHaveLength(2);
  });
});
