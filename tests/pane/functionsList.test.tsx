/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import * as path from "path";
import { screen, within } from "@testing-library/react";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FunctionsTab } from "../../src/taskpane/components/FunctionsTab";
import { GROWTH_FUNCTIONS } from "../../src/taskpane/functionsList";
import { renderPane } from "./renderPane";

// The build's own steps: functions.json from the JSDoc of src/functions/functions.ts (custom-functions-metadata, as
// the webpack plugin runs it) and the zh-CN metadata from it plus src/functions/functions.zh-CN.json (metadata-tools).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tools = require("../../src/functions/metadata-tools.js") as {
  translateMetadata: (en: unknown, table: unknown) => { functions: Meta[] };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zhTable = require("../../src/functions/functions.zh-CN.json") as Record<string, string>;

interface Meta {
  id: string;
  description: string;
  parameters: { name: string; optional?: boolean }[];
}

let en: Meta[];
let zh: Meta[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"), false);
  const json = JSON.parse(result.metadataJson);
  en = json.functions;
  zh = tools.translateMetadata(json, zhTable).functions;
}, 60_000);

/** The list item of one function: its name, description and Insert button. */
function itemOf(id: string): HTMLElement {
  return screen.getByRole("button", { name: new RegExp(`GROWTH\\.${id}\\b`) }).closest("li")!;
}

const noInsert = async () => ({ written: false as const, sheet: "", address: "A1", current: "" });

describe("Functions tab list", () => {
  it("lists every function of functions.json once, with its parameters in order, optional ones in brackets", () => {
    expect(GROWTH_FUNCTIONS.map((f) => f.id).sort()).toEqual(en.map((f) => f.id).sort());
    for (const f of en) {
      const args = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
      expect(GROWTH_FUNCTIONS.find((g) => g.id === f.id)!.args).toBe(args);
    }
  });

  it("shows in English the description Excel shows (the JSDoc in functions.ts)", () => {
    renderPane(<FunctionsTab insert={noInsert} />);
    for (const f of en) expect(within(itemOf(f.id)).getByText(f.description)).toBeInTheDocument();
    // Spelled out once, from functions.ts: ABTEST_SAMPLESIZE's JSDoc line.
    expect(
      within(itemOf("ABTEST_SAMPLESIZE")).getByText(
        "Visitors needed in each variant to detect a relative change in the conversion rate.",
      ),
    ).toBeInTheDocument();
  });

  it("shows in Chinese exactly the description of the zh-CN functions metadata the build generates", () => {
    renderPane(<FunctionsTab insert={noInsert} />, "zh-CN");
    for (const f of zh) expect(within(itemOf(f.id)).getByText(f.description)).toBeInTheDocument();
    // The translation table's entry for ABTEST_SAMPLESIZE (src/functions/functions.zh-CN.json).
    expect(
      within(itemOf("ABTEST_SAMPLESIZE")).getByText("检测转化率的相对变化时每组所需的访客数。"),
    ).toBeInTheDocument();
  });
});
