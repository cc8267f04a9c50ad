/**
 * Number text for reasons and the report, the same on every host (no locale-dependent Intl output). Dates: dates.ts.
 */
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
