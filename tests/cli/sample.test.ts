/**
 * The bundled sample (samples/channel-report.xlsx, made by scripts/make-sample.ts): every rule fires on
 * both sheets, and the chart, its drawing and everything else survive flag and clear.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { RULE_IDS } from "../../src/core/rules/types";
import { clearWorkbook, flagWorkbook, type FlagOutcome } from "../../src/cli/workbook";
import { DAILY_SHEET, makeSample, WEEKLY_SHEET } from "../../scripts/make-sample";
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

/** Every package flag and clear write in this file, validated at the end (issue 8 §1: 0 schema-invalid parts). */
const outputs = captureCliOutputs();

const SAMPLE = path.join(__dirname, "..", "..", "samples", "channel-report.xlsx");
let sample: Buffer;
let out: FlagOutcome;

beforeAll(async () => {
  sample = readFileSync(SAMPLE);
  out = await flagWorkbook(sample, { now: new Date(Date.UTC(2026, 2, 9)) });
});

describe("the bundled sample workbook", () => {
  it("has the same content the generator script makes from its seed", async () => {
    const fresh = await partsOf(await makeSample());
    const committed = await partsOf(sample);
    const d = diffParts(committed, fresh);
    expect({ added: d.added, removed: d.removed, changed: d.changed }).toEqual({ added: [], removed: [], changed: [] });
  });

  it("triggers every rule on the English daily sheet and on the Chinese weekly sheet", () => {
    const rulesOn = (sheet: string): string[] =>
      [...new Set(out.tables.find((t) => t.sheet === sheet)!.result.flags.map((f) => f.ruleId))].sort();
    expect(rulesOn(DAILY_SHEET)).toEqual([...RULE_IDS].sort());
    expect(rulesOn(WEEKLY_SHEET)).toEqual([...RULE_IDS].sort());
  });

  it("keeps the chart, its drawing and their relationships byte-identical", async () => {
    const [a, b] = [await partsOf(sample), await partsOf(out.data)];
    for (const p of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels"]) {
      expect(a.has(p)).toBe(true);
      expect(b.get(p)).toBe(a.get(p));
    }
    // The weekly sheet still points at its drawing, and the chart's content type is still declared.
    const weeklyPath = "xl/worksheets/sheet2.xml";
    expect(b.get(weeklyPath)).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(b.get("xl/worksheets/_rels/sheet2.xml.rels")).toBe(a.get("xl/worksheets/_rels/sheet2.xml.rels"));
    expect(b.get("[Content_Types].xml")).toContain('PartName="/xl/charts/chart1.xml"');
    const d = diffParts(a, b);
    expect(d.removed).toEqual([]);
    expect(d.changed.sort()).toEqual(
      [
        "[Content_Types].xml",
        "docProps/app.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
      ].sort(),
    );
  });

  it("lays the warning over the user's fill without changing it, and clear removes only the warning", async () => {
    const flagged = (await readWorkbook(out.data)).getWorksheet(DAILY_SHEET)!;
    const original = (await readWorkbook(sample)).getWorksheet(DAILY_SHEET)!;
    // Social is the 2nd of 4 channels: day 15 is row 3 + 15 × 4 + 1 = 64; its ROI (column E) is in the weak run.
    expect(solidFill(original.getCell("E64"))).toBe("FFC6EFCE");
    expect(overlayFills(flagged).E64).toBe("FFFFD966");
    expect(solidFill(flagged.getCell("E64"))).toBe("FFC6EFCE");
    expect(flagged.getCell("E64").formula).toBe("D64/C64");
    const cleared = await clearWorkbook(out.data);
    const d = diffParts(await partsOf(sample), await partsOf(cleared.data));
    expect({ added: d.added, removed: d.removed, changed: d.changed }).toEqual({ added: [], removed: [], changed: [] });
  });

  it("keeps every cell's value, formula, number format and font on both sheets (read back with ExcelJS)", async () => {
    const a = await readWorkbook(sample);
    const b = await readWorkbook(out.data);
    for (const name of [DAILY_SHEET, WEEKLY_SHEET]) {
      const [sa, sb] = [cellSnapshot(a.getWorksheet(name)!), cellSnapshot(b.getWorksheet(name)!)];
      expect(sb.size).toBe(sa.size);
      for (const [address, before] of sa) {
        const after = sb.get(address)!;
        expect({ address, value: after.value, numFmt: after.numFmt, font: after.font }).toEqual({
          address,
          value: before.value,
          numFmt: before.numFmt,
          font: before.font,
        });
      }
    }
    expect(b.getWorksheet(DAILY_SHEET)!.getColumn(6).width).toBe(15);
    expect(b.definedNames.getRanges("DailyTable")).toEqual(a.definedNames.getRanges("DailyTable"));
  });

  it("is a workbook ExcelJS can open again after flagging twice", async () => {
    const twice = await flagWorkbook(out.data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(twice.data as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([DAILY_SHEET, WEEKLY_SHEET, "Growth Signals"]);
  });
});

test("every package written in this file is schema-valid: 0 invalid parts", async () => {
  const { problems, checked } = await outputSchemaProblems(outputs);
  console.log(`schema: ${checked} parts written in ${outputs.length} outputs checked, ${problems.length} invalid`);
  expect(checked).toBeGreaterThan(0);
  expect(problems).toEqual([]);
}, 120000);
