/**
 * The values a CSV conversion hands Flag (CsvWorkbook.grids, so a large sheet is not parsed twice) are exactly what
 * the worksheet scanner reads back from the part it wrote: readSheet is the independent reader here.
 */
import fc from "fast-check";
import { csvToWorkbook } from "../../../src/cli/csv";
import { parseSharedStrings } from "../../../src/cli/xlsx/sharedStrings";
import { readSheet } from "../../../src/cli/xlsx/sheet";

async function check(csv: string): Promise<void> {
  const { pkg, grids } = csvToWorkbook(Buffer.from(csv, "utf8"), { label: "t.csv" });
  const xml = await pkg.text("xl/worksheets/sheet1.xml");
  const sst = parseSharedStrings(await pkg.text("xl/sharedStrings.xml"));
  const read = readSheet(xml, sst);
  const given = grids.get("xl/worksheets/sheet1.xml")!;
  expect(given.rows).toEqual(read.rows);
  expect(given.maxCol).toBe(read.maxCol);
  expect(given.formulasWithoutValues.size).toBe(0);
}

describe("the grid a CSV hands to Flag", () => {
  it("equals readSheet's reading of the written part", async () => {
    await check(
      [
        "# GA4 comment, with a comma",
        "",
        "Date,Channel,ROI,Rate,Flag,Note",
        '2026-11-02,"Search, brand",1.5,12.5%,TRUE, spaced ',
        "20261103,<b>&amp;</b>,--,,FALSE,007",
        'Nov 4, 2026,"multi\nline",$1,234.50,-,x,12345678901234567',
      ].join("\n"),
    );
  });

  it("equals it on random tables of report-like cells", async () => {
    const cell = fc.constantFrom(
      "",
      "-",
      "1,234",
      "1.5",
      "-0.25",
      "12%",
      "2026-11-02",
      "11/2/2026",
      "TRUE",
      "Search",
      " a ",
      "渠道",
      "007",
      "$5",
      "a&b<c>",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        async (rows) => {
          const csv = rows.map((r) => r.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(","));
          fc.pre(csv.join("").trim() !== ""); // an empty file is refused, not converted
          await check(csv.join("\r\n") + "\r\n");
        },
      ),
      { numRuns: 150 },
    );
  });
});
