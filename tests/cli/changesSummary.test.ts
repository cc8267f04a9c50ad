/**
 * Issue 19 in the command's words, without LibreOffice: `flag` on a workbook flagged before (the fixture of
 * tests/cli/fixtures.ts flagged once: three findings) says what changed, alone and among many files, and --json
 * marks every finding; the resolved list of a summary is bounded.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { flagWorkbook } from "../../src/cli/workbook";
import { summaryText } from "../../src/cli/summary";
import { fixtureWorkbook } from "./fixtures";
import { runCli } from "./helpers";

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "gs-changes-cli-"));
  mkdirSync(path.join(dir, "in"));
  const fixture = await fixtureWorkbook();
  writeFileSync(path.join(dir, "in", "a.xlsx"), (await flagWorkbook(fixture)).data);
  writeFileSync(path.join(dir, "in", "b.xlsx"), fixture);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("flag on a flagged workbook, in the command's words", () => {
  it("says the counts and marks every finding continuing (nothing changed since)", async () => {
    const r = await runCli(["flag", path.join(dir, "in", "a.xlsx"), "-o", path.join(dir, "a2.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Since the last flag \(.+\): 0 new, 3 continuing, 0 resolved\.$/m);
    expect(r.out.match(/^Continuing {2,}/gm)).toHaveLength(3);
  });

  it("--json gives each finding's mark and the comparison", async () => {
    const r = await runCli(["flag", path.join(dir, "in", "a.xlsx"), "-o", path.join(dir, "a3.xlsx"), "--json"]);
    const json = JSON.parse(r.out);
    expect(
      json.tables.flatMap((t: { findings: { sinceLastFlag: string }[] }) => t.findings.map((f) => f.sinceLastFlag)),
    ).toEqual(["continuing", "continuing", "continuing"]);
    expect(json.sinceLastFlag).toMatchObject({
      compared: true,
      counts: { new: 0, continuing: 3, resolved: 0 },
      resolved: [],
    });
  });

  it("among many files: the file flagged before says so on its line, the other is unmarked", async () => {
    const r = await runCli(["flag", path.join(dir, "in"), "-o", path.join(dir, "out")]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const a = lines.findIndex((l) => l.includes("a.xlsx →"));
    expect(lines[a + 1]).toMatch(/^ {4}Since the last flag \(.+\): 0 new, 3 continuing, 0 resolved\.$/);
    expect(r.out.match(/^Continuing +a\.xlsx › /gm)).toHaveLength(3);
    expect(r.out.match(/^ {17}b\.xlsx › /gm)).toHaveLength(3);
  });

  it("lists at most 50 resolved runs and counts the rest", async () => {
    const once = await flagWorkbook(readFileSync(path.join(dir, "in", "a.xlsx")));
    const resolved = Array.from({ length: 60 }, (_, i) => ({
      sheet: "Data",
      rule: "traffic-drop" as const,
      channel: `C${i}`,
      first: "2026-03-02",
      last: "2026-03-02",
    }));
    const text = summaryText(once.tables, "en", {
      ...once.changes,
      counts: { ...once.changes.counts, resolved: 60 },
      resolved,
    });
    expect(text).toContain("Since the last flag");
    expect(text.match(/^Data +C\d+ +Traffic drop/gm)).toHaveLength(50);
    expect(text).toContain("And 10 more (all of them in --json).");
  });
});
