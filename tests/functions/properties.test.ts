import fc from "fast-check";
import { F, call, errorCode } from "./helpers";
import { AB_TEST_SUMMARY_HEADERS } from "../../src/core/metrics";

const RUNS = 10_000;

/** Anything a cell or argument might hold, including values Excel never sends (NaN, ±Infinity, -0). */
const anyCell = fc.oneof(
  fc.double(),
  fc.double({ min: -2, max: 2 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    "",
    " ",
    "abc",
    "1,000",
    "5%",
    " 12 ",
    "Infinity",
    "NaN",
    "1e400",
    "-0",
  ),
  fc.string({ maxLength: 8 }),
);

/** A scalar result must be a finite number or a CustomFunctions.Error. */
function isFiniteOrError(v: unknown): boolean {
  return (typeof v === "number" && Number.isFinite(v)) || errorCode(v) !== undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const scalarFunctions: [string, (...args: any[]) => unknown, number][] = [
  ["LTV_CAC", F.LTV_CAC, 2],
  ["LTV", F.LTV, 4],
  ["CAC", F.CAC, 2],
  ["CAC_PAYBACK", F.CAC_PAYBACK, 3],
  ["ROI", F.ROI, 3],
  ["RETENTION", F.RETENTION, 2],
  ["CRR", F.CRR, 3],
  ["ABTEST_SIG", F.ABTEST_SIG, 5],
  ["ABTEST_SAMPLESIZE", F.ABTEST_SAMPLESIZE, 4],
  ["ABTEST_SRM", F.ABTEST_SRM, 3],
  ["ABTEST_TTEST", F.ABTEST_TTEST, 7],
];

describe("every function on arbitrary input", () => {
  it.each(scalarFunctions)(
    "%s returns a finite number or a CustomFunctions.Error and never throws",
    (_id, fn, arity) => {
      const args = fc.array(anyCell, { minLength: arity, maxLength: arity });
      const basis = fc.constantFrom(null, "ratio", "NET", "net ", "x", 3);
      fc.assert(
        fc.property(args, basis, (a, b) => {
          const input = _id === "ROI" ? [a[0], a[1], b] : a;
          return isFiniteOrError(call(fn, ...input));
        }),
        { numRuns: RUNS },
      );
    },
  );

  it("ABTEST_SUMMARY spills one error or the 2 × 11 table (headers, then finite figures and a TRUE/FALSE verdict)", () => {
    const headers = [...AB_TEST_SUMMARY_HEADERS];
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: 6, maxLength: 9 }), (a) => {
        const out = call(F.ABTEST_SUMMARY, ...a) as unknown[][];
        if (out.length === 1) return out[0].length === 1 && errorCode(out[0][0]) !== undefined;
        const [head, values] = out;
        return (
          out.length === 2 &&
          JSON.stringify(head) === JSON.stringify(headers) &&
          values.length === 11 &&
          values.slice(0, 8).every(isFiniteOrError) &&
          values.slice(0, 8).filter((v) => errorCode(v) !== undefined).length <= 1 && // only the relative lift
          typeof values[8] === "boolean" &&
          values.slice(9).every(isFiniteOrError) // the relative-lift interval (issue 11 §2)
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("COHORT_RETENTION spills finite numbers, blanks or errors for any array (or non-array) and never throws", () => {
    const table = fc.oneof(fc.array(fc.array(anyCell, { maxLength: 5 }), { maxLength: 5 }), anyCell);
    fc.assert(
      fc.property(table, (t) => {
        const out = call(F.COHORT_RETENTION, t) as unknown[][];
        const cellsOk = out.every((row) => row.every((c) => c === "" || isFiniteOrError(c)));
        // A rectangular range of at least two columns spills the same rows and one column fewer.
        const rectangular = Array.isArray(t) && t.length > 0 && t.every((r) => r.length === t[0].length);
        if (!rectangular || t[0].length < 2) return cellsOk;
        return cellsOk && out.length === t.length && out.every((row) => row.length === t[0].length - 1);
      }),
      { numRuns: RUNS },
    );
  });
});

const pc = (n: number, x: number) => x / n;

/** Valid conversion counts, from tiny to 1e12 visitors. */
const group = fc
  .tuple(fc.double({ min: 1, max: 1e12, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([n, share]) => [Math.round(n), Math.round(Math.round(n) * share)] as const);

describe("A/B tests over the whole number range", () => {
  const positive = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true });
  const real = fc.double({ noNaN: true, noDefaultInfinity: true });

  it("ABTEST_TTEST gives a probability for any finite means, positive sds and n from 2 to 1e300", () => {
    const n = fc.double({ min: 2, max: 1e300, noNaN: true });
    fc.assert(
      fc.property(real, positive, n, real, positive, n, fc.constantFrom(1, 2), (...a) => {
        const p = call(F.ABTEST_TTEST, ...a);
        return typeof p === "number" && p >= 0 && p <= 1;
      }),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_SIG gives a probability for any visitors up to the largest number and any valid conversions", () => {
    const g = fc
      .tuple(positive, fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([visitors, share]) => [visitors, visitors * share] as const);
    fc.assert(
      fc.property(g, g, fc.constantFrom(1, 2), ([nc, xc], [nv, xv], tails) => {
        const p = F.ABTEST_SIG(nc, xc, nv, xv, tails);
        return typeof p === "number" && p >= 0 && p <= 1;
      }),
      { numRuns: RUNS },
    );
  });
});

describe("A/B test properties", () => {
  it("ABTEST_SIG is a probability on valid counts, and swapping control and variant leaves the two-sided p unchanged", () => {
    fc.assert(
      fc.property(group, group, ([nc, xc], [nv, xv]) => {
        const p = F.ABTEST_SIG(nc, xc, nv, xv) as number;
        const swapped = F.ABTEST_SIG(nv, xv, nc, xc) as number;
        return p >= 0 && p <= 1 && Math.abs(p - swapped) <= 1e-12 * p;
      }),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_SUMMARY on valid counts: its p and verdict agree with ABTEST_SIG, and CI low ≤ lift ≤ CI high", () => {
    const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true });
    fc.assert(
      fc.property(group, group, fc.constantFrom(1, 2), confidence, ([nc, xc], [nv, xv], tails, conf) => {
        const out = F.ABTEST_SUMMARY(nc, xc, nv, xv, tails, conf) as unknown[][];
        const [pc, pv, lift, , lo, hi, , p] = out[1] as number[];
        const significant = out[1][8];
        return (
          out.length === 2 &&
          p === F.ABTEST_SIG(nc, xc, nv, xv, tails) &&
          significant === p < 1 - conf &&
          Math.abs(lift - (pv - pc)) <= 1e-15 &&
          lo <= lift &&
          lift <= hi
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_SUMMARY (both methods, both tails, with or without continuity, any null difference): Significant ⇔ the interval excludes the null, and p is ABTEST_SIG's", () => {
    const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true });
    // Null differences from the whole range, and 0 (the default) often.
    const nullDifference = fc.oneof(
      fc.constant(0),
      fc.double({ min: -0.999, max: 0.999, noNaN: true }),
      fc.double({ min: -0.01, max: 0.01, noNaN: true }),
    );
    fc.assert(
      fc.property(
        group,
        group,
        fc.constantFrom(1, 2),
        confidence,
        fc.constantFrom("pooled", "unpooled"),
        fc.boolean(),
        nullDifference,
        ([nc, xc], [nv, xv], tails, conf, method, continuity, delta) => {
          const out = F.ABTEST_SUMMARY(nc, xc, nv, xv, tails, conf, method, continuity, delta) as unknown[][];
          // The Wald z is undefined when both rates are 0 or 1: one #DIV/0! cell.
          if (out.length === 1)
            return method === "unpooled" && [pc(nc, xc), pc(nv, xv)].every((r) => r === 0 || r === 1);
          const [lo, hi] = [out[1][4] as number, out[1][5] as number];
          return (
            out[1][8] === (lo > delta || hi < delta) &&
            out[1][7] === F.ABTEST_SIG(nc, xc, nv, xv, tails, method, continuity, delta)
          );
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it("ABTEST_SIG one-sided p values of swapped groups add up to 1 (P(Z ≥ z) + P(Z ≥ −z) = 1)", () => {
    fc.assert(
      fc.property(group, group, ([nc, xc], [nv, xv]) => {
        const a = F.ABTEST_SIG(nc, xc, nv, xv, 1) as number;
        const b = F.ABTEST_SIG(nv, xv, nc, xc, 1) as number;
        return Math.abs(a + b - 1) < 1e-12;
      }),
      { numRuns: RUNS },
    );
  });

  const tGroup = fc.tuple(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
    fc.integer({ min: 2, max: 1_000_000_000 }),
  );

  it("ABTEST_TTEST is a probability, and swapping control and variant leaves the two-sided p unchanged", () => {
    fc.assert(
      fc.property(tGroup, tGroup, ([mc, sc, nc], [mv, sv, nv]) => {
        const p = F.ABTEST_TTEST(mc, sc, nc, mv, sv, nv) as number;
        const swapped = F.ABTEST_TTEST(mv, sv, nv, mc, sc, nc) as number;
        return p >= 0 && p <= 1 && Math.abs(p - swapped) <= 1e-12 * p;
      }),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_SRM is symmetric: swapping the counts and the expected share gives the same p", () => {
    const count = fc.integer({ min: 0, max: 1_000_000_000 });
    const share = fc.double({ min: 0.001, max: 0.999, noNaN: true });
    fc.assert(
      fc.property(count, count, share, (c, v, s) => {
        fc.pre(c + v > 0);
        const p = F.ABTEST_SRM(c, v, s) as number;
        const swapped = F.ABTEST_SRM(v, c, 1 - s) as number;
        return p >= 0 && p <= 1 && Math.abs(p - swapped) <= 1e-9 * p;
      }),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_SAMPLESIZE never grows as |mde| grows (same direction, same baseline)", () => {
    const baseline = fc.double({ min: 0.001, max: 0.999, noNaN: true });
    const magnitude = fc.double({ min: 1e-4, max: 5, noNaN: true });
    fc.assert(
      fc.property(baseline, magnitude, magnitude, fc.boolean(), (p1, m1, m2, negative) => {
        const [small, large] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const sign = negative ? -1 : 1;
        const nSmall = F.ABTEST_SAMPLESIZE(p1, sign * small);
        const nLarge = F.ABTEST_SAMPLESIZE(p1, sign * large);
        fc.pre(typeof nSmall === "number" && typeof nLarge === "number"); // both inside (0, 1)
        return nLarge <= nSmall && Number.isInteger(nLarge) && nLarge >= 1;
      }),
      { numRuns: RUNS },
    );
  });
});
