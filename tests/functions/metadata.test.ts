import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  EXPECTED_FUNCTIONS as EXPECTED,
  MATRIX_RESULTS,
  MetadataFunction,
  functionsJsonProblems,
  signatureOf,
} from "./functionsSpec";

// Runs the same generator the webpack plugin (custom-functions-metadata-plugin) uses, on src/functions/functions.ts,
// and checks the functions.json it produces against the table: IDs, parameters, optional flags, help URLs.

const ROOT = path.join(__dirname, "..", "..");

type Fn = MetadataFunction;

let functions: Fn[];
let errors: string[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.join(ROOT, "src/functions/functions.ts"), false);
  errors = result.errors;
  functions = JSON.parse(result.metadataJson).functions;
}, 60_000);

describe("functions.json generated from the JSDoc of src/functions/functions.ts", () => {
  it("is generated without errors", () => {
    expect(errors).toEqual([]);
  });

  it("lists exactly the IDs of the issue's table, each named as its ID", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  it.each(Object.entries(EXPECTED))("%s has its parameters in order with the right optional flags", (id, params) => {
    const f = functions.find((x) => x.id === id)!;
    expect(signatureOf(f)).toEqual(params);
  });

  it("passes the shared check the webpack build test applies to dist/functions.json", () => {
    expect(functionsJsonProblems({ functions })).toEqual([]);
  });

  it("that check reports a wrong optional flag, a missing ID and a help URL without the anchor", () => {
    const broken = JSON.parse(JSON.stringify(functions)) as Fn[];
    broken.find((f) => f.id === "LTV")!.parameters[3].optional = false;
    broken.find((f) => f.id === "ROI")!.helpUrl = "https://localhost:3000/functions-reference.html";
    const problems = functionsJsonProblems({ functions: broken.filter((f) => f.id !== "CRR") });
    expect(problems).toEqual([
      "CRR is missing",
      "LTV(arpu,gross_margin,churn_rate,discount_rate) should be LTV(arpu,gross_margin,churn_rate,discount_rate?)",
      "ROI help URL is https://localhost:3000/functions-reference.html",
    ]);
  });

  it("describes every function and parameter and links each to its anchor in the reference page", () => {
    for (const f of functions) {
      expect(f.description).toBeTruthy();
      expect(f.helpUrl).toBe(`https://localhost:3000/functions-reference.html#${f.id}`);
      for (const p of f.parameters) expect(p.description).toBeTruthy();
    }
  });

  it("reads as short autocomplete help: at most 110 characters, and every rate-like argument shows its unit", () => {
    for (const f of functions) expect(f.description!.length).toBeLessThanOrEqual(110);
    // Rates, margins, shares and levels are fractions; the help says so with an example such as "0.05 = 5%".
    const fractions = functions.flatMap((f) =>
      // Beta prior parameters (prior_alpha) are pseudo-counts, not fractions.
      f.parameters.filter(
        (p) => /rate|margin|share|confidence|alpha|power|mde/.test(p.name) && !/^prior_/.test(p.name),
      ),
    );
    expect(fractions.length).toBeGreaterThanOrEqual(10);
    for (const p of fractions) expect(`${p.name}: ${p.description}`).toMatch(/\d = \+?\d+%/);
  });

  it("types scalar arguments as numbers (basis as text) and spills ABTEST_SUMMARY and COHORT_RETENTION", () => {
    for (const f of functions) {
      for (const p of f.parameters) {
        // Ranges are "any" matrices: the cohort table, and ABTEST_SRM's counts and shares (a number or a range).
        const range =
          p.name === "cohort_table" ||
          p.name === "p_values" ||
          (f.id === "ABTEST_SRM" && p.name !== "variant_visitors");
        const expected =
          p.name === "basis" || p.name === "method"
            ? "string"
            : p.name === "continuity" || p.name === "equal_variance"
              ? "boolean"
              : range
                ? "any"
                : "number";
        expect(p.type).toBe(expected);
      }
    }
    const matrixResults = functions.filter((f) => f.result.dimensionality === "matrix").map((f) => f.id);
    expect(matrixResults.sort()).toEqual([...MATRIX_RESULTS].sort());
    const table = functions.find((f) => f.id === "COHORT_RETENTION")!.parameters[0];
    expect(table.dimensionality).toBe("matrix");
  });
});

describe("manifest.xml", () => {
  it("declares the GROWTH namespace for the custom functions", () => {
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const resid = /<Namespace\s+resid="([^"]+)"\s*\/>/.exec(manifest)?.[1];
    expect(resid).toBeDefined();
    expect(manifest).toMatch(new RegExp(`<bt:String\\s+id="${resid}"\\s+DefaultValue="GROWTH"`));
  });
});
