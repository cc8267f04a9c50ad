export interface RelativeLiftInterval {
  /** Bounds of pv/pc − 1. */
  low: number;
  high: number;
}

/**
 * Confidence interval of the relative lift pv/pc − 1 by the delta method on the log of the rate ratio (Katz's log
 * interval for a risk ratio):
 *   log r̂ = log(p̂v) − log(p̂c),  se = √((1 − p̂v)/xv + (1 − p̂c)/xc) = √(1/xv − 1/nv + 1/xc − 1/nc),
 *   lift bounds = exp(log r̂ ∓ z·se) − 1 (computed with expm1), z = z₁₋α/₂ two-sided, z₁₋α one-sided (low only).
 * Domain: xc, xv > 0 (the caller reports #DIV/0! otherwise). Chosen over Fieller's interval because it is always a
 * finite interval that contains the estimate; Fieller's can be unbounded or the complement of an interval.
 * Source: Katz, Baptista, Azen & Pike (1978), Biometrics 34:469–474; statsmodels
 * `confint_proportions_2indep(compare='ratio', method='log')`.
 * @example relativeLiftInterval(1000, 100, 1000, 120, 1.959963984540054) // ≈ { low: −0.0691, high: 0.5470 }
 */
export function relativeLiftInterval(nc: number, xc: number, nv: number, xv: number, z: number): RelativeLiftInterval {
  const logRatio = Math.log(xv / nv) - Math.log(xc / nc);
  const se = Math.sqrt((1 - xv / nv) / xv + (1 - xc / nc) / xc);
  return { low: Math.expm1(logRatio - z * se), high: Math.expm1(logRatio + z * se) };
}
