// The function table as data, and a check of any functions.json against it, so that both the metadata test
// (generator run directly) and the build test in tests/manifest (dist/functions.json from webpack) use one spec.

/** Each ID with its parameters in order, optional ones marked with "?"; "[][]" marks a range (matrix) argument. */
export const EXPECTED_FUNCTIONS: Record<string, string[]> = {
  LTV_CAC: ["ltv", "cac"],
  LTV: ["arpu", "gross_margin", "churn_rate", "discount_rate?"],
  CAC: ["marketing_spend", "new_customers"],
  CAC_PAYBACK: ["cac", "arpu", "gross_margin"],
  ROI: ["revenue", "cost", "basis?"],
  RETENTION: ["retained_users", "cohort_users"],
  CRR: ["customers_start", "customers_end", "new_customers"],
  ABTEST_SIG: [
    "control_visitors",
    "control_conversions",
    "variant_visitors",
    "variant_conversions",
    "tails?",
    "method?",
    "continuity?",
    "null_difference?",
  ],
  ABTEST_SUMMARY: [
    "control_visitors",
    "control_conversions",
    "variant_visitors",
    "variant_conversions",
    "tails?",
    "confidence?",
    "method?",
    "continuity?",
    "null_difference?",
  ],
  ABTEST_SAMPLESIZE: ["baseline_rate", "relative_mde", "alpha?", "power?", "tails?", "ratio?"],
  ABTEST_POWER: ["baseline_rate", "relative_mde", "n_per_variant", "alpha?", "tails?", "ratio?"],
  ABTEST_MDE: ["baseline_rate", "n_per_variant", "alpha?", "power?", "tails?", "ratio?"],
  ABTEST_SRM: ["control_visitors[][]", "variant_visitors?", "expected_control_share[][]?"],
  ABTEST_TTEST: ["mean_c", "sd_c", "n_c", "mean_v", "sd_v", "n_v", "tails?", "equal_variance?", "null_difference?"],
  COHORT_RETENTION: ["cohort_table[][]"],
  ABTEST_PROB_BEAT: [
    "control_visitors",
    "control_conversions",
    "variant_visitors",
    "variant_conversions",
    "prior_alpha?",
    "prior_beta?",
  ],
  ABTEST_BAYES: [
    "control_visitors",
    "control_conversions",
    "variant_visitors",
    "variant_conversions",
    "credibility?",
    "prior_alpha?",
    "prior_beta?",
  ],
  ABTEST_SEQ: [
    "control_visitors",
    "control_conversions",
    "variant_visitors",
    "variant_conversions",
    "alpha?",
    "tuning_n?",
  ],
  PADJUST: ["p_values[][]", "method?"],
};

/** The functions whose result spills (dimensionality "matrix"). */
export const MATRIX_RESULTS = ["ABTEST_SUMMARY", "COHORT_RETENTION", "ABTEST_BAYES", "ABTEST_SEQ", "PADJUST"];

export interface MetadataParam {
  name: string;
  type: string;
  optional?: boolean;
  description?: string;
  dimensionality?: string;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetadataParam[];
  result: { dimensionality?: string };
}

/** One function's signature in the notation of {@link EXPECTED_FUNCTIONS}. */
export function signatureOf(f: MetadataFunction): string[] {
  return f.parameters.map((p) => p.name + (p.dimensionality === "matrix" ? "[][]" : "") + (p.optional ? "?" : ""));
}

/**
 * Everything in a functions.json that differs from the table: missing or extra IDs, parameters (order,
 * optional flags, ranges), result dimensionality, missing descriptions, help URLs not pointing at the function's
 * anchor in functions-reference.html. An empty list means the metadata is right.
 */
export function functionsJsonProblems(json: { functions: MetadataFunction[] }): string[] {
  const problems: string[] = [];
  const ids = json.functions.map((f) => f.id);
  for (const id of Object.keys(EXPECTED_FUNCTIONS)) if (!ids.includes(id)) problems.push(`${id} is missing`);
  for (const f of json.functions) {
    const expected = EXPECTED_FUNCTIONS[f.id];
    if (!expected) {
      problems.push(`${f.id} is not in the issue's table`);
      continue;
    }
    if (f.name !== f.id) problems.push(`${f.id} is named ${f.name}`);
    const actual = signatureOf(f);
    if (actual.join(",") !== expected.join(",")) problems.push(`${f.id}(${actual}) should be ${f.id}(${expected})`);
    const matrix = f.result?.dimensionality === "matrix";
    if (matrix !== MATRIX_RESULTS.includes(f.id)) problems.push(`${f.id} result dimensionality is wrong`);
    if (!f.description) problems.push(`${f.id} has no description`);
    for (const p of f.parameters) if (!p.description) problems.push(`${f.id}.${p.name} has no description`);
    if (!f.helpUrl?.endsWith(`/functions-reference.html#${f.id}`)) problems.push(`${f.id} help URL is ${f.helpUrl}`);
  }
  return problems;
}
