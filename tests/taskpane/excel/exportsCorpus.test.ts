/**
 * Issue 17: the pane flags the exports corpus (tests/fixtures/exports) opened as sheets in the simulated host and
 * colours exactly the cells expected.json lists, the same cells the CLI colours (tests/cli/exportsCorpus.test.ts).
 * An .xlsx opens as it is (values read by ExcelJS); a CSV opens as the CLI reads it into a sheet (line N of the
 * file is row N), the values read back by ExcelJS from the CLI's output.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main, type Io } from "../../../src/cli/main";
import type { SimInputValue } from "../../../tools/excel-sim";
import { flagSelection, setup } from "./helpers";

const DIR = path.join(__dirname, "..", "..", "fixtures", "exports");

interface Entry {
  file: string;
  header: string;
  cells: Record<string, string>;
  refused?: boolean;
}
const EXPECTED = JSON.parse(readFileSync(path.join(DIR, "expected.json"), "utf8")) as { files: Entry[] };
const COLOUR: Record<string, string> = { FFD966: "yellow", F4B183: "orange", FF7C80: "red" };

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "gs-pane-exports-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

jest.setTimeout(60000);

/** The sheet a file opens as: its name and values by row (row 1 first). */
async function openAsSheet(file: string): Promise<{ name: string; rows: SimInputValue[][] }> {
  let source = path.join(DIR, file);
  if (file.endsWith(".csv")) {
    const out = path.join(tmp, `${file}.xlsx`);
    const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false } as unknown as Io;
    expect(await main(["flag", source, "-o", out], io)).toBe(0);
    source = out;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const ws = wb.worksheets[0];
  const rows: SimInputValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const values: SimInputValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      values[c - 1] =
        v === null || v === undefined
          ? null
          : v instanceof Date || typeof v === "number" || typeof v === "string" || typeof v === "boolean"
            ? v
            : String(cell.text);
    });
    rows[r - 1] = Array.from(values, (v) => v ?? null);
  });
  return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
}

const letters = (n: number): string =>
  (n >= 26 ? letters(Math.floor(n / 26) - 1) : "") + String.fromCharCode(65 + (n % 26));

describe("the exports corpus in the pane (issue 17)", () => {
  it.each(EXPECTED.files.filter((e) => !e.refused).map((e) => [e.file, e] as const))(
    "%s: the pane colours the planted cells and no others",
    async (_name, entry) => {
      const sheet = await openAsSheet(entry.file);
      const { host, gateway } = setup({
        sheets: [{ name: sheet.name, rows: sheet.rows }],
        selection: { sheet: sheet.name, address: entry.header },
      });
      const out = await flagSelection(gateway);
      expect(out.tables).toHaveLength(1);
      const coloured: Record<string, string> = {};
      const width = Math.max(...sheet.rows.map((r) => r.length));
      for (let r = 0; r < sheet.rows.length; r++)
        for (let c = 0; c < width; c++) {
          const color = host.displayedColor(sheet.name, r, c);
          if (color) coloured[`${letters(c)}${r + 1}`] = COLOUR[color.replace("#", "").toUpperCase()] ?? color;
        }
      expect(coloured).toEqual(entry.cells);
    },
  );
});
