/**
 * Pivot tables survive: a hand-written package with a data sheet, a second sheet holding a pivot table, and the
 * pivot cache (definition + records) hung off the workbook. ExcelJS drops pivot tables when it re-saves a file;
 * the CLI's surgical edit must leave every pivot part, its relationships and the workbook's <pivotCaches> list
 * byte-identical, after flag and after clear.
 *
 * Sheet "Data" (one channel, daily):
 *   row  Date        Channel  ROI   Traffic
 *    2   2026-03-02  Shop     1.4   100
 *    3   2026-03-03  Shop     1.3   100
 *    4   2026-03-04  Shop     1.2   100
 *    5   2026-03-05  Shop     1.1   100
 *    6   2026-03-06  Shop     2.0   100
 * Worked by hand (defaults): ROI < 1.5 on 2, 3, 4, 5 Mar, four days exactly 1 day apart (≥ 3) → C2:C5 yellow,
 * reason of C2 "ROI 1.4 < 1.5 for 4 days running (Mar 2 – 5)"; 2.0 on 6 Mar ends the run. Traffic is flat → nothing.
 * Sheet "Pivot" ("Row Labels" / "Sum of ROI") names no metric column, so flag (without --sheet) passes it untouched.
 */
import JSZip from "jszip";
import { clearWorkbook, flagWorkbook } from "../../src/cli/workbook";
import { captureCliOutputs, outputSchemaProblems, overlayFills, readWorkbook } from "./helpers";

/** Every package flag and clear write in this file, validated at the end (issue 8 §1: 0 schema-invalid parts). */
const outputs = captureCliOutputs();

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const str = (ref: string, s: string): string => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
const num = (ref: string, v: number): string => `<c r="${ref}"><v>${v}</v></c>`;

const PIVOT_CACHES = '<pivotCaches><pivotCache cacheId="1" r:id="rId4"/></pivotCaches>';
const PIVOT_PARTS = [
  "xl/pivotTables/pivotTable1.xml",
  "xl/pivotTables/_rels/pivotTable1.xml.rels",
  "xl/pivotCache/pivotCacheDefinition1.xml",
  "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
  "xl/pivotCache/pivotCacheRecords1.xml",
  "xl/worksheets/sheet2.xml",
  "xl/worksheets/_rels/sheet2.xml.rels",
];

async function pivotWorkbook(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="${CT}.pivotTable+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${CT}.pivotCacheDefinition+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${CT}.pivotCacheRecords+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `${XML}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `${XML}<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/>` +
      `<sheet name="Pivot" sheetId="2" r:id="rId2"/></sheets>${PIVOT_CACHES}</workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `${XML}<Relationships xmlns="${PR}">` +
      `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId4" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
      "</Relationships>",
  );
  zip.file(
    "xl/styles.xml",
    `${XML}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
  );
  const roi = [1.4, 1.3, 1.2, 1.1, 2.0];
  const rows = roi.map((v, i) => {
    const r = i + 2;
    return `<row r="${r}">${str(`A${r}`, `2026-03-0${i + 2}`)}${str(`B${r}`, "Shop")}${num(`C${r}`, v)}${num(`D${r}`, 100)}</row>`;
  });
  zip.file(
    "xl/worksheets/sheet1.xml",
    `${XML}<worksheet xmlns="${NS}"><sheetData><row r="1">${str("A1", "Date")}${str("B1", "Channel")}${str("C1", "ROI")}` +
      `${str("D1", "Traffic")}</row>${rows.join("")}</sheetData></worksheet>`,
  );
  zip.file(
    "xl/worksheets/sheet2.xml",
    `${XML}<worksheet xmlns="${NS}" xmlns:r="${R}"><sheetData>` +
      `<row r="1">${str("A1", "Row Labels")}${str("B1", "Sum of ROI")}</row>` +
      `<row r="2">${str("A2", "Shop")}${num("B2", 7)}</row>` +
      `<row r="3">${str("A3", "Grand Total")}${num("B3", 7)}</row></sheetData></worksheet>`,
  );
  zip.file(
    "xl/worksheets/_rels/sheet2.xml.rels",
    `${XML}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/pivotTables/pivotTable1.xml",
    `${XML}<pivotTableDefinition xmlns="${NS}" name="PivotTable1" cacheId="1" dataCaption="Values" ` +
      'applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" ' +
      'applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" ' +
      'createdVersion="6" indent="0" outline="1" outlineData="1">' +
      '<location ref="A1:B3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>' +
      '<pivotFields count="4"><pivotField showAll="0"/><pivotField axis="axisRow" showAll="0"><items count="2">' +
      '<item x="0"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/>' +
      '<pivotField showAll="0"/></pivotFields><rowFields count="1"><field x="1"/></rowFields>' +
      '<rowItems count="2"><i><x/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>' +
      '<dataFields count="1"><dataField name="Sum of ROI" fld="2" baseField="0" baseItem="0"/></dataFields>' +
      "</pivotTableDefinition>",
  );
  zip.file(
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    `${XML}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    `${XML}<pivotCacheDefinition xmlns="${NS}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" recordCount="5" ` +
      'createdVersion="6" refreshedVersion="6" minRefreshableVersion="3">' +
      '<cacheSource type="worksheet"><worksheetSource ref="A1:D6" sheet="Data"/></cacheSource>' +
      '<cacheFields count="4"><cacheField name="Date" numFmtId="0"><sharedItems/></cacheField>' +
      '<cacheField name="Channel" numFmtId="0"><sharedItems count="1"><s v="Shop"/></sharedItems></cacheField>' +
      '<cacheField name="ROI" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" ' +
      'containsNumber="1" minValue="1.1" maxValue="2"/></cacheField>' +
      '<cacheField name="Traffic" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" ' +
      'containsNumber="1" containsInteger="1" minValue="100" maxValue="100"/></cacheField></cacheFields>' +
      "</pivotCacheDefinition>",
  );
  zip.file(
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    `${XML}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
  );
  const records = roi.map((v, i) => `<r><s v="2026-03-0${i + 2}"/><x v="0"/><n v="${v}"/><n v="100"/></r>`).join("");
  zip.file(
    "xl/pivotCache/pivotCacheRecords1.xml",
    `${XML}<pivotCacheRecords xmlns="${NS}" xmlns:r="${R}" count="5">${records}</pivotCacheRecords>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Every part of a package as raw bytes (no text decoding: byte-identical means byte-identical). */
async function bytesOf(data: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("nodebuffer"));
  return out;
}

function changedParts(a: Map<string, Buffer>, b: Map<string, Buffer>): { changed: string[]; added: string[] } {
  const changed = [...a.keys()].filter((k) => !b.has(k) || !a.get(k)!.equals(b.get(k)!)).sort();
  const added = [...b.keys()].filter((k) => !a.has(k)).sort();
  return { changed, added };
}

let input: Buffer;
let flagged: Buffer;
let flaggedSheets: string[];
let firstReason: string;

beforeAll(async () => {
  input = await pivotWorkbook();
  const out = await flagWorkbook(input, { now: new Date(Date.UTC(2026, 2, 9)) });
  flagged = out.data;
  flaggedSheets = out.tables.map((t) => t.sheet);
  firstReason = out.tables[0].result.flags[0].reason.en;
});

describe("a workbook with a pivot table and its pivot cache", () => {
  it("is flagged on the data sheet only, in the cells worked out by hand", async () => {
    expect(flaggedSheets).toEqual(["Data"]);
    expect(firstReason).toBe("ROI 1.4 < 1.5 for 4 days running (Mar 2 – 5)");
    const ws = (await readWorkbook(flagged)).getWorksheet("Data")!;
    const overlay = overlayFills(ws);
    const yellow = ["C2", "C3", "C4", "C5", "C6", "D2"].filter((a) => overlay[a] === "FFFFD966");
    expect(yellow).toEqual(["C2", "C3", "C4", "C5"]);
  });

  it("keeps the pivot table, the pivot cache, their relationships and the pivot sheet byte-identical", async () => {
    const a = await bytesOf(input);
    const b = await bytesOf(flagged);
    for (const p of PIVOT_PARTS) {
      expect({ part: p, present: b.has(p) }).toEqual({ part: p, present: true });
      expect({ part: p, same: a.get(p)!.equals(b.get(p)!) }).toEqual({ part: p, same: true });
    }
    // Only the data sheet, styles and the workbook lists change; the report sheet and the state part are added.
    const d = changedParts(a, b);
    expect(d.changed).toEqual([
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    expect(d.added).toEqual(expect.arrayContaining(["xl/worksheets/sheet3.xml"]));
  });

  it("keeps the workbook's pivot cache list, its relationship and the pivot content types", async () => {
    const b = await bytesOf(flagged);
    const workbook = b.get("xl/workbook.xml")!.toString("utf8");
    expect(workbook).toContain(PIVOT_CACHES);
    expect(workbook.indexOf("</sheets>")).toBeLessThan(workbook.indexOf("<pivotCaches>")); // schema order kept
    expect(b.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).toContain(
      `<Relationship Id="rId4" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>`,
    );
    const types = b.get("[Content_Types].xml")!.toString("utf8");
    for (const part of ["pivotTables/pivotTable1", "pivotCache/pivotCacheDefinition1", "pivotCache/pivotCacheRecords1"])
      expect(types).toContain(`<Override PartName="/xl/${part}.xml"`);
  });

  it("clears back to the original bytes of every part, pivot parts included", async () => {
    const cleared = (await clearWorkbook(flagged)).data;
    const d = changedParts(await bytesOf(input), await bytesOf(cleared));
    expect(d).toEqual({ changed: [], added: [] });
  });

  it("keeps the pivot parts byte-identical when a flagged workbook is flagged again", async () => {
    const again = (await flagWorkbook(flagged, { now: new Date(Date.UTC(2026, 2, 9)) })).data;
    const a = await bytesOf(input);
    const c = await bytesOf(again);
    for (const p of PIVOT_PARTS)
      expect({ part: p, same: a.get(p)!.equals(c.get(p)!) }).toEqual({ part: p, same: true });
  });
});

test("every package written in this file is schema-valid: 0 invalid parts", async () => {
  const { problems, checked } = await outputSchemaProblems(outputs);
  console.log(`schema: ${checked} parts written in ${outputs.length} outputs checked, ${problems.length} invalid`);
  expect(checked).toBeGreaterThan(0);
  expect(problems).toEqual([]);
}, 120000);
