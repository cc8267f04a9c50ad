import { F, relativeError } from "./helpers";
import { BAYES, BAYES_LARGE, GB_CI, PADJUST_R, PROB_BEAT, SEQ } from "./referenceValuesBayes";
import { BAYES16 } from "./referenceValuesBayes16";
import { betaProbGreater, MAX_TERMS, probabilityBeats } from "../../src/core/stats/betaProbBeat";
import { confidenceSequence, sequentialRho } from "../../src/core/stats/confidenceSequence";
import { growthBookGaussian } from "../../src/core/stats/gaussianEffect";
import { logBeta, logGamma } from "../../src/core/stats/logBeta";
import { ddLog } from "../../src/core/stats/doubleDouble";
import { pAdjust } from "../../src/core/stats/pAdjust";

// Expected values name their source: "mpmath" = tests/functions/reference_values_bayes.py (50 digits, stored in
// referenceValuesBayes.ts), "R" = R's p.adjust through the same script, "gbstats" = GrowthBook's own test fixtures
// (growthbook/growthbook packages/stats/tests/bayesian/test_tests.py and tests/frequentist/test_tests.py, which
// round to 5 decimals), "Evan Miller" = the reference from "Formulas for Bayesian A/B testing".

const TARGET = 1e-9;
const table = (v: unknown) => v as unknown[][];

let worst = 0;
afterAll(() => console.log(`ABTEST_PROB_BEAT max relative error vs mpmath: ${worst.toExponential(2)}`));

describe("ABTEST_PROB_BEAT", () => {
  it("gives 0.6108 for 49/100 vs 51/100, where GrowthBook's normal approximation gives 0.60918 (Evan Miller, gbstats)", () => {
    expect(F.ABTEST_PROB_BEAT(100, 49, 100, 51) as number).toBeCloseTo(0.6108, 4);
    expect(growthBookGaussian(100, 49, 100, 51, 0.05).chanceToWin).toBeCloseTo(0.60918, 5);
  });

  it.each(PROB_BEAT.map((c) => [c.args, c.expected] as const))(
    "P(variant beats control | %j) matches the 50-digit sum (mpmath)",
    (args, expected) => {
      const actual = F.ABTEST_PROB_BEAT(...(args as [number, number, number, number])) as number;
      // Up to 10⁹ visitors per arm: the log of the peak term is summed in double-double (stats/doubleDouble.ts).
      const error = relativeError(actual, expected);
      worst = Math.max(worst, error);
      expect(error).toBeLessThan(TARGET);
    },
  );

  it("is exact (not the fallback) up to 10⁹ visitors per arm and stays within a million terms", () => {
    const s = betaProbGreater(5e8 + 1, 5e8 + 1, 500_002_001, 499_998_001);
    expect(s).toBeDefined();
    expect(s!.terms).toBeLessThan(MAX_TERMS);
  });

  it("answers 10¹⁵ visitors per arm by quadrature (issue 16: the normal approximation is gone), short sums exactly", () => {
    expect(probabilityBeats(1e14 + 1, 9e14 + 1, 1e14 + 1e7 + 1, 9e14 - 1e7 + 1)!.method).toBe("quadrature");
    expect(probabilityBeats(51, 951, 61, 941)!.method).toBe("exact");
  });

  it("computes ln Γ, ln B and a double-double ln without cancellation (mpmath)", () => {
    expect(Math.abs(logGamma(0.5) - 0.5723649429247001)).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(25) - 54.78472939811232)).toBeLessThan(1e-13);
    expect(relativeError(logBeta(1e9, 1e9), -1386294370.2160113)).toBeLessThan(1e-15);
    // Double-double ln (hi, lo) against mpmath's 40-digit ln split the same way.
    for (const [x, hi, lo] of [
      [1e9, 20.72326583694641, 7.108546580563512e-16],
      [12345.678, 9.421061321291832, -1.9085650743481053e-16],
    ]) {
      const d = ddLog(x);
      expect(d[0]).toBe(hi);
      expect(Math.abs(d[1] - lo)).toBeLessThan(1e-30);
    }
  });

  it("rejects impossible input with Excel errors", () => {
    const code = (v: unknown) => (v as CustomFunctions.Error).code;
    expect(code(F.ABTEST_PROB_BEAT(100, 101, 100, 5))).toBe("#NUM!");
    expect(code(F.ABTEST_PROB_BEAT(100, 10.5, 100, 5))).toBe("#NUM!");
    expect(code(F.ABTEST_PROB_BEAT(100, 10, 100, 5, 0))).toBe("#NUM!");
    expect(code(F.ABTEST_PROB_BEAT("x" as unknown as number, 10, 100, 5))).toBe("#VALUE!");
  });
});

describe("ABTEST_BAYES", () => {
  it("spills a 2 × 6 table with its header", () => {
    const t = table(F.ABTEST_BAYES(100, 49, 100, 51));
    expect(t[0]).toEqual([
      "Chance to win",
      "Risk of choosing control",
      "Risk of choosing variant",
      "Expected lift",
      "Lift CI low",
      "Lift CI high",
    ]);
    expect(t[1]).toHaveLength(6);
  });

  it.each(BAYES.map((c) => [c.args, c.expected] as const))(
    "chance to win, risks and expected lift of %j match the posterior integrals (mpmath)",
    (args, expected) => {
      const row = table(F.ABTEST_BAYES(...(args as [number, number, number, number])))[1];
      expected.forEach((e, i) => expect(relativeError(row[i] as number, e)).toBeLessThan(TARGET));
    },
  );

  it.each(BAYES_LARGE.map((c) => [c.args, c.expected] as const))(
    "chance to win, risks and expected lift of %j match the 50-digit shifted-Beta sums (mpmath)",
    (args, expected) => {
      const row = table(F.ABTEST_BAYES(...(args as [number, number, number, number])))[1];
      expected.forEach((e, i) => expect(relativeError(row[i] as number, e)).toBeLessThan(TARGET));
    },
  );

  it.each(GB_CI.map((c) => [c.args, c.expected] as const))(
    "credible interval of the lift of %j is GrowthBook's normal interval (delta-method gradient by mpmath.diff)",
    (args, expected) => {
      const row = table(F.ABTEST_BAYES(...(args as [number, number, number, number])))[1];
      expect(relativeError(row[4] as number, expected[0])).toBeLessThan(TARGET);
      expect(relativeError(row[5] as number, expected[1])).toBeLessThan(TARGET);
    },
  );

  it("reproduces gbstats' binomial fixture with GrowthBook's normal engine (gbstats test_tests.py TestBinom)", () => {
    const g = growthBookGaussian(100, 49, 100, 51, 0.05);
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(5e-6);
    close(g.mean, 0.04082);
    close(g.stddev, 0.14725);
    close(g.ci[0], -0.24779);
    close(g.ci[1], 0.32943);
    close(g.chanceToWin, 0.60918);
    close(g.risk[0], 0.0814);
    close(g.risk[1], 0.04058);
  });

  it("shows #DIV/0! for the infinite relative means when control has no conversions, keeps the chance to win and the finite risk of choosing the variant (issue 16)", () => {
    const row = table(F.ABTEST_BAYES(20, 0, 20, 3))[1];
    expect(row[0] as number).toBeCloseTo(PROB_BEAT.find((c) => c.args.join() === "20,0,20,3")!.expected, 12);
    for (const i of [1, 3, 4, 5]) expect((row[i] as CustomFunctions.Error).code).toBe("#DIV/0!");
    const ref = BAYES16.find((c) => c.args.join() === "20,0,20,3,1,1")!; // mpmath integration
    expect(relativeError(row[2] as number, ref.loss)).toBeLessThan(TARGET);
  });
});

describe("ABTEST_SEQ", () => {
  it.each(SEQ.map((c) => [c.args, c.expected] as const))(
    "estimate, confidence sequence and p-values of %j match the definitions: the mixture e-value by mpmath.quad, the ends by root finding",
    (args, expected) => {
      const t = table(F.ABTEST_SEQ(...(args as [number, number, number, number, number, number])));
      expect(t[1][0]).toBe("Absolute difference");
      expect(t[2][0]).toBe("Relative lift");
      expected.forEach((row, r) =>
        row.forEach((e, c) => expect(relativeError(t[r + 1][c + 1] as number, e)).toBeLessThan(TARGET)),
      );
    },
  );

  it("reproduces gbstats' proportion fixture on the relative lift (gbstats test_tests.py test_sequential_test_runs_prop)", () => {
    const t = table(F.ABTEST_SEQ(3000, 1396, 3461, 2422));
    const close = (a: unknown, b: number) => expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(5e-6);
    close(t[2][1], 0.50386);
    close(t[2][2], 0.40098);
    close(t[2][3], 0.60675);
    close(t[2][4], 0); // gbstats prints pValue=0.0 at 5 decimals
  });

  it("reproduces gbstats' sample-mean fixture with tuning N* = 1000 (gbstats test_tests.py test_sequential_test_runs)", () => {
    // SampleMeanStatistic(sum, sum_squares, n): mean = sum/n, variance = (sum_squares − sum²/n)/(n − 1).
    const stat = (sum: number, ss: number, n: number) => ({ m: sum / n, v: (ss - (sum * sum) / n) / (n - 1), n });
    const a = stat(1396.87, 52377.9767, 3000);
    const b = stat(2422.7, 134698.29, 3461);
    const se = Math.sqrt(b.v / b.n / (a.m * a.m) + ((a.v / a.n) * b.m * b.m) / a.m ** 4);
    const cs = confidenceSequence((b.m - a.m) / a.m, se, a.n + b.n, 0.05, 1000);
    const close = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(5e-6);
    close(cs.estimate, 0.50336);
    close(se, 0.33341);
    close(cs.low, -0.55844);
    close(cs.high, 1.56516);
    expect(cs.pValue).toBe(1);
  });

  it("is widest with a tuning N* far below n, as gbstats test_sequential_test_tuning_as_expected checks", () => {
    const width = (tuning: number) => {
      const t = table(F.ABTEST_SEQ(3000, 1396, 3461, 2422, 0.05, tuning));
      return (t[2][3] as number) - (t[2][2] as number);
    };
    expect(width(10)).toBeGreaterThan(width(10_000));
    expect(width(10_000)).toBeGreaterThan(width(6461));
    expect(relativeError(sequentialRho(0.05, 5000), 0.03984006677137369)).toBeLessThan(1e-15); // mpmath
  });

  it("shows #DIV/0! for a row without variance or a relative lift over a zero control rate", () => {
    const t = table(F.ABTEST_SEQ(100, 0, 100, 0));
    expect(t[1][1]).toBe(0);
    expect((t[1][2] as CustomFunctions.Error).code).toBe("#DIV/0!");
    expect((t[2][1] as CustomFunctions.Error).code).toBe("#DIV/0!");
  });
});

describe("PADJUST", () => {
  it("gives R's p.adjust(c(.01,.02,.03,.04,.05)): holm (.05,.08,.09,.09,.09), BH all .05 (R)", () => {
    const row = [[0.01, 0.02, 0.03, 0.04, 0.05]];
    table(F.PADJUST(row))[0].forEach((v, i) => expect(v).toBeCloseTo([0.05, 0.08, 0.09, 0.09, 0.09][i], 15));
    table(F.PADJUST(row, "BH"))[0].forEach((v) => expect(v).toBeCloseTo(0.05, 15));
  });

  it.each(PADJUST_R.map((c) => [c.method, c.p, c.expected] as const))("%s of %j matches R", (method, p, expected) => {
    const actual = pAdjust(p, method.toLowerCase() as "holm" | "hochberg" | "bh" | "bonferroni");
    actual.forEach((v, i) => expect(relativeError(v, expected[i])).toBeLessThan(1e-15));
  });

  it("keeps the input's shape and blank cells, and counts only the p-values", () => {
    const out = table(
      F.PADJUST(
        [
          [0.01, null],
          [0.04, 0.02],
        ] as unknown as number[][],
        "bonferroni",
      ),
    );
    expect(out).toEqual([
      [0.03, ""],
      [0.12, 0.06],
    ]);
  });

  it("returns #NUM! for a p-value outside [0, 1] and #VALUE! for an unknown method or a range without numbers", () => {
    const code = (v: unknown) => (table(v)[0][0] as CustomFunctions.Error).code;
    expect(code(F.PADJUST([[0.2, 1.5]]))).toBe("#NUM!");
    expect(code(F.PADJUST([[0.2]], "sidak"))).toBe("#VALUE!");
    expect(code(F.PADJUST([["x", true, null]] as unknown as number[][]))).toBe("#VALUE!");
  });

  it("ignores text and TRUE/FALSE as AVERAGE does in a range: blank in the result, not counted in m (issue 16 §1)", () => {
    // Holm on the numbers alone, m = 2: p(1) = 0.01 → 2·0.01 = 0.02, p(2) = 0.04 → max(0.02, 1·0.04) = 0.04
    // (R: p.adjust(c(0.04, 0.01), "holm") = 0.04 0.02). TRUE read as p = 1 would make m = 3 and give 0.08, 0.03.
    const out = table(F.PADJUST([[0.04, true, "0.5", 0.01, false, "n/a"]] as unknown as number[][]));
    expect(out).toEqual([[0.04, "", "", 0.02, "", ""]]);
  });
});
