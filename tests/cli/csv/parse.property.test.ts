/**
 * Property tests of the CSV reader (issue 17 Tests): random tables written by an independent RFC 4180 writer (below),
 * encoded by an independent encoder (Node's Buffer for UTF-8/UTF-16, iconv-lite for GB18030 and Windows-1252), read
 * back by decodeCsv + parseCsv, in every encoding and with every delimiter.
 */
import fc from "fast-check";
import iconv from "iconv-lite";
import { decodeCsv, type CsvEncoding } from "../../../src/cli/csv/decode";
import { parseCsv, sniffDelimiter, type Delimiter } from "../../../src/cli/csv/parse";

const DELIMITERS: Delimiter[] = [",", ";", "\t", "|"];

/** RFC 4180 §2: a field holding the delimiter, a quote, CR or LF is quoted, its quotes doubled. */
function writeField(f: string, d: string, first: boolean): string {
  const needs =
    f.includes(d) || f.includes('"') || f.includes("\n") || f.includes("\r") || (first && f.startsWith("#"));
  return needs ? `"${f.replace(/"/g, '""')}"` : f;
}
function writeCsv(rows: string[][], d: string, newline: string): string {
  return rows.map((r) => r.map((f, i) => writeField(f, d, i === 0)).join(d)).join(newline) + newline;
}

type Variant = { name: string; encoding: CsvEncoding; encode: (s: string) => Buffer; anchor: string[] };

/**
 * Each encoding with a header row that makes detection decidable, as real files have one: Chinese text is not valid
 * UTF-8 in GB18030, and "Café 2026" (é before a space) is neither valid UTF-8 nor valid GB18030 in Windows-1252.
 */
const VARIANTS: Variant[] = [
  { name: "UTF-8", encoding: "utf-8", encode: (s) => Buffer.from(s, "utf8"), anchor: ["Date", "渠道"] },
  {
    name: "UTF-8 BOM",
    encoding: "utf-8",
    encode: (s) => Buffer.from("\uFEFF" + s, "utf8"),
    anchor: ["Date", "渠道"],
  },
  {
    name: "UTF-16LE BOM",
    encoding: "utf-16le",
    encode: (s) => Buffer.from("\uFEFF" + s, "utf16le"),
    anchor: ["Date", "渠道"],
  },
  {
    name: "UTF-16BE BOM",
    encoding: "utf-16be",
    encode: (s) => Buffer.from("\uFEFF" + s, "utf16le").swap16(),
    anchor: ["Date", "渠道"],
  },
  { name: "GB18030", encoding: "gb18030", encode: (s) => iconv.encode(s, "gb18030"), anchor: ["日期", "渠道"] },
  {
    name: "Windows-1252",
    encoding: "windows-1252",
    encode: (s) => iconv.encode(s, "win1252"),
    anchor: ["Café 2026", "Coût"],
  },
];

/** Characters each encoding can hold (Windows-1252: ASCII, Latin-1 letters and its 0x80–0x9F punctuation). */
const WIN1252 = [..." !#$%&'()*+-./0123456789:<=>?@ABCXYZabcxyz~ £©®°±µ¶·ÀÉÖßàéöüÿ€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"];
const WIDE = [..." !#$%&'()*+-./0123456789:<=>?@ABCXYZabcxyz~ é€ß日期渠道投入产出比ａ１你好😀𠀀"];

function fieldOf(chars: string[], d: Delimiter): fc.Arbitrary<string> {
  const special = ['"', "\n", "\r\n", d, ",", ";", "\t", "|"];
  return fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...chars) }, fc.constantFrom(...special)), {
      maxLength: 12,
    })
    .map((a) => a.join(""));
}

function tableOf(chars: string[], d: Delimiter, anchor: string[]): fc.Arbitrary<string[][]> {
  return fc
    .integer({ min: 2, max: 5 })
    .chain((cols) =>
      fc
        .array(fc.array(fieldOf(chars, d), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 })
        .map((rows) => [[...anchor, ...Array<string>(cols - 2).fill("x")], ...rows]),
    );
}

describe.each(VARIANTS)("$name", (v) => {
  // every row "1,234;5,678;9,012": only the header tells the semicolon from the comma
  it("reads the header when the values hold another candidate in every row", () => {
    expect(sniffDelimiter("Date;Spend;Revenue\n1,234;5,678;9,012\n2,345;6,789;1,234\n")).toBe(";");
    expect(sniffDelimiter("Date\tROI\n12,5\t1,5\n")).toBe("\t");
    // Google Ads: a title row holding commas, and a comma in every date of the rows
    const ads = ["Campaign report", "November 1, 2026 - November 10, 2026", "Day\tCampaign\tClicks"];
    for (let d = 1; d <= 5; d++) ads.push(`Nov ${d}, 2026\tBrand\t1,234`);
    expect(sniffDelimiter(ads.join("\r\n"))).toBe("\t");
  });

  it.each(DELIMITERS.map((d) => [JSON.stringify(d), d] as const))(
    "round-trips random tables with delimiter %s (given the delimiter)",
    (_, d) => {
      const chars = v.encoding === "windows-1252" ? WIN1252 : WIDE;
      fc.assert(
        fc.property(tableOf(chars, d, v.anchor), fc.constantFrom("\n", "\r\n"), (rows, newline) => {
          const bytes = v.encode(writeCsv(rows, d, newline));
          const decoded = decodeCsv(bytes, "t.csv");
          expect(decoded.encoding).toBe(v.encoding);
          expect(parseCsv(decoded.text, d).records).toEqual(rows);
        }),
        { numRuns: 60 },
      );
    },
  );
});

describe("chunked parsing", () => {
  it("reads the same records whatever the chunk size (records and quoted line breaks cut by a chunk's end)", () => {
    fc.assert(
      fc.property(
        tableOf(WIDE, ",", ["Date", "渠道"]),
        fc.constantFrom("\n", "\r\n"),
        fc.integer({ min: 1, max: 40 }),
        (rows, newline, chunkSize) => {
          const text = writeCsv(rows, ",", newline);
          expect(parseCsv(text, ",", chunkSize).records).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("delimiter sniffing", () => {
  /** Report-like rows: words, numbers that may hold the other marks ("1,234", "12,5"), quoted when they must be. */
  const cell = fc.oneof(
    fc.constantFrom("Search", "Display", "渠道", "Café", "a b"),
    fc.integer({ min: 0, max: 99999 }).map(String),
    fc.integer({ min: 1000, max: 99999 }).map((n) => n.toLocaleString("en-US")),
    fc.integer({ min: 0, max: 999 }).map((n) => `${n / 10}`.replace(".", ",")),
  );
  const word = fc.constantFrom("Date", "Channel", "ROI", "Sessions", "日期", "Cost (USD)");
  it.each(DELIMITERS.map((d) => [JSON.stringify(d), d] as const))("finds %s in a report of 3+ columns", (_, d) => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 8 })
          .chain((cols) =>
            fc
              .tuple(
                fc.array(word, { minLength: cols, maxLength: cols }),
                fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 2, maxLength: 20 }),
              )
              .map(([header, rows]) => [header, ...rows]),
          ),
        (rows) => {
          const text = writeCsv(rows, d, "\r\n");
          expect(sniffDelimiter(text)).toBe(d);
          expect(parseCsv(text).records).toEqual(rows);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("comment lines", () => {
  it("are kept as one text record each, wherever they start a record", () => {
    const comment = fc
      .array(fc.constantFrom("#", " ", "a", ",", '"', "日", ":"), { maxLength: 10 })
      .map((a) => `#${a.join("")}`);
    const record = fc.array(fieldOf(WIDE, ","), { minLength: 2, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            comment.map((c) => ({ comment: c })),
            record.map((r) => ({ record: r })),
          ),
          {
            minLength: 1,
            maxLength: 10,
          },
        ),
        (items) => {
          const text = items.map((i) => ("comment" in i ? i.comment : writeCsv([i.record], ",", ""))).join("\n") + "\n";
          const parsed = parseCsv(text, ",");
          expect(parsed.records).toEqual(items.map((i) => ("comment" in i ? [i.comment] : i.record)));
          expect([...parsed.comments]).toEqual(items.flatMap((i, n) => ("comment" in i ? [n] : [])));
        },
      ),
      { numRuns: 200 },
    );
  });
});
