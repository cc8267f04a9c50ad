/**
 * The simulated host checked against the Office.js reference, one documented behaviour per test. Each test names
 * its source: a learn.microsoft.com page, or the JSDoc of @types/office-js 1.0.612 (generated from the same
 * reference, https://learn.microsoft.com/javascript/api/excel/). Where the sim was more lenient than Excel, the test
 * fails on the old sim.
 */
import { savedFillFromProps } from "../../../src/taskpane/excel/fills";
import { createSimulatedExcel, SimOfficeError, type SimWorkbookInit } from "../../../tools/excel-sim";

const book = (): SimWorkbookInit => ({
  sheets: [
    {
      name: "Data",
      at: "B2",
      rows: [
        ["Date", "Channel", "ROI"],
        ["2026-03-02", "Search", 1.2],
        ["2026-03-03", "Search", 1.4],
        ["2026-03-04", "Social", 2.5],
      ],
    },
  ],
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as SimOfficeError).code;
  }
  return "no error";
}

/** What a proxy offers, to check that a method Excel does not have on a type is absent too. */
const has = (o: object, name: string) => typeof (o as Record<string, unknown>)[name] === "function";

describe("Range.getSurroundingRegion (excel.range#getsurroundingregion)", () => {
  // "Returns a Range object that represents the surrounding region for the top-left cell in this range."
  it("grows from the range's top-left cell only, not from the whole range", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    host.setValues("Data", "H2", [["far"], ["away"]]); // a separate block: columns E:G are empty
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      // B2:H2 spans both blocks, but its top-left cell B2 belongs to B2:D5 alone.
      const wide = ws.getRange("B2:H2").getSurroundingRegion().load("address");
      const fromH = ws.getRange("H3:H9").getSurroundingRegion().load("address");
      await ctx.sync();
      expect(wide.address).toBe("Data!B2:D5");
      expect(fromH.address).toBe("Data!H2:H3");
    });
  });
});

describe("Worksheet.getRange and getRanges addresses (excel.worksheet#getrange, #getranges)", () => {
  // getRange: "The address has a limit of 8192 characters. If the address exceeds the character limit, this method
  // returns an InvalidArgument error."
  it("fails getRange with InvalidArgument when the address is longer than 8,192 characters", async () => {
    const { Excel } = createSimulatedExcel(book());
    const padded = (n: number) => `B2${" ".repeat(n - 2)}`; // a readable address padded to n characters
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const at = ws.getRange(padded(8192)).load("address");
      await ctx.sync();
      expect(at.address).toBe("Data!B2");
      ws.getRange(padded(8193)).load("address");
      expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    });
  });

  // getRanges: "A string containing the comma-separated or semicolon-separated addresses … For example, "A1:B2, A5:B5"
  // or "A1:B2; A5:B5". If not specified, a RangeAreas object for the entire worksheet is returned."
  it("accepts semicolons between areas and gives the whole sheet without an address", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const semi = ws.getRanges("B2:C3; E5").load("areaCount, cellCount, address");
      const all = ws.getRanges().load("areaCount, cellCount");
      await ctx.sync();
      expect([semi.areaCount, semi.cellCount, semi.address]).toEqual([2, 5, "Data!B2:C3,Data!E5"]);
      // 1,048,576 × 16,384 cells is over 2^31 − 1, so cellCount is -1 (see below).
      expect([all.areaCount, all.cellCount]).toEqual([1, -1]);
    });
  });

  // Range.cellCount: "This API will return -1 if the cell count exceeds 2^31-1 (2,147,483,647)."
  // RangeAreas.cellCount: "Returns -1 if the cell count exceeds 2^31-1 (2,147,483,647)."
  it("reports cellCount -1 past 2^31 − 1 cells and the exact count below", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const sheet = ws.getRange().load("cellCount");
      // Rows 1–131,071, all 16,384 columns: 2,147,467,264 cells ≤ 2^31 − 1 = 2,147,483,647.
      const under = ws.getRange("1:131071").load("cellCount");
      const over = ws.getRange("1:131072").load("cellCount"); // 2,147,483,648 = 2^31
      await ctx.sync();
      expect([sheet.cellCount, under.cellCount, over.cellCount]).toEqual([-1, 2_147_467_264, -1]);
    });
  });
});

describe("read limit (Resource limits and performance optimization for Office Add-ins, Excel add-ins)", () => {
  // "A range is limited to 5,000,000 cells for read operations." The error table of "Error handling with the
  // application-specific JavaScript APIs" names it RangeExceedsLimit: "The cell count in the range has exceeded the
  // maximum supported number."
  it("fails reading values or cell properties of more than 5,000,000 cells with RangeExceedsLimit", async () => {
    const { Excel } = createSimulatedExcel(book(), { payloadLimitBytes: Infinity });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRangeByIndexes(0, 0, 1_000_001, 5).load("values"); // 5,000,005 cells
      expect(await codeOf(ctx.sync())).toBe("RangeExceedsLimit");
      ws.getRangeByIndexes(0, 0, 1_000_001, 5).getCellProperties({ format: { fill: { color: true } } });
      expect(await codeOf(ctx.sync())).toBe("RangeExceedsLimit");
      const sizeOnly = ws.getRangeByIndexes(0, 0, 1_000_001, 5).load("rowCount"); // not a read of cells
      await ctx.sync();
      expect(sizeOnly.rowCount).toBe(1_000_001);
    });
  });
});

describe("RangeFill.pattern (excel.rangefill#pattern)", () => {
  // "The pattern of a range. See Excel.FillPattern for details. LinearGradient and RectangularGradient are not
  // supported." A gradient a user made is reported, but cannot be set.
  it("refuses to set a gradient pattern and still reports one that is there", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    host.setFill("Data", "B2", { pattern: "LinearGradient", color: "#00B0F0" });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const there = ws.getRange("B2").format.fill.load("pattern");
      await ctx.sync();
      expect(there.pattern).toBe("LinearGradient");
      ws.getRange("C3").format.fill.pattern = "RectangularGradient";
      expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
      ws.getRange("C3").format.fill.pattern = "LinearGradient";
      expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    });
    expect(host.fill("Data", "C3")).toBeNull();
  });
});

describe("collection types (excel.customxmlpartcollection, …scopedcollection, tablecollection, …scopedcollection)", () => {
  // CustomXmlPartCollection: add, getByNamespace, getCount, getItem, getItemOrNullObject.
  // CustomXmlPartScopedCollection: getCount, getItem, getItemOrNullObject, getOnlyItem, getOnlyItemOrNullObject.
  it("offers getOnlyItem only on getByNamespace's scoped collection, and add only on workbook.customXmlParts", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const all = ctx.workbook.customXmlParts;
      const scoped = all.getByNamespace("urn:x");
      expect([has(all, "add"), has(all, "getByNamespace"), has(all, "getOnlyItem")]).toEqual([true, true, false]);
      expect(has(all, "getOnlyItemOrNullObject")).toBe(false);
      expect([has(scoped, "add"), has(scoped, "getByNamespace"), has(scoped, "getOnlyItem")]).toEqual([
        false,
        false,
        true,
      ]);
      expect(has(scoped, "getOnlyItemOrNullObject")).toBe(true);
      await ctx.sync();
    });
  });

  // TableCollection: `count`, add, getCount, getItem, getItemAt, getItemOrNullObject.
  // TableScopedCollection (Range.getTables): getCount, getFirst, getItem, getItemOrNullObject; no `count`.
  // getFirst: "The tables in the collection are sorted top-to-bottom and left-to-right, such that top-left table is
  // the first table in the collection."
  it("gives range.getTables() getFirst (the top-left table) but no getItemAt or count", async () => {
    const { Excel } = createSimulatedExcel({
      ...book(),
      tables: [
        { name: "Lower", sheet: "Data", address: "B4:D5" },
        { name: "Upper", sheet: "Data", address: "B2:D3" },
      ],
    });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const scoped = ws.getRange("A1:E9").getTables();
      expect([has(scoped, "getFirst"), has(scoped, "getItemAt")]).toEqual([true, false]);
      expect([has(ws.tables, "getFirst"), has(ws.tables, "getItemAt")]).toEqual([false, true]);
      const first = scoped.getFirst().load("name");
      const counted = ws.tables.load("count");
      await ctx.sync();
      expect([first.name, counted.count]).toEqual(["Upper", 2]);
      ws.getRange("A1:E9").getTables().load("count");
      expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    });
  });

  // WorksheetCollection has no `count` property (getCount() instead).
  it("has no count property on the worksheet collection, only getCount()", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.load("count");
      expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
      const n = ctx.workbook.worksheets.getCount();
      await ctx.sync();
      expect(n.value).toBe(1);
    });
  });
});

describe("error codes (excel.errorcodes, officeextension.errorcodes, application-specific-api-error-handling)", () => {
  it("keeps Excel's codes in Excel.ErrorCodes and the loading codes in OfficeExtension.ErrorCodes", () => {
    const { Excel, OfficeExtension } = createSimulatedExcel(book());
    expect(Excel.ErrorCodes.itemNotFound).toBe("ItemNotFound");
    expect(Excel.ErrorCodes.responsePayloadSizeLimitExceeded).toBe("ResponsePayloadSizeLimitExceeded");
    expect(Excel.ErrorCodes.propertyNotLoaded).toBeUndefined();
    expect(OfficeExtension.ErrorCodes.propertyNotLoaded).toBe("PropertyNotLoaded");
  });

  // Messages from the "Error codes and messages" table.
  it("words ItemAlreadyExists and InvalidOperation as the error table does", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add("data");
      await expect(ctx.sync()).rejects.toThrow("The resource being created already exists.");
      ctx.workbook.worksheets.getItem("Data").delete(); // the only visible sheet
      await expect(ctx.sync()).rejects.toThrow("The operation attempted is invalid on the object.");
    });
  });
});

describe("no fill vs a white fill (office-js#6218, office-js#4900)", () => {
  // #6218: getCellProperties and format.fill.color give "#FFFFFF" for No Fill as for solid white. #4900, Microsoft's
  // answer: load tintAndShade: "If you are setting 'No Fill', you will get 'null'. And if you fill as white or other
  // color, you will get a number."
  it("reports both as #FFFFFF, and tells them apart by pattern and a null tintAndShade", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    host.setFill("Data", "C3", "#FFFFFF");
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const props = ws.getRange("C3:C4").getCellProperties({ format: { fill: { color: true, tintAndShade: true } } });
      const noFill = ws.getRange("C4").format.fill.load("color, pattern, tintAndShade");
      const white = ws.getRange("C3").format.fill.load("color, pattern, tintAndShade");
      await ctx.sync();
      expect(props.value).toEqual([
        [{ format: { fill: { color: "#FFFFFF", tintAndShade: 0 } } }],
        [{ format: { fill: { color: "#FFFFFF", tintAndShade: null } } }],
      ]);
      expect([noFill.color, noFill.pattern, noFill.tintAndShade]).toEqual(["#FFFFFF", "None", null]);
      expect([white.color, white.pattern, white.tintAndShade]).toEqual(["#FFFFFF", "Solid", 0]);
    });
  });

  it("has the adapter save a white fill as white and no fill as none, with or without a pattern in the answer", () => {
    // With the pattern (what the sim reports) and without it (the build in #4900): tintAndShade decides.
    expect(savedFillFromProps({ color: "#FFFFFF", pattern: "None", tintAndShade: null })).toEqual({ pattern: "none" });
    expect(savedFillFromProps({ color: "#FFFFFF", tintAndShade: null })).toEqual({ pattern: "none" });
    expect(savedFillFromProps({ color: "#FFFFFF", tintAndShade: 0 })).toEqual({ pattern: "solid", color: "#FFFFFF" });
    expect(savedFillFromProps({ color: "#FFFFFF", pattern: "Solid", tintAndShade: 0 })).toEqual({
      pattern: "solid",
      color: "#FFFFFF",
    });
  });
});
