/** The adapter's pure helpers: address packing, fill conversion, splitting a big state over several parts. */
import { parseState, type GrowthSignalsState } from "../../../src/core";
import { completeFormula, stateXmlParts } from "../../../src/taskpane/excel/adapter";
import { excelPattern, fillKey, normaliseHex, savedFillFromProps } from "../../../src/taskpane/excel/fills";
import { addressCells as cellsOf, packAddresses, verticalRuns } from "../../../src/taskpane/excel/ranges";

describe("address packing", () => {
  it("coalesces cells into vertical runs, column by column", () => {
    const cells = cellsOf(["E5", "E2", "E3", "E4", "E9", "C1", "E10"]);
    expect(verticalRuns(cells)).toEqual([
      { top: 0, bottom: 0, left: 2, right: 2 },
      { top: 1, bottom: 4, left: 4, right: 4 },
      { top: 8, bottom: 9, left: 4, right: 4 },
    ]);
  });

  it("keeps every getRanges address string under 8,000 characters and loses no range", () => {
    // 5,000 separate cells in column E, every other row: "E1,E3,…,E9999" → 29,445 characters in all
    // (5 × 3 + 45 × 4 + 450 × 5 + 4,500 × 6 with the commas), so at least 4 strings.
    const runs = verticalRuns(Array.from({ length: 5000 }, (_, i) => ({ row: 2 * i, col: 4 })));
    const packed = packAddresses(runs);
    expect(packed.length).toBeGreaterThanOrEqual(4);
    for (const p of packed) expect(p.length).toBeLessThan(8000);
    expect(packed.join(",").split(",")).toHaveLength(5000);
    expect(packed[0].startsWith("E1,E3,E5")).toBe(true);
  });
});

describe("fills", () => {
  it("saves no fill as none and a white fill as solid white", () => {
    expect(savedFillFromProps({ color: "#FFFFFF", pattern: "None", tintAndShade: 0 })).toEqual({ pattern: "none" });
    expect(savedFillFromProps({ color: "#FFFFFF", pattern: "Solid", tintAndShade: 0 })).toEqual({
      pattern: "solid",
      color: "#FFFFFF",
    });
  });

  it("maps Excel's pattern names to SpreadsheetML's and back (Gray16 is gray125, Checker is darkGrid)", () => {
    expect(savedFillFromProps({ pattern: "Gray16", color: "#FFFF00", patternColor: "#FF0000" })).toEqual({
      pattern: "gray125",
      color: "#FFFF00",
      patternColor: "#FF0000",
    });
    expect(excelPattern("gray125")).toBe("Gray16");
    expect(excelPattern("darkGrid")).toBe("Checker");
    expect(excelPattern("gradient")).toBeUndefined();
  });

  it("reads CLI colours in any hex spelling and groups equal fills together", () => {
    expect(normaliseHex("FF00B0F0")).toBe("#00B0F0");
    expect(normaliseHex("#00b0f0")).toBe("#00B0F0");
    expect(fillKey({ pattern: "solid", color: "00b0f0" })).toBe(fillKey({ pattern: "Solid", color: "#00B0F0" }));
    expect(fillKey({ pattern: "none" })).not.toBe(fillKey({ pattern: "solid", color: "#FFFFFF" }));
  });
});

describe("state parts", () => {
  it("splits a big state over parts under the size limit, settings in the first, no cell lost", () => {
    const state: GrowthSignalsState = {
      version: 1,
      settings: undefined,
      originals: Array.from({ length: 1000 }, (_, i) => ({
        sheet: "Data",
        address: `E${i + 2}`,
        fill: { pattern: "none" },
      })),
      addedSheets: ["Growth Signals"],
    };
    const parts = stateXmlParts(state, 20_000);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(20_000);
    const read = parts.map((p) => parseState(p)!);
    expect(read.flatMap((s) => s.originals)).toEqual(state.originals);
    expect(read[0].addedSheets).toEqual(["Growth Signals"]);
  });
});

it("closes a formula skeleton so Excel accepts it", () => {
  expect(completeFormula("=GROWTH.ROI(")).toBe("=GROWTH.ROI()");
  expect(completeFormula("=GROWTH.ABTEST(A1,B1)")).toBe("=GROWTH.ABTEST(A1,B1)");
});
