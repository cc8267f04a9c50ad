// Double-double arithmetic (a value as hi + lo, ~32 significant digits) for the few sums where terms of size 10¹⁰
// cancel to O(1): the log of the peak term of Evan Miller's sum at 10⁹ visitors.
// Source: Dekker (1971) and Knuth TAOCP vol. 2 §4.2.2 (error-free two-sum and two-product); the QD library's
// dd_real layout (Hida, Li & Bailey 2001).

export type DD = readonly [hi: number, lo: number];

const SPLITTER = 134217729; // 2²⁷ + 1, Veltkamp's split of a double into two 26-bit halves

/** a + b exactly, as a double-double (Knuth's two-sum). */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a · b exactly, as a double-double (Dekker's two-product). */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return [p, aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo];
}

export function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [hi, lo] = twoSum(s, e + a[1] + b[1]);
  return [hi, lo];
}

export function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

export function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = ddAdd(a, ddMul(b, [-q1, 0]));
  const q2 = r[0] / b[0];
  const r2 = ddAdd(r, ddMul(b, [-q2, 0]));
  const q3 = r2[0] / b[0];
  return ddAdd(twoSum(q1, q2), [q3, 0]);
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const TERMS = 24; // s² ≤ 0.0295 on [1/√2, √2]: s^(2·24) < 10⁻³⁶
const RECIPROCALS: DD[] = Array.from({ length: TERMS + 1 }, (_, k) => ddDiv([1, 0], [2 * k + 1, 0]));

/**
 * ln x for a double x > 0 to double-double precision (~10⁻³¹ relative): x = 2^k·m with m in [1/√2, √2],
 * ln x = k·ln 2 + 2·atanh(s), s = (m − 1)/(m + 1), the atanh series Σ s^(2j+1)/(2j + 1) summed by Horner's rule.
 * Source: Abramowitz & Stegun 4.1.27 (the series for ln((1 + s)/(1 − s))).
 * @example ddLog(10) // [2.302585092994046, −2.1707562233822494e−16]
 */
export function ddLog(x: number): DD {
  let k = Math.round(Math.log2(x));
  let m = x / 2 ** k;
  while (m > Math.SQRT2) {
    m /= 2;
    k++;
  }
  while (m < Math.SQRT1_2) {
    m *= 2;
    k--;
  }
  const s = ddDiv([m - 1, 0], twoSum(m, 1));
  const s2 = ddMul(s, s);
  let t = RECIPROCALS[TERMS];
  for (let j = TERMS - 1; j >= 0; j--) t = ddAdd(ddMul(t, s2), RECIPROCALS[j]);
  const series = ddMul(ddMul(s, t), [2, 0]);
  return ddAdd(ddMul(LN2, [k, 0]), series);
}
