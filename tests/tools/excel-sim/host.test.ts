/**
 * The simulated Excel host must behave like Excel where the add-in depends on it; these tests pin each behaviour
 * to what Office.js documents (strict loading, 5 MB payloads, fills, Ctrl+A regions, selections, custom XML parts).
 */
import {
  createSimulatedExcel,
  installSimulatedOffice,
  SimOfficeError,
  type SimWorkbookInit,
} from "../../../tools/excel-sim";

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
      fills: { C3: "#FFFFFF", C4: "#ff0000", D5: { pattern: "Gray25", color: "#00FF00" } },
    },
    { name: "Other" },
  ],
  selection: { sheet: "Data", address: "C3" },
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as SimOfficeError).code;
  }
  return "no error";
}

describe("strict loading", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("B2:D3");
      expect(() => r.values).toThrow(/The property 'values' is not available/);
      r.load("values");
      expect(() => r.values).toThrow(SimOfficeError);
      await ctx.sync();
      expect(r.values).toEqual([
        ["Date", "Channel", "ROI"],
        ["2026-03-02", "Search", 1.2],
      ]);
      expect(() => r.address).toThrow(/'address' is not available/);
    });
  });

  it("accepts load as a comma list, an array, a select object and a property tree", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const a = ws.getRange("B2:C4").load("address, rowCount");
      const b = ws.getRange("B2:C4").load(["columnCount", "rowIndex"]);
      const c = ws.getRange("B2:C4").load({ select: "columnIndex,cellCount" });
      const d = ws.getRange("C4").load({ format: { fill: { color: true } }, address: true });
      await ctx.sync();
      expect([a.address, a.rowCount]).toEqual(["Data!B2:C4", 3]);
      expect([b.columnCount, b.rowIndex]).toEqual([2, 1]);
      expect([c.columnIndex, c.cellCount]).toEqual([1, 6]);
      expect(d.format.fill.color).toBe("#FF0000");
    });
  });

  it("applies queued writes only at sync time and counts every sync", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("D3");
      r.format.fill.color = "#FFD966";
      expect(host.fill("Data", "D3")).toBeNull();
      await ctx.sync();
      expect(host.fill("Data", "D3")).toMatchObject({ pattern: "Solid", color: "#FFD966" });
      await ctx.sync();
    });
    expect(host.syncCount).toBe(2);
    expect(host.writes).toEqual([{ sync: 1, kind: "fill.color", sheet: "Data", address: "Data!D3", value: "#FFD966" }]);
  });

  it("sends what is still queued when Excel.run's batch ends", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("E9").values = [[7]];
    });
    expect(host.syncCount).toBe(1);
    expect(host.value("Data", "E9")).toBe(7);
  });

  it("holds the first sync that starts while the condition holds until the test releases it, once", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    let armed = false;
    const hold = host.holdNextSync(() => armed);
    let synced = 0;
    const run = Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("E9");
      r.values = [[1]];
      await ctx.sync(); // not held: the condition is false
      synced++;
      armed = true;
      r.values = [[2]];
      await ctx.sync(); // held
      synced++;
      r.values = [[3]];
      await ctx.sync(); // one-shot: not held again
      synced++;
    });
    await hold.reached;
    await new Promise((r) => setTimeout(r, 20));
    expect(synced).toBe(1);
    expect(host.value("Data", "E9")).toBe(1);
    hold.release();
    await run;
    expect(synced).toBe(3);
    expect(host.value("Data", "E9")).toBe(3);
  });

  it("knows whether an …OrNullObject exists only after a sync", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      const there = ctx.workbook.worksheets.getItemOrNullObject("other");
      expect(() => missing.isNullObject).toThrow(SimOfficeError);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
  });

  it("fails the whole sync with ItemNotFound for a sheet that does not exist", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Nope").getRange("A1").load("values");
      expect(await codeOf(ctx.sync())).toBe("ItemNotFound");
    });
  });
});

describe("payload limits (Excel on the web: 5 MB per request and per response)", () => {
  it("fails a sync whose request is over 5 MB and leaves the workbook unchanged", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    const big = "x".repeat(5 * 1024 * 1024 + 1);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A1").values = [[big]];
      expect(await codeOf(ctx.sync())).toBe("RequestPayloadSizeLimitExceeded");
    });
    expect(host.value("Data", "A1")).toBe("");
    expect(host.syncs[0].failed).toBe("RequestPayloadSizeLimitExceeded");
  });

  it("fails a sync whose response is over 5 MB and leaves the values unloaded", async () => {
    // 600,000 cells of "abcdefgh" → 600,000 × 11 bytes ("abcdefgh",) ≈ 6.6 MB of JSON.
    const rows = Array.from({ length: 60_000 }, () => Array(10).fill("abcdefgh"));
    const { Excel, host } = createSimulatedExcel({ sheets: [{ name: "S", rows }] });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:J60000").load("values");
      expect(await codeOf(ctx.sync())).toBe("ResponsePayloadSizeLimitExceeded");
      expect(() => r.values).toThrow(SimOfficeError);
      const half = ctx.workbook.worksheets.getItem("S").getRange("A1:J30000").load("values");
      await ctx.sync();
      expect(half.values.length).toBe(30_000);
    });
    expect(host.syncs[1].responseBytes).toBeGreaterThan(30_000 * 10 * 11);
    expect(host.syncs[1].responseBytes).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("fills", () => {
  it("reports no fill as #FFFFFF like a white fill, told apart only by getCellProperties' pattern", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      const none = ws.getRange("B3").load("format/fill/color");
      const white = ws.getRange("C3").load("format/fill/color");
      const props = ws.getRange("B3:D5").getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await ctx.sync();
      expect(none.format.fill.color).toBe("#FFFFFF");
      expect(white.format.fill.color).toBe("#FFFFFF");
      expect(props.value[0][0].format?.fill).toEqual({ color: "#FFFFFF", pattern: "None" });
      expect(props.value[0][1].format?.fill).toEqual({ color: "#FFFFFF", pattern: "Solid" });
      expect(props.value[1][1].format?.fill).toEqual({ color: "#FF0000", pattern: "Solid" });
      expect(props.value[2][2].format?.fill).toEqual({ color: "#00FF00", pattern: "Gray25" });
    });
  });

  it("clear() removes the fill and setting a colour makes it solid, also across range areas", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("C3:C4").format.fill.clear();
      ws.getRanges("B3, D3:D4").format.fill.color = "#f4b183";
      await ctx.sync();
    });
    expect(host.fill("Data", "C3")).toBeNull();
    expect(host.fill("Data", "C4")).toBeNull();
    for (const a of ["B3", "D3", "D4"])
      expect(host.fill("Data", a)).toMatchObject({ pattern: "Solid", color: "#F4B183" });
    expect(host.fill("Data", "C5")).toBeNull();
  });

  it("keeps a cell's pattern when only its colour is set, as Interior.Color does; pattern None is no fill", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("D5").format.fill.color = "#0000FF";
      ws.getRange("C4").format.fill.pattern = "None";
      await ctx.sync();
    });
    expect(host.fill("Data", "D5")).toMatchObject({ pattern: "Gray25", color: "#0000FF" });
    expect(host.fill("Data", "C4")).toBeNull();
  });

  it("reads a range's fill colour as null when its cells differ", async () => {
    const { Excel } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("C3:C4").load("format/fill/color");
      await ctx.sync();
      expect(r.format.fill.color).toBeNull();
    });
  });

  it("rejects a getRanges address of 8,192 characters or more", async () => {
    const { Excel } = createSimulatedExcel(book());
    const cells = (n: number) => Array.from({ length: n }, (_, i) => `A${i + 1}`).join(",");
    const ok = cells(1500); // 1500 cells: "A1,"… ≈ 7,389 characters
    const tooLong = cells(1700); // ≈ 8,589 characters
    expect(ok.length).toBeLessThan(8192);
    expect(tooLong.length).toBeGreaterThanOrEqual(8192);
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Other");
      const a = ws.getRanges(ok).load("areaCount");
      await ctx.sync();
      expect(a.areaCount).toBe(1500);
      ws.getRanges(tooLong).format.fill.color = "#FF0000";
      expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    });
  });
});

describe("ranges and selection", () => {
  it("expands a cell to its current region like Ctrl+A, joining cells that touch diagonally", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    host.setValues("Data", "E6", [["note"]]); // touches D5 diagonally → part of the region
    host.setValues("Data", "H2", [["far"]]); // separated by empty columns F:G → not
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("C3").getSurroundingRegion().load("address");
      const lone = ctx.workbook.worksheets.getItem("Data").getRange("H2").getSurroundingRegion().load("address");
      await ctx.sync();
      expect(r.address).toBe("Data!B2:E6");
      expect(lone.address).toBe("Data!H2");
    });
  });

  it("gives a multi-area selection as range areas and refuses it as a single range", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    host.select("Data", "B2:D3, F7:G9");
    await Excel.run(async (ctx) => {
      const areas = ctx.workbook.getSelectedRanges().load("areaCount, address");
      areas.areas.load("items/address, items/rowCount");
      await ctx.sync();
      expect(areas.areaCount).toBe(2);
      expect(areas.address).toBe("Data!B2:D3,Data!F7:G9");
      expect(areas.areas.items.map((a) => [a.address, a.rowCount])).toEqual([
        ["Data!B2:D3", 2],
        ["Data!F7:G9", 3],
      ]);
      ctx.workbook.getSelectedRange().load("address");
      expect(await codeOf(ctx.sync())).toBe("InvalidSelection");
    });
  });

  it("finds the Excel table a cell belongs to", async () => {
    const init = book();
    init.tables = [{ name: "Channels", sheet: "Data", address: "B2:D5" }];
    const { Excel } = createSimulatedExcel(init);
    await Excel.run(async (ctx) => {
      const tables = ctx.workbook.worksheets.getItem("Data").getRange("C4").getTables(false).load("items/name");
      const none = ctx.workbook.worksheets.getItem("Data").getRange("H9").getTables(false).load("items/name");
      await ctx.sync();
      expect(tables.items.map((t) => t.name)).toEqual(["Channels"]);
      expect(none.items).toEqual([]);
      const r = tables.items[0].getRange().load("address");
      await ctx.sync();
      expect(r.address).toBe("Data!B2:D5");
    });
  });

  it("stores typed input as Excel does: numbers from numeric text, text after an apostrophe", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Other").getRange("A1:C1").values = [["12.5", "'=SUM(A1)", "'0012"]];
      ctx.workbook.worksheets.getItem("Other").getRange("D1").formulas = [["=GROWTH.ROI(A1,B1)"]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Other").getRange("E1").formulas = [["=GROWTH.ROI("]];
      expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    });
    expect(host.values("Other", "A1:C1")).toEqual([[12.5, "=SUM(A1)", "0012"]]);
    expect(host.formula("Other", "D1")).toBe("=GROWTH.ROI(A1,B1)");
  });
});

describe("worksheets", () => {
  it("adds, very-hides and deletes sheets but never the last visible one", async () => {
    const { Excel, host } = createSimulatedExcel({ sheets: [{ name: "Only" }] });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Growth Signals");
      ws.visibility = "VeryHidden";
      await ctx.sync();
      expect(host.sheets()).toEqual([
        { name: "Only", visibility: "Visible" },
        { name: "Growth Signals", visibility: "VeryHidden" },
      ]);
      ctx.workbook.worksheets.add("growth signals");
      expect(await codeOf(ctx.sync())).toBe("ItemAlreadyExists");
      ctx.workbook.worksheets.getItem("Only").delete();
      expect(await codeOf(ctx.sync())).toBe("InvalidOperation");
      ctx.workbook.worksheets.getItem("Growth Signals").delete();
      await ctx.sync();
    });
    expect(host.sheets().map((s) => s.name)).toEqual(["Only"]);
  });
});

describe("custom XML parts", () => {
  const ns = "urn:test:v1";
  it("adds a part, finds the only one of a namespace, replaces its XML and deletes it", async () => {
    const { Excel, host } = createSimulatedExcel(book());
    await Excel.run(async (ctx) => {
      const parts = ctx.workbook.customXmlParts;
      const before = parts.getByNamespace(ns).getOnlyItemOrNullObject();
      await ctx.sync();
      expect(before.isNullObject).toBe(true);
      parts.add(`<s xmlns="${ns}">one</s>`);
      await ctx.sync();
      const part = parts.getByNamespace(ns).getOnlyItemOrNullObject();
      const xml = part.getXml();
      await ctx.sync();
      expect(part.isNullObject).toBe(false);
      expect(xml.value).toBe(`<s xmlns="${ns}">one</s>`);
      part.setXml(`<s xmlns="${ns}">two</s>`);
      await ctx.sync();
      expect(host.customXmlParts().map((p) => p.xml)).toEqual([`<s xmlns="${ns}">two</s>`]);
      part.delete();
      await ctx.sync();
    });
    expect(host.customXmlParts()).toEqual([]);
  });

  it("gives a null object when a namespace has two parts, and rejects XML without a root element", async () => {
    const { Excel } = createSimulatedExcel({
      sheets: [{ name: "S" }],
      customXmlParts: [`<a xmlns="${ns}"/>`, `<b xmlns="${ns}"/>`],
    });
    await Excel.run(async (ctx) => {
      const only = ctx.workbook.customXmlParts.getByNamespace(ns).getOnlyItemOrNullObject();
      const all = ctx.workbook.customXmlParts.getByNamespace(ns).load("items/id");
      await ctx.sync();
      expect(only.isNullObject).toBe(true);
      expect(all.items.length).toBe(2);
      ctx.workbook.customXmlParts.add("just text");
      expect(await codeOf(ctx.sync())).toBe("InvalidArgument");
    });
  });
});

describe("Office globals", () => {
  it("installs Office and Excel globals whose onReady reports the Excel host", async () => {
    const target: Record<string, unknown> = {};
    const { host } = installSimulatedOffice(target, book(), { displayLanguage: "zh-CN" });
    const office = target.Office as { onReady(): Promise<{ host: string }>; context: { displayLanguage: string } };
    expect((await office.onReady()).host).toBe("Excel");
    expect(office.context.displayLanguage).toBe("zh-CN");
    expect(typeof (target.Excel as { run: unknown }).run).toBe("function");
    let changes = 0;
    host.onChange(() => changes++);
    host.setFill("Data", "B2", "#FFD966");
    expect(changes).toBe(1);
  });
});
