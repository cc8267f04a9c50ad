/**
 * One metric column. `load` parses the whole column in row order (sequential: fast on big tables) into a scratch
 * array shared by all metrics of a run, and `series` gathers one channel from it into a reused buffer — so a
 * million-row table does not allocate a full-length array per metric (tens of megabytes, which would trigger full
 * garbage collections). Rules use one metric at a time, so one scratch array serves them all.
 *
 * Rate columns read as percentages divide every number by 100, except text that carries its own "%" (already a
 * fraction: "1.2%" → 0.012).
 */
import type { CellValue } from "../table/types";
import type { Series } from "./series";
import { hasPercentSign, parseNumberText } from "../table/values";

export class MetricColumn {
  private readonly cache = new Map<string, number>();
  private buffer = new Float64Array(0);

  constructor(
    protected readonly rows: readonly CellValue[][],
    readonly col: number,
    /** 100 when the column holds percentages, else 1. */
    private readonly divisor: number,
    /** Scratch, one entry per data row, shared with the other metrics of the run. */
    private readonly byRow: Float64Array,
    /** Ratio text "a:b" reads as a ÷ b (LTV:CAC) instead of b ÷ a (ROI's 投入:产出). */
    private readonly firstOverSecond = false,
    /** Negative numbers are not read (traffic, ROI, LTV/CAC cannot be below 0): NaN. */
    private readonly nonNegative = false,
  ) {}

  /** Parses the column into the shared scratch array; call before `series`. */
  load(): void {
    const out = this.byRow;
    for (let i = 0; i < this.rows.length; i++) out[i] = this.value(i);
  }

  /** The number in a data row (NaN: missing). */
  value(row: number): number {
    const v = this.rows[row][this.col];
    if (typeof v === "number") return v - v === 0 && !(this.nonNegative && v < 0) ? v / this.divisor : NaN; // v − v is NaN for ±Infinity and NaN
    if (typeof v !== "string") return NaN;
    let n = this.cache.get(v);
    if (n === undefined) {
      n = parseNumberText(v, this.firstOverSecond);
      if (this.divisor !== 1 && !hasPercentSign(v)) n /= this.divisor;
      if (this.nonNegative && n < 0) n = NaN;
      if (this.cache.size < 100000) this.cache.set(v, n);
    }
    return n;
  }

  /** A series' values in its (date) order, from the last `load`. Valid until the next call. */
  series(s: Series): Float64Array {
    const rows = s.rows;
    const n = rows.length;
    if (this.buffer.length < n) this.buffer = new Float64Array(Math.max(n, this.buffer.length * 2));
    const out = this.buffer;
    const byRow = this.byRow;
    for (let p = 0; p < n; p++) out[p] = byRow[rows[p]];
    return out;
  }

  /** The series' most recent number (by date), or null. */
  latest(s: Series): number | null {
    for (let p = s.rows.length - 1; p >= 0; p--) {
      const v = this.value(s.rows[p]);
      if (v === v) return v;
    }
    return null;
  }
}

/** A rate column holds percentages when any number in a row the rules use is above 1 ("%" text excepted). */
export function holdsPercentages(rows: readonly CellValue[][], col: number, included: Uint8Array): boolean {
  const plain = new MetricColumn(rows, col, 1, new Float64Array(0));
  for (let i = 0; i < rows.length; i++) {
    if (included[i] === 1 && plain.value(i) > 1 && !hasPercentSign(rows[i][col])) return true;
  }
  return false;
}

/** A number a part column holds (revenue, cost, a count), or NaN: text read as a metric cell is. */
export function partValue(v: CellValue): number {
  if (typeof v === "number") return v - v === 0 ? v : NaN;
  return typeof v === "string" ? parseNumberText(v) : NaN;
}

/**
 * A metric derived from two columns (table/derived.ts): numerator ÷ denominator per row, read where the numerator
 * is at least 0 and the denominator above 0 (a negative cost or a day without orders gives no value). `col` is the
 * numerator's column: the cell a flag colours.
 */
export class DerivedColumn extends MetricColumn {
  constructor(
    rows: readonly CellValue[][],
    readonly numerator: number,
    readonly denominator: number,
    byRow: Float64Array,
  ) {
    super(rows, numerator, 1, byRow);
  }

  override value(row: number): number {
    const r = this.rows[row];
    const a = partValue(r[this.numerator]);
    const b = partValue(r[this.denominator]);
    return a >= 0 && b > 0 ? a / b : NaN;
  }

  /** The two parts of a row: [numerator, denominator]. */
  parts(row: number): [number, number] {
    const r = this.rows[row];
    return [partValue(r[this.numerator]), partValue(r[this.denominator])];
  }
}
