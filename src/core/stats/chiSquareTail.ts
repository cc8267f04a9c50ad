import erfc from "@stdlib/math-base-special-erfc";

const LOG_TWO_OVER_SQRT_PI = Math.log(2 / Math.sqrt(Math.PI));

/**
 * Upper tail of the chi-square distribution with an integer number of degrees of freedom k ≥ 1, by the finite sums
 * (no series to truncate, every term positive, so no cancellation), with y = x/2:
 *   k even: P(χ²_k ≥ x) = e^(−y) · Σ_{j=0}^{k/2 − 1} y^j / j!
 *   k odd:  P(χ²_k ≥ x) = erfc(√y) + e^(−y) · Σ_{j=1}^{(k−1)/2} y^(j − ½) / Γ(j + ½)
 * Terms are formed as logarithms (log t_j = log t_{j−1} + log y − log j, resp. log(j − ½)) and summed scaled by the
 * largest, so that neither e^(−y) nor y^j under- or overflows on its own.
 * Source: Abramowitz & Stegun 26.4.4 (odd) and 26.4.5 (even); scipy.stats.chi2.sf / R pchisq(lower.tail = FALSE).
 * @example chiSquareUpperTail(12.5, 2) // = e^(−6.25) ≈ 0.00193045
 */
export function chiSquareUpperTail(x: number, k: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const y = x / 2;
  const logY = Math.log(y);
  const logs: number[] = [];
  let head = 0;
  if (k % 2 === 0) {
    let logTerm = -y; // j = 0
    logs.push(logTerm);
    for (let j = 1; j < k / 2; j++) {
      logTerm += logY - Math.log(j);
      logs.push(logTerm);
    }
  } else {
    head = erfc(Math.sqrt(y));
    let logTerm = -y + 0.5 * logY + LOG_TWO_OVER_SQRT_PI; // j = 1: e^(−y)·y^½/Γ(3/2)
    for (let j = 1; j <= (k - 1) / 2; j++) {
      if (j > 1) logTerm += logY - Math.log(j - 0.5);
      logs.push(logTerm);
    }
  }
  if (logs.length === 0) return head;
  let top = -Infinity;
  for (const l of logs) top = Math.max(top, l);
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - top);
  return head + Math.exp(top) * sum;
}
