/**
 * The simulated host's conditional formats, defined names and row edits, pinned to Excel's documented behaviour:
 * ConditionalFormatCollection.add puts a rule at the top priority (Office.js reference: "Adds a new conditional format
 * to the collection at the first/top priority"); priority moves a rule and the others keep their order; `custom` on
 * another type fails (office-js#2180); inserting rows moves a rule's ranges (issue 15's spec check: G115 → G118 after
 * 3 rows inserted above), deleting them shrinks or removes them; sorting moves cell formats but not conditional
 * formats; a sheet-scoped name follows a rename and goes with its sheet.
 */
import { createSimulatedExcel, SimOfficeError, type SimWorkbookInit } from "../../../tools/excel-sim";

/* eslint-disable @typescript-eslint/no-explicit-any */
const book = (): SimWorkbookInit => ({
  sheets: [
    {
      name: "Data",
      rows: [
        ["Channel", "ROI"],
        ["Search", 3],
        ["Social", 1],
        ["Video", 2],
      ],
      fills: { B3: "#C6EFCE" },
    },
    { name: "Other" },
  ],
});
const MARK = '=N("growth-signals")=0';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof SimOfficeError ? e.code : String(e);
  }
  return "no error";
}

describe("conditional formats", () => {
  it("adds a custom rule at the top priority on every area of a RangeAreas, and shows its fill over the cell's own", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    host.addConditionalFormat("Data", "B2:B4", { type: "ColorScale" });
    await Excel.run(async (c: any) => {
      const cf = c.workbook.worksheets.getItem("Data").getRanges("B3, B115:B117").conditionalFormats.add("Custom");
      cf.custom.rule.formula = MARK;
      cf.custom.format.fill.color = "#FF7C80";
      await c.sync();
    });
    const list = host.conditionalFormats("Data");
    expect(list.map((x) => x.type)).toEqual(["Custom", "ColorScale"]);
    expect(list[0]).toMatchObject({ formula: MARK, fill: "#FF7C80", ranges: "B3 B115:B117" });
    expect(host.displayedColor("Data", 2, 1)).toBe("#FF7C80"); // B3: the rule over the user's green
    expect(host.cellFormat("Data", "B3").fill?.color).toBe("#C6EFCE"); // the cell's own fill is untouched
    expect(host.displayedColor("Data", 1, 1)).toBeNull(); // B2: the colour scale is not evaluated
  });

  it("enumerates a sheet's rules through getRange().conditionalFormats, refuses custom on another type, deletes by id", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    host.addConditionalFormat("Data", "A1:A4", { type: "DataBar" });
    const ours = host.addConditionalFormat("Data", "B2", { formula: MARK, fill: "#FFD966" });
    await Excel.run(async (c: any) => {
      const all = c.workbook.worksheets.getItem("Data").getRange().conditionalFormats;
      all.load("items/type, items/id, items/priority");
      const count = all.getCount();
      await c.sync();
      expect(count.value).toBe(2);
      expect(all.items.map((x: any) => [x.type, x.priority])).toEqual([
        ["Custom", 0],
        ["DataBar", 1],
      ]);
      all.load("items/custom/rule/formula");
      expect(await codeOf(c.sync())).toBe("InvalidOperation");
      const rule = all.getItem(ours).custom.rule.load("formula");
      await c.sync();
      expect(rule.formula).toBe(MARK);
      all.getItem(ours).delete();
      await c.sync();
    });
    expect(host.conditionalFormats("Data").map((x) => x.type)).toEqual(["DataBar"]);
  });

  it("moves a rule by priority (the others keep their order), clamping out of bounds and counting negatives from the back", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    for (const f of ["#000001", "#000002", "#000003"])
      host.addConditionalFormat("Data", "B2", { formula: MARK, fill: f });
    const fills = () => host.conditionalFormats("Data").map((x) => x.fill);
    expect(fills()).toEqual(["#000003", "#000002", "#000001"]);
    await Excel.run(async (c: any) => {
      const cfs = () => c.workbook.worksheets.getItem("Data").getRange("B2").conditionalFormats;
      cfs().getItemAt(0).priority = 99;
      await c.sync();
      expect(fills()).toEqual(["#000002", "#000001", "#000003"]);
      // "you have to re-fetch a new copy of the object" after a priority change (ConditionalFormat.priority)
      cfs().getItemAt(2).priority = -3;
      await c.sync();
      expect(fills()).toEqual(["#000003", "#000002", "#000001"]);
    });
  });

  it("gives one range from getRange only for a single-range rule, and all of them from getRanges", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    host.addConditionalFormat("Data", "B2, B4", { formula: MARK, fill: "#FFD966" });
    await Excel.run(async (c: any) => {
      const cf = c.workbook.worksheets.getItem("Data").getRange().conditionalFormats.getItemAt(0);
      const areas = cf.getRanges().load("address");
      const one = cf.getRangeOrNullObject();
      await c.sync();
      expect(areas.address).toBe("Data!B2,Data!B4");
      expect(one.isNullObject).toBe(true);
      cf.getRange().load("address");
      expect(await codeOf(c.sync())).toBe("InvalidOperation");
    });
  });
});

describe("row edits and sort", () => {
  it("moves a rule with 3 rows inserted above it (G115 → G118) and grows one that spans the insertion", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    host.addConditionalFormat("Data", "G115, B2:B10", { formula: MARK, fill: "#FF7C80" });
    await Excel.run(async (c: any) => {
      c.workbook.worksheets.getItem("Data").getRange("5:7").insert("Down");
      await c.sync();
    });
    expect(host.conditionalFormats("Data")[0].ranges).toBe("G118 B2:B13");
    expect(host.value("Data", "A8")).toBe(""); // nothing moved into the inserted rows… (A5 was empty)
    host.insertRows("Data", 3, 1);
    expect(host.value("Data", "A4")).toBe("Social");
    expect(host.cellFormat("Data", "B4").fill?.color).toBe("#C6EFCE"); // the user's fill moved with its cell
  });

  it("shrinks a rule when some of its rows are deleted and deletes it when all are", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    host.addConditionalFormat("Data", "B2:B4", { formula: MARK, fill: "#FF7C80" });
    host.addConditionalFormat("Data", "C3", { formula: MARK, fill: "#FFD966" });
    await Excel.run(async (c: any) => {
      c.workbook.worksheets.getItem("Data").getRange("A3").getEntireRow().delete("Up");
      await c.sync();
    });
    expect(host.conditionalFormats("Data").map((x) => x.ranges)).toEqual(["B2:B3"]);
    expect(host.values("Data", "A2:A3")).toEqual([["Search"], ["Video"]]);
  });

  it("sorts values and cell formats but leaves conditional formats on their cells", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    host.addConditionalFormat("Data", "B3", { formula: MARK, fill: "#FF7C80" }); // on Social's ROI
    await Excel.run(async (c: any) => {
      c.workbook.worksheets
        .getItem("Data")
        .getRange("A1:B4")
        .sort.apply([{ key: 1, ascending: true }], false, true);
      await c.sync();
    });
    expect(host.values("Data", "A2:B4")).toEqual([
      ["Social", 1],
      ["Video", 2],
      ["Search", 3],
    ]);
    expect(host.cellFormat("Data", "B2").fill?.color).toBe("#C6EFCE"); // Social's green moved to row 2
    expect(host.conditionalFormats("Data")[0].ranges).toBe("B3"); // the rule stayed: now on Video
  });

  it("sorts numbers before text before booleans, blanks last both ways (Excel's order)", () => {
    const { host } = createSimulatedExcel({
      sheets: [{ name: "S", rows: [["v"], ["b"], [true], [2], [""], ["A"], [1]] }],
    });
    host.sort("S", "A1:A7", [{ key: 0 }]);
    expect(host.values("S", "A2:A7").flat()).toEqual([1, 2, "A", "b", true, ""]);
    host.sort("S", "A1:A7", [{ key: 0, ascending: false }]);
    expect(host.values("S", "A2:A7").flat()).toEqual([true, "b", "A", 2, 1, ""]);
  });
});

describe("sheet-scoped defined names", () => {
  it("adds a name for a range, follows a rename, refuses a duplicate and goes with its sheet", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    await Excel.run(async (c: any) => {
      const ws = c.workbook.worksheets.getItem("Other");
      ws.names.add("GrowthSignals_Report", ws.getRange("A1"));
      await c.sync();
      ws.name = "My report";
      await c.sync();
      ws.names.add("growthsignals_report", "=1");
      expect(await codeOf(c.sync())).toBe("ItemAlreadyExists");
      const found = c.workbook.worksheets.getItem("My report").names.getItemOrNullObject("GROWTHSIGNALS_REPORT");
      found.load("name, formula");
      const none = c.workbook.worksheets.getItem("Data").names.getItemOrNullObject("GrowthSignals_Report");
      await c.sync();
      expect(found.formula).toBe("='My report'!$A$1");
      expect(none.isNullObject).toBe(true);
      c.workbook.worksheets.getItem("Data").names.add("A1", "=1");
      expect(await codeOf(c.sync())).toBe("InvalidArgument");
    });
    host.renameSheet("My report", "R2");
    expect(host.names("R2")).toEqual([{ name: "GrowthSignals_Report", formula: "=R2!$A$1" }]);
    host.deleteSheet("R2");
    host.addSheet({ name: "R2" });
    expect(host.names("R2")).toEqual([]);
  });
});
