/**
 * The report sheet a manager prints (issue 10 §7): landscape, one page wide, the weak-channel header repeated on
 * every page, long texts wrapped, and each weak channel's cells a link to its flagged cells. Schema-valid, and
 * Clear takes the print titles away with the sheet.
 */
import { buildReport } from "../../src/core/report";
import { DEFAULT_CONFIG } from "../../src/core/rules/config";
import { clearWorkbook, flagWorkbook } from "../../src/cli/workbook";
import { fixtureWorkbook } from "./fixtures";
import { partsOf, schemaProblems } from "./helpers";

const NOW = new Date(Date.UTC(2026, 2, 10));

describe("the printed report sheet", () => {
  let flagged: Buffer;
  let parts: Map<string, string>;
  let sheetXml: string;

  beforeAll(async () => {
    flagged = (await flagWorkbook(await fixtureWorkbook(), { now: NOW })).data;
    parts = await partsOf(flagged);
    const workbook = parts.get("xl/workbook.xml") as string;
    expect(workbook).toMatch(/<sheet name="Growth Signals" sheetId="\d+" r:id="rId\d+"\/>/);
    sheetXml = [...parts.entries()].find(([n, x]) => n.startsWith("xl/worksheets/") && x.includes("weak-channel"))![1];
  });

  it("prints on Letter landscape (English), fit to one page wide and as many pages tall as needed, centered, lines around the legend and the table only", () => {
    expect(sheetXml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheetXml).toContain('<pageSetup paperSize="1" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    // no gridlines: thin grey borders around the legend's and the table's cells only (issue 19 §6)
    expect(sheetXml).toContain('<printOptions horizontalCentered="1"/>');
    const styles = parts.get("xl/styles.xml") as string;
    const borders = [...(/<borders [^>]*>(.*?)<\/borders>/.exec(styles)?.[1] ?? "").matchAll(/<border\b/g)].length;
    const thin = '<border><left style="thin"><color rgb="FFBFBFBF"/></left>';
    expect(styles).toContain(thin);
    // the bordered styles: every cell of the table's header row, and no cell of the title row
    const xfs = [...(/<cellXfs [^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(/<xf [^>]*>/g)].map(
      (m) => m[0],
    );
    const bordered = (ref: string) => {
      const s = new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheetXml)?.[1];
      return s !== undefined && xfs[Number(s)].includes(`borderId="${borders - 1}"`);
    };
    expect(["A34", "D34", "H34", "A35", "H37"].map(bordered)).toEqual([true, true, true, true, true]);
    expect(["A1", "A33", "A39"].map(bordered)).toEqual([false, false, false]);
  });

  it("repeats the weak-channel table's header row on every page (a sheet-local _xlnm.Print_Titles), and carries our marker name", () => {
    const report = buildReport([], DEFAULT_CONFIG, "en", NOW);
    // with no findings: title, date, headline, intro, blank (rows 0–4), legend title, header and 5 rules (5–11),
    // blank (12), "Weak channels" (13), then the header: 0-based row 14
    expect(report.headerRow).toBe(14);
    // localSheetId is the report's position among the sheets (after the fixture's two); the fixture's own name stays
    // the fixture's report: two headline lines (orange, yellow) and a page of charts (rows 14–32) above the table
    const headerRow =
      (/<row r="(\d+)"[^>]*><c r="A\d+" s="\d+" t="inlineStr"><is><t>Color<\/t><\/is><\/c><c r="B\d+" s="\d+" t="inlineStr"><is><t>Rule<\/t><\/is><\/c><c r="C\d+" s="\d+" t="inlineStr"><is><t>Channel</.exec(
        sheetXml,
      ) ?? [])[1];
    expect(headerRow).toBe("34");
    const workbook = parts.get("xl/workbook.xml") as string;
    const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets.indexOf("Growth Signals")).toBe(2);
    expect(workbook).toContain(
      '<definedNames><definedName name="ChannelTable">Report!$A$2:$F$10</definedName>' +
        `<definedName name="_xlnm.Print_Titles" localSheetId="2">'Growth Signals'!$${headerRow}:$${headerRow}</definedName>` +
        `<definedName name="GrowthSignals_Report" localSheetId="2" hidden="1">'Growth Signals'!$A$1</definedName></definedNames>`,
    );
  });

  it("links each weak channel's cells to its flagged cells on the data sheet", () => {
    // Channel A's ROI run is in C3, C5, C7 of sheet "Report" (B's rows in between): the link selects C3:C7.
    expect(sheetXml).toMatch(/<hyperlink ref="G\d+" location="'Report'!C3:C7"\/>/);
    // an internal link is a location, no relationship (ExcelJS reads only r:id links, so the XML is checked)
    const links = [...sheetXml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]+)"\/>/g)].map((m) => m[2]);
    expect(links).toEqual(["'Report'!D5", "'Report'!E9", "'Report'!C3:C7"]);
  });

  it("wraps the long texts, merges the notes across the columns and makes their rows tall enough", () => {
    expect(sheetXml).toMatch(/<mergeCells count="\d+"><mergeCell ref="A3:H3"\/>/);
    // the intro (157 characters) over the 8 columns' widths takes more than one 15-point line
    expect(sheetXml).toMatch(/<mergeCell ref="A5:H5"\/>/);
    expect(sheetXml).toMatch(/<row r="5" ht="(30|45)" customHeight="1">/);
    const styles = parts.get("xl/styles.xml") as string;
    expect(styles).toContain('<alignment wrapText="1" vertical="top"/>');
  });

  it("draws a line chart per red and orange weak channel: what its rule compares, by date", () => {
    // the fixture's orange findings are channel A's complaint rate (threshold 1%) and traffic (the mean of the
    // previous values, 1,000, and 70% of it, 700); the yellow ROI run gets no chart. A's values, 2–5 Mar: complaint
    // 0.5%, 1.2%, 0.5%, 0.5%; traffic 1,000 ×3, 600 (the first day has nothing before it: no baseline).
    const charts = [...parts.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();
    expect(charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    const [complaint, traffic] = charts.map((n) => parts.get(n) as string);
    const values = (xml: string, series: number): string[] => {
      const val = xml.split("<c:ser>")[series + 1].split("<c:val>")[1];
      return [...val.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    };
    expect(values(complaint, 0)).toEqual(["0.005", "0.012", "0.005", "0.005"]);
    expect(values(complaint, 1)).toEqual(["0.01", "0.01", "0.01", "0.01"]);
    expect(values(traffic, 0)).toEqual(["1000", "1000", "1000", "600"]);
    expect(values(traffic, 1)).toEqual(["1000", "1000", "1000"]);
    expect(values(traffic, 2)).toEqual(["700", "700", "700"]);
    expect(traffic).toContain("<c:tx><c:v>Limit: 70% of the baseline</c:v></c:tx>");
    expect(complaint).toContain("<a:t>A · Complaint rate high (Report)</a:t>");
    expect(complaint).toContain('<a:prstDash val="dash"/>');
    expect(complaint).toMatch(/<c:cat><c:strLit><c:ptCount val="4"\/><c:pt idx="0"><c:v>Mar 2<\/c:v>/);
    // anchored on the report sheet through its drawing, on a page of their own (a manual break above their title
    // and one above the table's)
    expect(sheetXml).toContain('<drawing r:id="rId1"/>');
    const brk = /<rowBreaks count="2" manualBreakCount="2"><brk id="(\d+)" max="16383" man="1"\/>/.exec(sheetXml);
    const titleRow = new RegExp(`<row r="${Number(brk?.[1]) + 1}"[^>]*>.*?</row>`).exec(sheetXml)?.[0];
    expect(titleRow).toContain("What the rules compare: red and orange weak channels");
    // inside the table's eight columns (A–H: 0–7), the right chart ending inside H
    // (the fixture's own logo drawing is the first; the report's holds the charts)
    const drawing = [...parts.entries()].find(
      ([n, x]) => /^xl\/drawings\/drawing\d+\.xml$/.test(n) && x.includes("<c:chart "),
    )![1];
    const cols = [...drawing.matchAll(/<xdr:col>(\d+)<\/xdr:col>/g)].map((m) => Number(m[1]));
    expect(Math.max(...cols)).toBe(7);
  });

  it("opens on the report: the workbook's active tab is the report, whose tab alone is selected (issue 19 §6)", async () => {
    const workbook = parts.get("xl/workbook.xml") as string;
    const original = (await partsOf(await fixtureWorkbook())).get("xl/workbook.xml") as string;
    // the report is the third sheet (index 2): the view names it, and only its sheet view is selected
    expect(/<workbookView\b[^>]*>/.exec(workbook)?.[0]).toContain('activeTab="2"');
    expect(sheetXml).toMatch(/<sheetView [^>]*tabSelected="1"/);
    const selected = [...parts.entries()].filter(
      ([n, x]) => n.startsWith("xl/worksheets/") && /<sheetView [^>]*tabSelected="(1|true)"/.test(x),
    );
    expect(selected.map(([, x]) => x === sheetXml)).toEqual([true]);
    // nothing else of workbook.xml changed but the view
    const strip = (x: string) =>
      x.replace(/<bookViews>.*<\/bookViews>/, "").replace(/<definedNames>.*<\/definedNames>/, "");
    expect(strip(workbook).replace(/<sheet name="Growth Signals"[^>]*\/>/, "")).toBe(strip(original));
  });

  it("after Clear the workbook opens where it did, its data sheets' views byte for byte as they were", async () => {
    const original = await partsOf(await fixtureWorkbook());
    const cleared = await partsOf((await clearWorkbook(flagged)).data);
    for (const [name, xml] of original)
      if (name.startsWith("xl/worksheets/sheet"))
        expect(/<sheetView\b[^>]*>/.exec(cleared.get(name) as string)?.[0]).toBe(/<sheetView\b[^>]*>/.exec(xml)?.[0]);
    expect(cleared.get("xl/workbook.xml")).toBe(original.get("xl/workbook.xml"));
  });

  it("is schema-valid", async () => {
    expect(await schemaProblems(flagged)).toEqual([]);
  });

  it("goes with its print titles and charts on Clear: workbook.xml and the part list are the original's again", async () => {
    const original = await partsOf(await fixtureWorkbook());
    const cleared = await partsOf((await clearWorkbook(flagged)).data);
    expect(cleared.get("xl/workbook.xml")).toBe(original.get("xl/workbook.xml"));
    // and the charts, the drawing and their relationships and content types with the sheet
    expect([...cleared.keys()].sort()).toEqual([...original.keys()].sort());
    expect(cleared.get("[Content_Types].xml")).toBe(original.get("[Content_Types].xml"));
  });
});
