import { buildReport } from "../../src/core/report";
import { DEFAULT_CONFIG } from "../../src/core/rules/config";
import { runRules } from "../../src/core/rules/engine";
import { findingCharts } from "../../src/core/rules/findingCharts";
import { RULE_ACTIONS, ruleThreshold } from "../../src/core/rules/catalog";
import type { CellValue } from "../../src/core/rules/types";
import type { Table } from "../../src/core/rules/types";
import { seriesRows, table } from "./rules/helpers";

const GENERATED = new Date(2026, 2, 21);

/** ROI 1.21 on 3–6 Mar (a 4-day run), latest ROI 2 on 7 Mar. */
function roiResult(channel = "Search") {
  return runRules(table("ROI", seriesRows(channel, "2026-03-02", [2, 1.21, 1.21, 1.21, 1.21, 2])));
}

function rowStartingWith(rows: (string | number | null)[][], first: string): number {
  return rows.findIndex((r) => r[0] === first);
}

describe("the Growth Signals report sheet", () => {
  it("starts with a title and the generation date", () => {
    const rep = buildReport([], DEFAULT_CONFIG, "en", GENERATED);
    expect(rep.rows[0][0]).toBe("Growth Signals — weak-channel report");
    expect(rep.rows[1]).toEqual(["Generated", "Mar 21, 2026"]);
    expect(rep.boldRows).toContain(0);
  });

  it("has a legend row per rule with a filled swatch, the threshold in words and the seed's action", () => {
    const rep = buildReport([], DEFAULT_CONFIG, "en", GENERATED);
    const header = rowStartingWith(rep.rows, "Color");
    expect(rep.rows[header]).toEqual(["Color", "Rule", "Respond", "Threshold", "Recommended action"]);
    const legend = rep.rows.slice(header + 1, header + 6);
    expect(legend.map((r) => r[0])).toEqual(["Red", "Red", "Orange", "Orange", "Yellow"]);
    const swatches = rep.fills.filter((f) => f.row > header && f.row <= header + 5);
    expect(swatches.map((f) => [f.row - header, f.col, f.colour])).toEqual([
      [1, 0, "red"],
      [2, 0, "red"],
      [3, 0, "orange"],
      [4, 0, "orange"],
      [5, 0, "yellow"],
    ]);
    const roi = legend.find((r) => r[1] === "ROI below benchmark");
    expect(roi).toEqual([
      "Yellow",
      "ROI below benchmark",
      "Watch",
      "ROI below 1.5 for 3 consecutive periods",
      RULE_ACTIONS["roi-below-benchmark"].en,
    ]);
    expect(legend.find((r) => r[1] === "Traffic drop")?.[4]).toContain("2 h");
  });

  it("shows edited thresholds in the legend", () => {
    const rep = buildReport([], { ...DEFAULT_CONFIG, complaintRateMax: 0.02, ltvCacWeeks: 3 }, "en", GENERATED);
    const texts = rep.rows.map((r) => r[3]);
    expect(texts).toContain("Complaint rate above 2% in a period");
    expect(texts).toContain("LTV/CAC below 1.5 for 3 consecutive weeks");
  });

  it("lists each weak channel with rule, what fired (values, dates, threshold), action, sheet, cells and periods", () => {
    const rep = buildReport(
      [{ sheet: "Daily", address: "A1:C7", result: roiResult() }],
      DEFAULT_CONFIG,
      "en",
      GENERATED,
    );
    // ROI 1.21 on 3–6 Mar: data rows 1–4, rows 3–6 of the table under its header in row 1, column C
    const row = rep.rows.find((r) => r[2] === "Search");
    expect(row).toEqual([
      "Yellow",
      "ROI below benchmark",
      "Search",
      "ROI 1.21, 1.21, 1.21, 1.21 on Mar 3 – 6, below 1.5",
      RULE_ACTIONS["roi-below-benchmark"].en,
      "Daily",
      "C3:C6",
      4,
    ]);
    const index = rep.rows.indexOf(row as (string | number | null)[]);
    expect(rep.fills).toContainEqual({ row: index, col: 0, colour: "yellow" });
    // the cells link to the flagged cells; the header row repeats on every printed page
    expect(rep.links).toEqual([{ row: index, col: 6, sheet: "Daily", range: "C3:C6" }]);
    expect(rep.rows[rep.headerRow][3]).toBe("What fired");
  });

  it("labels a chart's periods in the one date style, the year only off the data's latest year", () => {
    // Complaint rate 0.5%, 2%, 0.5%, 0.5% on 30 Dec 2025 – 2 Jan 2026: orange on 31 Dec (charted); latest year 2026.
    const t = table("Complaint rate", seriesRows("Video", "2025-12-30", [0.005, 0.02, 0.005, 0.005]));
    const result = runRules(t);
    const charts = findingCharts(t, result, DEFAULT_CONFIG);
    const en = buildReport([{ sheet: "Daily", result, charts }], DEFAULT_CONFIG, "en", GENERATED);
    expect(en.charts[0].periods).toEqual(["Dec 30, 2025", "Dec 31, 2025", "Jan 1", "Jan 2"]);
    expect(en.rows.find((r) => r[2] === "Video")?.[3]).toBe("Complaint rate 2% on Dec 31, 2025, above 1%");
    const zh = buildReport([{ sheet: "日报", result, charts }], DEFAULT_CONFIG, "zh", GENERATED);
    expect(zh.charts[0].periods).toEqual(["2025年12月30日", "2025年12月31日", "1月1日", "1月2日"]);
  });

  it("writes one language per call", () => {
    const rep = buildReport([{ sheet: "日报", result: roiResult("抖音") }], DEFAULT_CONFIG, "zh", GENERATED);
    expect(rep.rows[0][0]).toBe("Growth Signals — 弱势渠道报告");
    // A4 for Chinese, Letter for English (en-US) (issue 19 §6)
    expect(rep.paper).toBe("a4");
    expect(buildReport([], DEFAULT_CONFIG, "en", GENERATED).paper).toBe("letter");
    expect(rep.rows[1]).toEqual(["生成日期", "2026年3月21日"]);
    const row = rep.rows.find((r) => r[2] === "抖音");
    expect(row?.[0]).toBe("黄牌");
    expect(row?.[3]).toBe("ROI 1.21、1.21、1.21、1.21（3月3日至6日），低于 1.5");
    expect(row?.[4]).toBe("启动素材迭代流程。");
    expect(rep.rows.flat().join(" ")).toContain(ruleThreshold("ltv-cac-low", DEFAULT_CONFIG).zh);
  });

  it("says when no channel is weak, and lists the notes of every table", () => {
    const monthly = runRules(
      table("ROI", [
        ["2026-01-01", "A", 2],
        ["2026-02-01", "A", 2],
        ["Total", "", 4],
      ]),
    );
    const rep = buildReport([{ sheet: "Monthly", address: "A1:C4", result: monthly }], DEFAULT_CONFIG, "en", GENERATED);
    const text = rep.rows.map((r) => r.join(" | "));
    expect(text).toContain("No weak channels found.");
    expect(text.some((t) => t.startsWith("Monthly!A1:C4: ") && t.includes("daily or weekly"))).toBe(true);
    expect(text.some((t) => t.startsWith("Monthly!A1:C4: 1 totals row was left out"))).toBe(true);
  });

  it("holds plain values only: user text that looks like a formula stays text", () => {
    const rows: CellValue[][] = seriesRows('=HYPERLINK("http://x")', "2026-03-02", [1, 1, 1]);
    const rep = buildReport(
      [{ sheet: "+Sheet", result: runRules(table("ROI", rows)) }],
      DEFAULT_CONFIG,
      "en",
      GENERATED,
    );
    for (const cell of rep.rows.flat()) {
      if (typeof cell === "string") expect(cell).not.toMatch(/^[=+\-@]/);
    }
    expect(rep.rows.flat()).toContain(' =HYPERLINK("http://x")');
  });

  it("gives a width for every column, wide enough for short cells and capped for long ones", () => {
    const rep = buildReport([{ sheet: "Daily", result: roiResult() }], DEFAULT_CONFIG, "en", GENERATED);
    const columns = Math.max(...rep.rows.map((r) => r.length));
    expect(rep.columnWidths).toHaveLength(columns);
    expect(rep.columnWidths[6]).toBeGreaterThanOrEqual("C3:C6".length);
    // issue 19 §6: every column wraps; the widest (what fired) is 36 characters, all eight at most 130, so the sheet
    // prints one page wide on letter landscape at 8 pt or more (measured in tests/cli/reportPdf.test.ts)
    expect(rep.wrapColumns).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Math.max(...rep.columnWidths)).toBeLessThanOrEqual(36);
    expect(rep.columnWidths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(130);
  });

  // issue 19 §6: what a manager reads first
  describe("the headline", () => {
    /** Weekly rows 2, 9, 16 Mar: LTV/CAC and ROI per channel. */
    function weekly(): Table {
      const week = ["2026-03-02", "2026-03-09", "2026-03-16"];
      const ltv: Record<string, number[]> = { Search: [2, 1.3, 1.2], Social: [1.4, 1.3, 2] };
      const roi: Record<string, number[]> = { Search: [1.2, 1.3, 1.4], Social: [2, 2, 2] };
      return {
        header: ["Date", "Channel", "LTV/CAC", "ROI"],
        rows: ["Search", "Social"].flatMap((c) => week.map((d, i) => [d, c, ltv[c][i], roi[c][i]])),
      };
    }

    it("names the channels that need action now, then today, then to watch, before the legend", () => {
      // by hand: Search LTV/CAC 1.3, 1.2 (weeks of 9–16 Mar) and Social 1.4, 1.3 (2–9 Mar) are 2 weeks below 1.5:
      // red; Search's ROI 1.2, 1.3, 1.4 is 3 periods below 1.5: yellow; nothing orange
      const rep = buildReport([{ sheet: "Weekly", result: runRules(weekly()) }], DEFAULT_CONFIG, "en", GENERATED);
      expect(rep.rows[2]).toEqual([
        "2 channels need action now: Search — LTV/CAC below 1.5, Social — LTV/CAC below 1.5.",
      ]);
      expect(rep.rows[3]).toEqual(["1 channel to watch: Search — ROI below 1.5."]);
      expect(rep.boldRows).toEqual(expect.arrayContaining([2, 3]));
      expect(rep.spans.map((s) => s.row)).toEqual(expect.arrayContaining([2, 3]));
      expect(rowStartingWith(rep.rows, "Legend")).toBeGreaterThan(3);
      const zh = buildReport([{ sheet: "周报", result: runRules(weekly()) }], DEFAULT_CONFIG, "zh", GENERATED);
      expect(zh.rows[2]).toEqual(["2 个渠道需立即处理：Search（LTV/CAC 低于 1.5），Social（LTV/CAC 低于 1.5）。"]);
      expect(zh.rows[3]).toEqual(["1 个渠道需持续关注：Search（ROI 低于 1.5）。"]);
    });

    it("joins a channel's findings of one level and says which sheet when a name is on two", () => {
      const daily = runRules(table("ROI", seriesRows("Search", "2026-03-02", [1.2, 1.2, 1.2])));
      const rep = buildReport(
        [
          { sheet: "Daily", result: daily },
          { sheet: "Weekly", result: runRules(weekly()) },
        ],
        DEFAULT_CONFIG,
        "en",
        GENERATED,
      );
      expect(rep.rows[3]).toEqual([
        "2 channels to watch: Search (Daily) — ROI below 1.5, Search (Weekly) — ROI below 1.5.",
      ]);
    });

    it("says so when nothing fired", () => {
      const rep = buildReport(
        [{ sheet: "Daily", result: runRules(table("ROI", seriesRows("A", "2026-03-02", [2, 2]))) }],
        DEFAULT_CONFIG,
        "en",
        GENERATED,
      );
      expect(rep.rows[2]).toEqual(["No weak channels found."]);
    });
  });

  describe("the charts: what each rule compares", () => {
    const charted = (t: Table, lang: "en" | "zh" = "en") => {
      const result = runRules(t);
      return buildReport(
        [{ sheet: "S", result, charts: findingCharts(t, result, DEFAULT_CONFIG) }],
        DEFAULT_CONFIG,
        lang,
        GENERATED,
      ).charts;
    };

    it("LTV/CAC: the weekly values and the minimum 1.5 as a dashed line in the warning color", () => {
      const t: Table = table("LTV/CAC", seriesRows("Social", "2026-03-02", [2, 1.3, 1.2], 7));
      const [c] = charted(t);
      expect(c.periods).toEqual(["Mar 2", "Mar 9", "Mar 16"]);
      expect(c.by).toBe("week");
      expect(c.lines.map((l) => [l.name, l.role, l.values, l.dash])).toEqual([
        ["LTV/CAC", "metric", [2, 1.3, 1.2], false],
        ["Minimum 1.5", "limit", [1.5, 1.5, 1.5], true],
      ]);
      expect(c.lines[1].colour).toBe(DEFAULT_CONFIG.fills.red);
    });

    it("repurchase: the weekly means and the declining weeks with the week before, and no threshold line", () => {
      // daily rates, Monday 2 Mar to Sunday 22 Mar: weekly means 30%, 28%, 26% (by hand: 7 equal days a week)
      const days = [...Array(7).fill(0.3), ...Array(7).fill(0.28), ...Array(7).fill(0.26)];
      const t = table("Repurchase rate", seriesRows("Search", "2026-03-02", days));
      const rep = buildReport(
        [{ sheet: "S", result: runRules(t, { config: { ...DEFAULT_CONFIG, repurchaseEvidence: "none" } }) }],
        DEFAULT_CONFIG,
        "en",
        GENERATED,
      );
      expect(rep.charts).toEqual([]); // no chart data given: no chart
      const result = runRules(t, { config: { ...DEFAULT_CONFIG, repurchaseEvidence: "none" } });
      const [c] = buildReport(
        [{ sheet: "S", result, charts: findingCharts(t, result, DEFAULT_CONFIG) }],
        DEFAULT_CONFIG,
        "en",
        GENERATED,
      ).charts;
      expect(c.periods).toEqual(["Mar 2", "Mar 9", "Mar 16"]);
      expect(c.lines.map((l) => l.role)).toEqual(["metric", "fired"]);
      expect(c.lines[0].name).toBe("Weekly mean repurchase rate");
      expect(c.lines[0].values.map((v) => Number(v?.toFixed(4)))).toEqual([0.3, 0.28, 0.26]);
      expect(c.lines[1].values.map((v) => (v === null ? null : Number(v.toFixed(4))))).toEqual([0.3, 0.28, 0.26]);
      expect(c.lines[1].markers).toBe(true);
      expect(c.lines.some((l) => l.role === "limit")).toBe(false);
      expect(c.percent).toBe(true);
    });

    it("traffic: the values, the baseline each was compared with and 70% of it as the limit", () => {
      // previous-values baseline over 3 values: day 4 is compared with mean(1000, 1000, 1000) = 1000, limit 700
      const t = table("Traffic", seriesRows("Affiliate", "2026-03-02", [1000, 1000, 1000, 600]));
      const result = runRules(t, { config: { ...DEFAULT_CONFIG, trafficBaseline: "previous", trafficWindow: 3 } });
      const config = { ...DEFAULT_CONFIG, trafficBaseline: "previous" as const, trafficWindow: 3 };
      const [c] = buildReport(
        [{ sheet: "S", result, charts: findingCharts(t, result, config) }],
        config,
        "en",
        GENERATED,
      ).charts;
      expect(c.lines.map((l) => [l.name, l.values])).toEqual([
        ["Traffic", [1000, 1000, 1000, 600]],
        ["Mean of the previous 3 values", [null, 1000, 1000, 1000]],
        ["Limit: 70% of the baseline", [null, 700, 700, 700]],
      ]);
    });

    it("sits inside the table's columns, two side by side", () => {
      const t: Table = {
        header: ["Date", "Channel", "LTV/CAC"],
        rows: ["A", "B", "C"].flatMap((ch) => seriesRows(ch, "2026-03-02", [1.3, 1.2], 7)),
      };
      const result = runRules(t);
      const rep = buildReport(
        [{ sheet: "S", result, charts: findingCharts(t, result, DEFAULT_CONFIG) }],
        DEFAULT_CONFIG,
        "en",
        GENERATED,
      );
      const last = rep.columnWidths.length - 1;
      expect(rep.charts.map((c) => [c.cells.left, c.cells.right])).toEqual([
        [0, 3],
        [4, last],
        [0, 3],
      ]);
      // the charts start a page and the table starts the page after them, below its title
      expect(rep.pageBreaks).toEqual([rep.charts[0].cells.top - 1, rep.headerRow - 1]);
      expect(rep.headerRow).toBeGreaterThan(Math.max(...rep.charts.map((c) => c.cells.bottom)));
    });
  });
});

describe("what changed since the last flag, on the report (issue 19)", () => {
  const changes = {
    compared: true,
    since: "2026-03-14T09:00:00.000Z",
    counts: { new: 1, continuing: 0, resolved: 1 },
    resolved: [
      { sheet: "Daily", rule: "traffic-drop" as const, channel: "=Social", first: "2026-03-02", last: "2026-03-04" },
    ],
  };

  it("says the counts under the headline, marks each finding in a last column, lists the resolved runs (en)", () => {
    const result = roiResult();
    const rep = buildReport([{ sheet: "Daily", result, marks: ["new"] }], DEFAULT_CONFIG, "en", GENERATED, changes);
    expect(rep.rows.map((r) => r[0])).toContain("Since the last flag (Mar 14, 2026): 1 new, 0 continuing, 1 resolved.");
    const header = rep.rows[rep.headerRow];
    expect(header[header.length - 1]).toBe("Since last flag");
    expect(rep.columnWidths).toHaveLength(header.length);
    const search = rep.rows[rep.headerRow + 1];
    expect(search[2]).toBe("Search");
    expect(search[search.length - 1]).toBe("New");
    const at = rowStartingWith(rep.rows, "Resolved since last flag (1)");
    expect(at).toBeGreaterThan(rep.headerRow);
    // the channel is user text: a leading "=" gets a space, as every cell of the report
    expect(rep.rows[at + 1]).toEqual([
      null,
      "Traffic drop",
      " =Social",
      "Flagged then: Mar 2 – 4",
      null,
      "Daily",
      null,
      null,
      "Resolved",
    ]);
  });

  it("in Chinese", () => {
    const rep = buildReport(
      [{ sheet: "Daily", result: roiResult(), marks: ["continuing"] }],
      DEFAULT_CONFIG,
      "zh",
      GENERATED,
      changes,
    );
    expect(rep.rows.map((r) => r[0])).toContain("较上次标记（2026年3月14日）：新增 1 条，持续 0 条，已解除 1 条。");
    const header = rep.rows[rep.headerRow];
    expect(header[header.length - 1]).toBe("较上次标记");
    expect(rep.rows[rep.headerRow + 1].at(-1)).toBe("持续");
    const at = rowStartingWith(rep.rows, "上次标记后已解除（1）");
    expect(rep.rows[at + 1][3]).toBe("当时预警：3月2日至4日");
  });

  it("a first flag's report has no change column, no counts and no resolved section", () => {
    const rep = buildReport([{ sheet: "Daily", result: roiResult() }], DEFAULT_CONFIG, "en", GENERATED, {
      compared: false,
      counts: { new: 0, continuing: 0, resolved: 0 },
      resolved: [],
    });
    expect(rep.rows[rep.headerRow]).not.toContain("Since last flag");
    expect(rep.rows.some((r) => typeof r[0] === "string" && r[0].startsWith("Since the last flag"))).toBe(false);
    expect(rep.columnWidths).toHaveLength(8);
  });
});
