import { F, call, errorCode } from "./helpers";

// The error rules applied to every function at once: when several error conditions hold, #VALUE! (an
// unparseable argument) wins over the #DIV/0! conditions, which win over the #NUM! conditions; an overflowing result
// is #NUM!; an omitted optional argument (null) means its documented default. Each case combines conditions from
// the table, so an implementation that checks them in another order fails here.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => unknown;

/** A scalar result, or the single error of a spilled one (ABTEST_SUMMARY spills one error cell). */
function code(fn: Fn, args: unknown[]): string | undefined {
  const out = call(fn, ...args);
  return Array.isArray(out) ? errorCode(out[0][0]) : errorCode(out);
}

describe("#VALUE! wins over every #DIV/0! condition", () => {
  it.each<[string, Fn, unknown[]]>([
    ["LTV_CAC(text, cac = 0)", F.LTV_CAC, ["n/a", 0]],
    ["LTV(text arpu, churn = 0, d = 0)", F.LTV, ["n/a", 0.8, 0, 0]],
    ["LTV(d + churn = 0, text discount)", F.LTV, [50, 0.8, 0, "ten"]],
    ["CAC(text, new = 0)", F.CAC, ["n/a", 0]],
    ["CAC_PAYBACK(text, arpu = 0)", F.CAC_PAYBACK, ["n/a", 0, 0.8]],
    ["ROI(text revenue, cost = 0)", F.ROI, ["n/a", 0]],
    ["RETENTION(text, cohort = 0)", F.RETENTION, ["n/a", 0]],
    ["CRR(start = 0, text end)", F.CRR, [0, "n/a", 30]],
    ["ABTEST_TTEST(both sd = 0, text tails)", F.ABTEST_TTEST, [5, 0, 10, 6, 0, 10, "two"]],
  ])("%s is #VALUE!", (_name, fn, args) => {
    expect(code(fn, args)).toBe("#VALUE!");
  });
});

describe("#VALUE! wins over every #NUM! condition", () => {
  it.each<[string, Fn, unknown[]]>([
    ["LTV_CAC(−1, text)", F.LTV_CAC, [-1, "n/a"]],
    ["LTV(margin 1.5, text churn)", F.LTV, [50, 1.5, "n/a"]],
    ["CAC(−1, text)", F.CAC, [-1, "n/a"]],
    ["ROI(text revenue, cost < 0)", F.ROI, ["n/a", -1]],
    ["ROI(cost < 0, unknown basis)", F.ROI, [3800, -1, "gross"]],
    ["RETENTION(retained < 0, text cohort)", F.RETENTION, [-5, "n/a"]],
    ["CRR(new > end, text start)", F.CRR, ["n/a", 20, 30]],
    ["ABTEST_SIG(visitors 0, tails text)", F.ABTEST_SIG, [0, 0, 1000, 120, "two"]],
    ["ABTEST_SUMMARY(conversions > visitors, text variant visitors)", F.ABTEST_SUMMARY, [1000, 1001, "many", 120]],
    ["ABTEST_SAMPLESIZE(baseline 2, text mde)", F.ABTEST_SAMPLESIZE, [2, "n/a"]],
    ["ABTEST_SAMPLESIZE(alpha 5, text power)", F.ABTEST_SAMPLESIZE, [0.1, 0.2, 5, "n/a"]],
    ["ABTEST_SRM(negative control, text share)", F.ABTEST_SRM, [-1, 5200, "half"]],
    ["ABTEST_TTEST(n = 1, text mean)", F.ABTEST_TTEST, [5, 1, 1, "n/a", 1, 10]],
  ])("%s is #VALUE!", (_name, fn, args) => {
    expect(code(fn, args)).toBe("#VALUE!");
  });
});

describe("#DIV/0! wins over every #NUM! condition", () => {
  it.each<[string, Fn, unknown[]]>([
    ["CAC(spend < 0, new = 0)", F.CAC, [-1, 0]],
    ["CAC_PAYBACK(arpu = 0, margin < 0)", F.CAC_PAYBACK, [300, 0, -0.8]],
    ["LTV(arpu < 0, margin 2, d + churn = 0)", F.LTV, [-50, 2, 0]],
    ["RETENTION(retained < 0, cohort = 0)", F.RETENTION, [-5, 0]],
    ["CRR(start = 0, new > end)", F.CRR, [0, 20, 30]],
    ["CRR(start = 0, negative end)", F.CRR, [0, -20, 0]],
    ["ABTEST_TTEST(both sd = 0, n = 1 both, tails = 3)", F.ABTEST_TTEST, [5, 0, 1, 6, 0, 1, 3]],
  ])("%s is #DIV/0!", (_name, fn, args) => {
    expect(code(fn, args)).toBe("#DIV/0!");
  });
});

describe("an overflowing result is #NUM!, never Infinity", () => {
  // Each quotient exceeds the largest double (≈1.8e308): 1e308 / 1e-10 = 1e318.
  it.each<[string, Fn, unknown[]]>([
    ["LTV_CAC(1e308, 1e-10)", F.LTV_CAC, [1e308, 1e-10]],
    ["CAC(1e308, 1e-10)", F.CAC, [1e308, 1e-10]],
    ["CAC_PAYBACK(1e308, 1e-10, 0.5)", F.CAC_PAYBACK, [1e308, 1e-10, 0.5]],
    ["ROI(1e308, 1e-10)", F.ROI, [1e308, 1e-10]],
    ['ROI(1e308, 1e-10, "net")', F.ROI, [1e308, 1e-10, "net"]],
    ["CRR(1e-300, 1e300, 0)", F.CRR, [1e-300, 1e300, 0]],
  ])("%s is #NUM!", (_name, fn, args) => {
    expect(code(fn, args)).toBe("#NUM!");
  });
});

describe("ABTEST_SUMMARY has the error rows of ABTEST_SIG", () => {
  it.each<[string, unknown[]]>([
    ["visitors = 0", [0, 0, 1000, 120]],
    ["negative variant visitors", [1000, 100, -1000, 120]],
    ["negative conversions", [1000, -1, 1000, 120]],
    ["tails = 3", [1000, 100, 1000, 120, 3]],
    ["tails = 1.5", [1000, 100, 1000, 120, 1.5]],
    ["confidence above 1", [1000, 100, 1000, 120, 2, 95]],
  ])("%s spills a single #NUM!", (_name, args) => {
    const out = call(F.ABTEST_SUMMARY, ...args) as unknown[][];
    expect(out).toEqual([[expect.anything()]]);
    expect(errorCode(out[0][0])).toBe("#NUM!");
  });

  it("judges significance with the chosen tails: p one-sided 0.0765 < 0.1 but two-sided 0.1529 is not", () => {
    // p values of (1000,100,1000,120) from the issue: two-sided 0.152918, one-sided half of it.
    expect((F.ABTEST_SUMMARY(1000, 100, 1000, 120, 1, 0.9) as unknown[][])[1][8]).toBe(true);
    expect((F.ABTEST_SUMMARY(1000, 100, 1000, 120, 2, 0.9) as unknown[][])[1][8]).toBe(false);
  });
});

describe("ABTEST_TTEST error rows apply to the variant group as well", () => {
  it.each<[string, unknown[]]>([
    ["n_v = 1", [5, 1, 10, 6, 1, 1]],
    ["negative sd_v", [5, 1, 10, 6, -1, 10]],
    ["tails = 0", [5, 1, 10, 6, 1, 10, 0]],
  ])("%s gives #NUM!", (_name, args) => {
    expect(code(F.ABTEST_TTEST, args)).toBe("#NUM!");
  });
});

describe("each omitted optional argument (null) is its documented default, one at a time", () => {
  // Defaults from the table: discount_rate 0, basis "ratio", tails 2, confidence 0.95, alpha 0.05,
  // power 0.8, expected_control_share 0.5. The other optional argument is given a non-default value, so a default
  // applied to the wrong position fails.
  it.each<[string, Fn, unknown[], unknown[]]>([
    ["LTV discount_rate", F.LTV, [50, 0.8, 0.05, null], [50, 0.8, 0.05, 0]],
    ["ROI basis", F.ROI, [900, 1000, null], [900, 1000, "ratio"]],
    ["ABTEST_SIG tails", F.ABTEST_SIG, [1000, 100, 1000, 120, null], [1000, 100, 1000, 120, 2]],
    ["ABTEST_SUMMARY tails", F.ABTEST_SUMMARY, [1000, 100, 1000, 120, null, 0.8], [1000, 100, 1000, 120, 2, 0.8]],
    ["ABTEST_SUMMARY confidence", F.ABTEST_SUMMARY, [1000, 100, 1000, 120, 1, null], [1000, 100, 1000, 120, 1, 0.95]],
    ["ABTEST_SAMPLESIZE alpha", F.ABTEST_SAMPLESIZE, [0.05, 0.1, null, 0.9], [0.05, 0.1, 0.05, 0.9]],
    ["ABTEST_SAMPLESIZE power", F.ABTEST_SAMPLESIZE, [0.05, 0.1, 0.01, null], [0.05, 0.1, 0.01, 0.8]],
    ["ABTEST_SRM expected_control_share", F.ABTEST_SRM, [5000, 5200, null], [5000, 5200, 0.5]],
    ["ABTEST_TTEST tails", F.ABTEST_TTEST, [52.1, 30.2, 400, 55.8, 31, 410, null], [52.1, 30.2, 400, 55.8, 31, 410, 2]],
  ])("%s", (_name, fn, omitted, explicit) => {
    const result = call(fn, ...omitted);
    expect(errorCode(Array.isArray(result) ? result[1][0] : result)).toBeUndefined();
    expect(result).toEqual(call(fn, ...explicit));
  });

  it("ABTEST_SAMPLESIZE(0.1, 0.2, null, 0.9) uses alpha 0.05 with power 0.9: 5142 visitors", () => {
    // The formula with Python's statistics.NormalDist().inv_cdf: z₀.₉₇₅ = 1.9599640, z₀.₉ = 1.2815516,
    // p̄ = 0.11: (1.9599640·√0.1958 + 1.2815516·√0.1956)² / 0.02² = 5141.306 → 5142
    expect(call(F.ABTEST_SAMPLESIZE, 0.1, 0.2, null, 0.9)).toBe(5142);
  });
});
