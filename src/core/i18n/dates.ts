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
 * Built on Intl.DateTimeFormat: en-US ranges are Intl's formatRange, with its thin spaces around the dash made plain
 * spaces (older ICU writes plain ones; one text on every host). zh-CN ranges follow CLDR's zh interval pattern
 * ("y年M月d日至d日"), composed from Intl's parts of each day: current ICU (78, Node 20 and Chromium) formats a
 * zh-CN month–day range as "4/6 – 4/26", a second style next to "3月22日".
 */
import type { Lang } from "./format";

const LOCALE: Readonly<Record<Lang, string>> = { en: "en-US", zh: "zh-CN" };

/** Epoch day 0 (1970-01-01) in ms. */
const MS_PER_DAY = 86_400_000;

type Formatters = { day: Intl.DateTimeFormat; dayYear: Intl.DateTimeFormat };
const formatters: Partial<Record<Lang, Formatters>> = {};

function formattersOf(lang: Lang): Formatters {
  let f = formatters[lang];
  if (!f) {
    const base = { month: "short", day: "numeric", timeZone: "UTC" } as const;
    f = formatters[lang] = {
      day: new Intl.DateTimeFormat(LOCALE[lang], base),
      dayYear: new Intl.DateTimeFormat(LOCALE[lang], { ...base, year: "numeric" }),
    };
  }
  return f;
}

/** The UTC year of an epoch day. */
export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The year of the latest day among `days` (NaN entries skipped), the reference year of a table's dates; NaN if none. */
export function latestYear(days: ArrayLike<number> | null): number {
  if (!days) return NaN;
  let max = -Infinity;
  for (let i = 0; i < days.length; i++) if (days[i] > max) max = days[i];
  return max === -Infinity ? NaN : yearOfDay(max);
}

// Reasons name a period per flagged cell: the texts are kept (a few thousand distinct days or runs at most).
const MAX_CACHED = 8192;
const dayCache = new Map<number, string>();
const rangeCache = new Map<string, string>();

function remember<K>(cache: Map<K, string>, key: K, text: string): string {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, text);
  return text;
}

/** Plain spaces for ICU's thin and no-break spaces. */
function plainSpaces(s: string): string {
  return s.replace(/[\u2009\u202f\u00a0]/g, " ");
}

/**
 * A day: "Mar 22" / "3月22日"; with its year ("Mar 22, 2025" / "2025年3月22日") when the year is not `refYear`.
 * @example formatDay(20534, "en", 2026) // "Mar 22" (2026-03-22)
 */
export function formatDay(day: number, lang: Lang, refYear = NaN): string {
  const withYear = yearOfDay(day) !== refYear;
  const key = day * 4 + (lang === "zh" ? 2 : 0) + (withYear ? 1 : 0);
  const hit = dayCache.get(key);
  if (hit !== undefined) return hit;
  const f = formattersOf(lang);
  return remember(dayCache, key, plainSpaces((withYear ? f.dayYear : f.day).format(day * MS_PER_DAY)));
}

/**
 * A span of days, first to last: "Apr 6 – 26", "Mar 30 – Apr 5", "Dec 29, 2025 – Jan 4, 2026" / "4月6日至26日",
 * "3月30日至4月5日", "2025年12月29日至2026年1月4日"; the year as in formatDay (both ends' when they differ).
 */
export function formatDayRange(first: number, last: number, lang: Lang, refYear = NaN): string {
  if (first === last) return formatDay(first, lang, refYear);
  const key = `${lang}${first},${last},${refYear}`;
  const hit = rangeCache.get(key);
  if (hit !== undefined) return hit;
  const y1 = yearOfDay(first);
  const y2 = yearOfDay(last);
  const withYear = y1 !== y2 || y1 !== refYear;
  const text = lang === "zh" ? zhRange(first, last, withYear) : enRange(first, last, withYear);
  return remember(rangeCache, key, text);
}

function enRange(first: number, last: number, withYear: boolean): string {
  const f = formattersOf("en");
  return plainSpaces((withYear ? f.dayYear : f.day).formatRange(first * MS_PER_DAY, last * MS_PER_DAY));
}

/** CLDR zh intervalFormats yMMMd / MMMd: "y年M月d日至d日", "y年M月d日至M月d日", "y年M月d日至y年M月d日". */
function zhRange(first: number, last: number, withYear: boolean): string {
  const f = formattersOf("zh");
  const fmt = withYear ? f.dayYear : f.day;
  const a = fmt.formatToParts(first * MS_PER_DAY);
  const b = fmt.formatToParts(last * MS_PER_DAY);
  const value = (parts: Intl.DateTimeFormatPart[], type: string) => parts.find((p) => p.type === type)?.value;
  // The second day drops the fields it shares with the first, from the year down: the year, then the month.
  let from = 0;
  if (value(a, "year") === value(b, "year")) {
    from = b.findIndex((p) => p.type === "month");
    if (value(a, "month") === value(b, "month")) from = b.findIndex((p) => p.type === "day");
  }
  const second = b.slice(Math.max(0, from));
  return plainSpaces(`${a.map((p) => p.value).join("")}至${second.map((p) => p.value).join("")}`);
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
