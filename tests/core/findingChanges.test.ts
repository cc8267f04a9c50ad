/**
 * Issue 19: what changed since the last flag. The marks of hand-worked cases (calendar days counted by hand in the
 * comments), properties against a brute-force reference that works on sets of flagged days (no runs on the
 * remembered side, no intervals), and the record's bound.
 */
import fc from "fast-check";
import {
  changesHeadline,
  diffFindings,
  findingRecords,
  findingRuns,
  parseRun,
  periodPoint,
  runPeriods,
  type FlaggedFindings,
  type FindingRecord,
} from "../../src/core/findingChanges";
import { formatIsoDay } from "../../src/core/table/dates";
import type { RuleId } from "../../src/core/rules/catalog";
import type { FindingEvidence } from "../../src/core/rules/types";
import { readStatePart, serializeOverlayState } from "../../src/core/overlayState";

const ROI: RuleId = "roi-below-benchmark";
const TRAFFIC: RuleId = "traffic-drop";

/** A finding whose evidence lists these periods (ISO days, or weeks' Mondays with `periods: "week"`). */
function finding(ruleId: RuleId, channel: string, periods: string[], kind: FindingEvidence["periods"] = "day") {
  return {
    ruleId,
    channel,
    evidence: {
      values: periods.map((period) => ({ period, value: 1, threshold: 1.5 })),
      periods: kind,
      weeklyMean: false,
      cells: [],
      range: "A1",
      text: { en: "", zh: "" },
    } satisfies FindingEvidence,
  };
}

/** "2026-03-02".."2026-03-04" → every day between, inclusive. */
function days(first: string, last: string): string[] {
  const a = periodPoint(first)!.t;
  const b = periodPoint(last)!.t;
  return Array.from({ length: b - a + 1 }, (_, i) => formatIsoDay(a + i));
}

describe("periods and runs", () => {
  it("numbers days as the calendar does: 2026-03-01 is 28 days after 2026-02-01, and round-trips through formatIsoDay", () => {
    expect(periodPoint("2026-03-01")!.t - periodPoint("2026-02-01")!.t).toBe(28);
    expect(periodPoint("2024-03-01")!.t - periodPoint("2024-02-01")!.t).toBe(29); // leap year
    expect(formatIsoDay(periodPoint("2026-03-09")!.t)).toBe("2026-03-09");
    expect(periodPoint("2026-02-30")).toBeNull();
    expect(periodPoint("row 12")).toEqual({ kind: "row", t: 12 });
    expect(periodPoint("12")).toBeNull();
  });

  it("splits a finding's periods where the next one is not the day (or week) after", () => {
    const f = finding(ROI, "Search", ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-05"]);
    // 27 Feb → 1 Mar is three consecutive days in 2026 (no 29 Feb); 5 Mar stands alone
    expect(findingRuns(f.evidence).map((r) => [r.first, r.last])).toEqual([
      ["2026-02-27", "2026-03-01"],
      ["2026-03-05", "2026-03-05"],
    ]);
    const weekly = finding(ROI, "Search", ["2026-03-02", "2026-03-09", "2026-03-23"], "week");
    expect(findingRuns(weekly.evidence).map((r) => [r.first, r.last])).toEqual([
      ["2026-03-02", "2026-03-09"],
      ["2026-03-23", "2026-03-23"],
    ]);
  });

  it("reads stored runs back and refuses malformed ones", () => {
    expect(parseRun("2026-03-02/2026-03-08")).toMatchObject({ first: "2026-03-02", last: "2026-03-08" });
    expect(parseRun("row 4/row 6")).toMatchObject({ first: "row 4", last: "row 6" });
    for (const bad of ["2026-03-08/2026-03-02", "row 4/2026-03-02", "x", "", "2026-13-01", "row -1"])
      expect(parseRun(bad)).toBeNull();
  });

  it("names a run's periods as the evidence does", () => {
    expect(runPeriods({ first: "2026-03-02", last: "2026-03-04" }, "en", 2026)).toBe("Mar 2 – 4");
    expect(runPeriods({ first: "2026-03-02", last: "2026-03-04" }, "zh", 2026)).toBe("3月2日至4日");
    expect(runPeriods({ first: "2025-12-29", last: "2026-01-02" }, "en", 2026)).toBe("Dec 29, 2025 – Jan 2, 2026");
    expect(runPeriods({ first: "row 4", last: "row 6" }, "en")).toBe("rows 4–6");
  });
});

describe("diffFindings, worked cases", () => {
  const lastWeek: FlaggedFindings[] = [
    {
      sheet: "Daily",
      findings: [
        finding(ROI, "Search", days("2026-03-02", "2026-03-04")),
        finding(TRAFFIC, "Social", ["2026-03-07"]),
        finding(ROI, "Email", days("2026-02-20", "2026-02-22")),
      ],
    },
  ];
  const record = findingRecords(lastWeek, null).records;

  it("a first flag (no record) marks nothing and says the next flag will", () => {
    const d = diffFindings(null, lastWeek);
    expect(d.compared).toBe(false);
    expect(d.marks).toEqual([[null, null, null]]);
    expect(changesHeadline(d, undefined, "en")).toMatch(/next flag will say which findings are new/);
  });

  it("a week later: Search's run went on (continuing), Social's drop is gone (resolved), Email's old run is still in the table (continuing), Affiliate is new", () => {
    const thisWeek: FlaggedFindings[] = [
      {
        sheet: "Daily",
        firstPeriod: "2026-01-05",
        findings: [
          finding(ROI, "Search", days("2026-03-02", "2026-03-10")),
          finding(ROI, "Email", days("2026-02-20", "2026-02-22")),
          finding(ROI, "Affiliate", days("2026-03-08", "2026-03-10")),
        ],
      },
    ];
    const d = diffFindings(record, thisWeek);
    expect(d.marks).toEqual([["continuing", "continuing", "new"]]);
    expect(d.resolved).toEqual([
      { sheet: "Daily", rule: TRAFFIC, channel: "Social", first: "2026-03-07", last: "2026-03-07" },
    ]);
    expect(d.counts).toEqual({ new: 1, continuing: 2, resolved: 1 });
    expect(changesHeadline(d, "2026-03-09T12:00:00.000Z", "en")).toBe(
      "Since the last flag (Mar 9, 2026): 1 new, 2 continuing, 1 resolved.",
    );
    expect(changesHeadline(d, "2026-03-09T12:00:00.000Z", "zh")).toBe(
      "较上次标记（2026年3月9日）：新增 1 条，持续 2 条，已解除 1 条。",
    );
  });

  it("a run that restarts the day after the remembered one ended continues it; two days after is a new incident", () => {
    const next = (first: string) => [{ sheet: "Daily", findings: [finding(TRAFFIC, "Social", [first])] }];
    expect(diffFindings(record, next("2026-03-08")).marks).toEqual([["continuing"]]); // 7 Mar + 1 day
    expect(diffFindings(record, next("2026-03-09")).marks).toEqual([["new"]]);
    expect(diffFindings(record, next("2026-03-09")).resolved.map((r) => r.channel)).toContain("Social");
  });

  it("a fresh run on a channel already flagged makes the finding new, and the old run stays continuing", () => {
    const d = diffFindings(record, [
      {
        sheet: "Daily",
        findings: [finding(ROI, "Search", [...days("2026-03-02", "2026-03-04"), ...days("2026-03-12", "2026-03-14")])],
      },
    ]);
    expect(d.marks).toEqual([["new"]]);
    expect(d.resolved.filter((r) => r.channel === "Search")).toEqual([]);
  });

  it("the order of the findings (a re-sort, another table order) does not change any mark", () => {
    const a = diffFindings(record, lastWeek).marks[0];
    const reversed = diffFindings(record, [{ sheet: "Daily", findings: lastWeek[0].findings.slice().reverse() }]);
    expect(reversed.marks[0]).toEqual(a.slice().reverse());
  });

  it("matches the sheet without regard to case (Excel's sheet names) and keeps the record of a sheet not flagged this time", () => {
    expect(diffFindings(record, [{ sheet: "DAILY", findings: lastWeek[0].findings }]).marks[0]).toEqual([
      "continuing",
      "continuing",
      "continuing",
    ]);
    const other: FlaggedFindings[] = [{ sheet: "周报", findings: [finding(ROI, "抖音", ["2026-01-26"], "week")] }];
    const d = diffFindings(record, other);
    expect(d.resolved).toEqual([]); // Daily was not checked: nothing of it is resolved
    const kept = findingRecords(other, record).records;
    expect(kept.map((r) => `${r.sheet}/${r.channel}`)).toEqual([
      "周报/抖音",
      "Daily/Search",
      "Daily/Social",
      "Daily/Email",
    ]);
  });

  it("a remembered run the table no longer reaches (a rolling window) is not called resolved", () => {
    const d = diffFindings(record, [{ sheet: "Daily", firstPeriod: "2026-03-01", findings: [] }]);
    // Email's run ended 22 Feb, 7 days before the table's first day: out of the table; Search and Social resolved
    expect(d.resolved.map((r) => r.channel)).toEqual(["Search", "Social"]);
  });
});

describe("the record's bound", () => {
  it("keeps every finding's latest run before any finding's second, and says older runs were dropped", () => {
    const many = (channel: string, n: number) =>
      finding(
        ROI,
        channel,
        Array.from({ length: n }, (_, i) => formatIsoDay(periodPoint("2026-01-01")!.t + 3 * i)),
      );
    const { records, capped } = findingRecords([{ sheet: "S", findings: [many("A", 5), many("B", 1)] }], null, {
      findings: 10,
      runs: 3,
    });
    expect(capped).toBe(false);
    // A's runs are 1, 4, 7, 10, 13 Jan: the latest two kept (13 and 10 Jan), then B's one
    expect(records).toEqual([
      { sheet: "S", rule: ROI, channel: "A", runs: ["2026-01-13", "2026-01-10"], earlier: true },
      { sheet: "S", rule: ROI, channel: "B", runs: ["2026-01-01"] },
    ]);
    // the runs older than those kept count as continuing next time, the whole finding being remembered
    const d = diffFindings(records, [{ sheet: "S", findings: [many("A", 5), many("B", 1)] }]);
    expect(d.marks).toEqual([["continuing", "continuing"]]);
  });

  it("whole findings left out: those are unmarked next time rather than called new", () => {
    const fs = ["A", "B", "C"].map((c) => finding(ROI, c, ["2026-01-01"]));
    const { records, capped } = findingRecords([{ sheet: "S", findings: fs }], null, { findings: 2, runs: 10 });
    expect(capped).toBe(true);
    expect(diffFindings(records, [{ sheet: "S", findings: fs }], capped).marks).toEqual([
      ["continuing", "continuing", null],
    ]);
  });

  it("the default bound holds a 100,000-row flag's record in under 200 KB of state", () => {
    // 800 channels × 2 rules, each with 30 single-day runs every other day: 48,000 runs before the bound
    const fs = Array.from({ length: 1600 }, (_, i) =>
      finding(
        i % 2 ? ROI : TRAFFIC,
        `Channel ${i >> 1}`,
        Array.from({ length: 30 }, (_, k) => formatIsoDay(20_000 + 2 * k)),
      ),
    );
    const { records, capped } = findingRecords([{ sheet: "Data", findings: fs }], null);
    expect(capped).toBe(true);
    expect(records.length).toBe(1000);
    expect(records.reduce((n, r) => n + r.runs.length, 0)).toBe(4000);
    const xml = serializeOverlayState({ version: 2, rules: [], findings: records, findingsCapped: true });
    expect(xml.length).toBeLessThan(200_000);
    expect(readStatePart(xml)).toEqual({ state: { version: 2, rules: [], findings: records, findingsCapped: true } });
  });
});

// ------------------------------------------------------------------ properties

const SHEETS = ["Daily", "周报"];
const CHANNELS = ["Search", "Social", "抖音", ""];
const RULES: RuleId[] = [ROI, TRAFFIC];

/** A random flag: per sheet, findings on distinct rule × channel keys, each a random set of days in a 40-day window. */
const flagArb = fc
  .array(
    fc.record({
      sheet: fc.constantFrom(...SHEETS),
      rule: fc.constantFrom(...RULES),
      channel: fc.constantFrom(...CHANNELS),
      days: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }),
    }),
    { maxLength: 10 },
  )
  .map((entries) => {
    const tables = new Map<string, FlaggedFindings & { findings: ReturnType<typeof finding>[] }>();
    const seen = new Set<string>();
    for (const e of entries) {
      const key = `${e.sheet}|${e.rule}|${e.channel}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const t = tables.get(e.sheet) ?? { sheet: e.sheet, findings: [] };
      tables.set(e.sheet, t);
      const periods = e.days.sort((a, b) => a - b).map((d) => formatIsoDay(20_500 + d));
      t.findings.push(finding(e.rule, e.channel, periods));
    }
    return [...tables.values()];
  });

/** The flagged days of each sheet × rule × channel, as day numbers. */
function daySets(tables: readonly FlaggedFindings[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const t of tables)
    for (const f of t.findings)
      out.set(`${t.sheet}|${f.ruleId}|${f.channel}`, new Set(f.evidence.values.map((v) => periodPoint(v.period)!.t)));
  return out;
}

/** Maximal stretches of consecutive days of a set (the reference's own, by walking the days). */
function stretches(set: Set<number>): number[][] {
  const out: number[][] = [];
  for (const d of [...set].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === d - 1) last.push(d);
    else out.push([d]);
  }
  return out;
}

const near = (stretch: number[], other: Set<number> | undefined) =>
  other !== undefined && stretch.some((d) => other.has(d - 1) || other.has(d) || other.has(d + 1));

describe("diffFindings, properties", () => {
  it("diff(a, a) is all continuing and nothing resolved", () => {
    fc.assert(
      fc.property(flagArb, (a) => {
        const d = diffFindings(findingRecords(a, null).records, a);
        expect(d.marks.flat().every((m) => m === "continuing")).toBe(true);
        expect(d.resolved).toEqual([]);
        expect(d.counts).toEqual({ new: 0, continuing: d.marks.flat().length, resolved: 0 });
      }),
    );
  });

  it("resolved = previous − current, new = current − previous, on the flagged days of each sheet/rule/channel", () => {
    fc.assert(
      fc.property(flagArb, flagArb, (a, b) => {
        // b is this flag; a's sheets that b did not check are left out of the comparison
        const d = diffFindings(findingRecords(a, null).records, b);
        const before = daySets(a);
        const now = daySets(b);
        const checked = new Set(b.map((t) => t.sheet));
        b.forEach((t, ti) =>
          t.findings.forEach((f, fi) => {
            const prev = before.get(`${t.sheet}|${f.ruleId}|${f.channel}`);
            const mine = now.get(`${t.sheet}|${f.ruleId}|${f.channel}`)!;
            const fresh = stretches(mine).some((s) => !near(s, prev));
            expect(d.marks[ti][fi]).toBe(fresh ? "new" : "continuing");
          }),
        );
        const expected = [...before].flatMap(([key, set]) => {
          const [sheet, rule, channel] = key.split("|");
          if (!checked.has(sheet)) return [];
          return stretches(set)
            .filter((s) => !near(s, now.get(key)))
            .map((s) => `${sheet}|${rule}|${channel}|${formatIsoDay(s[0])}|${formatIsoDay(s[s.length - 1])}`);
        });
        const got = d.resolved.map((r) => `${r.sheet}|${r.rule}|${r.channel}|${r.first}|${r.last}`);
        expect(got.sort()).toEqual(expected.sort());
        expect(d.counts.resolved).toBe(got.length);
        expect(d.counts.new + d.counts.continuing).toBe(d.marks.flat().length);
      }),
      { numRuns: 500 },
    );
  });

  it("the record survives the state part: written, read back and validated, it gives the same diff", () => {
    fc.assert(
      fc.property(flagArb, flagArb, (a, b) => {
        const { records } = findingRecords(a, null);
        const read = readStatePart(serializeOverlayState({ version: 2, rules: [], findings: records }));
        expect(read && "state" in read).toBe(true);
        const back = (read as { state: { findings?: FindingRecord[] } }).state.findings;
        expect(diffFindings(back, b)).toEqual(diffFindings(records, b));
      }),
    );
  });
});
