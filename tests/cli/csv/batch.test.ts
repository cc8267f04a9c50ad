/**
 * Many files at once (issue 17 §4): `flag a.csv b.xlsx reports/ -o out/`. The expected cells are the fixture's
 * (tests/cli/fixtures.ts, worked out by hand there) and the CSV's planted run (ROI 1.2, 1.3, 1.1 of channel B on
 * days 3–5: three periods below 1.5, rows 4–6 of the file).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXPECTED_FLAGS, fixtureWorkbook } from "../fixtures";
import { overlayFills, readWorkbook, runCli } from "../helpers";

let dir: string;
let xlsx: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "gs-batch-"));
  xlsx = await fixtureWorkbook();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (isTTY: boolean, ...args: string[]) => runCli(args, isTTY);

/** A two-channel daily CSV: B's ROI below 1.5 on days 3–5 (lines 4–6; line 1 is the header). */
const CSV = [
  "Date,Channel,ROI",
  "2026-11-01,B,2.0",
  "2026-11-02,B,2.1",
  "2026-11-03,B,1.2",
  "2026-11-04,B,1.3",
  "2026-11-05,B,1.1",
  "2026-11-06,B,2.2",
].join("\n");

/** Cells in a warning colour: the conditional formats Flag lays over them (issue 15). */
function colouredCells(ws: import("exceljs").Worksheet): string[] {
  return Object.keys(overlayFills(ws)).sort();
}

function setup(name: string): { root: string } {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, "reports"), { recursive: true });
  writeFileSync(path.join(root, "a.csv"), CSV);
  writeFileSync(path.join(root, "reports", "b.xlsx"), xlsx);
  writeFileSync(path.join(root, "reports", "a.xlsx"), xlsx); // same output name as a.csv
  writeFileSync(path.join(root, "reports", "~$b.xlsx"), "lock file of Excel"); // skipped
  writeFileSync(path.join(root, "reports", "notes.md"), "# not a report"); // skipped
  writeFileSync(path.join(root, "bad.csv"), "just,some\ntext,here\n"); // no channel table
  return { root };
}

describe("flag many files into a folder", () => {
  it("flags each into out/, reports a failure without stopping, one summary, exit 1", async () => {
    const { root } = setup("mixed");
    const out = path.join(root, "out");
    const inputs = ["a.csv", "bad.csv", "reports", "missing.csv"].map((f) => path.join(root, f));
    const before = readFileSync(path.join(root, "a.csv"));
    const r = await run(false, "flag", ...inputs, "-o", out + path.sep);
    expect(r.code).toBe(1);
    expect(r.err).toBe(""); // no progress lines when stderr is not a terminal
    expect(readdirSync(out).sort()).toEqual(["a (2).xlsx", "a.xlsx", "b.xlsx"]);
    expect(r.out).toMatch(/^Flagged 3 of 5 files into .*out.; 2 failed\./);
    expect(r.out).toMatch(/✗ .*bad\.csv: no channel table found/);
    expect(r.out).toMatch(/✗ .*missing\.csv does not exist\./);
    expect(r.out).toMatch(/Read a\.csv: UTF-8 \(detected\), comma-separated/);
    // one combined table: each finding's sheet named with its file
    expect(r.out).toMatch(/a\.csv › a\s+B\s+Yellow\s+ROI below benchmark\s+3\s+C4:C6/);
    expect(r.out).toMatch(/b\.xlsx › Report\s+A\s+Yellow\s+ROI below benchmark\s+3\s+C3, C5, C7/);
    expect(readFileSync(path.join(root, "a.csv")).equals(before)).toBe(true);

    const csvOut = await readWorkbook(readFileSync(path.join(out, "a.xlsx")));
    expect(colouredCells(csvOut.worksheets[0])).toEqual(["C4", "C5", "C6"]);
    for (const name of ["b.xlsx", "a (2).xlsx"]) {
      const wb = await readWorkbook(readFileSync(path.join(out, name)));
      expect(colouredCells(wb.getWorksheet("Report")!)).toEqual(Object.keys(EXPECTED_FLAGS).sort());
    }
    expect(readdirSync(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("prints a progress line per file on a terminal, and exits 0 when all pass", async () => {
    const { root } = setup("tty");
    const r = await run(true, "flag", path.join(root, "a.csv"), path.join(root, "reports"), "-o", path.join(root, "o"));
    expect(r.code).toBe(0);
    const finals = r.err
      .split("\n")
      .filter((l) => l !== "")
      // eslint-disable-next-line no-control-regex -- the terminal's erase-line sequence
      .map((l) => l.replace(/^[\s\S]*\r\u001b\[2K/, ""));
    expect(finals).toEqual([
      expect.stringMatching(/^\[1\/3\] a\.csv: 3 cells colored → .*a\.xlsx$/),
      expect.stringMatching(/^\[2\/3\] a\.xlsx: 5 cells colored → .*a \(2\)\.xlsx$/),
      expect.stringMatching(/^\[3\/3\] b\.xlsx: 5 cells colored → .*b\.xlsx$/),
    ]);
    expect(r.out).toMatch(/^Flagged 3 of 3 files into /);
  });

  it("applies --encoding to the CSV files of a batch and leaves its workbooks alone", async () => {
    const { root } = setup("encoding");
    const r = await run(
      false,
      "flag",
      path.join(root, "a.csv"),
      path.join(root, "reports", "b.xlsx"),
      "-o",
      path.join(root, "e"),
      "--encoding",
      "windows-1252",
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Read a\.csv: Windows-1252 \(--encoding\)/);
    expect(readdirSync(path.join(root, "e")).sort()).toEqual(["a.xlsx", "b.xlsx"]);
  });

  it("--json gives every file and the totals", async () => {
    const { root } = setup("json");
    const r = await run(
      false,
      "flag",
      path.join(root, "a.csv"),
      path.join(root, "bad.csv"),
      "-o",
      path.join(root, "j"),
      "--json",
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as {
      summary: Record<string, number>;
      files: { input: string; ok: boolean; error?: string; summary?: { cellsColoured: number }; source?: unknown }[];
    };
    expect(json.summary).toMatchObject({ files: 2, flagged: 1, failed: 1, cellsColoured: 3, findings: 1 });
    expect(json.files[0]).toMatchObject({ ok: true, summary: { cellsColoured: 3 }, source: { encoding: "utf-8" } });
    expect(json.files[1]).toMatchObject({ ok: false, error: expect.stringMatching(/no channel table found/) });
  });

  it("refuses -o naming a file, and never writes into the input's place", async () => {
    const { root } = setup("refuse");
    const file = path.join(root, "a.csv");
    let r = await run(false, "flag", file, path.join(root, "bad.csv"), "-o", file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/-o .*a\.csv is a file; with several inputs or a folder, -o names a folder\./);
    // the folder itself as output: each workbook would overwrite its input, so each is refused
    r = await run(false, "flag", path.join(root, "reports"), "-o", path.join(root, "reports"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/is the input file; choose another -o path/);
    expect(readFileSync(path.join(root, "reports", "b.xlsx")).equals(xlsx)).toBe(true);
    expect(existsSync(path.join(root, "reports", "b (2).xlsx"))).toBe(false);
  });
});
