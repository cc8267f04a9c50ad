import { buildReport } from "../../src/core/report";
import { DEFAULT_CONFIG } from "../../src/core/rules/config";
import { runRules } from "../../src/core/rules/engine";
import { RULE_ACTIONS, ruleThreshold } from "../../src/core/rules/catalog";
import type { CellValue } from "../../src/core/rules/types";
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
    expect(rep.rows[1]).toEqual(["Generated", "2026-03-21"]);
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

  it("writes one language per call", () => {
    const rep = buildReport([{ sheet: "日报", result: roiResult("抖音") }], DEFAULT_CONFIG, "zh", GENERATED);
    expect(rep.rows[0][0]).toBe("Growth Signals — 弱势渠道报告");
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
    expect(Math.max(...rep.columnWidths)).toBeLessThanOrEqual(60);
    // the long texts wrap in columns of at most 45 characters
    expect(rep.wrapColumns).toEqual([3, 4]);
    expect(rep.columnWidths[3]).toBeLessThanOrEqual(45);
    expect(rep.columnWidths[4]).toBeLessThanOrEqual(45);
  });
});
