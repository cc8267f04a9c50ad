import betainc from "@stdlib/math-base-special-betainc";
import { normalUpperTail } from "./normal";

/**
 * Upper tail of Student's t distribution with `df` degrees of freedom (df > 0, not necessarily an integer):
 *
 *   P(T ≥ t) = ½ · I_x(df/2, ½)       with x = df / (df + t²)      (used when t² > df)
 *            = ½ · (1 − I_y(½, df/2)) with y = t² / (df + t²)      (used when t² ≤ df; the upper regularised beta
 *                                                                   is evaluated directly, never as 1 − I)
 *
 * for t ≥ 0, and 1 − P(T ≥ |t|) for t < 0 (that value is ≥ ½, so the subtraction loses nothing).
 * Choosing whichever of x, y is the smaller keeps the argument exact at huge df (Welch tests with n ≈ 10⁹), where
 * 1 − y would round away the tail. The incomplete beta is stdlib's port of Boost's ibeta (DiDonato & Morris,
 * TOMS 708 style asymptotics for large parameters). df = Infinity gives the normal tail.
 * Source: Abramowitz & Stegun 26.7.1 / 26.5.27; Boost.Math students_t_distribution cdf.
 * @example studentTUpperTail(1, 1) // 0.25 (Cauchy: ½ − atan(t)/π)
 */
export function studentTUpperTail(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || df <= 0) return NaN;
  if (t < 0) return 1 - studentTUpperTail(-t, df);
  if (t === Infinity) return 0;
  if (df === Infinity) return normalUpperTail(t);
  // u = t²/df computed as (t/√df)² so that large t does not overflow before the ratio is taken.
  const r = t / Math.sqrt(df);
  const u = r * r;
  if (u > 1) {
    const x = 1 / (1 + u); // df/(df+t²)
    return 0.5 * betainc(x, df / 2, 0.5, true, false);
  }
  const y = u / (1 + u); // t²/(df+t²)
  return 0.5 * betainc(y, 0.5, df / 2, true, true);
}

/** Two-sided tail P(|T| ≥ |t|) = 2 · P(T ≥ |t|). */
export function studentTTwoSided(t: number, df: number): number {
  return 2 * studentTUpperTail(Math.abs(t), df);
}
