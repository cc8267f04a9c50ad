/**
 * ABTEST_TTEST loads the t distribution from its own chunk (issue 19: functions.js ≤ 30 KB gzip at first load).
 * A call before the chunk is in returns a Promise of the same result a later call returns at once; the expected value
 * is R's t.test on summary data (Welch: 52.1/30.2/400 vs 55.8/31/410 → p = 0.0856971, as in abTest.test.ts).
 */
import "./customFunctionsShim";

type Functions = typeof import("../../src/functions/functions");

describe("ABTEST_TTEST before and after its statistics are loaded", () => {
  it("answers a first call with a Promise of the p-value, and later calls at once with the same number", async () => {
    let F!: Functions;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      F = require("../../src/functions/functions") as Functions;
    });
    const first = F.ABTEST_TTEST(52.1, 30.2, 400, 55.8, 31, 410);
    expect(first).toBeInstanceOf(Promise);
    const p = await first;
    expect(Math.abs((p as number) - 0.0856971) / 0.0856971).toBeLessThan(1e-6);
    const later = F.ABTEST_TTEST(52.1, 30.2, 400, 55.8, 31, 410);
    expect(typeof later).toBe("number");
    expect(later).toBe(p);
    // errors come back the same way: sd < 0 is #NUM!
    const bad = F.ABTEST_TTEST(52.1, -1, 400, 55.8, 31, 410);
    expect(bad).toBeInstanceOf(CustomFunctions.Error);
    expect((bad as CustomFunctions.Error).code).toBe("#NUM!");
  });

  it("says #N/A with a way out when the chunk cannot load", async () => {
    let F!: Functions;
    jest.isolateModules(() => {
      // the chunk's module as a failed load leaves it: reading its export throws
      jest.doMock("../../src/core/metrics/abTestTTest", () => ({
        get abTestTTest(): never {
          throw new Error("chunk failed to load");
        },
      }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      F = require("../../src/functions/functions") as Functions;
    });
    const r = await F.ABTEST_TTEST(52.1, 30.2, 400, 55.8, 31, 410);
    expect(r).toBeInstanceOf(CustomFunctions.Error);
    expect((r as CustomFunctions.Error).code).toBe("#N/A");
    expect((r as CustomFunctions.Error).message).toMatch(/recalculate/);
    jest.dontMock("../../src/core/metrics/abTestTTest");
  });
});
