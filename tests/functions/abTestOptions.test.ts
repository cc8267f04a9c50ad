import { F, call, errorCode, relativeError } from "./helpers";

// Unit tests of the options of issue 11 §2; the many-digit comparisons with R, statsmodels and scipy are in
// optionsAccuracy.test.ts. Each expected value names its source.

const close = (actual: unknown, expected: number, tol: number) => {
  expect(typeof actual).toBe("number");
  expect(relativeError(actual as number, expected)).toBeLessThan(tol);
};
const row = (table: unknown) => (table as unknown[][])[1];

describe("ABTEST_SIG continuity and null_difference", () => {
  it("omitted, FALSE and 0 give today's value bit for bit", () => {
    const today = F.ABTEST_SIG(1000, 100, 1000, 120);
    expect(call(F.ABTEST_SIG, 1000, 100, 1000, 120, null, null, null, null)).toBe(today);
    expect(F.ABTEST_SIG(1000, 100, 1000, 120, 2, "pooled", false, 0)).toBe(today);
    expect(F.ABTEST_SIG(1000, 100, 1000, 120, 2, "unpooled", false, 0)).toBe(
      F.ABTEST_SIG(1000, 100, 1000, 120, 2, "unpooled"),
    );
  });
  it("continuity TRUE is R prop.test(correct = TRUE): X-squared 1.8437180796731358, p 0.17451579008210202", () => {
    close(F.ABTEST_SIG(1000, 100, 1000, 120, 2, "pooled", true), 0.17451579008210202, 1e-12);
  });
  it("with the correction as large as the difference there is no evidence: p = 1 (R: X-squared = 0)", () => {
    expect(F.ABTEST_SIG(100, 10, 100, 11, 2, "pooled", true)).toBe(1);
  });
  it("reads TRUE/FALSE as booleans, numbers or text, and rejects other text with #VALUE!", () => {
    const corrected = F.ABTEST_SIG(1000, 100, 1000, 120, 2, "pooled", true);
    expect(call(F.ABTEST_SIG, 1000, 100, 1000, 120, 2, "pooled", 1)).toBe(corrected);
    expect(call(F.ABTEST_SIG, 1000, 100, 1000, 120, 2, "pooled", "true")).toBe(corrected);
    expect(call(F.ABTEST_SIG, 1000, 100, 1000, 120, 2, "pooled", "FALSE")).toBe(F.ABTEST_SIG(1000, 100, 1000, 120));
    expect(errorCode(call(F.ABTEST_SIG, 1000, 100, 1000, 120, 2, "pooled", "yes"))).toBe("#VALUE!");
    expect(errorCode(call(F.ABTEST_SIG, 0, 100, 1000, 120, 2, "pooled", "yes"))).toBe("#VALUE!");
  });
  it("a non-inferiority test (null_difference −0.02, tails 1) is the score test at δ = −0.02 (statsmodels agrees)", () => {
    // mpmath Farrington–Manning at δ = −0.02; statsmodels test_proportions_2indep(value=−0.02, method='score',
    // alternative='larger') gives the same with its N/(N − 1) factor (reference_values_options.py).
    const p = F.ABTEST_SIG(1000, 100, 1000, 120, 1, "pooled", false, -0.02) as number;
    expect(p).toBeLessThan(0.005); // mpmath: 0.00222198968961…
    expect(F.ABTEST_SIG(1000, 100, 1000, 120, 1, "pooled", false, 0.05)).toBeGreaterThan(0.9);
  });
  it.each([
    ["null_difference = 1", [1000, 100, 1000, 120, 2, "pooled", false, 1]],
    ["null_difference = −1", [1000, 100, 1000, 120, 2, "pooled", false, -1]],
    ["null_difference = ∞", [1000, 100, 1000, 120, 2, "pooled", false, Infinity]],
  ])("%s gives #NUM!", (_name, args) => {
    expect(errorCode(call(F.ABTEST_SIG, ...args))).toBe("#NUM!");
  });
  it("text null_difference gives #VALUE!, before #NUM! of other arguments", () => {
    expect(errorCode(call(F.ABTEST_SIG, 0, 100, 1000, 120, 2, "pooled", false, "small"))).toBe("#VALUE!");
  });
});

describe("ABTEST_SUMMARY options", () => {
  it("spills 2 × 11: the nine columns as before, then the relative-lift interval (Katz log, statsmodels)", () => {
    const out = F.ABTEST_SUMMARY(1000, 100, 1000, 120) as unknown[][];
    expect(out[0].slice(9)).toEqual(["Relative lift CI low", "Relative lift CI high"]);
    // statsmodels confint_proportions_2indep(120, 1000, 100, 1000, compare='ratio', method='log') − 1
    close(out[1][9], -0.06589424893700624, 1e-9);
    close(out[1][10], 0.5415813448973081, 1e-9);
  });
  it("with continuity and method unpooled reports R prop.test(correct = TRUE)'s interval", () => {
    // R: prop.test(c(120, 100), c(1000, 1000), correct = TRUE)$conf.int = −0.0084114819980199394, 0.048411481998019923
    const r = row(F.ABTEST_SUMMARY(1000, 100, 1000, 120, 2, 0.95, "unpooled", true));
    close(r[4], -0.0084114819980199394, 1e-12);
    close(r[5], 0.048411481998019923, 1e-12);
  });
  it("reports z and p at the null difference, and is significant exactly when the interval excludes it", () => {
    const r = row(F.ABTEST_SUMMARY(1000, 100, 1000, 120, 1, 0.95, "pooled", false, -0.02));
    expect(r[7]).toBe(F.ABTEST_SIG(1000, 100, 1000, 120, 1, "pooled", false, -0.02));
    expect(r[8]).toBe(true);
    expect(r[4] as number).toBeGreaterThan(-0.02);
    expect(r[5]).toBe(1);
  });
  it("one-sided: the relative-lift upper bound is #NUM! (none); an arm without conversions: #DIV/0! in both", () => {
    expect(errorCode(row(F.ABTEST_SUMMARY(1000, 100, 1000, 120, 1))[10])).toBe("#NUM!");
    const r = row(F.ABTEST_SUMMARY(100, 0, 100, 5));
    expect([errorCode(r[9]), errorCode(r[10])]).toEqual(["#DIV/0!", "#DIV/0!"]);
  });
});

describe("ABTEST_TTEST equal_variance and null_difference", () => {
  it("equal_variance TRUE is scipy's default Student test: ttest_ind_from_stats(55.8,31,410,52.1,30.2,400)", () => {
    // scipy 1.10: pvalue 0.0857981211783102
    close(F.ABTEST_TTEST(52.1, 30.2, 400, 55.8, 31, 410, 2, true), 0.0857981211783102, 1e-9);
    expect(call(F.ABTEST_TTEST, 52.1, 30.2, 400, 55.8, 31, 410, null, null, null)).toBe(
      F.ABTEST_TTEST(52.1, 30.2, 400, 55.8, 31, 410),
    );
  });
  it("null_difference shifts the variant mean (R t.test(mu = δ))", () => {
    const shifted = F.ABTEST_TTEST(52.1, 30.2, 400, 54.3, 31, 410) as number;
    close(F.ABTEST_TTEST(52.1, 30.2, 400, 55.8, 31, 410, 2, false, 1.5), shifted, 1e-12);
    expect(errorCode(call(F.ABTEST_TTEST, 52.1, 30.2, 400, 55.8, 31, 410, 2, "maybe"))).toBe("#VALUE!");
    expect(errorCode(call(F.ABTEST_TTEST, 52.1, 30.2, 400, 55.8, 31, 410, 2, false, Infinity))).toBe("#NUM!");
  });
});

describe("ABTEST_SAMPLESIZE, ABTEST_POWER and ABTEST_MDE", () => {
  it("reproduce R's documented examples (?power.prop.test)", () => {
    // power.prop.test(n = 50, p1 = .50, p2 = .75)      => power = 0.7401659
    close(F.ABTEST_POWER(0.5, 0.5, 50), 0.7401659, 1e-7);
    // power.prop.test(p1 = .50, p2 = .75, power = .90) => n = 76.70693, so 77 per group
    expect(F.ABTEST_SAMPLESIZE(0.5, 0.5, 0.05, 0.9)).toBe(77);
    // power.prop.test(n = 50, p1 = .5, power = .90)    => p2 = 0.8026141, found by uniroot to its default
    // tolerance (≈1.2e-4); with tol = 1e-14 R agrees to 1e-12 (optionsAccuracy.test.ts).
    close(F.ABTEST_MDE(0.5, 50, 0.05, 0.9), 0.8026141 / 0.5 - 1, 1e-4);
  });
  it("keep today's sample size when tails and ratio are omitted, 1-sided needs fewer, 2:1 needs fewer in control", () => {
    expect(call(F.ABTEST_SAMPLESIZE, 0.1, 0.2, null, null, null, null)).toBe(3841);
    expect(F.ABTEST_SAMPLESIZE(0.1, 0.2, 0.05, 0.8, 2, 1)).toBe(3841);
    expect(F.ABTEST_SAMPLESIZE(0.1, 0.2, 0.05, 0.8, 1) as number).toBeLessThan(3841);
    expect(F.ABTEST_SAMPLESIZE(0.1, 0.2, 0.05, 0.8, 2, 2) as number).toBeLessThan(3841);
  });
  it("power at ABTEST_SAMPLESIZE's n reaches the target, and one visitor fewer does not", () => {
    expect(F.ABTEST_POWER(0.1, 0.2, 3841) as number).toBeGreaterThanOrEqual(0.8);
    expect(F.ABTEST_POWER(0.1, 0.2, 3840) as number).toBeLessThan(0.8);
  });
  it("MDE at that n is just below the planned 20%", () => {
    const mde = F.ABTEST_MDE(0.1, 3841) as number;
    expect(mde).toBeLessThanOrEqual(0.2);
    expect(mde).toBeGreaterThan(0.1999);
  });
  it.each([
    ["power: n < 1", F.ABTEST_POWER, [0.1, 0.2, 0.5]],
    ["power: ratio 0", F.ABTEST_POWER, [0.1, 0.2, 1000, 0.05, 2, 0]],
    ["power: tails 3", F.ABTEST_POWER, [0.1, 0.2, 1000, 0.05, 3]],
    ["power: p2 above 1", F.ABTEST_POWER, [0.9, 0.2, 1000]],
    ["MDE: no lift up to 100% reaches the power", F.ABTEST_MDE, [0.9, 2, 0.05, 0.99]],
    ["MDE: power 1", F.ABTEST_MDE, [0.1, 1000, 0.05, 1]],
    ["sample size: ratio −1", F.ABTEST_SAMPLESIZE, [0.1, 0.2, 0.05, 0.8, 2, -1]],
  ])("%s gives #NUM!", (_name, fn, args) => {
    expect(errorCode(call(fn, ...args))).toBe("#NUM!");
  });
});

describe("omitted options take their defaults", () => {
  it("ABTEST_POWER, ABTEST_MDE and ABTEST_SUMMARY: blank (null) arguments equal the written defaults", () => {
    expect(call(F.ABTEST_POWER, 0.1, 0.2, 3841, null, null, null)).toBe(F.ABTEST_POWER(0.1, 0.2, 3841, 0.05, 2, 1));
    expect(call(F.ABTEST_MDE, 0.1, 3841, null, null, null, null)).toBe(F.ABTEST_MDE(0.1, 3841, 0.05, 0.8, 2, 1));
    expect(call(F.ABTEST_SUMMARY, 1000, 100, 1000, 120, null, null, null, null, null)).toEqual(
      F.ABTEST_SUMMARY(1000, 100, 1000, 120, 2, 0.95, "pooled", false, 0),
    );
    expect(call(F.ABTEST_SRM, 5000, 5200, null)).toBe(F.ABTEST_SRM(5000, 5200, 0.5));
  });
});

describe("ABTEST_SRM with k arms", () => {
  it("matches scipy chisquare([500, 500, 600]) p = 0.0019305 (exactly e^(−6.25) with 2 df)", () => {
    close(F.ABTEST_SRM([[500, 500, 600]]), Math.exp(-6.25), 1e-13);
    close(F.ABTEST_SRM([[500], [500], [600]]), 0.0019305, 5e-5);
  });
  it("a range of two counts equals the two-number form; shares are divided by their sum", () => {
    expect(F.ABTEST_SRM([[5000, 5200]])).toBe(F.ABTEST_SRM(5000, 5200));
    close(
      F.ABTEST_SRM([[300, 700]], null as unknown as number, [[3, 7]]),
      F.ABTEST_SRM(300, 700, 0.3) as number,
      1e-12,
    );
    expect(F.ABTEST_SRM([[100, 200, 300]], null as unknown as number, [[1, 2, 3]])).toBe(1);
  });
  it.each([
    ["one count and no variant_visitors", [5000]],
    ["one count, variant_visitors blank", [5000, null]],
    ["a one-cell range", [[[5000]]]],
    [
      "a 2 × 2 block",
      [
        [
          [500, 510],
          [480, 530],
        ],
      ],
    ],
    [
      "a 2 × 3 block",
      [
        [
          [500, 510, 505],
          [480, 530, 500],
        ],
      ],
    ],
  ])("%s gives #VALUE! (fewer than 2 arms, or a block whose arms would be a guess; issue 16 §1)", (_n, args) => {
    expect(errorCode(call(F.ABTEST_SRM, ...(args as unknown[])))).toBe("#VALUE!");
  });
  it("a column of arms still works like a row", () => {
    expect(F.ABTEST_SRM([[500], [500], [600]])).toBe(F.ABTEST_SRM([[500, 500, 600]]));
  });
  it("no visitors at all gives p = 1 (nothing to test), in either form", () => {
    expect(F.ABTEST_SRM(0, 0)).toBe(1);
    expect(F.ABTEST_SRM([[0, 0, 0]])).toBe(1);
  });
  it.each([
    ["variant_visitors beside a range", [[[500, 500, 600]], 10], "#VALUE!"],
    ["shares of another size", [[[500, 500, 600]], null, [[1, 1]]], "#VALUE!"],
    ["a blank count", [[[500, null, 600]]], "#VALUE!"],
    ["a text count", [[[500, "many", 600]]], "#VALUE!"],
    ["a negative count", [[[500, -1, 600]]], "#NUM!"],
    ["a zero share", [[[500, 500, 600]], null, [[1, 0, 1]]], "#NUM!"],
  ])("%s gives %s", (_name, args, code) => {
    expect(errorCode(call(F.ABTEST_SRM, ...(args as unknown[])))).toBe(code);
  });
});
