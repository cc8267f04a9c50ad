/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import * as path from "path";
import { screen, within } from "@testing-library/react";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FunctionsTab } from "../../src/taskpane/components/FunctionsTab";
import * as functions from "../../src/functions/functions";
import { GROWTH_FUNCTIONS, exampleFormula } from "../../src/taskpane/functionsList";
import "../functions/customFunctionsShim";
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
  name?: string;
  description: string;
  parameters: { name: string; optional?: boolean; dimensionality?: string }[];
  result?: { dimensionality?: string };
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
  const buttons = screen.getAllByRole("button", { name: new RegExp(`GROWTH\\.${id}\\b`) });
  return buttons.map((b) => b.closest("li")).find((li) => li !== null)!;
}

/**
 * The arguments of an inserted formula as Excel passes them to the custom function: numbers, array constants
 * ({1,2;3,4}) as rows, a scalar as a 1 × 1 matrix where functions.json declares a matrix parameter, omitted ones null.
 */
function excelArgs(formula: string, meta: Meta): unknown[] {
  const inner = /^=GROWTH\.\w+\((.*)\)$/.exec(formula)![1];
  const parts = inner.match(/\{[^}]*\}|[^,]+/g)!.map((p) => p.trim());
  return meta.parameters.map((param, i) => {
    const p = parts[i];
    if (p === undefined) return null;
    const value = p.startsWith("{")
      ? p
          .slice(1, -1)
          .split(";")
          .map((row) => row.split(",").map(Number))
      : Number(p);
    return param.dimensionality === "matrix" && !Array.isArray(value) ? [[value]] : value;
  });
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

  it("inserts a formula that computes: every function's worked example gives a number, no Excel error", async () => {
    // Values computed independently (README examples): arithmetic by hand, scipy.stats, R power.prop.test and
    // p.adjust, mpmath for the Bayesian sum.
    const expected: Record<string, number | number[][]> = {
      ROI: 3.8, // 3800 ÷ 1000
      LTV: 800, // 50 · 0.8 ÷ 0.05
      CAC: 40, // 10000 ÷ 250
      LTV_CAC: 4, // 480 ÷ 120
      CAC_PAYBACK: 7.5, // 300 ÷ (50 · 0.8)
      RETENTION: 0.41, // 41 ÷ 100
      CRR: 0.9, // (210 − 30) ÷ 200
      COHORT_RETENTION: [
        [0.42, 0.3],
        [0.5, 0.25],
      ],
      ABTEST_SIG: 0.152918, // scipy: pooled two-proportion z-test
      ABTEST_SAMPLESIZE: 3841, // Fleiss' formula, R pwr
      ABTEST_POWER: 0.740166, // R power.prop.test(n = 50, p1 = 0.5, p2 = 0.75)
      ABTEST_SRM: 0.0476704, // scipy.stats.chisquare([5000, 5200])
      ABTEST_TTEST: 0.0856971, // scipy.stats.ttest_ind_from_stats(equal_var=False)
      ABTEST_PROB_BEAT: 0.610771, // Evan Miller's closed form, mpmath
      PADJUST: [[0.05, 0.08, 0.09, 0.09, 0.09]], // R p.adjust(method = "holm")
    };
    for (const f of GROWTH_FUNCTIONS) {
      const formula = exampleFormula(f);
      expect(formula).not.toMatch(/\(\)$/);
      const meta = en.find((m) => m.id === f.id)!;
      const fn = (functions as unknown as Record<string, (...a: unknown[]) => unknown>)[f.id];
      // a function whose statistics load on demand (ABTEST_TTEST) answers with a Promise, as Excel allows
      const result: unknown = await fn(...excelArgs(formula, meta));
      const cells = (Array.isArray(result) ? result.flat() : [result]) as unknown[];
      expect({
        id: f.id,
        // A spilled table's header cells are text; an Excel error is a CustomFunctions.Error object.
        errors: cells.filter((c) => typeof c === "object" || (typeof c === "number" && !Number.isFinite(c))),
      }).toEqual({
        id: f.id,
        errors: [],
      });
      const want = expected[f.id];
      if (typeof want === "number")
        expect({ id: f.id, value: result }).toEqual({ id: f.id, value: expect.closeTo(want, 6) });
      else if (want)
        want.forEach((row, r) => row.forEach((v, c) => expect((result as number[][])[r][c]).toBeCloseTo(v, 9)));
    }
  });
});
