/**
 * The Functions tab's A/B calculator: the same core statistics as the GROWTH functions, frequentist and Bayesian
 * side by side.
 * Rates x/n, absolute lift p̂v − p̂c, relative lift (p̂v − p̂c)/p̂c; frequentist: the pooled two-proportion z-test's
 * two-sided p (ABTEST_SIG), significant when p < 1 − confidence; Bayesian (Beta(1, 1) priors, ABTEST_BAYES): the
 * exact chance that the variant beats control and the risk (expected relative loss) of shipping it; the visitors per
 * variant needed to detect the observed relative lift at α = 1 − confidence and 80% power (ABTEST_SAMPLESIZE), and
 * the days to reach both groups' sample from the daily visitors the test gets; and the sample-ratio-mismatch check of
 * the visitors against the planned 50/50 split (ABTEST_SRM), which decides whether any of it can be trusted.
 */
import { betaLiftSummary } from "../core/stats/betaRelativeRisk";
import { sampleRatioMismatch } from "../core/stats/chiSquare";
import { probabilityBeats } from "../core/stats/betaProbBeat";
import { twoProportionSampleSize } from "../core/stats/sampleSize";
import { twoProportionZTest } from "../core/stats/twoProportionZ";

export interface AbInput {
  controlVisitors: number;
  controlConversions: number;
  variantVisitors: number;
  variantConversions: number;
  confidence: number;
  /** Visitors a day entering the test, both groups together; optional (no days without it). */
  dailyVisitors?: number;
}

export interface AbResult {
  controlRate: number;
  variantRate: number;
  absoluteLift: number;
  relativeLift: number;
  pValue: number;
  significant: boolean;
  /** null when it cannot be computed (no lift, or a rate of 0 or 1). */
  sampleSize: number | null;
  /** P(variant rate > control rate) under Beta(1, 1) priors; null for counts that are not whole numbers. */
  chanceToWin: number | null;
  /** Expected relative loss of shipping the variant, E[max(1 − pv/pc, 0)]; null without a finite mean. */
  riskVariant: number | null;
  /** ⌈2 · sampleSize ÷ dailyVisitors⌉: days until both groups hold the sample; null without either. */
  days: number | null;
  /** p-value of the χ² test of the visitors against a 50/50 split (ABTEST_SRM(nc, nv)). */
  srmPValue: number;
}

/** Below this SRM p-value the split is broken and the read-outs are not to be trusted (Fabijan et al. 2019). */
export const SRM_ALPHA = 0.001;

export const POWER = 0.8;

/** null when the input is not a valid test (visitors ≤ 0, conversions outside 0…visitors, confidence outside (0,1)). */
export function computeAbTest(input: AbInput): AbResult | null {
  const { controlVisitors: nc, controlConversions: xc, variantVisitors: nv, variantConversions: xv } = input;
  const ok = (n: number, x: number) => Number.isFinite(n) && Number.isFinite(x) && n > 0 && x >= 0 && x <= n;
  if (!ok(nc, xc) || !ok(nv, xv) || !(input.confidence > 0 && input.confidence < 1)) return null;
  const test = twoProportionZTest(nc, xc, nv, xv);
  const absoluteLift = test.variantRate - test.controlRate;
  const relativeLift = test.controlRate > 0 ? absoluteLift / test.controlRate : NaN;
  const alpha = 1 - input.confidence;
  let sampleSize: number | null = null;
  const p2 = test.variantRate;
  if (test.controlRate > 0 && test.controlRate < 1 && p2 > 0 && p2 < 1 && absoluteLift !== 0) {
    const n = twoProportionSampleSize(test.controlRate, relativeLift, alpha, POWER).perVariant;
    sampleSize = Number.isFinite(n) ? n : null;
  }
  let chanceToWin: number | null = null;
  let riskVariant: number | null = null;
  if ([nc, xc, nv, xv].every(Number.isInteger)) {
    const [aA, bA, aB, bB] = [xc + 1, nc - xc + 1, xv + 1, nv - xv + 1];
    chanceToWin = probabilityBeats(aA, bA, aB, bB)?.probability ?? null;
    riskVariant = betaLiftSummary(aA, bA, aB, bB)?.riskB ?? null;
  }
  const daily = input.dailyVisitors;
  const days =
    sampleSize !== null && daily !== undefined && Number.isFinite(daily) && daily > 0
      ? Math.ceil((2 * sampleSize) / daily)
      : null;
  return {
    controlRate: test.controlRate,
    variantRate: test.variantRate,
    absoluteLift,
    relativeLift,
    pValue: test.pTwoSided,
    significant: test.pTwoSided < alpha,
    sampleSize,
    chanceToWin,
    riskVariant,
    days: days !== null && Number.isFinite(days) ? days : null,
    srmPValue: sampleRatioMismatch(nc, nv, 0.5).pValue,
  };
}

/** The calculator's boxes: the four counts, the confidence level and the optional daily visitors. */
export type AbField = "cv" | "cc" | "vv" | "vc" | "confidence" | "daily";
export const AB_REQUIRED: readonly AbField[] = ["cv", "cc", "vv", "vc", "confidence"];

/** Why a box's text is not usable; each has a one-sentence message in the pane's string tables. */
export type AbProblem =
  "notNumber" | "notWhole" | "negative" | "noVisitors" | "overVisitors" | "confidenceRange" | "dailyRange";

export interface AbForm {
  /** The test to compute; null while a required box is empty or any box has a problem. */
  input: AbInput | null;
  /** Required boxes still empty, in the order of AB_REQUIRED. */
  missing: AbField[];
  problems: Partial<Record<AbField, AbProblem>>;
}

/**
 * A confidence level as the user writes it: "95%", "0.95" or "95". Rule: a number of 1 or more is a percentage
 * (95 → 95%), below 1 a fraction (0.95 → 95%).
 */
export function confidenceOf(value: number, hadPercent: boolean): number {
  return hadPercent || value < 1 ? value : value / 100;
}

/**
 * Reads the boxes (`parse` turns text into a number in the user's locale, NaN when it is not one). Empty required
 * boxes are missing, not wrong: the calculator shows what is missing rather than reading them as 0.
 */
export function readAbForm(text: Record<AbField, string>, parse: (text: string, percent: boolean) => number): AbForm {
  const problems: Partial<Record<AbField, AbProblem>> = {};
  const missing = AB_REQUIRED.filter((f) => text[f].trim() === "");
  const value = {} as Record<AbField, number>;
  for (const f of ["cv", "cc", "vv", "vc", "confidence", "daily"] as const) {
    if (text[f].trim() === "") continue;
    const v = parse(text[f], f === "confidence");
    if (Number.isNaN(v)) problems[f] = "notNumber";
    else value[f] = v;
  }
  for (const [n, x] of [
    ["cv", "cc"],
    ["vv", "vc"],
  ] as const) {
    for (const f of [n, x]) {
      if (problems[f] || value[f] === undefined) continue;
      if (value[f] < 0) problems[f] = "negative";
      else if (!Number.isInteger(value[f])) problems[f] = "notWhole";
    }
    if (!problems[n] && value[n] === 0) problems[n] = "noVisitors";
    if (!problems[n] && !problems[x] && value[n] !== undefined && value[x] > value[n]) problems[x] = "overVisitors";
  }
  let confidence = NaN;
  if (!problems.confidence && value.confidence !== undefined) {
    confidence = confidenceOf(value.confidence, text.confidence.trim().endsWith("%"));
    if (!(confidence > 0 && confidence < 1)) problems.confidence = "confidenceRange";
  }
  if (!problems.daily && value.daily !== undefined && !(value.daily > 0)) problems.daily = "dailyRange";
  const input =
    missing.length === 0 && Object.keys(problems).length === 0
      ? {
          controlVisitors: value.cv,
          controlConversions: value.cc,
          variantVisitors: value.vv,
          variantConversions: value.vc,
          confidence,
          dailyVisitors: value.daily,
        }
      : null;
  return { input, missing, problems };
}

/**
 * The ABTEST_SUMMARY formula for the entered test, with the exact numbers (formula syntax is en-US whatever the
 * locale: Office.js writes Range.formulas in it), two-sided at the entered confidence.
 */
export function abSummaryFormula(input: AbInput): string {
  const n = (x: number) => String(Number(x.toPrecision(15))); // 99.9 ÷ 100 is 0.9990000000000001 in binary
  return `=GROWTH.ABTEST_SUMMARY(${[input.controlVisitors, input.controlConversions, input.variantVisitors, input.variantConversions, 2, input.confidence].map(n).join(", ")})`;
}
