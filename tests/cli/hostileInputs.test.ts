/**
 * The inputs issue 15 §2 names, each built from a real workbook (tests/fixtures/real) the way the fuzz run found it,
 * through the command line: a refusal is one sentence in the tool's words, exit 1 and no file; a success prints no
 * control character and writes parts with their content types. Zips are written by the fuzz harness's own writer
 * (tests/fuzz/zip.ts), not by the CLI's library, so a bad CRC or a duplicate name reaches the CLI as it would be.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { captureIo } from "./helpers";
import { mulberry32 } from "../../src/core/random";
import { contentTypeProblem, refusalProblem, REAL } from "../fuzz/harness";
import { readZip, writeZip, type ZipEntry } from "../fuzz/zip";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "gs-hostile-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const real = (name: string): ZipEntry[] =>
  readZip(readFileSync(path.join(REAL, name))).map((e) => ({ name: e.name, data: e.data }));

function edited(entries: ZipEntry[], part: string, f: (xml: string) => string): ZipEntry[] {
  return entries.map((e) => (e.name === part ? { ...e, data: Buffer.from(f(e.data.toString("utf8")), "utf8") } : e));
}

async function run(
  bytes: Buffer,
  command = "flag",
): Promise<{ code: number; out: string; err: string; output: string; ms: number }> {
  const n = readdirSync(dir).length;
  const input = path.join(dir, `in-${n}.xlsx`);
  const output = path.join(dir, `out-${n}.xlsx`);
  writeFileSync(input, bytes);
  const io = captureIo();
  const started = performance.now();
  const code = await main([command, input, "-o", output], io);
  return { code, out: io.out, err: io.err, output, ms: performance.now() - started };
}

/** A refusal: exit 1, one sentence in the tool's words matching `message`, nothing on stdout, no output file. */
async function expectRefusal(bytes: Buffer, message: RegExp, command = "flag"): Promise<void> {
  const r = await run(bytes, command);
  expect({ code: r.code, out: r.out, problem: refusalProblem(r.err) }).toEqual({ code: 1, out: "", problem: null });
  expect(r.err).toMatch(message);
  expect(existsSync(r.output)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
}

describe("a damaged zip is refused, never carried into an output", () => {
  it("refuses an entry whose CRC fails, even one the CLI would only carry (docProps/core.xml)", async () => {
    const entries = real("openpyxl-channel-en.xlsx").map((e) =>
      e.name === "docProps/core.xml" ? { ...e, crc: 0x12345678 } : e,
    );
    await expectRefusal(
      writeZip(entries),
      /is a damaged \.xlsx file \(its part docProps\/core\.xml fails its CRC check\)\./,
    );
  });

  it("refuses two entries with the same name, or names equal but for case (OPC part names ignore case)", async () => {
    const entries = real("openpyxl-channel-en.xlsx");
    const wb = entries.find((e) => e.name === "xl/workbook.xml")!;
    await expectRefusal(writeZip([...entries, { ...wb }]), /two of its zip entries have the same name/);
    await expectRefusal(
      writeZip([...entries, { name: "XL/WORKBOOK.XML", data: wb.data }]),
      /two of its zip entries have the same name/,
    );
  });

  it.each(["../../evil.xml", "/etc/evil.xml", "xl\\..\\evil.xml", "xl/\u001b[31mevil.xml"])(
    "refuses an entry named %j",
    async (name) => {
      const entries = [...real("openpyxl-channel-en.xlsx"), { name, data: Buffer.from("<x/>") }];
      await expectRefusal(writeZip(entries), /is a damaged \.xlsx file \(it has an entry name/);
    },
  );

  it("refuses a part that would inflate 1,000 times its size before inflating it (0.4 MB → 400 MB)", async () => {
    // 400 MiB of one repeated byte deflates to ~0.4 MB (deflate's limit is 1,032:1); the part is declared with its
    // true size and a made-up CRC: the refusal comes from the sizes alone, before any inflating
    const size = 400 * 1024 * 1024;
    const raw = deflatedZeros(size);
    const entries = [
      ...real("openpyxl-channel-en.xlsx"),
      { name: "xl/media/big.bin", data: Buffer.alloc(0), raw, size, crc: 1 },
    ];
    const r = await run(writeZip(entries));
    expect(r.err).toMatch(/cannot be read safely: its part xl\/media\/big\.bin would expand \d+ times \(400 MB\)/);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(5000);
  });
});

/** Raw deflate of `size` zero bytes, built from one deflated MiB repeated (sync-flushed blocks concatenate). */
function deflatedZeros(size: number): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zlib = require("node:zlib") as typeof import("node:zlib");
  const mib = Buffer.alloc(1024 * 1024);
  const first = zlib.deflateRawSync(mib, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const next = zlib.deflateRawSync(mib, { dictionary: mib.subarray(-32768), finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const last = zlib.deflateRawSync(Buffer.alloc(0), { finishFlush: zlib.constants.Z_FINISH });
  return Buffer.concat([first, ...Array.from({ length: size / mib.length - 1 }, () => next), last]);
}

describe("the XML readers' guards", () => {
  it("refuses 2,000 nested elements in workbook.xml within a second (the 8 KB file that ran > 300 s)", async () => {
    const entries = edited(real("openpyxl-channel-en.xlsx"), "xl/workbook.xml", (x) =>
      x.replace(/(<workbook[^>]*>)/, `$1${"<a>".repeat(2000)}${"</a>".repeat(2000)}`),
    );
    const started = performance.now();
    await expectRefusal(writeZip(entries), /cannot be read safely: a part nests elements more than 128 deep\./);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses 2,000 nested elements inside a worksheet cell (the hand-written sheet scanner has the guard too)", async () => {
    const entries = edited(real("openpyxl-channel-en.xlsx"), "xl/worksheets/sheet1.xml", (x) =>
      x.replace(/<t>Social<\/t>/, `<t>Social</t>${"<x>".repeat(2000)}${"</x>".repeat(2000)}`),
    );
    await expectRefusal(writeZip(entries), /cannot be read safely: a part nests elements more than 128 deep\./);
  });

  it("refuses an element with 75,000 attributes (the tokenizer's work grows with their square)", async () => {
    const many = Array.from({ length: 75_000 }, (_, i) => ` a${i}="1"`).join("");
    const entries = edited(real("openpyxl-channel-en.xlsx"), "[Content_Types].xml", (x) =>
      x.replace(/<Default /, `<Default${many} `),
    );
    const started = performance.now();
    await expectRefusal(
      writeZip(entries),
      /cannot be read safely: a part has an element with more than 1024 attributes\./,
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ["a row numbered 1e9", (x: string) => x.replace(/<row r="\d+"/, '<row r="1e9"')],
    ["a cell in column ZZZZZZ", (x: string) => x.replace(/<c r="[A-Z]+(\d+)"/, '<c r="ZZZZZZ$1"')],
    [
      "20,000 cells without r in one row",
      (x: string) => x.replace(/<\/row>/, `${"<c><v>1</v></c>".repeat(20_000)}</row>`),
    ],
  ])("refuses %s (past Excel's grid) at once instead of looping over a billion rows", async (_what, edit) => {
    const entries = edited(real("openpyxl-channel-en.xlsx"), "xl/worksheets/sheet1.xml", edit);
    const started = performance.now();
    await expectRefusal(writeZip(entries), /cannot be read safely: a worksheet has a row or column past Excel's grid/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses a 5 MB relationship target instead of writing an unreadable zip", async () => {
    // random letters (seeded), so the part does not compress past the expansion guard and reaches the tokenizer
    const rng = mulberry32(15);
    // (a 64 KB block repeated: deflate's window is 32 KB, so the repeats do not compress either)
    const letters = Buffer.alloc(64 * 1024);
    for (let k = 0; k < letters.length; k++) letters[k] = 97 + Math.floor(rng() * 26);
    const target = letters.toString("latin1").repeat(80);
    const entries = edited(real("openpyxl-channel-en.xlsx"), "xl/_rels/workbook.xml.rels", (x) =>
      x.replace(/Target="[^"]*styles\.xml"/, `Target="${target}"`),
    );
    await expectRefusal(writeZip(entries), /cannot be read safely: a part has an attribute value longer than 64 KB\./);
  });

  it("refuses a reference to no character (&#x110000;) in a cell as damaged, not as an unexpected error", async () => {
    const entries = edited(real("openpyxl-channel-en.xlsx"), "xl/worksheets/sheet1.xml", (x) =>
      x.replace(/<t>Social<\/t>/, "<t>Social&#x110000;</t>"),
    );
    expect(entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!.data.includes("&#x110000;")).toBe(true);
    await expectRefusal(writeZip(entries), /is a damaged \.xlsx workbook \(a part is not well-formed XML\)\./);
  });
});

describe("what the CLI prints and writes", () => {
  it("escapes the control characters of a channel name (a terminal's colour codes) in the summary", async () => {
    // openpyxl writes inline strings: the channel "Social" becomes "Social" + ESC[31m (raw, as a lenient writer leaves it)
    const entries = edited(real("openpyxl-channel-en.xlsx"), "xl/worksheets/sheet1.xml", (x) =>
      x.replace(/<t>Social<\/t>/g, "<t>Social\u001b[31m</t>"),
    );
    const r = await run(writeZip(entries));
    expect(r.code).toBe(0);
    expect(r.out).toContain("Social\\u001B[31m");
    // eslint-disable-next-line no-control-regex -- what must not reach the terminal
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  });

  it("gives the state part an Override when the package's Default for .xml is the workbook's type (EPPlus)", async () => {
    const mainType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    const entries = edited(real("openpyxl-channel-en.xlsx"), "[Content_Types].xml", (x) =>
      x.replace(/(<Default Extension="xml" ContentType=")[^"]*"/, `$1${mainType}"`),
    );
    const types0 = entries.find((e) => e.name === "[Content_Types].xml")!.data.toString("utf8");
    expect(types0).toContain(`<Default Extension="xml" ContentType="${mainType}"/>`);
    const input = writeZip(entries);
    const r = await run(input);
    expect(r.code).toBe(0);
    const out = readZip(readFileSync(r.output));
    const types = out.find((e) => e.name === "[Content_Types].xml")!.data.toString("utf8");
    expect(types).toMatch(/<Override PartName="\/customXml\/item1\.xml" ContentType="application\/xml"\/>/);
    expect(contentTypeProblem(out, input)).toBeNull();
  });

  it("would see a part added with the wrong content type (the check itself can fail)", () => {
    const ct = (item: string): { name: string; data: Buffer } => ({
      name: "[Content_Types].xml",
      data: Buffer.from(
        `<Types><Default Extension="xml" ContentType="${item}"/>` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>',
      ),
    });
    const rels = {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        '<Relationships><Relationship Id="rId9" Target="../customXml/item1.xml" ' +
          'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"/></Relationships>',
      ),
    };
    const item = { name: "customXml/item1.xml", data: Buffer.from("<x/>") };
    const none = writeZip([]);
    expect(contentTypeProblem([ct("text/plain"), rels, item], none)).toMatch(/customXml\/item1\.xml has content type/);
    expect(contentTypeProblem([ct("application/xml"), rels, item], none)).toBeNull();
    expect(contentTypeProblem([ct("application/xml"), rels, item, { name: "a.bin", data: item.data }], none)).toMatch(
      /a\.bin has no content type/,
    );
  });

  it("carries every part it does not write as the same compressed bytes (a chart, a drawing, comments)", async () => {
    const input = readFileSync(path.join(REAL, "xlsxwriter-chart-comments.xlsx"));
    const r = await run(input);
    expect(r.code).toBe(0);
    const before = new Map(readZip(input).map((e) => [e.name, e]));
    const after = readZip(readFileSync(r.output));
    const carried = after.filter((e) => before.get(e.name)?.data.equals(e.data));
    expect(carried.map((e) => e.name)).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/comments1.xml"]));
    for (const e of carried)
      expect({ part: e.name, same: before.get(e.name)!.raw.equals(e.raw) }).toEqual({ part: e.name, same: true });
  });
});
