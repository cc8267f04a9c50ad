/**
 * Issue 17 §2: the exports corpus (tests/fixtures/exports, formats cited in its SOURCES.md) flagged end to end by
 * `growth-signals flag`: each file's planted weak spots colour exactly the cells expected.json lists (worked by hand
 * from the plants in generate.ts), the output read back by ExcelJS, another program's reader; totals rows are named
 * in the notes and never coloured; a derived metric says so; a file that is no channel report is refused.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { overlayFills, readWorkbook, runCli } from "./helpers";

const DIR = path.join(__dirname, "..", "fixtures", "exports");

interface Entry {
  file: string;
  platform: string;
  encoding: string;
  header: string;
  cells: Record<string, "yellow" | "orange" | "red">;
  totals?: string[];
  derived?: string;
  refused?: boolean;
}
const EXPECTED = JSON.parse(readFileSync(path.join(DIR, "expected.json"), "utf8")) as { files: Entry[] };
const ARGB: Record<string, string> = { FFFFD966: "yellow", FFF4B183: "orange", FFFF7C80: "red" };

let out: string;
beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), "gs-exports-"));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(args);

jest.setTimeout(60000);

describe("the exports corpus, flagged by the CLI (issue 17)", () => {
  it.each(EXPECTED.files.filter((e) => !e.refused).map((e) => [e.file, e] as const))(
    "%s: the planted cells and no others",
    async (_name, entry) => {
      const target = path.join(out, `${entry.file}.flagged.xlsx`);
      const r = await run("flag", path.join(DIR, entry.file), "-o", target, "--json");
      expect([r.code, r.err]).toEqual([0, ""]);
      const json = JSON.parse(r.out) as {
        tables: {
          sheet: string;
          warnings: { code: string; message: { en: string } }[];
          checks: { ran: boolean; source?: string; metric: string }[];
        }[];
      };
      const wb = await readWorkbook(readFileSync(target));
      const table = json.tables[0];
      const coloured: Record<string, string> = {};
      for (const [cell, argb] of Object.entries(overlayFills(wb.getWorksheet(table.sheet)!)))
        coloured[cell] = ARGB[argb] ?? argb;
      expect(coloured).toEqual(entry.cells);

      // §3: what was checked is in the result; totals and derived metrics are in the notes
      expect(table.checks.some((c) => c.ran)).toBe(true);
      const notes = table.warnings.map((w) => w.message.en).join("\n");
      for (const label of entry.totals ?? []) expect(notes).toContain(`“${label}”`);
      const derived = table.checks.filter((c) => c.source === "derived").map((c) => c.metric);
      expect(derived.sort()).toEqual((entry.derived?.split(" ") ?? []).sort());
    },
  );

  it("refuses the finance sheet rate | nper | pmt | pv in one sentence and writes nothing", async () => {
    const target = path.join(out, "finance.xlsx");
    const r = await run("flag", path.join(DIR, "finance-not-a-report.xlsx"), "-o", target);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^growth-signals: finance-not-a-report\.xlsx: no channel table found in any sheet/);
    expect(r.err).toContain("(a channel report needs a date or channel column and a metric column");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(existsSync(target)).toBe(false);
  });

  it("the summary says which rules ran on which columns, and that ROI was derived", async () => {
    const r = await run("flag", path.join(DIR, "meta-ads-manager.csv"), "-o", path.join(out, "meta-summary.xlsx"));
    expect(r.out).toContain(
      "checked: Rules run: ROI below benchmark on “Purchases conversion value ÷ Amount spent (USD)” (H ÷ E, derived); Traffic drop on “Link clicks” (F, found).",
    );
    expect(r.out).toContain("(derived: ROI 1 = revenue 200 ÷ cost 200, Nov 7)");
  });
});
