// ln B(a, b) without the cancellation of ln Γ(a) + ln Γ(b) − ln Γ(a + b), which at a + b ≈ 10⁹ (ln Γ ≈ 2·10¹⁰) would
// leave an absolute error of ~10⁻⁶ in the log. For a, b ≥ 10 the Stirling main terms are combined analytically and
// only the small Stirling remainders are added (R's nmath lbeta.c, Loader's lgammacor).

/**
 * Stirling remainder δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ 10, by its asymptotic series
 * 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹); the next term is below 3·10⁻¹⁴·x⁻¹¹.
 * Source: Abramowitz & Stegun 6.1.41.
 * @example stirlingRemainder(10) // ≈ 0.008330563433362871
 */
export function stirlingRemainder(x: number): number {
  const r = 1 / (x * x);
  return (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r / 1188)))) / x;
}

/**
 * ln Γ(x) for x > 0: shifted up to x + k ≥ 10 by ln Γ(x) = ln Γ(x + k) − ln(x(x + 1)…(x + k − 1)), then Stirling's
 * series (x − ½) ln x − x + ½ ln 2π + δ(x). Absolute error ~10⁻¹⁴ below 10 (it only ever enters as a log).
 * Source: Abramowitz & Stegun 6.1.41 and 6.1.15.
 * @example logGamma(0.5) // ≈ 0.5723649429247001 (ln √π)
 */
export function logGamma(x: number): number {
  let shift = 0;
  let product = 1;
  while (x < 10) {
    product *= x;
    x += 1;
    shift += 1;
  }
  const stirling = (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + stirlingRemainder(x);
  return shift === 0 ? stirling : stirling - Math.log(product);
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0. With p = min(a, b), q = max(a, b):
 *   q < 10:          the three log-gammas (logGamma);
 *   p < 10 ≤ q:      ln Γ(p) + δ(q) − δ(p + q) + p − p ln(p + q) + (q − ½) log1p(−p/(p + q));
 *   p ≥ 10:          −½ ln q + ½ ln 2π + δ(p) + δ(q) − δ(p + q) + (p − ½) ln(p/(p + q)) + q log1p(−p/(p + q)).
 * Source: R nmath lbeta.c (Ross Ihaka; the same three cases).
 * @example logBeta(1e9, 1e9) // ≈ −1386294370.216011
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (q < 10) return logGamma(p) + logGamma(q) - logGamma(p + q);
  const corr = stirlingRemainder(q) - stirlingRemainder(p + q);
  if (p < 10) return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  return (
    -0.5 * Math.log(q) +
    0.9189385332046728 + // ½ ln 2π
    stirlingRemainder(p) +
    corr +
    (p - 0.5) * Math.log(p / (p + q)) +
    q * Math.log1p(-p / (p + q))
  );
}
