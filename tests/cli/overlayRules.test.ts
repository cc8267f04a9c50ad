/**
 * The CLI's conditional formats next to a user's own (issue 15 §1): theirs keep their priorities and bytes, ours
 * come after them in schema order; long ranges are split so no attribute grows past what readers accept; Clear
 * removes ours only, wherever they are, and flag → clear gives back every part.
 */
import ExcelJS from "exceljs";
import { clearWorkbook, flagWorkbook } from "../../src/cli/workbook";
import { captureCliOutputs, diffParts, outputSchemaProblems, overlayFills, partsOf, readWorkbook } from "./helpers";

const outputs = captureCliOutputs();
const NOW = new Date(Date.UTC(2026, 2, 9));

/**
 * A daily report of one channel written by ExcelJS: `days` rows from 2026-01-01, complaint rate 2% (above the 1%
 * limit: orange) on every other day and 0.5% otherwise, so each flagged cell stands alone in column C.
 */
async function report(days: number, userRules: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Daily");
  ws.addRow(["Date", "Channel", "Complaint rate"]);
  for (let d = 0; d < days; d++) ws.addRow([new Date(Date.UTC(2026, 0, 1 + d)), "Search", d % 2 === 0 ? 0.02 : 0.005]);
  if (userRules) {
    // the user's own: a data bar and a "greater than" highlight, priorities 1 and 2 as ExcelJS numbers them
    ws.addConditionalFormatting({
      ref: `C2:C${days + 1}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: "FF638EC6" },
        } as never,
        {
          type: "cellIs",
          operator: "greaterThan",
          priority: 2,
          formulae: ["0.015"],
          style: { font: { bold: true, color: { argb: "FF9C0006" } } },
        },
      ],
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("a sheet with the user's own conditional formats", () => {
  it("keeps them byte for byte and first in priority; ours follow in schema order", async () => {
    const input = await report(10, true);
    const out = await flagWorkbook(input, { now: NOW });
    const before = (await partsOf(input)).get("xl/worksheets/sheet1.xml")!;
    const after = (await partsOf(out.data)).get("xl/worksheets/sheet1.xml")!;
    const theirs = before.match(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g)!;
    expect(theirs.length).toBeGreaterThan(0);
    for (const t of theirs) expect(after).toContain(t);
    const priorities = [...after.matchAll(/<cfRule [^>]*priority="(\d+)"/g)].map((m) => Number(m[1]));
    const userMax = Math.max(...[...before.matchAll(/priority="(\d+)"/g)].map((m) => Number(m[1])));
    // ours: one orange rule (C2 C4 C6 C8 C10), numbered after the user's
    expect(after).toContain(`<conditionalFormatting sqref="C2 C4 C6 C8 C10"><cfRule type="expression" dxfId="`);
    expect(priorities.slice(-1)).toEqual([userMax + 1]);
    expect(overlayFills((await readWorkbook(out.data)).getWorksheet("Daily")!)).toEqual({
      C2: "FFF4B183",
      C4: "FFF4B183",
      C6: "FFF4B183",
      C8: "FFF4B183",
      C10: "FFF4B183",
    });
    const cleared = await clearWorkbook(out.data);
    expect(cleared.rulesRemoved).toBe(1);
    const d = diffParts(await partsOf(input), await partsOf(cleared.data));
    expect({ added: d.added, removed: d.removed, changed: d.changed }).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe("a flag with many separate cells", () => {
  it("splits a colour's ranges into rules of at most 8,000 characters, all removed by Clear", async () => {
    // 3,000 days: 1,500 flagged cells C2, C4 … C3000, about 8,900 characters of ranges
    const input = await report(3000, false);
    const out = await flagWorkbook(input, { now: NOW });
    const sheet = (await partsOf(out.data)).get("xl/worksheets/sheet1.xml")!;
    const sqrefs = [...sheet.matchAll(/<conditionalFormatting sqref="([^"]*)"/g)].map((m) => m[1]);
    expect(sqrefs).toHaveLength(2);
    expect(sqrefs.every((s) => s.length <= 8000)).toBe(true);
    expect(sqrefs.join(" ").split(" ")).toEqual(Array.from({ length: 1500 }, (_, i) => `C${2 + 2 * i}`));
    // one format for both, consecutive priorities
    expect([...sheet.matchAll(/dxfId="(\d+)" priority="(\d+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ["0", "1"],
      ["0", "2"],
    ]);
    const cleared = await clearWorkbook(out.data);
    expect([cleared.rulesRemoved, cleared.restored]).toEqual([2, 1500]);
    const d = diffParts(await partsOf(input), await partsOf(cleared.data));
    expect({ added: d.added, removed: d.removed, changed: d.changed }).toEqual({ added: [], removed: [], changed: [] });
  });
});

test("every package written in this file is schema-valid: 0 invalid parts", async () => {
  const { problems, checked } = await outputSchemaProblems(outputs);
  expect(checked).toBeGreaterThan(0);
  expect(problems).toEqual([]);
}, 120000);
