import { restrictedRates, scoreZ } from "../../src/core/stats/farringtonManning";
import { mulberry32 } from "../../src/core/random";
import { F } from "./helpers";

// Issue 16 §1: the Farrington–Manning restricted MLE proved by identities no peer can share. Nothing here uses the
// code's cubic or any package: the restricted log-likelihood, its score and the z statistic are written out below
// from their definitions, the maximiser is found by bisection on the sign of the score (ℓ is strictly concave) and
// by a golden-section search on ℓ itself, and each interval bound by bisection on z(δ) − z_crit.

/** x·ln(y) with 0·ln 0 = 0. */
const xlogy = (x: number, y: number) => (x === 0 ? 0 : x * Math.log(y));

/** ℓ(p) = xc ln p + (nc − xc) ln(1 − p) + xv ln(p + δ) + (nv − xv) ln(1 − p − δ), p the control rate. */
function logLik(nc: number, xc: number, nv: number, xv: number, delta: number, p: number): number {
  // (rates rounded just past 0 at an end of the range count as 0)
  const z = (v: number) => Math.max(0, v);
  return xlogy(xc, z(p)) + xlogy(nc - xc, z(1 - p)) + xlogy(xv, z(p + delta)) + xlogy(nv - xv, z(1 - p - delta));
}

/** ℓ'(p) = xc/p − (nc − xc)/(1 − p) + xv/(p + δ) − (nv − xv)/(1 − p − δ) (terms with a zero count left out). */
function score(nc: number, xc: number, nv: number, xv: number, delta: number, p: number): number {
  const pv = p + delta;
  return (
    (xc ? xc / p : 0) - (nc - xc ? (nc - xc) / (1 - p) : 0) + (xv ? xv / pv : 0) - (nv - xv ? (nv - xv) / (1 - pv) : 0)
  );
}

/** The maximiser of ℓ on [max(0, −δ), min(1, 1 − δ)] by bisection on the sign of ℓ' down to adjacent doubles. */
function mleByBisection(nc: number, xc: number, nv: number, xv: number, delta: number): number {
  let lo = Math.max(0, -delta);
  let hi = Math.min(1, 1 - delta);
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    if (score(nc, xc, nv, xv, delta, mid) > 0) lo = mid;
    else hi = mid;
  }
  // The end whose log-likelihood is higher (the two are adjacent doubles, or a boundary maximum).
  return logLik(nc, xc, nv, xv, delta, lo) >= logLik(nc, xc, nv, xv, delta, hi) ? lo : hi;
}

/** Golden-section maximisation of ℓ (no derivative), 200 steps. */
function mleByGoldenSection(nc: number, xc: number, nv: number, xv: number, delta: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = Math.max(0, -delta);
  let b = Math.min(1, 1 - delta);
  const f = (p: number) => logLik(nc, xc, nv, xv, delta, p);
  for (let i = 0; i < 200; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (f(c) >= f(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

/** z(δ) = (p̂v − p̂c − δ)/√(p̃v(1 − p̃v)/nv + p̃c(1 − p̃c)/nc) with the bisection MLE. */
function zIndependent(nc: number, xc: number, nv: number, xv: number, delta: number): number {
  const pc = mleByBisection(nc, xc, nv, xv, delta);
  const pv = pc + delta;
  return (xv / nv - xc / nc - delta) / Math.sqrt((pv * (1 - pv)) / nv + (pc * (1 - pc)) / nc);
}

/** The δ between `inside` (|z| < crit) and `outside` where z(δ) crosses ±crit, by bisection to adjacent doubles. */
function boundByBisection(
  nc: number,
  xc: number,
  nv: number,
  xv: number,
  crit: number,
  inside: number,
  outside: number,
) {
  for (let i = 0; i < 2000; i++) {
    const mid = inside + (outside - inside) / 2;
    if (mid === inside || mid === outside) break;
    if (Math.abs(zIndependent(nc, xc, nv, xv, mid)) > crit) outside = mid;
    else inside = mid;
  }
  return inside;
}

/** Seeded cases with unequal arms from 10 to 10⁷ visitors, conversions anywhere from 0 to n. */
function cases(count: number, seed: number): [number, number, number, number][] {
  const rand = mulberry32(seed);
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < count; i++) {
    const nc = Math.round(10 ** (1 + 6 * rand()));
    const nv = Math.round(10 ** (1 + 6 * rand()));
    const rate = rand() < 0.1 ? rand() : 0.01 + 0.3 * rand();
    const pick = (n: number) => (rand() < 0.05 ? 0 : Math.min(n, Math.round(n * rate * (0.7 + 0.6 * rand()))));
    out.push([nc, pick(nc), nv, pick(nv)]);
  }
  return out;
}

describe("Farrington–Manning restricted MLE (issue 16 §1)", () => {
  it("reproduces the issue's maximiser at (1000, 100, 1000, 120, δ 0.01): control 0.1048003, ℓ −692.263786", () => {
    const r = restrictedRates(1000, 100, 1000, 120, 0.01);
    // 0.10480034653787539604 by bisection on ℓ' in 60-digit mpmath (tests/functions/reference_values.py `restricted`)
    expect(Math.abs(r.control - 0.1048003465378754)).toBeLessThan(1e-15);
    expect(logLik(1000, 100, 1000, 120, 0.01, r.control)).toBeCloseTo(-692.263786, 6);
    // statsmodels' cubic (count0 where nobs0 belongs, #10269) gives 0.1047520 and the lower ℓ −692.263810
    expect(logLik(1000, 100, 1000, 120, 0.01, 0.104752)).toBeLessThan(logLik(1000, 100, 1000, 120, 0.01, r.control));
  });

  it("fits rates that satisfy the constraint, zero the score and beat every other feasible point (1,000 seeded cases)", () => {
    const rand = mulberry32(16);
    let worstGap = 0;
    for (const [nc, xc, nv, xv] of cases(1000, 161)) {
      // a null difference anywhere in (−1, 1), half of them small (where intervals and NI margins live)
      const wide = rand() < 0.5;
      const delta = Math.round((wide ? -0.999 + 1.998 * rand() : -0.05 + 0.1 * rand()) * 1e6) / 1e6 || 0.001;
      const r = restrictedRates(nc, xc, nv, xv, delta);
      // the constraint p̃v − p̃c = δ (to rounding of the sum)
      expect(Math.abs(r.variant - r.control - delta)).toBeLessThanOrEqual(2 ** -52);
      expect(r.control).toBeGreaterThanOrEqual(Math.max(0, -delta));
      expect(r.control).toBeLessThanOrEqual(Math.min(1, 1 - delta));
      // the maximiser found by bisection on the score: the same double, or within 10⁻¹² of it
      const bis = mleByBisection(nc, xc, nv, xv, delta);
      expect(Math.abs(r.control - bis)).toBeLessThanOrEqual(1e-12);
      // the score changes sign across p̃c: ℓ' ≥ 0 just below and ≤ 0 just above (an interior root is a zero of ℓ')
      // (a step of 10⁻⁹ of the distance to the nearer end of the range, and at least 8 units in the last place)
      const room = Math.min(r.control - Math.max(0, -delta), Math.min(1, 1 - delta) - r.control);
      const h = Math.max(1e-9 * room, 8 * Number.EPSILON * r.control);
      if (room > 2 * h) {
        expect(score(nc, xc, nv, xv, delta, r.control - h)).toBeGreaterThanOrEqual(0);
        expect(score(nc, xc, nv, xv, delta, r.control + h)).toBeLessThanOrEqual(0);
      }
      // no feasible point has a higher restricted log-likelihood: a grid, the golden-section maximiser, neighbours
      const best = logLik(nc, xc, nv, xv, delta, r.control);
      const a = Math.max(0, -delta);
      const b = Math.min(1, 1 - delta);
      const others = [mleByGoldenSection(nc, xc, nv, xv, delta), bis, a, b];
      for (let k = 1; k < 50; k++) others.push(a + ((b - a) * k) / 50);
      for (const q of others) {
        const gap = logLik(nc, xc, nv, xv, delta, q) - best;
        worstGap = Math.max(worstGap, gap / Math.max(1, Math.abs(best)));
      }
    }
    // ℓ at p̃c is the highest to rounding of ℓ itself (a few units of 10⁻¹⁶ relative)
    expect(worstGap).toBeLessThan(1e-14);
  });

  it("reproduces the issue's intervals and non-inferiority p-value", () => {
    const row = (F.ABTEST_SUMMARY(1000, 100, 1000, 120) as unknown[][])[1] as number[];
    expect(row[4]).toBeCloseTo(-0.0074679, 7);
    expect(row[5]).toBeCloseTo(0.047625, 6);
    const small = (F.ABTEST_SUMMARY(34, 1, 34, 7) as unknown[][])[1] as number[];
    expect(small[4]).toBeCloseTo(0.02837, 5);
    expect(small[5]).toBeCloseTo(0.34394, 5);
    expect(F.ABTEST_SIG(5000, 500, 5000, 480, 1, undefined, undefined, -0.02) as number).toBeCloseTo(0.0036431, 7);
  });

  it.each([
    [0.95, 1.959963984540054],
    [0.8, 1.2815515655446004],
    [0.99, 2.5758293035489004],
  ])(
    "each score interval bound at %p solves z(δ) = ±z_crit to 10⁻¹² (300 seeded cases, unequal arms)",
    (conf, crit) => {
      let worst = 0;
      for (const [nc, xc, nv, xv] of cases(300, Math.round(conf * 1000))) {
        const row = (F.ABTEST_SUMMARY(nc, xc, nv, xv, 2, conf) as unknown[][])[1] as number[];
        const estimate = xv / nv - xc / nc;
        const lo = boundByBisection(nc, xc, nv, xv, crit, estimate, -1);
        const hi = boundByBisection(nc, xc, nv, xv, crit, estimate, 1);
        worst = Math.max(worst, Math.abs(row[4] - lo), Math.abs(row[5] - hi));
        // and the code's own statistic agrees with the independent one at the bounds
        if (row[4] > -1) expect(Math.abs(Math.abs(scoreZ(nc, xc, nv, xv, row[4])) - crit)).toBeLessThan(1e-6);
      }
      expect(worst).toBeLessThanOrEqual(1e-12);
    },
  );

  it("significant ⇔ the score interval excludes the null, at nulls on either side of each bound (2,000 checks)", () => {
    const rand = mulberry32(1616);
    for (const [nc, xc, nv, xv] of cases(250, 99)) {
      const row = (F.ABTEST_SUMMARY(nc, xc, nv, xv, 2, 0.95) as unknown[][])[1] as number[];
      for (const bound of [row[4], row[5]]) {
        for (const offset of [-1e-9, 1e-9, -1e-4 * rand(), 1e-4 * rand()]) {
          const d0 = bound + offset;
          if (!(d0 > -1 && d0 < 1) || Math.abs(bound) === 1) continue;
          const s = (F.ABTEST_SUMMARY(nc, xc, nv, xv, 2, 0.95, "pooled", false, d0) as unknown[][])[1];
          const excluded = d0 < row[4] || d0 > row[5];
          expect(s[8]).toBe(excluded);
          // and the verdict is that of the independent statistic
          expect(Math.abs(zIndependent(nc, xc, nv, xv, d0)) > 1.959963984540054).toBe(excluded);
        }
      }
    }
  });
});
