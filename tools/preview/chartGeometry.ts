/**
 * The geometry of the preview's charts (ChartView.tsx): a value axis with round steps, tick labels as a number
 * format shows them, how many category labels fit, a series' line with its gaps. Pure functions, no DOM.
 */

/** A value axis: from min to max in steps of step, a label at each tick. */
export interface ValueAxis {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/**
 * Heckbert's "nice number" (Graphics Gems, 1990): the number of the form 1, 2 or 5 × 10^k nearest to x (round) or
 * the smallest such number not below x.
 * @example niceNumber(0.015, false) === 0.02; niceNumber(0.005, true) === 0.005
 */
export function niceNumber(x: number, round: boolean): number {
  const exp = Math.floor(Math.log10(x));
  const f = x / 10 ** exp;
  const nf = round ? (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) : f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return exp < 0 ? nf / 10 ** -exp : nf * 10 ** exp;
}

/** x rounded to the decimals of step (steps are 1, 2 or 5 × 10^k), so 0.1 + 0.2 reads 0.3. */
function snap(x: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(x.toFixed(decimals));
}

/**
 * The automatic value axis for the plotted values (NaN and ±Infinity are gaps, not values). As Excel does: the axis
 * starts at zero unless the values span less than a sixth of their largest magnitude (then it starts near them), and
 * leaves 5% of the values' span above the largest. The step is the nice number (Heckbert) nearest to the range
 * split into `ticks` - 1 parts; the ends are the multiples of the step around the range.
 * @example valueAxis([0.003, 0.02]) → 0 to 0.025 in steps of 0.005
 */
export function valueAxis(values: number[], ticks = 6): ValueAxis {
  const finite = values.filter(Number.isFinite);
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 0;
  const span = hi - lo;
  if (span === 0) {
    // One level: the axis from zero to it (or to 1 for zeros), as a flat line is drawn in Excel.
    if (hi > 0) lo = 0;
    else if (lo < 0) hi = 0;
    else hi = 1;
  } else {
    if (lo >= 0 && span > hi / 6) lo = 0;
    if (hi <= 0 && span > -lo / 6) hi = 0;
    if (hi > 0) hi += 0.05 * span;
  }
  const step = niceNumber((hi - lo) / (ticks - 1), true);
  const min = snap(Math.floor(lo / step) * step, step);
  const max = snap(Math.ceil(hi / step) * step, step);
  const out: number[] = [];
  for (let i = 0; min + i * step <= max + step / 2; i++) out.push(snap(min + i * step, step));
  return { min, max, step, ticks: out };
}

/**
 * A tick's label in the axis's number format: "0%"-style percent formats (decimals as the format has them), else
 * General with as many decimals as the step needs (0.005 → "0.005", 10000 → "10000").
 */
export function tickLabel(value: number, step: number, numberFormat = "General"): string {
  const percent = /%/.test(numberFormat);
  if (percent) {
    const decimals = /\.(0+)%/.exec(numberFormat)?.[1].length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return value.toFixed(decimals);
}

/** Every how many categories a label fits: labels of `labelWidth` px under a plot `plotWidth` px wide. */
export function labelEvery(count: number, labelWidth: number, plotWidth: number): number {
  if (count <= 0 || plotWidth <= 0) return 1;
  return Math.max(1, Math.ceil((count * labelWidth) / plotWidth));
}

/** A series' path: "M x y L x y …", a new "M" after each gap (NaN), so empty cells break the line as in Excel. */
export function linePath(values: number[], x: (i: number) => number, y: (v: number) => number): string {
  const parts: string[] = [];
  let pen = false;
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      pen = false;
      return;
    }
    parts.push(`${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)}`);
    pen = true;
  });
  return parts.join(" ");
}

/** Wide characters: CJK ideographs, kana, Hangul, full-width forms (a full em each in the sans-serif UI fonts). */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/**
 * About how wide a label is drawn at fontSize px, without a DOM to measure: 0.6 em a character (digits and Latin in
 * a sans-serif UI font), 1 em for a wide (CJK) one, so Chinese dates ("3月2日") are spaced as wide as they are.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : 0.6;
  return em * fontSize;
}
