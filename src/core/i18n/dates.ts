/**
 * The one date style of each language (issue 19 §4), for every host: reasons and evidence (core), the pane's
 * cards, the CLI summary and the report sheet.
 *
 *   en-US  "Mar 22", "Mar 22, 2025"; ranges "Apr 6 – 26", "Mar 30 – Apr 5, 2025", "Dec 29, 2025 – Jan 4, 2026"
 *   zh-CN  "3月22日", "2025年3月22日"; ranges "4月6日至26日", "3月30日至4月5日", "2025年12月29日至2026年1月4日"
 *
 * The year is shown when it differs from the data's latest year (`refYear`; none given: always) or the range spans
 * two years. Days are epoch days (UTC calendar days, table/dates.ts) and are formatted in UTC, so the text is the
 * same in every time zone.
 *
 * What Intl.DateTimeFormat writes in UTC (month: "short", day: "numeric", with year: "numeric"): `format` for a day,
 * `formatRange` for an en-US range (CLDR's en interval patterns "MMM d – d, y", "MMM d – MMM d, y",
 * "MMM d, y – MMM d, y"), and for zh-CN CLDR's zh patterns "y年M月d日至d日", "y年M月d日至M月d日",
 * "y年M月d日至y年M月d日". The month names come from Intl (formatToParts, once per language); the rest is composed
 * here, because Intl's own range text is slow (formatRange ≈ 50 µs a call, 15–25% of a flag's engine time when the
 * reasons name thousands of runs; composed: < 1 µs) and not the same on every host: ICU 72+ puts thin spaces around the dash (written
 * here as plain spaces, as older ICU did), and ICU 78 (Node 20, Chromium) formats a zh-CN month–day range as
 * "4/6 – 4/26", a second style next to "3月22日". tests/core/i18n/dates.test.ts checks every day of four years and
 * ranges of every shape against Intl's format and formatRange.
 */
import { civilFromDays } from "../table/dates";
import type { Lang } from "./format";

const LOCALE: Readonly<Record<Lang, string>> = { en: "en-US", zh: "zh-CN" };

/** Milliseconds in a day: epoch day → Date.UTC time. */
const MS_PER_DAY = 86_400_000;

const monthNames: Partial<Record<Lang, string[]>> = {};

/** The 12 short month names as Intl writes them beside a day: "Jan" … "Dec" / "1月" … "12月". */
function monthsOf(lang: Lang): string[] {
  let names = monthNames[lang];
  if (!names) {
    const f = new Intl.DateTimeFormat(LOCALE[lang], { month: "short", day: "numeric", timeZone: "UTC" });
    names = monthNames[lang] = Array.from({ length: 12 }, (_, m) => {
      const parts = f.formatToParts(Date.UTC(2026, m, 15));
      const i = parts.findIndex((p) => p.type === "month");
      // zh writes the month as a number and a literal "月"; en as a word followed by a space
      const next = parts[i + 1];
      return parts[i].value + (next && next.type === "literal" && next.value.trim() !== "" ? next.value : "");
    });
  }
  return names;
}

/** The UTC year of an epoch day. */
export function yearOfDay(day: number): number {
  return civilFromDays(day)[0];
}

/** The year of the latest day among `days` (NaN entries skipped), the reference year of a table's dates; NaN if none. */
export function latestYear(days: ArrayLike<number> | null): number {
  if (!days) return NaN;
  let max = -Infinity;
  for (let i = 0; i < days.length; i++) if (days[i] > max) max = days[i];
  return max === -Infinity ? NaN : yearOfDay(max);
}

/** The latest of several tables' reference years (RulesResult.latestYear), for text about all of them; NaN if none. */
export function latestOfYears(years: readonly (number | undefined)[]): number {
  let max = NaN;
  for (const y of years) if (y !== undefined && !(y <= max)) max = y;
  return max;
}

/** "Mar 22" / "3月22日" (CLDR MMMd), with the year "Mar 22, 2026" / "2026年3月22日" (yMMMd). */
function dayText(y: number, m: number, d: number, lang: Lang, withYear: boolean): string {
  const month = monthsOf(lang)[m - 1];
  if (lang === "zh") return `${withYear ? `${y}年` : ""}${month}${d}日`;
  return withYear ? `${month} ${d}, ${y}` : `${month} ${d}`;
}

/**
 * A day: "Mar 22" / "3月22日"; with its year ("Mar 22, 2025" / "2025年3月22日") when the year is not `refYear`.
 * @example formatDay(20534, "en", 2026) // "Mar 22" (2026-03-22)
 */
export function formatDay(day: number, lang: Lang, refYear = NaN): string {
  const [y, m, d] = civilFromDays(day);
  return dayText(y, m, d, lang, y !== refYear);
}

/**
 * A span of days, first to last: "Apr 6 – 26", "Mar 30 – Apr 5", "Dec 29, 2025 – Jan 4, 2026" / "4月6日至26日",
 * "3月30日至4月5日", "2025年12月29日至2026年1月4日"; the year as in formatDay (both ends' when they differ).
 */
export function formatDayRange(first: number, last: number, lang: Lang, refYear = NaN): string {
  if (first === last) return formatDay(first, lang, refYear);
  const [y1, m1, d1] = civilFromDays(first);
  const [y2, m2, d2] = civilFromDays(last);
  if (y1 !== y2) {
    const sep = lang === "zh" ? "至" : " – ";
    return `${dayText(y1, m1, d1, lang, true)}${sep}${dayText(y2, m2, d2, lang, true)}`;
  }
  const withYear = y1 !== refYear;
  if (lang === "zh") {
    const second = m1 === m2 ? `${d2}日` : dayText(y2, m2, d2, "zh", false);
    return `${dayText(y1, m1, d1, "zh", withYear)}至${second}`;
  }
  const second = m1 === m2 ? `${d2}` : dayText(y2, m2, d2, "en", false);
  return `${dayText(y1, m1, d1, "en", false)} – ${second}${withYear ? `, ${y1}` : ""}`;
}

/** "YYYY-MM-DD" → its epoch day (NaN for any other text: "row 4"). */
function isoDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_PER_DAY : NaN;
}

/** "row 4" (a period of a table without dates, Flag.period) → 4; NaN for any other text. */
function rowNumber(text: string): number {
  const m = /^row (\d+)$/.exec(text);
  return m ? +m[1] : NaN;
}

/**
 * A finding's periods as they are stored (Flag.period: ISO dates "2026-04-06", or "row 4" without a date column)
 * in words: "Apr 6 – 26", "rows 4–6" / "4月6日至26日", "第 4–6 行"; other text as it is.
 */
export function formatPeriodRange(first: string, last: string, lang: Lang, refYear = NaN): string {
  const a = isoDay(first);
  const b = isoDay(last);
  if (a === a && b === b) return formatDayRange(a, b, lang, refYear);
  const r1 = rowNumber(first);
  const r2 = rowNumber(last);
  if (r1 === r1 && r2 === r2) {
    const r = r1 === r2 ? `${r1}` : `${r1}–${r2}`;
    return lang === "zh" ? `第 ${r} 行` : `row${r1 === r2 ? "" : "s"} ${r}`;
  }
  return first === last ? first : `${first} – ${last}`;
}

/** One stored period in words: "2026-04-06" → "Apr 6" / "4月6日", "row 4" → "row 4" / "第 4 行". */
export function formatPeriod(period: string, lang: Lang, refYear = NaN): string {
  return formatPeriodRange(period, period, lang, refYear);
}
