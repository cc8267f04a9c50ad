/**
 * Number and date text for reasons and the report, the same on every host (no locale-dependent Intl output).
 */
import { civilFromDays, formatIsoDay } from "../table/dates";

export type Lang = "en" | "zh";

/** A text in both languages of the add-in. */
export interface Bilingual {
  en: string;
  zh: string;
}

/**
 * Columns a string takes in a terminal or a spreadsheet column: East Asian wide and full-width characters
 * (Hangul Jamo, CJK, Hangul syllables, compatibility ideographs, vertical and full-width forms) take two.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function group(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** At most `decimals` decimals, trailing zeros dropped, thousands grouped: 1234.5 → "1,234.5", 1.2 → "1.2". */
export function formatNumber(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return String(x);
  let s = x.toFixed(decimals);
  if (decimals > 0) {
    let end = s.length;
    while (s.charCodeAt(end - 1) === 48 /* 0 */) end--;
    if (s.charCodeAt(end - 1) === 46 /* . */) end--;
    s = s.slice(0, end);
  }
  if (s === "-0") return "0";
  if (x > -1000 && x < 1000) return s;
  const neg = s.startsWith("-");
  const dot = s.indexOf(".");
  const i = s.slice(neg ? 1 : 0, dot < 0 ? s.length : dot);
  return (neg ? "-" : "") + group(i) + (dot < 0 ? "" : s.slice(dot));
}

/** A fraction as a percentage: 0.012 → "1.2%". */
export function formatPercent(x: number, decimals = 2): string {
  return formatNumber(x * 100, decimals) + "%";
}

/** "3 Mar" / "3月3日"; with the year when `withYear`. */
export function formatDay(day: number, lang: Lang, withYear = false): string {
  const [y, m, d] = civilFromDays(day);
  if (lang === "zh") return `${withYear ? `${y}年` : ""}${m}月${d}日`;
  return `${d} ${MONTHS_EN[m - 1]}${withYear ? ` ${y}` : ""}`;
}

/** A span of days: "3–6 Mar", "28 Feb – 2 Mar", "29 Dec 2025 – 2 Jan 2026"; zh "3月3日–6日", "2月28日–3月2日". */
export function formatDayRange(first: number, last: number, lang: Lang): string {
  if (first === last) return formatDay(first, lang);
  const [y1, m1, d1] = civilFromDays(first);
  const [y2, m2, d2] = civilFromDays(last);
  if (lang === "zh") {
    if (y1 !== y2) return `${formatDay(first, "zh", true)}–${formatDay(last, "zh", true)}`;
    return m1 === m2 ? `${m1}月${d1}日–${d2}日` : `${m1}月${d1}日–${m2}月${d2}日`;
  }
  if (y1 !== y2) return `${formatDay(first, "en", true)} – ${formatDay(last, "en", true)}`;
  return m1 === m2 ? `${d1}–${d2} ${MONTHS_EN[m2 - 1]}` : `${formatDay(first, "en")} – ${formatDay(last, "en")}`;
}

export { formatIsoDay };
