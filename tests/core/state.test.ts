import {
  emptyState,
  parseState,
  serializeState,
  stateAfterClear,
  STATE_NAMESPACE,
  type GrowthSignalsState,
} from "../../src/core/state";
import { DEFAULT_CONFIG } from "../../src/core/rules/config";

describe("the workbook state format", () => {
  const state: GrowthSignalsState = {
    version: 1,
    originals: [
      { sheet: "Daily & <Weekly>", address: "E5", fill: { pattern: "none" }, xf: 3 },
      { sheet: "渠道周报", address: "C2", fill: { pattern: "solid", color: "#FFFFFF" } },
      { sheet: "Daily", address: "F9", fill: { pattern: "darkGrid", color: "#00FF00", patternColor: "#000000" } },
    ],
    addedSheets: ["Growth Signals"],
    flaggedAt: "2026-11-26T10:00:00.000Z",
  };

  it("is a custom XML part in the Growth Signals namespace that reads back unchanged", () => {
    const xml = serializeState(state);
    expect(xml).toContain(`xmlns="${STATE_NAMESPACE}"`);
    expect(parseState(xml)).toEqual(state);
  });

  it("escapes markup in sheet names so the part stays well-formed XML", () => {
    const xml = serializeState(state);
    expect(xml).not.toContain("<Weekly>");
    expect(xml).toContain("&lt;Weekly&gt;");
  });

  it("tells no fill apart from a real white fill", () => {
    const back = parseState(serializeState(state))!;
    expect(back.originals[0].fill).toEqual({ pattern: "none" });
    expect(back.originals[1].fill).toEqual({ pattern: "solid", color: "#FFFFFF" });
  });

  it("reads a part written with a namespace prefix and entity-escaped quotes (as other XML writers do)", () => {
    const json = JSON.stringify(emptyState()).replace(/"/g, "&quot;");
    const xml = `<gs:state xmlns:gs="${STATE_NAMESPACE}" version="1">${json}</gs:state>`;
    expect(parseState(xml)).toEqual({
      version: 1,
      originals: [],
      addedSheets: [],
      settings: undefined,
      flaggedAt: undefined,
    });
  });

  it("rejects parts that are not a Growth Signals state", () => {
    expect(parseState("<other>{}</other>")).toBeNull();
    expect(parseState(`<state xmlns="${STATE_NAMESPACE}">not json</state>`)).toBeNull();
    expect(parseState(`<state xmlns="${STATE_NAMESPACE}">{"version":2,"originals":[]}</state>`)).toBeNull();
  });
});

describe("what Clear leaves of the state", () => {
  const flagged: GrowthSignalsState = {
    version: 1,
    settings: DEFAULT_CONFIG,
    originals: [{ sheet: "Daily", address: "E5", fill: { pattern: "none" } }],
    addedSheets: ["Growth Signals"],
  };

  it("removes the part when the settings were only those a flag used", () => {
    expect(stateAfterClear(flagged)).toBeNull();
  });

  it("keeps settings a user saved on purpose, without originals or added sheets", () => {
    const kept = stateAfterClear({ ...flagged, settingsSaved: true });
    expect(kept).toEqual({ version: 1, settings: DEFAULT_CONFIG, settingsSaved: true, originals: [], addedSheets: [] });
    expect(parseState(serializeState(kept!))).toEqual(kept);
  });
});
