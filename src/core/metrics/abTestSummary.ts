import { ExcelError, ExcelResult, divZero, isExcelError, numError, valueError } from "../excelError";
import { differenceInterval } from "../stats/differenceInterval";
import { normalTwoSided, normalUpperQuantile, normalUpperTail } from "../stats/normal";
import { ProportionTestMethod, proportionDifferenceZ } from "../stats/proportionDifferenceZ";
import { relativeLiftInterval } from "../stats/relativeLiftInterval";
import { invertTest } from "../stats/testInversion";
import { coerceNumber } from "./coerce";
import { readConversionArgs } from "./abTestArgs";
import { readProportionTestOptions } from "./abTestOptions";

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
  /**
   * Interval of the relative lift pv/pc − 1: delta method on the log rate ratio (Katz), at the same confidence and
   * sidedness; #DIV/0! when an arm has no conversions, and the upper bound #NUM! (none) for tails = 1.
   */
  relativeCiLow: ExcelResult<number>;
  relativeCiHigh: ExcelResult<number>;
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
  "Relative lift CI low",
  "Relative lift CI high",
] as const;

export type { ProportionTestMethod };

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
 * A/B summary: rates, lifts, the interval of the difference that inverts the test, z, p-value, the verdict and an
 * interval of the relative lift.
 * method "pooled" (default): pooled z-test and the Farrington–Manning score interval (the
 * restricted MLE from the Farrington–Manning cubic, not statsmodels' `confint_proportions_2indep(method='score')`, whose
 * cubic is wrong: statsmodels #10269); "unpooled": Wald z-test and Wald interval
 * (statsmodels `method='wald'`). continuity TRUE applies Yates' correction to the test at every δ, so the interval
 * is that of the corrected test (with "unpooled": R prop.test(correct = TRUE)'s interval, d ± (z·se + ½(1/nc + 1/nv))).
 * null_difference δ0: H0 pv − pc = δ0; z and p are those of the test at δ0. Under every combination Significant is
 * TRUE exactly when the interval excludes δ0 (tails = 1: when δ0 lies below CI low).
 * The relative-lift interval (last two columns) is Katz's log interval, not inverted from the test: it reports the
 * precision of the lift and can disagree with the verdict near the threshold.
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
  continuity?: unknown,
  nullDifference?: unknown,
): ExcelResult<AbTestSummary> {
  const conf = coerceNumber(confidence, 0.95, "confidence");
  const how = parseProportionMethod(method);
  const args = readConversionArgs(controlVisitors, controlConversions, variantVisitors, variantConversions, tails);
  const options = readProportionTestOptions(continuity, nullDifference);
  // #VALUE! from any argument wins over #NUM! from any other.
  if (isExcelError(args) && args.error === "#VALUE!") return args;
  if (isExcelError(conf)) return conf;
  if (isExcelError(how)) return how;
  if (isExcelError(options) && options.error === "#VALUE!") return options;
  if (isExcelError(args)) return args;
  if (!(conf > 0 && conf < 1)) return numError("confidence must be between 0 and 1");
  if (isExcelError(options)) return options;
  const { controlVisitors: nc, controlConversions: xc, variantVisitors: nv, variantConversions: xv } = args;
  const { continuity: cc, nullDifference: delta0 } = options;
  const controlRate = xc / nc;
  const variantRate = xv / nv;
  const wald = differenceInterval(nc, xc, nv, xv, conf);
  // Both arms at 0% or 100%: the unpooled variance is 0, and the Wald z is undefined.
  if (how === "unpooled" && wald.standardError === 0) return divZero("no variance in either group (unpooled)");
  // z(δ) for H0: pv − pc = δ; at δ = 0 without correction exactly the statistic of ABTEST_SIG (pooled) or Wald's.
  const zAt = (delta: number) => proportionDifferenceZ(nc, xc, nv, xv, delta, how, cc, wald.standardError);
  const pAt = (delta: number) => (args.tails === 2 ? normalTwoSided(zAt(delta)) : normalUpperTail(zAt(delta)));
  const alpha = 1 - conf;
  const ci = invertTest((delta) => pAt(delta) < alpha, wald.difference, -1, 1, args.tails === 1, delta0);
  const pValue = pAt(delta0);
  const summary: AbTestSummary = {
    controlRate,
    variantRate,
    absoluteLift: wald.difference,
    relativeLift: controlRate === 0 ? divZero("control rate is 0") : variantRate / controlRate - 1,
    ciLow: ci.ciLow,
    ciHigh: ci.ciHigh,
    z: zAt(delta0),
    pValue,
    significant: pValue < 1 - conf,
    ...relativeLiftCells(nc, xc, nv, xv, conf, args.tails),
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

/** The relative-lift interval cells: Katz's log interval, or the reason it has no value. */
function relativeLiftCells(
  nc: number,
  xc: number,
  nv: number,
  xv: number,
  conf: number,
  tails: 1 | 2,
): { relativeCiLow: ExcelResult<number>; relativeCiHigh: ExcelResult<number> } {
  if (xc === 0 || xv === 0) {
    const e = divZero("an arm has no conversions: the log rate ratio has no interval");
    return { relativeCiLow: e, relativeCiHigh: e };
  }
  const z = normalUpperQuantile(tails === 2 ? (1 - conf) / 2 : 1 - conf);
  const r = relativeLiftInterval(nc, xc, nv, xv, z);
  const cell = (v: number) => (Number.isFinite(v) ? v : numError("relative lift bound is out of range"));
  return {
    relativeCiLow: cell(r.low),
    relativeCiHigh: tails === 2 ? cell(r.high) : numError("a one-sided interval has no upper bound"),
  };
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
    s.relativeCiLow,
    s.relativeCiHigh,
  ];
}
