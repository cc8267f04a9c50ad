import { chiSquareUpperTail } from "./chiSquareTail";
import { sampleRatioMismatch } from "./chiSquare";

export interface GoodnessOfFit {
  /** Pearson χ² = Σ (O_i − N·s_i)² / (N·s_i). */
  chiSquare: number;
  /** Degrees of freedom k − 1. */
  df: number;
  /** P(χ²_{k−1} ≥ χ²). */
  pValue: number;
}

/**
 * Pearson's chi-square goodness-of-fit test of k ≥ 2 observed counts against expected shares s_i (s_i > 0, Σ s_i = 1),
 * as scipy.stats.chisquare(counts, N·shares) and R chisq.test(counts, p = shares):
 *   χ² = Σ (O_i − N·s_i)² / (N·s_i), p = P(χ²_{k−1} ≥ χ²).
 * Each O_i − N·s_i is formed as O_i·(1 − s_i) − s_i·(N − O_i) (exact N − O_i for counts below 2⁵³), and
 * divided by N·s_i before it is squared, so huge counts cannot overflow. With two cells this is the 1-df test of sampleRatioMismatch,
 * which is used then (p from z directly). Domain: counts ≥ 0 with N > 0 (the caller validates).
 * Source: Pearson (1900), Philosophical Magazine 50:157–175; Fabijan et al. (2019) for SRM with k arms.
 * @example chiSquareGoodnessOfFit([500, 500, 600], [1/3, 1/3, 1/3]).pValue // ≈ 0.0019305 (scipy chisquare)
 */
export function chiSquareGoodnessOfFit(counts: readonly number[], shares: readonly number[]): GoodnessOfFit {
  const k = counts.length;
  if (k === 2) {
    const two = sampleRatioMismatch(counts[0], counts[1], shares[0]);
    return { chiSquare: two.chiSquare, df: 1, pValue: two.pValue };
  }
  const total = counts.reduce((a, b) => a + b, 0);
  let chiSquare = 0;
  for (let i = 0; i < k; i++) {
    const rest = total - counts[i];
    const deviation = counts[i] * (1 - shares[i]) - shares[i] * rest;
    chiSquare += (deviation / (total * shares[i])) * deviation;
  }
  return { chiSquare, df: k - 1, pValue: chiSquareUpperTail(chiSquare, k - 1) };
}
