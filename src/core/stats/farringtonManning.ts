/**
 * Rates of control and variant estimated by maximum likelihood under the constraint pv − pc = delta (the restricted
 * MLE of the score test for a difference of proportions). With p = p̃c, the score equation of the restricted
 * log-likelihood ℓ(p) = xc ln p + (nc − xc) ln(1 − p) + xv ln(p + δ) + (nv − xv) ln(1 − p − δ) is
 *   (xc − nc·p)·(p + δ)(1 − p − δ) + (xv − nv·(p + δ))·p(1 − p) = 0,
 * which expands to the cubic N·p³ + B·p² + C₁·p + D = 0 with N = nc + nv, X = xc + xv and
 *   B = (2nc + nv)·δ − N − X,   C₁ = (nc·δ − N − 2xc)·δ + X,   D = xc·δ(1 − δ).
 * ℓ is strictly concave on the admissible range [max(0, −δ), min(1, 1 − δ)], so the cubic has exactly one root
 * there; it is taken in closed form (trigonometric solution, b = B/N, c = C₁/N, d = D/N):
 *   q = (b/3)³ − b·c/6 + d/2, u = sign(q)·√((b/3)² − c/3), w = (π + arccos(q/u³))/3, p̃c = 2u·cos(w) − b/3,
 * then polished by Newton steps on ℓ' (the closed form loses digits to cancellation near 0% and 100%), p̃v = p̃c + δ.
 * Every coefficient is divided by N, so huge counts cannot overflow. At δ = 0 the root is the pooled rate.
 * Source: Farrington & Manning (1990), Statistics in Medicine 9, 1447–1454, eq. (5) and its appendix; Miettinen &
 * Nurminen (1985), Statistics in Medicine 4, 213–226, Appendix 1 (the same cubic). Not statsmodels'
 * `score_test_proportions_2indep`: its linear coefficient has count0 (xc) where nobs0 (nc) belongs (statsmodels issue
 * #10269, fix proposed in PR #10270), so its fitted rates do not maximise ℓ and its score intervals are off.
 * @example restrictedRates(1000, 100, 1000, 120, 0.01) // { control ≈ 0.1048003, variant ≈ 0.1148003 }
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
  const lo = Math.max(0, -delta);
  const hi = Math.min(1, 1 - delta);
  // A maximum at an end of the range (an arm at 0% or 100%): there the cubic has a double or near-double root, which
  // its closed form and Newton resolve only to ~√ε, so the ends are tested first on the score itself: ℓ'(hi) ≥ 0 or
  // ℓ'(lo) ≤ 0 (the terms of a zero count left out; a remaining term over 0 is ±∞ and decides).
  if (endScore(nc, xc, nv, xv, delta, "high") >= 0) return { control: hi, variant: delta > 0 ? 1 : 1 + delta };
  if (endScore(nc, xc, nv, xv, delta, "low") <= 0) return { control: lo, variant: delta < 0 ? 0 : delta };
  const fc = nc / s / total; // nc / N
  const fv = nv / s / total; // nv / N
  const rc = xc / s / total; // xc / N
  const rAll = (xc / s + xv / s) / total; // C / N
  const b = (fv + 2 * fc) * delta - 1 - rAll;
  const c = (fc * delta - 1 - 2 * rc) * delta + rAll;
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
  control = Math.min(hi, Math.max(lo, control));
  // Newton on the score ℓ'(p) itself (ℓ'' < 0: ℓ is concave), whose terms keep their relative precision near an end of
  // the range where the cubic's do not; kept inside the range, it stops when a step no longer shrinks.
  let step = Infinity;
  for (let i = 0; i < 64; i++) {
    const qc = 1 - control;
    const pv = control + delta;
    const qv = qc - delta;
    const t = (count: number, rate: number) => (count === 0 ? 0 : count / rate);
    const t2 = (count: number, rate: number) => (count === 0 ? 0 : count / rate / rate);
    const g = t(xc, control) - t(nc - xc, qc) + t(xv, pv) - t(nv - xv, qv);
    const h = -(t2(xc, control) + t2(nc - xc, qc) + t2(xv, pv) + t2(nv - xv, qv));
    if (g === 0 || !(h < 0) || !Number.isFinite(g / h)) break;
    const next = Math.min(hi, Math.max(lo, control - g / h));
    const moved = Math.abs(next - control);
    if (!(moved < step)) break;
    step = moved;
    control = next;
    if (moved === 0) break;
  }
  return { control, variant: control + delta };
}

/**
 * ℓ'(p) = xc/p − (nc − xc)/(1 − p) + xv/pv − (nv − xv)/(1 − pv) at an end of the admissible range, with the rates and
 * their complements written exactly (at the high end p = min(1, 1 − δ): 1 − p = max(0, δ), 1 − pv = max(0, −δ); at the
 * low end p = max(0, −δ): p = max(0, −δ), pv = max(0, δ)); a term with a zero count is 0.
 */
function endScore(nc: number, xc: number, nv: number, xv: number, delta: number, end: "high" | "low"): number {
  const high = end === "high";
  const pc = high ? Math.min(1, 1 - delta) : Math.max(0, -delta);
  const qc = high ? Math.max(0, delta) : 1 - pc;
  const pv = high ? Math.min(1, 1 + delta) : Math.max(0, delta);
  const qv = high ? Math.max(0, -delta) : 1 - pv;
  const term = (count: number, rate: number) => (count === 0 ? 0 : count / rate);
  return term(xc, pc) - term(nc - xc, qc) + term(xv, pv) - term(nv - xv, qv);
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
