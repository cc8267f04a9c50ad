import {
  clearPlan,
  flaggedState,
  flagPlan,
  flagSettings,
  interimState,
  mergeStates,
  previousFlag,
  reportSheetName,
  sheetCellKey,
} from "../../src/core/flagPlan";
import { DEFAULT_CONFIG } from "../../src/core/rules/config";
import type { RulesResult } from "../../src/core/rules/types";
import type { GrowthSignalsState } from "../../src/core/state";

const WHITE = { pattern: "solid", color: "#FFFFFF" } as const;
const NONE = { pattern: "none" } as const;

function state(over: Partial<GrowthSignalsState>): GrowthSignalsState {
  return { version: 1, originals: [], addedSheets: [], ...over };
}

function result(cells: RulesResult["cells"]): RulesResult {
  return { mapping: {}, flags: [], cells, findings: [], warnings: [], skippedRows: 0, percentColumns: [] };
}

describe("the previous flag", () => {
  it("merges state parts: the first saved original of a cell wins, whatever the sheet's case or the $ signs", () => {
    const merged = mergeStates([
      state({ originals: [{ sheet: "Data", address: "C2", fill: NONE }], addedSheets: ["Growth Signals"] }),
      state({
        settings: DEFAULT_CONFIG,
        settingsSaved: true,
        originals: [{ sheet: "data", address: "$C$2", fill: WHITE }],
        addedSheets: ["Growth Signals"],
      }),
    ]);
    expect(merged).toEqual({
      version: 1,
      settings: DEFAULT_CONFIG,
      settingsSaved: true,
      originals: [{ sheet: "Data", address: "C2", fill: NONE }],
      addedSheets: ["Growth Signals"],
    });
    expect(mergeStates([])).toBeNull();
  });

  it("keeps only cells on sheets that still exist and were not added by the flag, spelled as the workbook spells them", () => {
    const prev = previousFlag(
      [
        state({
          originals: [
            { sheet: "DATA", address: "C2", fill: NONE },
            { sheet: "Gone", address: "C3", fill: NONE },
            { sheet: "Growth Signals", address: "A1", fill: NONE },
          ],
          addedSheets: ["Growth Signals", "Old report"],
        }),
      ],
      ["Data", "Growth Signals"],
    );
    expect([...prev.cells.values()]).toEqual([
      { sheet: "Data", row: 1, col: 2, saved: { sheet: "DATA", address: "C2", fill: NONE } },
    ]);
    expect(prev.cells.has(sheetCellKey("data", 1, 2))).toBe(true);
    expect(prev.addedSheets).toEqual(["Growth Signals"]);
  });

  it("clear restores every cell, removes the added sheets and keeps only settings saved on purpose", () => {
    const flagged = state({
      settings: DEFAULT_CONFIG,
      originals: [{ sheet: "Data", address: "C2", fill: NONE }],
      addedSheets: ["Growth Signals"],
    });
    const plan = clearPlan(previousFlag([flagged], ["Data", "Growth Signals"]));
    expect(plan.restore.map((c) => [c.sheet, c.row, c.col])).toEqual([["Data", 1, 2]]);
    expect(plan.removeSheets).toEqual(["Growth Signals"]);
    expect(plan.keep).toBeNull();
    const saved = clearPlan(previousFlag([{ ...flagged, settingsSaved: true }], ["Data"]));
    expect(saved.keep).toEqual({ ...state({ settings: DEFAULT_CONFIG }), settingsSaved: true });
  });
});

describe("the settings a flag runs with", () => {
  const mine = { ...DEFAULT_CONFIG, roiBenchmark: 1.8 };
  const saved = state({ settings: mine, settingsSaved: true });

  it("the pane's settings keep a saved mark", () => {
    expect(flagSettings(saved, { config: mine })).toEqual({ config: mine, settingsSaved: true });
    expect(flagSettings(null, { config: mine })).toEqual({ config: mine, settingsSaved: false });
  });

  it("the CLI flags with the saved settings unless --config overrides them for this run", () => {
    expect(flagSettings(saved, {})).toEqual({ config: mine, settingsSaved: true });
    expect(flagSettings(saved, { override: DEFAULT_CONFIG })).toEqual({
      config: DEFAULT_CONFIG,
      settingsSaved: false,
    });
    expect(flagSettings(null, {})).toEqual({ config: DEFAULT_CONFIG, settingsSaved: false });
  });
});

describe("the report sheet's name", () => {
  it("is the first free name, the previous flag's report being replaced", () => {
    expect(reportSheetName(["Data"])).toBe("Growth Signals");
    expect(reportSheetName(["Data", "growth signals"])).toBe("Growth Signals (2)");
    expect(reportSheetName(["Data", "Growth Signals", "Growth Signals (2)"])).toBe("Growth Signals (3)");
    expect(reportSheetName(["Data", "Growth Signals"], ["Growth Signals"])).toBe("Growth Signals");
  });
});

describe("a flag plan", () => {
  const previous = previousFlag(
    [
      state({
        originals: [
          { sheet: "Data", address: "C2", fill: WHITE },
          { sheet: "Data", address: "C3", fill: NONE },
        ],
        addedSheets: ["Growth Signals"],
      }),
    ],
    ["Data", "Growth Signals"],
  );
  // Two overlapping tables on Data: the second starts one row lower and gives C3 a more severe colour.
  const tables = [
    {
      sheet: "Data",
      left: 2,
      sheetRow: (r: number) => r + 1,
      result: result([
        { row: 0, col: 0, colour: "yellow", ruleIds: ["roi-below-benchmark"] },
        { row: 1, col: 0, colour: "yellow", ruleIds: ["roi-below-benchmark"] },
      ]),
    },
    {
      sheet: "data",
      left: 2,
      sheetRow: (r: number) => r + 2,
      result: result([{ row: 0, col: 0, colour: "red", ruleIds: ["ltv-cac-low"] }]),
    },
  ];
  const plan = flagPlan(previous, tables, { config: DEFAULT_CONFIG, settingsSaved: false }, ["Data", "Growth Signals"]);

  it("colours each cell once, in its most severe colour, keeping the original the previous flag saved", () => {
    expect([...plan.colour.values()]).toEqual([
      {
        sheet: "Data",
        row: 1,
        col: 2,
        colour: "yellow",
        fill: DEFAULT_CONFIG.fills.yellow,
        before: previous.cells.get(sheetCellKey("Data", 1, 2))!.saved,
      },
      {
        sheet: "data",
        row: 2,
        col: 2,
        colour: "red",
        fill: DEFAULT_CONFIG.fills.red,
        before: previous.cells.get(sheetCellKey("Data", 2, 2))!.saved,
      },
    ]);
    expect(plan.restore).toEqual([]);
    expect(plan.reportSheet).toBe("Growth Signals");
    expect(plan.removeSheets).toEqual(["Growth Signals"]);
  });

  it("restores the previous flag's cells it no longer colours, and records them while it writes", () => {
    const narrower = flagPlan(
      previous,
      [tables[0]].map((t) => ({ ...t, result: result([t.result.cells[0]]) })),
      {
        config: DEFAULT_CONFIG,
        settingsSaved: true,
      },
      ["Data", "Growth Signals"],
    );
    expect(narrower.restore.map((c) => c.saved.address)).toEqual(["C3"]);
    const now = new Date("2026-03-01T00:00:00Z");
    const final = flaggedState(narrower, [{ sheet: "Data", address: "C2", fill: WHITE }], now);
    expect(final).toEqual({
      version: 1,
      settings: DEFAULT_CONFIG,
      settingsSaved: true,
      originals: [{ sheet: "Data", address: "C2", fill: WHITE }],
      addedSheets: ["Growth Signals"],
      flaggedAt: now.toISOString(),
    });
    expect(interimState(narrower, final).originals.map((c) => c.address)).toEqual(["C2", "C3"]);
  });
});
