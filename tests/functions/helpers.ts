import "./customFunctionsShim";
import * as F from "../../src/functions/functions";
import { loadTTest } from "../../src/functions/tTestLoader";

export { F };

// ABTEST_TTEST's statistics load from their own chunk (a Promise until then, as in Excel): every file that calls the
// functions through these helpers has them in before its tests run (tTestLoader.test.ts tests the first call itself).
if (typeof beforeAll === "function") beforeAll(() => loadTTest()); // (scripts import these helpers too)

/** Calls a wrapper with raw cell values (null = omitted, text, booleans), as Excel may pass them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function call(fn: (...args: any[]) => unknown, ...args: unknown[]): unknown {
  return fn(...args);
}

/** The Excel error text of a CustomFunctions.Error result, or undefined for any other value. */
export function errorCode(value: unknown): string | undefined {
  return value instanceof CustomFunctions.Error ? value.code : undefined;
}

/** |actual − expected| / |expected| (absolute difference when expected is 0). */
export function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}
