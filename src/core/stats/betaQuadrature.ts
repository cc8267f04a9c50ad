// Expectations over two independent Beta posteriors by nested adaptive Gauss–Kronrod quadrature, for any parameters
// (fractional priors on both arms, Jeffreys Beta(½, ½), counts to 2⁵²) in bounded time. Every integrand is a product of
// non-negative factors, so a tiny probability or risk is computed directly and keeps its relative precision: nothing is
// ever formed as 1 − (something near 1). The Beta density is evaluated in Loader's saddle-point form (R nmath dbeta.c,
// dbinom.c: stirlerr and bd0), whose relative error stays ~10⁻¹³ where the naive (α − 1) ln x + (β − 1) ln(1 − x)
// − ln B(α, β) would cancel terms of size 10¹⁰ at 10⁹ visitors.
// Sources: Piessens et al., QUADPACK (1983), the 7–15 Gauss–Kronrod pair (qk15.f); Loader, "Fast and accurate
// computation of binomial probabilities" (2000).
// Accuracy (tests/functions/bayesQuadrature.test.ts, references by 30–60-digit mpmath: tanh-sinh over logit(p) with
// continued-fraction tails, cross-checked by Evan Miller's exact sums and the hypergeometric series): relative error
// ≤ 1e-9 up to 10⁹ per arm (measured ≤ 5.3e-12, priors down to 0.001 included) and the stated bound ≤ 1e-10 past
// 10⁹ per arm to 2⁵² (measured ≤ 1.2e-11 on 8 cases).

import { logBeta, logGamma, stirlingRemainder } from "./logBeta";

/** A Beta(a, b) distribution with its mean, standard deviation and ln B(a, b). */
export interface BetaDist {
  a: number;
  b: number;
  mean: number;
  sd: number;
  logB: number;
  /** For a, b > 2, the part of Loader's form that does not depend on x (see logDensity). */
  loaderConstant: number;
}

export function betaDist(a: number, b: number): BetaDist {
  const s = a + b;
  const mean = a / s;
  let loaderConstant = NaN;
  if (a > 2 && b > 2) {
    const k = a - 1;
    const n = a + b - 2;
    const nk = b - 1;
    // ln(a + b − 1) + stirlerr(n) − stirlerr(k) − stirlerr(n − k) − ½ ln(2π k (n − k)/n)
    const lf = LN_2PI + Math.log(k) + Math.log(nk / n);
    loaderConstant = Math.log(a + b - 1) + stirlerr(n) - stirlerr(k) - stirlerr(nk) - 0.5 * lf;
  }
  return { a, b, mean, sd: Math.sqrt((mean * (b / s)) / (s + 1)), logB: logBeta(a, b), loaderConstant };
}

const LN_2PI = 1.8378770664093453;

/** stirlerr(n) = ln Γ(n + 1) − (n + ½) ln n + n − ½ ln 2π, the Stirling remainder δ(n), for n > 0. */
function stirlerr(n: number): number {
  if (n >= 10) return stirlingRemainder(n);
  return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_2PI / 2;
}

/** bd0(x, m) = x ln(x/m) + m − x, the deviance term, by its series when x is near m (Loader 2000). */
function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * ln of the Beta(a, b) density at x, given x and y = 1 − x each to full relative precision (the caller knows which
 * is small). For a, b > 2: ln(a + b − 1) + ln dbinom(a − 1; a + b − 2, x) in Loader's form (R dbeta.c); otherwise the
 * direct form, whose terms are then small.
 */
export function logDensity(d: BetaDist, x: number, y: number): number {
  const { a, b } = d;
  if (x <= 0) return a < 1 ? Infinity : a === 1 ? -d.logB : -Infinity;
  if (y <= 0) return b < 1 ? Infinity : b === 1 ? -d.logB : -Infinity;
  if (a <= 2 || b <= 2) {
    const lx = x < 0.5 ? Math.log(x) : Math.log1p(-y);
    const ly = y < 0.5 ? Math.log(y) : Math.log1p(-x);
    return (a - 1) * lx + (b - 1) * ly - d.logB;
  }
  const n = a + b - 2;
  return d.loaderConstant - bd0(a - 1, n * x) - bd0(b - 1, n * y);
}

// ---- Gauss–Kronrod 7–15 (QUADPACK qk15) ------------------------------------------------------------------------
// QUADPACK's 33-digit nodes and weights (qk15.f), rounded to the nearest double.
const XGK = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911,
  0.4058451513773972, 0.20778495500789848, 0,
];
const WGK = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679,
  0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
];
/** Gauss 7-point weights for XGK[1], XGK[3], XGK[5], XGK[7]. */
const WG = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694];

/** An integrand of m components: writes f(x) into out[0…m−1]. */
export type VectorIntegrand = (x: number, out: Float64Array) => void;

/** One 15-point Kronrod estimate of ∫ f over [lo, hi] for each component into k, and |Kronrod − Gauss| into e. */
function gk15(f: VectorIntegrand, lo: number, hi: number, m: number, k: Float64Array, e: Float64Array): void {
  const c = (lo + hi) / 2;
  const h = (hi - lo) / 2;
  // (own buffers per call: an outer integrand runs inner quadratures between the calls of f)
  const f1 = new Float64Array(m);
  const f2 = new Float64Array(m);
  const g = new Float64Array(m);
  f(c, f1);
  for (let i = 0; i < m; i++) {
    k[i] = f1[i] * WGK[7];
    g[i] = f1[i] * WG[3];
  }
  for (let j = 0; j < 7; j++) {
    const dx = h * XGK[j];
    f(c - dx, f1);
    f(c + dx, f2);
    for (let i = 0; i < m; i++) {
      const s = f1[i] + f2[i];
      k[i] += WGK[j] * s;
      if (j % 2 === 1) g[i] += WG[(j - 1) / 2] * s;
    }
  }
  quadratureStats.evaluations += 15;
  for (let i = 0; i < m; i++) {
    e[i] = Math.abs((k[i] - g[i]) * h);
    k[i] *= h;
  }
}

/** Evaluations of integrands so far (for the benchmark's and the tests' cost figures). */
export const quadratureStats = { evaluations: 0 };

/**
 * ∫ f over [lo, hi] for each of the m components of f, by adaptive bisection of 15-point Gauss–Kronrod panels.
 * |K − G| measures the error of the 7-point Gauss rule; the Kronrod value's own error is far smaller (QUADPACK scales
 * it as (200·|K − G|)^1.5 relative), so a panel is accepted when, for every component, |K − G| is below `relTol` of its
 * value or below its share (by width) of that component's absolute tolerance: at least 10⁻¹⁰ of the first estimate of
 * the whole (a tail like z⁴⁹ near 0 needs no relative precision of its own; it would otherwise be split forever).
 * With relTol 10⁻⁷ the Kronrod values are good to ~10⁻¹² (checked against exact sums and mpmath in the tests).
 * At most `maxPanels` panels. `breaks` are points inside (lo, hi) where panels start.
 */
export function integrateVector(
  f: VectorIntegrand,
  m: number,
  lo: number,
  hi: number,
  relTol: number,
  breaks: readonly number[] = [],
  maxPanels = 200,
): Float64Array {
  const total = new Float64Array(m);
  if (!(hi > lo)) return total;
  const width = hi - lo;
  const edges = [lo, ...breaks.filter((b) => b > lo && b < hi).sort((u, v) => u - v), hi];
  const stack: { a: number; b: number; v: Float64Array; err: Float64Array }[] = [];
  const first = new Float64Array(m);
  for (let i = 0; i + 1 < edges.length; i++) {
    const v = new Float64Array(m);
    const err = new Float64Array(m);
    gk15(f, edges[i], edges[i + 1], m, v, err);
    stack.push({ a: edges[i], b: edges[i + 1], v, err });
    for (let c = 0; c < m; c++) first[c] += v[c];
  }
  const absTol = first.map((v) => 1e-10 * Math.abs(v));
  let panels = stack.length;
  while (stack.length > 0) {
    const { a, b, v, err } = stack.pop()!;
    const mid = (a + b) / 2;
    let ok = panels >= maxPanels || mid <= a || mid >= b;
    if (!ok) {
      ok = true;
      for (let c = 0; c < m; c++) {
        if (!(err[c] <= relTol * Math.abs(v[c]) || err[c] <= (absTol[c] * (b - a)) / width)) {
          ok = false;
          break;
        }
      }
    }
    if (ok) {
      for (let c = 0; c < m; c++) total[c] += v[c];
      continue;
    }
    const v2 = new Float64Array(m);
    const e2 = new Float64Array(m);
    gk15(f, a, mid, m, v, err);
    gk15(f, mid, b, m, v2, e2);
    panels += 1;
    stack.push({ a, b: mid, v, err }, { a: mid, b, v: v2, err: e2 });
  }
  return total;
}

const REL_TOL = 1e-7;
/**
 * The inner tails' tolerance on |Kronrod − Gauss|: each inner value enters the outer sum times a weight, and the
 * Kronrod value is far better than the Gauss one it is compared with. Against the mpmath references (logit-space
 * quadrature with continued-fraction tails) 10⁻⁴ leaves ≤ 1.2·10⁻¹¹ relative error on the outer results (10⁻⁷ left
 * ≤ 2·10⁻¹³) for 40% fewer integrand evaluations (36k instead of 59k at the search's slowest BAYES input).
 */
const INNER_TOL = 1e-4;
/**
 * Panel budgets, which bound the work of any call (at most OUTER_PANELS + 2·END_PANELS outer panels of 15 nodes, each
 * node an inner quadrature of at most INNER_PANELS panels, plus ~36 breakpoint evaluations): ordinary posteriors need
 * 3–8 inner and 5–20 outer panels; only priors far below 1 (U-shaped Beta(0.001, 0.001)) reach the budgets, and then
 * lose precision rather than time.
 */
const INNER_PANELS = 10;
/**
 * A tail that reaches 0 (or 1) with an exponent e below this takes the power substitution u = room·t^⌈9/e⌉: u^(e−1)
 * is singular (e < 1) or not smooth (e not whole) at the end, where GK panels would crowd.
 */
const POWER_SUBSTITUTION_BELOW = 9;
const OUTER_PANELS = 20;
const END_PANELS = 8;

// ---- tail moments of one Beta distribution -------------------------------------------------------------------------

/** The four tail moments of B at x: ∫ over y < x (lower) or y > x (upper) of |x − y|^k f(y) dy, k = 0, 1. */
export interface Tails {
  lower0: number;
  lower1: number;
  upper0: number;
  upper1: number;
}

/**
 * The tail moments of d at x (given with its complement cx = 1 − x). The tail away from the bulk (lower when
 * x ≤ mean) is integrated, k = 0 and 1 together; the other side follows from lower₀ + upper₀ = 1 and
 * upper₁ − lower₁ = mean − x, each then a sum of non-negative terms.
 */
export function tails(d: BetaDist, x: number, cx: number): Tails {
  if (x <= 0) return { lower0: 0, lower1: 0, upper0: 1, upper1: d.mean };
  if (cx <= 0) return { lower0: 1, lower1: 1 - d.mean, upper0: 0, upper1: 0 };
  // mean − x from the smaller of each pair: near 1, (1 − x) − (1 − mean) keeps the digits x − mean would lose
  // (at x = 1 − 10⁻⁴⁰ and mean = 1 − 2.7·10⁻⁹, 10⁻¹⁶ absolute is 4·10⁻⁸ of the difference).
  const meanMinusX = x < 0.5 ? d.mean - x : cx - d.b / (d.a + d.b);
  if (x <= d.mean) {
    const [t0, t1] = directTail(d, x, cx, "lower");
    return { lower0: t0, lower1: t1, upper0: 1 - t0, upper1: meanMinusX + t1 };
  }
  const [t0, t1] = directTail(d, x, cx, "upper");
  return { lower0: 1 - t0, lower1: t1 - meanMinusX, upper0: t0, upper1: t1 };
}

type Side = "lower" | "upper";

/** The window length below (lower) or above (upper) x beyond which the integrand is below ~e⁻⁴⁰ of its size near x. */
function windowLength(d: BetaDist, x: number, cx: number, side: Side): number {
  const room = side === "lower" ? x : cx;
  // d/dy ln f = (a − 1)/y − (b − 1)/(1 − y). Towards the tail the density falls at least as fast as the smallest value
  // of each term over the tail: at y = x for a parameter ≥ 1 (log-concave factor), at the far end for one below 1,
  // whose factor (1 − y)^(b−1) (lower side) or y^(a−1) (upper side) falls ever more slowly there (a window cut at the
  // rate seen at x would drop most of a Beta(3.7·10⁶, 0.01) tail). Moving towards the singular end itself there is no
  // bound (-∞), and no cut: the standard-deviation length below then reaches the end.
  const fall =
    side === "lower"
      ? (d.a >= 1 ? (d.a - 1) / x : -Infinity) + (d.b >= 1 ? -(d.b - 1) / cx : 1 - d.b)
      : (d.a >= 1 ? -(d.a - 1) / x : 1 - d.a) + (d.b >= 1 ? (d.b - 1) / cx : -Infinity);
  // Near the bulk: 12 standard deviations where the distribution is close to normal (ln f falls by > 40 there once
  // min(a, b) ≥ 100), more for a skewed one with a small parameter (Gamma-like tail); in a tail: 45/fall (e⁻⁴⁵).
  let len = (12 + 300 / Math.sqrt(Math.min(d.a, d.b))) * d.sd;
  if (fall > 0) len = Math.min(len, 45 / fall);
  return Math.min(room, len);
}

/** [∫ f, ∫ |x − y| f] over the tail on `side` of x. */
function directTail(d: BetaDist, x: number, cx: number, side: Side): Float64Array {
  const len = windowLength(d, x, cx, side);
  const room = side === "lower" ? x : cx;
  const e = side === "lower" ? d.a : d.b; // exponent of the factor that vanishes at the end the window may reach
  if (len >= room && e < LOG_VARIABLE_BELOW) {
    // A tiny exponent (Beta(0.01, 10⁹): mass spread over hundreds of decades) in the log of the distance from the end.
    return endTail(e, side === "lower" ? d.b : d.a, d.logB, room, side === "lower" ? d.b + d.a : d.a + d.b);
  }
  if (len >= room && e < POWER_SUBSTITUTION_BELOW) {
    // The whole tail to the end, with (distance from the end) u = room·t^m, m = ⌈9/e⌉: u^(e−1) du = room^e·m·t^(me−1) dt
    // with me − 1 ≥ 8, so the end's singularity (e < 1) or roughness (e not whole) becomes a smooth power of t.
    const mPow = Math.ceil(POWER_SUBSTITUTION_BELOW / e);
    const lr = Math.log(room);
    const other = side === "lower" ? d.b : d.a;
    const base = e * lr + Math.log(mPow) - d.logB;
    const f = (t: number, out: Float64Array) => {
      if (!(t > 0)) {
        out[0] = 0;
        out[1] = 0;
        return;
      }
      const lt = Math.log(t);
      const u = Math.exp(lr + mPow * lt); // distance of y from the end
      const v = Math.exp(base + (mPow * e - 1) * lt + (other - 1) * Math.log1p(-u));
      out[0] = v;
      out[1] = v * (room - u);
    };
    return integrateVector(f, 2, 0, 1, INNER_TOL, [], INNER_PANELS);
  }
  // In the distance w from the nearer end (y itself below ½, z = 1 − y above: a small one keeps its relative
  // precision), from w0 = x (or 1 − x) over the window; in ln w when that end's exponent is below 1, where the density
  // is a power law w^(e−1) across decades that linear panels would have to halve down to w0 one by one.
  const near = x < 0.5;
  const w0 = near ? x : cx;
  const towardsEnd = (side === "lower") === near; // the window runs towards the nearer end
  const lo = towardsEnd ? w0 - len : w0;
  const hi = towardsEnd ? w0 : w0 + len;
  const density = (w: number) => Math.exp(near ? logDensity(d, w, 1 - w) : logDensity(d, 1 - w, w));
  if ((near ? d.a : d.b) < 1 && lo > 0) {
    const f = (sv: number, out: Float64Array) => {
      const w = Math.exp(sv);
      const v = density(w) * w;
      out[0] = v;
      out[1] = v * Math.abs(w0 - w);
    };
    return integrateVector(f, 2, Math.log(lo), Math.log(hi), INNER_TOL, [], INNER_PANELS);
  }
  const f = (w: number, out: Float64Array) => {
    const v = density(w);
    out[0] = v;
    out[1] = v * Math.abs(w0 - w);
  };
  return integrateVector(f, 2, lo, hi, INNER_TOL, [], INNER_PANELS);
}

/**
 * Below this exponent an end of (0, 1) is integrated in s = ln u (u the distance from the end), with the stretch
 * u < c = 10⁻¹⁷/(a + b) in closed form; at and above it, by the power substitution (POWER_SUBSTITUTION_BELOW).
 * A power u = room·t^m with m = ⌈9/e⌉ (900 at e = 0.01) squeezes every decade of u into ~1/m of t next to t = 1, where
 * GK panels crowd; in s each decade is 2.3 units wide and the integrand e^(e·s) is nearly flat, so 2–4 panels do.
 * 2 rather than 1: at Beta(1.001, ·) the power substitution still took 3× the evaluations (47k vs 15k).
 */
const LOG_VARIABLE_BELOW = 2;

/** The relative size of the terms dropped in the closed forms near an end: c·(a + b) with c the cut below. */
const CUT = 1e-17;

/**
 * [∫ w, ∫ (room − u)·w] over 0 < u < room, w(u) = u^(e−1)(1 − u)^(other−1)/B (a Beta density seen from the end its
 * exponent e vanishes at). Below c = min(room, 10⁻¹⁷/(e + other)) (1 − u)^(other−1) = 1 to within 10⁻¹⁷, so
 *   ∫₀^c w = c^e/(e·B),   ∫₀^c (room − u)·w = room·c^e/(e·B) − c^(e+1)/((e + 1)·B),
 * in log space (c^e can be far below the smallest double while c is not); above c, GK in s = ln u, with panels
 * starting where (1 − u)^(other−1) turns (u ≈ 1/other).
 */
function endTail(e: number, other: number, logB: number, room: number, sum: number): Float64Array {
  const c = Math.min(room, CUT / Math.max(1, sum));
  const lc = Math.log(c);
  const head0 = Math.exp(e * lc - logB) / e;
  const out = new Float64Array([head0, room * head0 - Math.exp((e + 1) * lc - logB) / (e + 1)]);
  if (!(room > c)) return out;
  const f = (sv: number, o: Float64Array) => {
    const u = Math.exp(sv);
    const v = Math.exp(e * sv + (other - 1) * Math.log1p(-u) - logB);
    o[0] = v;
    o[1] = v * (room - u);
  };
  const lr = Math.log(room);
  const turn = -Math.log(Math.max(1, other));
  const breaks = [turn - 3, turn, turn + 2, turn + 3.5];
  const body = integrateVector(f, 2, lc, lr, INNER_TOL, breaks, INNER_PANELS);
  out[0] += body[0];
  out[1] += body[1];
  return out;
}

// ---- expectations over both posteriors ---------------------------------------------------------------------------

/** P(p_B > p_A), P(p_B < p_A) and the two expected relative losses, p_A ~ A (control), p_B ~ B (variant). */
export interface BetaComparison {
  /** P(p_B > p_A) = E_A[upper₀_B(p_A)]. */
  greater: number;
  /** P(p_B < p_A) = E_A[lower₀_B(p_A)]. */
  less: number;
  /** E[max(p_B/p_A − 1, 0)] = E_A[upper₁_B(p_A)/p_A], the risk of choosing control; Infinity when a_A ≤ 1. */
  gain: number;
  /** E[max(1 − p_B/p_A, 0)] = E_A[lower₁_B(p_A)/p_A], the risk of choosing the variant (finite for any a_A). */
  loss: number;
}

const STEPS = [0, 1, 2, 3, 4, 6, 8, 11, 16, 23, 32, 45, 64, 90, 128];

/**
 * The four expectations over p_A by one adaptive quadrature of their vector (the inner tails of B shared): the
 * integrands are evaluated at both posteriors' means ± multiples of their standard deviations, and only the stretch
 * where one of them is within e⁻⁴⁵ of its largest value is integrated (for parameters ≥ 1 the integrands are
 * log-concave, so that stretch is one run of those points), with panels starting at B's mean ± 3 and 10 standard
 * deviations (where the tails of B turn) and at A's mean. An end at 0 or 1 with a parameter of A below 2 takes the
 * power substitution. Every component is a sum of non-negative terms: small values keep their relative precision.
 * With `probabilityOnly` only `greater` is computed (the others are NaN).
 */
export function compareBetas(A: BetaDist, B: BetaDist, probabilityOnly = false): BetaComparison {
  const withGain = A.a > 1 && !probabilityOnly;
  const m = probabilityOnly ? 1 : withGain ? 4 : 3;
  // [greater, less, loss, gain]: the integrand without f_A at (x, 1 − x), times `scale`
  const h = (x: number, cx: number, scale: number, out: Float64Array): void => {
    const t = tails(B, x, cx);
    out[0] = scale * t.upper0;
    if (probabilityOnly) return;
    out[1] = scale * t.lower0;
    out[2] = (scale * t.lower1) / x;
    if (withGain) out[3] = (scale * t.upper1) / x;
  };
  const g = (x: number, cx: number, out: Float64Array): void => {
    const ld = logDensity(A, x, cx);
    if (ld === -Infinity || !(x > 0 && cx > 0)) out.fill(0);
    else h(x, cx, Math.exp(ld), out);
  };
  const at = (x: number) => {
    const out = new Float64Array(m);
    g(x, 1 - x, out);
    return out;
  };
  const set = new Set<number>();
  for (const D of [A, B]) {
    for (const s of STEPS) {
      for (const sign of [-1, 1]) {
        const p = D.mean + sign * s * D.sd;
        if (p > 0 && p < 1) set.add(p);
      }
    }
  }
  const grid = [0, ...[...set].sort((u, v) => u - v), 1];
  const values = grid.map(at);
  const tops = new Array<number>(m).fill(0);
  for (const v of values) for (let c = 0; c < m; c++) tops[c] = Math.max(tops[c], v[c]);
  const near = (v: Float64Array) => v.some((x, c) => x > tops[c] * Math.exp(-45));
  let first = values.findIndex(near);
  let last = values.length - 1 - [...values].reverse().findIndex(near);
  if (first < 0) {
    first = 0;
    last = grid.length - 1;
  }
  first = Math.max(0, first - 1);
  last = Math.min(grid.length - 1, last + 1);
  let lo = grid[first];
  let hi = grid[last];
  const total = new Array<number>(m).fill(0);
  const add = (v: Float64Array) => v.forEach((x, c) => (total[c] += x));
  // End panels with the power substitution.
  const eLow = withGain ? A.a - 1 : A.a;
  if (lo === 0 && eLow < POWER_SUBSTITUTION_BELOW) {
    const end = grid[first + 1];
    add(eLow < LOG_VARIABLE_BELOW ? logEndPanel(A, B, h, "lower", end, m) : endPanel(A, h, "lower", end, eLow, m));
    lo = end;
  }
  if (hi === 1 && A.b < POWER_SUBSTITUTION_BELOW) {
    const end = grid[last - 1];
    add(
      A.b < LOG_VARIABLE_BELOW ? logEndPanel(A, B, h, "upper", 1 - end, m) : endPanel(A, h, "upper", 1 - end, A.b, m),
    );
    hi = end;
  }
  if (hi > lo) {
    const breaks = [A.mean, B.mean, B.mean - 3 * B.sd, B.mean + 3 * B.sd, B.mean - 10 * B.sd, B.mean + 10 * B.sd];
    // In the distance w from A's nearer end (x below ½, z = 1 − x above), or in ln w when A's exponent there is below
    // 1 (f_A a power law w^(e−1) across decades; LOG_VARIABLE_BELOW).
    const near = A.mean < 0.5;
    const [wLo, wHi] = near ? [lo, hi] : [1 - hi, 1 - lo];
    const wBreaks = near ? breaks : breaks.map((b) => 1 - b);
    const gw = (w: number, out: Float64Array) => (near ? g(w, 1 - w, out) : g(1 - w, w, out));
    if ((near ? eLow : A.b) < LOG_VARIABLE_BELOW && wLo > 0) {
      const gs = (sv: number, out: Float64Array) => {
        const w = Math.exp(sv);
        gw(w, out);
        for (let c = 0; c < m; c++) out[c] *= w;
      };
      const sBreaks = wBreaks.filter((b) => b > 0).map(Math.log);
      add(integrateVector(gs, m, Math.log(wLo), Math.log(wHi), REL_TOL, sBreaks, OUTER_PANELS));
    } else add(integrateVector(gw, m, wLo, wHi, REL_TOL, wBreaks, OUTER_PANELS));
  }
  if (probabilityOnly) return { greater: total[0], less: NaN, loss: NaN, gain: NaN };
  return { greater: total[0], less: total[1], loss: total[2], gain: withGain ? total[3] : Infinity };
}

/**
 * ∫ f_A(x)·h(x) dx over the panel from an end of (0, 1) to `room` away from it, with (distance from the end)
 * u = room·t^m, m = ⌈9/e⌉: u^(a−1) du = room^a·m·t^(ma − 1) dt; e = a, or a − 1 when components carry 1/x, so that
 * every power of t left is at least 8 (smooth).
 */
function endPanel(
  A: BetaDist,
  h: (x: number, cx: number, scale: number, out: Float64Array) => void,
  end: Side,
  room: number,
  e: number,
  m: number,
): Float64Array {
  if (!(room > 0) || !(e > 0)) return new Float64Array(m);
  const lower = end === "lower";
  const a = lower ? A.a : A.b;
  const other = lower ? A.b : A.a;
  const lr = Math.log(room);
  const mPow = Math.ceil(POWER_SUBSTITUTION_BELOW / e);
  const f = (t: number, out: Float64Array): void => {
    if (!(t > 0)) {
      out.fill(0);
      return;
    }
    const lt = Math.log(t);
    // A u below the smallest double (a tiny parameter puts mass there) is read at that double: the weight below is
    // exact in log space, and the tails of B do not change below it.
    const u = Math.max(Number.MIN_VALUE, Math.exp(lr + mPow * lt));
    // u^(a−1) du = room^a·m·t^(m·a − 1) dt
    const logWeight = a * lr + Math.log(mPow) + (mPow * a - 1) * lt + (other - 1) * Math.log1p(-u) - A.logB;
    h(lower ? u : 1 - u, lower ? 1 - u : u, Math.exp(logWeight), out);
  };
  return integrateVector(f, m, 0, 1, REL_TOL, [], END_PANELS);
}

/**
 * ∫ f_A(x)·h(x) dx over the panel from an end of (0, 1) to `room` away from it, when A's exponent at that end is below
 * LOG_VARIABLE_BELOW (a prior like Beta(0.01, ·) on an arm with no conversions, or with no failures, puts a share of A's
 * mass below the smallest double). Below c = 10⁻¹⁷/max(a + b) both densities are their leading powers to within 10⁻¹⁷,
 * and the four components are closed forms (u the distance from the end, e.g. at 0, with Q = ∫₀^c f_A·P(p_B < u) du):
 *   ∫₀^c f_A = c^aA/(aA·B_A),   Q = c^(aA+aB)/((aA + aB)·aB·B_A·B_B),   ∫₀^c f_A·E[(u − p_B)⁺]/u du = Q/(aB + 1),
 *   ∫₀^c f_A·E[(p_B − u)⁺]/u du = mean_B·c^(aA−1)/((aA − 1)·B_A) − ∫₀^c f_A + Q/(aB + 1),
 * with ∫ f_A·P(p_B > u) = ∫ f_A − Q written as ∫ f_A·(−expm1(ln(Q/∫ f_A))) (no cancellation when B too sits at 0);
 * at 1 the same with a and b exchanged, x = 1 − u in place of 1/x, and E[(x − p_B)⁺] = (1 − u − mean_B) + E[(p_B − x)⁺]. Above c, GK in s = ln u (see LOG_VARIABLE_BELOW), panels starting where
 * either posterior's far parameter turns its density (u ≈ 1/a).
 */
function logEndPanel(
  A: BetaDist,
  B: BetaDist,
  h: (x: number, cx: number, scale: number, out: Float64Array) => void,
  end: Side,
  room: number,
  m: number,
): Float64Array {
  const out = new Float64Array(m);
  if (!(room > 0)) return out;
  const lower = end === "lower";
  const [eA, oA] = lower ? [A.a, A.b] : [A.b, A.a];
  const [eB, oB] = lower ? [B.a, B.b] : [B.b, B.a];
  const c = Math.min(room, CUT / Math.max(1, A.a + A.b, B.a + B.b));
  const lc = Math.log(c);
  const head = Math.exp(eA * lc - A.logB) / eA; // ∫₀^c f_A
  const lnRatio = -Math.log1p(eB / eA) + eB * lc - B.logB - Math.log(eB); // ln(Q/head)
  const q = Math.exp(eA * lc - A.logB + lnRatio) / eA; // ∫₀^c f_A·(B's mass between the end and u)
  const away = -head * Math.expm1(lnRatio); // ∫₀^c f_A·(B's mass beyond u)
  // ∫₀^c f_A·E[(u − distance_B)⁺]/x: over x = u at 0 (c^(eA+eB)/((eA + eB)·eB·(eB + 1)·B_A·B_B)), over x ≈ 1 at 1
  // (one power of u more: c^(eA+eB+1)/((eA + eB + 1)·eB·(eB + 1)·B_A·B_B))
  const qMoment = lower ? q / (eB + 1) : (q * c * (eA + eB)) / ((eA + eB + 1) * (eB + 1));
  // [greater, less, loss, gain]
  if (lower) {
    out[0] = away;
    if (m > 1) {
      out[1] = q;
      out[2] = qMoment;
      if (m > 3) out[3] = (B.mean * Math.exp((eA - 1) * lc - A.logB)) / (eA - 1) - head + qMoment;
    }
  } else {
    out[0] = q;
    if (m > 1) {
      out[1] = away;
      const meanB = B.a / (B.a + B.b);
      const restB = B.b / (B.a + B.b);
      out[2] = restB * head - (meanB * Math.exp((eA + 1) * lc - A.logB)) / (eA + 1) + qMoment;
      if (m > 3) out[3] = qMoment;
    }
  }
  if (!(room > c)) return out;
  const f = (sv: number, o: Float64Array): void => {
    const u = Math.exp(sv);
    // f_A(u)·u in log space: u^eA·(1 − u)^(oA − 1)/B_A
    const w = Math.exp(eA * sv + (oA - 1) * Math.log1p(-u) - A.logB);
    h(lower ? u : 1 - u, lower ? 1 - u : u, w, o);
  };
  const breaks: number[] = [];
  for (const big of [oA, oB]) {
    const turn = -Math.log(Math.max(1, big));
    breaks.push(turn - 3, turn, turn + 2, turn + 3.5);
  }
  const body = integrateVector(f, m, lc, Math.log(room), REL_TOL, breaks, END_PANELS);
  for (let i = 0; i < m; i++) out[i] += body[i];
  return out;
}
