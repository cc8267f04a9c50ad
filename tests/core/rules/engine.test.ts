import fc from "fast-check";
import { runRules } from "../../../src/core/rules/engine";
import { findHeaderRow } from "../../../src/core/table/findTable";
import type { CellValue, Table } from "../../../src/core/rules/types";
import { periods, plusDays, seriesRows, table } from "./helpers";

describe("grouping rows by channel", () => {
  it("orders each channel by date whatever the row order, with channels interleaved", () => {
    // Search: ROI 1.0 on 2, 3, 4 Mar (a run); Social: 1.0 on 2 and 4 Mar only (3 Mar is 2.0)
    const rows = [
      ["2026-03-04", "Social", 1],
      ["2026-03-03", "Search", 1],
      ["2026-03-02", "Social", 1],
      ["2026-03-04", "Search", 1],
      ["2026-03-03", "Social", 2],
      ["2026-03-02", "Search", 1],
    ];
    const r = runRules(table("ROI", rows));
    expect(r.flags.map((f) => `${f.channel} ${f.period} row ${f.row}`)).toEqual([
      "Search 2026-03-03 row 1",
      "Search 2026-03-04 row 3",
      "Search 2026-03-02 row 5",
    ]);
  });

  it("compares channel names trimmed and case-insensitively, showing the first spelling", () => {
    const rows = [
      ["2026-03-02", " Paid Search ", 1],
      ["2026-03-03", "paid search", 1],
      ["2026-03-04", "PAID SEARCH", 1],
    ];
    const r = runRules(table("ROI", rows));
    expect(r.flags.map((f) => f.channel)).toEqual(["Paid Search", "Paid Search", "Paid Search"]);
    expect(r.findings).toHaveLength(1);
  });

  it("treats the whole table as one channel when there is no channel column", () => {
    const r = runRules({
      header: ["Date", "ROI"],
      rows: [
        ["2026-03-02", 1],
        ["2026-03-03", 1],
        ["2026-03-04", 1],
      ],
    });
    expect(r.flags.map((f) => f.channel)).toEqual(["", "", ""]);
  });

  it("continues the channel above into blank channel cells (merged cells)", () => {
    const rows = [
      ["2026-03-02", "Search", 1],
      ["2026-03-03", null, 1],
      ["2026-03-04", "", 1],
    ];
    expect(runRules(table("ROI", rows)).flags.map((f) => f.channel)).toEqual(["Search", "Search", "Search"]);
  });
});

describe("dates as each host hands them over", () => {
  it("gives the same flags for Excel serials (task pane), JS Dates (ExcelJS) and text", () => {
    // 46083 = 2026-03-02 (Excel serial; see values.test.ts)
    const asText = seriesRows("A", "2026-03-02", [1, 1, 1, 2]);
    const asSerial = asText.map((r, i) => [46083 + i, r[1], r[2]]);
    const asDate = asText.map((r, i) => [new Date(Date.UTC(2026, 2, 2 + i)), r[1], r[2]]);
    const key = (rows: CellValue[][]) => runRules(table("ROI", rows)).flags.map((f) => f.period);
    expect(key(asText)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(key(asSerial)).toEqual(key(asText));
    expect(key(asDate)).toEqual(key(asText));
  });
});

describe("blank channel cells above the first named channel", () => {
  it("form a group of their own, shown with an empty name", () => {
    const rows = [
      ["2026-03-02", "", 1],
      ["2026-03-03", null, 1],
      ["2026-03-04", "", 1],
      ["2026-03-02", "B", 1],
    ];
    const r = runRules(table("ROI", rows));
    expect(r.flags.map((f) => `${f.row}:${f.channel}`)).toEqual(["0:", "1:", "2:"]);
  });
});

describe("rows left out", () => {
  it("skips rows without a readable date, such as a totals row, and counts them", () => {
    const rows: CellValue[][] = [
      ...seriesRows("Search", "2026-03-02", [1, 1, 1]),
      ["Total", null, 3],
      [null, null, null],
    ];
    const r = runRules(table("ROI", rows));
    expect(r.skippedRows).toBe(2);
    expect(periods(r, "roi-below-benchmark")).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    // issue 17 §2: the totals row is named in a note of its own; the row without a date in the usual one
    expect(r.warnings.find((w) => w.code === "skipped-rows")?.message.en).toContain("1 row without a readable date");
    expect(r.warnings.find((w) => w.code === "totals-rows")?.message.en).toBe(
      "1 totals row was left out of every rule and never colored: row 5 “Total”.",
    );
  });

  it("does not take week numbers for dates in January 1900: such rows are skipped and counted", () => {
    const r = runRules({
      header: ["Week", "Channel", "ROI"],
      rows: [
        [1, "A", 1],
        [2, "A", 1],
        [3, "A", 1],
      ],
    });
    expect(r.flags).toEqual([]);
    expect(r.skippedRows).toBe(3);
  });

  it("skips dated totals rows named in the channel column", () => {
    const rows: CellValue[][] = [...seriesRows("Search", "2026-03-02", [1, 1]), ["2026-03-04", "合计", 0.5]];
    const r = runRules(table("ROI", rows));
    expect(r.skippedRows).toBe(1);
    expect(r.flags).toEqual([]);
  });
});

describe("tables as users write them", () => {
  it("reads a Chinese weekly table with Chinese dates and percent units", () => {
    const header = ["日期", "渠道", "投入产出比", "投诉率（%）", "流量", "复购率", "LTV/CAC"];
    const rows = [
      ["2026年3月2日", "抖音", 1.2, 0.5, 1000, 30, 1.4],
      ["2026年3月9日", "抖音", 1.1, 1.5, 1000, 28, 1.3],
      ["2026年3月16日", "抖音", 1.0, 0.6, 600, 26, 1.6],
    ];
    const r = runRules({ header, rows });
    expect(r.mapping).toEqual({
      date: 0,
      channel: 1,
      roi: 2,
      complaintRate: 3,
      traffic: 4,
      repurchaseRate: 5,
      ltvCac: 6,
    });
    const got = r.flags.map((f) => `${f.ruleId} ${f.period}`).sort();
    expect(got).toEqual([
      "complaint-rate-high 2026-03-09", // 1.5% > 1%
      "ltv-cac-low 2026-03-02",
      "ltv-cac-low 2026-03-09",
      "repurchase-declining 2026-03-09", // 28% < 30%
      "repurchase-declining 2026-03-16", // 26% < 28%
      "roi-below-benchmark 2026-03-02",
      "roi-below-benchmark 2026-03-09",
      "roi-below-benchmark 2026-03-16",
      "traffic-drop 2026-03-16", // 600 < 70% of 1000
    ]);
    expect(r.percentColumns.sort()).toEqual(["complaintRate", "repurchaseRate"]);
  });

  it("finds the header below a title row and runs on the table under it", () => {
    const sheet: CellValue[][] = [
      ["Channel report — March"],
      [],
      ["Date", "Channel", "Spend", "ROI"],
      ["2026-03-02", "Search", 100, 1.1],
      ["2026-03-03", "Search", 100, 1.2],
      ["2026-03-04", "Search", 100, 1.3],
    ];
    const h = findHeaderRow(sheet);
    const r = runRules({ header: sheet[h], rows: sheet.slice(h + 1) });
    expect(r.flags.map((f) => [f.row, f.col])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
  });

  it("says so and checks nothing when no metric column is recognised", () => {
    const r = runRules({ header: ["Date", "Channel", "Spend"], rows: [["2026-03-02", "A", 1]] });
    expect(r.flags).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(["no-metric-column"]);
  });

  it("uses the caller's mapping instead of the headers and ignores impossible columns", () => {
    const t: Table = { header: ["When", "Who", "Return"], rows: seriesRows("A", "2026-03-02", [1, 1, 1]) };
    expect(runRules(t).warnings[0].code).toBe("no-metric-column");
    const r = runRules(t, { mapping: { date: 0, channel: 1, roi: 2, traffic: 9 } });
    expect(r.mapping).toEqual({ date: 0, channel: 1, roi: 2 });
    expect(r.flags).toHaveLength(3);
  });
});

describe("cells and findings", () => {
  it("gives a cell flagged by several rules the most severe colour", () => {
    // the same column mapped as ROI (yellow) and LTV/CAC (red): 1.0 for 3 weeks fires both
    const t = table("x", seriesRows("A", "2026-03-02", [1, 1, 1], 7));
    const r = runRules(t, { mapping: { date: 0, channel: 1, roi: 2, ltvCac: 2 } });
    expect(r.cells).toHaveLength(3);
    expect(r.cells[0]).toEqual({ row: 0, col: 2, colour: "red", ruleIds: ["roi-below-benchmark", "ltv-cac-low"] });
  });

  it("summarises each channel and rule: periods flagged, first and last, latest value, threshold, action, evidence", () => {
    // ROI 2, 1.2, 1.3, 1.1, 1.9: run 3–5 Mar (data rows 1–3, sheet rows 3–5 under a header in row 1); the latest
    // ROI (6 Mar) is 1.9
    const r = runRules(table("ROI", seriesRows("Search", "2026-03-02", [2, 1.2, 1.3, 1.1, 1.9])));
    expect(r.findings).toEqual([
      {
        channel: "Search",
        ruleId: "roi-below-benchmark",
        colour: "yellow",
        periodsFlagged: 3,
        firstPeriod: "2026-03-03",
        lastPeriod: "2026-03-05",
        periodText: { en: "Mar 3 – 5", zh: "3月3日至5日" },
        latestValue: 1.9,
        threshold: 1.5,
        action: expect.objectContaining({ zh: "启动素材迭代流程。" }),
        rows: [1, 2, 3],
        col: 2,
        evidence: expect.objectContaining({
          values: [
            { period: "2026-03-03", value: 1.2, threshold: 1.5 },
            { period: "2026-03-04", value: 1.3, threshold: 1.5 },
            { period: "2026-03-05", value: 1.1, threshold: 1.5 },
          ],
          cells: ["C3:C5"],
          text: expect.objectContaining({ en: "ROI 1.2, 1.3, 1.1 on Mar 3 – 5, below 1.5" }),
        }),
      },
    ]);
  });

  it("lists red findings before orange before yellow", () => {
    const header = ["Date", "Channel", "ROI", "Complaint rate", "LTV/CAC"];
    const rows = seriesRows("A", "2026-03-02", [null, null, null], 7).map((r, i) => [
      r[0],
      "A",
      1,
      i === 0 ? 0.05 : 0,
      1,
    ]);
    const r = runRules({ header, rows });
    expect(r.findings.map((f) => f.colour)).toEqual(["red", "orange", "yellow"]);
  });
});

describe("property: row order does not matter", () => {
  const channels = ["Search", "Social", "Email"];
  const value = fc.constantFrom<CellValue>(0.9, 1.2, 1.5, 1.6, 2.5, null, "n/a", "1.4");
  const rate = fc.constantFrom<CellValue>(0.005, 0.01, 0.012, 0.3, 0.28, null);
  const traffic = fc.constantFrom<CellValue>(1000, 900, 650, 500, null);

  it("flags the same cells when the rows are shuffled", () => {
    let flagged = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, rate, traffic, rate, value), { minLength: 9, maxLength: 60 }),
        fc.infiniteStream(fc.nat()),
        fc.constantFrom(1, 7, 30), // daily, weekly or monthly dates
        (cells, randoms, step) => {
          const rows: CellValue[][] = cells.map((c, i) => [
            plusDays("2026-03-02", step * Math.floor(i / channels.length)),
            channels[i % channels.length],
            ...c,
            i, // id column, not a metric
          ]);
          const header = ["Date", "Channel", "ROI", "Complaint rate", "Traffic", "Repurchase rate", "LTV/CAC", "Id"];
          const shuffled = rows.slice();
          const it = randoms[Symbol.iterator]();
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (it.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
          }
          const key = (t: CellValue[][]) =>
            runRules({ header, rows: t })
              .flags.map((f) => `${t[f.row][7]}:${f.col}:${f.ruleId}`)
              .sort();
          const expected = key(rows);
          flagged += expected.length;
          expect(key(shuffled)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
    expect(flagged).toBeGreaterThan(200); // the generated tables do raise flags: the property is not vacuous
  });
});
