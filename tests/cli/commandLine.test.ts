/**
 * The command line: exit codes, messages, and that bad input never writes anything or touches the input.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { fixtureWorkbook } from "./fixtures";
import {
  captureCliOutputs,
  captureIo,
  outputSchemaProblems,
  overlayFills,
  readWorkbook,
  runCli,
  solidFill,
} from "./helpers";

/** Every package flag and clear write in this file, validated at the end (issue 8 §1: 0 schema-invalid parts). */
const outputs = captureCliOutputs();

let dir: string;
let input: string;
let inputBytes: Buffer;

const io = () => captureIo();
const run = (...args: string[]) => runCli(args);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "gs-cli-"));
  inputBytes = await fixtureWorkbook();
  input = path.join(dir, "report.xlsx");
  writeFileSync(input, inputBytes);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Nothing but the files a test created on purpose: no output, no temp file left behind. */
function filesIn(): string[] {
  return readdirSync(dir).sort();
}

describe("growth-signals flag / clear", () => {
  it("flags into -o, prints the summary table, exits 0 and leaves the input untouched", async () => {
    const out = path.join(dir, "flagged.xlsx");
    const r = await run("flag", input, "-o", out);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/Channel\s+Color\s+Rule/);
    // what fired, not the latest value: A's ROI 1.2, 1.4, 1.49 on 2–4 Mar in C3, C5, C7 (B's rows in between)
    expect(r.out).toMatch(
      /Report\s+A\s+Yellow\s+ROI below benchmark\s+3\s+C3, C5, C7\s+ROI 1.2, 1.4, 1.49 on Mar 2 – 4, below 1.5\n/,
    );
    expect(r.out).toMatch(
      /Traffic drop\s+1\s+E9\s+Traffic 600 \(Mar 5\) is 40% below the mean of the previous 3 values/,
    );
    expect(readFileSync(input).equals(inputBytes)).toBe(true);
    const ws = (await readWorkbook(readFileSync(out))).getWorksheet("Report")!;
    expect(overlayFills(ws).C3).toBe("FFFFD966");
    expect(solidFill(ws.getCell("C3"))).toBeNull();
  });

  it("prints flags and summary as JSON with --json", async () => {
    const r = await run("flag", input, "-o", path.join(dir, "flagged-json.xlsx"), "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.summary).toEqual({ tables: 1, cellsColoured: 5, flags: 5, findings: 3 });
    expect(json.tables[0]).toMatchObject({ sheet: "Report", address: "A2:F10" });
    const roi = json.tables[0].flags.filter((f: { ruleId: string }) => f.ruleId === "roi-below-benchmark");
    expect(roi.map((f: { period: string }) => f.period)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    // each finding carries its evidence: A's ROI run in C3, C5, C7 (B's rows in between), benchmark 1.5
    const finding = json.tables[0].findings.find((f: { ruleId: string }) => f.ruleId === "roi-below-benchmark");
    expect(finding.evidence).toEqual({
      values: [
        { period: "2026-03-02", value: 1.2, threshold: 1.5 },
        { period: "2026-03-03", value: 1.4, threshold: 1.5 },
        { period: "2026-03-04", value: 1.49, threshold: 1.5 },
      ],
      periods: "day",
      weeklyMean: false,
      cells: ["C3", "C5", "C7"],
      range: "C3:C7",
      text: { en: "ROI 1.2, 1.4, 1.49 on Mar 2 – 4, below 1.5", zh: "ROI 1.2、1.4、1.49（3月2日至4日），低于 1.5" },
    });
    // the periods in words, one date style per language (2026 is the data's latest year: no year shown)
    expect(finding.periodText).toEqual({ en: "Mar 2 – 4", zh: "3月2日至4日" });
  });

  it("honours --sheet and --range", async () => {
    // Only the first two data rows of each channel: no run of three, no traffic drop; D5's complaint rate still fires.
    const r = await run(
      "flag",
      input,
      "-o",
      path.join(dir, "ranged.xlsx"),
      "--sheet",
      "Report",
      "--range",
      "A2:F6",
      "--json",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.tables[0].address).toBe("A2:F6");
    expect(json.tables[0].flags.map((f: { ruleId: string }) => f.ruleId)).toEqual(["complaint-rate-high"]);
  });

  it("applies thresholds from --config", async () => {
    const cfg = path.join(dir, "rules.json");
    writeFileSync(cfg, JSON.stringify({ complaintRateMax: 0.02 }));
    const r = await run("flag", input, "-o", path.join(dir, "cfg.xlsx"), "--config", cfg, "--json");
    expect(r.code).toBe(0);
    // 0.012 is not above 2%, so D5 is no longer flagged: 3 yellow + 1 traffic cell.
    expect(JSON.parse(r.out).summary.cellsColoured).toBe(4);
  });

  it("clears a flagged workbook back to the original", async () => {
    const flagged = path.join(dir, "to-clear.xlsx");
    await run("flag", input, "-o", flagged);
    const cleared = path.join(dir, "cleared.xlsx");
    const r = await run("clear", flagged, "-o", cleared);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /Removed the warning colors from 5 cells \(2 conditional-format rules\), removed sheet "Growth Signals"/,
    );
    const ws = (await readWorkbook(readFileSync(cleared))).getWorksheet("Report")!;
    expect(overlayFills(ws)).toEqual({});
    expect(solidFill(ws.getCell("C3"))).toBeNull();
    expect(solidFill(ws.getCell("C5"))).toBe("FFC6EFCE");
  });
});

describe("bad input: one sentence on stderr, exit 1, no output", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["a missing input file", () => ["flag", path.join(dir, "nope.xlsx")], /nope\.xlsx does not exist\./],
    [
      "a file that is not a zip",
      () => {
        writeFileSync(path.join(dir, "text.xlsx"), "Date,Channel,ROI\n");
        return ["flag", path.join(dir, "text.xlsx")];
      },
      /text\.xlsx is not an \.xlsx file/,
    ],
    [
      "a truncated (corrupt) xlsx",
      () => {
        writeFileSync(path.join(dir, "cut.xlsx"), inputBytes.subarray(0, Math.floor(inputBytes.length / 2)));
        return ["flag", path.join(dir, "cut.xlsx")];
      },
      /cut\.xlsx is a damaged \.xlsx file/,
    ],
    [
      "a password-protected workbook (an OLE compound file)",
      () => {
        const cfb = Buffer.alloc(1024);
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
        writeFileSync(path.join(dir, "locked.xlsx"), cfb);
        return ["flag", path.join(dir, "locked.xlsx")];
      },
      /locked\.xlsx is password-protected/,
    ],
    [
      "a zip without a workbook part",
      () => ["flag", path.join(dir, "hollow.xlsx")],
      /hollow\.xlsx is not an \.xlsx workbook \(xl\/workbook\.xml is missing\)/,
    ],
    [
      "a workbook without a recognised table",
      () => ["flag", path.join(dir, "plain.xlsx")],
      /no channel table found in any sheet/,
    ],
    [
      "a sheet that does not exist",
      () => ["flag", input, "--sheet", "Nope"],
      /has no worksheet named "Nope" \(its sheets: "Report", "Other"\)/,
    ],
    [
      "a config file that is not JSON",
      () => {
        writeFileSync(path.join(dir, "bad.json"), "{ roiBenchmark: 1.5 ");
        return ["flag", input, "--config", path.join(dir, "bad.json")];
      },
      /bad\.json is not valid JSON/,
    ],
    [
      "a config with an invalid value",
      () => {
        writeFileSync(path.join(dir, "neg.json"), JSON.stringify({ roiBenchmark: -1 }));
        return ["flag", input, "--config", path.join(dir, "neg.json")];
      },
      /neg\.json: .*ROI/i,
    ],
    [
      "a workbook whose data sheet is cut off mid-way (damaged sheet XML)",
      () => ["flag", path.join(dir, "cut-sheet.xlsx")],
      /cut-sheet\.xlsx is a damaged \.xlsx workbook \(sheet "Report" cannot be read\)/,
    ],
    [
      "a workbook whose data sheet part is missing",
      () => ["flag", path.join(dir, "no-sheet.xlsx")],
      /no-sheet\.xlsx is a damaged \.xlsx workbook \(sheet "Report" has no worksheet part\)/,
    ],
    [
      "a workbook whose workbook part is cut off",
      () => ["flag", path.join(dir, "cut-book.xlsx")],
      /cut-book\.xlsx is a damaged \.xlsx workbook \(its workbook part cannot be read\)/,
    ],
    [
      "a workbook whose content types are cut off",
      () => ["flag", path.join(dir, "cut-types.xlsx")],
      /cut-types\.xlsx is a damaged \.xlsx workbook \(its content types cannot be read\)/,
    ],
    [
      "a workbook whose shared strings are cut off",
      () => ["flag", path.join(dir, "cut-strings.xlsx")],
      /cut-strings\.xlsx is a damaged \.xlsx workbook \(its shared strings cannot be read\)/,
    ],
    ["an unreadable range", () => ["flag", input, "--range", "nowhere"], /--range nowhere is not an A1 range/],
    [
      "a missing output folder",
      () => ["flag", input, "-o", path.join(dir, "no-such-dir", "o.xlsx")],
      /output folder .* does not exist/,
    ],
  ];

  beforeAll(async () => {
    // A workbook whose only sheet has no metric header.
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "Nothing to see";
    writeFileSync(path.join(dir, "plain.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    // A zip that is not a workbook: the fixture without xl/workbook.xml.
    const zip = await JSZip.loadAsync(inputBytes);
    zip.remove("xl/workbook.xml");
    writeFileSync(path.join(dir, "hollow.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    // The Report sheet's XML (and the shared strings) cut in half: what a broken download or copy leaves.
    const sheetPath = "xl/worksheets/sheet1.xml";
    const cut = async (part: string, name: string): Promise<void> => {
      const z = await JSZip.loadAsync(inputBytes);
      const text = await z.file(part)!.async("string");
      expect(text).toMatch(/<\/(\w+:)?(worksheet|sst|workbook|Types)>\s*$/); // the fixture's part is whole before the cut
      z.file(part, text.slice(0, Math.floor(text.length / 2)));
      writeFileSync(path.join(dir, name), await z.generateAsync({ type: "nodebuffer" }));
    };
    await cut(sheetPath, "cut-sheet.xlsx");
    await cut("xl/sharedStrings.xml", "cut-strings.xlsx");
    await cut("xl/workbook.xml", "cut-book.xlsx");
    await cut("[Content_Types].xml", "cut-types.xlsx");
    const z = await JSZip.loadAsync(inputBytes);
    z.remove(sheetPath);
    writeFileSync(path.join(dir, "no-sheet.xlsx"), await z.generateAsync({ type: "nodebuffer" }));
  });

  it.each(cases)("rejects %s", async (_name, args, message) => {
    const a = args();
    const withOutput = a.includes("-o") ? a : [...a, "-o", path.join(dir, "should-not-exist.xlsx")];
    const setupFiles = filesIn();
    const r = await run(...withOutput);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(filesIn()).toEqual(setupFiles);
    expect(existsSync(path.join(dir, "should-not-exist.xlsx"))).toBe(false);
  });

  it("leaves no temporary file behind when the final rename fails (the output is a folder)", async () => {
    const folder = path.join(dir, "a-folder.xlsx");
    mkdirSync(folder);
    const before = filesIn();
    const r = await run("flag", input, "-o", folder);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot write .*a-folder\.xlsx/);
    expect(filesIn()).toEqual(before);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("refuses to write over the input file, even through another spelling of its path", async () => {
    const again = path.join(dir, ".", "..", path.basename(dir), "report.xlsx");
    const r = await run("flag", input, "-o", again);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is the input file/);
    expect(readFileSync(input).equals(inputBytes)).toBe(true);
  });
});

describe("an unexpected error", () => {
  it("is one sentence on stderr with exit 1, not a stack trace", async () => {
    const c = io();
    c.stdout = () => {
      throw new Error("stdout closed");
    };
    const code = await main(["flag", input, "--json", "-o", path.join(dir, "unexpected.xlsx")], c);
    rmSync(path.join(dir, "unexpected.xlsx"), { force: true });
    expect(code).toBe(1);
    expect(c.err).toBe(
      "growth-signals: unexpected error (stdout closed). Run with GROWTH_SIGNALS_DEBUG=1 for details.\n",
    );
  });
});

describe("progress", () => {
  it("shows progress on stderr on a terminal and erases it before the summary", async () => {
    const c = io();
    c.isTTY = true;
    const code = await main(["flag", input, "-o", path.join(dir, "tty.xlsx")], c);
    expect(code).toBe(0);
    expect(c.err).toMatch(/Reading the workbook… \d+\.\ds/);
    expect(c.err).toMatch(/Checking the rules on "Report" \(8 rows\)/);
    expect(c.err.endsWith("\r\u001b[2K")).toBe(true);
  });

  it("stays silent on stderr when not on a terminal", async () => {
    const r = await run("flag", input, "-o", path.join(dir, "pipe.xlsx"));
    expect(r.err).toBe("");
  });
});

describe("usage errors: exit 2 with the usage line", () => {
  it.each([
    ["no command", []],
    ["an unknown command", ["paint", "a.xlsx", "-o", "b.xlsx"]],
    ["no input file", ["flag"]],
    ["no -o", ["flag", "a.xlsx"]],
    ["an unknown option", ["flag", "a.xlsx", "-o", "b.xlsx", "--colour", "red"]],
    ["a bad --lang", ["flag", "a.xlsx", "-o", "b.xlsx", "--lang", "fr"]],
    ["--range with clear", ["clear", "a.xlsx", "-o", "b.xlsx", "--range", "A1:B2"]],
  ])("rejects %s", async (_name, args) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^growth-signals: .+\nusage: growth-signals flag <in\.xlsx> -o <out\.xlsx>/);
  });

  it("prints help and version with exit 0", async () => {
    const h = await run("--help");
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/growth-signals clear <in\.xlsx> -o <out\.xlsx>/);
    expect(h.out).toMatch(/LTV\/CAC below 1\.5 for 2 or more consecutive weeks/);
    const v = await run("--version");
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(
      JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version,
    );
  });
});

describe("--help", () => {
  it("documents every option the parser accepts, both commands and every exit code", async () => {
    // The options are read from the parser's own table in main.ts, so a new option without help text fails here.
    const source = readFileSync(path.join(__dirname, "..", "..", "src", "cli", "main.ts"), "utf8");
    const table = /options: \{([\s\S]*?)\n {6}\},/.exec(source)![1];
    const options = [...table.matchAll(/^\s*(\w+): \{ type: "\w+"(?:, short: "(\w)")?/gm)].map((m) => [m[1], m[2]]);
    expect(options.map(([name]) => name).sort()).toEqual(
      ["config", "encoding", "help", "json", "lang", "output", "range", "sheet", "version"].sort(),
    );
    const h = (await run("--help")).out;
    for (const [name, short] of options) {
      expect([name, h.includes(`--${name}`)]).toEqual([name, true]);
      if (short) expect([short, h.includes(`-${short}, --${name}`)]).toEqual([short, true]);
    }
    expect(h).toMatch(
      /growth-signals flag <in\.xlsx> -o <out\.xlsx> \[--sheet NAME\] \[--range A1:I503\] \[--config rules\.json\] \[--json\]/,
    );
    expect(h).toMatch(/Exit codes: 0 done, 1 bad input \(nothing written\), 2 usage error\./);
  });
});

describe("as a process", () => {
  it("sets the exit code (usage error → 2) when run by node", () => {
    const tsx = require.resolve("tsx/cli");
    const res = spawnSync(process.execPath, [tsx, path.join(__dirname, "..", "..", "src", "cli", "main.ts"), "flag"], {
      encoding: "utf8",
    });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/needs an input \.xlsx file/);
  });
});

test("every package written in this file is schema-valid: 0 invalid parts", async () => {
  const { problems, checked } = await outputSchemaProblems(outputs);
  console.log(`schema: ${checked} parts written in ${outputs.length} outputs checked, ${problems.length} invalid`);
  expect(checked).toBeGreaterThan(0);
  expect(problems).toEqual([]);
}, 120000);
