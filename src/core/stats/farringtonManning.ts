/**
 * Rates of control and variant estimated by maximum likelihood under the constraint pv − pc = delta (the restricted
 * MLE of the score test for a difference of proportions). The likelihood equation is a cubic with one root in the
 * admissible range, taken in closed form (trigonometric solution):
 *   N = nc + nv, C = xc + xv, b = ((nv + 2nc)·δ − N − C)/N, c = ((xc·δ − N − 2xc)·δ + C)/N, d = xc·δ(1 − δ)/N,
 *   q = (b/3)³ − b·c/6 + d/2, u = sign(q)·√((b/3)² − c/3), w = (π + arccos(q/u³))/3,
 *   p̃c = 2u·cos(w) − b/3, p̃v = p̃c + δ.
 * Every coefficient is divided by N, so huge counts cannot overflow. At δ = 0 the root is the pooled rate.
 * Source: Miettinen & Nurminen (1985), "Comparative analysis of two rates", Statistics in Medicine 4, 213–226,
 * Appendix 1; Farrington & Manning (1990), Statistics in Medicine 9, 1447–1454, eq. (5); the same closed form as
 * statsmodels `score_test_proportions_2indep` (stats/proportion.py, compare='diff').
 * @example restrictedRates(1000, 100, 1000, 120, 0.01) // { control ≈ 0.10500, variant ≈ 0.11500 }
 */
export function restrictedRates(
  nc: number,
  xc: number,
  nv: number,
  xv: number,
  delta: number,
): { control: number; variant: number } {
  const s = Math.max(nc, nv);
  const total = nc / s + nv / s;
  if (delta === 0) {
    const pooled = (xc / s + xv / s) / total;
    return { control: pooled, variant: pooled };
  }
  const fc = nc / s / total; // nc / N
  const fv = nv / s / total; // nv / N
  const rc = xc / s / total; // xc / N
  const rAll = (xc / s + xv / s) / total; // C / N
  const b = (fv + 2 * fc) * delta - 1 - rAll;
  const c = (rc * delta - 1 - 2 * rc) * delta + rAll;
  const d = rc * delta * (1 - delta);
  const b3 = b / 3;
  const q = b3 * b3 * b3 - (b * c) / 6 + d / 2;
  const u = Math.sign(q) * Math.sqrt(Math.max(0, b3 * b3 - c / 3));
  let control: number;
  if (u === 0) control = -b3;
  else {
    const w = (Math.PI + Math.acos(Math.min(1, Math.max(-1, q / (u * u * u))))) / 3;
    control = 2 * u * Math.cos(w) - b3;
  }
  // The root lies in [max(0, −δ), min(1, 1 − δ)]; clamp rounding just outside it.
  control = Math.min(Math.min(1, 1 - delta), Math.max(Math.max(0, -delta), control));
  return { control, variant: control + delta };
}

/**
 * Score statistic for H0: pv − pc = δ (Farrington–Manning, without the Miettinen–Nurminen N/(N − 1) factor):
 *   z(δ) = (p̂v − p̂c − δ) / √(p̃v(1 − p̃v)/nv + p̃c(1 − p̃c)/nc), with p̃ the restricted MLE above.
 * At δ = 0 this is the pooled two-proportion z. 0/0 (no variance, no distance) is 0.
 * Source: Farrington & Manning (1990) eq. (2); statsmodels `score_test_proportions_2indep(correction=False)`.
 */
export function scoreZ(nc: number, xc: number, nv: number, xv: number, delta: number): number {
  const r = restrictedRates(nc, xc, nv, xv, delta);
  const distance = xv / nv - xc / nc - delta;
  if (distance === 0) return 0;
  const variance = (r.variant * (1 - r.variant)) / nv + (r.control * (1 - r.control)) / nc;
  if (variance >= 1e-290) return distance / Math.sqrt(variance);
  // A fitted rate within a few doubles of 0 or 1 (a null difference near the smallest double): 1 − p̃ and the
  // products would round or underflow to 0. Complements from the constraint p̃v = p̃c + δ (1 − p̃v = (1 − p̃c) − δ;
  // at the clamp p̃c = min(1, 1 − δ) exactly), and the standard error as a hypotenuse of products of square roots.
  const atUpper = r.control === Math.min(1, 1 - delta);
  const qc = atUpper ? Math.max(0, delta) : 1 - r.control;
  const qv = Math.max(0, qc - delta);
  const sv = Math.sqrt(r.variant) * Math.sqrt(qv) * Math.sqrt(1 / nv);
  const sc = Math.sqrt(r.control) * Math.sqrt(qc) * Math.sqrt(1 / nc);
  return distance / Math.hypot(sv, sc);
}
