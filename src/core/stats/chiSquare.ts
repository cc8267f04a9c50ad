import erfc from "@stdlib/math-base-special-erfc";
import { normalTwoSided } from "./normal";

/**
 * Upper tail of the chi-square distribution with 1 degree of freedom: P(χ²₁ ≥ x) = erfc(√(x/2)) (x ≥ 0),
 * since χ²₁ = Z². Source: Abramowitz & Stegun 26.4.4.
 * @example chiSquare1UpperTail(3.841458820694124) // ≈ 0.05
 */
export function chiSquare1UpperTail(x: number): number {
  return x <= 0 ? 1 : erfc(Math.sqrt(x / 2));
}

export interface SampleRatioMismatch {
  /** Expected control count E = N · share. */
  expectedControl: number;
  /** Pearson χ² = Σ (O − E)²/E over the two cells = (O_c − N·s)² / (N·s·(1 − s)). */
  chiSquare: number;
  /** P(χ²₁ ≥ χ²). */
  pValue: number;
}

/**
 * Sample-ratio-mismatch check: chi-square goodness-of-fit test (1 df) of the observed control/variant split against
 * the expected control share s (scipy.stats.chisquare([c, v], [N·s, N·(1 − s)])).
 * With two cells χ² = z², z = (O_c − N·s)/√(N·s·(1 − s)), so p = erfc(|z|/√2) is computed from z directly.
 * Domain: counts ≥ 0 with N = c + v > 0, 0 < s < 1 (the caller validates).
 * Source: Pearson (1900); Fabijan et al. (2019), "Diagnosing Sample Ratio Mismatch in Online Controlled Experiments".
 * @example sampleRatioMismatch(5000, 5200, 0.5).pValue // ≈ 0.0476704
 */
export function sampleRatioMismatch(control: number, variant: number, share: number): SampleRatioMismatch {
  const total = control + variant;
  const expectedControl = total * share;
  // (O_c − N·s) written as c·(1 − s) − v·s avoids cancellation between two large nearly-equal counts.
  const z = (control * (1 - share) - variant * share) / Math.sqrt(total * share * (1 - share));
  return { expectedControl, chiSquare: z * z, pValue: normalTwoSided(z) };
}
