/**
 * Workbooks written by other software (tests/fixtures/real, see SOURCES.md there): flag then clear each one.
 * Exit 0 or one clear sentence; every part written is well-formed and schema-valid; cell values and formulas are
 * unchanged; untouched parts are byte-identical; clear gives back every part byte for byte (issue 8 §1).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { runCli, schemaProblems } from "./helpers";
import { styleIndexProblems } from "../helpers/ooxmlValidate";

const REAL = path.join(__dirname, "..", "fixtures", "real");
const files = readdirSync(REAL)
  .filter((f) => /\.xls[xm]$/.test(f))
  .sort();

/** Files with no channel table: the CLI must refuse them cleanly (exit 1, one sentence, nothing written). */
const NO_TABLE = /no-table|numbers-only/;
/** Strict OOXML: flag it, or refuse with exactly this sentence (issue 8 §1.4). */
const STRICT_SENTENCE = "Strict Open XML workbooks are not supported yet; save as Excel Workbook (.xlsx)";

/** Parts the CLI may change on flag (README "How it changes your workbook"); worksheets only by our conditional formats. */
const MAY_CHANGE =
  /^(xl\/styles\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|docProps\/app\.xml|xl\/worksheets\/[^/]+\.xml)$/;

async function partBytes(data: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("nodebuffer"));
  return out;
}

/** A worksheet without our conditional formats (formula N("growth-signals")=0): what must not change at all. */
const withoutOverlay = (xml: string): string =>
  xml.replace(
    /<((?:[A-Za-z_][\w.-]*:)?)conditionalFormatting [^>]*><\1cfRule [^>]*><\1formula>N\(&quot;growth-signals&quot;\)=0<\/\1formula><\/\1cfRule><\/\1conditionalFormatting>/g,
    "",
  );

/**
 * A worksheet as the flagged copy leaves it besides the overlay: its tab no longer selected (the copy opens on the
 * report, issue 19 §6; the one attribute of the sheet's first view that may change).
 */
const unselected = (xml: string): string =>
  xml.replace(/(<(?:[A-Za-z_][\w.-]*:)?sheetView\b[^>]*?)\s+tabSelected="(?:1|true)"/, "$1");

const run = (...args: string[]) => runCli(args);

function expectOneClearSentence(err: string): void {
  const text = err.trim();
  expect(text.split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/\bat .+:\d+|Error:|zip|signature|Corrupted|0x1fffffe8/i);
  expect(text).not.toMatch(/damaged/i); // every corpus file is a valid workbook
}

interface FlagJson {
  summary: { cellsColoured: number };
  tables: {
    warnings: { code: string; message: { en: string; zh: string } }[];
    findings: { channel: string; ruleId: string; firstPeriod: string; lastPeriod: string }[];
  }[];
}

/**
 * What the rules must find in the corpus's channel report (scripts/corpus/data.py): Social / 信息流 has ROI 1.2 on
 * 2026-03-06…09, complaint rate 1.6% on 2026-03-11, traffic −45% on 2026-03-16: 6 cells coloured. Dates must come
 * out the same in 1904-system files; the formulas-without-values file must say so in a warning (§1.8).
 */
function expectFindings(file: string, json: FlagJson): void {
  const got = json.tables.flatMap((t) =>
    t.findings.map((f) => `${f.channel} ${f.ruleId} ${f.firstPeriod}…${f.lastPeriod}`),
  );
  const ch = /-zh/.test(file) ? "信息流" : "Social";
  const want = [
    `${ch} complaint-rate-high 2026-03-11…2026-03-11`,
    `${ch} traffic-drop 2026-03-16…2026-03-16`,
    `${ch} roi-below-benchmark 2026-03-06…2026-03-09`,
  ];
  if (/formulas-no-values/.test(file)) {
    expect(got.sort()).toEqual(want.slice(0, 2).sort());
    // 21 days × 2 channels = 42 data rows under the header in row 1 (rows 2–43); ROI is column E (Date, Channel,
    // Revenue, Cost, ROI), every one of them a formula without a stored result
    const warnings = json.tables.flatMap((t) => t.warnings).filter((w) => w.code === "formulas-without-values");
    expect(warnings.map((w) => w.message.en)).toEqual([
      "ROI in E2:E43 are formulas with no calculated values, so the rules could not check them; open and save the file in Excel first.",
    ]);
    expect(warnings[0].message.zh).toContain("E2:E43");
    return;
  }
  expect(got.sort()).toEqual(want.sort());
  expect(`cells coloured: ${json.summary.cellsColoured}`).toBe("cells coloured: 6");
}

const tally = { files: 0, flagged: 0, refusals: 0, problems: [] as string[] };
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "gs-corpus-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `corpus: ${tally.files} files, ${tally.flagged} flagged, ${tally.refusals} clean refusals, ` +
      `${tally.problems.length} problems${tally.problems.length ? ": " + tally.problems.join("; ") : ""}`,
  );
});

test("the corpus has at least 30 workbooks, each under 100 KB", () => {
  expect(files.length).toBeGreaterThanOrEqual(30);
  for (const f of files) expect(readFileSync(path.join(REAL, f)).length).toBeLessThan(100 * 1024);
});

for (const file of files) {
  test(`${file}: flag then clear`, async () => {
    tally.files++;
    try {
      const ext = path.extname(file);
      const input = path.join(REAL, file);
      const flagged = path.join(dir, `${file}.flagged${ext}`);
      const cleared = path.join(dir, `${file}.cleared${ext}`);
      const inBytes = readFileSync(input);
      const r = await run("flag", input, "-o", flagged, "--json");
      if (r.code !== 0) {
        expect(r.code).toBe(1);
        expectOneClearSentence(r.err);
        expect(existsSync(flagged)).toBe(false);
        if (/strict/.test(file)) expect(r.err).toContain(STRICT_SENTENCE);
        else expect(`${file}: ${r.err.trim()}`).toMatch(/^[^:]*(no-table|numbers-only)/); // a report must be flagged
        tally.refusals++;
        return;
      }
      expect(file).not.toMatch(NO_TABLE);
      expectFindings(file, JSON.parse(r.out) as FlagJson);
      const outBytes = readFileSync(flagged);
      const a = await partBytes(inBytes);
      const b = await partBytes(outBytes);
      const written: string[] = [];
      for (const [name, bytes] of b) {
        const orig = a.get(name);
        if (orig && orig.equals(bytes)) continue;
        written.push(name);
        if (!orig) continue; // added: the report sheet, the state part and their relationships
        expect(MAY_CHANGE.test(name) ? name : `${name} changed, but the CLI may not change it`).toBe(name);
        if (/^xl\/worksheets\//.test(name))
          expect(withoutOverlay(bytes.toString("utf8"))).toBe(unselected(orig.toString("utf8")));
      }
      for (const name of a.keys()) expect(b.has(name) ? name : `${name} removed`).toBe(name);
      // problems the writer's own part already had (e.g. LibreOffice's workbookPr/@dateCompatibility, not in the
      // ECMA-376 Transitional schema) are not the CLI's: only new ones count
      expect(await schemaProblems(outBytes, written, inBytes)).toEqual([]);
      const text = (m: Map<string, Buffer>, n: string): string | undefined => m.get(n)?.toString("utf8");
      const sheets = [...b.keys()]
        .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
        .map((n) => ({ name: n, xml: text(b, n)! }));
      expect(styleIndexProblems(text(b, "xl/styles.xml"), sheets)).toEqual([]);
      tally.flagged++;

      const c = await run("clear", flagged, "-o", cleared);
      expect(c.err).toBe("");
      expect(c.code).toBe(0);
      const back = await partBytes(readFileSync(cleared));
      expect([...back.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [name, bytes] of a) expect(`${name}: ${back.get(name)?.equals(bytes)}`).toBe(`${name}: true`);
    } catch (e) {
      tally.problems.push(file);
      throw e;
    }
  }, 60000);
}

test("a macro-enabled workbook is not written under an .xlsx name (§1.6)", async () => {
  const out = path.join(dir, "macro-as.xlsx");
  const r = await run("flag", path.join(REAL, "xlsxwriter-macro.xlsm"), "-o", out);
  expect(r.code).toBe(1);
  expectOneClearSentence(r.err);
  expect(existsSync(out)).toBe(false);
});
