/**
 * Workbooks as other writers shape them (issue 8 §1 items 1, 4, 6, 13): hand-written packages built from strings.
 * Every written part must parse with a namespace-aware parser (saxes with xmlns: true throws on an unbound prefix).
 */
import zlib from "node:zlib";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { InputError } from "../../src/cli/errors";
import { MAX_PART_BYTES, STRICT_MESSAGE } from "../../src/cli/xlsx/package";
import { clearWorkbook, flagWorkbook } from "../../src/cli/workbook";
import { captureCliOutputs, diffParts, outputSchemaProblems, partsOf } from "./helpers";

/** Every package flag and clear write in this file, validated at the end (issue 8 §1: 0 schema-invalid parts). */
const outputs = captureCliOutputs();

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const CT_XLSM = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

interface Shape {
  /** workbook.xml as a writer shapes it; "{SHEET}" is the one <sheet> entry. */
  workbook?: string;
  styles?: string | null;
  sst?: string | null;
  mainContentType?: string;
}

const str = (ref: string, s: string): string => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
const num = (ref: string, v: number): string => `<c r="${ref}"><v>${v}</v></c>`;
const STYLES =
  `<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

/** ROI 1.4, 1.3, 1.2, 2.0 for one channel: three periods below 1.5 in a row → A2:A4 yellow (README rule table). */
async function build(shape: Shape = {}): Promise<Buffer> {
  const zip = new JSZip();
  const styles = shape.styles === undefined ? STYLES : shape.styles;
  const sst = shape.sst === undefined ? null : shape.sst;
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${shape.mainContentType ?? CT_MAIN}"/>` +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      (styles !== null ? `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/>` : "") +
      (sst !== null
        ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        : "") +
      "</Types>",
  );
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const wb = shape.workbook ?? `<workbook xmlns="${NS}" xmlns:r="${R}"><sheets>{SHEET}</sheets></workbook>`;
  zip.file("xl/workbook.xml", wb.replace("{SHEET}", `<sheet name="Data" sheetId="1" r:id="rId1"/>`));
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (styles !== null ? `<Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/>` : "") +
      (sst !== null ? `<Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : "") +
      "</Relationships>",
  );
  if (styles !== null) zip.file("xl/styles.xml", styles);
  if (sst !== null) zip.file("xl/sharedStrings.xml", sst);
  const rows = [1.4, 1.3, 1.2, 2.0].map(
    (v, i) => `<row r="${i + 2}">${num(`A${i + 2}`, v)}${str(`B${i + 2}`, "Shop")}</row>`,
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet xmlns="${NS}"><sheetData><row r="1">${str("A1", "ROI")}${str("B1", "Channel")}</row>${rows.join("")}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Throws on XML that is not namespace-well-formed (unbound prefix, duplicate attribute, bad nesting). */
function assertNamespaceWellFormed(name: string, xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  p.on("error", (e) => {
    error ??= e;
  });
  p.write(xml).close();
  if (error) throw new Error(`${name}: ${error.message}`);
}

async function checkedParts(data: Buffer): Promise<Map<string, string>> {
  const parts = await partsOf(data);
  for (const [name, xml] of parts) if (/\.(xml|rels)$/.test(name)) assertNamespaceWellFormed(name, xml);
  return parts;
}

/** The fill element of the xf a cell points at (following s → cellXfs → fills by hand): the cell's own fill. */
function fillOf(parts: Map<string, string>, ref: string): string {
  const sheet = parts.get("xl/worksheets/sheet1.xml")!;
  const styles = parts.get("xl/styles.xml")!;
  const s = /\ss="(\d+)"/.exec(new RegExp(`<c r="${ref}"[^>]*>`).exec(sheet)![0]);
  if (!s) return "none";
  const xfs = [...styles.split(/<(?:\w+:)?cellXfs/)[1].matchAll(/<(?:\w+:)?xf [^>]*fillId="(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
  expect(Number(s[1])).toBeLessThan(xfs.length);
  const fills = [...styles.split(/<\/?(?:\w+:)?fills[\s>]/)[1].matchAll(/<(\w+:)?fill>[\s\S]*?<\/\1?fill>/g)];
  return fills[xfs[Number(s[1])]][0];
}

async function flagAndClear(input: Buffer): Promise<Map<string, string>> {
  const out = await flagWorkbook(input, { now: new Date(Date.UTC(2026, 2, 9)), outputExtension: ".xlsx" });
  const parts = await checkedParts(out.data);
  // Yellow #FFD966 is the README's default fill for the ROI rule: one rule over A2:A4 whose format fills it; the
  // cells' own fills stay none.
  const sheet = parts.get("xl/worksheets/sheet1.xml")!;
  expect(sheet).toMatch(
    /<conditionalFormatting sqref="A2:A4"><cfRule type="expression" dxfId="0" priority="1"><formula>N\(&quot;growth-signals&quot;\)=0<\/formula><\/cfRule><\/conditionalFormatting><\/worksheet>$/,
  );
  expect(parts.get("xl/styles.xml")).toMatch(/<dxf><fill><patternFill patternType="solid"><fgColor rgb="FFFFD966"\/>/);
  for (const ref of ["A2", "A3", "A4", "A5"]) expect(fillOf(parts, ref)).toBe("none");
  const cleared = await clearWorkbook(out.data);
  await checkedParts(cleared.data);
  return parts;
}

async function expectClearRestores(input: Buffer): Promise<void> {
  const cleared = await clearWorkbook((await flagWorkbook(input)).data);
  const d = diffParts(await partsOf(input), await partsOf(cleared.data));
  expect({ added: d.added, removed: d.removed, changed: d.changed }).toEqual({ added: [], removed: [], changed: [] });
}

describe("workbooks as other writers shape them", () => {
  it("openpyxl/pandas: xmlns:r declared on each <sheet>, the added sheet declares its own prefix", async () => {
    const input = await build({
      workbook: `<workbook xmlns="${NS}"><sheets><sheet xmlns:r="${R}" name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    });
    const parts = await flagAndClear(input);
    expect(parts.get("xl/workbook.xml")).toMatch(/<sheet name="Growth Signals" sheetId="2" r:id="rId\d+" xmlns:r="/);
    await expectClearRestores(input);
  });

  it("a relationships prefix other than r, declared on the root, is reused", async () => {
    const input = await build({
      workbook: `<workbook xmlns="${NS}" xmlns:rel='${R}'><sheets><sheet name="Data" sheetId="1" rel:id="rId1"/></sheets></workbook>`,
    });
    const parts = await flagAndClear(input);
    expect(parts.get("xl/workbook.xml")).toMatch(/<sheet name="Growth Signals" sheetId="2" rel:id="rId\d+"\/>/);
    await expectClearRestores(input);
  });

  it("single-quoted attributes: the cells untouched, the quotes kept, clear restores", async () => {
    const input = await build();
    const zip = await JSZip.loadAsync(input);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet.replace(/="([^"]*)"/g, "='$1'").replace("<c r='A3'>", "<c r='A3' s='0'>"),
    );
    const quoted = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const out = await flagWorkbook(quoted);
    const xml = (await partsOf(out.data)).get("xl/worksheets/sheet1.xml")!;
    expect(xml).toContain("<c r='A2'><v>1.4</v></c>");
    expect(xml).toContain("<c r='A3' s='0'><v>1.3</v></c>");
    expect(xml).toContain('<conditionalFormatting sqref="A2:A4">');
    await expectClearRestores(quoted);
  });

  it("an empty <sst/> is not damage", async () => {
    const input = await build({ sst: `<?xml version="1.0"?>\n<sst xmlns="${NS}" count="0" uniqueCount="0"/>` });
    await flagAndClear(input);
    await expectClearRestores(input);
  });

  it("no styles part: a minimal one is created with its relationship and content type", async () => {
    const input = await build({ styles: null });
    const parts = await flagAndClear(input);
    expect(parts.get("xl/_rels/workbook.xml.rels")).toContain(`Type="${R}/styles" Target="styles.xml"`);
    expect(parts.get("[Content_Types].xml")).toContain(`PartName="/xl/styles.xml" ContentType="${CT_STYLES}"`);
    await expectClearRestores(input);
  });

  it("an empty <styleSheet/> gets the default entries first", async () => {
    const input = await build({ styles: `<styleSheet xmlns="${NS}"/>` });
    const parts = await flagAndClear(input);
    // Index 0 and 1 are the format's reserved fills (none, gray125); the flag fill comes after them.
    expect(parts.get("xl/styles.xml")).toContain('<fill><patternFill patternType="gray125"/></fill>');
    await expectClearRestores(input);
  });

  it("Strict OOXML is refused with the sentence the issue gives", async () => {
    const input = await build({
      workbook: `<workbook xmlns="${STRICT_NS}" xmlns:r="${R}"><sheets>{SHEET}</sheets></workbook>`,
    });
    await expect(flagWorkbook(input)).rejects.toThrow(new InputError(STRICT_MESSAGE));
  });

  it("a macro-enabled workbook is not written under an .xlsx name", async () => {
    const input = await build({ mainContentType: CT_XLSM });
    await expect(flagWorkbook(input, { label: "book.xlsm", outputExtension: ".xlsx" })).rejects.toThrow(
      "book.xlsm is a .xlsm workbook; name the output .xlsm too",
    );
    await expect(flagWorkbook(input, { outputExtension: ".xlsm" })).resolves.toBeDefined();
  });

  it("zip-library wording never reaches the user", async () => {
    const input = await build();
    const cut = input.subarray(0, input.length - 30); // end of central directory cut off
    await expect(flagWorkbook(cut, { label: "r.xlsx" })).rejects.toThrow(
      "r.xlsx is a damaged .xlsx file (its zip structure cannot be read).",
    );
  });
});

describe("decompression bombs", () => {
  /** Replaces the sheet with `compressed` (raw deflate) and writes `declared` as its uncompressed size. */
  async function bomb(compressed: Buffer, declared: number): Promise<Buffer> {
    const zip = await JSZip.loadAsync(await build());
    const marker = "x".repeat(64);
    zip.file("xl/worksheets/sheet1.xml", marker, { compression: "STORE" });
    const buf = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
    // Rebuild by hand: swap the stored marker for the deflated bytes in the local header and central directory.
    const at = buf.indexOf(marker);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const local = buf.lastIndexOf(name, at) - 30;
    const out = Buffer.concat([buf.subarray(0, at), compressed, buf.subarray(at + marker.length)]);
    const delta = compressed.length - marker.length;
    out.writeUInt16LE(8, local + 8); // method: deflate
    out.writeUInt32LE(compressed.length, local + 18);
    out.writeUInt32LE(declared, local + 22);
    const cd = out.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), at + compressed.length);
    let p = cd;
    while (out.readUInt32LE(p) === 0x02014b50) {
      const n = out.readUInt16LE(p + 28);
      const entryName = out.subarray(p + 46, p + 46 + n).toString();
      const offset = out.readUInt32LE(p + 42);
      if (entryName === "xl/worksheets/sheet1.xml") {
        out.writeUInt16LE(8, p + 10);
        out.writeUInt32LE(compressed.length, p + 20);
        out.writeUInt32LE(declared, p + 24);
      } else if (offset > local) out.writeUInt32LE(offset + delta, p + 42);
      p += 46 + n + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
    }
    out.writeUInt32LE(cd, p + 16); // end of central directory: its offset
    return out;
  }
  /** 600 MiB of spaces, deflated as a stream so the test itself stays small in memory (~600 KB out). */
  const spacesBomb = (): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const z = zlib.createDeflateRaw({ level: 9 });
      const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
      const out: Buffer[] = [];
      z.on("data", (d: Buffer) => out.push(d));
      z.on("end", () => resolve(Buffer.concat(out)));
      z.on("error", reject);
      let left = 600 / 16;
      const write = (): void => {
        while (left > 0) {
          left--;
          if (!z.write(chunk)) return void z.once("drain", write);
        }
        z.end();
      };
      write();
    });

  it("refuses a part whose declared size passes the limit, before inflating", async () => {
    const compressed = zlib.deflateRawSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    const input = await bomb(compressed, MAX_PART_BYTES + 1);
    const t0 = Date.now();
    await expect(flagWorkbook(input, { label: "b.xlsx" })).rejects.toThrow(
      "b.xlsx cannot be read safely: its part xl/worksheets/sheet1.xml would expand to more than 500 MB",
    );
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it("refuses a part that lies about its size while inflating, fast and with bounded memory", async () => {
    const compressed = await spacesBomb();
    expect(compressed.length).toBeLessThan(2 * 1024 * 1024);
    const input = await bomb(compressed, 1024); // declares 1 KiB, inflates to 600 MiB
    const rss0 = process.memoryUsage().rss;
    const t0 = Date.now();
    await expect(flagWorkbook(input, { label: "b.xlsx" })).rejects.toThrow(
      "b.xlsx is a damaged .xlsx file (its part xl/worksheets/sheet1.xml expands to more than its zip entry declares).",
    );
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss0).toBeLessThan(100 * 1024 * 1024);
  }, 30000); // making the 600 MiB bomb takes seconds on a busy machine; the refusal itself is timed above

  it("a bomb declaring its true size is refused before inflating", async () => {
    const input = await bomb(await spacesBomb(), 600 * 1024 * 1024);
    await expect(flagWorkbook(input, { label: "b.xlsx" })).rejects.toThrow("would expand to more than 500 MB");
  }, 30000);
});

test("every package written in this file is schema-valid: 0 invalid parts", async () => {
  const { problems, checked } = await outputSchemaProblems(outputs);
  console.log(`schema: ${checked} parts written in ${outputs.length} outputs checked, ${problems.length} invalid`);
  expect(checked).toBeGreaterThan(0);
  expect(problems).toEqual([]);
}, 120000);
