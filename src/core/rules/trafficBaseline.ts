/**
 * What a day's traffic is compared with (issue 12 §1): the seed says "traffic drops 30%+" without saying against
 * what; a marketer means "the usual level for this weekday".
 * - "previous": the mean of the channel's previous up to `window` numeric values (the first release's rule).
 * - "sameWeekday": the mean of the same weekday's values over the previous 4 weeks that have one (looking back at
 *   most 8 weeks); with fewer than 2 of them the row falls back to "previous", and says so. When the channel's
 *   weekly rhythm is real, that fallback is adjusted for the weekday (each previous value divided by its weekday's
 *   factor, the mean multiplied by today's), so the first two weekends of a B2B channel are not alarms either.
 * - "auto": "sameWeekday" for a daily channel whose weekly rhythm is real (weeklyRhythm below), else "previous".
 *   Weekly and monthly rows have no weekday rhythm: always "previous".
 * Incidents stay out of the baseline (issue 18 §2): a value that is itself a drop (below (1 − dropRatio) × its own
 * baseline) is left out of every later baseline, so one incident cannot hide the next. Once the drops have run for
 * a whole window of values (`window`; on daily data at least NEW_NORMAL_DAYS), the lower level is the channel's new
 * normal: those values count again and the values before them are forgotten (a channel that loses traffic for good
 * is flagged for two weeks, not forever; an incident of a week is not taken for a new normal).
 */

export type TrafficBaselineMode = "auto" | "previous" | "sameWeekday";
export const TRAFFIC_BASELINE_MODES: readonly TrafficBaselineMode[] = ["auto", "previous", "sameWeekday"];

import { lessThan } from "./compare";

const below = lessThan; // a local binding: module imports are getters in bundled code, too slow per row

/** Same-weekday values averaged, and the fewest that make a baseline. */
export const SAME_WEEKDAY_WEEKS = 4;
export const SAME_WEEKDAY_MIN = 2;
/** On daily data, how many running drops make a new normal at the least (two weeks). */
export const NEW_NORMAL_DAYS = 14;
/** How far back same-weekday values are looked for, in weeks. */
export const SAME_WEEKDAY_LOOKBACK = 8;
/** The share of day-to-day variation (around the trend) the weekday must explain for a rhythm to be real. */
export const RHYTHM_MIN_EXPLAINED = 0.5;

export interface WeeklyRhythm {
  /** Mean ratio to the centred 7-day moving average, per weekday (epoch day mod 7; NaN: no data). */
  factors: number[];
  /** 1 − lowest weekday factor ÷ mean factor: how far the quietest weekday sits below an average day. */
  dip: number;
  /** η²: the share of the variance of the ratios explained by the weekday. */
  explained: number;
  /** Ratios used (days with a full centred week around them). */
  count: number;
}

/**
 * The weekly rhythm of a daily series (values by position, epoch days ascending). Classical decomposition: each
 * day's ratio r = v ÷ (mean of the 7 days centred on it) removes the trend; the weekday factor is the mean r per
 * weekday; η² = Σ_w n_w (f_w − r̄)² ÷ Σ (r − r̄)².
 */
export function weeklyRhythm(values: ArrayLike<number>, days: ArrayLike<number>): WeeklyRhythm {
  const n = values.length;
  const sums = [0, 0, 0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0, 0, 0];
  const ratios: number[] = [];
  const weekdays: number[] = [];
  for (let p = 3; p + 3 < n; p++) {
    // A full centred week: positions p − 3 … p + 3 are 7 consecutive days with values.
    if (days[p + 3] - days[p - 3] !== 6) continue;
    let sum = 0;
    let ok = true;
    for (let j = p - 3; j <= p + 3; j++) {
      const v = values[j];
      if (v !== v) ok = false;
      sum += v;
    }
    const v = values[p];
    if (!ok || !(sum > 0)) continue;
    const r = v / (sum / 7);
    const w = ((days[p] % 7) + 7) % 7;
    sums[w] += r;
    counts[w]++;
    ratios.push(r);
    weekdays.push(w);
  }
  const factors = sums.map((s, w) => (counts[w] ? s / counts[w] : NaN));
  const present = factors.filter((f) => f === f);
  if (ratios.length < 14 || present.length < 7) return { factors, dip: 0, explained: 0, count: ratios.length };
  const mean = ratios.reduce((a, r) => a + r, 0) / ratios.length;
  let total = 0;
  for (const r of ratios) total += (r - mean) ** 2;
  let between = 0;
  for (let w = 0; w < 7; w++) between += counts[w] * (factors[w] - mean) ** 2;
  const meanFactor = present.reduce((a, f) => a + f, 0) / present.length;
  return {
    factors,
    dip: 1 - Math.min(...present) / meanFactor,
    explained: total > 0 ? between / total : 0,
    count: ratios.length,
  };
}

/**
 * A weekly rhythm is real when the quietest weekday sits more than half the drop threshold below an average day
 * (so the rhythm alone brings a day near the alarm line: 5,500 weekends beside 10,000 weekdays sit 30% below) and
 * the weekday explains at least half of the day-to-day variation around the trend (so it is a pattern, not noise).
 */
export function isWeeklyRhythmReal(rhythm: WeeklyRhythm, dropRatio: number): boolean {
  return rhythm.dip > dropRatio / 2 && rhythm.explained >= RHYTHM_MIN_EXPLAINED;
}

export interface TrafficBaseline {
  /** The baseline mean per position (NaN: nothing to compare with). */
  mean: Float64Array;
  /** How many values the mean took. */
  count: Int32Array;
  /** 1 when the mean is of the same weekday's values, 0 when of the previous values. */
  sameWeekday: Uint8Array;
  /** 1 when "sameWeekday" was wanted but fewer than 2 same-weekday values were found (fell back to "previous"). */
  fellBack: Uint8Array;
  /** 1 when a fallback mean was adjusted for the weekday (the channel's rhythm is real). */
  adjusted: Uint8Array;
  /** 1 when the value is a drop (below (1 − dropRatio) × its baseline): left out of later baselines. */
  drop: Uint8Array;
}

/**
 * The baseline of every position of one channel's series (values in date order; NaN = missing). `days` are the
 * positions' epoch days (null without dates); `daily` says whether the series is daily.
 */
export function trafficBaselines(
  values: ArrayLike<number>,
  days: ArrayLike<number> | null,
  daily: boolean,
  mode: TrafficBaselineMode,
  window: number,
  dropRatio: number,
): TrafficBaseline {
  const n = values.length;
  const out: TrafficBaseline = {
    mean: new Float64Array(n).fill(NaN),
    count: new Int32Array(n),
    sameWeekday: new Uint8Array(n),
    fellBack: new Uint8Array(n),
    adjusted: new Uint8Array(n),
    drop: new Uint8Array(n),
  };
  const keep = 1 - dropRatio;
  const rhythm = days !== null && daily && mode !== "previous" ? weeklyRhythm(values, days) : null;
  const real = rhythm !== null && isWeeklyRhythmReal(rhythm, dropRatio);
  const weekday = rhythm !== null && (mode === "sameWeekday" || real);
  const factors = real && rhythm !== null ? rhythm.factors : null;
  const weekdayOf = (p: number): number => (days === null ? 0 : ((days[p] % 7) + 7) % 7);
  // Previous-values mean: a ring of the last `window` numeric values, summed afresh (no drift over a long series);
  // beside it the same values divided by their weekday's factor, for the adjusted fallback.
  const ring = new Float64Array(Math.max(1, window));
  const ringAdjusted = new Float64Array(Math.max(1, window));
  let seen = 0;
  let next = 0;
  // Same-weekday lookup: value by day offset from the first day (dense: daily data spans about n days).
  const first = days !== null && n > 0 ? days[0] : 0;
  const span = days !== null && n > 0 ? days[n - 1] - first + 1 : 0;
  const byDay = weekday && span <= 4 * n + 64 ? new Float64Array(span).fill(NaN) : null;
  // The running drops (positions of numeric values, all below their baselines), for the new-normal rule.
  let streakFirst = -1;
  let streakLength = 0;
  const newNormal = daily ? Math.max(window, NEW_NORMAL_DAYS) : window;
  const remember = (p: number, v: number): void => {
    if (byDay !== null && days !== null) byDay[days[p] - first] = v;
    if (factors !== null) ringAdjusted[next] = v / factors[weekdayOf(p)];
    ring[next] = v;
    next = next + 1 === window ? 0 : next + 1;
    seen++;
  };
  for (let p = 0; p < n; p++) {
    const v = values[p];
    if (v !== v) continue;
    if (byDay !== null && days !== null) {
      let sum = 0;
      let k = 0;
      for (let w = 1; w <= SAME_WEEKDAY_LOOKBACK && k < SAME_WEEKDAY_WEEKS; w++) {
        const at = days[p] - first - 7 * w;
        if (at < 0) break;
        const u = byDay[at];
        if (u === u) {
          sum += u;
          k++;
        }
      }
      if (k >= SAME_WEEKDAY_MIN) {
        out.mean[p] = sum / k;
        out.count[p] = k;
        out.sameWeekday[p] = 1;
      } else out.fellBack[p] = 1;
    }
    if (out.sameWeekday[p] === 0) {
      const k = seen < window ? seen : window;
      if (k > 0) {
        const adjust = factors !== null && out.fellBack[p] === 1;
        const from = adjust ? ringAdjusted : ring;
        let sum = 0;
        for (let j = 0; j < k; j++) sum += from[j];
        // adjusted: μ = f(today) × Σ (v_j ÷ f(day j)) ÷ k
        out.mean[p] = adjust && factors !== null ? (sum / k) * factors[weekdayOf(p)] : sum / k;
        out.count[p] = k;
        if (adjust) out.adjusted[p] = 1;
      }
    }
    const mean = out.mean[p];
    if (mean === mean && below(v, keep * mean)) {
      // A drop: left out of later baselines, unless a whole window of drops makes it the new normal.
      out.drop[p] = 1;
      if (streakLength === 0) streakFirst = p;
      streakLength++;
      if (streakLength >= newNormal) {
        // Forget what came before the run and start again from its values. Later rows look back at most
        // SAME_WEEKDAY_LOOKBACK weeks, so clearing those weeks before the run is enough.
        if (byDay !== null && days !== null) {
          const runDay = days[streakFirst] - first;
          byDay.fill(NaN, Math.max(0, runDay - 7 * SAME_WEEKDAY_LOOKBACK), runDay);
        }
        seen = 0;
        next = 0;
        for (let q = streakFirst; q <= p; q++) if (values[q] === values[q]) remember(q, values[q]);
        streakLength = 0;
      }
      continue;
    }
    streakLength = 0;
    remember(p, v);
  }
  return out;
}
