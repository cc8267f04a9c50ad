/**
 * The preview's chart geometry (tools/preview/chartGeometry.ts), each expected value worked by hand from the rules
 * the functions state: Heckbert's nice numbers (Graphics Gems, 1990: 1, 2 or 5 × 10^k), Excel's automatic axis
 * (zero-based unless the values span less than a sixth of the largest; 5% of the span as headroom).
 */
import {
  labelEvery,
  linePath,
  niceNumber,
  textWidth,
  tickLabel,
  valueAxis,
} from "../../../tools/preview/chartGeometry";

describe("niceNumber", () => {
  it("gives Heckbert's nice numbers, rounded or not below", () => {
    // 0.015 = 1.5 × 10^-2: the smallest of 1, 2, 5, 10 not below 1.5 is 2 → 0.02.
    expect(niceNumber(0.015, false)).toBe(0.02);
    // 0.00417 = 4.17 × 10^-3: nearest (Heckbert's cut-offs 1.5, 3, 7) is 5 → 0.005.
    expect(niceNumber(0.00417, true)).toBe(0.005);
    // 2165 = 2.165 × 10^3 → 2 → 2000; 7.5 → 10.
    expect(niceNumber(2165, true)).toBe(2000);
    expect(niceNumber(7.5, true)).toBe(10);
  });
});

describe("valueAxis", () => {
  it("starts a spread of rates at zero with headroom above the largest", () => {
    // Search's complaint rates in the small report and its 1% threshold: 0.003–0.02, span 0.017 > 0.02 / 6 → from 0;
    // top 0.02 + 0.05 × 0.017 = 0.02085; step nice(0.02085 / 5 = 0.00417) = 0.005; top multiple 0.025.
    expect(valueAxis([0.005, 0.02, 0.004, 0.003, 0.01, 0.01, 0.01, 0.01])).toEqual({
      min: 0,
      max: 0.025,
      step: 0.005,
      ticks: [0, 0.005, 0.01, 0.015, 0.02, 0.025],
    });
  });

  it("starts near the values when they span less than a sixth of the largest", () => {
    // 100–102: span 2 < 102 / 6 → not from zero; top 102.1; step nice(2.1 / 5 = 0.42) = 0.5; 100 to 102.5.
    expect(valueAxis([100, 101, 102])).toEqual({
      min: 100,
      max: 102.5,
      step: 0.5,
      ticks: [100, 100.5, 101, 101.5, 102, 102.5],
    });
  });

  it("skips gaps, ends at zero for negative values, and gives 0 to 1 for nothing to plot", () => {
    // 1–3 (NaN is a gap): from 0; top 3.1; step nice(0.62) = 0.5; 0 to 3.5.
    expect(valueAxis([NaN, 1, 3]).ticks).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
    // −5 to −1: span 4 > 5 / 6 → up to 0; step nice(1) = 1.
    expect(valueAxis([-5, -1])).toMatchObject({ min: -5, max: 0, step: 1 });
    // No values: 0 to 1 in steps of nice(0.2) = 0.2.
    expect(valueAxis([])).toMatchObject({ min: 0, max: 1, step: 0.2 });
    // One level, 4: from 0 to 4 in steps of nice(0.8) = 1.
    expect(valueAxis([4, 4])).toMatchObject({ min: 0, max: 4, step: 1 });
  });
});

describe("tickLabel", () => {
  it("shows General numbers with the step's decimals and percent formats with theirs", () => {
    expect(tickLabel(0.005, 0.005)).toBe("0.005");
    expect(tickLabel(10000, 2000)).toBe("10000");
    expect(tickLabel(0.25, 0.05, "0%")).toBe("25%");
    expect(tickLabel(0.015, 0.005, "0.0%")).toBe("1.5%");
  });
});

describe("labelEvery and linePath", () => {
  it("thins labels to fit and breaks a line at empty values", () => {
    // 56 labels of 68 px under 700 px: 56 × 68 / 700 = 5.44 → every 6th.
    expect(labelEvery(56, 68, 700)).toBe(6);
    expect(labelEvery(4, 68, 700)).toBe(1);
    expect(
      linePath(
        [1, NaN, 3, 4],
        (i) => i * 10,
        (v) => 100 - v,
      ),
    ).toBe("M0.0 99.0 M20.0 97.0 L30.0 96.0");
  });
});

describe("textWidth", () => {
  it("counts a Chinese character as a full em and a Latin one or digit as 0.6 em", () => {
    // "Mar 2": 5 characters × 0.6 × 10 px = 30 px; "3月2日": 2 digits × 0.6 + 2 ideographs × 1 = 3.2 em = 32 px.
    expect(textWidth("Mar 2", 10)).toBeCloseTo(30, 10);
    expect(textWidth("3月2日", 10)).toBeCloseTo(32, 10);
  });
});
