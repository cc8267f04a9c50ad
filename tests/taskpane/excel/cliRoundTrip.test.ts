/**
 * A workbook flagged by the real CLI code (src/cli/workbook.ts flagWorkbook on an .xlsx) is cleared in the pane: the
 * custom XML part the CLI wrote, `xf` style indexes and all, is put on the simulated host next to the cells as the
 * CLI coloured them, and the adapter's Clear gives back the user's fills.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseState, STATE_NAMESPACE } from "../../../src/core";
import { flagWorkbook } from "../../../src/cli/workbook";
import { setup, SMALL_ROWS } from "./helpers";

const YELLOW = "#FFD966";
const ORANGE = "#F4B183";
const USER_GREEN = "#C6EFCE";

async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  for (const row of SMALL_ROWS) ws.addRow(row);
  // C2 no fill; C3 the user's green; C4 a real white; D3 no fill.
  ws.getCell("C3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } };
  ws.getCell("C4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFFF" } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function statePartsOf(xlsx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const items = Object.keys(zip.files).filter((n) => /^customXml\/item\d+\.xml$/.test(n));
  const xml = await Promise.all(items.map((n) => zip.file(n)!.async("string")));
  return xml.filter((x) => x.includes(STATE_NAMESPACE));
}

it("clears in the pane a workbook the CLI flagged, from the CLI's own state part", async () => {
  const flagged = await flagWorkbook(await userWorkbook(), { now: new Date("2026-03-06T00:00:00Z") });
  const parts = await statePartsOf(flagged.data);
  expect(parts).toHaveLength(1);
  const state = parseState(parts[0])!;
  // By hand (tests/taskpane/excel/helpers.ts): the CLI coloured C2:C4 and D3, and kept each cell's style index.
  expect(state.originals.map((c) => c.address).sort()).toEqual(["C2", "C3", "C4", "D3"]);
  expect(state.originals.every((c) => typeof c.xf === "number")).toBe(true);
  expect(state.addedSheets).toEqual(["Growth Signals"]);

  const { host, gateway } = setup({
    sheets: [
      { name: "Data", rows: SMALL_ROWS, fills: { "C2:C4": YELLOW, D3: ORANGE } },
      { name: "Growth Signals", rows: [["Growth Signals — weak-channel report"]] },
    ],
    customXmlParts: parts,
  });
  expect(await gateway.clear()).toBe(4);
  expect(host.fill("Data", "C2")).toBeNull(); // no fill, not white
  expect(host.fill("Data", "C3")).toMatchObject({ pattern: "Solid", color: USER_GREEN });
  expect(host.fill("Data", "C4")).toMatchObject({ pattern: "Solid", color: "#FFFFFF" });
  expect(host.fill("Data", "D3")).toBeNull();
  expect(host.sheets().map((s) => s.name)).toEqual(["Data"]);
  // Nothing was saved on purpose in Settings, so no state part is left behind.
  expect(host.customXmlParts().filter((p) => p.namespaceUri === STATE_NAMESPACE)).toEqual([]);
});
