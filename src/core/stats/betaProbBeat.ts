import { DD, ddAdd, ddLog, ddMul } from "./doubleDouble";
import { logBeta, logGamma, stirlingRemainder } from "./logBeta";
import { compareBetas, betaDist } from "./betaQuadrature";

/** What {@link betaProbGreater} returns: the probability and how many terms of the sum it took. */
export interface BetaSum {
  probability: number;
  terms: number;
}

const EPS = 1e-17;
/** The longest sum betaProbGreater adds by default (about 3 ms); {@link probabilityBeats} stops far earlier. */
export const MAX_TERMS = 1_000_000;

/**
 * P(X_B > X_A) for independent X_A ~ Beta(αA, βA), X_B ~ Beta(αB, βB), αB a positive whole number:
 *
 *   P = Σ_{i=0}^{αB−1} B(αA + i, βA + βB) / ((βB + i) · B(1 + i, βB) · B(αA, βA))
 *
 * Source: Evan Miller, "Formulas for Bayesian A/B testing" (2014), and Chris Stucchio's derivation; each term in
 * log space through logBeta. The terms rise to one peak and fall (t_{i+1}/t_i = (αA + i)(βB + i) / ((αA + βA + βB + i)
 * (1 + i)), and that ratio minus 1 has the sign of a linear function falling in i), so the sum starts at the peak,
 * found in closed form, and walks outwards with that ratio until what is left, bounded by the last term times the
 * terms remaining, is below 10⁻¹⁷ of the sum. Every term is positive: no cancellation, and a tiny P keeps its
 * relative precision. Work: O(√n) terms around the peak rather than αB; undefined when over `maxTerms` ({@link MAX_TERMS}).
 * @example betaProbGreater(50, 52, 52, 50).probability // ≈ 0.6108 (49/100 vs 51/100 with Beta(1,1) priors)
 */
export function betaProbGreater(
  aA: number,
  bA: number,
  aB: number,
  bB: number,
  maxTerms = MAX_TERMS,
): BetaSum | undefined {
  const last = aB - 1; // i runs over 0…αB−1
  const s = aA + bA + bB;
  // t_{i+1} ≥ t_i ⇔ i ≤ i0 = (αA·βB − S)/(βA + 1): the peak is the first i past i0.
  const i0 = (aA * bB - s) / (bA + 1);
  const peak = i0 < 0 ? 0 : Math.min(last, Math.floor(i0) + 1);
  const logPeak =
    s + peak > DD_ABOVE
      ? logTermDD(aA, bA, bB, peak)
      : logBeta(aA + peak, bA + bB) - Math.log(bB + peak) - logBeta(1 + peak, bB) - logBeta(aA, bA);
  let sum = 1; // in units of the peak term
  let terms = 1;
  let t = 1;
  for (let i = peak; i < last; i++) {
    t *= ((aA + i) * (bB + i)) / ((s + i) * (1 + i));
    sum += t;
    if (++terms > maxTerms) return undefined;
    if (t * (last - i) < EPS * sum) break;
  }
  t = 1;
  for (let i = peak - 1; i >= 0; i--) {
    t *= ((s + i) * (1 + i)) / ((aA + i) * (bB + i));
    sum += t;
    if (++terms > maxTerms) return undefined;
    if (t * i < EPS * sum) break;
  }
  return { probability: Math.exp(logPeak + Math.log(sum)), terms };
}

/** Above this many visitors the log of the peak term is summed in double-double: its parts grow like n ln n, and a plain double sum would lose ~n·10⁻¹⁶ of it. */
const DD_ABOVE = 1e4;

/** δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], the Stirling remainder, for any x > 0. */
function stirlingDelta(x: number): number {
  if (x >= 10) return stirlingRemainder(x);
  return logGamma(x) - ((x - 0.5) * Math.log(x) - x + 0.9189385332046728);
}

/**
 * ln t_i = ln B(αA + i, βA + βB) − ln(βB + i) − ln B(1 + i, βB) − ln B(αA, βA) with every ln Γ(x) written as
 * (x − ½) ln x − x + ½ ln 2π + δ(x): the −x and ½ ln 2π parts cancel (leaving −½ ln 2π), and the (x − ½) ln x parts,
 * each near 2·10¹⁰ at 10⁹ visitors, are summed in double-double, so that their cancellation down to O(ln n) keeps
 * ~10⁻¹⁶ absolute precision instead of the ~10⁻⁷ a double sum leaves. Exact when the parameters are exact doubles
 * (whole or half-integer priors).
 */
function logTermDD(aA: number, bA: number, bB: number, i: number): number {
  const parts: [number, number][] = [
    [aA + i, 1],
    [bA + bB, 1],
    [aA + bA + bB + i, -1],
    [1 + i, -1],
    [bB, -1],
    [1 + i + bB, 1],
    [aA, -1],
    [bA, -1],
    [aA + bA, 1],
  ];
  let main: DD = [0, 0];
  let delta = 0;
  for (const [x, sign] of parts) {
    main = ddAdd(main, ddMul(ddLog(x), [sign * (x - 0.5), 0]));
    delta += sign * stirlingDelta(x);
  }
  return main[0] + (main[1] + delta - 0.9189385332046728 - Math.log(bB + i));
}

/** How {@link probabilityBeats} got its answer: Evan Miller's sum, or quadrature (stats/betaQuadrature.ts). */
export type ProbBeatMethod = "exact" | "quadrature";

/** The most terms {@link probabilityBeats} adds in one of Evan Miller's sums (about 0.3 ms); past it, quadrature. */
export const SUM_BUDGET = 50_000;

/**
 * P(p_B > p_A) by Evan Miller's sum alone: over αB directly, or over βA through 1 − p (p_B > p_A ⇔ 1 − p_A > 1 − p_B),
 * the shorter first; both give P itself as a sum of positive terms, never as 1 − P. The walk from the peak adds
 * O(√n) terms (15,000 at 10⁶ visitors per arm); undefined when no parameter is whole or every sum would pass
 * {@link SUM_BUDGET} terms.
 */
export function exactProbabilityBeats(aA: number, bA: number, aB: number, bB: number): number | undefined {
  const forms: [number, () => BetaSum | undefined][] = [];
  // The double-double log of the peak term needs every x − ½ it forms exact: x + αB below 2⁵² (at 2⁵² + 2⁵¹
  // visitors in all, x − ½ rounds by ½ and the term's log by ½ ln x ≈ 18: P 2·10⁻²⁴ for 0.98). Past it, quadrature.
  const exactBelow = 2 ** 52;
  if (Number.isInteger(aB) && aA + bA + bB + aB < exactBelow) {
    forms.push([aB, () => betaProbGreater(aA, bA, aB, bB, SUM_BUDGET)]);
  }
  if (Number.isInteger(bA) && aA + bB + aB + bA < exactBelow) {
    forms.push([bA, () => betaProbGreater(bB, aB, bA, aA, SUM_BUDGET)]);
  }
  forms.sort((f, g) => f[0] - g[0]);
  for (const [, run] of forms) {
    const sum = run();
    if (sum) return Math.min(1, sum.probability);
  }
  return undefined;
}

/**
 * P(p_B > p_A) for p_A ~ Beta(αA, βA), p_B ~ Beta(αB, βB), any α, β > 0: Evan Miller's sum when αB or βA is a whole
 * number and the sum's walk stays within {@link SUM_BUDGET} terms ({@link exactProbabilityBeats}, ~10⁻¹⁵); otherwise
 * (fractional priors on both parameters, very large counts) the nested Gauss–Kronrod quadrature of
 * stats/betaQuadrature.ts, P = E_A[P(p_B > p_A | p_A)] with every integrand non-negative, in bounded time.
 * @example probabilityBeats(50, 52, 52, 50) // { probability ≈ 0.6108, method: "exact" }
 */
export function probabilityBeats(
  aA: number,
  bA: number,
  aB: number,
  bB: number,
): { probability: number; method: ProbBeatMethod } | undefined {
  if (!(aA > 0 && bA > 0 && aB > 0 && bB > 0)) return undefined;
  const exact = exactProbabilityBeats(aA, bA, aB, bB);
  if (exact !== undefined) return { probability: exact, method: "exact" };
  const p = compareBetas(betaDist(aA, bA), betaDist(aB, bB), true).greater;
  return { probability: Math.min(1, Math.max(0, p)), method: "quadrature" };
}
