/**
 * The report's print titles in workbook.xml (issue 10 §7): added as one sheet-local _xlnm.Print_Titles name, and
 * removed with the sheet, the names of the sheets after it moving down one position, the list's original bytes back.
 */
import { addPrintTitles, dropSheetNames } from "../../src/cli/xlsx/definedNames";
import type { XlsxPackage } from "../../src/cli/xlsx/package";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Just workbook.xml, which is all these two functions read and write. */
function pkgOf(xml: string): XlsxPackage & { xml: string } {
  const pkg = {
    workbookPath: "xl/workbook.xml",
    xml,
    async text() {
      return pkg.xml;
    },
    setText(_path: string, text: string) {
      pkg.xml = text;
    },
  };
  return pkg as unknown as XlsxPackage & { xml: string };
}

const SHEETS = `<sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Growth Signals" sheetId="2" r:id="rId2"/></sheets>`;

describe("the report's print titles in workbook.xml", () => {
  it.each([
    [
      "no list (Excel writes none without names)",
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${SHEETS}<calcPr/></workbook>`,
    ],
    [
      "an empty <definedNames/> (openpyxl)",
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${SHEETS}<definedNames/></workbook>`,
    ],
    [
      "a list with the user's names",
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${SHEETS}<definedNames><definedName name="T">Data!$A$1</definedName></definedNames></workbook>`,
    ],
    [
      "a prefixed workbook",
      `<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}">${SHEETS.replace(/<(\/?)sheet/g, "<$1x:sheet")}</x:workbook>`,
    ],
  ])("adds one name and takes it away again byte for byte: %s", async (_name, xml) => {
    const pkg = pkgOf(xml);
    await addPrintTitles(pkg, 1, "Growth Signals", 13, 13);
    expect(pkg.xml).toMatch(
      /<(x:)?definedName name="_xlnm.Print_Titles" localSheetId="1">'Growth Signals'!\$14:\$14<\/(x:)?definedName>/,
    );
    // the list sits right after <sheets>, where CT_Workbook wants it
    expect(pkg.xml).toMatch(/<\/(x:)?sheets><(x:)?definedNames/);
    await dropSheetNames(pkg, 1);
    expect(pkg.xml).toBe(xml);
  });

  it("moves the names of the sheets after a removed one down by one and keeps the others", async () => {
    const names =
      `<definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$C$9</definedName>` +
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Growth Signals'!$14:$14</definedName>` +
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">Later!$1:$1</definedName>` +
      `<definedName name="Total">Data!$C$9</definedName>`;
    const pkg = pkgOf(`<workbook xmlns="${MAIN}"><sheets/><definedNames>${names}</definedNames></workbook>`);
    await dropSheetNames(pkg, 1);
    expect(pkg.xml).toBe(
      `<workbook xmlns="${MAIN}"><sheets/><definedNames>` +
        `<definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$C$9</definedName>` +
        `<definedName name="_xlnm.Print_Titles" localSheetId="1">Later!$1:$1</definedName>` +
        `<definedName name="Total">Data!$C$9</definedName></definedNames></workbook>`,
    );
  });
});
