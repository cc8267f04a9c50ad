/**
 * ABTEST_TTEST's statistics (the t distribution: @stdlib's incomplete beta, ~19 KB gzip of the 36 KB the functions
 * would otherwise need at startup) load from their own chunk when the first ABTEST_TTEST is calculated (issue 19:
 * functions.js ≤ 30 KB gzip at first load). That first call returns a Promise, which Excel shows as #BUSY! for the
 * moment the chunk takes from the add-in's own server (~20 KB gzip); every later call answers at once.
 */
import type { abTestTTest } from "../core/metrics/abTestTTest";

type TTest = typeof abTestTTest;

let loaded: TTest | undefined;
let pending: Promise<TTest> | undefined;

/** The t-test, once its chunk is in (undefined before). */
export function loadedTTest(): TTest | undefined {
  return loaded;
}

/** Starts (once) the import of the t-test's chunk; a failed import is tried again on the next call. */
export function loadTTest(): Promise<TTest> {
  pending ??= import(/* webpackChunkName: "t-test" */ "../core/metrics/abTestTTest").then(
    (m) => (loaded = m.abTestTTest),
    (err: unknown) => {
      pending = undefined;
      throw err;
    },
  );
  return pending;
}
