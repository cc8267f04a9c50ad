/**
 * One date style per language in every sentence the rules write (issue 19 §4): each rule of the catalogue runs on
 * tables that make it use each of its templates (single days, runs, weeks of weekly rows and weekly means, a run
 * over New Year, periods of an earlier year, shortened runs, "and N more", traffic's "then", repurchase with and
 * without counts, derived ROI, undated rows) under each evidence setting, and every date in every reason, evidence
 * sentence and period text must be the language's one pattern:
 *   en-US  "Mar 22" · "Mar 22, 2025" · "Apr 6 – 26" · "Mar 30 – Apr 5" · "Dec 29, 2025 – Jan 4, 2026"
 *   zh-CN  "3月22日" · "2025年3月22日" · "4月6日至26日" · "3月30日至4月5日" · "2025年12月29日至2026年1月4日"
 * with the year only where it is not the table's latest year (here 2026) or the range spans years. No other date
 * shape may appear: no "22 Mar", no "2026-03-22" in prose, no "3/22", no "3月3日–6日".
 */
import { DEFAULT_CONFIG } from "../../../src/core/rules/config";
import { runRules } from "../../../src/core/rules/engine";
import type { CellValue, RuleId, RulesConfig, RulesResult, Table } from "../../../src/core/rules/types";
import { RULE_IDS } from "../../../src/core/rules/types";
import { plusDays } from "./helpers";

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const EN_DAY = `${MONTH} (\\d{1,2})(?:, (\\d{4}))?`;
/** A range (either end may carry a year) or a single day, as formatDayRange / formatDay write them. */
const EN_DATE = new RegExp(`${EN_DAY}(?: – (?:${MONTH} )?(\\d{1,2})(?:, (\\d{4}))?)?`, "g");
const ZH_DAY = `(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日`;
const ZH_DATE = new RegExp(`${ZH_DAY}(?:至(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日)?`, "g");

/** Any date-like text left once the allowed dates are taken out. */
const OTHER_DATES: RegExp[] = [
  /\b\d{4}-\d{2}-\d{2}\b/, // ISO in prose
  /\b\d{1,2}\/\d{1,2}\b/, // 3/22, 2026/3/22
  /\b\d{1,2}(?:–\d{1,2})? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/, // 22 Mar, 3–6 Mar
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/, // a month name outside the pattern
  /\d\s*[年月日]/, // Chinese date pieces outside the pattern ("3月3日–6日" leaves "6日")
  /\b(?:19|20)\d{2}\b/, // a year outside the pattern
];

const LATEST_YEAR = 2026;

/** Checks one sentence; returns what is wrong with it ("" when nothing). */
function dateProblems(text: string, lang: "en" | "zh"): string[] {
  const problems: string[] = [];
  const pattern = lang === "en" ? EN_DATE : ZH_DATE;
  let rest = text;
  for (const m of text.matchAll(pattern)) {
    // en groups: day1, year1, day2, year2; zh groups: year1, month1, day1, year2, month2, day2
    const [y1, y2, days] =
      lang === "en" ? [m[2], m[4], [m[1], m[3]]] : [m[1], m[4], [m[3], m[6]].concat(m[2], m[5] ?? [])];
    for (const d of days) if (d !== undefined && (+d < 1 || +d > 31)) problems.push(`impossible day in "${m[0]}"`);
    const ranged = lang === "en" ? m[3] !== undefined : m[6] !== undefined;
    const spansYears = y1 !== undefined && y2 !== undefined && y1 !== y2;
    // en writes a range's one shared year after its second day ("Apr 6 – 26, 2026"), zh before its first
    const year = lang === "en" && ranged && y1 === undefined ? y2 : y1;
    if (year !== undefined && +year === LATEST_YEAR && !spansYears)
      problems.push(`"${m[0]}" repeats the data's latest year`);
    if (spansYears && (lang === "en" ? y2 === undefined : false)) problems.push(`"${m[0]}" spans years but hides one`);
    rest = rest.replace(m[0], " ");
  }
  for (const other of OTHER_DATES) {
    const hit = other.exec(rest);
    if (hit) problems.push(`other date shape "${hit[0]}" in: ${text}`);
  }
  if (lang === "en" && /\bweeks? of (?!Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(text))
    problems.push(`"week of" without a date in: ${text}`);
  return problems;
}

// ---- tables that exercise every template ---------------------------------------------------------------------

/** Mon 17 Nov 2025 + 70 days = Sun 25 Jan 2026: ten ISO weeks over New Year. */
const DAILY_START = "2025-11-17";
const DAYS = 70;

function daily(channel: string, cell: (day: number) => Partial<Record<string, CellValue>>): CellValue[][] {
  const header = ["ROI", "Complaint rate", "Traffic", "Repurchase rate", "LTV/CAC"];
  const normal: Record<string, CellValue> = {
    ROI: 2,
    "Complaint rate": 0.005,
    Traffic: 10000,
    "Repurchase rate": 0.3,
    "LTV/CAC": 3,
  };
  return Array.from({ length: DAYS }, (_, day) => {
    const v = { ...normal, ...cell(day) };
    return [plusDays(DAILY_START, day), channel, ...header.map((h) => v[h] as CellValue)];
  });
}

const inRuns = (day: number, runs: [number, number][]) => runs.some(([a, b]) => day >= a && day <= b);

const DAILY: Table = {
  header: ["Date", "Channel", "ROI", "Complaint rate", "Traffic", "Repurchase rate", "LTV/CAC"],
  rows: [
    // ROI runs: 22–24 Nov, 27–29 Nov, 2–4 Dec, 7–9 Dec, 12–14 Dec 2025 (earlier year, "and N more"),
    // 10 days 27 Dec 2025 – 5 Jan 2026 (over New Year, shortened), 16–18 Jan 2026 (latest year)
    ...daily("Search", (d) =>
      inRuns(d, [
        [5, 7],
        [10, 12],
        [15, 17],
        [20, 22],
        [25, 27],
        [40, 49],
        [60, 62],
      ])
        ? { ROI: 1.2 + (d % 3) / 100 }
        : {},
    ),
    // one run of 10 days over New Year alone: its evidence is shortened ("(10 values)")
    ...daily("Display", (d) => (inRuns(d, [[40, 49]]) ? { ROI: 1.3 } : {})),
    // complaint rate above 1% on 10 Dec 2025 and 15 Jan 2026
    ...daily("Video", (d) => (d === 23 || d === 59 ? { "Complaint rate": 0.015 } : {})),
    // flat traffic (mean of the previous values) with drops on 17 Dec 2025, 21 and 22 Jan 2026
    ...daily("Ads", (d) => (d === 30 || d === 65 || d === 66 ? { Traffic: 4000 } : {})),
    // traffic with a weekly rhythm (weekends double: same-weekday baseline), a drop on Sat 24 Jan 2026
    ...daily("Social", (d) => ({ Traffic: d === 68 ? 9000 : d % 7 >= 5 ? 20000 : 10000 })),
    // repurchase weekly means 30% for six weeks, then falling over New Year: 28%, 25%, 22% (daily noise ±0.2%)
    ...daily("Shop", (d) => {
      const week = Math.floor(d / 7);
      const base = week < 6 ? 0.3 : week === 6 ? 0.28 : week === 7 ? 0.25 : week === 8 ? 0.22 : 0.22;
      return { "Repurchase rate": base + ((d % 3) - 1) / 500 };
    }),
    // LTV/CAC 1.2 in the weeks of 15 and 22 Dec 2025 and of 5 and 12 Jan 2026 (weekly means)
    ...daily("Brand", (d) => (inRuns(d, [[28, 41]]) || inRuns(d, [[49, 62]]) ? { "LTV/CAC": 1.2 } : {})),
  ],
};

/** Mondays from 3 Nov 2025 for 14 weeks (to 2 Feb 2026), with buyer counts beside the repurchase rate (B: 20,000). */
const WEEKLY: Table = {
  header: ["Date", "Channel", "ROI", "Repurchase rate", "LTV/CAC", "Buyers", "Repeat buyers"],
  rows: Array.from({ length: 14 }, (_, w) => {
    const date = plusDays("2025-11-03", 7 * w);
    const repeat = w === 8 ? 610 : w === 9 ? 570 : w === 10 ? 530 : 630;
    return [
      [date, "A", w >= 6 && w <= 8 ? 1.1 : 2, 0.3, w === 7 || w === 8 || w === 10 || w === 11 ? 1.2 : 3, 2000, 600],
      [date, "B", 2, repeat / 2000, 3, 20000, repeat * 10],
    ];
  }).flat(),
};

/** Weekly rates without counts: 30%, 28%, 26% from 29 Dec 2025 (each at least 3% lower). */
const WEEKLY_RATES: Table = {
  header: ["Date", "Channel", "Repurchase rate"],
  rows: [0.3, 0.3, 0.3, 0.3, 0.3, 0.28, 0.26].map((r, w) => [plusDays("2025-11-24", 7 * w), "C", r]),
};

/** No date column: rows. */
const UNDATED: Table = {
  header: ["Channel", "ROI", "Complaint rate", "Traffic"],
  rows: [2, 2, 1.2, 1.2, 1.2, 2, 2, 2, 2, 2].map((roi, i) => [
    "Search",
    roi,
    i === 6 ? 0.02 : 0.005,
    i === 8 ? 3000 : 10000,
  ]),
};

/** ROI derived from revenue ÷ cost, daily in Dec 2025 – Jan 2026. */
const DERIVED: Table = {
  header: ["Date", "Channel", "Cost", "Conv. value"],
  rows: Array.from({ length: 20 }, (_, d) => [
    plusDays("2025-12-25", d),
    "Search",
    1000,
    d >= 5 && d <= 8 ? 1200 : 2500,
  ]),
};

/** Complaints and orders beside the rate (the "wilson" evidence), 30 of 2,000 on 31 Dec 2025 and 2 Jan 2026. */
const COUNTS: Table = {
  header: ["Date", "Channel", "Complaint rate", "Complaints", "Orders"],
  rows: Array.from({ length: 10 }, (_, d) => {
    const k = d === 2 || d === 4 ? 30 : 4;
    return [plusDays("2025-12-29", d), "Video", k / 2000, k, 2000];
  }),
};

const CONFIGS: Partial<RulesConfig>[] = [
  {},
  { repurchaseEvidence: "drop" },
  { repurchaseEvidence: "none" },
  { trafficBaseline: "previous" },
  { trafficBaseline: "sameWeekday" },
  { complaintEvidence: "wilson" },
];

function sentences(result: RulesResult): { lang: "en" | "zh"; text: string; ruleId: RuleId }[] {
  const out: { lang: "en" | "zh"; text: string; ruleId: RuleId }[] = [];
  for (const lang of ["en", "zh"] as const) {
    for (const f of result.flags) out.push({ lang, text: f.reason[lang], ruleId: f.ruleId });
    for (const f of result.findings) {
      out.push({ lang, text: f.evidence.text[lang], ruleId: f.ruleId });
      out.push({ lang, text: f.periodText[lang], ruleId: f.ruleId });
    }
  }
  return out;
}

const ALL = CONFIGS.flatMap((c) =>
  [DAILY, WEEKLY, WEEKLY_RATES, UNDATED, DERIVED, COUNTS].flatMap((t) =>
    sentences(runRules(t, { config: { ...DEFAULT_CONFIG, ...c } })),
  ),
);
const TEXTS = [...new Set(ALL.map((s) => `${s.lang}\u0000${s.text}`))].map((k) => {
  const [lang, text] = k.split("\u0000");
  return { lang: lang as "en" | "zh", text };
});

describe("one date style in every sentence of every rule", () => {
  it("covers every rule and template of the catalogue in both languages", () => {
    for (const id of RULE_IDS) {
      expect(ALL.some((s) => s.ruleId === id && s.lang === "en")).toBe(true);
      expect(ALL.some((s) => s.ruleId === id && s.lang === "zh")).toBe(true);
    }
    const en = TEXTS.filter((s) => s.lang === "en").map((s) => s.text);
    const zh = TEXTS.filter((s) => s.lang === "zh").map((s) => s.text);
    // the templates this test means to reach, so that it cannot pass by reaching none of them
    for (const marker of [
      / days running \(/, // ROI run
      / weeks running \(/, // weekly runs
      /week of /, // a week's value
      /weeks of /, // a run of weeks
      /Weekly mean /, // weekly means of daily data
      / and \d+ more/, // segments past the fourth
      /\(\d+ values\)/, // a shortened run
      /; then /, // traffic's further values
      /the mean of the last \d+ \w+days/, // traffic's same-weekday baseline
      /p [=<] /, // repurchase test
      /each week at least/, // repurchase without counts
      /95% lower bound/, // Wilson
      /\(derived: /, // derived ROI
      /\brows? \d/, // undated tables
      /\d{4} – \w{3} \d/, // a range over New Year
      /, 2025\b/, // a date of an earlier year
    ])
      expect(en.some((t) => marker.test(t))).toBe(true);
    for (const marker of [/当周/, /至/, /2025年/, /第 \d/, /推算/]) expect(zh.some((t) => marker.test(t))).toBe(true);
    expect(TEXTS.length).toBeGreaterThan(100);
  });

  it("writes each date in the language's one pattern and no other date shape", () => {
    const problems = TEXTS.flatMap(({ lang, text }) => dateProblems(text, lang));
    expect(problems).toEqual([]);
  });

  it("the checker itself rejects the old styles and the slash ranges of ICU's zh-CN formatRange", () => {
    expect(dateProblems("ROI 1.2 on 3–6 Mar, below 1.5", "en")).not.toEqual([]);
    expect(dateProblems("ROI 1.2 on 22 Mar, below 1.5", "en")).not.toEqual([]);
    expect(dateProblems("Traffic 4,000 (2026-03-22) is 59% below", "en")).not.toEqual([]);
    expect(dateProblems("ROI 1.2 on 3/22, below 1.5", "en")).not.toEqual([]);
    expect(dateProblems("ROI 1.2 on Mar 22, 2026, below 1.5", "en")).not.toEqual([]); // the latest year repeated
    expect(dateProblems("ROI 1.2 on Apr 6 – 26, 2026, below 1.5", "en")).not.toEqual([]);
    expect(dateProblems("ROI 1.2（3月3日–6日），低于 1.5", "zh")).not.toEqual([]);
    expect(dateProblems("ROI 1.2（4/6 – 4/26），低于 1.5", "zh")).not.toEqual([]);
    expect(dateProblems("ROI 1.2（2026年4月6日至26日），低于 1.5", "zh")).not.toEqual([]);
    expect(dateProblems("ROI 1.2 on Dec 29, 2025 – Jan 4, 2026, below 1.5", "en")).toEqual([]);
    expect(dateProblems("ROI 1.2 on Apr 6 – 26, 2025, below 1.5", "en")).toEqual([]);
    expect(dateProblems("ROI 1.2（2025年12月29日至2026年1月4日），低于 1.5", "zh")).toEqual([]);
  });
});
