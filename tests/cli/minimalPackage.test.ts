/**
 * A workbook from another producer: hand-written minimal package with an x: namespace prefix, inline strings,
 * no shared strings, no theme, no docProps and no Default content type for .xml.
 */
import JSZip from "jszip";
import { readStatePart } from "../../src/core/overlayState";
import { clearWorkbook, flagWorkbook } from "../../src/cli/workbook";
import { captureCliOutputs, diffParts, outputSchemaProblems, partsOf } from "./helpers";

/** Every package flag and clear write in this file, validated at the end (issue 8 §1: 0 schema-invalid parts). */
const outputs = captureCliOutputs();

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const str = (ref: string, s: string): string => `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${s}</x:t></x:is></x:c>`;
const num = (ref: string, v: number): string => `<x:c r="${ref}"><x:v>${v}</x:v></x:c>`;

/**
 * One channel, no date column (row order = period order), ROI 1.4, 1.3, 1.2, 2.0 on rows 2–5:
 * three rows running below 1.5 → A2, A3, A4 yellow; A5 is fine.
 */
async function minimalWorkbook(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${R}/officeDocument" Target="/xl/workbook.xml" Id="R1"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:x="${NS}" xmlns:r="${R}"><x:sheets><x:sheet name="Data" sheetId="1" r:id="R2"/></x:sheets></x:workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Type="${R}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="R2"/><Relationship Type="${R}/styles" Target="/xl/styles.xml" Id="R3"/></Relationships>`,
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="utf-8"?><x:styleSheet xmlns:x="${NS}"><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font></x:fonts>` +
      '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
      '<x:borders count="1"><x:border/></x:borders><x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>' +
      '<x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs></x:styleSheet>',
  );
  const rows = [1.4, 1.3, 1.2, 2.0].map(
    (v, i) => `<x:row r="${i + 2}">${num(`A${i + 2}`, v)}${str(`B${i + 2}`, "Shop")}</x:row>`,
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1">${str("A1", "ROI")}${str("B1", "Channel")}</x:row>${rows.join("")}</x:sheetData></x:worksheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("a minimal package from another producer", () => {
  it("is flagged with prefixed elements, and its state part gets its own content type", async () => {
    const input = await minimalWorkbook();
    const out = await flagWorkbook(input, { now: new Date(Date.UTC(2026, 2, 9)) });
    expect(out.tables[0].result.cells.map((c) => c.row)).toEqual([0, 1, 2]);
    const parts = await partsOf(out.data);
    expect(parts.get("xl/workbook.xml")).toContain('<x:sheet name="Growth Signals" sheetId="2" r:id="');
    expect(parts.get("[Content_Types].xml")).toContain(
      '<Override PartName="/customXml/item1.xml" ContentType="application/xml"/>',
    );
    expect(readStatePart(parts.get("customXml/item1.xml")!)).toMatchObject({
      state: { rules: [{ sheet: "Data", colour: "yellow", ranges: "A2:A4" }] },
    });
    // ExcelJS cannot read x:-prefixed workbooks: the rule and its format, prefixed as the part is, read by hand
    const sheetXml = parts.get("xl/worksheets/sheet1.xml")!;
    expect(sheetXml).toContain(
      '</x:sheetData><x:conditionalFormatting sqref="A2:A4"><x:cfRule type="expression" dxfId="0" priority="1">' +
        "<x:formula>N(&quot;growth-signals&quot;)=0</x:formula></x:cfRule></x:conditionalFormatting></x:worksheet>",
    );
    expect(parts.get("xl/styles.xml")).toContain(
      '<x:dxfs><x:dxf><x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFD966"/><x:bgColor rgb="FFFFD966"/></x:patternFill></x:fill></x:dxf></x:dxfs>',
    );
    expect(sheetXml).not.toMatch(/ s="/);
  });

  it("clears back to the original bytes of every part", async () => {
    const input = await minimalWorkbook();
    const cleared = await clearWorkbook((await flagWorkbook(input)).data);
    const d = diffParts(await partsOf(input), await partsOf(cleared.data));
    expect({ added: d.added, removed: d.removed, changed: d.changed }).toEqual({ added: [], removed: [], changed: [] });
  });
});

test("every package written in this file is schema-valid: 0 invalid parts", async () => {
  const { problems, checked } = await outputSchemaProblems(outputs);
  console.log(`schema: ${checked} parts written in ${outputs.length} outputs checked, ${problems.length} invalid`);
  expect(checked).toBeGreaterThan(0);
  expect(problems).toEqual([]);
}, 120000);
