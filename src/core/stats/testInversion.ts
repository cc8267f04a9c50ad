export interface TestInterval {
  ciLow: number;
  ciHigh: number;
}

/**
 * The confidence interval that inverts a test: the set of null values δ in [lowest, highest] that the test does not
 * reject. `rejects(δ)` must be monotone on each side of the estimate (rejected far below, not at the estimate,
 * rejected far above); each bound is found by bisection down to adjacent doubles. Because the bounds are found with
 * the very predicate the test uses, "the test at δ0 rejects" ⇔ "δ0 lies outside the interval" holds exactly, with no
 * rounding gap between a p-value and a critical value. With `lowerOnly` the interval is one-sided: [ciLow, highest].
 * Source: the duality of tests and confidence sets, Lehmann & Romano, Testing Statistical Hypotheses (3rd ed.) §3.5.
 */
export function invertTest(
  rejects: (delta: number) => boolean,
  estimate: number,
  lowest: number,
  highest: number,
  lowerOnly: boolean,
  anchor = 0,
): TestInterval {
  return {
    ciLow: boundary(rejects, lowest, estimate, anchor),
    ciHigh: lowerOnly ? highest : boundary(rejects, highest, estimate, anchor),
  };
}

/** Bisection between a rejected end and the estimate (not rejected); returns the not-rejected end. */
function boundary(rejects: (delta: number) => boolean, end: number, estimate: number, anchor: number): number {
  let out = end; // rejected side
  let inside = estimate; // not rejected
  if (!rejects(out)) return out;
  // Test the anchor (the usual null, 0) itself first, so that the verdict at 0 decides which side 0 falls on.
  if ((out < anchor && anchor < inside) || (inside < anchor && anchor < out)) {
    if (rejects(anchor)) out = anchor;
    else inside = anchor;
  }
  for (let i = 0; i < 2000; i++) {
    const mid = out + (inside - out) / 2;
    if (mid === out || mid === inside) break;
    if (rejects(mid)) out = mid;
    else inside = mid;
  }
  return inside;
}
