/**
 * Runs of consecutive hits: the one loop behind every "N periods running" rule.
 * `hit(k)` says position k qualifies; `linked(k)` says k directly follows k − 1 (no gap). A run is a maximal
 * stretch of hits in which every position after the first is linked to the one before.
 */
export function forEachRun(
  length: number,
  hit: (k: number) => boolean,
  linked: (k: number) => boolean,
  minLength: number,
  onRun: (first: number, last: number) => void,
): void {
  let start = -1;
  for (let k = 0; k < length; k++) {
    if (!hit(k)) {
      if (start >= 0 && k - start >= minLength) onRun(start, k - 1);
      start = -1;
      continue;
    }
    if (start >= 0 && !linked(k)) {
      if (k - start >= minLength) onRun(start, k - 1);
      start = -1;
    }
    if (start < 0) start = k;
  }
  if (start >= 0 && length - start >= minLength) onRun(start, length - 1);
}
