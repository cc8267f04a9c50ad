/**
 * The simulated Worksheet.charts (issue 10 §7): a line chart from a range by columns (a text first column gives the
 * categories, a text first row the series names), its title, its series' line colour and dash, setPosition and
 * plotVisibleOnly; strict loading as for every proxy; the calls counted in the request bytes; gone with its sheet.
 */
import { createSimulatedExcel, SimOfficeError } from "../../../tools/excel-sim";

const book = () => ({
  sheets: [
    {
      name: "Report",
      rows: [
        ["", "ROI", "Threshold 1.5"],
        ["2026-03-02", 1.2, 1.5],
        ["2026-03-03", 1.3, 1.5],
        ["2026-03-04", 1.7, 1.5],
      ],
    },
  ],
});

describe("charts", () => {
  it("adds a line chart by columns with categories, series names, title, dashed line and position", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Report");
      const chart = ws.charts.add(Excel.ChartType.line, ws.getRange("A1:C4"), Excel.ChartSeriesBy.columns);
      chart.title.text = "Search · ROI";
      const line = chart.series.getItemAt(1).format.line;
      line.color = "#f4b183";
      line.lineStyle = Excel.ChartLineStyle.dash;
      line.weight = 1.5;
      chart.series.getItemAt(1).markerStyle = Excel.ChartMarkerStyle.circle;
      chart.plotVisibleOnly = false;
      chart.setPosition("E2", "H17");
      expect(host.charts("Report")).toEqual([]);
      await ctx.sync();
    });
    const [c] = host.charts("Report");
    expect(c).toMatchObject({
      type: "Line",
      source: "Report!A1:C4",
      title: "Search · ROI",
      plotVisibleOnly: false,
      position: { start: "E2", end: "H17" },
      categories: ["2026-03-02", "2026-03-03", "2026-03-04"],
    });
    expect(c.series).toEqual([
      // Excel's defaults: automatic colour and markers, 2.25 pt
      {
        name: "ROI",
        values: [1.2, 1.3, 1.7],
        line: { color: null, lineStyle: "Continuous", weight: 2.25 },
        markerStyle: "Automatic",
      },
      {
        name: "Threshold 1.5",
        values: [1.5, 1.5, 1.5],
        line: { color: "#F4B183", lineStyle: "Dash", weight: 1.5 },
        markerStyle: "Circle",
      },
    ]);
  });

  it("is strict: properties are read only after load and sync", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Report");
      const chart = ws.charts.add(Excel.ChartType.line, ws.getRange("A1:C4"), Excel.ChartSeriesBy.columns);
      chart.title.text = "T";
      const first = chart.series.getItemAt(0);
      expect(() => first.name).toThrow(SimOfficeError);
      expect(() => chart.chartType).toThrow(SimOfficeError);
      first.load("name");
      chart.load("chartType");
      ws.charts.load("items/name");
      await ctx.sync();
      expect(first.name).toBe("ROI");
      expect(chart.chartType).toBe("Line");
      expect(chart.title.text).toBe("T"); // set locally, as Office.js keeps it
      expect(ws.charts.items.map((c) => c.name)).toEqual(["Chart 1"]);
    });
  });

  it("formats the value axis's tick labels (ChartAxis.numberFormat), General until set, read after load", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Report");
      const chart = ws.charts.add(Excel.ChartType.line, ws.getRange("A1:C4"), Excel.ChartSeriesBy.columns);
      const axis = chart.axes.valueAxis;
      expect(() => axis.numberFormat).toThrow(SimOfficeError);
      axis.load("numberFormat");
      await ctx.sync();
      expect(axis.numberFormat).toBe("General");
      axis.numberFormat = "0.0%";
      await ctx.sync();
    });
    expect(host.charts("Report")[0].valueAxis).toEqual({ numberFormat: "0.0%" });
  });

  it("refuses an unknown line style or marker, a negative weight, a missing series and a bad position", async () => {
    const { Excel } = createSimulatedExcel(book());
    const attempt = (f: (chart: ReturnType<Excel.ChartCollection["add"]>) => void) =>
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Report");
        f(ws.charts.add(Excel.ChartType.line, ws.getRange("A1:C4"), Excel.ChartSeriesBy.columns) as never);
        await ctx.sync();
      }).then(
        () => "no error",
        (e: SimOfficeError) => e.code,
      );
    expect(await attempt((c) => (c.series.getItemAt(0).format.line.lineStyle = "Wavy" as never))).toBe(
      "InvalidArgument",
    );
    expect(await attempt((c) => (c.series.getItemAt(5).format.line.color = "#000000"))).toBe("ItemNotFound");
    expect(await attempt((c) => (c.series.getItemAt(0).markerStyle = "Hexagon" as never))).toBe("InvalidArgument");
    expect(await attempt((c) => (c.series.getItemAt(0).format.line.weight = -1))).toBe("InvalidArgument");
    expect(await attempt((c) => c.setPosition("not a cell"))).toBe("InvalidArgument");
  });

  it("counts the chart calls in the request bytes, and the charts go with their sheet", async () => {
    const { Excel, host } = createSimulatedExcel({ sheets: [...book().sheets, { name: "Data" }] });
    host.resetCounters();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Report").getRange("A1").values = [["x"]];
      await ctx.sync();
    });
    const plain = host.maxRequestBytes;
    host.resetCounters();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Report");
      ws.getRange("A1").values = [["x"]];
      const chart = ws.charts.add(Excel.ChartType.line, ws.getRange("A1:C4"), Excel.ChartSeriesBy.columns);
      chart.title.text = "Search · ROI";
      chart.series.getItemAt(1).format.line.lineStyle = Excel.ChartLineStyle.dash;
      chart.setPosition("E2", "H17");
      await ctx.sync();
    });
    expect(host.maxRequestBytes).toBeGreaterThan(plain + 500);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Report").delete();
      await ctx.sync();
    });
    expect(host.sheets().map((s) => s.name)).toEqual(["Data"]);
  });

  it("adds manual page breaks above rows (Worksheet.horizontalPageBreaks), loaded strictly", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const breaks = ctx.workbook.worksheets.getItem("Report").horizontalPageBreaks;
      breaks.add("A23");
      breaks.add("A7");
      expect(() => breaks.items).toThrow(SimOfficeError);
      breaks.load("items/rowIndex");
      await ctx.sync();
      expect(breaks.items.map((b) => b.rowIndex)).toEqual([6, 22]);
    });
    expect(host.rowBreaks("Report")).toEqual([6, 22]);
    const code = await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Report").horizontalPageBreaks.add("A1");
      await ctx.sync();
    }).then(
      () => "no error",
      (e: SimOfficeError) => e.code,
    );
    expect(code).toBe("InvalidArgument");
  });
});
