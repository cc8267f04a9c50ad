/**
 * Comparisons with a relative tolerance: values equal within 1e-9 of the larger magnitude count as equal, so
 * 1.5 typed by a user and 1.5000000000000002 computed by a spreadsheet are not "below 1.5".
 */
export const RELATIVE_TOLERANCE = 1e-9;

/** a < b, and not equal within tolerance: b − a > 1e-9 · max(|a|, |b|). */
export function lessThan(a: number, b: number): boolean {
  return a < b && b - a > RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** a > b, and not equal within tolerance. */
export function greaterThan(a: number, b: number): boolean {
  return lessThan(b, a);
}
