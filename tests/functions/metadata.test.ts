import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

// Runs the same generator the webpack plugin (custom-functions-metadata-plugin) uses, on src/functions/functions.ts,
// and checks the functions.json it produces against the table: IDs, parameters, optional flags, help URLs.

const ROOT = path.join(__dirname, "..", "..");

/** The table: each ID with its parameters, optional ones marked with "?". */
const EXPECTED: Record<string, string[]> = {
  LTV_CAC: ["ltv", "cac"],
  LTV: ["arpu", "gross_margin", "churn_rate", "discount_rate?"],
  CAC: ["marketing_spend", "new_customers"],
  CAC_PAYBACK: ["cac", "arpu", "gross_margin"],
  ROI: ["revenue", "cost", "basis?"],
  RETENTION: ["retained_users", "cohort_users"],
  CRR: ["customers_start", "customers_end", "new_customers"],
  ABTEST_SIG: ["control_visitors", "control_conversions", "variant_visitors", "variant_conversions", "tails?"],
  ABTEST_SUMMARY: [
    "control_visitors",
    "control_conversions",
    "variant_visitors",
    "variant_conversions",
    "tails?",
    "confidence?",
  ],
  ABTEST_SAMPLESIZE: ["baseline_rate", "relative_mde", "alpha?", "power?"],
  ABTEST_SRM: ["control_visitors", "variant_visitors", "expected_control_share?"],
  ABTEST_TTEST: ["mean_c", "sd_c", "n_c", "mean_v", "sd_v", "n_v", "tails?"],
  COHORT_RETENTION: ["cohort_table"],
};

interface Param {
  name: string;
  type: string;
  optional?: boolean;
  description?: string;
  dimensionality?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Param[];
  result: { dimensionality?: string };
}

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
    expect(f.parameters.map((p) => p.name + (p.optional ? "?" : ""))).toEqual(params);
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
      f.parameters.filter((p) => /rate|margin|share|confidence|alpha|power|mde/.test(p.name)),
    );
    expect(fractions.length).toBeGreaterThanOrEqual(10);
    for (const p of fractions) expect(`${p.name}: ${p.description}`).toMatch(/\d = \+?\d+%/);
  });

  it("types scalar arguments as numbers (basis as text) and spills ABTEST_SUMMARY and COHORT_RETENTION", () => {
    for (const f of functions) {
      for (const p of f.parameters) {
        const expected = p.name === "basis" ? "string" : p.name === "cohort_table" ? "any" : "number";
        expect(p.type).toBe(expected);
      }
    }
    const matrixResults = functions.filter((f) => f.result.dimensionality === "matrix").map((f) => f.id);
    expect(matrixResults.sort()).toEqual(["ABTEST_SUMMARY", "COHORT_RETENTION"]);
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
