/** The string-level package layer: sheet scanning, style edits, colour resolution and part paths. */
import { parseThemeColours, resolveColour } from "../../src/cli/xlsx/colours";
import { relativeTarget, resolveTarget } from "../../src/cli/xlsx/package";
import { parseSharedStrings } from "../../src/cli/xlsx/sharedStrings";
import { readSheet, restyleCells } from "../../src/cli/xlsx/sheet";
import { savedFillXml, StylesEditor } from "../../src/cli/xlsx/styles";

const sheet = (body: string, prefix = ""): string =>
  `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? ":" + prefix.slice(0, -1) : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetData>${body}</${prefix}sheetData></${prefix}worksheet>`;

describe("readSheet", () => {
  it("reads shared and inline strings, numbers, booleans, errors and cached formula values", () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><r><t>Tra</t></r><r><t>ffic</t></r></is></c></row>' +
        '<row r="3"><c r="A3" s="2"><v>46083</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#DIV/0!</v></c>' +
        '<c r="D3" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c><c r="E3"><f>1+1</f><v>2</v></c><c r="F3"/></row>',
    );
    const { rows, maxCol } = readSheet(xml, ["Date", "Channel"]);
    expect(rows[0].slice(0, 2)).toEqual(["Channel", "Traffic"]);
    expect(rows[1]).toBeUndefined();
    expect([rows[2][0], rows[2][1], rows[2][2], rows[2][3], rows[2][4], rows[2][5]]).toEqual([
      46083,
      true,
      "#DIV/0!",
      "a&b",
      2,
      undefined,
    ]);
    expect(maxCol).toBe(4);
  });

  it("places cells and rows written without r attributes by their order, and accepts an x: prefix", () => {
    const xml = sheet(
      '<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c></x:row>',
      "x:",
    );
    const { rows } = readSheet(xml, []);
    expect(rows[0]).toEqual([1, 2]);
    expect(rows[1][2]).toBe(3);
  });

  it('reads ISO date cells (t="d") as dates', () => {
    const { rows } = readSheet(sheet('<row r="1"><c r="A1" t="d"><v>2026-03-02</v></c></row>'), []);
    expect((rows[0][0] as Date).toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });
});

describe("restyleCells", () => {
  const xml = sheet('<row r="1"><c r="A1" s="3"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1" s="3"><v>3</v></c></row>');

  it("rewrites only the style attribute of the targeted cells", () => {
    const out = restyleCells(
      xml,
      new Map([
        ["A1", (s: number) => s + 10],
        ["B1", () => 7],
        ["Z9", () => 1],
      ]),
    );
    expect(out.xml).toBe(
      xml.replace('<c r="A1" s="3">', '<c r="A1" s="13">').replace('<c r="B1">', '<c r="B1" s="7">'),
    );
    expect([...out.found].sort()).toEqual(["A1", "B1"]);
  });

  it("drops s when restoring style 0, giving back the original bytes", () => {
    const flagged = restyleCells(xml, new Map([["B1", () => 7]])).xml;
    expect(restyleCells(flagged, new Map([["B1", () => 0]])).xml).toBe(xml);
  });
});

const THEME =
  '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>' +
  '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>' +
  '<a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3>' +
  '<a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6>' +
  '<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme></a:themeElements></a:theme>';

describe("colours", () => {
  it("orders theme colours as Excel indexes them (0 = lt1, 1 = dk1, 4 = accent1)", () => {
    const theme = parseThemeColours(THEME);
    expect(theme.slice(0, 5)).toEqual(["FFFFFF", "000000", "E7E6E6", "44546A", "4472C4"]);
    expect(resolveColour('<fgColor theme="5" tint="0.39997558519241921"/>', theme)).toEqual({
      color: "#ED7D31",
      tintAndShade: 0.39997558519241921,
    });
  });

  it("resolves rgb (dropping alpha) and the legacy indexed palette", () => {
    expect(resolveColour('<fgColor rgb="FFc6efce"/>', [])).toEqual({ color: "#C6EFCE" });
    expect(resolveColour('<fgColor indexed="10"/>', [])).toEqual({ color: "#FF0000" });
    expect(resolveColour('<bgColor indexed="64"/>', [])).toEqual({});
  });
});

const STYLES =
  '<?xml version="1.0"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor theme="4" tint="-0.25"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="darkGrid"><fgColor rgb="FF00B050"/><bgColor rgb="FFFFFF00"/></patternFill></fill>' +
  '<fill><gradientFill degree="90"><stop position="0"><color rgb="FF000000"/></stop><stop position="1"><color rgb="FFFFFFFF"/></stop></gradientFill></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">\n  <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\n  <xf numFmtId="10" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>\n' +
  '  <xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0"/>\n  <xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0"/>\n' +
  '  <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf>\n</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

describe("StylesEditor", () => {
  const theme = parseThemeColours(THEME);

  it("describes each original fill: none, solid theme colour with tint, other pattern, gradient", () => {
    const s = new StylesEditor(STYLES, theme);
    expect(s.describeFill(0)).toEqual({ pattern: "none" });
    expect(s.describeFill(1)).toEqual({ pattern: "solid", color: "#4472C4", tintAndShade: -0.25 });
    expect(s.describeFill(2)).toEqual({ pattern: "darkGrid", color: "#FFFF00", patternColor: "#00B050" });
    expect(s.describeFill(3)).toEqual({ pattern: "gradient" });
  });

  it("creates one copied xf per (original xf, colour) pair and one fill per colour", () => {
    const s = new StylesEditor(STYLES, theme);
    const a = s.withSolidFill(4, "#FFD966");
    expect(s.withSolidFill(4, "#FFD966")).toBe(a);
    const b = s.withSolidFill(1, "#FFD966");
    const c = s.withSolidFill(4, "#FF7C80");
    expect([a, b, c]).toEqual([5, 6, 7]);
    const xml = s.toXml();
    expect(xml).toContain('<fills count="7">');
    expect(xml).toContain('<cellXfs count="8">');
    // The copy keeps the number format and alignment of xf 4, with the new fill.
    expect(xml).toContain(
      '<xf numFmtId="14" fontId="0" fillId="5" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment horizontal="center"/></xf>',
    );
    expect(xml).toContain(
      '<fill><patternFill patternType="solid"><fgColor rgb="FFFFD966"/><bgColor indexed="64"/></patternFill></fill>',
    );
  });

  it("trims the entries it added once they are unused, giving back the original part byte for byte", () => {
    const s = new StylesEditor(STYLES, theme);
    const added = [s.withSolidFill(0, "#FFD966"), s.withSolidFill(2, "#F4B183"), s.reportStyle(true, "#FF7C80")];
    const edited = s.toXml();
    const t = new StylesEditor(edited, theme);
    t.trimUnused(new Set(added), new Set([0, 1, 2, 3, 4]));
    expect(t.toXml()).toBe(STYLES);
  });

  it("keeps an added entry that a cell still uses", () => {
    const s = new StylesEditor(STYLES, theme);
    const a = s.withSolidFill(0, "#FFD966");
    const b = s.withSolidFill(0, "#F4B183");
    const t = new StylesEditor(s.toXml(), theme);
    t.trimUnused(new Set([a, b]), new Set([a]));
    expect(t.xfCount).toBe(6);
  });
});

describe("savedFillXml", () => {
  it("draws fills from saved descriptions, including Office.js pattern names", () => {
    expect(savedFillXml({ pattern: "none" })).toBe('<fill><patternFill patternType="none"/></fill>');
    expect(savedFillXml({ pattern: "solid", color: "#C6EFCE", tintAndShade: 0.4 })).toBe(
      '<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE" tint="0.4"/><bgColor indexed="64"/></patternFill></fill>',
    );
    expect(savedFillXml({ pattern: "Gray125", color: "#FFFFFF", patternColor: "#000000" })).toBe(
      '<fill><patternFill patternType="gray125"><fgColor rgb="FF000000"/><bgColor rgb="FFFFFFFF"/></patternFill></fill>',
    );
  });
});

describe("part paths and shared strings", () => {
  it("resolves relationship targets and writes them back relative", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/workbook.xml", "../customXml/item1.xml")).toBe("customXml/item1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/styles.xml")).toBe("xl/styles.xml");
    expect(relativeTarget("xl/workbook.xml", "customXml/item1.xml")).toBe("../customXml/item1.xml");
    expect(relativeTarget("customXml/item1.xml", "customXml/itemProps1.xml")).toBe("itemProps1.xml");
  });

  it("joins rich-text runs and drops phonetic runs", () => {
    const xml =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Date</t></si><si><r><t>R</t></r><r><rPr><b/></rPr><t xml:space="preserve">OI </t></r></si>' +
      '<si><t>渠道</t><rPh sb="0" eb="2"><t>qudao</t></rPh></si><si><t>a &amp; b</t></si><si/></sst>';
    expect(parseSharedStrings(xml)).toEqual(["Date", "ROI ", "渠道", "a & b", ""]);
  });
});
