/**
 * Runs of consecutive hits: the one loop behind every "N periods running" rule.
 * `hit[k]` = 1 when position k qualifies; `linked[k]` = 1 when k directly follows k − 1 (no gap). A run is a
 * maximal stretch of hits in which every position after the first is linked to the one before; `onRun` is called
 * for each run at least `minLength` long.
 */
export function forEachRun(
  hit: Uint8Array,
  linked: Uint8Array,
  length: number,
  minLength: number,
  onRun: (first: number, last: number) => void,
): void {
  let start = -1;
  for (let k = 0; k < length; k++) {
    if (hit[k] === 0) {
      if (start >= 0 && k - start >= minLength) onRun(start, k - 1);
      start = -1;
      continue;
    }
    if (start >= 0 && linked[k] === 0) {
      if (k - start >= minLength) onRun(start, k - 1);
      start = -1;
    }
    if (start < 0) start = k;
  }
  if (start >= 0 && length - start >= minLength) onRun(start, length - 1);
}

/** A reusable 0/1 buffer of at least n entries. */
export function hitBuffer(buffer: { data: Uint8Array }, n: number): Uint8Array {
  if (buffer.data.length < n) buffer.data = new Uint8Array(Math.max(n, buffer.data.length * 2));
  return buffer.data;
}
