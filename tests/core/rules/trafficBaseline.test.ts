/**
 * The traffic baseline (issue 12 §1), on the worked example: weekdays 10,000 visits, weekends 5,500.
 * By hand: on a Saturday the previous-7 mean is (5 × 10,000 + 2 × 5,500) / 7 = 8,714.29 and 70% of it is 6,100 >
 * 5,500, so "previous" fires every weekend; the same-weekday mean of earlier Saturdays is 5,500 (70%: 3,850).
 */
import { isWeeklyRhythmReal, trafficBaselines, weeklyRhythm } from "../../../src/core/rules/trafficBaseline";

const MONDAY = Date.UTC(2026, 0, 5) / 86_400_000; // 2026-01-05, a Monday

function weeks(n: number, weekday = 10_000, weekend = 5_500): { values: number[]; days: number[] } {
  const values: number[] = [];
  const days: number[] = [];
  for (let i = 0; i < 7 * n; i++) {
    days.push(MONDAY + i);
    values.push(i % 7 >= 5 ? weekend : weekday);
  }
  return { values, days };
}

describe("weeklyRhythm", () => {
  it("finds the B2B rhythm: weekend factor 5,500 / 8,714.29 = 0.6311, dip 36.9%, all variance explained", () => {
    const { values, days } = weeks(8);
    const r = weeklyRhythm(values, days);
    const saturday = (((MONDAY + 5) % 7) + 7) % 7;
    expect(r.factors[saturday]).toBeCloseTo(5_500 / (61_000 / 7), 10);
    expect(r.dip).toBeCloseTo(1 - 5_500 / (61_000 / 7), 10);
    expect(r.explained).toBeCloseTo(1, 10);
    expect(isWeeklyRhythmReal(r, 0.3)).toBe(true);
  });

  it("no rhythm in flat traffic, nor in a mild one (weekends 0.9: dip 7% < 15%)", () => {
    const flat = weeks(8, 10_000, 10_000);
    expect(isWeeklyRhythmReal(weeklyRhythm(flat.values, flat.days), 0.3)).toBe(false);
    const mild = weeks(8, 10_000, 9_000);
    // dip = 1 − 9,000 / (68,000 / 7) = 0.0735
    expect(weeklyRhythm(mild.values, mild.days).dip).toBeCloseTo(1 - 9_000 / (68_000 / 7), 10);
    expect(isWeeklyRhythmReal(weeklyRhythm(mild.values, mild.days), 0.3)).toBe(false);
  });
});

describe("trafficBaselines", () => {
  it('"previous" on a Saturday: the previous-7 mean 8,714.29, so 5,500 < 6,100 fires', () => {
    const { values, days } = weeks(8);
    const b = trafficBaselines(values, days, true, "previous", 7, 0.3);
    const sat = 5; // the first Saturday: 5 weekdays before it, mean 10,000 → 5,500 < 7,000 fires
    expect(b.mean[sat]).toBe(10_000);
    expect(b.drop[sat]).toBe(1);
    // The first Sunday compares with the same 5 weekdays: the Saturday was a drop and is left out.
    expect(b.mean[sat + 1]).toBe(10_000);
    // The second Saturday: every weekend so far was a drop, so the mean is of 7 weekdays (not 61,000 / 7 = 8,714.29).
    expect(b.mean[7 + 5]).toBe(10_000);
    expect(b.drop[7 + 5]).toBe(1);
  });

  it('"auto" on the B2B rhythm compares a Saturday with earlier Saturdays: 5,500 vs 5,500, no alarm', () => {
    const { values, days } = weeks(8);
    const b = trafficBaselines(values, days, true, "auto", 7, 0.3);
    let alarms = 0;
    for (let p = 0; p < values.length; p++) if (values[p] < 0.7 * b.mean[p]) alarms++;
    expect(alarms).toBe(0);
    // Week 6's Saturday (position 40) has 4 earlier Saturdays, all 5,500.
    expect([b.mean[40], b.count[40], b.sameWeekday[40]]).toEqual([5_500, 4, 1]);
  });

  it('"auto" catches a real 40% Saturday drop: 3,300 < 0.7 × 5,500 = 3,850', () => {
    const { values, days } = weeks(8);
    values[40] = 3_300;
    const b = trafficBaselines(values, days, true, "auto", 7, 0.3);
    expect(b.mean[40]).toBe(5_500);
    expect(values[40] < 0.7 * b.mean[40]).toBe(true);
  });

  it("falls back to the previous values while fewer than 2 earlier same weekdays exist, and says so", () => {
    // A rhythm that is not real (flat weekdays, one Saturday 20% lower): the fallback is the plain previous mean.
    const { values, days } = weeks(8, 10_000, 10_000);
    values[12] = 8_000;
    const b = trafficBaselines(values, days, true, "sameWeekday", 7, 0.3);
    // Second Saturday (12): one earlier Saturday → previous-7 mean 10,000; third Saturday (19): two → their mean.
    expect([b.fellBack[12], b.sameWeekday[12], b.adjusted[12], b.mean[12]]).toEqual([1, 0, 0, 10_000]);
    expect([b.fellBack[19], b.sameWeekday[19], b.count[19], b.mean[19]]).toEqual([0, 1, 2, 9_000]);
  });

  it("with a real rhythm the fallback is adjusted for the weekday: Saturday 12 → 5,500 (factors 1.1475 / 0.6311)", () => {
    const { values, days } = weeks(8);
    const b = trafficBaselines(values, days, true, "auto", 7, 0.3);
    // Previous 7 values ÷ their factors are all 8,714.29; × Saturday's factor 0.6311 = 5,500.
    expect([b.fellBack[12], b.adjusted[12]]).toEqual([1, 1]);
    expect(b.mean[12]).toBeCloseTo(5_500, 6);
  });

  it('"auto" without a rhythm is "previous", value for value', () => {
    const flat = weeks(8, 10_000, 10_000);
    flat.values[30] = 6_000;
    const auto = trafficBaselines(flat.values, flat.days, true, "auto", 7, 0.3);
    const previous = trafficBaselines(flat.values, flat.days, true, "previous", 7, 0.3);
    expect(Array.from(auto.mean)).toEqual(Array.from(previous.mean));
  });

  it("weekly rows always use the previous values", () => {
    const { values, days } = weeks(8);
    const b = trafficBaselines(values, days, false, "sameWeekday", 7, 0.3);
    expect(b.sameWeekday.every((x) => x === 0)).toBe(true);
  });
});
