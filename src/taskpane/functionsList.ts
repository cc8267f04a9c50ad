/**
 * The GROWTH custom functions as the Functions tab lists them: signature and a one-line description.
 *
 * One source for the words: `en` is exactly the function's JSDoc description in src/functions/functions.ts (what
 * Excel shows; tests/pane/functionsList.test.ts checks it against the generated functions.json), and the Chinese is
 * looked up in src/functions/functions.zh-CN.json, the same translation table the build uses for the zh-CN
 * functions metadata (bt:Override). No second hand-kept Chinese copy.
 */
import ZH_TABLE from "../functions/functions.zh-CN.json";

export interface FunctionEntry {
  id: string;
  /** Parameter names in order, optional ones in brackets, as in functions.json. */
  args: string;
  /**
   * The worked example Insert writes (the README's, in formula syntax: commas, points, array constants), so the cell
   * computes at once and the user edits the numbers into cell references.
   */
  example: string;
  en: string;
  zh: string;
}

const ENTRIES: readonly Omit<FunctionEntry, "zh">[] = [
  {
    id: "ROI",
    args: "revenue, cost, [basis]",
    example: "3800, 1000",
    en: 'Return on investment: revenue ÷ cost ("ratio", 1:3.8 gives 3.8) or profit ÷ cost ("net").',
  },
  {
    id: "LTV",
    args: "arpu, gross_margin, churn_rate, [discount_rate]",
    example: "50, 0.8, 0.05",
    en: "Customer lifetime value in currency, from ARPU, gross margin and churn per period.",
  },
  {
    id: "CAC",
    args: "marketing_spend, new_customers",
    example: "10000, 250",
    en: "Customer acquisition cost: marketing spend ÷ new customers.",
  },
  {
    id: "LTV_CAC",
    args: "ltv, cac",
    example: "480, 120",
    en: "LTV:CAC ratio: customer lifetime value ÷ acquisition cost (3 means 3:1).",
  },
  {
    id: "CAC_PAYBACK",
    args: "cac, arpu, gross_margin",
    example: "300, 50, 0.8",
    en: "CAC payback: periods needed to earn back CAC, CAC ÷ (ARPU × gross margin).",
  },
  {
    id: "RETENTION",
    args: "retained_users, cohort_users",
    example: "41, 100",
    en: "Retention rate as a fraction: retained users ÷ users in the cohort.",
  },
  {
    id: "CRR",
    args: "customers_start, customers_end, new_customers",
    example: "200, 210, 30",
    en: "Customer retention rate as a fraction: (customers at end − new customers) ÷ customers at start.",
  },
  {
    id: "COHORT_RETENTION",
    args: "cohort_table",
    example: "{1000,420,300;800,400,200}",
    en: "Cohort retention as fractions: each period's active users ÷ the cohort size in the first column.",
  },
  {
    id: "ABTEST_SIG",
    args: "control_visitors, control_conversions, variant_visitors, variant_conversions, [tails], [method], [continuity], [null_difference]",
    example: "1000, 100, 1000, 120",
    en: "A/B test p-value for conversion rates (pooled two-proportion z-test); below 0.05 = significant at 95%.",
  },
  {
    id: "ABTEST_SUMMARY",
    args: "control_visitors, control_conversions, variant_visitors, variant_conversions, [tails], [confidence], [method], [continuity], [null_difference]",
    example: "1000, 100, 1000, 120",
    en: "A/B test table: conversion rates, lift, confidence interval, z, p-value and whether it is significant.",
  },
  {
    id: "ABTEST_SAMPLESIZE",
    args: "baseline_rate, relative_mde, [alpha], [power], [tails], [ratio]",
    example: "0.1, 0.2",
    en: "Visitors needed in each variant to detect a relative change in the conversion rate.",
  },
  {
    id: "ABTEST_POWER",
    args: "baseline_rate, relative_mde, n_per_variant, [alpha], [tails], [ratio]",
    example: "0.5, 0.5, 50",
    en: "A/B test power: the chance of detecting a relative change in the conversion rate with n visitors per group.",
  },
  {
    id: "ABTEST_MDE",
    args: "baseline_rate, n_per_variant, [alpha], [power], [tails], [ratio]",
    example: "0.1, 10000",
    en: "Minimum detectable effect: the smallest relative lift an A/B test with n visitors per group detects.",
  },
  {
    id: "ABTEST_SRM",
    args: "control_visitors, [variant_visitors], [expected_control_share]",
    example: "5000, 5200",
    en: "Sample-ratio-mismatch check: p-value of the traffic split; below 0.001 = the split is broken.",
  },
  {
    id: "ABTEST_TTEST",
    args: "mean_c, sd_c, n_c, mean_v, sd_v, n_v, [tails], [equal_variance], [null_difference]",
    example: "52.1, 30.2, 400, 55.8, 31, 410",
    en: "A/B test p-value for averages such as revenue per user (Welch's t-test).",
  },
  {
    id: "ABTEST_PROB_BEAT",
    args: "control_visitors, control_conversions, variant_visitors, variant_conversions, [prior_alpha], [prior_beta]",
    example: "100, 49, 100, 51",
    en: "Bayesian chance that the variant's conversion rate beats control's (exact, Beta priors); 0.95 = 95%.",
  },
  {
    id: "ABTEST_BAYES",
    args: "control_visitors, control_conversions, variant_visitors, variant_conversions, [credibility], [prior_alpha], [prior_beta]",
    example: "1000, 100, 1000, 120",
    en: "Bayesian A/B table: chance to win, risk of choosing each group, expected lift and its credible interval.",
  },
  {
    id: "ABTEST_SEQ",
    args: "control_visitors, control_conversions, variant_visitors, variant_conversions, [alpha], [tuning_n]",
    example: "20000, 2000, 20000, 2300",
    en: "Sequential A/B test you may check daily: always-valid p-value and confidence sequences for the lift.",
  },
  {
    id: "PADJUST",
    args: "p_values, [method]",
    example: "{0.01,0.02,0.03,0.04,0.05}",
    en: "Adjusts p-values for multiple comparisons (Holm, Hochberg, Benjamini–Hochberg or Bonferroni).",
  },
];

const zhTable = ZH_TABLE as Record<string, string>;

/** The Chinese description from the build's translation table (English if the table lacks it; the build fails then). */
export function zhDescription(en: string): string {
  return Object.prototype.hasOwnProperty.call(zhTable, en) ? zhTable[en] : en;
}

export const GROWTH_FUNCTIONS: readonly FunctionEntry[] = ENTRIES.map((f) => ({ ...f, zh: zhDescription(f.en) }));

/** The formula the Insert button writes into the active cell: the function with its worked example, never empty. */
export function exampleFormula(f: Pick<FunctionEntry, "id" | "example">): string {
  return `=GROWTH.${f.id}(${f.example})`;
}
