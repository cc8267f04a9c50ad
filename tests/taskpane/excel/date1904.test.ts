/**
 * Issue 8 §1.5, the pane's half: a workbook in the 1904 date system (Mac Excel's date1904). Office.js has no
 * date-system property; the adapter asks DATE(2000, 1, 1) (36526 in the 1900 system, 35064 in the 1904 one) in the
 * flag's first sync and passes date1904 to runRules, so serial dates give the right days and weeks.
 */
import { DEFAULT_CONFIG } from "../../../src/core";
import { createSimulatedExcel } from "../../../tools/excel-sim";
import { excelDate } from "../../../tools/excel-sim/objects";
import { setup } from "./helpers";

const OFFSET = 1462; // 1904-01-01 is serial 1462 in the 1900 system
const MONDAY = 46_083; // 2026-03-02, a Monday, in the 1900 system

/**
 * One channel, 28 days from Monday 2 March 2026. Repurchase rate is constant within each Monday–Sunday week and
 * falls week on week (0.30, 0.28, 0.26, 0.24): red from the second week, as the engine reads "falling two weeks running". Complaint rate is 2%
 * on Tuesday 3 March (orange). ROI 1.2 on 9–11 March (yellow run of three).
 */
function rows(serialOf: (s1900: number) => number): (string | number)[][] {
  const out: (string | number)[][] = [["Date", "Channel", "ROI", "Complaint rate", "Repurchase rate"]];
  for (let d = 0; d < 28; d++)
    out.push([
      serialOf(MONDAY + d),
      "Search",
      d >= 7 && d <= 9 ? 1.2 : 2.0,
      d === 1 ? 0.02 : 0.004,
      [0.3, 0.28, 0.26, 0.24][Math.floor(d / 7)],
    ]);
  return out;
}

async function flag(date1904: boolean, serialOf: (s: number) => number) {
  const { host, gateway } = setup({
    sheets: [{ name: "Data", rows: rows(serialOf) }],
    selection: { sheet: "Data", address: "A1" },
    date1904,
  });
  const tables = await gateway.readSelection();
  const out = await gateway.flag({ tables, config: DEFAULT_CONFIG, lang: "en" });
  const result = out.tables[0].result;
  return {
    host,
    findings: result.findings.map(
      (f) => `${f.ruleId} ${f.colour} ${f.firstPeriod}…${f.lastPeriod} ×${f.periodsFlagged}`,
    ),
    cells: result.cells.map((c) => `${c.row},${c.col} ${c.colour}`).sort(),
    syncs: out.syncs,
  };
}

it("the simulated host's functions.date answers in the workbook's date system", async () => {
  expect(excelDate(2000, 1, 1, false)).toEqual({ value: 36_526, error: null });
  expect(excelDate(2000, 1, 1, true)).toEqual({ value: 35_064, error: null });
  expect(excelDate(2026, 3, 2, false).value).toBe(MONDAY);
  expect(excelDate(2026, 3, 2, true).value).toBe(MONDAY - OFFSET);
  for (const date1904 of [false, true]) {
    const { Excel } = createSimulatedExcel({ sheets: [{ name: "S" }], date1904 });
    const v = await Excel.run(async (ctx) => {
      const r = ctx.workbook.functions.date(2000, 1, 1).load("value");
      await ctx.sync();
      return r.value;
    });
    expect(v).toBe(date1904 ? 35_064 : 36_526);
  }
});

it("a 1904 workbook's serial dates give the same weeks, flags and finding dates as the 1900 workbook", async () => {
  const in1900 = await flag(false, (s) => s);
  const in1904 = await flag(true, (s) => s - OFFSET);
  const expected = [
    "repurchase-declining red 2026-03-09…2026-03-29 ×21",
    "complaint-rate-high orange 2026-03-03…2026-03-03 ×1",
    "roi-below-benchmark yellow 2026-03-09…2026-03-11 ×3",
  ];
  expect(in1900.findings).toEqual(expected);
  expect(in1904.findings).toEqual(expected);
  expect(in1904.cells).toEqual(in1900.cells);
  // Detection costs no extra sync: the probe rides in the flag's first sync.
  expect(in1904.syncs).toBe(in1900.syncs);
  // Read as 1900 serials, the same cells would be dated 4 years and a day early.
  const wrong = await flag(false, (s) => s - OFFSET);
  expect(wrong.findings.join("\n")).toContain("2022-03-02");
});
