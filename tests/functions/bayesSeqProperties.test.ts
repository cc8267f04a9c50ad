import fc from "fast-check";
import { F, call, errorCode } from "./helpers";
import { AB_TEST_BAYES_HEADERS, AB_TEST_SEQ_HEADERS } from "../../src/core/metrics";

// Fuzzing of the issue 11 §3 functions, 10,000 runs each: whatever Excel passes, the result is a number, a spilled
// matrix of numbers/text, or Excel errors, never NaN, Infinity or a throw; and the properties of §4 hold.
const RUNS = 10_000;

const anyCell = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.constantFrom(null, undefined, true, false, "", "abc", "1,000", "5%", "NaN", "1e400", 0.5, 1, 2),
  fc.string({ maxLength: 6 }),
);
const isFiniteOrError = (v: unknown) => (typeof v === "number" && Number.isFinite(v)) || errorCode(v) !== undefined;
const singleError = (out: unknown[][]) => out.length === 1 && out[0].length === 1 && errorCode(out[0][0]) !== undefined;

/** Valid whole-number counts of one arm, 1 to 10⁷ visitors (sums stay short enough for 10,000 runs). */
const arm = fc
  .tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([n, share]) => [n, Math.round(n * share)] as const);

describe("issue 11 §3 functions on arbitrary input", () => {
  it("ABTEST_PROB_BEAT returns a probability or an Excel error", () => {
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: 6, maxLength: 6 }), (a) => {
        const p = call(F.ABTEST_PROB_BEAT, ...a);
        return errorCode(p) !== undefined || (typeof p === "number" && p >= 0 && p <= 1);
      }),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_BAYES spills one error or the 2 × 6 table of finite numbers or per-cell errors", () => {
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: 7, maxLength: 7 }), (a) => {
        const out = call(F.ABTEST_BAYES, ...a) as unknown[][];
        if (out.length === 1) return singleError(out);
        return (
          out.length === 2 &&
          JSON.stringify(out[0]) === JSON.stringify(AB_TEST_BAYES_HEADERS) &&
          out[1].length === 6 &&
          out[1].every(isFiniteOrError)
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_SEQ spills one error or the 3 × 6 table: labels, then finite numbers or per-cell errors", () => {
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: 6, maxLength: 6 }), (a) => {
        const out = call(F.ABTEST_SEQ, ...a) as unknown[][];
        if (out.length === 1) return singleError(out);
        return (
          out.length === 3 &&
          JSON.stringify(out[0]) === JSON.stringify(AB_TEST_SEQ_HEADERS) &&
          out.slice(1).every((r) => r.length === 6 && typeof r[0] === "string" && r.slice(1).every(isFiniteOrError))
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("PADJUST spills numbers in [0, 1], blanks, or one error for any range", () => {
    const range = fc.oneof(fc.array(fc.array(anyCell, { minLength: 1, maxLength: 4 }), { maxLength: 4 }), anyCell);
    fc.assert(
      fc.property(range, fc.constantFrom(null, "holm", "BH", "fdr", "Hochberg", "bonferroni", "x", 3), (r, m) => {
        const out = call(F.PADJUST, r, m) as unknown[][];
        if (singleError(out)) return true;
        return out.every((row) => row.every((c) => c === "" || (typeof c === "number" && c >= 0 && c <= 1)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("issue 11 §4 properties", () => {
  it("chance to win of variant and of control add up to 1 (ABTEST_PROB_BEAT both ways)", () => {
    fc.assert(
      fc.property(arm, arm, ([nc, xc], [nv, xv]) => {
        const p = F.ABTEST_PROB_BEAT(nc, xc, nv, xv) as number;
        const q = F.ABTEST_PROB_BEAT(nv, xv, nc, xc) as number;
        return Math.abs(p + q - 1) < 1e-9;
      }),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_BAYES: risks are ≥ 0, risk(control) − risk(variant) = expected lift, and the interval is ordered", () => {
    fc.assert(
      fc.property(arm, arm, ([nc, xc], [nv, xv]) => {
        const [chance, riskC, riskV, lift, low, high] = (F.ABTEST_BAYES(nc, xc, nv, xv) as unknown[][])[1];
        if (typeof chance !== "number" || chance < 0 || chance > 1) return false;
        if (xc === 0) return errorCode(riskC) === "#DIV/0!" && errorCode(low) === "#DIV/0!";
        const [rc, rv, l] = [riskC, riskV, lift] as number[];
        const identity = Math.abs(rc - rv - l) <= 1e-7 * Math.max(1, Math.abs(l));
        return rc >= 0 && rv >= 0 && identity && (errorCode(low) !== undefined || (low as number) <= (high as number));
      }),
      { numRuns: RUNS },
    );
  });

  it("ABTEST_SEQ: the always-valid p is never below the fixed-sample p, and the sequence holds the estimate", () => {
    const alpha = fc.double({ min: 1e-6, max: 0.5, noNaN: true });
    const tuning = fc.double({ min: 10, max: 1e8, noNaN: true });
    fc.assert(
      fc.property(arm, arm, alpha, tuning, ([nc, xc], [nv, xv], a, t) => {
        const out = F.ABTEST_SEQ(nc, xc, nv, xv, a, t) as unknown[][];
        return out.slice(1).every((row) => {
          if (errorCode(row[2]) !== undefined) return true;
          const [est, low, high, pSeq, pFixed] = row.slice(1) as number[];
          return pSeq >= pFixed && low <= est && est <= high && pSeq <= 1;
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("PADJUST: every adjusted p is at least the raw p and at most 1, in the input's shape", () => {
    const p = fc.double({ min: 0, max: 1, noNaN: true });
    const method = fc.constantFrom("holm", "hochberg", "BH", "bonferroni");
    fc.assert(
      fc.property(
        fc.array(fc.array(p, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        method,
        (r, m) => {
          const out = F.PADJUST(r, m) as number[][];
          return (
            out.length === r.length &&
            out.every((row, i) => row.length === 3 && row.every((v, j) => v >= r[i][j] && v <= 1))
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});
