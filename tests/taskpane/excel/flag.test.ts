/**
 * The Excel adapter against the simulated host: what Flag colours, what it saves, how Clear restores it exactly,
 * flagging twice, cancelling, multi-area selections and the report sheet.
 */
import {
  DEFAULT_CONFIG,
  OVERLAY_FORMULA,
  readStatePart,
  serializeState,
  STATE_NAMESPACE,
  type OverlayState,
} from "../../../src/core";
import { flagSelection, setup, shown, SMALL_ROWS, snapshot } from "./helpers";

const YELLOW = "#FFD966";
const ORANGE = "#F4B183";

function smallBook(selection = "A1:D7") {
  return {
    sheets: [
      {
        name: "Data",
        rows: SMALL_ROWS,
        // C2 no fill; C3 a real white fill; C4 the user's own blue; D3 a patterned fill (Gray25 = lightGray).
        fills: { C3: "#FFFFFF", C4: "#00B0F0", D3: { pattern: "Gray25", color: "#FFFF00", patternColor: "#FF0000" } },
      },
    ],
    selection: { sheet: "Data", address: selection },
  };
}

function stateOf(host: ReturnType<typeof setup>["host"]): OverlayState {
  const parts = host.customXmlParts().filter((p) => p.namespaceUri === STATE_NAMESPACE);
  expect(parts).toHaveLength(1);
  const r = readStatePart(parts[0].xml);
  if (!r || !("state" in r)) throw new Error("no valid state");
  return r.state;
}

/** Our rules on a sheet: [fill, ranges] in priority order. */
function ours(host: ReturnType<typeof setup>["host"], sheet = "Data") {
  return host
    .conditionalFormats(sheet)
    .filter((r) => r.formula === `=${OVERLAY_FORMULA}`)
    .map((r) => [r.fill, r.ranges]);
}

describe("flag", () => {
  it("colours the cells the rules flag, worked by hand, and nothing else", async () => {
    const { host, gateway } = setup(smallBook());
    const out = await flagSelection(gateway);
    expect(out.cancelled).toBe(false);
    expect(out.cellsColoured).toBe(4);
    expect(ours(host)).toEqual([
      [ORANGE, "D3"],
      [YELLOW, "C2:C4"],
    ]);
    for (const a of ["C2", "C3", "C4"]) expect(shown(host, "Data", a)).toBe(YELLOW);
    expect(shown(host, "Data", "D3")).toBe(ORANGE);
    for (const a of ["C5", "C6", "C7", "D2", "D4"]) expect(shown(host, "Data", a)).not.toBe(YELLOW);
    expect(shown(host, "Data", "C6")).toBeNull();
    // the cells' own fills are untouched
    expect(host.fill("Data", "C2")).toBeNull();
    expect(host.fill("Data", "C4")).toMatchObject({ color: "#00B0F0" });
  });

  it("records the rules it wrote, the flagged rows' fingerprint and the report sheet in the shared state part", async () => {
    const { host, gateway } = setup(smallBook());
    await flagSelection(gateway);
    const state = stateOf(host);
    expect(state.rules).toEqual([
      { sheet: "Data", colour: "orange", fill: ORANGE, ranges: "D3" },
      { sheet: "Data", colour: "yellow", fill: YELLOW, ranges: "C2:C4" },
    ]);
    // rows 2–4 are Search on 2–4 Mar: 4 row entries (row 3 counted by both rules), as overlayFingerprint counts them
    expect(state.fingerprint?.rows).toBe(4);
    expect(state.reportSheet).toBe("Growth Signals");
    expect(state.settings).toEqual(DEFAULT_CONFIG);
  });

  it("clear restores exactly: no fill, real white, the user's colour and the pattern, and removes the report", async () => {
    const { host, gateway } = setup(smallBook());
    const before = snapshot(host, "Data");
    await flagSelection(gateway);
    expect(host.sheets().map((s) => s.name)).toEqual(["Data", "Growth Signals"]);
    expect((await gateway.clear()).cells).toBe(4);
    expect(ours(host)).toEqual([]);
    expect(snapshot(host, "Data")).toEqual(before);
    expect(host.fill("Data", "C2")).toBeNull();
    expect(host.fill("Data", "C3")).toMatchObject({ pattern: "Solid", color: "#FFFFFF" });
    expect(host.fill("Data", "D3")).toMatchObject({ pattern: "Gray25", color: "#FFFF00", patternColor: "#FF0000" });
    expect(host.sheets().map((s) => s.name)).toEqual(["Data"]);
    // Nothing Growth Signals added is left: no state part either (no settings were saved on purpose).
    expect(host.customXmlParts().filter((p) => p.namespaceUri === STATE_NAMESPACE)).toEqual([]);
    expect((await gateway.clear()).cells).toBe(0);
  });

  it("settings a user saved survive Clear, and a later flag still treats them as saved", async () => {
    const { host, gateway } = setup(smallBook());
    const mine = { ...DEFAULT_CONFIG, roiBenchmark: 1.8 };
    await gateway.saveSettings(mine);
    await flagSelection(gateway, { config: mine }); // the pane flags with the settings it loaded
    expect(stateOf(host)).toMatchObject({ settings: mine, settingsSaved: true });
    await gateway.clear();
    expect(stateOf(host)).toEqual({ version: 2, rules: [], settings: mine, settingsSaved: true });
    expect(await gateway.loadSettings()).toEqual(mine);
  });

  it("flagging twice gives the same workbook as flagging once, but for the report's marks of what changed since", async () => {
    const { host, gateway } = setup(smallBook());
    await flagSelection(gateway);
    const once = { data: snapshot(host, "Data"), state: stateOf(host) };
    const onceReport = host.values("Growth Signals", host.usedRange("Growth Signals")!);
    await flagSelection(gateway);
    const twice = { data: snapshot(host, "Data"), state: stateOf(host) };
    expect({ ...twice, state: { ...twice.state, flaggedAt: "" } }).toEqual({
      ...once,
      state: { ...once.state, flaggedAt: "" },
    });
    // issue 19: the report is the same but for the counts line and the last column (every finding continuing)
    const twiceReport = host.values("Growth Signals", host.usedRange("Growth Signals")!);
    const counts = twiceReport.findIndex((r) =>
      /^Since the last flag \(.+\): 0 new, 2 continuing, 0 resolved\.$/.test(String(r[0])),
    );
    expect(counts).toBeGreaterThan(0);
    // the table's 8 columns plus the change column; the charts' hidden data one column further right
    const table = (rows: typeof onceReport, n: number) => rows.map((r) => r.slice(0, n));
    expect(
      table(twiceReport, 9)
        .map((r) => r[8])
        .filter((v) => v !== ""),
    ).toEqual(["Since last flag", "Continuing", "Continuing"]);
    expect(
      table(
        twiceReport.filter((_, i) => i !== counts),
        8,
      ),
    ).toEqual(table(onceReport, 8));
    expect(twiceReport.slice(0, onceReport.length).map((r) => r.slice(9))).toEqual(onceReport.map((r) => r.slice(8)));
    await gateway.clear();
    expect(host.fill("Data", "C4")).toMatchObject({ color: "#00B0F0" });
    expect(ours(host)).toEqual([]);
  });

  it("re-flagging with a lower benchmark restores the cells no longer flagged to the user's fills", async () => {
    const { host, gateway } = setup(smallBook());
    await flagSelection(gateway);
    // Benchmark 1.25: only Search's 1.2 is below it, a run of one day → no yellow cells; D3 stays orange.
    const out = await flagSelection(gateway, { config: { ...DEFAULT_CONFIG, roiBenchmark: 1.25 } });
    expect(out.cellsColoured).toBe(1);
    expect(shown(host, "Data", "C2")).toBeNull();
    expect(shown(host, "Data", "C3")).toBe("#FFFFFF");
    expect(shown(host, "Data", "C4")).toBe("#00B0F0");
    expect(shown(host, "Data", "D3")).toBe(ORANGE);
    expect(ours(host)).toEqual([[ORANGE, "D3"]]);
    expect(stateOf(host).settings?.roiBenchmark).toBe(1.25);
  });

  it("uses the user's column mapping and colours", async () => {
    const { host, gateway } = setup(smallBook());
    const tables = await gateway.readSelection();
    // Column D re-mapped to "not used": only the ROI run is flagged, in the user's own yellow.
    const config = { ...DEFAULT_CONFIG, fills: { ...DEFAULT_CONFIG.fills, yellow: "#FFFF00" } };
    const out = await gateway.flag({ tables, config, mappings: { "A1:D7": { date: 0, channel: 1, roi: 2 } } });
    expect(out.cellsColoured).toBe(3);
    expect(shown(host, "Data", "C2")).toBe("#FFFF00");
    expect(shown(host, "Data", "D3")).toBe("#FFFF00"); // D3's own Gray25 fill in yellow, not our orange
    expect(ours(host)).toEqual([["#FFFF00", "C2:C4"]]);
  });

  it("returns per-channel trends for sparklines in date order", async () => {
    const { gateway } = setup(smallBook());
    const out = await flagSelection(gateway);
    expect(out.tables[0].trends["Search|roi-below-benchmark"]).toEqual([1.2, 1.3, 1.4, 2.0]);
    expect(out.tables[0].trends["Search|complaint-rate-high"]).toEqual([0.005, 0.02, 0.004, 0.003]);
  });
});

describe("cancel", () => {
  it("leaves the sheet as it was when cancelled before writing", async () => {
    const { host, gateway } = setup(smallBook());
    const before = snapshot(host, "Data");
    const controller = new AbortController();
    const out = await flagSelection(gateway, {
      signal: controller.signal,
      onProgress: (_d, _t, phase) => phase === "analyse" && controller.abort(),
    });
    expect(out.cancelled).toBe(true);
    expect(snapshot(host, "Data")).toEqual(before);
    expect(host.customXmlParts()).toEqual([]);
    expect(host.writes).toEqual([]);
  });

  it("runs to its end once writing began (a cancel then is too late), so the workbook is never half-flagged", async () => {
    // A tiny budget forces one call per sync.
    const { host, gateway } = setup(smallBook(), {}, { payloadBudgetBytes: 400 });
    await flagSelection(gateway);
    const controller = new AbortController();
    const out = await flagSelection(gateway, {
      config: { ...DEFAULT_CONFIG, roiBenchmark: 1.25 },
      signal: controller.signal,
      onProgress: (_d, _t, phase) => phase === "write" && controller.abort(),
    });
    expect(out.cancelled).toBe(false);
    expect(ours(host)).toEqual([[ORANGE, "D3"]]);
    expect((await gateway.clear()).cells).toBe(1);
    expect(host.fill("Data", "C4")).toMatchObject({ color: "#00B0F0" });
  });
});

describe("selection", () => {
  it("expands a single cell to its region and finds the header below a title row", async () => {
    const { gateway } = setup({
      sheets: [{ name: "Data", rows: [["Channel report, March"], ...SMALL_ROWS] }],
      selection: { sheet: "Data", address: "B4" },
    });
    const [t] = await gateway.readSelection();
    expect(t.address).toBe("A2:D8");
    expect(t.header).toEqual(["Date", "Channel", "ROI", "Complaint rate"]);
    expect(t.detected).toEqual({ date: 0, channel: 1, roi: 2, complaintRate: 3 });
  });

  it("expands a single cell to the Excel table it belongs to", async () => {
    const { gateway } = setup({
      sheets: [{ name: "Data", rows: [...SMALL_ROWS, ["Total", "", 9, ""]] }],
      tables: [{ name: "Channels", sheet: "Data", address: "A1:D7" }],
      selection: { sheet: "Data", address: "C3" },
    });
    const [t] = await gateway.readSelection();
    expect(t.address).toBe("A1:D7");
  });

  it("takes whole selected columns only as far as the data goes", async () => {
    const { gateway } = setup({
      sheets: [{ name: "Data", rows: SMALL_ROWS }],
      selection: { sheet: "Data", address: "A:D" },
    });
    const [t] = await gateway.readSelection();
    expect([t.address, t.rowCount, t.columnCount]).toEqual(["A1:D7", 7, 4]);
  });

  it("flags each area of a multi-area selection as its own table", async () => {
    const right = SMALL_ROWS.map((r) => [...r]);
    const { host, gateway } = setup({
      sheets: [{ name: "Data", rows: SMALL_ROWS.map((r, i) => [...r, "", ...right[i]]) }],
      selection: { sheet: "Data", address: "A1:D7, F1:I7" },
    });
    const tables = await gateway.readSelection();
    expect(tables.map((t) => t.address)).toEqual(["A1:D7", "F1:I7"]);
    const out = await gateway.flag({ tables, config: DEFAULT_CONFIG });
    expect(out.tables).toHaveLength(2);
    expect(out.cellsColoured).toBe(8);
    for (const a of ["C2", "C4", "H2", "H4"]) expect(shown(host, "Data", a)).toBe(YELLOW);
    for (const a of ["D3", "I3"]) expect(shown(host, "Data", a)).toBe(ORANGE);
    expect(ours(host)).toEqual([
      [ORANGE, "D3 I3"],
      [YELLOW, "C2:C4 H2:H4"],
    ]);
  });
});

describe("state shared with the CLI", () => {
  it("clears a workbook flagged by the previous release: a fill goes back only where the cell still holds exactly the warning fill", async () => {
    const legacy = {
      version: 1 as const,
      settings: DEFAULT_CONFIG,
      originals: [
        { sheet: "Data", address: "C2", fill: { pattern: "none" }, xf: 0 },
        { sheet: "Data", address: "C3", fill: { pattern: "solid", color: "#FFFFFF" }, xf: 7 },
        {
          sheet: "Data",
          address: "C4",
          fill: { pattern: "gray125", color: "#FFFF00", patternColor: "#FF0000" },
          xf: 8,
        },
        { sheet: "Data", address: "D3", fill: { pattern: "solid", color: "#4472C4", tintAndShade: 0.4 }, xf: 9 },
      ],
      addedSheets: ["Growth Signals"],
    };
    const { host, gateway } = setup({
      sheets: [
        // C3: the user set their own green on a flagged cell since; it is theirs now.
        { name: "Data", rows: SMALL_ROWS, fills: { C2: YELLOW, C3: "#00FF00", C4: YELLOW, D3: ORANGE } },
        { name: "Growth Signals", rows: [["Growth Signals — weak-channel report"]] },
      ],
      customXmlParts: [serializeState(legacy)],
    });
    const out = await gateway.clear();
    expect(out.cells).toBe(3);
    expect(host.fill("Data", "C2")).toBeNull();
    expect(host.fill("Data", "C3")).toMatchObject({ pattern: "Solid", color: "#00FF00" }); // left as the user set it
    expect(host.fill("Data", "C4")).toMatchObject({ pattern: "Gray16", color: "#FFFF00", patternColor: "#FF0000" });
    expect(host.fill("Data", "D3")).toMatchObject({ pattern: "Solid", color: "#4472C4", tintAndShade: 0.4 });
    expect(host.sheets().map((s) => s.name)).toEqual(["Data"]);
    expect(out.notes.map((n) => n.en).join(" ")).toMatch(/^1 cell colored by the previous version no longer holds/m);
    expect(out.notes.map((n) => n.en)).toContain(
      "Deleted the previous version's report sheet \"Growth Signals\" (its first cell still holds the report's title).",
    );
    // The original it could not apply stays saved, never dropped.
    expect(stateOf(host).legacy?.originals).toEqual([legacy.originals[1]]);
  });

  it("flags a previous release's workbook: its warning fills give way to the overlay; its report whose title is gone is kept and named", async () => {
    const { host, gateway } = setup({
      sheets: [
        { name: "Data", rows: SMALL_ROWS, fills: { C2: YELLOW } },
        { name: "Growth Signals", rows: [["my plan"]] },
      ],
      customXmlParts: [
        serializeState({
          version: 1,
          originals: [{ sheet: "Data", address: "C2", fill: { pattern: "solid", color: "#00B050" } }],
          addedSheets: ["Growth Signals"],
        }),
      ],
      selection: { sheet: "Data", address: "A1:D7" },
    });
    // Flag: the old fill gives way to the overlay where it is still the old warning fill; the old report, whose title
    // is gone, is kept and named.
    const flagged = await flagSelection(gateway);
    expect(host.fill("Data", "C2")).toMatchObject({ color: "#00B050" });
    expect(shown(host, "Data", "C2")).toBe(YELLOW);
    expect((flagged.notes ?? []).map((n) => n.en)).toEqual([
      'Sheet "Growth Signals" was added by the previous version but no longer looks like its report, so it was kept.',
    ]);
    expect(host.value("Growth Signals (2)", "A1")).toBe("Growth Signals — weak-channel report");
    expect(stateOf(host).legacy).toBeUndefined(); // nothing is owed any more
    const out = await gateway.clear();
    expect(host.fill("Data", "C2")).toMatchObject({ color: "#00B050" });
    expect(ours(host)).toEqual([]);
    expect(host.sheets().map((s) => s.name)).toEqual(["Data", "Growth Signals"]);
    expect(out.deletedSheets).toEqual(["Growth Signals (2)"]);
  });
});

describe("report sheet", () => {
  it("writes the legend and the weak-channel summary as text, bold headings and colour swatches", async () => {
    const { host, gateway } = setup(smallBook());
    await flagSelection(gateway);
    const rows = host.values("Growth Signals", "A1:J40");
    expect(rows[0][0]).toBe("Growth Signals — weak-channel report");
    expect(host.bold("Growth Signals", "A1")).toBe(true);
    expect(typeof rows[1][1]).toBe("string"); // the generation date stays text, not a date serial
    // What fired, with the cells on the sheet (SMALL_ROWS in A1:D7: Search's complaint rate 2% on 3 Mar in D3, its
    // ROI 1.2, 1.3, 1.4 on 2–4 Mar in C2:C4), not the latest value
    const summary = rows.filter((r) => r[2] === "Search");
    expect(summary.map((r) => [r[3], r[5], r[6], r[7]])).toEqual([
      ["Complaint rate 2% on Mar 3, above 1%", "Data", "D3", 1], // orange
      ["ROI 1.2, 1.3, 1.4 on Mar 2 – 4, below 1.5", "Data", "C2:C4", 3], // yellow
    ]);
    const orangeRow = rows.findIndex((r) => r[2] === "Search");
    expect(host.fill("Growth Signals", `A${orangeRow + 1}`)).toMatchObject({ color: ORANGE });
    expect(host.columnWidth("Growth Signals", 0)).not.toBe(48);
  });

  it("sets the report up for printing as the CLI does: landscape, one page wide, header rows repeated, wrapped", async () => {
    const { host, gateway } = setup(smallBook());
    await flagSelection(gateway);
    const rows = host.values("Growth Signals", "A1:H40");
    // the weak-channel header is row 34, below the legend (rows 7–13) and a page of charts (rows 15–31) and the table's
    // title (33): its header repeats on the table's pages only
    expect(rows[33].slice(0, 3)).toEqual(["Color", "Rule", "Channel"]);
    // no gridlines: thin grey lines around the legend (A8:E13) and the table (A34:H36) only, as the CLI's borders
    expect(host.borders("Growth Signals").filter((b) => b.endsWith("EdgeTop Continuous #BFBFBF"))).toEqual([
      "A8:E13 EdgeTop Continuous #BFBFBF",
      "A34:H36 EdgeTop Continuous #BFBFBF",
    ]);
    expect(host.borders("Growth Signals")).toHaveLength(12);
    expect(host.pageLayout("Growth Signals")).toEqual({
      orientation: "Landscape",
      printGridlines: false,
      paperSize: "Letter",
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$34:$34",
    });
    // Search's ROI run (C2:C4 of sheet Data) links from its Cells cell, column G
    const roiRow = rows.findIndex((r) => r[2] === "Search" && r[1] === "ROI below benchmark") + 1;
    expect(host.hyperlink("Growth Signals", `G${roiRow}`)).toEqual({
      documentReference: "'Data'!C2:C4",
      textToDisplay: "C2:C4",
    });
    // what fired wraps at the top of its cell; the intro spans the table's 8 columns and is taller than one line
    expect(host.wrapped("Growth Signals", `D${roiRow}`)).toEqual({ wrap: true, vertical: "Top" });
    // a title alone on its row is not wrapped into column A: it runs on to the right, as in the CLI's sheet (whose
    // report-page1.png shows the title on one line)
    expect(rows[0].filter((v) => v !== "")).toEqual(["Growth Signals — weak-channel report"]);
    expect(host.wrapped("Growth Signals", "A1").wrap).toBe(false);
    expect(host.merged("Growth Signals")).toContain("A5:H5");
    expect(host.rowHeight("Growth Signals", 4)).toBeGreaterThan(15);
  });

  it("writes the report in Chinese when asked", async () => {
    const { host, gateway } = setup(smallBook());
    await flagSelection(gateway, { lang: "zh" });
    expect(host.value("Growth Signals", "A1")).toBe("Growth Signals — 弱势渠道报告");
    // printed on A4 in Chinese, as the CLI sets it (issue 19 §6)
    expect(host.pageLayout("Growth Signals").paperSize).toBe("A4");
  });

  it("follows Office's display language when the pane does not say", async () => {
    const { host, gateway } = setup(smallBook(), { displayLanguage: "zh-CN" });
    const tables = await gateway.readSelection();
    await gateway.flag({ tables, config: DEFAULT_CONFIG });
    expect(host.value("Growth Signals", "A1")).toBe("Growth Signals — 弱势渠道报告");
  });

  it("does not overwrite a user's own sheet named Growth Signals", async () => {
    const { host, gateway } = setup({
      sheets: [
        { name: "Data", rows: SMALL_ROWS },
        { name: "Growth Signals", rows: [["my notes"]] },
      ],
      selection: { sheet: "Data", address: "A1:D7" },
    });
    await flagSelection(gateway);
    expect(host.value("Growth Signals", "A1")).toBe("my notes");
    expect(host.value("Growth Signals (2)", "A1")).toBe("Growth Signals — weak-channel report");
    await gateway.clear();
    expect(host.sheets().map((s) => s.name)).toEqual(["Data", "Growth Signals"]);
  });
});

describe("settings, selecting cells, formulas", () => {
  it("saves the settings in the workbook's state part and loads them back", async () => {
    const { host, gateway } = setup(smallBook());
    expect(await gateway.loadSettings()).toBeNull();
    const config = { ...DEFAULT_CONFIG, roiBenchmark: 2, fills: { ...DEFAULT_CONFIG.fills, red: "#C00000" } };
    await gateway.saveSettings(config);
    expect(stateOf(host).settings).toEqual(config);
    expect(await gateway.loadSettings()).toEqual(config);
    await flagSelection(gateway, { config });
    await gateway.saveSettings({ ...config, roiBenchmark: 1.8 });
    expect(stateOf(host).rules).toHaveLength(2); // saving settings keeps the record of the rules
    expect((await gateway.loadSettings())?.roiBenchmark).toBe(1.8);
  });

  it("selects a finding's cells on their sheet", async () => {
    const { host, gateway } = setup({ sheets: [{ name: "Other" }, { name: "Data", rows: SMALL_ROWS }] });
    await gateway.selectCells("Data", ["C2", "C3", "C4", "D3"]);
    expect(host.selection()).toEqual({ sheet: "Data", address: "C2:C4, D3" });
  });

  it("selects 3,000 scattered cells in parts Excel accepts, saying which cells each part holds (issue 19 §2)", async () => {
    const { host, gateway } = setup({ sheets: [{ name: "Data", rows: SMALL_ROWS }] });
    // Every other row from G1000 to G6998: 3,000 one-cell areas of 5 characters, k of them joined by commas take
    // 6k − 1 characters; under Excel's 8,000 that is k ≤ 1,333 (6 × 1,333 − 1 = 7,997; 1,334 would take 8,003).
    const cells = Array.from({ length: 3000 }, (_, k) => `G${1000 + 2 * k}`);
    const first = await gateway.selectCells("Data", cells, 0);
    expect(first).toEqual({ part: 0, parts: 3, from: 1, to: 1333, total: 3000, first: "G1000", last: "G3664" });
    expect(host.selection().address.split(", ")).toHaveLength(1333);
    const third = await gateway.selectCells("Data", cells, 2);
    // The last part: cells 2,667–3,000, G(1000 + 2 × 2,666) = G6332 to G6998.
    expect(third).toEqual({ part: 2, parts: 3, from: 2667, to: 3000, total: 3000, first: "G6332", last: "G6998" });
    expect(host.selection().address.split(", ")).toHaveLength(334);
    // A set that fits one address is selected whole.
    expect(await gateway.selectCells("Data", ["C2", "C3", "C4", "D3"], 0)).toMatchObject({ parts: 1, total: 4 });
    expect(await gateway.selectCells("Data", [], 0)).toBeNull();
  });

  it("writes a closed formula skeleton into the active cell", async () => {
    const { host, gateway } = setup({ sheets: [{ name: "Data" }], selection: { sheet: "Data", address: "B5" } });
    await gateway.insertFormula("=GROWTH.ROI(");
    expect(host.formula("Data", "B5")).toBe("=GROWTH.ROI()");
  });
});

describe("a damaged record", () => {
  it("ignores a state part that does not validate with a sentence, and still clears by the markers", async () => {
    const { host, gateway } = setup(smallBook());
    await flagSelection(gateway);
    const part = host.model.parts.find((p) => p.namespaceUri === STATE_NAMESPACE)!;
    part.xml = `<state xmlns="${STATE_NAMESPACE}" version="2">{"version":2,"rules":"not a list"}</state>`;
    const out = await gateway.clear();
    expect(out.cells).toBe(4);
    expect(out.notes[0].en).toMatch(/record is damaged \(rules\), so it was ignored/);
    expect(ours(host)).toEqual([]);
    expect(host.sheets().map((s) => s.name)).toEqual(["Data"]);
    expect(host.customXmlParts()).toEqual([]);
  });
});
