import "./customFunctionsShim";
import * as F from "../../src/functions/functions";

export { F };

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
