/**
 * Every part flag writes or adds is well-formed, namespace-correct XML (parsed strictly by jsdom's XML
 * parser), for the sample workbook in English and Chinese and after flagging twice.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { flagWorkbook } from "../../src/cli/workbook";
import { captureCliOutputs, diffParts, outputSchemaProblems, partsOf } from "./helpers";

/** Every package flag and clear write in this file, validated at the end (issue 8 §1: 0 schema-invalid parts). */
const outputs = captureCliOutputs();

const { DOMParser } = new JSDOM("").window;
const sample = readFileSync(path.join(__dirname, "..", "..", "samples", "channel-report.xlsx"));

function parseError(xml: string): string | null {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  return err ? (err.textContent ?? "parser error") : null;
}

describe("parts written by flag", () => {
  it.each(["en", "zh"] as const)("are well-formed XML (report in %s)", async (lang) => {
    const once = await flagWorkbook(sample, { lang });
    const twice = await flagWorkbook(once.data, { lang });
    const [a, b] = [await partsOf(sample), await partsOf(twice.data)];
    const d = diffParts(a, b);
    const written = [...d.changed, ...d.added].filter((p) => /\.(xml|rels)$/.test(p));
    expect(written.length).toBeGreaterThanOrEqual(10);
    for (const p of written) expect({ part: p, error: parseError(b.get(p)!) }).toEqual({ part: p, error: null });
  });

  it("would catch a malformed part (the check itself can fail)", () => {
    expect(parseError("<a><b></a>")).not.toBeNull();
    expect(parseError('<x:a xmlns:x="urn:x"><y:b/></x:a>')).not.toBeNull();
  });
});

test("every package written in this file is schema-valid: 0 invalid parts", async () => {
  const { problems, checked } = await outputSchemaProblems(outputs);
  console.log(`schema: ${checked} parts written in ${outputs.length} outputs checked, ${problems.length} invalid`);
  expect(checked).toBeGreaterThan(0);
  expect(problems).toEqual([]);
}, 120000);
