/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata maps only any[][] to a spilled matrix */
// The GROWTH custom functions: thin wrappers over src/core/metrics. Each function's JSDoc is the source of
// functions.json (custom-functions-metadata-plugin), so descriptions here are what Excel shows.
// Omitted optional arguments arrive as null and select the documented default; errors come back as
// CustomFunctions.Error values (never thrown), and matrices carry errors per cell.
import * as metrics from "../core/metrics";
import { isExcelError } from "../core/excelError";
import { toCell, toCustomFunctionsError, toMatrix } from "./excelErrors";
import { loadTTest, loadedTTest } from "./tTestLoader";

/**
 * LTV:CAC ratio: customer lifetime value ÷ acquisition cost (3 means 3:1).
 * @customfunction LTV_CAC
 * @helpurl https://localhost:3000/functions-reference.html#LTV_CAC
 * @param ltv Customer lifetime value, in currency.
 * @param cac Cost to acquire one customer, in the same currency.
 * @returns The LTV:CAC ratio, e.g. 3 for 3:1.
 */
export function LTV_CAC(ltv: number, cac: number): number | CustomFunctions.Error {
  return toCell(metrics.ltvCac(ltv, cac));
}

/**
 * Customer lifetime value in currency, from ARPU, gross margin and churn per period.
 * @customfunction LTV
 * @helpurl https://localhost:3000/functions-reference.html#LTV
 * @param arpu Average revenue per user per period, in currency.
 * @param gross_margin Gross margin as a fraction, 0.8 = 80%.
 * @param churn_rate Churn per period as a fraction, 0.05 = 5%.
 * @param discount_rate Discount rate per period as a fraction, 0.01 = 1%; 0 if omitted.
 * @returns The lifetime value per customer, in the currency of arpu.
 */
export function LTV(
  arpu: number,
  gross_margin: number,
  churn_rate: number,
  discount_rate?: number,
): number | CustomFunctions.Error {
  return toCell(metrics.ltv(arpu, gross_margin, churn_rate, discount_rate));
}

/**
 * Customer acquisition cost: marketing spend ÷ new customers.
 * @customfunction CAC
 * @helpurl https://localhost:3000/functions-reference.html#CAC
 * @param marketing_spend Marketing spend in the period, in currency.
 * @param new_customers New customers acquired in the period.
 * @returns The cost of acquiring one customer.
 */
export function CAC(marketing_spend: number, new_customers: number): number | CustomFunctions.Error {
  return toCell(metrics.cac(marketing_spend, new_customers));
}

/**
 * CAC payback: periods needed to earn back CAC, CAC ÷ (ARPU × gross margin).
 * @customfunction CAC_PAYBACK
 * @helpurl https://localhost:3000/functions-reference.html#CAC_PAYBACK
 * @param cac Cost to acquire one customer, in currency.
 * @param arpu Average revenue per user per period, in currency.
 * @param gross_margin Gross margin as a fraction, 0.8 = 80%.
 * @returns The number of periods needed to earn back the acquisition cost.
 */
export function CAC_PAYBACK(cac: number, arpu: number, gross_margin: number): number | CustomFunctions.Error {
  return toCell(metrics.cacPayback(cac, arpu, gross_margin));
}

/**
 * Return on investment: revenue ÷ cost ("ratio", 1:3.8 gives 3.8) or profit ÷ cost ("net").
 * @customfunction ROI
 * @helpurl https://localhost:3000/functions-reference.html#ROI
 * @param revenue Revenue attributed to the spend, in currency.
 * @param cost The spend, in the same currency.
 * @param basis "ratio" (default) or "net", case-insensitive.
 * @returns The return on investment.
 */
export function ROI(revenue: number, cost: number, basis?: string): number | CustomFunctions.Error {
  return toCell(metrics.roi(revenue, cost, basis));
}

/**
 * Retention rate as a fraction: retained users ÷ users in the cohort.
 * @customfunction RETENTION
 * @helpurl https://localhost:3000/functions-reference.html#RETENTION
 * @param retained_users Users of the cohort still active.
 * @param cohort_users Users in the cohort at the start.
 * @returns The retention rate as a fraction, 0.42 = 42%.
 */
export function RETENTION(retained_users: number, cohort_users: number): number | CustomFunctions.Error {
  return toCell(metrics.retention(retained_users, cohort_users));
}

/**
 * Customer retention rate as a fraction: (customers at end − new customers) ÷ customers at start.
 * @customfunction CRR
 * @helpurl https://localhost:3000/functions-reference.html#CRR
 * @param customers_start Customers at the start of the period.
 * @param customers_end Customers at the end of the period.
 * @param new_customers Customers acquired during the period.
 * @returns The customer retention rate for the period as a fraction, 0.9 = 90%.
 */
export function CRR(
  customers_start: number,
  customers_end: number,
  new_customers: number,
): number | CustomFunctions.Error {
  return toCell(metrics.crr(customers_start, customers_end, new_customers));
}

/**
 * A/B test p-value for conversion rates (pooled two-proportion z-test); below 0.05 = significant at 95%.
 * @customfunction ABTEST_SIG
 * @helpurl https://localhost:3000/functions-reference.html#ABTEST_SIG
 * @param control_visitors Visitors in the control group.
 * @param control_conversions Conversions in the control group.
 * @param variant_visitors Visitors in the variant group.
 * @param variant_conversions Conversions in the variant group.
 * @param tails 2 (default) for a two-sided test; 1 to test that the variant converts better.
 * @param method "pooled" (default): pooled z-test; "unpooled": Wald z-test.
 * @param continuity TRUE for Yates' continuity correction (as R prop.test); FALSE if omitted.
 * @param null_difference Difference (variant − control rate) under the null, −0.01 = non-inferiority by 1 point; 0 if omitted.
 * @returns The p-value.
 */
export function ABTEST_SIG(
  control_visitors: number,
  control_conversions: number,
  variant_visitors: number,
  variant_conversions: number,
  tails?: number,
  method?: string,
  continuity?: boolean,
  null_difference?: number,
): number | CustomFunctions.Error {
  return toCell(
    metrics.abTestSig(
      control_visitors,
      control_conversions,
      variant_visitors,
      variant_conversions,
      tails,
      method,
      continuity,
      null_difference,
    ),
  );
}

/**
 * A/B test table: conversion rates, lift, confidence interval, z, p-value and whether it is significant.
 * @customfunction ABTEST_SUMMARY
 * @helpurl https://localhost:3000/functions-reference.html#ABTEST_SUMMARY
 * @param control_visitors Visitors in the control group.
 * @param control_conversions Conversions in the control group.
 * @param variant_visitors Visitors in the variant group.
 * @param variant_conversions Conversions in the variant group.
 * @param tails 2 (default) for a two-sided test; 1 to test that the variant converts better.
 * @param confidence Confidence level as a fraction, 0.95 = 95%; 0.95 if omitted.
 * @param method "pooled" (default): pooled z-test and score interval; "unpooled": Wald test and interval.
 * @param continuity TRUE for Yates' continuity correction (as R prop.test); FALSE if omitted.
 * @param null_difference Difference (variant − control rate) under the null, −0.01 = non-inferiority by 1 point; 0 if omitted.
 * @returns A 2 × 11 table: a header row, then the values.
 */
export function ABTEST_SUMMARY(
  control_visitors: number,
  control_conversions: number,
  variant_visitors: number,
  variant_conversions: number,
  tails?: number,
  confidence?: number,
  method?: string,
  continuity?: boolean,
  null_difference?: number,
): any[][] {
  const s = metrics.abTestSummary(
    control_visitors,
    control_conversions,
    variant_visitors,
    variant_conversions,
    tails,
    confidence,
    method,
    continuity,
    null_difference,
  );
  if (isExcelError(s)) return [[toCustomFunctionsError(s)]];
  return [[...metrics.AB_TEST_SUMMARY_HEADERS], ...toMatrix([metrics.abTestSummaryRow(s)])];
}

/**
 * Visitors needed in each variant to detect a relative change in the conversion rate.
 * @customfunction ABTEST_SAMPLESIZE
 * @helpurl https://localhost:3000/functions-reference.html#ABTEST_SAMPLESIZE
 * @param baseline_rate Baseline conversion rate as a fraction, 0.1 = 10%.
 * @param relative_mde Smallest relative change to detect, 0.2 = +20% (negative for a drop).
 * @param alpha Significance level as a fraction, 0.05 = 5%; 0.05 if omitted.
 * @param power Statistical power as a fraction, 0.8 = 80%; 0.8 if omitted.
 * @param tails 2 (default) for a two-sided test; 1 for a one-sided test.
 * @param ratio Variant visitors per control visitor, 2 = twice as many in the variant; 1 if omitted.
 * @returns The number of visitors per variant (with a ratio: in control; the variant needs ratio times as many).
 */
export function ABTEST_SAMPLESIZE(
  baseline_rate: number,
  relative_mde: number,
  alpha?: number,
  power?: number,
  tails?: number,
  ratio?: number,
): number | CustomFunctions.Error {
  return toCell(metrics.abTestSampleSize(baseline_rate, relative_mde, alpha, power, tails, ratio));
}

/**
 * A/B test power: the chance of detecting a relative change in the conversion rate with n visitors per group.
 * @customfunction ABTEST_POWER
 * @helpurl https://localhost:3000/functions-reference.html#ABTEST_POWER
 * @param baseline_rate Baseline conversion rate as a fraction, 0.1 = 10%.
 * @param relative_mde Relative change to detect, 0.2 = +20% (negative for a drop).
 * @param n_per_variant Visitors per variant (with a ratio: in control).
 * @param alpha Significance level as a fraction, 0.05 = 5%; 0.05 if omitted.
 * @param tails 2 (default) for a two-sided test; 1 for a one-sided test.
 * @param ratio Variant visitors per control visitor, 2 = twice as many in the variant; 1 if omitted.
 * @returns The power as a fraction, 0.8 = 80%.
 */
export function ABTEST_POWER(
  baseline_rate: number,
  relative_mde: number,
  n_per_variant: number,
  alpha?: number,
  tails?: number,
  ratio?: number,
): number | CustomFunctions.Error {
  return toCell(metrics.abTestPower(baseline_rate, relative_mde, n_per_variant, alpha, tails, ratio));
}

/**
 * Minimum detectable effect: the smallest relative lift an A/B test with n visitors per group detects.
 * @customfunction ABTEST_MDE
 * @helpurl https://localhost:3000/functions-reference.html#ABTEST_MDE
 * @param baseline_rate Baseline conversion rate as a fraction, 0.1 = 10%.
 * @param n_per_variant Visitors per variant (with a ratio: in control).
 * @param alpha Significance level as a fraction, 0.05 = 5%; 0.05 if omitted.
 * @param power Statistical power as a fraction, 0.8 = 80%; 0.8 if omitted.
 * @param tails 2 (default) for a two-sided test; 1 for a one-sided test.
 * @param ratio Variant visitors per control visitor, 2 = twice as many in the variant; 1 if omitted.
 * @returns The detectable relative lift as a fraction, 0.2 = +20%.
 */
export function ABTEST_MDE(
  baseline_rate: number,
  n_per_variant: number,
  alpha?: number,
  power?: number,
  tails?: number,
  ratio?: number,
): number | CustomFunctions.Error {
  return toCell(metrics.abTestMde(baseline_rate, n_per_variant, alpha, power, tails, ratio));
}

/**
 * Sample-ratio-mismatch check: p-value of the traffic split; below 0.001 = the split is broken.
 * @customfunction ABTEST_SRM
 * @helpurl https://localhost:3000/functions-reference.html#ABTEST_SRM
 * @param control_visitors Visitors in control, or one row or column with the visitors of each of 2 or more arms (then leave variant_visitors empty).
 * @param variant_visitors Visitors in the variant group.
 * @param expected_control_share Planned share of traffic in control, 0.5 = 50% (default); with a range of arms, a range of shares.
 * @returns The p-value; a very small value (below 0.001) means the split is broken.
 */
export function ABTEST_SRM(
  control_visitors: any[][],
  variant_visitors?: number,
  expected_control_share?: any[][],
): number | CustomFunctions.Error;
// The two-number form as TypeScript callers (and Excel before ranges were accepted) write it; the metadata comes from
// the documented signature above.
export function ABTEST_SRM(
  control_visitors: number,
  variant_visitors?: number,
  expected_control_share?: number,
): number | CustomFunctions.Error;
export function ABTEST_SRM(
  control_visitors: any[][] | number,
  variant_visitors?: number,
  expected_control_share?: any[][] | number,
): number | CustomFunctions.Error {
  return toCell(metrics.abTestSrm(control_visitors, variant_visitors, expected_control_share));
}

/**
 * A/B test p-value for averages such as revenue per user (Welch's t-test).
 * @customfunction ABTEST_TTEST
 * @helpurl https://localhost:3000/functions-reference.html#ABTEST_TTEST
 * @param mean_c Mean of the control group.
 * @param sd_c Standard deviation of the control group.
 * @param n_c Number of users in the control group.
 * @param mean_v Mean of the variant group.
 * @param sd_v Standard deviation of the variant group.
 * @param n_v Number of users in the variant group.
 * @param tails 2 (default) for a two-sided test; 1 to test that the variant mean is larger.
 * @param equal_variance TRUE for Student's t-test (equal variances, scipy's default); FALSE (default) for Welch's.
 * @param null_difference Difference of means (variant − control) under the null; 0 if omitted.
 * @returns The p-value.
 */
export function ABTEST_TTEST(
  mean_c: number,
  sd_c: number,
  n_c: number,
  mean_v: number,
  sd_v: number,
  n_v: number,
  tails?: number,
  equal_variance?: boolean,
  null_difference?: number,
): number | CustomFunctions.Error;
// Excel passes TRUE/FALSE; as in Excel arithmetic 1/0 work too (the metadata comes from the signature above).
export function ABTEST_TTEST(
  mean_c: number,
  sd_c: number,
  n_c: number,
  mean_v: number,
  sd_v: number,
  n_v: number,
  tails?: number,
  equal_variance?: number,
  null_difference?: number,
): number | CustomFunctions.Error;
export function ABTEST_TTEST(
  mean_c: number,
  sd_c: number,
  n_c: number,
  mean_v: number,
  sd_v: number,
  n_v: number,
  tails?: number,
  equal_variance?: boolean | number,
  null_difference?: number,
): number | CustomFunctions.Error | Promise<number | CustomFunctions.Error> {
  // The t distribution loads from its own chunk (tTestLoader.ts): in by now as a rule, else a Promise (#BUSY!).
  const compute = (tTest: NonNullable<ReturnType<typeof loadedTTest>>) =>
    toCell(tTest(mean_c, sd_c, n_c, mean_v, sd_v, n_v, tails, equal_variance, null_difference));
  const tTest = loadedTTest();
  if (tTest) return compute(tTest);
  return loadTTest().then(
    compute,
    () =>
      new CustomFunctions.Error(
        CustomFunctions.ErrorCode.notAvailable,
        "The t-test's statistics could not be loaded; recalculate (Ctrl+Alt+F9) to try again.",
      ),
  );
}

/**
 * Cohort retention as fractions: each period's active users ÷ the cohort size in the first column.
 * @customfunction COHORT_RETENTION
 * @helpurl https://localhost:3000/functions-reference.html#COHORT_RETENTION
 * @param cohort_table A range with the cohort size in the first column and active users per period in the next columns.
 * @returns A matrix with the same rows and one column fewer.
 */
export function COHORT_RETENTION(cohort_table: any[][]): any[][] {
  const m = metrics.cohortRetention(cohort_table);
  return isExcelError(m) ? [[toCustomFunctionsError(m)]] : toMatrix(m);
}

/**
 * Bayesian chance that the variant's conversion rate beats control's (exact, Beta priors); 0.95 = 95%.
 * @customfunction ABTEST_PROB_BEAT
 * @helpurl https://localhost:3000/functions-reference.html#ABTEST_PROB_BEAT
 * @param control_visitors Visitors in the control group.
 * @param control_conversions Conversions in the control group.
 * @param variant_visitors Visitors in the variant group.
 * @param variant_conversions Conversions in the variant group.
 * @param prior_alpha Prior successes α of the Beta prior for both groups; 1 if omitted (uniform prior).
 * @param prior_beta Prior failures β of the Beta prior for both groups; 1 if omitted (uniform prior).
 * @returns The posterior probability that the variant converts better.
 */
export function ABTEST_PROB_BEAT(
  control_visitors: number,
  control_conversions: number,
  variant_visitors: number,
  variant_conversions: number,
  prior_alpha?: number,
  prior_beta?: number,
): number | CustomFunctions.Error {
  return toCell(
    metrics.abTestProbBeat(
      control_visitors,
      control_conversions,
      variant_visitors,
      variant_conversions,
      prior_alpha,
      prior_beta,
    ),
  );
}

/**
 * Bayesian A/B table: chance to win, risk of choosing each group, expected lift and its credible interval.
 * @customfunction ABTEST_BAYES
 * @helpurl https://localhost:3000/functions-reference.html#ABTEST_BAYES
 * @param control_visitors Visitors in the control group.
 * @param control_conversions Conversions in the control group.
 * @param variant_visitors Visitors in the variant group.
 * @param variant_conversions Conversions in the variant group.
 * @param credibility Credible interval level as a fraction, 0.95 = 95%; 0.95 if omitted.
 * @param prior_alpha Prior successes α of the Beta prior for both groups; 1 if omitted (uniform prior).
 * @param prior_beta Prior failures β of the Beta prior for both groups; 1 if omitted (uniform prior).
 * @returns A 2 × 6 table: a header row, then the values (risks and lift relative to control).
 */
export function ABTEST_BAYES(
  control_visitors: number,
  control_conversions: number,
  variant_visitors: number,
  variant_conversions: number,
  credibility?: number,
  prior_alpha?: number,
  prior_beta?: number,
): any[][] {
  const row = metrics.abTestBayes(
    control_visitors,
    control_conversions,
    variant_visitors,
    variant_conversions,
    credibility,
    prior_alpha,
    prior_beta,
  );
  if (isExcelError(row)) return [[toCustomFunctionsError(row)]];
  return [[...metrics.AB_TEST_BAYES_HEADERS], ...toMatrix([row])];
}

/**
 * Sequential A/B test you may check daily: always-valid p-value and confidence sequences for the lift.
 * @customfunction ABTEST_SEQ
 * @helpurl https://localhost:3000/functions-reference.html#ABTEST_SEQ
 * @param control_visitors Visitors in the control group.
 * @param control_conversions Conversions in the control group.
 * @param variant_visitors Visitors in the variant group.
 * @param variant_conversions Conversions in the variant group.
 * @param alpha Significance level as a fraction, 0.05 = 5%; 0.05 if omitted.
 * @param tuning_n Total visitors at which the confidence sequence is tightest; 5000 if omitted.
 * @returns A 3 × 6 table: a header row, then the absolute difference and the relative lift.
 */
export function ABTEST_SEQ(
  control_visitors: number,
  control_conversions: number,
  variant_visitors: number,
  variant_conversions: number,
  alpha?: number,
  tuning_n?: number,
): any[][] {
  const table = metrics.abTestSeq(
    control_visitors,
    control_conversions,
    variant_visitors,
    variant_conversions,
    alpha,
    tuning_n,
  );
  return isExcelError(table) ? [[toCustomFunctionsError(table)]] : toMatrix(table);
}

/**
 * Adjusts p-values for multiple comparisons (Holm, Hochberg, Benjamini–Hochberg or Bonferroni).
 * @customfunction PADJUST
 * @helpurl https://localhost:3000/functions-reference.html#PADJUST
 * @param p_values A range of p-values; blank cells, text and TRUE/FALSE are ignored (left blank), as AVERAGE ignores them.
 * @param method "holm" (default), "hochberg", "BH" (false discovery rate) or "bonferroni".
 * @returns The adjusted p-values, in the shape of the range.
 */
export function PADJUST(p_values: any[][], method?: string): any[][] {
  const m = metrics.pValueAdjust(p_values, method);
  return isExcelError(m) ? [[toCustomFunctionsError(m)]] : toMatrix(m);
}
