/**
 * The pane's trend charts on the report sheet (issue 10 §7), as the CLI draws them: one native line chart per red
 * and orange weak channel, its data in hidden columns right of the report, what the rule compares (issue 19 §6: the
 * limit dashed in the warning colour), two side by side in bands of 16 rows inside the table's columns; guarded by the ExcelApi versions they need; gone with the sheet on Clear.
 */
import { flagSelection, setup, SMALL_ROWS } from "./helpers";

const REPORT = "Growth Signals";
const ORANGE = "#F4B183";

function smallBook() {
  return { sheets: [{ name: "Data", rows: SMALL_ROWS }], selection: { sheet: "Data", address: "A1" } };
}

/** Makes Office say no to the ExcelApi versions in `missing`. */
function withoutSets(missing: string[]): void {
  type Requirements = { isSetSupported(name: string, version?: string | number): boolean };
  const req = (globalThis as unknown as { Office: { context: { requirements: Requirements } } }).Office.context
    .requirements;
  const was = req.isSetSupported.bind(req);
  req.isSetSupported = (name, version) => !missing.includes(String(version)) && was(name, version);
}

describe("report charts", () => {
  it("charts the small report's one orange finding, worked by hand", async () => {
    // SMALL_ROWS with the default rules: Search complaint rate 2% on 3 Mar > 1% → orange (charted); Search ROI
    // 1.2–1.4 three days below 1.5 → yellow (not charted); Social ROI below 1.5 only two days → no finding.
    // So one chart: Search's four complaint rates, 2–5 Mar, against the 1% threshold.
    const { host, gateway } = setup(smallBook());
    await flagSelection(gateway);
    const charts = host.charts(REPORT);
    expect(charts).toHaveLength(1);
    const [c] = charts;
    expect(c.type).toBe("Line");
    expect(c.seriesBy).toBe("Columns");
    expect(c.title).toBe("Search · Complaint rate high (Data)");
    expect(c.categories).toEqual(["Mar 2", "Mar 3", "Mar 4", "Mar 5"]);
    expect(c.series).toEqual([
      {
        name: "Complaint rate",
        values: [0.005, 0.02, 0.004, 0.003],
        line: { color: "#1F4E79", lineStyle: "Continuous", weight: 1.75 },
        markerStyle: "None",
      },
      {
        name: "Limit 1%",
        values: [0.01, 0.01, 0.01, 0.01],
        line: { color: ORANGE, lineStyle: "Dash", weight: 1.5 },
        markerStyle: "None",
      },
    ]);
    // Under the heading after the legend (title, date, two headline lines, intro, blank, legend title, header, 5 rules,
    // blank: rows 1–14), columns A–D, 16 rows, as the CLI anchors it (inside A–D).
    expect(host.value(REPORT, "A15")).toBe("What the rules compare: red and orange weak channels");
    expect(c.position).toEqual({ start: "A16", end: "D31" });
    // The charts start a printed page (a break above their heading, row 15, 0-based 14) and the table the next one
    // (its title in row 33, 0-based 32, below a blank row), as the CLI's rowBreaks: the table's header, repeated on
    // the pages after it, never prints over the charts.
    expect(host.rowBreaks(REPORT)).toEqual([14, 32]);
    expect(host.value(REPORT, "A33")).toBe("Weak channels");
    // The data: three columns after one blank column right of the report (A–H), hidden, and plotted anyway.
    expect(c.source).toBe(`${REPORT}!J1:L5`);
    expect(host.value(REPORT, "K1")).toBe("Complaint rate");
    expect(host.value(REPORT, "K3")).toBe(0.02);
    expect(host.value(REPORT, "L5")).toBe(0.01);
    expect([8, 9, 10, 11, 12].map((col) => host.columnHidden(REPORT, col))).toEqual([false, true, true, true, false]);
    expect(c.plotVisibleOnly).toBe(false);
    // A rate (the complaint rate is a fraction): the value axis in percent, as the CLI's chart (src/cli/xlsx/chart.ts).
    expect(c.valueAxis).toEqual({ numberFormat: "0.0%" });
  });

  it("places many charts two side by side in bands of 16 rows", async () => {
    // Six channels, each with one day of complaint rate 2% → six orange findings, six charts.
    const rows: (string | number)[][] = [["Date", "Channel", "ROI", "Complaint rate"]];
    for (let ch = 0; ch < 6; ch++)
      for (let d = 0; d < 3; d++) rows.push([`2026-03-0${d + 2}`, `Ch${ch}`, 2, d === 1 ? 0.02 : 0.004]);
    const { host, gateway } = setup({ sheets: [{ name: "Data", rows }], selection: { sheet: "Data", address: "A1" } });
    await flagSelection(gateway);
    const charts = host.charts(REPORT);
    expect(charts.map((c) => c.title.split(" · ")[0])).toEqual(["Ch0", "Ch1", "Ch2", "Ch3", "Ch4", "Ch5"]);
    const starts = charts.map((c) => c.position!.start);
    const top = Number(starts[0].slice(1));
    expect(starts).toEqual([`A${top}`, `E${top}`, `A${top + 16}`, `E${top + 16}`, `A${top + 32}`, `E${top + 32}`]);
    // Two bands (four charts) a printed page: breaks above the heading, above the third band and above the table.
    expect(host.rowBreaks(REPORT)).toEqual([top - 2, top - 1 + 32, top - 1 + 48 + 1]);
    expect(charts.every((c) => c.series[0].values.length === 3)).toBe(true);
  });

  it("Clear removes the charts with the report sheet; flagging again makes them once", async () => {
    const { host, gateway } = setup(smallBook());
    await flagSelection(gateway);
    await flagSelection(gateway);
    expect(host.charts(REPORT)).toHaveLength(1);
    await gateway.clear();
    expect(host.sheets().map((s) => s.name)).toEqual(["Data"]);
    expect(host.charts("Data")).toEqual([]);
  });

  it("without ExcelApi 1.8 the data stays visible (hidden data would not plot); without 1.7 no dash; without 1.1 no chart; without 1.9 no page breaks", async () => {
    let { host, gateway } = setup(smallBook());
    withoutSets(["1.7", "1.8"]);
    await flagSelection(gateway);
    const [c] = host.charts(REPORT);
    expect(c.plotVisibleOnly).toBe(true);
    expect(host.columnHidden(REPORT, 9)).toBe(false);
    expect(c.series[1].line).toEqual({ color: ORANGE, lineStyle: "Continuous", weight: 2.25 });
    expect(c.valueAxis).toEqual({ numberFormat: "General" });

    ({ host, gateway } = setup(smallBook()));
    withoutSets(["1.1", "1.9"]);
    await flagSelection(gateway);
    expect(host.charts(REPORT)).toEqual([]);
    expect(host.value(REPORT, "K1")).toBe("");
    expect(host.rowBreaks(REPORT)).toEqual([]);
  });

  // issue 19 §6: after Flag the pane offers "Go to report"
  it("goes to the report: activates the sheet carrying the marker, whatever it is called now, with A1 selected", async () => {
    const { host, gateway } = setup(smallBook());
    await flagSelection(gateway);
    host.select("Data", "B3");
    expect(await gateway.showReport!()).toBe(REPORT);
    expect(host.selection()).toEqual({ sheet: REPORT, address: "A1" });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(REPORT).name = "For the manager";
      await ctx.sync();
    });
    host.select("Data", "B3");
    expect(await gateway.showReport!()).toBe("For the manager");
    expect(host.selection()).toEqual({ sheet: "For the manager", address: "A1" });
    // deleted since: nothing to go to, and the selection stays where it was
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("For the manager").delete();
      await ctx.sync();
    });
    host.select("Data", "B3");
    expect(await gateway.showReport!()).toBeNull();
    expect(host.selection()).toEqual({ sheet: "Data", address: "B3" });
  });
});
