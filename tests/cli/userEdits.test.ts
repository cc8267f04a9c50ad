/**
 * Issue 15 §3, the CLI's side: after Flag, a colleague edits the workbook with a real program — LibreOffice Calc
 * through Python-UNO (sets a fill, inserts or deletes rows, sorts, renames the sheet, replaces the report with a
 * sheet of their own, or just opens and saves) or openpyxl (re-saves it) — and then runs Clear. Each edit is applied
 * by the same program, in the same run, to the unflagged workbook too. After Clear, every cell's own format (fill,
 * font, number format, borders, as ExcelJS resolves them) equals the same edit applied to the unflagged workbook, no
 * warning colour is left, and every user sheet is there.
 *
 * The spec check of §1 on the bundled sample: its 50 flagged cells are three rules per sheet (one per colour,
 * multi-area ranges, `N("growth-signals")=0`), LibreOffice draws them over the user's own text and fonts, keeps rule,
 * marker and colours through an open and save, and moves them with 3 inserted rows (G115 → G118).
 *
 * LibreOffice and openpyxl are optional on a developer's machine: without them these tests skip with a notice.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { DEFAULT_FILLS } from "../../src/core/colours";
import { DEFAULT_CONFIG } from "../../src/core/rules/config";
import { clearWorkbook, flagWorkbook, type ClearOutcome } from "../../src/cli/workbook";
import {
  libreOfficeAvailable,
  openpyxlAvailable,
  openpyxlFormats,
  openpyxlResave,
  runLibreOffice,
  type LoOp,
} from "../helpers/libreoffice";
import { diffParts, overlayFills, ownFormat, partsOf, readWorkbook } from "./helpers";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "channel-report.xlsx");
const NOW = new Date(Date.UTC(2026, 2, 9));
const WARNING_ARGB = new Set(Object.values(DEFAULT_FILLS).map((h) => `FF${h.slice(1).toUpperCase()}`));
const LO = libreOfficeAvailable();
const OPENPYXL = openpyxlAvailable();
if (!LO) console.warn("LibreOffice with python3-uno is not installed: the LibreOffice edit tests are skipped.");
if (!OPENPYXL) console.warn("python3-openpyxl is not installed: the openpyxl re-save test is skipped.");

/**
 * The edits, as LibreOffice makes them, on the sample (Daily: header in row 2, data A3:I226, four channels a day;
 * E64 is Social's ROI inside its weak run, rows 60–62 hold flagged E60).
 */
const EDITS: Record<string, { flagged: LoOp[]; unflagged?: LoOp[]; tableChanged?: true }> = {
  "open and save, no edit": { flagged: [] },
  "a fill of the user's own on a flagged cell": {
    flagged: [{ op: "fill", sheet: "Daily", cell: "E64", color: "#00B0F0" }],
  },
  "3 rows inserted above row 100": { flagged: [{ op: "insertRows", sheet: "Daily", before: 100, count: 3 }] },
  "rows 60–62 deleted (one holds a flagged cell)": {
    flagged: [{ op: "deleteRows", sheet: "Daily", row: 60, count: 3 }],
    tableChanged: true,
  },
  "the table sorted by channel, descending": {
    flagged: [{ op: "sort", sheet: "Daily", range: "A3:I226", column: 1, descending: true }],
    tableChanged: true,
  },
  "the data sheet renamed": { flagged: [{ op: "renameSheet", from: "Daily", to: "Daily 2026" }] },
  'the report deleted and a sheet of the user\'s own named "Growth Signals" added': {
    flagged: [
      { op: "deleteSheet", name: "Growth Signals" },
      { op: "addSheet", name: "Growth Signals" },
    ],
    unflagged: [{ op: "addSheet", name: "Growth Signals" }],
  },
};

let dir: string;
let flaggedPath: string;
const edited = new Map<string, { flagged: Buffer; unflagged: Buffer }>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "gs-edits-"));
  flaggedPath = path.join(dir, "flagged.xlsx");
  writeFileSync(flaggedPath, (await flagWorkbook(readFileSync(SAMPLE), { now: NOW })).data);
  if (!LO) return;
  // every edit on both workbooks, plus the spec check's PDFs, in one LibreOffice run
  const jobs = Object.entries(EDITS).flatMap(([, e], i) => [
    { input: flaggedPath, output: path.join(dir, `f${i}.xlsx`), ops: e.flagged },
    { input: SAMPLE, output: path.join(dir, `u${i}.xlsx`), ops: e.unflagged ?? e.flagged },
  ]);
  jobs.push(
    { input: SAMPLE, output: path.join(dir, "unflagged.pdf"), ops: [] },
    { input: flaggedPath, output: path.join(dir, "flagged.pdf"), ops: [{ op: "deleteSheet", name: "Growth Signals" }] },
  );
  runLibreOffice(jobs);
  Object.keys(EDITS).forEach((name, i) =>
    edited.set(name, {
      flagged: readFileSync(path.join(dir, `f${i}.xlsx`)),
      unflagged: readFileSync(path.join(dir, `u${i}.xlsx`)),
    }),
  );
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every cell's own format and value, as ExcelJS resolves a cell's style: fill, font, number format, borders. */
function ownFormats(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => out.set(c.address, ownFormat(c))),
  );
  return out;
}

/** Cells whose own format differs between two workbooks, sheet by sheet ("Daily!E64"), and sheets missing. */
function formatDifferences(a: ExcelJS.Workbook, b: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name);
    if (!wb) {
      out.push(`${wa.name} missing`);
      continue;
    }
    const [fa, fb] = [ownFormats(wa), ownFormats(wb)];
    for (const k of new Set([...fa.keys(), ...fb.keys()])) if (fa.get(k) !== fb.get(k)) out.push(`${wa.name}!${k}`);
  }
  return out;
}

/** Warning colours anywhere: our rules, or a cell whose own fill is a warning colour the unflagged edit lacks. */
function warningColoursLeft(cleared: ExcelJS.Workbook, reference: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of cleared.worksheets) {
    for (const a of Object.keys(overlayFills(ws))) out.push(`${ws.name}!${a} (rule)`);
    const ref = reference.getWorksheet(ws.name);
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const f = c.fill as ExcelJS.FillPattern | undefined;
        const argb = (f?.fgColor as { argb?: string } | undefined)?.argb;
        const had = ((ref?.getCell(c.address).fill as ExcelJS.FillPattern | undefined)?.fgColor as { argb?: string })
          ?.argb;
        if (f?.pattern === "solid" && argb && WARNING_ARGB.has(argb) && had !== argb)
          out.push(`${ws.name}!${c.address}`);
      }),
    );
  }
  return out;
}

const maybe = LO ? describe : describe.skip;

maybe("Clear after an edit made in LibreOffice", () => {
  const outcomes = new Map<string, ClearOutcome>();
  it("compares formats finely enough to see one cell's fill (the control: the unflagged sample with and without it)", async () => {
    const [plain, filled] = [
      await readWorkbook(edited.get("open and save, no edit")!.unflagged),
      await readWorkbook(edited.get("a fill of the user's own on a flagged cell")!.unflagged),
    ];
    expect(formatDifferences(plain, filled)).toEqual(["Daily!E64"]);
  });

  it.each(Object.keys(EDITS))(
    "%s: every cell's own format as the same edit of the unflagged workbook",
    async (name) => {
      const { flagged, unflagged } = edited.get(name)!;
      const cleared = await clearWorkbook(flagged);
      outcomes.set(name, cleared);
      const [c, u] = [await readWorkbook(cleared.data), await readWorkbook(unflagged)];
      expect(formatDifferences(u, c)).toEqual([]);
      expect(warningColoursLeft(c, u)).toEqual([]);
      expect(c.worksheets.map((w) => w.name)).toEqual(u.worksheets.map((w) => w.name));
      // what Clear said
      expect(cleared.wasFlagged).toBe(true);
      const changed = EDITS[name].tableChanged === true;
      expect(cleared.tableChanged).toBe(changed);
      expect(cleared.notes.map((n) => n.en)).toEqual(
        changed ? [expect.stringMatching(/^The table changed since/)] : [],
      );
      expect(cleared.removedSheets).toEqual(/report deleted/.test(name) ? [] : ["Growth Signals"]);
    },
  );

  it("removes the rules LibreOffice moved: 6 rules each time, the flagged cells' count as the program left them", () => {
    const cells = Object.fromEntries([...outcomes].map(([k, o]) => [k, [o.rulesRemoved, o.restored]]));
    // 50 cells flagged; deleting rows 60–62 takes flagged E60 with it
    expect(cells).toEqual({
      "open and save, no edit": [6, 50],
      "a fill of the user's own on a flagged cell": [6, 50],
      "3 rows inserted above row 100": [6, 50],
      "rows 60–62 deleted (one holds a flagged cell)": [6, 49],
      "the table sorted by channel, descending": [6, 50],
      "the data sheet renamed": [6, 50],
      'the report deleted and a sheet of the user\'s own named "Growth Signals" added': [6, 50],
    });
  });

  it("keeps the user's own fill set on a flagged cell, and their sheet named Growth Signals with its text", async () => {
    const fill = await readWorkbook(
      (await clearWorkbook(edited.get("a fill of the user's own on a flagged cell")!.flagged)).data,
    );
    expect((fill.getWorksheet("Daily")!.getCell("E64").fill as ExcelJS.FillPattern).fgColor).toEqual({
      argb: "FF00B0F0",
    });
    const own = edited.get('the report deleted and a sheet of the user\'s own named "Growth Signals" added')!;
    const cleared = await readWorkbook((await clearWorkbook(own.flagged)).data);
    expect(cleared.getWorksheet("Growth Signals")!.getCell("A1").value).toBe("Growth Signals");
  });

  it("flags a sorted table again as if it were flagged first (flag twice = once), saying the table changed", async () => {
    const sorted = edited.get("the table sorted by channel, descending")!;
    const again = await flagWorkbook(sorted.flagged, { now: NOW });
    expect(again.notes.map((n) => n.en)).toEqual([expect.stringMatching(/^The table changed since the last flag/)]);
    const fresh = await flagWorkbook(sorted.unflagged, { now: NOW });
    const [a, b] = [await readWorkbook(again.data), await readWorkbook(fresh.data)];
    for (const ws of b.worksheets.filter((w) => w.name !== "Growth Signals"))
      expect(overlayFills(a.getWorksheet(ws.name)!)).toEqual(overlayFills(ws));
  });
});

maybe("the spec check (issue 15 §1) on the bundled sample", () => {
  it("writes the 50 flagged cells as three rules per sheet, one per colour, over multi-area ranges", async () => {
    const wb = await readWorkbook(readFileSync(flaggedPath));
    const rules = wb.worksheets.flatMap((ws) =>
      (
        ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }
      ).conditionalFormattings.map((cf) => ({
        sheet: ws.name,
        areas: cf.ref.split(" ").length,
        formula: cf.rules[0].formulae[0],
      })),
    );
    expect(rules.map((r) => r.sheet)).toEqual(["Daily", "Daily", "Daily", "周报", "周报", "周报"]);
    expect(new Set(rules.map((r) => r.formula))).toEqual(new Set(['N("growth-signals")=0']));
    // multi-area: the areas per rule (red, orange, yellow) — one area only where the cells touch (周报's C5:C7)
    expect(rules.map((r) => r.areas)).toEqual([35, 2, 4, 2, 2, 1]);
    const cells = wb.worksheets.reduce((n, ws) => n + Object.keys(overlayFills(ws)).length, 0);
    expect(cells).toBe(50);
  });

  it("keeps rule, marker and colours through a LibreOffice open and save", async () => {
    const [before, after] = [
      await readWorkbook(readFileSync(flaggedPath)),
      await readWorkbook(edited.get("open and save, no edit")!.flagged),
    ];
    for (const ws of before.worksheets) expect(overlayFills(after.getWorksheet(ws.name)!)).toEqual(overlayFills(ws));
    const workbookXml = (await partsOf(edited.get("open and save, no edit")!.flagged)).get("xl/workbook.xml")!;
    expect(workbookXml).toMatch(/<definedName [^>]*localSheetId="2" name="GrowthSignals_Report"[^>]*>/);
  });

  it("moves the rules with 3 inserted rows: G115 → G118", async () => {
    const before = overlayFills((await readWorkbook(readFileSync(flaggedPath))).getWorksheet("Daily")!);
    const after = overlayFills(
      (await readWorkbook(edited.get("3 rows inserted above row 100")!.flagged)).getWorksheet("Daily")!,
    );
    expect(before.G115).toBe("FFFF7C80");
    expect(after.G118).toBe("FFFF7C80");
    expect(after.G115).toBeUndefined();
    // every cell at or below the inserted rows moved down by 3, every cell above stayed
    const moved = Object.fromEntries(
      Object.entries(before).map(([a, c]) => {
        const m = /^([A-Z]+)(\d+)$/.exec(a)!;
        return [Number(m[2]) >= 100 ? `${m[1]}${Number(m[2]) + 3}` : a, c];
      }),
    );
    expect(after).toEqual(moved);
  });

  it("is drawn by LibreOffice in the three warning colours over the user's own text and fonts", () => {
    // LibreOffice's PDF export of the unflagged sample and of the flagged one (the report sheet removed first):
    // every text-drawing operation (font, size, position, glyphs) is the same, and the flagged one adds fill
    // rectangles in red, orange and yellow that the unflagged one has none of.
    const u = pdfContent(readFileSync(path.join(dir, "unflagged.pdf")));
    const f = pdfContent(readFileSync(path.join(dir, "flagged.pdf")));
    expect(f.text).toEqual(u.text);
    expect(f.text.length).toBeGreaterThan(1000);
    const rgb = (hex: string): string =>
      [1, 3, 5].map((i) => (parseInt(hex.slice(i, i + 2), 16) / 255).toFixed(3)).join(" ");
    for (const hex of Object.values(DEFAULT_FILLS)) {
      expect(u.fills.get(rgb(hex)) ?? 0).toBe(0);
      expect(f.fills.get(rgb(hex)) ?? 0).toBeGreaterThan(0);
    }
  });
});

(OPENPYXL ? describe : describe.skip)("Clear after openpyxl re-saved the flagged workbook", () => {
  it("says the state part was dropped, still removes the rules by their marker, and keeps every format", async () => {
    const [f, u] = [path.join(dir, "openpyxl-f.xlsx"), path.join(dir, "openpyxl-u.xlsx")];
    openpyxlResave(flaggedPath, f);
    openpyxlResave(SAMPLE, u);
    const flagged = readFileSync(f);
    expect([...(await partsOf(flagged)).keys()].filter((p) => p.startsWith("customXml/"))).toEqual([]);
    const cleared = await clearWorkbook(flagged);
    expect(cleared.notes.map((n) => n.en)).toEqual([
      "The workbook's Growth Signals record was removed by a program that saved it (openpyxl does this); the warning colors were found by their marker instead.",
    ]);
    expect(cleared.rulesRemoved).toBe(6);
    expect(cleared.removedSheets).toEqual(["Growth Signals"]);
    // ExcelJS 4.4 cannot open openpyxl's drawings, so openpyxl reads the formats back
    const c = path.join(dir, "openpyxl-c.xlsx");
    writeFileSync(c, cleared.data);
    const [after, ref] = [openpyxlFormats(c), openpyxlFormats(u)];
    expect(after.overlayRules).toBe(0);
    expect(openpyxlFormats(f).overlayRules).toBe(6);
    expect(after.sheets).toEqual(ref.sheets);
    const differing = Object.keys(ref.cells).filter((k) => after.cells[k] !== ref.cells[k]);
    expect(differing).toEqual([]);
    expect(Object.keys(after.cells).length).toBe(Object.keys(ref.cells).length);
  });
});

describe("flag twice with different settings", () => {
  it("gives the workbook the second flag alone gives (but for the report's marks of what changed since), and Clear gives back every part", async () => {
    const sample = readFileSync(SAMPLE);
    const second = {
      ...DEFAULT_CONFIG,
      roiBenchmark: 1.3,
      fills: { red: "#C00000", orange: "#ED7D31", yellow: "#FFFF00" },
    };
    const once = await flagWorkbook(sample, { now: NOW, config: second });
    const twice = await flagWorkbook((await flagWorkbook(sample, { now: NOW })).data, { now: NOW, config: second });
    const d = diffParts(await partsOf(once.data), await partsOf(twice.data));
    // data sheets, styles and rules as the second flag alone writes them; only the report sheet, its drawing (the
    // charts one row lower, the table one column wider) and its print titles' row in workbook.xml differ (issue 19)
    expect({ added: d.added, removed: d.removed, changed: d.changed }).toEqual({
      added: [],
      removed: [],
      changed: ["xl/drawings/drawing2.xml", "xl/workbook.xml", "xl/worksheets/sheet3.xml"],
    });
    // the second report has the counts line and the last column
    const header = twice.report.headerRow;
    expect(twice.report.rows[header].at(-1)).toBe("Since last flag");
    // ROI below 1.3 is a subset of ROI below 1.5 on the same data: nothing can be new, and the runs between are resolved
    const counts = twice.report.rows.map((r) => String(r[0])).filter((t) => t.startsWith("Since the last flag"));
    expect(counts).toEqual([
      expect.stringMatching(/^Since the last flag \(Mar 9, 2026\): 0 new, \d+ continuing, [1-9]\d* resolved\.$/),
    ]);
    const back = diffParts(await partsOf(sample), await partsOf((await clearWorkbook(twice.data)).data));
    expect({ added: back.added, removed: back.removed, changed: back.changed }).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });
});

/**
 * A PDF's page content, decompressed: every text-drawing block (BT … ET, font and glyphs), and how many filled
 * rectangles each fill colour draws ("r g b" to 3 decimals → count).
 */
function pdfContent(pdf: Buffer): { text: string[]; fills: Map<string, number> } {
  const text: string[] = [];
  const fills = new Map<string, number>();
  const raw = pdf.toString("latin1");
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(raw.slice(start, end), "latin1")).toString("latin1");
    } catch {
      continue;
    }
    for (const bt of content.match(/BT[\s\S]*?ET/g) ?? []) text.push(bt);
    let colour = "";
    for (const op of content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) rg|re f\*?/g)) {
      if (op[1] !== undefined) colour = [op[1], op[2], op[3]].map((v) => Number(v).toFixed(3)).join(" ");
      else fills.set(colour, (fills.get(colour) ?? 0) + 1);
    }
  }
  return { text, fills };
}
