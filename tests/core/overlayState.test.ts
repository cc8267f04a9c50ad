import fc from "fast-check";
import { DEFAULT_CONFIG } from "../../src/core/rules/config";
import {
  holdsLegacyWarningFill,
  mergeOverlayStates,
  overlayStateAfterClear,
  readStatePart,
  serializeOverlayState,
  type OverlayState,
} from "../../src/core/overlayState";
import { serializeState, STATE_NAMESPACE, type GrowthSignalsState } from "../../src/core/state";
import { DEFAULT_FILLS } from "../../src/core/colours";

const part = (json: string): string => `<state xmlns="${STATE_NAMESPACE}" version="2">${json}</state>`;

describe("the version 2 state part", () => {
  const state: OverlayState = {
    version: 2,
    settings: DEFAULT_CONFIG,
    flaggedAt: "2026-12-07T10:00:00.000Z",
    rules: [
      { sheet: "Daily & <Weekly>", colour: "red", fill: "#FF7C80", ranges: "G115:G117 E5:F7" },
      { sheet: "渠道周报", colour: "yellow", fill: "#FFD966", ranges: "C2" },
    ],
    fingerprint: { rows: 4, hash: "0123456789abcdef" },
    reportSheet: "Growth Signals",
  };

  it("reads back what it writes", () => {
    expect(readStatePart(serializeOverlayState(state))).toEqual({ state });
  });

  it("escapes every value: markup, a closing state tag and characters XML cannot hold stay inside the text", () => {
    const nasty = { ...state, reportSheet: "</state><x>&amp;\u0001\uFFFE\uD800" };
    const xml = serializeOverlayState(nasty);
    expect(xml).not.toMatch(/<\/state>.*<\/state>/);
    // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
    expect(xml).not.toMatch(/[\u0001\uFFFE\uD800]/);
    // well-formed: an XML parser (jsdom's DOMParser is not available here; saxes is the project's tokenizer)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SaxesParser } = require("saxes") as typeof import("saxes");
    const p = new SaxesParser({ xmlns: true });
    let text = "";
    p.on("text", (t) => (text += t));
    p.write(xml).close();
    expect(JSON.parse(text).reportSheet).toBe(nasty.reportSheet);
    expect(readStatePart(xml)).toEqual({ state: nasty });
  });

  it("ignores a part of another namespace", () => {
    expect(readStatePart("<state>{}</state>")).toBeNull();
  });

  it.each([
    ["not JSON", part("{")],
    ["an unknown version", part('{"version":3,"rules":[]}')],
    ["rules that are not a list", part('{"version":2,"rules":{}}')],
    [
      "a colour we do not have",
      part('{"version":2,"rules":[{"sheet":"S","colour":"blue","fill":"#FF0000","ranges":"A1"}]}'),
    ],
    [
      "a fill that is not #RRGGBB",
      part('{"version":2,"rules":[{"sheet":"S","colour":"red","fill":"red\\"/>","ranges":"A1"}]}'),
    ],
    [
      "ranges that are not a sqref",
      part('{"version":2,"rules":[{"sheet":"S","colour":"red","fill":"#FF0000","ranges":"Sheet2!A1"}]}'),
    ],
    ["settings out of bounds", part('{"version":2,"rules":[],"settings":{"roiBenchmark":-4}}')],
    ["a fingerprint of the wrong form", part('{"version":2,"rules":[],"fingerprint":{"rows":-1,"hash":"x"}}')],
    [
      "a version 1 original with a formula for an address",
      part('{"version":1,"originals":[{"sheet":"S","address":"A1:B2","fill":{"pattern":"none"}}]}'),
    ],
    [
      "a version 1 original with a style index that cannot be",
      part('{"version":1,"originals":[{"sheet":"S","address":"A1","fill":{"pattern":"none"},"xf":-3}]}'),
    ],
    // issue 19: the last flag's findings
    ["findings that are not a list", part('{"version":2,"rules":[],"findings":{"sheet":"S"}}')],
    [
      "a finding of a rule we do not have",
      part('{"version":2,"rules":[],"findings":[{"sheet":"S","rule":"__proto__","channel":"A","runs":["row 1"]}]}'),
    ],
    [
      "a finding's run that ends before it starts",
      part(
        '{"version":2,"rules":[],"findings":[{"sheet":"S","rule":"traffic-drop","channel":"A","runs":["2026-03-04/2026-03-02"]}]}',
      ),
    ],
    [
      "a finding's run on a day that does not exist",
      part(
        '{"version":2,"rules":[],"findings":[{"sheet":"S","rule":"traffic-drop","channel":"A","runs":["2026-02-30"]}]}',
      ),
    ],
    [
      "a finding without runs",
      part('{"version":2,"rules":[],"findings":[{"sheet":"S","rule":"traffic-drop","channel":"A","runs":[]}]}'),
    ],
    [
      "a channel longer than any the record keeps",
      part(
        `{"version":2,"rules":[],"findings":[{"sheet":"S","rule":"traffic-drop","channel":"${"a".repeat(256)}","runs":["row 1"]}]}`,
      ),
    ],
    [
      "more findings than the record's bound (1,000)",
      part(
        `{"version":2,"rules":[],"findings":[${Array.from({ length: 1001 }, (_, i) => `{"sheet":"S","rule":"traffic-drop","channel":"C${i}","runs":["row 1"]}`).join(",")}]}`,
      ),
    ],
    [
      "more runs than the record's bound (4,000)",
      part(
        `{"version":2,"rules":[],"findings":[${Array.from({ length: 2 }, (_, i) => `{"sheet":"S","rule":"traffic-drop","channel":"C${i}","runs":[${Array.from({ length: 2001 }, (_, k) => `"row ${k + 1}"`).join(",")}]}`).join(",")}]}`,
      ),
    ],
  ])("ignores a state with %s, with a sentence, without throwing", (_what, xml) => {
    const r = readStatePart(xml);
    expect(r).not.toBeNull();
    expect(r).toHaveProperty("problem");
    const { problem } = r as { problem: { en: string; zh: string } };
    expect(problem.en).toMatch(/^The workbook's Growth Signals record is damaged \(.+\), so it was ignored;/);
    expect(problem.zh).toContain("增长信号记录已损坏");
  });

  it("never throws, whatever JSON a crafted part holds (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(1, 2), (v, version) => {
        const obj = typeof v === "object" && v !== null && !Array.isArray(v) ? { ...v, version } : v;
        const xml = part(JSON.stringify(obj).replace(/&/g, "&amp;").replace(/</g, "&lt;"));
        const r = readStatePart(xml);
        return r !== null && ("state" in r || "problem" in r);
      }),
      { numRuns: 500 },
    );
  });
});

describe("a state written by the previous release (version 1)", () => {
  const v1: GrowthSignalsState = {
    version: 1,
    settings: { ...DEFAULT_CONFIG, fills: { ...DEFAULT_FILLS, red: "#C00000" } },
    originals: [
      { sheet: "Daily", address: "E5", fill: { pattern: "none" }, xf: 3 },
      { sheet: "Daily", address: "F9", fill: { pattern: "darkGrid", color: "#00FF00", patternColor: "#000000" } },
    ],
    addedSheets: ["Growth Signals"],
    flaggedAt: "2026-11-26T10:00:00.000Z",
  };

  it("reads as a state whose legacy part owes the originals, with the fills that flag wrote", () => {
    const r = readStatePart(serializeState(v1));
    expect(r).toEqual({
      state: {
        version: 2,
        settings: v1.settings,
        flaggedAt: v1.flaggedAt,
        rules: [],
        legacy: { fills: v1.settings!.fills, originals: v1.originals, reportSheets: ["Growth Signals"] },
      },
    });
  });

  it("restores a cell only while it holds exactly a warning fill that flag wrote", () => {
    const fills = v1.settings!.fills;
    expect(holdsLegacyWarningFill({ pattern: "solid", color: "#c00000" }, fills)).toBe(true);
    expect(holdsLegacyWarningFill({ pattern: "solid", color: "#FFD966" }, fills)).toBe(true);
    expect(holdsLegacyWarningFill({ pattern: "solid", color: "#FF7C80" }, fills)).toBe(false); // not this flag's red
    expect(holdsLegacyWarningFill({ pattern: "solid", color: "#00B050" }, fills)).toBe(false); // the user's green
    expect(holdsLegacyWarningFill({ pattern: "solid", color: "#FFD966", tintAndShade: 0.4 }, fills)).toBe(false);
    expect(holdsLegacyWarningFill({ pattern: "none" }, fills)).toBe(false);
  });

  it("keeps the originals Clear could not apply (never dropped) and the settings a user saved", () => {
    const { state } = readStatePart(serializeState({ ...v1, settingsSaved: true })) as { state: OverlayState };
    const left = { ...state.legacy!, originals: state.legacy!.originals.slice(1), reportSheets: [] };
    const kept = overlayStateAfterClear(state, left)!;
    expect(kept.legacy!.originals).toEqual([v1.originals[1]]);
    expect(kept.settingsSaved).toBe(true);
    expect(readStatePart(serializeOverlayState(kept))).toEqual({ state: kept });
    expect(overlayStateAfterClear({ ...state, settingsSaved: undefined }, { ...left, originals: [] })).toBeNull();
  });

  it("merges parts: the first saved original of a cell wins", () => {
    const a = (readStatePart(serializeState(v1)) as { state: OverlayState }).state;
    const b: OverlayState = {
      ...a,
      legacy: {
        ...a.legacy!,
        originals: [{ sheet: "daily", address: "$E$5", fill: { pattern: "solid", color: "#FFD966" } }],
      },
    };
    const merged = mergeOverlayStates([a, b])!;
    expect(merged.legacy!.originals).toEqual(v1.originals);
  });
});

describe("a crafted state part", () => {
  it("is read in linear time: 1 MB of unclosed state tags is refused at once", () => {
    const xml = `<state xmlns="${STATE_NAMESPACE}">` + "<state ".repeat(140_000);
    const t = Date.now();
    expect(readStatePart(xml)).toHaveProperty("problem");
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it("reads past a declaration and a comment, and refuses another root or an unclosed one", () => {
    const body = JSON.stringify({ version: 2, rules: [] });
    expect(
      readStatePart(`<?xml version="1.0"?><!-- c --><gs:state xmlns:gs="${STATE_NAMESPACE}">${body}</gs:state>\n`),
    ).toEqual({
      state: { version: 2, rules: [] },
    });
    expect(readStatePart(`<other xmlns="${STATE_NAMESPACE}">${body}</other>`)).toHaveProperty("problem");
    expect(readStatePart(`<state xmlns="${STATE_NAMESPACE}">${body}`)).toHaveProperty("problem");
    expect(readStatePart(`<state xmlns="${STATE_NAMESPACE}"/>`)).toHaveProperty("problem");
  });
});
