/**
 * Round trips on real .xlsx files: flag colours exactly the expected cells (as conditional formats over them) and
 * keeps everything else, clear gives back the original package, and flagging twice equals flagging once.
 */
import { readStatePart, serializeOverlayState, type OverlayState } from "../../src/core/overlayState";
import { STATE_NAMESPACE } from "../../src/core/state";
import { DEFAULT_FILLS } from "../../src/core/colours";
import { RULE_ACTIONS } from "../../src/core/rules/catalog";
import { clearWorkbook, flagWorkbook } from "../../src/cli/workbook";
import {
  captureCliOutputs,
  cellSnapshot,
  diffParts,
  outputSchemaProblems,
  overlayFills,
  partsOf,
  readWorkbook,
  solidFill,
} from "./helpers";
import { EXPECTED_FLAGS, fixtureWorkbook, USER_BLUE } from "./fixtures";

/** Every package flag and clear write in this file, validated at the end (issue 8 §1: 0 schema-invalid parts). */
const outputs = captureCliOutputs();

const NOW = new Date(Date.UTC(2026, 2, 9, 12));
const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;
const stateOf = (xml: string): OverlayState => (readStatePart(xml) as { state: OverlayState }).state;

let input: Buffer;
let flagged: Buffer;

beforeAll(async () => {
  input = await fixtureWorkbook();
  flagged = (await flagWorkbook(input, { now: NOW })).data;
});

describe("flag on a hand-built table", () => {
  it("colours exactly the cells worked out by hand, in their rule's colour, as conditional formats (ExcelJS reads them)", async () => {
    const ws = (await readWorkbook(flagged)).getWorksheet("Report")!;
    const coloured: Record<string, string> = {};
    for (const [address, fill] of Object.entries(overlayFills(ws)))
      for (const [colour, hex] of Object.entries(DEFAULT_FILLS)) if (fill === argb(hex)) coloured[address] = colour;
    expect(coloured).toEqual(EXPECTED_FLAGS);
  });

  it("keeps values, formulas, number formats, fonts and fills of every cell, the coloured ones too", async () => {
    const before = cellSnapshot((await readWorkbook(input)).getWorksheet("Report")!);
    const after = cellSnapshot((await readWorkbook(flagged)).getWorksheet("Report")!);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [address, b] of before) {
      const a = after.get(address)!;
      expect({ address, value: a.value, numFmt: a.numFmt, font: a.font }).toEqual({
        address,
        value: b.value,
        numFmt: b.numFmt,
        font: b.font,
      });
      expect({ address, fill: a.fill }).toEqual({ address, fill: b.fill });
    }
  });

  it("lays the colour over a cell's own format: C7 keeps its blue fill under the yellow, as does C8 that shares its style", async () => {
    const ws = (await readWorkbook(flagged)).getWorksheet("Report")!;
    expect(overlayFills(ws).C7).toBe(argb(DEFAULT_FILLS.yellow));
    expect(solidFill(ws.getCell("C7"))).toBe(USER_BLUE);
    expect(solidFill(ws.getCell("C8"))).toBe(USER_BLUE);
    // C5 keeps its purple bold font and 0.00 format under the yellow.
    expect(ws.getCell("C5").font).toMatchObject({ bold: true, color: { argb: "FF7030A0" } });
    expect(ws.getCell("C5").numFmt).toBe("0.00");
    expect(ws.getCell("E9").font).toMatchObject({ italic: true });
  });

  it("keeps column widths, merged cells, the note, data validation, defined names, the image and the other sheet", async () => {
    const a = await readWorkbook(input);
    const b = await readWorkbook(flagged);
    const [wa, wb] = [a.getWorksheet("Report")!, b.getWorksheet("Report")!];
    for (const c of [1, 2, 3, 4, 5, 6]) expect(wb.getColumn(c).width).toBe(wa.getColumn(c).width);
    expect(wb.getColumn(3).width).toBe(9.5);
    expect(wb.getCell("B3").isMerged).toBe(false);
    expect(wb.getCell("F1").isMerged).toBe(true);
    expect(wb.getCell("A1").note).toEqual(wa.getCell("A1").note);
    expect(wb.getCell("B5").dataValidation).toMatchObject({ type: "list", formulae: ['"A,B"'] });
    expect(wb.getCell("B5").dataValidation).toEqual(wa.getCell("B5").dataValidation);
    expect(b.definedNames.getRanges("ChannelTable")).toEqual(a.definedNames.getRanges("ChannelTable"));
    expect(cellSnapshot(b.getWorksheet("Other")!)).toEqual(cellSnapshot(a.getWorksheet("Other")!));
    expect(wb.getImages().map((i) => i.range.tl.nativeCol)).toEqual([7]);
  });

  it("changes only styles, the flagged sheet, the workbook lists and app.xml; every other part is byte-identical", async () => {
    const d = diffParts(await partsOf(input), await partsOf(flagged));
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual(
      [
        "[Content_Types].xml",
        "docProps/app.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
      ].sort(),
    );
    // the report sheet with its drawing (the fixture's logo has drawing1) and one trend chart per orange finding
    // (channel A's complaint rate and traffic; the yellow ROI run gets none)
    expect(d.added).toEqual([
      "customXml/_rels/item1.xml.rels",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/drawings/drawing2.xml",
      "xl/worksheets/_rels/sheet3.xml.rels",
      "xl/worksheets/sheet3.xml",
    ]);
    expect(d.same).toEqual(
      expect.arrayContaining([
        "xl/worksheets/sheet2.xml",
        "xl/sharedStrings.xml",
        "xl/theme/theme1.xml",
        "xl/comments1.xml",
        "xl/media/image1.png",
        "xl/drawings/drawing1.xml",
        "xl/worksheets/_rels/sheet1.xml.rels",
      ]),
    );
  });

  it("adds only its conditional formats to the sheet XML (one rule per colour, after the sheet data), no cell changes", async () => {
    const [a, b] = [
      (await partsOf(input)).get("xl/worksheets/sheet1.xml")!,
      (await partsOf(flagged)).get("xl/worksheets/sheet1.xml")!,
    ];
    const ours = b.match(/<conditionalFormatting [^>]*>.*?<\/conditionalFormatting>/g) ?? [];
    expect(ours).toEqual([
      '<conditionalFormatting sqref="D5 E9"><cfRule type="expression" dxfId="0" priority="1"><formula>N(&quot;growth-signals&quot;)=0</formula></cfRule></conditionalFormatting>',
      '<conditionalFormatting sqref="C3 C5 C7"><cfRule type="expression" dxfId="1" priority="2"><formula>N(&quot;growth-signals&quot;)=0</formula></cfRule></conditionalFormatting>',
    ]);
    expect(b.replace(ours.join(""), "")).toBe(a);
  });

  it("records its rules, the flagged rows' fingerprint, the report and the settings in the shared state part", async () => {
    const parts = await partsOf(flagged);
    const xml = parts.get("customXml/item1.xml")!;
    expect(xml).toContain(STATE_NAMESPACE);
    expect(parts.get("customXml/itemProps1.xml")).toContain(STATE_NAMESPACE);
    const state = stateOf(xml);
    expect(state.reportSheet).toBe("Growth Signals");
    expect(state.flaggedAt).toBe(NOW.toISOString());
    expect(state.rules).toEqual([
      { sheet: "Report", colour: "orange", fill: DEFAULT_FILLS.orange, ranges: "D5 E9" },
      { sheet: "Report", colour: "yellow", fill: DEFAULT_FILLS.yellow, ranges: "C3 C5 C7" },
    ]);
    // rows 3, 5, 7 and 9: channel A on 2–5 Mar (each rule counts its rows: D5 E9 → 2, C3 C5 C7 → 3)
    expect(state.fingerprint?.rows).toBe(5);
    expect(state.settings?.roiBenchmark).toBe(1.5);
    expect(state.legacy).toBeUndefined();
  });

  it("adds a visible Growth Signals sheet with the legend and the weak channel", async () => {
    const wb = await readWorkbook(flagged);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Report", "Other", "Growth Signals"]);
    const ws = wb.getWorksheet("Growth Signals")!;
    expect(ws.state).toBe("visible");
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join("|")).toMatch(/ROI/);
    expect(text).toContain("A");
    const swatches = new Set<string>();
    ws.eachRow((row) => row.eachCell((c) => swatches.add(solidFill(c) ?? "")));
    for (const hex of Object.values(DEFAULT_FILLS)) expect(swatches).toContain(argb(hex));
  });

  it("writes the weak-channel summary rows worked out by hand, each with its colour swatch", async () => {
    // From the fixture (see fixtures.ts): channel A on sheet rows 3, 5, 7, 9 (B's rows in between) — ROI 1.2, 1.4,
    // 1.49 on 2–4 Mar in C3, C5, C7; complaint rate 1.2% on 3 Mar in D5; traffic 600 on 5 Mar in E9, below
    // 0.7 × 1,000 (the mean of the 3 values before) = 700, 40% below. What fired, not the latest values.
    const ws = (await readWorkbook(flagged)).getWorksheet("Growth Signals")!;
    const rows: { values: unknown[]; fill: string | null }[] = [];
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1, 9).map((v) => (isLink(v) ? v.text : (v ?? null)));
      rows.push({ values, fill: solidFill(row.getCell(1)) });
    });
    const summary = rows.filter((r) => r.values[5] === "Report" && r.values[2] === "A");
    const action = (id: keyof typeof RULE_ACTIONS): string => RULE_ACTIONS[id].en;
    expect(summary).toEqual([
      {
        values: [
          "Orange",
          "Complaint rate high",
          "A",
          "Complaint rate 1.2% on Mar 3, above 1%",
          action("complaint-rate-high"),
          "Report",
          "D5",
          1,
        ],
        fill: argb(DEFAULT_FILLS.orange),
      },
      {
        values: [
          "Orange",
          "Traffic drop",
          "A",
          // issue 12: the default baseline is "auto" (here the previous values: no weekly rhythm)
          "Traffic 600 (Mar 5) is 40% below the mean of the previous 3 values (1,000); limit 30%",
          action("traffic-drop"),
          "Report",
          "E9",
          1,
        ],
        fill: argb(DEFAULT_FILLS.orange),
      },
      {
        values: [
          "Yellow",
          "ROI below benchmark",
          "A",
          "ROI 1.2, 1.4, 1.49 on Mar 2 – 4, below 1.5",
          action("roi-below-benchmark"),
          "Report",
          "C3, C5, C7",
          3,
        ],
        fill: argb(DEFAULT_FILLS.yellow),
      },
    ]);
    // the legend: one row per rule with colour, rule, when to respond, threshold in words and action
    const legend = rows.filter((r) => r.values[1] === "ROI below benchmark" && r.values[5] !== "Report");
    expect(legend).toEqual([
      {
        values: ["Yellow", "ROI below benchmark", "Watch", "ROI below 1.5 for 3 consecutive periods"].concat(
          action("roi-below-benchmark"),
        ),
        fill: argb(DEFAULT_FILLS.yellow),
      },
    ]);
  });

  it("writes the report sheet in Chinese with lang zh", async () => {
    const out = await flagWorkbook(input, { lang: "zh", now: NOW });
    const ws = (await readWorkbook(out.data)).getWorksheet("Growth Signals")!;
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    expect(text.join("|")).toMatch(/[渠道规则]/);
  });
});

describe("clear", () => {
  it("gives back every part of the original package byte for byte (styles and sheet XML included)", async () => {
    const cleared = await clearWorkbook(flagged);
    expect(cleared.wasFlagged).toBe(true);
    expect(cleared.restored).toBe(5);
    expect(cleared.rulesRemoved).toBe(2);
    expect(cleared.notes).toEqual([]);
    expect(cleared.removedSheets).toEqual(["Growth Signals"]);
    const d = diffParts(await partsOf(input), await partsOf(cleared.data));
    expect({ added: d.added, removed: d.removed, changed: d.changed }).toEqual({ added: [], removed: [], changed: [] });
  });

  it("writes an unchanged copy of a workbook that was never flagged", async () => {
    const out = await clearWorkbook(input);
    expect(out.wasFlagged).toBe(false);
    const d = diffParts(await partsOf(input), await partsOf(out.data));
    expect(d.changed.concat(d.added, d.removed)).toEqual([]);
  });

  it("a state part a program dropped costs nothing: the rules are found by their marker and Clear says so", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(flagged);
    zip.remove("customXml/item1.xml");
    const dropped = await zip.generateAsync({ type: "nodebuffer" });
    const cleared = await clearWorkbook(dropped);
    expect(cleared.rulesRemoved).toBe(2);
    expect(cleared.removedSheets).toEqual(["Growth Signals"]);
    expect(cleared.notes.map((n) => n.en)).toEqual([
      "The workbook's Growth Signals record was removed by a program that saved it (openpyxl does this); the warning colors were found by their marker instead.",
    ]);
    expect(overlayFills((await readWorkbook(cleared.data)).getWorksheet("Report")!)).toEqual({});
  });
});

describe("settings a user saved in the task pane", () => {
  it("are used by flag, kept as saved, and survive clear as a settings-only state part", async () => {
    // Mark the flagged workbook's settings as saved on purpose (as the pane's Settings → Save does), benchmark 1.45.
    const JSZip = (await import("jszip")).default;
    const { DEFAULT_CONFIG } = await import("../../src/core/rules/config");
    const mine = { ...DEFAULT_CONFIG, roiBenchmark: 1.45 };
    const zip = await JSZip.loadAsync(flagged);
    const state = stateOf(await zip.file("customXml/item1.xml")!.async("string"));
    zip.file("customXml/item1.xml", serializeOverlayState({ ...state, settings: mine, settingsSaved: true }));
    const withSaved = await zip.generateAsync({ type: "nodebuffer" });

    const again = await flagWorkbook(withSaved, { now: NOW });
    expect(again.config.roiBenchmark).toBe(1.45);
    const cleared = await clearWorkbook(again.data);
    const parts = await partsOf(cleared.data);
    const stateXml = [...parts.entries()].find(
      ([name, text]) => name.startsWith("customXml/item") && text.includes(STATE_NAMESPACE),
    );
    expect(stateXml).toBeDefined();
    expect(stateOf(stateXml![1])).toEqual({ version: 2, settings: mine, settingsSaved: true, rules: [] });
    expect((await readWorkbook(cleared.data)).worksheets.map((w) => w.name)).toEqual(["Report", "Other"]);
  });
});

describe("flag is idempotent", () => {
  it("flagging a flagged workbook gives the same package as flagging the original once, but for the report's marks of what changed since (issue 19)", async () => {
    const once = await flagWorkbook(input, { now: NOW });
    const twice = await flagWorkbook(flagged, { now: NOW });
    expect(twice.clearedFirst).toBe(5);
    const d = diffParts(await partsOf(flagged), await partsOf(twice.data));
    // the report sheet, its drawing (the charts one row lower) and its print titles' row in workbook.xml
    expect({ added: d.added, removed: d.removed, changed: d.changed }).toEqual({
      added: [],
      removed: [],
      changed: ["xl/drawings/drawing2.xml", "xl/workbook.xml", "xl/worksheets/sheet3.xml"],
    });
    // and the report is the same but for the counts line under the headline and the last column: all continuing
    const counts = twice.report.rows.findIndex(
      (r) => r[0] === "Since the last flag (Mar 9, 2026): 0 new, 3 continuing, 0 resolved.",
    );
    expect(counts).toBeGreaterThan(0);
    const header = twice.report.headerRow;
    const marks = twice.report.rows.slice(header + 1, header + 4).map((r) => r.at(-1));
    expect(marks).toEqual(["Continuing", "Continuing", "Continuing"]);
    const without = twice.report.rows.filter((_, i) => i !== counts).map((r) => (r.length > 8 ? r.slice(0, 8) : r));
    expect(without).toEqual(once.report.rows);
  });

  it("keeps the settings saved in the workbook when no config is given", async () => {
    const custom = await flagWorkbook(input, {
      now: NOW,
      config: { ...(await import("../../src/core/rules/config")).DEFAULT_CONFIG, roiBenchmark: 1.45 },
    });
    // With a 1.45 benchmark, A's 1.49 on 4 Mar is not below it: the run is 2 days and C3, C5, C7 are no longer yellow.
    const again = await flagWorkbook(custom.data, { now: NOW });
    expect(again.config.roiBenchmark).toBe(1.45);
    const ws = (await readWorkbook(again.data)).getWorksheet("Report")!;
    expect(overlayFills(ws).C3).toBeUndefined();
    expect(overlayFills(ws).D5).toBe(argb(DEFAULT_FILLS.orange));
  });
});

describe("a workbook that already has a sheet named Growth Signals", () => {
  it("gets the report as Growth Signals (2), and clear removes only that one", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(input as never);
    wb.addWorksheet("Growth Signals").getCell("A1").value = "my own notes";
    const own = Buffer.from(await wb.xlsx.writeBuffer());
    const out = await flagWorkbook(own, { now: NOW });
    expect(out.reportSheet).toBe("Growth Signals (2)");
    const cleared = await clearWorkbook(out.data);
    expect(cleared.removedSheets).toEqual(["Growth Signals (2)"]);
    const names = (await readWorkbook(cleared.data)).worksheets.map((w) => w.name);
    expect(names).toEqual(["Report", "Other", "Growth Signals"]);
    expect((await readWorkbook(cleared.data)).getWorksheet("Growth Signals")!.getCell("A1").value).toBe("my own notes");
  });
});

test("every package written in this file is schema-valid: 0 invalid parts", async () => {
  const { problems, checked } = await outputSchemaProblems(outputs);
  console.log(`schema: ${checked} parts written in ${outputs.length} outputs checked, ${problems.length} invalid`);
  expect(checked).toBeGreaterThan(0);
  expect(problems).toEqual([]);
}, 120000);

/** A cell ExcelJS read with a hyperlink: its text and where it points. */
function isLink(v: unknown): v is { text: string; hyperlink: string } {
  return typeof v === "object" && v !== null && "hyperlink" in v;
}
