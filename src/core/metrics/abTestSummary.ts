import { ExcelError, ExcelResult, divZero, isExcelError, numError, valueError } from "../excelError";
import { differenceInterval } from "../stats/differenceInterval";
import { scoreZ } from "../stats/farringtonManning";
import { normalTwoSided, normalUpperTail } from "../stats/normal";
import { invertTest } from "../stats/testInversion";
import { twoProportionZ } from "../stats/twoProportionZ";
import { coerceNumber } from "./coerce";
import { readConversionArgs } from "./abTestArgs";

export interface AbTestSummary {
  controlRate: number;
  variantRate: number;
  /** variant rate − control rate. */
  absoluteLift: number;
  /** variant rate / control rate − 1; #DIV/0! when the control rate is 0. */
  relativeLift: ExcelResult<number>;
  /**
   * Interval of the difference that inverts the test: Farrington–Manning score interval (method "pooled"), Wald
   * interval (method "unpooled"); one-sided [low, 1] for tails = 1. Significant ⇔ the interval excludes 0.
   */
  ciLow: number;
  ciHigh: number;
  z: number;
  /** p-value for the chosen tails. */
  pValue: number;
  /** p < 1 − confidence. */
  significant: boolean;
}

/** Column headers of the spilled ABTEST_SUMMARY table, in the order of {@link abTestSummaryRow}. */
export const AB_TEST_SUMMARY_HEADERS = [
  "Control rate",
  "Variant rate",
  "Absolute lift",
  "Relative lift",
  "CI low",
  "CI high",
  "z",
  "p-value",
  "Significant",
] as const;

export type ProportionTestMethod = "pooled" | "unpooled";

/** Reads the method argument: omitted → "pooled"; text is case-insensitive; anything else → #VALUE!. */
export function parseProportionMethod(method: unknown): ExcelResult<ProportionTestMethod> {
  if (method === null || method === undefined) return "pooled";
  if (typeof method === "string") {
    const m = method.trim().toLowerCase();
    if (m === "pooled" || m === "unpooled") return m;
  }
  return valueError('method must be "pooled" or "unpooled"');
}

/**
 * A/B summary: rates, lifts, the interval of the difference that inverts the test, z, p-value and the verdict.
 * method "pooled" (default): pooled z-test and the Farrington–Manning score interval (statsmodels
 * `confint_proportions_2indep(method='score', correction=False)`); "unpooled": Wald z-test and Wald interval
 * (statsmodels `method='wald'`). Either way Significant is TRUE exactly when the interval excludes 0.
 * Errors: as abTestSig; confidence (default 0.95) outside (0, 1) → #NUM!; method not pooled/unpooled → #VALUE!;
 * "unpooled" with both rates 0 or 1 → #DIV/0!.
 * Any non-finite figure → #NUM!.
 * @example abTestSummary(1000, 100, 1000, 120) // { absoluteLift: 0.02, z ≈ 1.4293, pValue ≈ 0.152918, … }
 */
export function abTestSummary(
  controlVisitors: unknown,
  controlConversions: unknown,
  variantVisitors: unknown,
  variantConversions: unknown,
  tails?: unknown,
  confidence?: unknown,
  method?: unknown,
): ExcelResult<AbTestSummary> {
  const conf = coerceNumber(confidence, 0.95, "confidence");
  const how = parseProportionMethod(method);
  const args = readConversionArgs(controlVisitors, controlConversions, variantVisitors, variantConversions, tails);
  // #VALUE! from any argument wins over #NUM! from any other.
  if (isExcelError(args) && args.error === "#VALUE!") return args;
  if (isExcelError(conf)) return conf;
  if (isExcelError(how)) return how;
  if (isExcelError(args)) return args;
  if (!(conf > 0 && conf < 1)) return numError("confidence must be between 0 and 1");
  const { controlVisitors: nc, controlConversions: xc, variantVisitors: nv, variantConversions: xv } = args;
  const controlRate = xc / nc;
  const variantRate = xv / nv;
  const wald = differenceInterval(nc, xc, nv, xv, conf);
  // Both arms at 0% or 100%: the unpooled variance is 0, and the Wald z is undefined.
  if (how === "unpooled" && wald.standardError === 0) return divZero("no variance in either group (unpooled)");
  // z(δ) for H0: pv − pc = δ; at δ = 0 exactly the statistic of ABTEST_SIG (pooled) or the Wald statistic.
  const zAt =
    how === "pooled"
      ? (delta: number) => (delta === 0 ? twoProportionZ(nc, xc, nv, xv) : scoreZ(nc, xc, nv, xv, delta))
      : (delta: number) => {
          const distance = wald.difference - delta;
          return distance === 0 ? 0 : distance / wald.standardError;
        };
  const pAt = (delta: number) => (args.tails === 2 ? normalTwoSided(zAt(delta)) : normalUpperTail(zAt(delta)));
  const alpha = 1 - conf;
  const ci = invertTest((delta) => pAt(delta) < alpha, wald.difference, -1, 1, args.tails === 1);
  const test = { controlRate, variantRate, z: zAt(0) };
  const pValue = pAt(0);
  const summary: AbTestSummary = {
    controlRate: test.controlRate,
    variantRate: test.variantRate,
    absoluteLift: wald.difference,
    relativeLift: test.controlRate === 0 ? divZero("control rate is 0") : test.variantRate / test.controlRate - 1,
    ciLow: ci.ciLow,
    ciHigh: ci.ciHigh,
    z: test.z,
    pValue,
    significant: pValue < 1 - conf,
  };
  const numbers = [
    summary.controlRate,
    summary.variantRate,
    summary.absoluteLift,
    summary.ciLow,
    summary.ciHigh,
    summary.z,
    summary.pValue,
  ];
  if (!numbers.every(Number.isFinite)) return numError("a result is out of range");
  if (typeof summary.relativeLift === "number" && !Number.isFinite(summary.relativeLift)) {
    summary.relativeLift = numError("relative lift is out of range");
  }
  return summary;
}

/** The values row of the spilled table, in header order. */
export function abTestSummaryRow(s: AbTestSummary): (number | boolean | ExcelError)[] {
  return [
    s.controlRate,
    s.variantRate,
    s.absoluteLift,
    s.relativeLift,
    s.ciLow,
    s.ciHigh,
    s.z,
    s.pValue,
    s.significant,
  ];
}
