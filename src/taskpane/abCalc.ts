/**
 * The Functions tab's A/B calculator: the same core statistics as GROWTH.ABTEST_SIG / ABTEST_SAMPLESIZE.
 * Rates x/n, absolute lift p̂v − p̂c, relative lift (p̂v − p̂c)/p̂c, the pooled two-proportion z-test's two-sided p,
 * significant when p < 1 − confidence, and the visitors per variant needed to detect the observed relative lift
 * at α = 1 − confidence and 80% power.
 */
import { twoProportionSampleSize } from "../core/stats/sampleSize";
import { twoProportionZTest } from "../core/stats/twoProportionZ";

export interface AbInput {
  controlVisitors: number;
  controlConversions: number;
  variantVisitors: number;
  variantConversions: number;
  confidence: number;
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
  return {
    controlRate: test.controlRate,
    variantRate: test.variantRate,
    absoluteLift,
    relativeLift,
    pValue: test.pTwoSided,
    significant: test.pTwoSided < alpha,
    sampleSize,
  };
}
