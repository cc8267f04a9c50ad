import { F, call, errorCode } from "./helpers";

// Worked examples are computed by hand in the comments; each error row of the table has a case.

describe("LTV_CAC", () => {
  it("divides lifetime value by acquisition cost (900 / 300 = 3)", () => {
    expect(F.LTV_CAC(900, 300)).toBe(3);
    expect(F.LTV_CAC(0, 120)).toBe(0);
  });
  it.each([
    ["cac = 0 gives #DIV/0!", [100, 0], "#DIV/0!"],
    ["ltv < 0 gives #NUM!", [-1, 100], "#NUM!"],
    ["cac < 0 gives #NUM!", [100, -1], "#NUM!"],
    ["#DIV/0! wins over #NUM! (ltv < 0 and cac = 0)", [-1, 0], "#DIV/0!"],
    ["unparseable text gives #VALUE!", ["lots", 100], "#VALUE!"],
    ["#VALUE! wins over #DIV/0!", ["lots", 0], "#VALUE!"],
  ])("%s", (_name, args, code) => {
    expect(errorCode(call(F.LTV_CAC, ...args))).toBe(code);
  });
  it("reads numeric text and booleans as Excel does", () => {
    expect(call(F.LTV_CAC, "1,200", "400")).toBe(3); // 1200 / 400
    expect(call(F.LTV_CAC, " 50% ", true)).toBe(0.5); // 0.5 / 1
  });
});

describe("LTV", () => {
  it("is arpu·margin/churn without discounting (50 × 0.8 / 0.05 = 800)", () => {
    expect(F.LTV(50, 0.8, 0.05)).toBeCloseTo(800, 10);
  });
  it("treats an omitted (null) discount rate as 0", () => {
    expect(call(F.LTV, 50, 0.8, 0.05, null)).toBeCloseTo(800, 10);
  });
  it("discounts future periods: 50 × 0.8 × 1.01 / (0.01 + 0.05) = 673.33…", () => {
    expect(F.LTV(50, 0.8, 0.05, 0.01)).toBeCloseTo(40.4 / 0.06, 9);
  });
  it.each([
    ["d + churn = 0 gives #DIV/0!", [50, 0.8, 0], "#DIV/0!"],
    ["#DIV/0! wins over #NUM! (d = −0.1, churn = 0.1)", [50, 0.8, 0.1, -0.1], "#DIV/0!"],
    ["margin above 1 gives #NUM!", [50, 1.2, 0.05], "#NUM!"],
    ["negative margin gives #NUM!", [50, -0.1, 0.05], "#NUM!"],
    ["churn above 1 gives #NUM!", [50, 0.8, 1.5], "#NUM!"],
    ["negative churn gives #NUM!", [50, 0.8, -0.1, 0.2], "#NUM!"],
    ["negative arpu gives #NUM!", [-50, 0.8, 0.05], "#NUM!"],
    ["negative discount rate gives #NUM!", [50, 0.8, 0.05, -0.01], "#NUM!"],
    ["an overflowing result gives #NUM!", [1e308, 1, 1e-10], "#NUM!"],
    ["unparseable discount text gives #VALUE!", [50, 0.8, 0.05, "ten"], "#VALUE!"],
  ])("%s", (_name, args, code) => {
    expect(errorCode(call(F.LTV, ...args))).toBe(code);
  });
  it("accepts rates written as percentages in text", () => {
    expect(call(F.LTV, "50", "80%", "5%")).toBeCloseTo(800, 10);
  });
});

describe("CAC", () => {
  it("divides spend by new customers (12000 / 40 = 300)", () => {
    expect(F.CAC(12000, 40)).toBe(300);
  });
  it.each([
    ["new customers = 0 gives #DIV/0!", [12000, 0], "#DIV/0!"],
    ["negative spend gives #NUM!", [-1, 40], "#NUM!"],
    ["negative customers gives #NUM!", [12000, -40], "#NUM!"],
    ["text gives #VALUE!", [12000, "forty"], "#VALUE!"],
  ])("%s", (_name, args, code) => {
    expect(errorCode(call(F.CAC, ...args))).toBe(code);
  });
  it("treats a blank (null) required argument as 0, like a blank cell in arithmetic", () => {
    expect(errorCode(call(F.CAC, 12000, null))).toBe("#DIV/0!");
    expect(call(F.CAC, null, 40)).toBe(0);
  });
});

describe("CAC_PAYBACK", () => {
  it("is cac / (arpu·margin) periods (300 / (50 × 0.8) = 7.5)", () => {
    expect(F.CAC_PAYBACK(300, 50, 0.8)).toBeCloseTo(7.5, 12);
  });
  it.each([
    ["arpu = 0 gives #DIV/0!", [300, 0, 0.8], "#DIV/0!"],
    ["margin = 0 gives #DIV/0!", [300, 50, 0], "#DIV/0!"],
    ["#DIV/0! wins over #NUM! (cac < 0, margin = 0)", [-300, 50, 0], "#DIV/0!"],
    ["negative cac gives #NUM!", [-300, 50, 0.8], "#NUM!"],
    ["negative arpu gives #NUM!", [300, -50, 0.8], "#NUM!"],
    ["negative margin gives #NUM!", [300, 50, -0.8], "#NUM!"],
    ["text gives #VALUE!", ["x", 50, 0.8], "#VALUE!"],
  ])("%s", (_name, args, code) => {
    expect(errorCode(call(F.CAC_PAYBACK, ...args))).toBe(code);
  });
});

describe("ROI", () => {
  it("is revenue / cost by default: the seed's 1:3.8 gives 3.8", () => {
    expect(F.ROI(3800, 1000)).toBeCloseTo(3.8, 12);
    expect(call(F.ROI, 3800, 1000, null)).toBeCloseTo(3.8, 12);
  });
  it('is (revenue − cost) / cost with basis "net", case-insensitive', () => {
    expect(F.ROI(3800, 1000, "net")).toBeCloseTo(2.8, 12);
    expect(F.ROI(3800, 1000, "NET")).toBeCloseTo(2.8, 12);
    expect(F.ROI(3800, 1000, "Ratio")).toBeCloseTo(3.8, 12);
    expect(F.ROI(900, 1000, "net")).toBeCloseTo(-0.1, 12);
  });
  it('computes "net" as (revenue − cost) ÷ cost, so a profit near break-even keeps its digits (issue 16 §1)', () => {
    // (1,000,001 − 1,000,000) ÷ 1,000,000 = 10⁻⁶ exactly: one correctly rounded division gives the double nearest 10⁻⁶;
    // revenue/cost − 1 gives 9.999999999177334e−7 (8·10⁻¹¹ off).
    expect(F.ROI(1000001, 1000000, "net")).toBe(1e-6);
    // 3.0000001/3 − 1 loses 9 digits; (r − c)/c is exact to rounding: 10⁻⁷/3 (relative error ≤ 2⁻⁵² after the exact
    // subtraction of nearby doubles, Sterbenz)
    expect(Math.abs((F.ROI(3.0000001, 3, "net") as number) / (1e-7 / 3) - 1)).toBeLessThan(1e-8);
  });
  it.each([
    ["cost = 0 gives #DIV/0!", [3800, 0], "#DIV/0!"],
    ["negative cost gives #NUM!", [3800, -1000], "#NUM!"],
    ["an unknown basis gives #VALUE!", [3800, 1000, "gross"], "#VALUE!"],
    ["a numeric basis gives #VALUE!", [3800, 1000, 1], "#VALUE!"],
    ["#VALUE! (basis) wins over #DIV/0! (cost = 0)", [3800, 0, "gross"], "#VALUE!"],
    ["unparseable revenue gives #VALUE!", ["abc", 1000], "#VALUE!"],
  ])("%s", (_name, args, code) => {
    expect(errorCode(call(F.ROI, ...args))).toBe(code);
  });
});

describe("RETENTION", () => {
  it("divides retained by cohort users (420 / 1000 = 0.42)", () => {
    expect(F.RETENTION(420, 1000)).toBeCloseTo(0.42, 15);
  });
  it.each([
    ["RETENTION(5, 0) is #DIV/0! although 5 > 0 is also a #NUM! condition", [5, 0], "#DIV/0!"],
    ["retained above cohort gives #NUM!", [1200, 1000], "#NUM!"],
    ["negative retained gives #NUM!", [-1, 1000], "#NUM!"],
    ["negative cohort gives #NUM!", [1, -1000], "#NUM!"],
    ["text gives #VALUE!", ["many", 1000], "#VALUE!"],
  ])("%s", (_name, args, code) => {
    expect(errorCode(call(F.RETENTION, ...args))).toBe(code);
  });
});

describe("CRR", () => {
  it("is (end − new) / start: (210 − 30) / 200 = 0.9", () => {
    expect(F.CRR(200, 210, 30)).toBeCloseTo(0.9, 15);
  });
  it.each([
    ["start = 0 gives #DIV/0!", [0, 210, 30], "#DIV/0!"],
    ["new above end gives #NUM!", [200, 20, 30], "#NUM!"],
    ["negative start gives #NUM!", [-200, 210, 30], "#NUM!"],
    ["negative end gives #NUM!", [200, -210, 30], "#NUM!"],
    ["negative new gives #NUM!", [200, 210, -30], "#NUM!"],
    ["text gives #VALUE!", [200, "x", 30], "#VALUE!"],
  ])("%s", (_name, args, code) => {
    expect(errorCode(call(F.CRR, ...args))).toBe(code);
  });
});
