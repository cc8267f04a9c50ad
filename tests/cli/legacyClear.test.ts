/**
 * Workbooks flagged by the previous release (warning fills written into the cells, a version 1 state part keyed by
 * sheet name and A1 address; tests/fixtures/legacy, see SOURCES.md) still clear safely (issue 15 §1): a cell is
 * restored only while it holds exactly the warning fill that flag wrote, its fill (not a style index) is put back on
 * the style it has now, every cell that cannot be matched is left as it is and reported, and the originals not
 * applied stay saved. Edits are made by LibreOffice (Python-UNO), the same edit on the unflagged sample alongside.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { readStatePart, type OverlayState } from "../../src/core/overlayState";
import { STATE_NAMESPACE } from "../../src/core/state";
import { clearWorkbook, flagWorkbook } from "../../src/cli/workbook";
import { libreOfficeAvailable, runLibreOffice, type LoOp } from "../helpers/libreoffice";
import { ownFormat, partsOf, readWorkbook } from "./helpers";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "channel-report.xlsx");
const LEGACY = path.join(__dirname, "..", "fixtures", "legacy", "sample-flagged-v1.xlsx");
/** The previous release's default warning fills (README), as ExcelJS reads them. */
const WARNING = new Set(["FFFF7C80", "FFF4B183", "FFFFD966"]);
const LO = libreOfficeAvailable();
if (!LO) console.warn("LibreOffice with python3-uno is not installed: the legacy edit tests are skipped.");

function own(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => out.set(c.address, ownFormat(c))),
  );
  return out;
}

/** "Sheet!A1" of every cell whose value or own format differs (sheets of `a` looked up in `b` by name). */
function differences(a: ExcelJS.Workbook, b: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name);
    if (!wb) continue;
    const [x, y] = [own(wa), own(wb)];
    for (const k of new Set([...x.keys(), ...y.keys()])) if (x.get(k) !== y.get(k)) out.push(`${wa.name}!${k}`);
  }
  return out.sort();
}

/** Cells of the data sheets (not a report) whose own fill is one of the previous release's warning fills. */
function warningFilled(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets.filter((w) => w.name !== "Growth Signals"))
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const f = c.fill as ExcelJS.FillPattern | undefined;
        const argb = (f?.fgColor as { argb?: string } | undefined)?.argb;
        if (f?.pattern === "solid" && argb && WARNING.has(argb)) out.push(`${ws.name}!${c.address}`);
      }),
    );
  return out.sort();
}

async function stateOf(data: Uint8Array): Promise<OverlayState | null> {
  for (const [name, xml] of await partsOf(data))
    if (name.startsWith("customXml/item") && xml.includes(STATE_NAMESPACE)) {
      const r = readStatePart(xml);
      return r && "state" in r ? r.state : null;
    }
  return null;
}

describe("a workbook flagged by the previous release, cleared as it is", () => {
  it("gets every cell's own format back, its report removed and no state left", async () => {
    const legacy = readFileSync(LEGACY);
    expect(warningFilled(await readWorkbook(legacy))).toHaveLength(50);
    const cleared = await clearWorkbook(legacy);
    expect(cleared.restored).toBe(50);
    expect(cleared.legacyLeft).toBe(0);
    expect(cleared.notes).toEqual([]);
    expect(cleared.removedSheets).toEqual(["Growth Signals"]);
    const [c, u] = [await readWorkbook(cleared.data), await readWorkbook(readFileSync(SAMPLE))];
    expect(differences(u, c)).toEqual([]);
    expect(c.worksheets.map((w) => w.name)).toEqual(u.worksheets.map((w) => w.name));
    expect(await stateOf(cleared.data)).toBeNull();
  });

  it("is flagged as the overlay: the old fills go, the new rules come, nothing owed is carried", async () => {
    const again = await flagWorkbook(readFileSync(LEGACY), { now: new Date(Date.UTC(2026, 2, 9)) });
    const fresh = await flagWorkbook(readFileSync(SAMPLE), { now: new Date(Date.UTC(2026, 2, 9)) });
    const [a, b] = [await readWorkbook(again.data), await readWorkbook(fresh.data)];
    expect(warningFilled(a)).toEqual([]);
    expect(differences(b, a)).toEqual([]);
    expect((await stateOf(again.data))?.legacy).toBeUndefined();
  });
});

const EDITS: Record<string, LoOp[]> = {
  "opened and saved in LibreOffice (style indexes renumbered)": [],
  "a fill of the user's own on a coloured cell": [{ op: "fill", sheet: "Daily", cell: "E64", color: "#00B0F0" }],
  "3 rows inserted above row 100": [{ op: "insertRows", sheet: "Daily", before: 100, count: 3 }],
  "the data sheet renamed": [{ op: "renameSheet", from: "Daily", to: "Daily 2026" }],
};

(LO ? describe : describe.skip)(
  "a workbook flagged by the previous release, edited in LibreOffice, then cleared",
  () => {
    let dir: string;
    const edited = new Map<string, { flagged: Buffer; unflagged: Buffer }>();
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), "gs-legacy-"));
      const names = Object.keys(EDITS);
      runLibreOffice(
        names.flatMap((n, i) => [
          { input: LEGACY, output: path.join(dir, `f${i}.xlsx`), ops: EDITS[n] },
          { input: SAMPLE, output: path.join(dir, `u${i}.xlsx`), ops: EDITS[n] },
        ]),
      );
      names.forEach((n, i) =>
        edited.set(n, {
          flagged: readFileSync(path.join(dir, `f${i}.xlsx`)),
          unflagged: readFileSync(path.join(dir, `u${i}.xlsx`)),
        }),
      );
    }, 300_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("after an open and save, restores the fills (not the stale style indexes): every format as the unflagged save", async () => {
      const e = edited.get("opened and saved in LibreOffice (style indexes renumbered)")!;
      const cleared = await clearWorkbook(e.flagged);
      expect([cleared.restored, cleared.legacyLeft]).toEqual([50, 0]);
      expect(differences(await readWorkbook(e.unflagged), await readWorkbook(cleared.data))).toEqual([]);
      expect(cleared.removedSheets).toEqual(["Growth Signals"]);
    });

    it("leaves the user's own fill, reports that cell and keeps its original saved; restores the other 49", async () => {
      const e = edited.get("a fill of the user's own on a coloured cell")!;
      const cleared = await clearWorkbook(e.flagged);
      expect([cleared.restored, cleared.legacyLeft]).toEqual([49, 1]);
      expect(cleared.notes.map((n) => n.en)).toEqual([
        "1 cell colored by the previous version no longer holds the warning fill or is on a sheet that is gone (Daily!E64), so it was left as it is; the original fills stay saved in the workbook.",
      ]);
      const c = await readWorkbook(cleared.data);
      expect(differences(await readWorkbook(e.unflagged), c)).toEqual([]);
      expect((c.getWorksheet("Daily")!.getCell("E64").fill as ExcelJS.FillPattern).fgColor).toEqual({
        argb: "FF00B0F0",
      });
      expect((await stateOf(cleared.data))?.legacy?.originals.map((o) => `${o.sheet}!${o.address}`)).toEqual([
        "Daily!E64",
      ]);
    });

    it("Flag carries the original it could not apply into its own record, and a later Clear still owes it", async () => {
      const e = edited.get("a fill of the user's own on a coloured cell")!;
      const flagged = await flagWorkbook(e.flagged, { now: new Date(Date.UTC(2026, 2, 9)) });
      expect(flagged.notes.map((n) => n.en)).toEqual([
        expect.stringMatching(/^1 cell colored by the previous version/),
      ]);
      expect((await stateOf(flagged.data))?.legacy?.originals.map((o) => `${o.sheet}!${o.address}`)).toEqual([
        "Daily!E64",
      ]);
      const cleared = await clearWorkbook(flagged.data);
      expect(cleared.legacyLeft).toBe(1);
      expect(warningFilled(await readWorkbook(cleared.data))).toEqual([]);
      expect((await stateOf(cleared.data))?.legacy?.originals).toHaveLength(1);
    });

    it("after 3 inserted rows, repaints no other row: only the moved warning cells differ, each left and reported", async () => {
      const e = edited.get("3 rows inserted above row 100")!;
      const cleared = await clearWorkbook(e.flagged);
      const c = await readWorkbook(cleared.data);
      const diff = differences(await readWorkbook(e.unflagged), c);
      // the cells that moved below row 100 still hold their warning fill, at their new addresses
      expect(diff).toEqual(warningFilled(c));
      expect(diff.length).toBeGreaterThan(0);
      expect(diff.every((a) => Number(/\d+$/.exec(a)![0]) >= 103)).toBe(true);
      expect(cleared.legacyLeft).toBe(diff.length);
      expect(cleared.restored).toBe(50 - diff.length);
      expect((await stateOf(cleared.data))?.legacy?.originals).toHaveLength(diff.length);
    });

    it("after a sheet rename, leaves that sheet's cells coloured and reported, restores the other sheet's", async () => {
      const e = edited.get("the data sheet renamed")!;
      const cleared = await clearWorkbook(e.flagged);
      expect([cleared.restored, cleared.legacyLeft]).toEqual([9, 41]);
      const c = await readWorkbook(cleared.data);
      expect(warningFilled(c).every((a) => a.startsWith("Daily 2026!"))).toBe(true);
      expect(differences(await readWorkbook(e.unflagged), c)).toEqual(warningFilled(c));
      expect(c.worksheets.map((w) => w.name)).toEqual(["Daily 2026", "周报"]);
      expect((await stateOf(cleared.data))?.legacy?.originals).toHaveLength(41);
    });
  },
);
