/** Issue 8 §1 (core half): 1904 dates, percentage points, "a:b" ROI, report date labels, table finding. */
import { runRules } from "../../../src/core/rules/engine";
import {
  dayFromSerial,
  dayFromText,
  formatIsoDay,
  parseDayColumn,
  type DayColumnInfo,
} from "../../../src/core/table/dates";
import { parseNumberText } from "../../../src/core/table/values";
import { findTable } from "../../../src/core/table/findTable";
import { detectColumns, recogniseQualifiedHeader } from "../../../src/core/table/headers";
import type { CellValue } from "../../../src/core/rules/types";
import { periods, plusDays } from "./helpers";

describe("1904 date system (§1.5)", () => {
  it("reads serial 35064 as 2000-01-01 in the 1904 system and 36526 in the 1900 one", () => {
    // Excel: DATE(2000,1,1) = 36526 (1900 system), 35064 (1904 system); 36526 − 35064 = 1462 days.
    expect(formatIsoDay(dayFromSerial(35064, true))).toBe("2000-01-01");
    expect(formatIsoDay(dayFromSerial(36526))).toBe("2000-01-01");
    expect(formatIsoDay(dayFromSerial(0, true))).toBe("1904-01-01");
  });

  it("dates weekly rows right and groups them into consecutive weeks", () => {
    // 2026-03-02 (a Monday) is serial 46083 in 1900, 46083 − 1462 = 44621 in 1904; then +7, +14.
    const rows = [44621, 44628, 44635].map((s) => [s, "Search", 1.0]);
    const r = runRules({ header: ["Date", "Channel", "ROI"], rows }, { date1904: true });
    expect(periods(r, "roi-below-benchmark")).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    // Date objects and text are not shifted.
    const r2 = runRules(
      {
        header: ["Date", "Channel", "ROI"],
        rows: [
          [new Date(Date.UTC(2026, 2, 2)), "S", 1],
          ["2026-03-09", "S", 1],
          ["2026-03-16", "S", 1],
        ],
      },
      { date1904: true },
    );
    expect(periods(r2, "roi-below-benchmark")).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    // Read in 1900 by mistake the same serials are 4 years and 1 day early.
    expect(periods(runRules({ header: ["Date", "Channel", "ROI"], rows }), "roi-below-benchmark")[0]).toBe(
      "2022-03-01",
    );
  });
});

describe("rate units: percentage points or fractions (§1.10)", () => {
  // 10 weeks × 2 channels, Mondays from 2026-01-05; complaint rates 0.42 … 0.64 meaning 0.42% … 0.64%.
  const weeks = Array.from({ length: 10 }, (_, i) => plusDays("2026-01-05", 7 * i));
  const rates = [0.42, 0.45, 0.48, 0.5, 0.52, 0.55, 0.58, 0.6, 0.62, 0.64];
  const rows: CellValue[][] = [];
  for (const ch of ["抖音", "小红书"]) weeks.forEach((w, i) => rows.push([w, ch, rates[i]]));

  it("reads 投诉率（%） holding 0.42…0.64 in General format as percentage points: no complaint finding", () => {
    // Largest value 0.64 pp = 0.0064 < the 1% maximum (0.01): nothing is above it.
    const r = runRules({
      header: ["周", "渠道", "投诉率（%）"],
      rows,
      numberFormats: ["General", "General", "General"],
    });
    expect(r.mapping.complaintRate).toBe(2);
    expect(r.findings.filter((f) => f.ruleId === "complaint-rate-high")).toHaveLength(0);
    expect(r.flags).toHaveLength(0);
    expect(r.percentColumns).toEqual(["complaintRate"]);
    expect(r.warnings.find((w) => w.code === "percent-column")?.message.en).toMatch(/unit as % in the header/);
  });

  it("a percent number format wins over the header: 0.02 shown as 2.00% is 2%, above 1%", () => {
    const fr = rows.map((row) => [row[0], row[1], (row[2] as number) / 100 + 0.015]); // 0.0192 … 0.0214
    const r = runRules({
      header: ["周", "渠道", "投诉率（%）"],
      rows: fr,
      numberFormats: [undefined, undefined, "0.00%"],
    });
    expect(r.percentColumns).toEqual([]);
    expect(r.flags).toHaveLength(20); // every one of the 20 cells is above 0.01
  });

  it("without a % in the header or format, a value above 1 still means percentage points; else fractions", () => {
    const r = runRules({
      header: ["Date", "Channel", "Complaint rate"],
      rows: [
        ["2026-03-02", "A", 1.5],
        ["2026-03-03", "A", 0.5],
      ],
    });
    expect(r.percentColumns).toEqual(["complaintRate"]);
    expect(r.flags.map((f) => f.row)).toEqual([0]); // 1.5% > 1%; 0.5% is not
    const f = runRules({ header: ["Date", "Channel", "Complaint rate"], rows: [["2026-03-02", "A", 0.5]] });
    expect(f.percentColumns).toEqual([]);
    expect(f.flags).toHaveLength(1); // 0.5 as a fraction is 50%
  });
});

describe("ROI written as the article writes it, 1:3.8 (§1.12)", () => {
  it("reads a:b as b ÷ a, with ASCII or full-width colon", () => {
    expect(parseNumberText("1:3.8")).toBeCloseTo(3.8, 12);
    expect(parseNumberText("1：1.2")).toBeCloseTo(1.2, 12);
    expect(parseNumberText("2:3")).toBeCloseTo(1.5, 12); // 3 ÷ 2
    expect(parseNumberText("3:1", true)).toBe(3); // LTV:CAC reads first ÷ second
    expect(parseNumberText("0:5")).toBeNaN(); // nothing spent: no ratio
    expect(parseNumberText("12:30:00")).toBeNaN(); // a time is not a ratio
  });

  it("five days at 1:1.2 in a 投入产出比 column raise yellow on all five days (benchmark 1.5, run 3)", () => {
    // 1.2 < 1.5 on five consecutive days, a run of 5 ≥ 3: the whole run (2–6 Mar) is coloured, as the ROI rule
    // does for numbers; "1：3.8" (3.8 ≥ 1.5) on 1 Mar is not.
    const rows = [
      ["2026-03-01", "抖音", "1：3.8"],
      ...["02", "03", "04", "05", "06"].map((d) => [`2026-03-${d}`, "抖音", "1:1.2"]),
    ];
    const r = runRules({ header: ["日期", "渠道", "投入产出比"], rows });
    expect(r.mapping.roi).toBe(2);
    const ref = runRules({
      header: ["日期", "渠道", "ROI"],
      rows: rows.map((x, i) => [x[0], x[1], i === 0 ? 3.8 : 1.2]),
    });
    expect(r.flags.map((f) => f.period)).toEqual([
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
    ]);
    expect(r.flags).toEqual(ref.flags);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].colour).toBe("yellow");
    expect(r.findings[0].latestValue).toBeCloseTo(1.2, 12);
  });
});

describe("dates as reports write them (§1.11)", () => {
  const iso = (s: string) => formatIsoDay(dayFromText(s));
  it("reads labels with a year, in both languages", () => {
    expect(iso("Jan 5, 2026")).toBe("2026-01-05");
    expect(iso("January 5 2026")).toBe("2026-01-05");
    expect(iso("5-Jan-26")).toBe("2026-01-05"); // two-digit year 26 → 2026, as Excel reads it
    expect(iso("5 Jan 2026")).toBe("2026-01-05");
    // ISO week 2 of 2026: 1 Jan 2026 is a Thursday, so week 1 is Mon 29 Dec 2025 and week 2 is Mon 5 Jan 2026.
    expect(iso("2026年第2周")).toBe("2026-01-05");
    expect(iso("Week 2 2026")).toBe("2026-01-05");
    expect(iso("W2 2026")).toBe("2026-01-05");
    expect(iso("2026-W02")).toBe("2026-01-05");
    expect(iso("2026 W2")).toBe("2026-01-05");
    expect(iso("2026年第1周")).toBe("2025-12-29");
    expect(dayFromText("Foo 5, 2026")).toBeNaN();
    expect(dayFromText("Mayday 5")).toBeNaN();
  });

  const col = (values: string[], year?: number) => {
    const info: DayColumnInfo = { yearless: 0 };
    const days = parseDayColumn(
      values.map((v) => [v]),
      0,
      { year, info },
    );
    return { days: Array.from(days, (d) => (d === d ? formatIsoDay(d) : "NaN")), info };
  };

  it("gives year-less labels the year of the other dates in the column, crossing Dec → Jan", () => {
    const r = col(["2025-12-22", "12月29日", "1月5日", "Jan 12", "5-Jan"]);
    // 5-Jan after Jan 12 goes back less than half a year: same year 2026.
    expect(r.days).toEqual(["2025-12-22", "2025-12-29", "2026-01-05", "2026-01-12", "2026-01-05"]);
    expect(r.info).toEqual({ yearless: 4, year: 2025, yearFrom: "column" });
  });

  it("uses the host's year when the column has none; weeks without a year are that year's ISO weeks", () => {
    const r = col(["第52周", "第1周", "第2周"], 2025);
    // ISO 2025-W52 = Mon 22 Dec 2025; then into 2026: W01 = 29 Dec 2025, W02 = 5 Jan 2026.
    expect(r.days).toEqual(["2025-12-22", "2025-12-29", "2026-01-05"]);
    expect(r.info.yearFrom).toBe("host");
    expect(col(["Week 2", "Week 3"], 2026).days).toEqual(["2026-01-05", "2026-01-12"]);
  });

  it("analyses a weekly Chinese report labelled 2026年第2周 … and says when it assumed a year", () => {
    // ROI 1.0 < 1.5 for weeks 2–5 of 2026 in one channel: a run of 4 weekly rows ≥ 3, all four flagged.
    const rows = [2, 3, 4, 5].map((w) => [`2026年第${w}周`, "抖音", 1.0]);
    const r = runRules({ header: ["周", "渠道", "ROI"], rows });
    expect(r.skippedRows).toBe(0);
    expect(periods(r, "roi-below-benchmark")).toEqual(["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]);
    expect(r.findings).toHaveLength(1);
    const y = runRules(
      { header: ["日期", "渠道", "ROI"], rows: ["1月5日", "1月6日", "1月7日"].map((d) => [d, "抖音", 1]) },
      { year: 2026 },
    );
    expect(periods(y, "roi-below-benchmark")).toEqual(["2026-01-05", "2026-01-06", "2026-01-07"]);
    const w = y.warnings.find((x) => x.code === "year-assumed");
    expect(w?.message.zh).toContain("2026");
    expect(w?.count).toBe(3);
  });
});

describe("qualified metric headers (§1.7e)", () => {
  it("reads a header that qualifies a known name as that metric", () => {
    expect(recogniseQualifiedHeader("广告投入产出比")).toBe("roi");
    expect(recogniseQualifiedHeader("Paid ROAS")).toBe("roi");
    expect(recogniseQualifiedHeader("渠道投诉率（%）")).toBe("complaintRate");
    expect(recogniseQualifiedHeader("Email complaint rate")).toBe("complaintRate");
    expect(detectColumns(["日期", "渠道", "广告投入产出比"])).toEqual({ date: 0, channel: 1, roi: 2 });
  });

  it("does not read targets, benchmarks, averages or changes as the metric", () => {
    for (const h of [
      "ROI target",
      "Target ROI",
      "目标ROI",
      "目标投入产出比",
      "ROI benchmark",
      "Avg ROAS",
      "ROI 环比",
      "行业平均投诉率",
      "Heroi",
      "Paid ROAS goal",
    ])
      expect([h, recogniseQualifiedHeader(h)]).toEqual([h, null]);
  });

  it("a plain name wins over a qualified one wherever it stands", () => {
    expect(detectColumns(["Date", "Paid ROAS", "ROI"]).roi).toBe(2);
    expect(detectColumns(["Date", "ROI benchmark", "ROI"]).roi).toBe(2);
  });
});

describe("findTable: the right table, or say what was assumed (§1.7)", () => {
  // Five days of data for two channels; dates as Excel serials (2026-03-02 = 46083), as a real sheet holds them.
  const data = (left: CellValue[] = []): CellValue[][] =>
    [0, 1, 2, 3, 4].flatMap((i) => [
      [...left, 46083 + i, "Search", 1.2, 1000 + i],
      [...left, 46083 + i, "Social", 2.5, 2000 + i],
    ]);

  it("skips a block of summary figures above the table", () => {
    const rows: CellValue[][] = [
      ["ROI", 2.41, "Traffic", 3921000, "Complaint rate", "0.4%"],
      [],
      ["Date", "Channel", "ROI", "Traffic"],
      ...data(),
    ];
    const t = findTable(rows);
    // The summary row names ROI (col A) and Traffic (col C) but scores 4 roles… minus 3 × 3 numbers in it, and
    // under it col A holds serials (numbers) while col C holds "Search"/"Social": the table row wins.
    expect(t).toMatchObject({ headerRow: 2, headerRows: 1, dataRow: 3, firstCol: 0, lastCol: 3 });
    expect(t?.mapping).toEqual({ date: 0, channel: 1, roi: 2, traffic: 3 });
    // issue 17 §2: a row with neither a period nor a channel column is no candidate header at all
    expect(t?.assumptions).toEqual([]);
  });

  it("combines a group-title row with the column names, keeping Date and Channel", () => {
    const rows: CellValue[][] = [["Date", "Channel", "Acquisition", null], [null, null, "ROI", "Traffic"], ...data()];
    const t = findTable(rows);
    expect(t).toMatchObject({ headerRow: 0, headerRows: 2, dataRow: 2, firstCol: 0, lastCol: 3 });
    expect(t?.header).toEqual(["Date", "Channel", "ROI", "Traffic"]);
    expect(t?.assumptions[0].en).toMatch(/Rows 1–2 were read as one two-row header/);
    // A merged title over a complete header row: the lower row alone is the header (no more names in two rows).
    const t2 = findTable([["Acquisition"], ["Date", "Channel", "ROI", "Traffic"], ...data()]);
    expect(t2).toMatchObject({ headerRow: 1, headerRows: 1, dataRow: 2 });
  });

  it("finds a report beside chart data, with its columns", () => {
    const chart: CellValue[][] = [
      ["Month", "Sales"],
      ["Jan", 100],
      ["Feb", 120],
    ];
    const report = [["Date", "Channel", "ROI", "Traffic"], ...data()];
    const rows = report.map((r, i) => [...(chart[i] ?? [null, null]), null, ...r]);
    const t = findTable(rows);
    expect(t).toMatchObject({ headerRow: 0, firstCol: 3, lastCol: 6, dataRow: 1 });
    expect(t?.mapping).toEqual({ date: 0, channel: 1, roi: 2, traffic: 3 }); // relative to firstCol (D)
  });

  it("keeps finding the header under a title, and null when no row names a metric", () => {
    const rows: CellValue[][] = [
      ["Channel report — March"],
      [],
      ["Date", "Channel", "Spend", "ROI"],
      ["2026-03-02", "Search", 100, 1.1],
    ];
    expect(findTable(rows)).toMatchObject({ headerRow: 2, headerRows: 1, firstCol: 0, lastCol: 3, assumptions: [] });
    expect(
      findTable([
        ["Date", "Channel"],
        ["2026-03-02", "A"],
      ]),
    ).toBeNull();
  });
});
