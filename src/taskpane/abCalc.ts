/**
 * The Functions tab's A/B calculator: the same core statistics as the GROWTH functions, frequentist and Bayesian
 * side by side.
 * Rates x/n, absolute lift p̂v − p̂c, relative lift (p̂v − p̂c)/p̂c; frequentist: the pooled two-proportion z-test's
 * two-sided p (ABTEST_SIG), significant when p < 1 − confidence; Bayesian (Beta(1, 1) priors, ABTEST_BAYES): the
 * exact chance that the variant beats control and the risk (expected relative loss) of shipping it; the visitors per
 * variant needed to detect the observed relative lift at α = 1 − confidence and 80% power (ABTEST_SAMPLESIZE), and
 * the days to reach both groups' sample from the daily visitors the test gets.
 */
import { betaLiftSummary } from "../core/stats/betaRelativeRisk";
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
}

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
  };
}
