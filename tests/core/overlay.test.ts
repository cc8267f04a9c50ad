import fc from "fast-check";
import { parseRange } from "../../src/core/a1";
import { DEFAULT_FILLS } from "../../src/core/colours";
import {
  areasRef,
  chunkAreas,
  coveredRows,
  fingerprintChanged,
  flaggedRowsFingerprint,
  fnv1a32,
  isOverlayFormula,
  OVERLAY_FORMULA,
  overlayFingerprint,
  overlayRules,
  rowKey,
  type FlaggedCell,
} from "../../src/core/overlay";

const cell = (sheet: string, a1: string, colour: FlaggedCell["colour"]): FlaggedCell => {
  const r = parseRange(a1)!;
  return { sheet, row: r.top, col: r.left, colour };
};

describe("the marker formula", () => {
  it("is always TRUE in a spreadsheet: N of a text is 0 (Excel and LibreOffice documentation of N)", () => {
    expect(OVERLAY_FORMULA).toBe('N("growth-signals")=0');
  });

  it("is recognised as written back by Excel, LibreOffice or Office.js, and nothing else is", () => {
    for (const f of [
      'N("growth-signals")=0',
      '=N("growth-signals")=0',
      ' n( "growth-signals" ) = 0',
      '(N("growth-signals")=0)',
    ])
      expect(isOverlayFormula(f)).toBe(true);
    for (const f of ['N("growth-signals")=1', "TRUE", 'N("growth")=0', '$A$1="growth-signals"', ""])
      expect(isOverlayFormula(f)).toBe(false);
  });
});

describe("the overlay rules of a flag", () => {
  it("groups each sheet's cells per colour, red first, runs down a column and equal runs side by side as rectangles", () => {
    // hand-drawn: on Daily, G115:G117 red; E5:F7 orange (two columns, same rows) and E9 orange; C2 yellow
    const cells = [
      cell("Daily", "C2", "yellow"),
      ...["E5", "E6", "E7", "F5", "F6", "F7", "E9"].map((a) => cell("Daily", a, "orange")),
      ...["G117", "G115", "G116"].map((a) => cell("Daily", a, "red")),
      cell("周报", "B3", "red"),
    ];
    const rules = overlayRules(cells, DEFAULT_FILLS);
    expect(rules.map((r) => [r.sheet, r.colour, r.fill, areasRef(r.areas)])).toEqual([
      ["Daily", "red", "#FF7C80", "G115:G117"],
      ["Daily", "orange", "#F4B183", "E5:F7 E9"],
      ["Daily", "yellow", "#FFD966", "C2"],
      ["周报", "red", "#FF7C80", "B3"],
    ]);
  });

  it("gives a cell listed by two tables its most severe colour only", () => {
    const rules = overlayRules(
      [cell("S", "A1", "yellow"), cell("S", "A1", "red"), cell("S", "A1", "orange")],
      DEFAULT_FILLS,
    );
    expect(rules.map((r) => [r.colour, areasRef(r.areas)])).toEqual([["red", "A1"]]);
  });

  it("covers exactly the flagged cells (property: areas are disjoint and their cells are the input)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 30 }),
            fc.integer({ min: 0, max: 6 }),
            fc.constantFrom("red", "orange", "yellow"),
          ),
          {
            maxLength: 120,
          },
        ),
        (list) => {
          const cells = list.map(([row, col, colour]) => ({
            sheet: "S",
            row,
            col,
            colour: colour as FlaggedCell["colour"],
          }));
          const expected = new Map<string, string>();
          const rank = { yellow: 1, orange: 2, red: 3 };
          for (const c of cells) {
            const k = `${c.row},${c.col}`;
            const prev = expected.get(k) as FlaggedCell["colour"] | undefined;
            if (!prev || rank[c.colour] > rank[prev]) expected.set(k, c.colour);
          }
          const got = new Map<string, string>();
          for (const r of overlayRules(cells, DEFAULT_FILLS))
            for (const a of r.areas)
              for (let row = a.top; row <= a.bottom; row++)
                for (let col = a.left; col <= a.right; col++) {
                  const k = `${row},${col}`;
                  if (got.has(k)) return false;
                  got.set(k, r.colour);
                }
          return got.size === expected.size && [...expected].every(([k, c]) => got.get(k) === c);
        },
      ),
    );
  });

  it("splits areas into chunks within an address length limit, in order", () => {
    const areas = ["A1", "B2:B9", "C3", "D4:E5"].map((a) => parseRange(a)!);
    const chunks = chunkAreas(areas, 9);
    expect(chunks.map((c) => areasRef(c, ","))).toEqual(["A1,B2:B9", "C3,D4:E5"]);
    expect(chunks.every((c) => areasRef(c, ",").length <= 9)).toBe(true);
    expect(chunkAreas(areas, 1).length).toBe(4);
  });

  it("lists each covered row once", () => {
    expect(coveredRows(["A2:A4", "C3:D5"].map((a) => parseRange(a)!))).toEqual([1, 2, 3, 4]);
  });
});

describe("the flagged rows' fingerprint", () => {
  it("hashes with FNV-1a 32 as published (Noll's test vectors: 'a' → e40c292c, 'foobar' → bf9cf968)", () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(fnv1a32(enc("")).toString(16)).toBe("811c9dc5");
    expect(fnv1a32(enc("a")).toString(16)).toBe("e40c292c");
    expect(fnv1a32(enc("foobar")).toString(16)).toBe("bf9cf968");
  });

  it("reads a date serial number and its text alike, trims text, and gives blank rows no key", () => {
    expect(rowKey("Douyin", 46082)).toBe(rowKey(" Douyin ", "46082"));
    expect(rowKey("Douyin", "46082.0")).toBe(rowKey("Douyin", 46082));
    expect(rowKey(null, "")).toBeNull();
    expect(rowKey("A", "2026-03-02")).not.toBe(rowKey("A", "2026-03-03"));
  });

  it("does not depend on the order of the rows or rules, and ignores inserted blank rows", () => {
    const a = flaggedRowsFingerprint(["x\u00011", "y\u00012", "z\u00013"]);
    expect(flaggedRowsFingerprint(["z\u00013", null, "x\u00011", "y\u00012"])).toEqual(a);
    expect(a.rows).toBe(3);
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("changes when a row under a rule holds another channel or period (a sort), or a flagged row is gone", () => {
    // a sheet: rows 2–5 (A1 numbering) hold channels A–D on day 1 under a header; a rule covers E2:E3 (A, B)
    const sheet = ["Channel", "A", "B", "C", "D"];
    const rules = [{ sheet: "S", areas: [parseRange("E2:E3")!] }];
    const flagged = overlayFingerprint(rules, (_s, row) => rowKey(sheet[row], 1));
    // 3 rows inserted above: the program moved the rule to E5:E6 with its rows
    const moved = ["Channel", "", "", "", "A", "B", "C", "D"];
    const after = overlayFingerprint([{ sheet: "S", areas: [parseRange("E5:E6")!] }], (_s, r) => rowKey(moved[r], 1));
    expect(fingerprintChanged(flagged, after)).toBe(false);
    // A and B swapped: the rule still covers the two flagged rows, so the colours still sit on them
    const swapped = ["Channel", "B", "A", "C", "D"];
    expect(
      fingerprintChanged(
        flagged,
        overlayFingerprint(rules, (_s, r) => rowKey(swapped[r], 1)),
      ),
    ).toBe(false);
    // sorted descending: D and C now sit under the rule
    const sorted = ["Channel", "D", "C", "B", "A"];
    expect(
      fingerprintChanged(
        flagged,
        overlayFingerprint(rules, (_s, r) => rowKey(sorted[r], 1)),
      ),
    ).toBe(true);
    // a flagged row deleted: the rule shrinks to one row
    const shrunk = overlayFingerprint([{ sheet: "S", areas: [parseRange("E2")!] }], (_s, r) => rowKey(sheet[r], 1));
    expect(fingerprintChanged(flagged, shrunk)).toBe(true);
  });
});

describe("a fingerprint of rules stretched over whole sheets", () => {
  it("is not walked row by row and never equals a recorded one", () => {
    const whole = [{ sheet: "S", areas: Array.from({ length: 1000 }, () => parseRange("A1:A1048576")!) }];
    const t = Date.now();
    const f = overlayFingerprint(whole, () => "x");
    expect(Date.now() - t).toBeLessThan(100);
    expect(f.hash).toBe("");
    expect(fingerprintChanged({ rows: f.rows, hash: "0123456789abcdef" }, f)).toBe(true);
  });
});
