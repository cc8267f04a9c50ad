import { exactProbabilityBeats, type ProbBeatMethod } from "./betaProbBeat";
import { betaDist, compareBetas } from "./betaQuadrature";

/** Posterior summaries of the relative lift L = p_B/p_A − 1 under independent Beta posteriors. */
export interface BetaLiftSummary {
  /** P(p_B > p_A). */
  chanceToWin: number;
  /** Expected loss of choosing A (control), E[max(L, 0)], in relative units (GrowthBook's risk); Infinity when αA ≤ 1. */
  riskA: number;
  /** Expected loss of choosing B (variant), E[max(−L, 0)], in relative units; finite for every αA (L ≥ −1). */
  riskB: number;
  /** E[L] = E[p_B]·E[1/p_A] − 1; Infinity when αA ≤ 1. */
  expectedLift: number;
  /** "exact": Evan Miller's sums and the shifted-Beta identity; "quadrature": stats/betaQuadrature.ts. */
  method: ProbBeatMethod;
}

/**
 * Relative risks and expected lift for p_A ~ Beta(αA, βA), p_B ~ Beta(αB, βB), any α, β > 0:
 *
 *   K = αB/(αB + βB) · (αA + βA − 1)/(αA − 1) = E[p_B]·E[1/p_A],   E[L] = K − 1,
 *   E[max(L, 0)]  = E_A[E[(p_B − p_A)⁺ | p_A]/p_A],   E[max(−L, 0)] = E_A[E[(p_A − p_B)⁺ | p_A]/p_A].
 *
 * When every sum is short and whole (small counts, whole priors) the risks come from the shifted-Beta identities
 * E[max(L, 0)] = K·P(p′_B > p′_A) − P(p_B > p_A), E[max(−L, 0)] = P(p_A > p_B) − K·P(p′_A > p′_B), with p′_B ~
 * Beta(αB + 1, βB), p′_A ~ Beta(αA − 1, βA) (p·Beta(p; α, β) = α/(α+β)·Beta(p; α+1, β)), each P an exact sum.
 * Otherwise (large counts, fractional priors, αA ≤ 1) both risks are the non-negative integrals above by quadrature
 * (stats/betaQuadrature.ts), accurate however small they are; E[max(−L, 0)] stays finite when control has no
 * conversions (αA ≤ 1), where E[1/p_A], E[L] and E[max(L, 0)] are infinite.
 * The risks are GrowthBook's definitions (gbstats/bayesian/tests.py, EffectBayesianABTest.get_risk, riskType
 * "relative") evaluated on the exact posterior instead of its normal approximation.
 * undefined only for a parameter ≤ 0.
 * @example betaLiftSummary(50, 52, 52, 50).chanceToWin // ≈ 0.6108 (49/100 vs 51/100, Beta(1,1) priors)
 */
export function betaLiftSummary(aA: number, bA: number, aB: number, bB: number): BetaLiftSummary | undefined {
  if (!(aA > 0 && bA > 0 && aB > 0 && bB > 0)) return undefined;
  const win = exactProbabilityBeats(aA, bA, aB, bB);
  const k = aA > 1 ? (aB / (aB + bB)) * ((aA + bA - 1) / (aA - 1)) : Infinity;
  if (aA > 1 && win !== undefined) {
    // (each sum is tried only while the ones before it were exact: no quadrature is wasted)
    const lose = exactProbabilityBeats(aB, bB, aA, bA);
    const winShifted = lose === undefined ? undefined : exactProbabilityBeats(aA - 1, bA, aB + 1, bB);
    const loseShifted = winShifted === undefined ? undefined : exactProbabilityBeats(aB + 1, bB, aA - 1, bA);
    if (lose !== undefined && winShifted !== undefined && loseShifted !== undefined) {
      const riskA = k * winShifted - win;
      const riskB = lose - k * loseShifted;
      // Each sum is good to ~10⁻¹⁵; a difference 10⁴ times smaller than its terms keeps ~10⁻¹¹. A smaller risk (a few
      // failures in 3·10¹² visitors: risks 10⁻¹³ beside P = 0.16) goes to the quadrature, which computes it directly.
      const kept = Math.min(riskA / Math.max(win, k * winShifted), riskB / Math.max(lose, k * loseShifted));
      if (kept > 1e-4) return { chanceToWin: win, riskA, riskB, expectedLift: k - 1, method: "exact" };
    }
  }
  const c = compareBetas(betaDist(aA, bA), betaDist(aB, bB));
  const chanceToWin = win ?? Math.min(1, Math.max(0, c.greater));
  return { chanceToWin, riskA: c.gain, riskB: c.loss, expectedLift: k - 1, method: "quadrature" };
}
