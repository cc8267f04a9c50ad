import { wilsonInterval } from "../../../src/core/stats/wilson";

// statsmodels 0.13.5 proportion_confint(x, n, alpha=0.05, method="wilson"), printed with repr().
const CASES: [number, number, number, number][] = [
  [15, 1000, 0.00911097880408167, 0.024600976926906805],
  [30, 2000, 0.010527098037106686, 0.021332437825708657],
  [0, 50, 0.0, 0.07134759913335874],
  [50, 50, 0.9286524008666412, 1.0],
  [3, 7, 0.15821985525146964, 0.7495416354723428],
];

describe("wilsonInterval", () => {
  it.each(CASES)("%d of %d → [%p, %p] (statsmodels)", (x, n, low, high) => {
    const [l, h] = wilsonInterval(x, n);
    expect(Math.abs(l - low)).toBeLessThan(1e-12);
    expect(Math.abs(h - high)).toBeLessThan(1e-12);
  });

  it("the issue's examples: 15 of 1,000 → [0.91%, 2.46%] (not above 1%), 30 of 2,000 → [1.05%, 2.13%]", () => {
    expect(wilsonInterval(15, 1000)[0]).toBeLessThan(0.01);
    expect(wilsonInterval(30, 2000)[0]).toBeGreaterThan(0.01);
  });

  it("no interval without trials or with impossible counts", () => {
    expect(wilsonInterval(1, 0)).toEqual([NaN, NaN]);
    expect(wilsonInterval(5, 4)).toEqual([NaN, NaN]);
  });
});
