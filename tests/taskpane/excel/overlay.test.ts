/**
 * Issue 15 §3 for the pane: the edits people make to a flagged workbook, on the simulated host (whose row inserts,
 * deletes, sorts, renames and conditional formats follow Excel's documented semantics, tests/tools/excel-sim). After
 * each edit and Clear, every cell's own format and value equals the same edit applied to the workbook that was never
 * flagged, no warning colour shows, every user sheet is there and the user's own conditional formats are there in
 * their order.
 */
import { DEFAULT_CONFIG, OVERLAY_FORMULA, REPORT_SHEET_MARKER, STATE_NAMESPACE } from "../../../src/core";
import type { SimHost, SimWorkbookInit } from "../../../tools/excel-sim";
import { flagSelection, setup, SMALL_ROWS } from "./helpers";

const WARNING = new Set(Object.values(DEFAULT_CONFIG.fills).map((c) => c.toUpperCase()));
const OTHER_FILLS = { red: "#C00000", orange: "#ED7D31", yellow: "#FFFF00" } as const;

/** SMALL_ROWS (helpers.ts): C2:C4 yellow (Search ROI three days below 1.5), D3 orange (complaint rate 2%). */
function book(): SimWorkbookInit {
  return {
    sheets: [
      {
        name: "Data",
        rows: SMALL_ROWS,
        fills: { "A1:D1": "#D9E1F2", C3: "#FFFFFF", C4: "#00B0F0", D3: { pattern: "Gray25", color: "#FFFF00" } },
      },
      { name: "Notes", rows: [["keep me"]] },
    ],
    selection: { sheet: "Data", address: "A1:D7" },
  };
}

/** The user's own touches before any flag: bold headers and a conditional format of theirs. */
function userSetUp(host: SimHost): void {
  host.setBold("Data", "A1:D1");
  host.addConditionalFormat("Data", "B2:B7", { formula: "=TRUE", fill: "#E2EFDA" });
  host.addConditionalFormat("Data", "A2:A7", { type: "ColorScale" });
}

/** Every cell's value and own format on every sheet, the sheets, the user's rules, and what shows on screen. */
function look(host: SimHost) {
  const sheets: Record<string, unknown> = {};
  const shown: string[] = [];
  for (const { name } of host.sheets()) {
    const cells: Record<string, unknown> = {};
    for (let r = 1; r <= 12; r++)
      for (const col of "ABCDEF") {
        const a = `${col}${r}`;
        cells[a] = [host.value(name, a), host.cellFormat(name, a)];
        const c = host.displayedColor(name, r - 1, col.charCodeAt(0) - 65);
        if (c && WARNING.has(c) && !(host.cellFormat(name, a).fill?.color === c)) shown.push(`${name}!${a}`);
      }
    sheets[name] = { cells, rules: host.conditionalFormats(name).map(({ id: _id, ...rest }) => rest) };
  }
  return { sheets, names: host.sheets().map((s) => s.name), shown };
}

type Edit = (host: SimHost) => void;

/** Flags, edits, clears; and the same edit on a workbook never flagged. Returns both looks and Clear's outcome. */
async function flagEditClear(edit: Edit, afterFlag: (host: SimHost) => Promise<void> = async () => undefined) {
  const plain = setup(book());
  userSetUp(plain.host);
  edit(plain.host);
  const expected = look(plain.host);

  const { host, gateway } = setup(book());
  userSetUp(host);
  await flagSelection(gateway);
  await afterFlag(host);
  edit(host);
  const cleared = await gateway.clear();
  return { expected, actual: look(host), cleared, host };
}

describe("flag colours through conditional formats, never the cells' own formats", () => {
  it("adds one rule per colour with the marker formula on the flagged cells, after the user's rules (theirs keep their priorities)", async () => {
    const { host, gateway } = setup(book());
    userSetUp(host);
    const before = look(host);
    const out = await flagSelection(gateway);
    expect(out.cellsColoured).toBe(4);
    const rules = host.conditionalFormats("Data");
    expect(rules.slice(2)).toEqual([
      expect.objectContaining({ formula: `=${OVERLAY_FORMULA}`, fill: DEFAULT_CONFIG.fills.orange, ranges: "D3" }),
      expect.objectContaining({ formula: `=${OVERLAY_FORMULA}`, fill: DEFAULT_CONFIG.fills.yellow, ranges: "C2:C4" }),
    ]);
    expect(rules.slice(0, 2)).toEqual(
      (before.sheets.Data as { rules: unknown[] }).rules.map((r) => expect.objectContaining(r as object)),
    );
    // On screen the warnings show; underneath, every cell's own format is as it was.
    expect(host.displayedColor("Data", 2, 2)).toBe(DEFAULT_CONFIG.fills.yellow);
    expect(host.displayedColor("Data", 2, 3)).toBe(DEFAULT_CONFIG.fills.orange);
    const now = look(host);
    for (const cell of Object.keys((before.sheets.Data as { cells: object }).cells))
      expect([cell, (now.sheets.Data as { cells: Record<string, unknown> }).cells[cell]]).toEqual([
        cell,
        (before.sheets.Data as { cells: Record<string, unknown> }).cells[cell],
      ]);
    // The report sheet carries the hidden marker name, not just its name.
    expect(host.names("Growth Signals")).toEqual([{ name: REPORT_SHEET_MARKER, formula: "='Growth Signals'!$A$1" }]);
  });

  it("flag twice with different settings = once: the old rules go, the new colours and ranges stay", async () => {
    const { host, gateway } = setup(book());
    await flagSelection(gateway);
    await flagSelection(gateway, { config: { ...DEFAULT_CONFIG, fills: OTHER_FILLS, roiBenchmark: 1.35 } });
    const ours = host.conditionalFormats("Data").filter((r) => r.formula === `=${OVERLAY_FORMULA}`);
    // ROI below 1.35 three days running: only 1.2, 1.3 (two days) → no yellow; D3 orange stays.
    expect(ours.map((r) => [r.fill, r.ranges])).toEqual([[OTHER_FILLS.orange, "D3"]]);
    expect(host.sheets().map((s) => s.name)).toEqual(["Data", "Notes", "Growth Signals"]);
  });
});

describe("after an edit people make, Clear leaves the workbook as the same edit leaves an unflagged one", () => {
  const cases: [string, Edit][] = [
    ["no edit", () => undefined],
    ["the user's own fill on a flagged cell", (h) => h.setFill("Data", "C3", "#00FF00")],
    ["3 rows inserted above the flagged rows", (h) => h.insertRows("Data", 2, 3)],
    ["a row inserted inside the flagged run", (h) => h.insertRows("Data", 3, 1)],
    ["a flagged row deleted", (h) => h.deleteRows("Data", 3, 1)],
    [
      "the table sorted by channel then ROI descending",
      (h) => h.sort("Data", "A1:D7", [{ key: 1 }, { key: 2, ascending: false }]),
    ],
    ["the data sheet renamed", (h) => h.renameSheet("Data", "Numbers")],
    [
      "the report deleted and a sheet of the user's named Growth Signals added",
      (h) => {
        if (h.sheets().some((s) => s.name === "Growth Signals")) h.deleteSheet("Growth Signals");
        h.addSheet({ name: "Growth Signals", rows: [["my own notes"]] });
      },
    ],
  ];
  it.each(cases)("%s", async (_name, edit) => {
    const { expected, actual, cleared, host } = await flagEditClear(edit);
    expect(actual.shown).toEqual([]);
    expect(actual).toEqual(expected);
    expect(host.customXmlParts().filter((p) => p.namespaceUri === STATE_NAMESPACE)).toEqual([]);
    const userSheet = _name.startsWith("the report deleted");
    expect(cleared.deletedSheets).toEqual(userSheet ? [] : ["Growth Signals"]);
    if (!userSheet)
      expect(cleared.notes.map((n) => n.en)).toContain(
        'Deleted the report sheet "Growth Signals" (it carries the Growth Signals marker).',
      );
  });

  it("flag twice with different settings, then Clear: as never flagged", async () => {
    const { expected, actual } = await flagEditClear(
      () => undefined,
      async () => {
        const { createExcelGateway } = await import("../../../src/taskpane/excel/adapter");
        const { runInThread } = await import("../../../src/taskpane/excel/rulesInThread");
        const gateway = createExcelGateway({ runRules: runInThread });
        await flagSelection(gateway, { config: { ...DEFAULT_CONFIG, fills: OTHER_FILLS } });
      },
    );
    expect(actual).toEqual(expected);
  });

  it("a renamed report sheet is still found by its marker, deleted and named", async () => {
    const { actual, expected, cleared } = await flagEditClear(
      () => undefined,
      async (h) => h.renameSheet("Growth Signals", "Weekly review"),
    );
    expect(actual).toEqual(expected);
    expect(cleared.deletedSheets).toEqual(["Weekly review"]);
  });

  it("a dropped state part (openpyxl) still clears by the markers, and says so", async () => {
    const { actual, expected, cleared } = await flagEditClear(
      () => undefined,
      async (h) => {
        for (const p of h.customXmlParts())
          h.model.parts.splice(
            h.model.parts.findIndex((x) => x.id === p.id),
            1,
          );
      },
    );
    expect(actual).toEqual(expected);
    expect(cleared.notes.map((n) => n.en).join(" ")).toMatch(/removed by a program that saved it/);
  });
});

describe("hosts without RangeAreas.conditionalFormats (ExcelApi 1.9)", () => {
  it("adds one rule per area, and Clear still removes them all", async () => {
    const { host, gateway } = setup({
      sheets: [{ name: "Data", rows: SMALL_ROWS.map((r, i) => [...r, "", ...SMALL_ROWS[i]]) }],
      selection: { sheet: "Data", address: "A1:D7, F1:I7" },
    });
    type Requirements = { isSetSupported(name: string, version?: string | number): boolean };
    const req = (globalThis as unknown as { Office: { context: { requirements: Requirements } } }).Office.context
      .requirements;
    const was = req.isSetSupported.bind(req);
    req.isSetSupported = (name, version) => String(version) !== "1.9" && was(name, version);
    const tables = await gateway.readSelection();
    await gateway.flag({ tables, config: DEFAULT_CONFIG, lang: "en" });
    // By hand (helpers.ts) on both tables: C2:C4 and H2:H4 yellow, D3 and I3 orange: four single-area rules.
    const rules = host.conditionalFormats("Data").map((r) => [r.fill, r.ranges]);
    expect(rules.slice(0, 2).sort()).toEqual([
      [DEFAULT_CONFIG.fills.orange, "D3"],
      [DEFAULT_CONFIG.fills.orange, "I3"],
    ]);
    expect(rules.slice(2).sort()).toEqual([
      [DEFAULT_CONFIG.fills.yellow, "C2:C4"],
      [DEFAULT_CONFIG.fills.yellow, "H2:H4"],
    ]);
    expect((await gateway.clear()).cells).toBe(8);
    expect(host.conditionalFormats("Data")).toEqual([]);
  });
});

describe("the table changed since the warnings were set", () => {
  // Sorting moves values but not conditional formats; inserting rows and renaming move or keep both together.
  const cases: [string, Edit, boolean][] = [
    ["no edit", () => undefined, false],
    ["the user's own fill on a flagged cell", (h) => h.setFill("Data", "C3", "#00FF00"), false],
    ["3 rows inserted above the flagged rows", (h) => h.insertRows("Data", 2, 3), false],
    ["the data sheet renamed", (h) => h.renameSheet("Data", "Numbers"), false],
    [
      "sorted by channel then ROI descending",
      (h) => h.sort("Data", "A1:D7", [{ key: 1 }, { key: 2, ascending: false }]),
      true,
    ],
    ["a flagged row deleted", (h) => h.deleteRows("Data", 3, 1), true],
  ];
  it.each(cases)("%s: checkTable and Clear say whether it changed", async (_n, edit, changed) => {
    const { host, gateway } = setup(book());
    await flagSelection(gateway);
    edit(host);
    expect(await gateway.checkTable()).toBe(changed);
    const cleared = await gateway.clear();
    const said = cleared.notes
      .map((n) => n.en)
      .some((n) => n.startsWith("The table changed since the warnings were set"));
    expect(said).toBe(changed);
  });

  it.each(cases)("%s: Flag again says so and sets the warnings afresh", async (_n, edit, changed) => {
    const { host, gateway } = setup(book());
    await flagSelection(gateway);
    edit(host);
    host.select(host.sheets()[0].name, "A1");
    const again = await flagSelection(gateway);
    expect((again.notes ?? []).map((n) => n.en)).toEqual(
      changed
        ? ["The table changed since the last flag (rows sorted, edited or deleted); this flag set the warnings afresh."]
        : [],
    );
    expect(await gateway.checkTable()).toBe(false);
  });
});
