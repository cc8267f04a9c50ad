import { F, call, errorCode, relativeError } from "./helpers";

// Known values from the issue were computed with scipy/statsmodels; the others were computed here with scipy 1.17
// (norm.isf/ppf, ttest_ind_from_stats(equal_var=False), chisquare) as noted per case.

// Published values have 6 significant digits: half a unit in the 6th digit is at most 5e-6 relative.
const close = (actual: unknown, expected: number, tol = 5e-6) => {
  expect(typeof actual).toBe("number");
  expect(relativeError(actual as number, expected)).toBeLessThan(tol);
};

describe("ABTEST_SIG", () => {
  it("matches scipy/statsmodels: (1000,100,1000,120) → p = 0.152918", () => {
    close(F.ABTEST_SIG(1000, 100, 1000, 120), 0.152918);
  });
  it("matches scipy/statsmodels: (1000,100,1000,130) → p = 0.0354885", () => {
    close(F.ABTEST_SIG(1000, 100, 1000, 130), 0.0354885);
  });
  it("treats an omitted (null) tails as 2", () => {
    close(call(F.ABTEST_SIG, 1000, 100, 1000, 120, null), 0.152918);
  });
  it("with tails = 1 gives P(Z ≥ z): half the two-sided p when the variant is better, 1 − that when worse", () => {
    close(F.ABTEST_SIG(1000, 100, 1000, 120, 1), 0.152918 / 2);
    close(F.ABTEST_SIG(1000, 120, 1000, 100, 1), 1 - 0.152918 / 2);
  });
  it("gives p = 1 (z = 0) when the pooled rate is 0 or 1", () => {
    expect(F.ABTEST_SIG(100, 0, 200, 0)).toBe(1);
    expect(F.ABTEST_SIG(100, 100, 200, 200)).toBe(1);
    expect(F.ABTEST_SIG(100, 0, 200, 0, 1)).toBe(0.5);
  });
  it("keeps extreme tails instead of rounding to 0 (z ≈ 37 gives ~6.6e-291, mpmath)", () => {
    close(F.ABTEST_SIG(1e6, 1e5, 1e6, 1.16e5), 6.607968353278732e-291, 1e-9);
  });
  it.each([
    ["control visitors = 0", [0, 0, 1000, 120]],
    ["negative variant visitors", [1000, 100, -1000, 120]],
    ["negative conversions", [1000, -1, 1000, 120]],
    ["conversions above visitors", [1000, 100, 1000, 1200]],
    ["tails = 3", [1000, 100, 1000, 120, 3]],
    ["tails = 0", [1000, 100, 1000, 120, 0]],
    ["tails = 1.5", [1000, 100, 1000, 120, 1.5]],
  ])("%s gives #NUM!", (_name, args) => {
    expect(errorCode(call(F.ABTEST_SIG, ...args))).toBe("#NUM!");
  });
  it("reads numeric text and gives #VALUE! for other text, before any #NUM! condition", () => {
    close(call(F.ABTEST_SIG, "1,000", "100", "1000", "120"), 0.152918);
    expect(errorCode(call(F.ABTEST_SIG, 0, "ten", 1000, 120))).toBe("#VALUE!");
    expect(errorCode(call(F.ABTEST_SIG, 1000, 100, 1000, 120, "two"))).toBe("#VALUE!");
  });
});

describe("ABTEST_SIG method", () => {
  it('"unpooled" is the Wald z-test (statsmodels test_proportions_2indep(method="wald"): z = 0.02/√0.0001956)', () => {
    const z = 0.02 / Math.sqrt(0.0001956);
    // statsmodels 0.13.5 test_proportions_2indep(120, 1000, 100, 1000, method="wald"): z 1.4300313895335035
    expect(
      relativeError(F.ABTEST_SIG(1000, 100, 1000, 120, 2, "unpooled") as number, 0.15270801019387792),
    ).toBeLessThan(1e-9);
    expect(F.ABTEST_SIG(1000, 100, 1000, 120, 2, "unpooled")).toBe(
      (F.ABTEST_SUMMARY(1000, 100, 1000, 120, 2, 0.95, "unpooled") as unknown[][])[1][7],
    );
    close((F.ABTEST_SUMMARY(1000, 100, 1000, 120, 2, 0.95, "unpooled") as unknown[][])[1][6] as number, z, 1e-12);
    expect(F.ABTEST_SIG(1000, 100, 1000, 120, 2, "pooled")).toBe(F.ABTEST_SIG(1000, 100, 1000, 120));
    expect(errorCode(call(F.ABTEST_SIG, 1000, 100, 1000, 120, 2, "exact"))).toBe("#VALUE!");
    expect(errorCode(call(F.ABTEST_SIG, 10, 0, 10, 10, 2, "unpooled"))).toBe("#DIV/0!");
  });
});

describe("ABTEST_SUMMARY", () => {
  it("spills a header row and the values: rates, lifts, score CI, z = 1.42930, p = 0.152918, not significant", () => {
    const out = F.ABTEST_SUMMARY(1000, 100, 1000, 120) as unknown[][];
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual([
      "Control rate",
      "Variant rate",
      "Absolute lift",
      "Relative lift",
      "CI low",
      "CI high",
      "z",
      "p-value",
      "Significant",
      // issue 11 §2: the relative-lift interval, added at the end so the columns above keep their indexes
      "Relative lift CI low",
      "Relative lift CI high",
    ]);
    const [pc, pv, abs, rel, lo, hi, z, p, sig] = out[1] as number[];
    close(pc, 0.1, 1e-12);
    close(pv, 0.12, 1e-12);
    close(abs, 0.02, 1e-12);
    close(rel, 0.2, 1e-12);
    // Farrington–Manning score interval (reference_values.py: restricted MLE by bisection on the score, each bound by
    // bisection on z(δ) = ±z_crit in 60 digits; issue 16: [−0.0074679, 0.047625], not statsmodels' [−0.0074648,
    // 0.047528], whose restricted MLE has the wrong cubic, statsmodels #10269)
    close(lo, -0.007467938295417599, 1e-9);
    close(hi, 0.04762475023175961, 1e-9);
    close(z, 1.4293, 1e-5);
    close(p, 0.152918);
    expect(sig).toBe(false);
  });
  it("uses the confidence level for the CI and the verdict (80%: z₀.₉ = 1.2815516, p < 0.2 is significant)", () => {
    const [, row] = F.ABTEST_SUMMARY(1000, 100, 1000, 120, 2, 0.8) as unknown[][];
    close(row[4] as number, 0.002072825740868713, 1e-9); // reference_values.py (bisection, no cubic)
    expect(row[8]).toBe(true);
  });
  it('with method "unpooled" reports the Wald test and the Wald interval (statsmodels method="wald")', () => {
    const [, row] = F.ABTEST_SUMMARY(1000, 100, 1000, 120, 2, 0.8, "unpooled") as unknown[][];
    // se = √(0.1·0.9/1000 + 0.12·0.88/1000) = √0.0001956; z = 0.02 / se
    close(row[4] as number, 0.02 - 1.2815515655446004 * Math.sqrt(0.0001956), 1e-12);
    close(row[5] as number, 0.02 + 1.2815515655446004 * Math.sqrt(0.0001956), 1e-12);
    close(row[6] as number, 0.02 / Math.sqrt(0.0001956), 1e-12);
    expect(errorCode((call(F.ABTEST_SUMMARY, 1000, 100, 1000, 120, 2, 0.95, "welch") as unknown[][])[0][0])).toBe(
      "#VALUE!",
    );
  });
  it("no longer contradicts itself on the issue's example: 5000/500 vs 500/65 is significant and its interval excludes 0", () => {
    const [, row] = F.ABTEST_SUMMARY(5000, 500, 500, 65) as unknown[][];
    close(row[7] as number, 0.0351, 1e-2);
    expect(row[8]).toBe(true);
    expect(row[4] as number).toBeGreaterThan(0);
  });
  it("treats omitted tails and confidence (null) as 2 and 0.95", () => {
    expect(call(F.ABTEST_SUMMARY, 1000, 100, 1000, 120, null, null)).toEqual(F.ABTEST_SUMMARY(1000, 100, 1000, 120));
  });
  it("reports the one-sided p for tails = 1", () => {
    const [, row] = F.ABTEST_SUMMARY(1000, 100, 1000, 120, 1) as unknown[][];
    close(row[7] as number, 0.152918 / 2);
  });
  it("puts #DIV/0! in the relative-lift cell only when the control rate is 0", () => {
    const [, row] = F.ABTEST_SUMMARY(100, 0, 100, 5) as unknown[][];
    expect(errorCode(row[3])).toBe("#DIV/0!");
    close(row[2] as number, 0.05, 1e-12);
  });
  it.each([
    ["confidence = 1", [1000, 100, 1000, 120, 2, 1], "#NUM!"],
    ["confidence = 0", [1000, 100, 1000, 120, 2, 0], "#NUM!"],
    ["conversions above visitors", [1000, 1001, 1000, 120], "#NUM!"],
    ["text confidence", [1000, 100, 1000, 120, 2, "high"], "#VALUE!"],
    ["text confidence with impossible counts (#VALUE! first)", [0, 100, 1000, 120, 2, "high"], "#VALUE!"],
  ])("%s spills a single error", (_name, args, code) => {
    const out = call(F.ABTEST_SUMMARY, ...args) as unknown[][];
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(1);
    expect(errorCode(out[0][0])).toBe(code);
  });
});

describe("ABTEST_SAMPLESIZE", () => {
  it("matches scipy: (0.1, 0.2) → 3841 visitors per variant", () => {
    expect(F.ABTEST_SAMPLESIZE(0.1, 0.2)).toBe(3841);
    expect(call(F.ABTEST_SAMPLESIZE, 0.1, 0.2, null, null)).toBe(3841);
  });
  it("handles a negative mde (a drop): (0.1, −0.2) → 3213 (scipy: 3212.937…)", () => {
    expect(F.ABTEST_SAMPLESIZE(0.1, -0.2)).toBe(3213);
  });
  it("uses alpha and power: (0.05, 0.1, 0.01, 0.9) → 59211 (scipy: 59210.049…)", () => {
    expect(F.ABTEST_SAMPLESIZE(0.05, 0.1, 0.01, 0.9)).toBe(59211);
    expect(F.ABTEST_SAMPLESIZE(0.3, 0.05)).toBe(14856); // scipy: 14855.442…
  });
  it.each([
    ["baseline = 0", [0, 0.2]],
    ["baseline = 1", [1, 0.2]],
    ["mde = 0", [0.1, 0]],
    ["p2 = 1.2 (outside (0,1))", [0.6, 1]],
    ["p2 = 0", [0.1, -1]],
    ["alpha = 0", [0.1, 0.2, 0]],
    ["alpha = 1", [0.1, 0.2, 1]],
    ["power = 0", [0.1, 0.2, 0.05, 0]],
    ["power = 1", [0.1, 0.2, 0.05, 1]],
    ["a count beyond the number range", [0.5, 1e-160]],
  ])("%s gives #NUM!", (_name, args) => {
    expect(errorCode(call(F.ABTEST_SAMPLESIZE, ...args))).toBe("#NUM!");
  });
  it("reads percent text and rejects other text", () => {
    expect(call(F.ABTEST_SAMPLESIZE, "10%", "20%")).toBe(3841);
    expect(errorCode(call(F.ABTEST_SAMPLESIZE, "ten percent", 0.2))).toBe("#VALUE!");
  });
});

describe("ABTEST_SRM", () => {
  it("matches scipy: (5000, 5200) → p = 0.0476704", () => {
    close(F.ABTEST_SRM(5000, 5200), 0.0476704);
  });
  it("uses the expected control share: (100, 200, 0.25) → χ² = 11.11, p = 0.000858121 (scipy)", () => {
    close(F.ABTEST_SRM(100, 200, 0.25), 0.0008581206663936758, 1e-9);
    close(call(F.ABTEST_SRM, 5000, 5200, null), 0.0476704);
  });
  it("gives p = 1 for an exact split", () => {
    expect(F.ABTEST_SRM(5000, 5000)).toBe(1);
  });
  it("gives p = 1 when there are no visitors: nothing to test (issue 11 §2; was #NUM!)", () => {
    expect(F.ABTEST_SRM(0, 0)).toBe(1);
  });
  it.each([
    ["share = 0", [5000, 5200, 0]],
    ["share = 1", [5000, 5200, 1]],
    ["negative control", [-1, 5200]],
    ["negative variant", [5000, -1]],
  ])("%s gives #NUM!", (_name, args) => {
    expect(errorCode(call(F.ABTEST_SRM, ...args))).toBe("#NUM!");
  });
  it("gives #VALUE! for text", () => {
    expect(errorCode(call(F.ABTEST_SRM, "half", 5200))).toBe("#VALUE!");
  });
});

describe("ABTEST_TTEST", () => {
  it("matches scipy's Welch test: (52.1, 30.2, 400, 55.8, 31, 410) → p = 0.0856971", () => {
    close(F.ABTEST_TTEST(52.1, 30.2, 400, 55.8, 31, 410), 0.0856971);
    close(call(F.ABTEST_TTEST, 52.1, 30.2, 400, 55.8, 31, 410, null), 0.0856971);
  });
  it("halves p for tails = 1 when the variant mean is larger, and small samples match scipy (p = 0.303626)", () => {
    close(F.ABTEST_TTEST(52.1, 30.2, 400, 55.8, 31, 410, 1), 0.0856971 / 2);
    close(F.ABTEST_TTEST(10, 2, 5, 12, 3, 4), 0.3036257808219387, 1e-9);
  });
  it("works with one standard deviation 0 (df = n − 1 of the other group)", () => {
    // t = 1/√(4/10) = 1.5811, df = 9 → scipy t.sf(1.5811, 9)·2 = 0.148305
    close(F.ABTEST_TTEST(5, 0, 10, 6, 2, 10), 0.1483047073665594, 1e-9);
  });
  it.each([
    ["both sd = 0 gives #DIV/0!", [5, 0, 10, 6, 0, 10], "#DIV/0!"],
    ["#DIV/0! wins over #NUM! (both sd = 0 and n = 1)", [5, 0, 1, 6, 0, 10], "#DIV/0!"],
    ["n < 2 gives #NUM!", [5, 1, 1, 6, 1, 10], "#NUM!"],
    ["negative sd gives #NUM!", [5, -1, 10, 6, 1, 10], "#NUM!"],
    ["tails = 3 gives #NUM!", [5, 1, 10, 6, 1, 10, 3], "#NUM!"],
    ["text gives #VALUE!", [5, 1, "ten", 6, 1, 10], "#VALUE!"],
  ])("%s", (_name, args, code) => {
    expect(errorCode(call(F.ABTEST_TTEST, ...args))).toBe(code);
  });
});
