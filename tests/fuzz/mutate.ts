/**
 * Seeded mutations of real workbooks (tests/fixtures/real) for the fuzz harness: what a damaged download, a careless
 * generator or a hostile sender can put in an .xlsx. Case n of seed s is always the same bytes on every machine
 * (mulberry32), so a failure is reproduced by its seed and number alone.
 */
import zlib from "node:zlib";
import { mulberry32 } from "../../src/core/random";
import { readZip, writeZip, type ZipEntry } from "./zip";

export interface Seed {
  name: string;
  entries: ZipEntry[];
  /** True when the seed is a workbook the CLI flagged (it holds a state part). */
  flagged: boolean;
}

export interface FuzzCase {
  id: number;
  seed: string;
  kind: string;
  /** What the mutation did, short (for the report). */
  note: string;
  command: "flag" | "clear";
  bytes: Buffer;
}

type Rng = () => number;
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)];

export function seedOf(name: string, bytes: Buffer, flagged = false): Seed {
  return { name, flagged, entries: readZip(bytes).map((e) => ({ name: e.name, data: e.data })) };
}

function clone(entries: ZipEntry[]): ZipEntry[] {
  return entries.map((e) => ({ ...e, data: Buffer.from(e.data) }));
}

const isXml = (name: string): boolean => /\.(xml|rels|vml)$/i.test(name);

/** An XML part, the ones the CLI reads more often than others. */
function xmlPart(rng: Rng, entries: ZipEntry[]): ZipEntry {
  const xml = entries.filter((e) => isXml(e.name));
  const read = xml.filter((e) =>
    /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/worksheets\/sheet\d+\.xml|customXml\/item\d+\.xml)$/.test(
      e.name,
    ),
  );
  return rng() < 0.8 && read.length ? pick(rng, read) : pick(rng, xml);
}

const sheets = (entries: ZipEntry[]): ZipEntry[] => entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));

/** Offsets just after a `>` that ends a start tag of the part's text (where content may be inserted). */
function tagEnds(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(">"); i >= 0; i = text.indexOf(">", i + 1)) if (text[i - 1] !== "?") out.push(i + 1);
  return out;
}

function insertAt(text: string, at: number, what: string): string {
  return text.slice(0, at) + what + text.slice(at);
}

function edit(e: ZipEntry, f: (text: string) => string): void {
  e.data = Buffer.from(f(e.data.toString("utf8")), "utf8");
}

// ------------------------------------------------------------------ XML mutations

const FLIP_BYTES = [0x3c, 0x3e, 0x22, 0x27, 0x26, 0x2f, 0x3d, 0x20, 0x00, 0x1b, 0xff, 0xc3, 0x23, 0x3a];

function byteFlips(rng: Rng, entries: ZipEntry[]): string {
  const e = xmlPart(rng, entries);
  const n = 1 + int(rng, 8);
  for (let k = 0; k < n && e.data.length; k++)
    e.data[int(rng, e.data.length)] = rng() < 0.7 ? pick(rng, FLIP_BYTES) : int(rng, 256);
  return `${n} bytes of ${e.name}`;
}

function truncateXml(rng: Rng, entries: ZipEntry[]): string {
  const e = xmlPart(rng, entries);
  const at = int(rng, e.data.length);
  e.data = e.data.subarray(0, at);
  return `${e.name} cut at ${at}`;
}

function deepNesting(rng: Rng, entries: ZipEntry[]): string {
  const e = xmlPart(rng, entries);
  const depth = pick(rng, [2_000, 20_000, 100_000, 250_000]);
  const local = pick(rng, ["a", "c", "row", "x:v", "is", "mc:AlternateContent", "Relationship"]);
  const closed = rng() < 0.5;
  const mode = pick(rng, ["unique", "same", "prefixed-ns"]);
  edit(e, (t) => {
    const ends = tagEnds(t);
    const at = ends.length > 1 ? ends[1 + int(rng, ends.length - 1)] : t.length;
    let open: string;
    if (mode === "prefixed-ns") open = `<p:${local.replace(/.*:/, "")} xmlns:p="urn:x">`;
    else open = `<${local}>`;
    const body =
      open.repeat(depth) +
      (closed ? `</${mode === "prefixed-ns" ? "p:" + local.replace(/.*:/, "") : local}>`.repeat(depth) : "");
    return insertAt(t, at, body);
  });
  return `${depth} × <${local}> (${closed ? "closed" : "unclosed"}, ${mode}) in ${e.name}`;
}

function entities(rng: Rng, entries: ZipEntry[]): string {
  const e =
    rng() < 0.6 && entries.some((x) => x.name === "xl/sharedStrings.xml")
      ? entries.find((x) => x.name === "xl/sharedStrings.xml")!
      : xmlPart(rng, entries);
  const laughs =
    '<!ENTITY a "aaaaaaaaaa">' +
    Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY ${"b".repeat(i + 1)} "${`&${i === 0 ? "a" : "b".repeat(i)};`.repeat(10)}">`,
    ).join("");
  const kind = pick(rng, ["laughs", "external", "parameter"]);
  const decl =
    kind === "laughs"
      ? laughs
      : kind === "external"
        ? '<!ENTITY ext SYSTEM "file:///etc/passwd">'
        : '<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;';
  const use = kind === "laughs" ? "&bbbbbbbbb;" : kind === "external" ? "&ext;" : "";
  edit(e, (t) => {
    const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(t.replace(/^<\?[^>]*\?>/, (m) => " ".repeat(m.length)));
    const name = root ? root[1] : "x";
    const at = t.startsWith("<?xml") ? t.indexOf("?>") + 2 : 0;
    let out = insertAt(t, at, `<!DOCTYPE ${name} [${decl}]>`);
    if (use) {
      const ends = tagEnds(out);
      const spot = ends.length > 2 ? ends[2 + int(rng, ends.length - 2)] : out.length;
      out = insertAt(out, spot, use);
    }
    return out;
  });
  return `${kind} entities in ${e.name}`;
}

function hugeAttribute(rng: Rng, entries: ZipEntry[]): string {
  const e = xmlPart(rng, entries);
  const size = pick(rng, [70_000, 300_000, 900_000]);
  const what = pick(rng, ["value", "name", "many", "element-name", "text"]);
  edit(e, (t) => {
    const ends = tagEnds(t);
    const at = ends.length > 1 ? ends[1 + int(rng, ends.length - 1)] - 1 : t.length;
    const before = t[at - 1] === "/" ? at - 1 : at;
    switch (what) {
      case "value":
        return insertAt(t, before, ` huge="${"v".repeat(size)}"`);
      case "name":
        return insertAt(t, before, ` ${"n".repeat(size)}="1"`);
      case "many":
        return insertAt(t, before, Array.from({ length: size / 12 }, (_, i) => ` a${i}="1"`).join(""));
      case "element-name":
        return insertAt(t, at + 1, `<${"e".repeat(size)}/>`);
      default:
        return insertAt(t, at + 1, "&amp;".repeat(size / 5));
    }
  });
  return `${what} of ${size} in ${e.name}`;
}

function danglingRelationship(rng: Rng, entries: ZipEntry[]): string {
  const rels = entries.filter((e) => e.name.endsWith(".rels"));
  const e = pick(rng, rels);
  const target = pick(rng, [
    "missing.xml",
    "../../../../etc/passwd",
    "/xl/worksheets/nothing.xml",
    "",
    "worksheets/sheet1.xml#frag",
    "http://example.com/x",
    "t".repeat(5 * 1024 * 1024),
    "%2e%2e/%2e%2e/x",
    "C:\\Windows\\win.ini",
    "worksheets/\u0001sheet.xml",
  ]);
  const external = rng() < 0.15;
  edit(e, (t) => {
    const targets = [...t.matchAll(/Target="([^"]*)"/g)];
    if (!targets.length) return t;
    const m = pick(rng, targets);
    const esc = target.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/\x01/g, "&#x1;"); // eslint-disable-line no-control-regex -- the character the target carries
    return (
      t.slice(0, m.index) +
      `Target="${esc}"${external ? ' TargetMode="External"' : ""}` +
      t.slice(m.index! + m[0].length)
    );
  });
  if (rng() < 0.3) {
    // and a part a relationship points to goes missing
    const victims = entries.filter((x) =>
      /^xl\/(styles|sharedStrings|theme\/theme1|worksheets\/sheet1)\.xml$/.test(x.name),
    );
    if (victims.length) {
      const v = pick(rng, victims);
      entries.splice(entries.indexOf(v), 1);
      return `${e.name} → ${JSON.stringify(target.slice(0, 40))}${target.length > 40 ? `… (${target.length})` : ""}, ${v.name} removed`;
    }
  }
  return `${e.name} → ${JSON.stringify(target.slice(0, 40))}${target.length > 40 ? `… (${target.length})` : ""}`;
}

const BAD_NUMBERS = ["99999999", "-1", "1e9", "abc", "", "4294967296", "1.5", " 3 ", "NaN", "0x10", "9".repeat(400)];

function outOfRange(rng: Rng, entries: ZipEntry[]): string {
  const sheet = pick(rng, sheets(entries).length ? sheets(entries) : entries);
  const styles = entries.find((e) => e.name === "xl/styles.xml");
  const workbook = entries.find((e) => e.name === "xl/workbook.xml");
  const target = pick(rng, ["cell-s", "cell-sst", "cell-r", "row-r", "xf", "workbook", "count"]);
  const bad = pick(rng, BAD_NUMBERS);
  const replaceOne = (e: ZipEntry | undefined, re: RegExp, f: (m: RegExpMatchArray) => string): boolean => {
    if (!e) return false;
    const t = e.data.toString("utf8");
    const ms = [...t.matchAll(re)];
    if (!ms.length) return false;
    const m = pick(rng, ms);
    e.data = Buffer.from(t.slice(0, m.index) + f(m) + t.slice(m.index! + m[0].length), "utf8");
    return true;
  };
  switch (target) {
    case "cell-s":
      if (!replaceOne(sheet, /<c r="([A-Z]+\d+)"/g, (m) => `<c r="${m[1]}" s="${bad}"`))
        replaceOne(sheet, /<c /g, () => `<c s="${bad}" `);
      break;
    case "cell-sst":
      replaceOne(sheet, /<c ([^>]*?)t="s"([^>]*)><v>\d+<\/v>/g, (m) => `<c ${m[1]}t="s"${m[2]}><v>${bad}</v>`);
      break;
    case "cell-r":
      replaceOne(
        sheet,
        /<c r="[A-Z]+\d+"/g,
        () => `<c r="${pick(rng, ["XFE1", "A0", "A1048577", "ZZZZZZZZ9999999999", "1A", bad])}"`,
      );
      break;
    case "row-r":
      replaceOne(sheet, /<row r="\d+"/g, () => `<row r="${pick(rng, ["0", "1048577", "99999999999", bad])}"`);
      break;
    case "xf":
      replaceOne(styles, /(fillId|fontId|borderId|numFmtId|xfId)="\d+"/g, (m) => `${m[1]}="${bad}"`);
      break;
    case "workbook":
      replaceOne(workbook, /(sheetId|activeTab|firstSheet|localSheetId)="\d+"/g, (m) => `${m[1]}="${bad}"`);
      break;
    default:
      replaceOne(pick(rng, [styles, sheet, workbook]), /count="\d+"/g, () => `count="${bad}"`);
  }
  return `${target} = ${JSON.stringify(bad.slice(0, 20))}`;
}

function characterReferences(rng: Rng, entries: ZipEntry[]): string {
  const ref = pick(rng, [
    "&#x110000;",
    "&#xD800;",
    "&#0;",
    "&#99999999999;",
    "&#x1B;",
    "&#xFFFE;",
    "_x001B_[31m",
    "_xD800_",
    "\u001b[2J",
  ]);
  const sst = entries.find((e) => e.name === "xl/sharedStrings.xml");
  const where = pick(rng, ["sst", "sheet", "sheet-name"]);
  if (where === "sst" && sst) edit(sst, (t) => t.replace(/<t( [^>]*)?>/, (m) => m + ref));
  else if (where === "sheet-name") {
    const wb = entries.find((e) => e.name === "xl/workbook.xml");
    if (wb) edit(wb, (t) => t.replace(/name="/, `name="${ref}`));
  } else {
    const s = pick(rng, sheets(entries));
    if (s) edit(s, (t) => t.replace(/<t( [^>]*)?>|<v>/, (m) => m + ref));
  }
  return `${JSON.stringify(ref)} in ${where}`;
}

/** A channel name that carries terminal escapes, as OOXML's `_xHHHH_` escaping lets a text cell hold them. */
function terminalEscapes(rng: Rng, entries: ZipEntry[]): string {
  // the raw characters, as a lenient writer leaves them (not well-formed XML), or OOXML's escapes of them
  const seq = pick(rng, [
    "\u001b[31mRED\u001b[0m",
    "\u001b]0;owned\u0007",
    "\u009b2J",
    "\u202egnp.exe",
    "_x001B_[31mRED_x001B_[0m",
    "_x0008__x0008_",
  ]);
  let n = 0;
  for (const e of [...sheets(entries), ...entries.filter((x) => x.name === "xl/sharedStrings.xml")])
    edit(e, (t) =>
      t.replace(/(<t(?: [^>]*)?>)(Social|Search|信息流|搜索)/g, (_, open: string, name: string) => {
        n++;
        return `${open}${name}${seq}`;
      }),
    );
  return `${n} channel names with ${JSON.stringify(seq)}`;
}

/** The package's Default for .xml is not application/xml (as EPPlus writes it), or is missing. */
function contentTypeDefaults(rng: Rng, entries: ZipEntry[]): string {
  const ct = entries.find((e) => e.name === "[Content_Types].xml")!;
  const what = pick(rng, [
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "text/xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
    "(none)",
  ]);
  edit(ct, (t) =>
    what === "(none)"
      ? t.replace(/<Default [^>]*Extension="xml"[^>]*\/>/i, "")
      : t
          .replace(/(<Default [^>]*Extension="xml"[^>]*ContentType=")[^"]*(")/i, `$1${what}$2`)
          .replace(/(<Default [^>]*ContentType=")[^"]*("[^>]*Extension="xml")/i, `$1${what}$2`),
  );
  return `Default xml → ${what}`;
}

/** The state part of a flagged workbook, crafted. */
function craftedState(rng: Rng, entries: ZipEntry[]): string {
  const item = entries.find((e) => /^customXml\/item\d+\.xml$/.test(e.name) && e.data.includes("growth-signals"));
  if (!item) return byteFlips(rng, entries);
  const text = item.data.toString("utf8");
  const m = /^([\s\S]*?<state[^>]*>)([\s\S]*)(<\/state>[\s\S]*)$/.exec(text);
  if (!m) return byteFlips(rng, entries);
  const json = m[2].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  let state: Record<string, unknown>;
  try {
    state = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return byteFlips(rng, entries);
  }
  const originals = Array.isArray(state.originals) ? (state.originals as Record<string, unknown>[]) : [];
  const sheetNames = [
    ...entries
      .find((e) => e.name === "xl/workbook.xml")!
      .data.toString("utf8")
      .matchAll(/<sheet [^>]*name="([^"]*)"/g),
  ].map((x) => x[1]);
  const rules = Array.isArray(state.rules) ? (state.rules as Record<string, unknown>[]) : [];
  const anyRule = (): Record<string, unknown> => rules[int(rng, Math.max(rules.length, 1))] ?? {};
  const v1 = state.version === 1;
  const what = pick(rng, [
    ...(v1
      ? ["addedSheets-user", "addedSheets-all", "xf-huge", "xf-string", "address-bad", "sheet-other", "fill-weird"]
      : [
          "rule-sheet",
          "rule-ranges",
          "rule-fill",
          "rule-colour",
          "fingerprint",
          "report-sheet",
          "legacy",
          "many-rules",
          "findings",
          "many-findings",
        ]),
    "markup-in-values",
    "originals-not-array",
    "many-originals",
    "settings-weird",
    "version",
    "deep-json",
    "raw-bytes",
  ]);
  const anyOriginal = (): Record<string, unknown> => originals[int(rng, Math.max(originals.length, 1))] ?? {};
  switch (what) {
    case "addedSheets-user":
      state.addedSheets = [pick(rng, sheetNames)];
      break;
    case "addedSheets-all":
      state.addedSheets = sheetNames;
      break;
    case "xf-huge":
      anyOriginal().xf = pick(rng, [1e9, -5, 2 ** 53, 1.5]);
      break;
    case "xf-string":
      anyOriginal().xf = pick(rng, ["3", "<x/>", null, {}]);
      break;
    case "address-bad":
      anyOriginal().address = pick(rng, ["XFE1", "A0", "A99999999", "", "B2:C3", "ZZZZZZZZ1", "<c/>"]);
      break;
    case "sheet-other":
      anyOriginal().sheet = pick(rng, [...sheetNames, "nope", "", "a".repeat(10000)]);
      break;
    case "fill-weird":
      anyOriginal().fill = pick(rng, [
        { type: "solid", color: '"/><evil/>' },
        { pattern: "solid", color: "</fill>" },
        { pattern: "<&>", fg: "x" },
        "red",
        null,
        { pattern: "gradient", stops: 1e6 },
      ]);
      break;
    case "rule-sheet":
      anyRule().sheet = pick(rng, [...sheetNames, "nope", "", '"/><x a="', "a".repeat(100_000)]);
      break;
    case "rule-ranges":
      anyRule().ranges = pick(rng, [
        "A1:XFD1048576",
        "XFE1",
        "A0",
        "",
        "<x/>",
        "A1 ".repeat(200_000),
        "Sheet2!A1",
        "A1:B2:C3",
        12,
      ]);
      break;
    case "rule-fill":
      anyRule().fill = pick(rng, ["#GGGGGG", "</fill>", "", null, '#FF0000"/><x', 5]);
      break;
    case "rule-colour":
      anyRule().colour = pick(rng, ["purple", "", null, "__proto__", "constructor"]);
      break;
    case "fingerprint":
      state.fingerprint = pick(rng, [null, "x", { rows: -1, hash: 5 }, { rows: 1e12, hash: "<x>" }, []]);
      break;
    case "report-sheet":
      state.reportSheet = pick(rng, [...sheetNames, "", '"/><x', "a".repeat(10_000)]);
      break;
    case "legacy":
      state.legacy = pick(rng, [
        {
          fills: { yellow: "#FFD966", orange: "#F4B183", red: "#FF7C80" },
          originals: [{ sheet: pick(rng, sheetNames), address: "A1", fill: { pattern: "none" }, xf: 1e9 }],
          reportSheets: sheetNames,
        },
        { fills: null, originals: "x", reportSheets: [1, 2] },
        { fills: { yellow: "<x>" }, originals: [], reportSheets: [] },
      ]);
      break;
    case "findings":
      // issue 19: the last flag's findings, crafted (a record the next flag compares with)
      state.findings = pick(rng, [
        [
          {
            sheet: pick(rng, sheetNames),
            rule: "roi-below-benchmark",
            channel: "Search",
            runs: ["2026-03-02/2026-03-04"],
          },
        ],
        [{ sheet: pick(rng, sheetNames), rule: "traffic-drop", channel: "<x/>", runs: ["2026-03-04/2026-03-02"] }],
        [{ sheet: "x", rule: "__proto__", channel: "", runs: ["row 1"] }],
        [{ sheet: "x", rule: "traffic-drop", channel: "a".repeat(100_000), runs: ["row 1/row 3"] }],
        [{ sheet: "x", rule: "traffic-drop", channel: "", runs: [] }],
        [{ sheet: "x", rule: "traffic-drop", channel: "", runs: ["2026-02-30", 5, null] }],
        { sheet: "x" },
        "findings",
      ]);
      if (rng() < 0.5) state.findingsCapped = pick(rng, [true, "yes", 1]);
      break;
    case "many-findings":
      state.findings = Array.from({ length: pick(rng, [1_001, 5_000, 100_000]) }, (_, i) => ({
        sheet: sheetNames[0],
        rule: "traffic-drop",
        channel: `C${i}`,
        runs: [`row ${i + 1}`],
      }));
      break;
    case "many-rules":
      state.rules = Array.from({ length: 100_000 }, (_, i) => ({ ...anyRule(), ranges: `A${i + 1}` }));
      break;
    case "markup-in-values":
      for (const o of [...originals, ...rules]) o.sheet = `${String(o.sheet)}"/></sheets><x a="`;
      state.addedSheets = ['Growth Signals"/><sheet name="x'];
      state.reportSheet = 'Growth Signals"/><sheet name="x';
      break;
    case "originals-not-array":
      if (v1) state.originals = pick(rng, [{}, "x", 5, null]);
      else state.rules = pick(rng, [{}, "x", 5, null]);
      break;
    case "many-originals":
      if (v1)
        state.originals = Array.from({ length: 200_000 }, (_, i) => ({
          ...anyOriginal(),
          address: `A${(i % 1048576) + 1}`,
        }));
      else
        state.legacy = {
          fills: { yellow: "#FFD966", orange: "#F4B183", red: "#FF7C80" },
          originals: Array.from({ length: 200_000 }, (_, i) => ({
            sheet: sheetNames[0],
            address: `A${i + 1}`,
            fill: { pattern: "none" },
          })),
          reportSheets: [],
        };
      break;
    case "settings-weird":
      state.settings = pick(rng, [
        { roiBenchmark: "x" },
        { fills: { red: "</fill>" } },
        null,
        [],
        { trafficWindow: 1e9 },
      ]);
      state.settingsSaved = true;
      break;
    case "version":
      state.version = pick(rng, [0, 3, "2", null, 1.5]);
      break;
    case "deep-json":
      item.data = Buffer.from(m[1] + "[".repeat(100_000) + "]".repeat(100_000) + m[3], "utf8");
      return `state ${what}`;
    default:
      item.data = Buffer.from(m[1] + '{"version":1,"originals":[' + "\u0000\u001b" + m[3], "utf8");
      return `state ${what}`;
  }
  const out = JSON.stringify(state).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  item.data = Buffer.from(m[1] + out + m[3], "utf8");
  return `state v${String(v1 ? 1 : 2)} ${what}`;
}

/**
 * A part within the declared-size limits that inflates to hundreds of megabytes from under a megabyte: a sheet of
 * repeated cells, a shared-string table of repeated strings, or a styles part of repeated entries.
 */
function compressionBomb(rng: Rng, entries: ZipEntry[]): string {
  const which = pick(rng, ["sheet", "sst", "styles", "rels"]);
  const mb = pick(rng, [40, 150, 600]);
  const unit =
    which === "sheet"
      ? "<c><v>1</v></c>"
      : which === "sst"
        ? "<si><t>x</t></si>"
        : which === "styles"
          ? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
          : '<Relationship Id="r" Type="t" Target="x"/>';
  const reps = Math.floor((mb * 1024 * 1024) / unit.length);
  const e =
    which === "sheet"
      ? pick(rng, sheets(entries))
      : entries.find(
          (x) =>
            x.name ===
            (which === "sst"
              ? "xl/sharedStrings.xml"
              : which === "styles"
                ? "xl/styles.xml"
                : "xl/_rels/workbook.xml.rels"),
        );
  if (!e) return byteFlips(rng, entries);
  const t = e.data.toString("utf8");
  const anchor =
    which === "sheet"
      ? t.search(/<\/(\w+:)?row>/)
      : which === "sst"
        ? t.search(/<\/(\w+:)?sst>/)
        : which === "styles"
          ? t.search(/<\/(\w+:)?cellXfs>/)
          : t.search(/<\/Relationships>/);
  if (anchor < 0) return byteFlips(rng, entries);
  // deflated in pieces, so the harness itself never holds the whole inflated part
  const head = Buffer.from(t.slice(0, anchor), "utf8");
  const tail = Buffer.from(t.slice(anchor), "utf8");
  const chunk = Buffer.from(unit.repeat(65536), "utf8");
  const pieces: Buffer[] = [head];
  for (let k = 0; k < Math.floor(reps / 65536); k++) pieces.push(chunk);
  pieces.push(tail);
  let crc = 0;
  let size = 0;
  for (const p of pieces) {
    crc = (zlib as unknown as { crc32: (b: Uint8Array, v: number) => number }).crc32(p, crc);
    size += p.length;
  }
  e.raw = deflatePieces(pieces);
  e.crc = crc >>> 0;
  e.size = size;
  e.method = 8;
  e.data = Buffer.alloc(0);
  return `${e.name} inflates to ${(size / 1024 / 1024).toFixed(0)} MB from ${(e.raw.length / 1024).toFixed(0)} KB`;
}

/**
 * Raw deflate of the concatenation of `pieces` without holding it whole: each piece deflated on its own with the
 * previous piece as dictionary and a sync flush (byte-aligned, not final), so the streams concatenate into one.
 */
function deflatePieces(pieces: Buffer[]): Buffer {
  const out: Buffer[] = [];
  let prev: Buffer | undefined;
  let repeated: Buffer | undefined;
  pieces.forEach((p, i) => {
    const last = i === pieces.length - 1;
    let d = !last && prev === p ? repeated : undefined;
    if (!d) {
      d = zlib.deflateRawSync(p, {
        level: 9,
        ...(prev ? { dictionary: prev.subarray(-32768) } : {}),
        finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      });
      if (!last && prev === p) repeated = d;
    }
    out.push(d);
    prev = p;
  });
  return Buffer.concat(out);
}

/**
 * A sheet grown to megabytes of real-looking rows (its own data rows repeated with new row numbers and some values
 * changed), so the input is near 1 MB and expands to tens of megabytes: the 5 s / 512 MB target on a big valid file.
 */
function bigTable(rng: Rng, entries: ZipEntry[]): string {
  const e = pick(rng, sheets(entries));
  if (!e) return byteFlips(rng, entries);
  const target = pick(rng, [6, 16, 30]) * 1024 * 1024;
  const t = e.data.toString("utf8");
  const rows = [...t.matchAll(/<(\w+:)?row\b[^>]*>[\s\S]*?<\/(\w+:)?row>/g)];
  if (rows.length < 3) return byteFlips(rng, entries);
  const data = rows.slice(1).map((m) => m[0]);
  const last = rows[rows.length - 1];
  const end = last.index! + last[0].length;
  const out: string[] = [];
  let size = 0;
  let n = Number(/\br="(\d+)"/.exec(last[0])?.[1] ?? rows.length) + 1;
  while (size < target && n <= 1_048_576) {
    const row = data[int(rng, data.length)]
      .replace(/(<(?:\w+:)?row\b[^>]*?\br=")\d+/, `$1${n}`)
      .replace(/(<(?:\w+:)?c\b[^>]*?\br="[A-Z]+)\d+/g, `$1${n}`)
      .replace(/<v>(\d+)\.(\d+)<\/v>/g, (m, a: string) => (rng() < 0.3 ? `<v>${a}.${int(rng, 1000)}</v>` : m));
    out.push(row);
    size += row.length;
    n++;
  }
  e.data = Buffer.from(t.slice(0, end) + out.join("") + t.slice(end), "utf8");
  return `${e.name} grown to ${n - 1} rows (${(e.data.length / 1024 / 1024).toFixed(0)} MB)`;
}

// ------------------------------------------------------------------ zip damage

function badCrc(rng: Rng, entries: ZipEntry[]): string {
  const e = pick(
    rng,
    entries.filter((x) => !x.name.endsWith("/")),
  );
  if (rng() < 0.5) {
    e.crc = ((e.crc ?? 0) ^ (1 + int(rng, 0xffff))) >>> 0 || 1;
    return `CRC of ${e.name} changed`;
  }
  // the stored bytes damaged, the CRC kept: the CRC is computed on the original data
  e.crc = (zlib as unknown as { crc32: (b: Uint8Array) => number }).crc32(e.data) >>> 0;
  const raw = Buffer.from(zlib.deflateRawSync(e.data));
  if (raw.length > 4) raw[2 + int(rng, raw.length - 4)] ^= 1 << int(rng, 8);
  e.raw = raw;
  e.size = e.data.length;
  return `a bit of ${e.name}'s compressed data flipped`;
}

function duplicateName(rng: Rng, entries: ZipEntry[]): string {
  const e = xmlPart(rng, entries);
  const copy: ZipEntry = {
    name: rng() < 0.3 ? e.name.toUpperCase() : e.name,
    data: Buffer.from(rng() < 0.5 ? "<x/>" : e.data),
  };
  entries.splice(int(rng, entries.length + 1), 0, copy);
  return `second entry named ${copy.name}`;
}

function traversalName(rng: Rng, entries: ZipEntry[]): string {
  const name = pick(rng, [
    "../../evil.xml",
    "/etc/evil.xml",
    "xl/../../evil.xml",
    "xl\\..\\..\\evil.xml",
    "C:/evil.xml",
    "xl/worksheets/\u001b[31msheet9.xml",
    "x".repeat(60000),
    "xl/",
  ]);
  const move = rng() < 0.4;
  if (move) {
    const e = xmlPart(rng, entries);
    const old = e.name;
    e.name = name;
    return `${old} renamed ${JSON.stringify(name.slice(0, 40))}`;
  }
  entries.push({ name, data: Buffer.from("<x/>") });
  return `entry ${JSON.stringify(name.slice(0, 40))} added`;
}

function sizeLie(rng: Rng, entries: ZipEntry[]): string {
  const e = xmlPart(rng, entries);
  e.size = pick(rng, [0, 1, Math.floor(e.data.length / 2), e.data.length + 100, 0xffffffff]);
  if (rng() < 0.3) e.method = pick(rng, [0, 12, 99]);
  return `${e.name} declares ${e.size} bytes (method ${e.method ?? 8})`;
}

const XML_MUTATIONS: Record<string, (rng: Rng, entries: ZipEntry[]) => string> = {
  byteFlips,
  truncateXml,
  deepNesting,
  entities,
  hugeAttribute,
  danglingRelationship,
  outOfRange,
  characterReferences,
  terminalEscapes,
  contentTypeDefaults,
  craftedState,
  compressionBomb,
  bigTable,
  badCrc,
  duplicateName,
  traversalName,
  sizeLie,
};

/** How often each mutation is drawn (out of the sum), plus whole-file truncation. */
const WEIGHTS: [string, number][] = [
  ["byteFlips", 14],
  ["truncateXml", 6],
  ["deepNesting", 6],
  ["entities", 5],
  ["hugeAttribute", 6],
  ["danglingRelationship", 7],
  ["outOfRange", 10],
  ["characterReferences", 5],
  ["terminalEscapes", 3],
  ["contentTypeDefaults", 3],
  ["craftedState", 12],
  ["compressionBomb", 4],
  ["bigTable", 3],
  ["badCrc", 5],
  ["duplicateName", 3],
  ["traversalName", 3],
  ["sizeLie", 3],
  ["zipTruncate", 3],
  ["combined", 4],
];
const TOTAL = WEIGHTS.reduce((s, [, w]) => s + w, 0);

function drawKind(rng: Rng): string {
  let x = rng() * TOTAL;
  for (const [k, w] of WEIGHTS) if ((x -= w) < 0) return k;
  return WEIGHTS[0][0];
}

/** Case `id` of the run seeded `seed`, mutated from one of `seeds`. */
export function makeCase(seed: number, id: number, seeds: Seed[]): FuzzCase {
  const rng = mulberry32((seed * 100_003 + id * 7919) >>> 0);
  const kind = drawKind(rng);
  const pool = kind === "craftedState" ? seeds.filter((s) => s.flagged) : seeds;
  const base = pick(rng, pool.length ? pool : seeds);
  const entries = clone(base.entries);
  const command: "flag" | "clear" = base.flagged && rng() < 0.6 ? "clear" : "flag";
  let note: string;
  let bytes: Buffer;
  if (kind === "zipTruncate") {
    const whole = writeZip(entries);
    const at = int(rng, whole.length);
    bytes = whole.subarray(0, at);
    note = `zip cut at ${at} of ${whole.length}`;
  } else if (kind === "combined") {
    const a = pick(rng, ["byteFlips", "outOfRange", "danglingRelationship", "characterReferences", "craftedState"]);
    const b = pick(rng, ["badCrc", "duplicateName", "outOfRange", "contentTypeDefaults", "hugeAttribute"]);
    note = `${XML_MUTATIONS[a](rng, entries)}; ${XML_MUTATIONS[b](rng, entries)}`;
    bytes = writeZip(entries);
  } else {
    note = XML_MUTATIONS[kind](rng, entries);
    bytes = writeZip(entries);
  }
  return { id, seed: base.name, kind, note, command, bytes };
}
