/** The GROWTH custom functions as the Functions tab lists them: signature and a one-line description. */
export interface FunctionEntry {
  id: string;
  args: string;
  en: string;
  zh: string;
}

export const GROWTH_FUNCTIONS: readonly FunctionEntry[] = [
  {
    id: "ROI",
    args: "revenue, cost, [basis]",
    en: "Return on investment: revenue ÷ cost (or net).",
    zh: "投入产出比：收入 ÷ 成本（或净值）。",
  },
  {
    id: "LTV",
    args: "arpu, gross_margin, churn_rate, [discount_rate]",
    en: "Customer lifetime value.",
    zh: "客户生命周期价值。",
  },
  { id: "CAC", args: "marketing_spend, new_customers", en: "Customer acquisition cost.", zh: "获客成本。" },
  { id: "LTV_CAC", args: "ltv, cac", en: "LTV to CAC ratio.", zh: "LTV 与 CAC 之比。" },
  {
    id: "CAC_PAYBACK",
    args: "cac, arpu, gross_margin",
    en: "Periods to earn back the CAC.",
    zh: "收回获客成本所需周期数。",
  },
  { id: "RETENTION", args: "retained_users, cohort_users", en: "Share of a cohort retained.", zh: "同期群留存比例。" },
  {
    id: "CRR",
    args: "customers_start, customers_end, new_customers",
    en: "Customer retention rate.",
    zh: "客户留存率。",
  },
  {
    id: "COHORT_RETENTION",
    args: "range",
    en: "Retention matrix from cohort sizes and active users.",
    zh: "由同期群规模和活跃用户得出留存矩阵。",
  },
  {
    id: "ABTEST_SIG",
    args: "control_visitors, control_conversions, variant_visitors, variant_conversions, [tails]",
    en: "A/B test p-value (pooled two-proportion z-test).",
    zh: "A/B 测试 p 值（合并两比例 z 检验）。",
  },
  {
    id: "ABTEST_SUMMARY",
    args: "control_visitors, control_conversions, variant_visitors, variant_conversions, [tails], [confidence]",
    en: "Rates, lift, confidence interval, z, p and significance.",
    zh: "转化率、提升、置信区间、z、p 值与显著性。",
  },
  {
    id: "ABTEST_SAMPLESIZE",
    args: "baseline_rate, relative_mde, [alpha], [power]",
    en: "Visitors needed per variant.",
    zh: "每组所需访客数。",
  },
  {
    id: "ABTEST_SRM",
    args: "control_visitors, variant_visitors, [expected_control_share]",
    en: "Sample-ratio mismatch p-value.",
    zh: "样本比例失衡检验 p 值。",
  },
  {
    id: "ABTEST_TTEST",
    args: "mean_c, sd_c, n_c, mean_v, sd_v, n_v, [tails]",
    en: "Welch's t-test p-value for revenue-style metrics.",
    zh: "适用于收入类指标的 Welch t 检验 p 值。",
  },
];

/** The formula skeleton the Insert button writes into the active cell. */
export function formulaSkeleton(id: string): string {
  return `=GROWTH.${id}(`;
}
