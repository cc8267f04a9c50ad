import fc from "fast-check";
import { F, call, errorCode } from "./helpers";

// Fuzz and properties of the issue 11 §2 options: ≥ 10,000 runs per new function or argument; only finite numbers,
// matrices of them or Excel errors come out, and the design functions move the right way with n.
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
    "TRUE",
    "false",
    "1,000",
    "5%",
    "Infinity",
    "NaN",
    "-0",
  ),
  fc.string({ maxLength: 8 }),
);
/** A cell or a range of cells (as Excel passes a matrix argument), ragged or empty included. */
const anyArgument = fc.oneof(anyCell, fc.array(fc.array(anyCell, { maxLength: 4 }), { maxLength: 4 }));

function isFiniteOrError(v: unknown): boolean {
  return (typeof v === "number" && Number.isFinite(v)) || errorCode(v) !== undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const scalar: [string, (...args: any[]) => unknown, number, fc.Arbitrary<unknown>][] = [
  ["ABTEST_SIG (8 arguments)", F.ABTEST_SIG, 8, anyCell],
  ["ABTEST_TTEST (9 arguments)", F.ABTEST_TTEST, 9, anyCell],
  ["ABTEST_SAMPLESIZE (6 arguments)", F.ABTEST_SAMPLESIZE, 6, anyCell],
  ["ABTEST_POWER", F.ABTEST_POWER, 6, anyCell],
  ["ABTEST_MDE", F.ABTEST_MDE, 6, anyCell],
  ["ABTEST_SRM (cells or ranges)", F.ABTEST_SRM, 3, anyArgument],
];

describe("the options on arbitrary input", () => {
  it.each(scalar)("%s returns a finite number or a CustomFunctions.Error and never throws", (_id, fn, arity, arg) => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: 0, maxLength: arity }), (a) => isFiniteOrError(call(fn, ...a))),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_SUMMARY with all nine arguments spills one error or 2 × 11 cells of numbers, errors and a verdict", () => {
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: 9, maxLength: 9 }), (a) => {
        const out = call(F.ABTEST_SUMMARY, ...a) as unknown[][];
        if (out.length === 1) return out[0].length === 1 && errorCode(out[0][0]) !== undefined;
        const values = out[1];
        return (
          out.length === 2 &&
          out[0].length === 11 &&
          values.length === 11 &&
          typeof values[8] === "boolean" &&
          values.filter((_, i) => i !== 8).every(isFiniteOrError)
        );
      }),
      { numRuns: RUNS },
    );
  });
});

const baseline = fc.double({ min: 0.001, max: 0.9, noNaN: true });
const n = fc.double({ min: 1, max: 1e9, noNaN: true });
const alpha = fc.double({ min: 0.001, max: 0.2, noNaN: true });
const power = fc.double({ min: 0.5, max: 0.99, noNaN: true });
const tails = fc.constantFrom(1, 2);
const ratio = fc.oneof(fc.constant(1), fc.double({ min: 0.1, max: 10, noNaN: true }));

describe("design functions", () => {
  it("ABTEST_POWER never decreases as n grows (same baseline, effect, alpha, tails, ratio)", () => {
    const mde = fc.double({ min: -0.9, max: 3, noNaN: true }).filter((m) => Math.abs(m) > 1e-6);
    fc.assert(
      fc.property(baseline, mde, n, n, alpha, tails, ratio, (p1, m, n1, n2, a, t, r) => {
        const [small, large] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const pSmall = F.ABTEST_POWER(p1, m, small, a, t, r);
        const pLarge = F.ABTEST_POWER(p1, m, large, a, t, r);
        fc.pre(typeof pSmall === "number"); // the variant rate p1·(1 + m) inside (0, 1)
        return typeof pLarge === "number" && pLarge >= pSmall && pSmall >= 0 && pLarge <= 1;
      }),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_MDE never increases as n grows, and is where ABTEST_POWER reaches the power", () => {
    fc.assert(
      fc.property(baseline, n, n, alpha, power, tails, ratio, (p1, n1, n2, a, pw, t, r) => {
        const [small, large] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const mSmall = F.ABTEST_MDE(p1, small, a, pw, t, r);
        const mLarge = F.ABTEST_MDE(p1, large, a, pw, t, r);
        if (typeof mSmall !== "number") return true; // no lift up to 100% reaches the power at the smaller n
        if (typeof mLarge !== "number" || mLarge > mSmall || mLarge <= 0) return false;
        const achieved = F.ABTEST_POWER(p1, mSmall, small, a, t, r) as number;
        return Math.abs(achieved - pw) < 1e-9 || (achieved > pw && p1 * (1 + mSmall) >= 1 - 1e-12);
      }),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_SAMPLESIZE is the smallest n whose ABTEST_POWER reaches the power", () => {
    const mde = fc.double({ min: 0.01, max: 2, noNaN: true });
    fc.assert(
      fc.property(baseline, mde, alpha, power, tails, ratio, (p1, m, a, pw, t, r) => {
        const size = F.ABTEST_SAMPLESIZE(p1, m, a, pw, t, r);
        fc.pre(typeof size === "number");
        const at = F.ABTEST_POWER(p1, m, size, a, t, r) as number;
        const below = size > 1 ? (F.ABTEST_POWER(p1, m, size - 1, a, t, r) as number) : 0;
        return at >= pw - 1e-12 && below < pw + 1e-12;
      }),
      { numRuns: RUNS },
    );
  });
});

describe("ABTEST_SRM with k arms", () => {
  const count = fc.integer({ min: 0, max: 1_000_000_000 });
  const share = fc.double({ min: 0.01, max: 100, noNaN: true });

  it("is a probability that does not depend on the order of the arms (shares moved with their counts)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(count, share), { minLength: 2, maxLength: 12 }), (arms) => {
        const p = F.ABTEST_SRM([arms.map((a) => a[0])], null as unknown as number, [arms.map((a) => a[1])]);
        const reversed = [...arms].reverse();
        const q = F.ABTEST_SRM([reversed.map((a) => a[0])], null as unknown as number, [reversed.map((a) => a[1])]);
        return typeof p === "number" && p >= 0 && p <= 1 && typeof q === "number" && Math.abs(p - q) <= 1e-9 * p;
      }),
      { numRuns: RUNS },
    );
  });

  it("with two arms in a range equals the two-number form", () => {
    fc.assert(
      fc.property(count, count, (c, v) => F.ABTEST_SRM([[c, v]]) === F.ABTEST_SRM(c, v)),
      { numRuns: RUNS },
    );
  });
});

describe("ABTEST_TTEST options", () => {
  const group = fc.tuple(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
    fc.integer({ min: 2, max: 1_000_000_000 }),
  );
  it("Student's p is a probability, symmetric in the groups, and equals Welch's when n and sd are equal", () => {
    fc.assert(
      fc.property(group, group, ([mc, sc, nc], [mv, sv, nv]) => {
        const p = F.ABTEST_TTEST(mc, sc, nc, mv, sv, nv, 2, true) as number;
        const swapped = F.ABTEST_TTEST(mv, sv, nv, mc, sc, nc, 2, true) as number;
        const same = F.ABTEST_TTEST(mc, sc, nc, mv, sc, nc, 2, true) as number;
        const welch = F.ABTEST_TTEST(mc, sc, nc, mv, sc, nc, 2, false) as number;
        return (
          p >= 0 && p <= 1 && Math.abs(p - swapped) <= 1e-12 * p + 1e-300 && Math.abs(same - welch) <= 1e-9 * welch
        );
      }),
      { numRuns: RUNS },
    );
  });
});
