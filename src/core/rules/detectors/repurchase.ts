/**
 * Red (红牌预警): repurchase rate falling `repurchaseDeclineWeeks` weeks running (see weeks.ts for weekly values).
 * Each week of the run is lower than the week before; a run of that many declining weeks or more colours every
 * numeric cell of those weeks (not the baseline week before them). `repurchaseEvidence` says what else a decline
 * needs (issue 18 §1), so that sampling noise alone does not turn a healthy channel red:
 * - "test" (default): the fall over the N weeks (week w − N → week w) is significant at the one-sided level
 *   `repurchaseSignificance`. With the counts (buyers and repeat buyers), a pooled two-proportion z-test on the two
 *   weeks' pooled counts (Σ repeat buyers ÷ Σ buyers); on daily rows without counts, Welch's t-test on the two weeks'
 *   daily rates (each week's mean and its standard error s/√n from its days). Weekly rows without counts cannot be
 *   tested: they fall back to "drop", and say so.
 * - "drop": each weekly step down by at least `repurchaseMinDrop` (relative: 0.05 = 5% lower than the week before).
 * - "none": the seed's rule read literally, any decline (three weekly values of pure noise fall in a row one time in
 *   six).
 */
import * as format from "../../i18n/format";
import type { Bilingual } from "../../i18n/format";
import * as words from "../../i18n/rules";
import type { At, Span } from "../../i18n/rules";
import { normalUpperTail } from "../../stats/normal";
import { studentTUpperTail } from "../../stats/studentT";
import { twoProportionZ } from "../../stats/twoProportionZ";
import { welchStatistic } from "../../stats/welch";
import { greaterThan, lessThan } from "../compare";
import type { RuleInput } from "../detector";
import type { Series } from "../series";
import { forEachRun, hitBuffer } from "../runs";
import { weeksOf, type Weeks } from "../weeks";

const below = lessThan; // a local binding: module imports are getters in bundled code, too slow per row
const above = greaterThan;
// Local bindings: imported functions are getters in bundled and tsx-run code, slow when a reason is built per cell.
const formatPercent = format.formatPercent;
const atText = words.atText;
const spanText = words.spanText;
const plural = words.plural;

export type RepurchaseEvidence = "test" | "drop" | "none";
export const REPURCHASE_EVIDENCE: readonly RepurchaseEvidence[] = ["test", "drop", "none"];

export interface RepurchaseConfig {
  repurchaseDeclineWeeks: number;
  repurchaseEvidence: string;
  repurchaseMinDrop: number;
  repurchaseSignificance: number;
}

/** Per week: the rate the rule reads and what a test needs. */
export interface RepurchaseWeeks {
  /** Σ repeat buyers ÷ Σ buyers when the week has counts, else the week's value (weeks.ts). */
  rate: Float64Array;
  /** 1 when the week has counts (Σ buyers > 0 over its rows with both counts). */
  pooled: Uint8Array;
  buyers: Float64Array;
  repeatBuyers: Float64Array;
  /** Daily rows: how many numeric daily rates the week has, and their sample standard deviation. */
  days: Int32Array;
  sd: Float64Array;
}

/** A decline's evidence between week `from` and week `to`: the test's one-sided p, or NaN when none is possible. */
export interface DeclineTest {
  p: number;
  method: "counts" | "daily" | "none";
}

/**
 * The weekly rates with their counts and daily spread. Counts are read per row when both are numbers with
 * 0 ≤ repeat buyers ≤ buyers and buyers > 0; other rows add nothing to the pooled counts.
 */
export function repurchaseWeeks(
  weeks: Weeks,
  values: Float64Array,
  buyers: Float64Array | null,
  repeat: Float64Array | null,
): RepurchaseWeeks {
  const count = weeks.count;
  const out: RepurchaseWeeks = {
    rate: new Float64Array(count),
    pooled: new Uint8Array(count),
    buyers: new Float64Array(count),
    repeatBuyers: new Float64Array(count),
    days: new Int32Array(count),
    sd: new Float64Array(count).fill(NaN),
  };
  for (let w = 0; w < count; w++) {
    let b = 0;
    let r = 0;
    // Welford's running mean and sum of squares of the week's daily rates.
    let n = 0;
    let mean = 0;
    let m2 = 0;
    for (let p = weeks.start[w]; p < weeks.end[w]; p++) {
      if (buyers !== null && repeat !== null) {
        const bp = buyers[p];
        const rp = repeat[p];
        if (bp > 0 && rp >= 0 && rp <= bp && bp < Infinity) {
          b += bp;
          r += rp;
        }
      }
      const x = values[p];
      if (x === x) {
        n++;
        const d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
      }
    }
    out.buyers[w] = b;
    out.repeatBuyers[w] = r;
    out.pooled[w] = b > 0 ? 1 : 0;
    out.rate[w] = b > 0 ? r / b : weeks.value[w];
    if (weeks.weeklyMean) {
      out.days[w] = n;
      if (n >= 2) out.sd[w] = Math.sqrt(m2 / (n - 1)); // s = √(Σ (x − x̄)² ÷ (n − 1))
    }
  }
  return out;
}

/**
 * The one-sided p-value of "the rate fell from week a to week b":
 * - both weeks with counts: pooled two-proportion z (Agresti §3.1.3), p = P(Z ≤ z) with z = (r_b − r_a) ÷
 *   √(p̂(1 − p̂)(1/n_a + 1/n_b)), p̂ the two weeks' pooled rate;
 * - both weeks daily with ≥ 2 rates each: Welch's t on the weeks' daily rates, p = P(T ≤ t) with
 *   t = (x̄_b − x̄_a) ÷ √(s_a²/n_a + s_b²/n_b) and Welch–Satterthwaite df; two weeks of constant days: p = 0 when
 *   the mean fell, else 1;
 * - otherwise no test (method "none", p NaN).
 */
export function declineTest(w: RepurchaseWeeks, weeks: Weeks, a: number, b: number): DeclineTest {
  if (w.pooled[a] === 1 && w.pooled[b] === 1) {
    const z = twoProportionZ(w.buyers[a], w.repeatBuyers[a], w.buyers[b], w.repeatBuyers[b]);
    return { p: normalUpperTail(-z), method: "counts" };
  }
  if (weeks.weeklyMean && w.days[a] >= 2 && w.days[b] >= 2) {
    const ma = weeks.value[a];
    const mb = weeks.value[b];
    if (w.sd[a] === 0 && w.sd[b] === 0) return { p: below(mb, ma) ? 0 : 1, method: "daily" };
    const { t, df } = welchStatistic(ma, w.sd[a], w.days[a], mb, w.sd[b], w.days[b]);
    return { p: studentTUpperTail(-t, df), method: "daily" };
  }
  return { p: NaN, method: "none" };
}

function seriesCopy(column: { series(s: Series): Float64Array } | null, series: Series): Float64Array | null {
  // A copy: each column's series() reuses its own buffer, valid until its next call.
  return column === null ? null : column.series(series).slice(0, series.rows.length);
}

export function repurchaseDeclining(input: RuleInput<RepurchaseConfig>): void {
  const { table, column, config, sink } = input;
  const mode: RepurchaseEvidence =
    config.repurchaseEvidence === "drop" || config.repurchaseEvidence === "none" ? config.repurchaseEvidence : "test";
  const span = config.repurchaseDeclineWeeks;
  const minDrop = config.repurchaseMinDrop;
  const alpha = config.repurchaseSignificance;
  const buyersColumn = mode === "test" ? (input.counts?.("buyers") ?? null) : null;
  const repeatColumn = mode === "test" ? (input.counts?.("repeatBuyers") ?? null) : null;
  const counts = buyersColumn !== null && repeatColumn !== null;
  const decliningScratch = { data: new Uint8Array(0) };
  const redScratch = { data: new Uint8Array(0) };
  table.series.forEach((series, seriesIndex) => {
    const buyers = counts ? seriesCopy(buyersColumn, series) : null;
    const repeat = counts ? seriesCopy(repeatColumn, series) : null;
    const values = column.series(series);
    const weeks = weeksOf(series, values);
    const stats = repurchaseWeeks(weeks, values, buyers, repeat);
    const rate = stats.rate;
    const n = weeks.count;
    const emit = (week: number, reason: Bilingual, weeklyMean: boolean, decline: Bilingual | undefined): void => {
      const previous = rate[week - 1];
      const evidence = { index: week, value: rate[week], at: weeks.at(week), mean: weeklyMean, decline };
      for (let position = weeks.start[week]; position < weeks.end[week]; position++) {
        const value = values[position];
        if (value === value)
          sink.add({ series: seriesIndex, position, value, threshold: previous, reason, week: evidence });
      }
    };
    // declining[k]: week k is lower than week k − 1 (and right after it); with "drop" by at least minDrop.
    const declining = hitBuffer(decliningScratch, n);
    const steep = mode === "none" ? null : new Uint8Array(n);
    declining[0] = 0;
    for (let k = 1; k < n; k++) {
      declining[k] = weeks.linked[k] === 1 && below(rate[k], rate[k - 1]) ? 1 : 0;
      // a step of at least minDrop: r_k ≤ (1 − minDrop) × r_{k−1}
      if (steep !== null) steep[k] = declining[k] === 1 && !above(rate[k], (1 - minDrop) * rate[k - 1]) ? 1 : 0;
    }
    if (mode === "none") {
      // The seed's rule: a run of `span` declining weeks or more; every pair of declining weeks is linked.
      const allLinked = new Uint8Array(n).fill(1);
      forEachRun(declining, allLinked, n, span, (first, last) => {
        const run = { length: last - first + 1, from: weeks.at(first), to: weeks.at(last) };
        for (let week = first; week <= last; week++) {
          const reason = repurchaseReason(
            rate[week],
            rate[week - 1],
            weeks.at(week),
            run,
            weeks.weeklyMean,
            table.latestYear,
          );
          emit(week, reason, weeks.weeklyMean, undefined);
        }
      });
      return;
    }
    // A window of `span` declining steps ending at week w fires when its evidence holds; its weeks turn red.
    const red = hitBuffer(redScratch, n).fill(0, 0, n);
    for (let w = span; w < n; w++) {
      let steps = 1;
      let allSteep = 1;
      for (let k = w - span + 1; k <= w; k++) {
        steps &= declining[k];
        allSteep &= (steep as Uint8Array)[k];
      }
      if (steps === 0) continue;
      const test = mode === "test" ? declineTest(stats, weeks, w - span, w) : null;
      const fires = test !== null && test.method !== "none" ? test.p <= alpha : allSteep === 1;
      if (fires) red.fill(1, w - span + 1, w + 1);
    }
    // Each run of red weeks states its evidence: the fall from the week before it to its last week, and its test.
    let k = 0;
    while (k < n) {
      if (red[k] === 0) {
        k++;
        continue;
      }
      let last = k;
      while (last + 1 < n && red[last + 1] === 1 && weeks.linked[last + 1] === 1) last++;
      const test = mode === "test" ? declineTest(stats, weeks, k - 1, last) : { p: NaN, method: "none" as const };
      const run = { length: last - k + 1, from: weeks.at(k), to: weeks.at(last) };
      const decline = declineClause(rate[k - 1], rate[last], run.length, test, mode, minDrop, alpha, weeks.weeklyMean);
      for (let week = k; week <= last; week++) {
        const weeklyMean = weeks.weeklyMean && stats.pooled[week] === 0;
        const base = repurchaseReason(rate[week], rate[week - 1], weeks.at(week), run, weeklyMean, table.latestYear);
        const reason = { en: `${base.en}; ${decline.en}`, zh: `${base.zh}；${decline.zh}` };
        emit(week, reason, weeklyMean, decline);
      }
      k = last + 1;
    }
  });
}

/** "p = 0.002", "p < 0.001". */
export function formatP(p: number): string {
  return p < 0.001 ? "p < 0.001" : `p = ${format.formatNumber(p, 3)}`;
}

/**
 * A red run's evidence: "down 9.5% over 2 weeks, p = 0.002" (a test), "down 12% over 2 weeks, each week at least 3%
 * lower" ("drop"), and under "test" without a test the reason: weekly rates without counts, or (`daily`) a week of
 * daily rows with fewer than 2 rates.
 */
export function declineClause(
  from: number,
  to: number,
  weeks: number,
  test: DeclineTest,
  mode: RepurchaseEvidence,
  minDrop: number,
  alpha: number,
  daily = false,
): Bilingual {
  const drop = formatPercent(from > 0 ? 1 - to / from : 0, 1);
  const down = { en: `down ${drop} over ${plural(weeks, "week")}`, zh: `${weeks} 周累计下降 ${drop}` };
  if (test.method !== "none") {
    const source =
      test.method === "counts"
        ? { en: "repeat buyers of buyers", zh: "按复购人数/购买人数" }
        : { en: "daily rates", zh: "按每日复购率" };
    const level = formatPercent(alpha, 3);
    return {
      en: `${down.en}, ${formatP(test.p)} (one-sided, ${source.en}; limit ${level})`,
      zh: `${down.zh}，${formatP(test.p)}（单侧检验，${source.zh}；显著性水平 ${level}）`,
    };
  }
  const each = formatPercent(minDrop, 1);
  const steps = { en: `each week at least ${each} lower`, zh: `每周降幅至少 ${each}` };
  if (mode === "drop") return { en: `${down.en}, ${steps.en}`, zh: `${down.zh}，${steps.zh}` };
  if (daily)
    return {
      en: `${down.en}, ${steps.en} (a week with fewer than 2 daily rates and no buyer counts cannot be tested for noise)`,
      zh: `${down.zh}，${steps.zh}（某周少于 2 个每日复购率且没有购买人数与复购人数，无法检验是否为抽样波动）`,
    };
  return {
    en: `${down.en}, ${steps.en} (weekly rates without buyer counts cannot be tested for noise)`,
    zh: `${down.zh}，${steps.zh}（周数据没有购买人数与复购人数，无法检验是否为抽样波动）`,
  };
}

/**
 * "Weekly mean repurchase rate 17.1% (week of Mar 9) < 18% the week before; falling 2 weeks running
 * (weeks of Mar 9 – 16)". `weeklyMean` says the value is the mean of a daily table's ISO week; `refYear` as in
 * describeRun.
 */
export function repurchaseReason(
  value: number,
  previous: number,
  at: At,
  span: Span,
  weeklyMean: boolean,
  refYear: number,
): Bilingual {
  const s = spanText(span, true, refYear);
  const v = formatPercent(value);
  const p = formatPercent(previous);
  const before =
    at.kind === "row" ? { en: "the period before", zh: "上一期" } : { en: "the week before", zh: "前一周" };
  const label = weeklyMean
    ? { en: "Weekly mean repurchase rate", zh: "复购率周均值" }
    : { en: "Repurchase rate", zh: "复购率" };
  return {
    en: `${label.en} ${v} (${atText(at, "en", refYear)}) < ${p} ${before.en}; falling ${s.en.slice(4)}`,
    zh: `${label.zh} ${v}（${atText(at, "zh", refYear)}）低于${before.zh}的 ${p}；${s.zh.replace("连续", "连续下滑")}`,
  };
}

/** The rule in words under its evidence setting. */
export function repurchaseThreshold(weeks: number, evidence: string, minDrop: number, alpha: number): Bilingual {
  const base = {
    en: `Repurchase rate falling ${plural(weeks, "week")} running`,
    zh: `复购率连续 ${weeks} 周下滑`,
  };
  const each = formatPercent(minDrop, 1);
  if (evidence === "none") return base;
  if (evidence === "drop")
    return { en: `${base.en}, each week at least ${each} lower`, zh: `${base.zh}，且每周降幅至少 ${each}` };
  const level = formatPercent(alpha, 3);
  return {
    en: `${base.en}, the fall significant at the ${level} level (one-sided test on buyer counts or daily rates; weekly rates alone: each week at least ${each} lower)`,
    zh: `${base.zh}，且累计降幅在 ${level} 水平上显著（按购买/复购人数或每日复购率作单侧检验；只有周复购率时：每周降幅至少 ${each}）`,
  };
}
