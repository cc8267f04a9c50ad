/**
 * Metric values: numbers, or text that reads as a number. Everything else is missing (NaN): blanks, "n/a", "-",
 * booleans, dates, any other text. Missing values are never flagged and break "consecutive" runs.
 *
 * Text accepted: "3.2", " -3.2 ", "1,234" / "1,234.5" (comma thousands groups only), "1.2%" → 0.012, "3.2x" (ROI
 * multiples), a leading currency sign ($ ¥ € £), full-width digits and signs ("１．２％"), the Unicode minus, and
 * ratios "a:b" / "a：b" as the seed article writes ROI (投入产出比 "1:3.8" = 3.8 returned per 1 spent): b ÷ a, or
 * a ÷ b when `firstOverSecond` (LTV:CAC "3:1" = 3).
 */
import type { CellValue } from "./types";

// The project's one grammar of numeric text: every parser (metric cells, settings, the pane's boxes) builds on these.
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const FULL_WIDTH = /[\uFF01-\uFF5E\u2212]/;

const RATIO = /^(\d+(?:\.\d*)?|\.\d+)\s*:\s*(\d+(?:\.\d*)?|\.\d+)$/;

/** A plain decimal ("1.5", "-.5", "2e3"; spaces around allowed) → number, or NaN: what a settings box accepts. */
export function parseDecimal(text: string): number {
  const s = text.trim();
  return PLAIN.test(s) ? Number(s) : NaN;
}

/** A plain decimal or one with comma thousands groups ("1,234.5"), already trimmed → number, or NaN. */
export function parseGroupedDecimal(s: string): number {
  if (PLAIN.test(s)) return Number(s);
  if (GROUPED.test(s)) return Number(s.replace(/,/g, ""));
  return NaN;
}

/** Text → number, or NaN. A trailing "%" divides by 100: "1.2%" → 0.012. "1:3.8" → 3.8 (see above). */
export function parseNumberText(text: string, firstOverSecond = false): number {
  let s = text.trim();
  if (s === "") return NaN;
  if (PLAIN.test(s)) return Number(s);
  if (FULL_WIDTH.test(s)) s = s.normalize("NFKC").replace(/\u2212/g, "-");
  if (s.includes(":")) {
    const r = RATIO.exec(s);
    if (!r) return NaN;
    const a = Number(r[1]);
    const b = Number(r[2]);
    const v = firstOverSecond ? a / b : b / a;
    return Number.isFinite(v) ? v : NaN;
  }
  let scale = 1;
  const last = s.charCodeAt(s.length - 1);
  if (last === 37 /* % */) {
    scale = 0.01;
    s = s.slice(0, -1).trimEnd();
  } else if (last === 120 || last === 88 || last === 215 /* x X × */) {
    s = s.slice(0, -1).trimEnd();
  }
  const c0 = s.charAt(0);
  if (c0 === "$" || c0 === "¥" || c0 === "€" || c0 === "£") s = s.slice(1).trimStart();
  return parseGroupedDecimal(s) * scale;
}

/** One cell → number or NaN (missing). */
export function parseNumber(v: CellValue): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (typeof v === "string") return parseNumberText(v);
  return NaN;
}

/** True when a text cell writes its own percent sign ("1.2%", "１.２％"). */
export function hasPercentSign(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const s = v.trimEnd();
  const c = s.charCodeAt(s.length - 1);
  return c === 37 || c === 0xff05;
}
