import { probabilityBeats, type ProbBeatMethod } from "./betaProbBeat";

/** Posterior summaries of the relative lift L = p_B/p_A − 1 under independent Beta posteriors. */
export interface BetaLiftSummary {
  /** P(p_B > p_A). */
  chanceToWin: number;
  /** Expected loss of choosing A (control), E[max(L, 0)], in relative units (GrowthBook's risk). */
  riskA: number;
  /** Expected loss of choosing B (variant), E[max(−L, 0)], in relative units. */
  riskB: number;
  /** E[L] = E[p_B]·E[1/p_A] − 1. */
  expectedLift: number;
  /** "normal" when a sum was longer than MAX_TERMS and the normal approximation stood in. */
  method: ProbBeatMethod;
}

/**
 * Exact relative risks and expected lift for p_A ~ Beta(αA, βA), p_B ~ Beta(αB, βB), αA > 1:
 *
 *   K = αB/(αB + βB) · (αA + βA − 1)/(αA − 1) = E[p_B]·E[1/p_A],   E[L] = K − 1,
 *   E[max(L, 0)]  = K·P(p′_B > p′_A) − P(p_B > p_A),
 *   E[max(−L, 0)] = P(p_A > p_B) − K·P(p′_A > p′_B),
 *
 * with p′_B ~ Beta(αB + 1, βB), p′_A ~ Beta(αA − 1, βA), from p·Beta(p; α, β) = α/(α+β)·Beta(p; α+1, β) and
 * Beta(p; α, β)/p = (α+β−1)/(α−1)·Beta(p; α−1, β). Each probability is Evan Miller's sum ({@link probabilityBeats}),
 * the complements summed directly rather than as 1 − P. The risks are GrowthBook's definitions
 * (gbstats/bayesian/tests.py, EffectBayesianABTest.get_risk: risk = [E max(L,0), E max(−L,0)], riskType "relative")
 * evaluated on the exact posterior instead of its normal approximation.
 * undefined when αA ≤ 1 (E[1/p_A] is infinite) or no sum applies (neither α nor β whole).
 * @example betaLiftSummary(50, 52, 52, 50).chanceToWin // ≈ 0.6108 (49/100 vs 51/100, Beta(1,1) priors)
 */
export function betaLiftSummary(aA: number, bA: number, aB: number, bB: number): BetaLiftSummary | undefined {
  if (!(aA > 1)) return undefined;
  const win = probabilityBeats(aA, bA, aB, bB);
  const lose = probabilityBeats(aB, bB, aA, bA);
  const winShifted = probabilityBeats(aA - 1, bA, aB + 1, bB);
  const loseShifted = probabilityBeats(aB + 1, bB, aA - 1, bA);
  if (!win || !lose || !winShifted || !loseShifted) return undefined;
  const k = (aB / (aB + bB)) * ((aA + bA - 1) / (aA - 1));
  const exact = [win, lose, winShifted, loseShifted].every((p) => p.method === "exact");
  return {
    chanceToWin: win.probability,
    riskA: Math.max(0, k * winShifted.probability - win.probability),
    riskB: Math.max(0, lose.probability - k * loseShifted.probability),
    expectedLift: k - 1,
    method: exact ? "exact" : "normal",
  };
}
