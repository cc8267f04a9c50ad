/**
 * A finding's evidence (issue 10 §1): what fired, not the channel's latest value. The flagged values with their
 * periods (a run's values; one weekly value per week for the weekly rules; a traffic value with the baseline mean it
 * fell below), the cells, the threshold, and all of it in one sentence that every host shows as it is:
 *
 *   ROI 1.2, 1.25, 1.3 on Mar 12 – 14, below 1.5
 *   Weekly mean repurchase rate 18% → 17% → 16% (weeks of Mar 2 – 16), falling 2 weeks running
 *   Traffic 4,000 (Mar 7) is 59% below the mean of the last 4 Saturdays (9,850); limit 30%
 *
 * Dates in the one style of each language (i18n/dates.ts), the year only where it is not the table's latest.
 */
import { columnLetters } from "../a1";
import type { Bilingual, Lang } from "../i18n/format";
import { COLUMN_NAMES, formatMetric, spanRange, type At } from "../i18n/rules";
import { formatIsoDay } from "../table/dates";
import type { MetricKey } from "../table/types";
import { atOf, type WeekEvidence } from "./detector";
import type { Series } from "./series";
import type { EvidenceValue, Flag, FindingEvidence } from "./types";

/** One flagged cell of a finding, as the engine recorded it. */
export interface EvidenceItem {
  flag: Flag;
  /** Position in the series (date order). */
  position: number;
  week: WeekEvidence | undefined;
  /** Traffic's baseline mean, NaN for the other rules. */
  baseline: number;
}

/** Where the table's cells are on the sheet: data row i is sheet row rowOf(i) (0-based), column c is left + c. */
export interface CellPlacement {
  left: number;
  rowOf: (row: number) => number;
}

/** More values than this in one run are shortened: the first three, "…", the last two. */
const MAX_VALUES = 6;
/** Runs (or traffic values) listed in words before "and N more". */
const MAX_SEGMENTS = 4;

interface Point extends EvidenceValue {
  at: At;
  /** The period on a number line where consecutive periods are 1 apart. */
  t: number;
  reason: Bilingual;
  /** The repurchase rule's evidence for the run (WeekEvidence.decline). */
  decline?: Bilingual;
}

/** The evidence of one channel × rule; `items` in date order; `refYear`: the table's latest year (no year shown). */
export function findingEvidence(
  metric: MetricKey,
  series: Series,
  items: readonly EvidenceItem[],
  rows: readonly number[],
  col: number,
  placement: CellPlacement,
  refYear: number,
): FindingEvidence {
  const weekly = items.some((i) => i.week !== undefined);
  const periods: FindingEvidence["periods"] =
    series.days === null ? "row" : weekly || series.cadence === "weekly" ? "week" : "day";
  const weeklyMean = items.some((i) => i.week?.mean === true);
  const points: Point[] = [];
  const seen = new Set<number>();
  for (const item of items) {
    const key = item.week ? item.week.index : item.position;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = item.week ? item.week.at : atOf(series, item.position);
    const point: Point = {
      period: periodText(at),
      value: item.week ? item.week.value : item.flag.value,
      threshold: item.flag.threshold,
      at,
      t: at.kind === "day" ? at.day : at.kind === "week" ? at.monday : at.row,
      reason: item.flag.reason,
    };
    if (item.week?.decline) point.decline = item.week.decline;
    if (item.baseline === item.baseline) point.baseline = item.baseline;
    else if (metric === "repurchaseRate") point.baseline = item.flag.threshold;
    points.push(point);
  }
  const step = periods === "week" ? 7 : 1;
  const segments: Point[][] = [];
  for (const p of points) {
    const last = segments[segments.length - 1];
    if (last && p.t - last[last.length - 1].t === step) last.push(p);
    else segments.push([p]);
  }
  const cells = cellRanges(rows, col, placement);
  const top = placement.rowOf(rows[0]);
  const bottom = placement.rowOf(rows[rows.length - 1]);
  const letter = columnLetters(placement.left + col);
  const range = top === bottom ? `${letter}${top + 1}` : `${letter}${top + 1}:${letter}${bottom + 1}`;
  const text = {
    en: describe(metric, segments, { periods, refYear, lang: "en" }, weeklyMean),
    zh: describe(metric, segments, { periods, refYear, lang: "zh" }, weeklyMean),
  };
  const values = points.map(({ period, value, threshold, baseline }) =>
    baseline === undefined ? { period, value, threshold } : { period, value, threshold, baseline },
  );
  return { values, periods, weeklyMean, cells, range, text };
}

function periodText(at: At): string {
  if (at.kind === "day") return formatIsoDay(at.day);
  if (at.kind === "week") return formatIsoDay(at.monday);
  return `row ${at.row}`;
}

/** Consecutive sheet rows merged: ["D5:D7", "D12"]. */
function cellRanges(rows: readonly number[], col: number, placement: CellPlacement): string[] {
  const letter = columnLetters(placement.left + col);
  const out: string[] = [];
  let start = -1;
  let prev = -2;
  const flush = () => {
    if (start >= 0) out.push(start === prev ? `${letter}${start + 1}` : `${letter}${start + 1}:${letter}${prev + 1}`);
  };
  for (const r of rows) {
    const s = placement.rowOf(r);
    if (s !== prev + 1) {
      flush();
      start = s;
    }
    prev = s;
  }
  flush();
  return out;
}

/** A period of the evidence: weekly rows are named as weeks ("week of Mar 2"). */
function asPeriod(at: At, periods: FindingEvidence["periods"]): At {
  return periods === "week" && at.kind === "day" ? { kind: "week", monday: at.day } : at;
}

/** How the periods of one sentence are written: their kind, the reference year and the language. */
interface Style {
  periods: FindingEvidence["periods"];
  refYear: number;
  lang: Lang;
}

function rangeOf(first: At, last: At, { periods, refYear, lang }: Style): string {
  return spanRange({ from: asPeriod(first, periods), to: asPeriod(last, periods) }, lang, refYear);
}

/** The values of one run, shortened past MAX_VALUES: "1.2, 1.25, 1.3, …, 1.1, 1.4 (20 values)". */
function valueList(metric: MetricKey, values: number[], sep: string, lang: Lang): string {
  const f = (v: number) => formatMetric(metric, v);
  if (values.length <= MAX_VALUES) return values.map(f).join(sep);
  const head = values.slice(0, 3).map(f);
  const tail = values.slice(-2).map(f);
  const count = lang === "zh" ? `（共 ${values.length} 个）` : ` (${values.length} values)`;
  return [...head, "…", ...tail].join(sep) + count;
}

function more(n: number, lang: Lang): string {
  if (n <= 0) return "";
  return lang === "zh" ? `；另有 ${n} 段` : ` and ${n} more`;
}

function describe(metric: MetricKey, segments: Point[][], style: Style, weeklyMean: boolean): string {
  const { periods, lang } = style;
  if (segments.length === 0) return "";
  const name = COLUMN_NAMES[metric][lang];
  const label = weeklyMean
    ? lang === "zh"
      ? `${name}${/[A-Za-z]$/.test(name) ? " " : ""}周均值`
      : `Weekly mean ${/^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name}`
    : name;
  if (metric === "traffic") return trafficText(segments.flat(), style);
  if (metric === "repurchaseRate") return fallingText(label, segments, style);
  const shown = segments.slice(0, MAX_SEGMENTS);
  const last = segments[segments.length - 1];
  const final = last[last.length - 1];
  const below = final.value < final.threshold;
  const limit = formatMetric(metric, final.threshold);
  const comparison = lang === "zh" ? `${below ? "低于" : "高于"} ${limit}` : `${below ? "below" : "above"} ${limit}`;
  const parts = shown.map((seg) => {
    const values = valueList(
      metric,
      seg.map((p) => p.value),
      lang === "zh" ? "、" : ", ",
      lang,
    );
    const range = rangeOf(seg[0].at, seg[seg.length - 1].at, style);
    if (lang === "zh") return `${values}（${range}）`;
    return `${values} ${periods === "week" ? "in" : "on"} ${range}`;
  });
  const rest = more(segments.length - shown.length, lang);
  return lang === "zh"
    ? `${label} ${parts.join("；")}${rest}，${comparison}`
    : `${label} ${parts.join(" and ")}${rest}, ${comparison}`;
}

/** The period before a falling run's first week (its baseline), as the same kind of period. */
function before(at: At): At {
  if (at.kind === "day") return { kind: "day", day: at.day - 7 };
  if (at.kind === "week") return { kind: "week", monday: at.monday - 7 };
  return { kind: "row", row: at.row - 1 };
}

/** "Weekly mean repurchase rate 18% → 17% → 16% (weeks of Mar 2 – 16), falling 2 weeks running". */
function fallingText(label: string, segments: Point[][], style: Style): string {
  const { periods, lang } = style;
  const shown = segments.slice(0, MAX_SEGMENTS);
  const parts = shown.map((seg) => {
    const chain = [seg[0].baseline ?? NaN, ...seg.map((p) => p.value)]
      .map((v) => formatMetric("repurchaseRate", v))
      .join(" → ");
    const range = rangeOf(before(seg[0].at), seg[seg.length - 1].at, style);
    const n = seg.length;
    const unit =
      periods === "week"
        ? { en: n === 1 ? "week" : "weeks", zh: "周" }
        : { en: n === 1 ? "period" : "periods", zh: "期" };
    // With evidence (issue 18 §1): "31.5% → 30.5% → 28.5% (weeks of Jan 26 – Feb 9), down 9.5% over 2 weeks, …".
    const decline = seg[seg.length - 1].decline;
    if (decline) return lang === "zh" ? `${chain}（${range}），${decline.zh}` : `${chain} (${range}), ${decline.en}`;
    return lang === "zh"
      ? `${chain}（${range}），连续 ${n} ${unit.zh}下滑`
      : `${chain} (${range}), falling ${n} ${unit.en} running`;
  });
  const rest = more(segments.length - shown.length, lang);
  return lang === "zh" ? `${label} ${parts.join("；")}${rest}` : `${label} ${parts.join("; ")}${rest}`;
}

/**
 * The first traffic value with its reason in full (it names its baseline), then the others with their baselines:
 * "Traffic 4,000 (Mar 7) is 59% below the mean of the last 4 Saturdays (9,850); limit 30%; then 3,900 (Mar 14,
 * baseline 9,700)".
 */
function trafficText(points: Point[], style: Style): string {
  const lang = style.lang;
  const [first, ...others] = points;
  const shown = others.slice(0, MAX_SEGMENTS);
  const tail = shown.map((p) => {
    const v = formatMetric("traffic", p.value);
    const m = formatMetric("traffic", p.baseline ?? NaN);
    const at = rangeOf(p.at, p.at, style);
    return lang === "zh" ? `${v}（${at}，基准 ${m}）` : `${v} (${at}, baseline ${m})`;
  });
  const rest = more(others.length - shown.length, lang);
  if (tail.length === 0) return first.reason[lang];
  return lang === "zh"
    ? `${first.reason.zh}；另有 ${tail.join("、")}${rest}`
    : `${first.reason.en}; then ${tail.join(", ")}${rest}`;
}

/** The cells in a table column: up to `max` ranges ("C3, C5, C7"), else the first two, "…" and the last. */
export function cellsText(evidence: Pick<FindingEvidence, "cells">, max = 3): string {
  const c = evidence.cells;
  return c.length <= max ? c.join(", ") : `${c[0]}, ${c[1]}, …, ${c[c.length - 1]}`;
}
