/**
 * The pane's sparklines are the engine's own series (core findingSeries): where the old regrouping of the table's
 * rows disagreed with the flags — a totals row, a blank channel cell under a channel, a percentage-point column —
 * the sparkline now shows what the rules read.
 */
import { runRules } from "../../../src/core/rules/engine";
import { findingSeries } from "../../../src/core/rules/findingSeries";
import type { CellValue } from "../../../src/core/rules/types";
import { trendsOf, TREND_LENGTH } from "../../../src/taskpane/excel/trends";

describe("sparklines from the engine's series", () => {
  it("leave out a totals row without a date and read a percentage-point column as the rules do", () => {
    // Complaint rate in percentage points ("%" in the header): 2.0 is 2%, above the 1% limit. The totals row has no
    // date, so the rules skip it; the old regrouping sorted it first (day 0) and showed 4.3, unscaled.
    const table = {
      header: ["Date", "Complaint rate (%)"] as CellValue[],
      rows: [
        ["2026-03-02", 0.5],
        ["2026-03-03", 2.0],
        ["2026-03-04", 0.8],
        ["Total", 4.3],
      ] as CellValue[][],
    };
    const result = runRules(table);
    expect(result.findings.map((f) => f.ruleId)).toEqual(["complaint-rate-high"]);
    expect(trendsOf(table, result)).toEqual({ "|complaint-rate-high": [0.005, 0.02, 0.008] });
    expect(findingSeries(table, result)).toEqual([
      { periods: ["2026-03-02", "2026-03-03", "2026-03-04"], values: [0.005, 0.02, 0.008] },
    ]);
  });

  it("carry a channel down over blank channel cells and skip a Total row, as the rules group rows", () => {
    // Rows 2–3 belong to Search (merged cells read as blanks); the old regrouping dropped them from Search's line.
    const table = {
      header: ["Date", "Channel", "ROI"] as CellValue[],
      rows: [
        ["2026-03-01", "Search", 2.0],
        ["2026-03-02", "", 1.2],
        ["2026-03-03", null, 1.3],
        ["2026-03-04", "Search", 1.4],
        ["2026-03-04", "Total", 9.9],
      ] as CellValue[][],
    };
    const result = runRules(table);
    expect(result.findings.map((f) => [f.channel, f.ruleId])).toEqual([["Search", "roi-below-benchmark"]]);
    expect(trendsOf(table, result)).toEqual({ "Search|roi-below-benchmark": [2.0, 1.2, 1.3, 1.4] });
  });

  it("keep the most recent values only", () => {
    const rows: CellValue[][] = Array.from({ length: TREND_LENGTH + 10 }, (_, i) => [
      new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      1 + (i % 3) / 10,
    ]);
    const table = { header: ["Date", "ROI"] as CellValue[], rows };
    const trend = trendsOf(table, runRules(table))["|roi-below-benchmark"];
    expect(trend).toHaveLength(TREND_LENGTH);
    expect(trend[TREND_LENGTH - 1]).toBe(rows[rows.length - 1][1]);
  });
});
