/**
 * A workbook flagged by the previous release's CLI (fills written into the cells, a version 1 state part with the
 * `xf` style indexes: tests/fixtures/legacy/small-flagged-v1.xlsx, see SOURCES.md there) is cleared in the pane: the
 * custom XML part that CLI wrote is put on the simulated host next to the cells as it coloured them, and the
 * adapter's Clear gives back the user's fills. (The current CLI writes conditional formats instead: issue 15.)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { parseState, STATE_NAMESPACE } from "../../../src/core";
import { setup, SMALL_ROWS } from "./helpers";

const YELLOW = "#FFD966";
const ORANGE = "#F4B183";
const USER_GREEN = "#C6EFCE";
const LEGACY = path.join(__dirname, "..", "..", "fixtures", "legacy", "small-flagged-v1.xlsx");

async function statePartsOf(xlsx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const items = Object.keys(zip.files).filter((n) => /^customXml\/item\d+\.xml$/.test(n));
  const xml = await Promise.all(items.map((n) => zip.file(n)!.async("string")));
  return xml.filter((x) => x.includes(STATE_NAMESPACE));
}

it("clears in the pane a workbook the previous release's CLI flagged, from that CLI's own state part", async () => {
  const parts = await statePartsOf(readFileSync(LEGACY));
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
  expect((await gateway.clear()).cells).toBe(4);
  expect(host.fill("Data", "C2")).toBeNull(); // no fill, not white
  expect(host.fill("Data", "C3")).toMatchObject({ pattern: "Solid", color: USER_GREEN });
  expect(host.fill("Data", "C4")).toMatchObject({ pattern: "Solid", color: "#FFFFFF" });
  expect(host.fill("Data", "D3")).toBeNull();
  expect(host.sheets().map((s) => s.name)).toEqual(["Data"]);
  // Nothing was saved on purpose in Settings, so no state part is left behind.
  expect(host.customXmlParts().filter((p) => p.namespaceUri === STATE_NAMESPACE)).toEqual([]);
});
