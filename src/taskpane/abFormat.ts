/**
 * The A/B calculator's numbers rounded for reading, in the UI locale. The exact values stay one click away (copy) and
 * in the formula the calculator inserts; these are what a reader compares at a glance:
 * rates and relative lift to 3 significant figures, the absolute lift in percentage points (it is a difference of
 * two percentages, not a percentage of anything), p-values to 3 significant figures with "< 0.001" below 0.001, and
 * probabilities as percentages with "> 99.9%" / "< 0.1%" at the ends (more digits there would claim a precision no
 * test of this size has).
 */

const NA = "–";

/** A conversion rate: 0.1 → "10%", 0.001234 → "0.123%". */
export function formatRate(x: number, locale: string): string {
  if (!Number.isFinite(x)) return NA;
  return new Intl.NumberFormat(locale, { style: "percent", maximumSignificantDigits: 3 }).format(x);
}

/**
 * A difference of two rates in percentage points, signed: 0.02 → "+2.0", 0.0052 → "+0.52", −0.1234 → "−12.3"
 * (one decimal from 1 pp up, else 2 significant figures). The unit ("pp", "个百分点") is the caller's string.
 */
export function formatPoints(d: number, locale: string): string {
  if (!Number.isFinite(d)) return NA;
  const pp = d * 100;
  const options: Intl.NumberFormatOptions =
    Math.abs(pp) >= 1 || pp === 0
      ? { minimumFractionDigits: 1, maximumFractionDigits: 1 }
      : { maximumSignificantDigits: 2 };
  return new Intl.NumberFormat(locale, { ...options, signDisplay: "exceptZero" }).format(pp);
}

/** A relative change, signed: 0.2 → "+20%", −0.0667 → "−6.67%". */
export function formatRelative(r: number, locale: string): string {
  if (!Number.isFinite(r)) return NA;
  return new Intl.NumberFormat(locale, {
    style: "percent",
    maximumSignificantDigits: 3,
    signDisplay: "exceptZero",
  }).format(r);
}

/** A p-value: 0.152918 → "0.153", 0.0354885 → "0.0355", 3.2e-7 → "< 0.001". */
export function formatPValue(p: number, locale: string): string {
  if (!Number.isFinite(p)) return NA;
  const nf = (o: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, o);
  if (p < 0.001) return `< ${nf({ minimumFractionDigits: 3 }).format(0.001)}`;
  return nf({ maximumSignificantDigits: 3 }).format(p);
}

/** A probability as a percentage: 0.923183 → "92.3%", 0.99991 → "> 99.9%", 0.00002 → "< 0.1%". */
export function formatProbability(q: number, locale: string): string {
  if (!Number.isFinite(q)) return NA;
  const pct = (x: number, o: Intl.NumberFormatOptions = {}) =>
    new Intl.NumberFormat(locale, { style: "percent", ...o }).format(x);
  if (q > 0.999) return `> ${pct(0.999, { minimumFractionDigits: 1 })}`;
  if (q < 0.001 && q > 0) return `< ${pct(0.001, { minimumFractionDigits: 1 })}`;
  return pct(q, { maximumSignificantDigits: 3 });
}

/** An expected relative loss (it can pass 100%): 0.00417 → "0.417%", below 0.1% "< 0.1%". */
export function formatRisk(r: number, locale: string): string {
  if (!Number.isFinite(r)) return NA;
  if (r < 0.001 && r > 0)
    return `< ${new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1 }).format(0.001)}`;
  return formatRate(r, locale);
}

/** The exact value for the clipboard: all 17 significant digits JavaScript keeps, in formula syntax ("0.152918…"). */
export function exactText(x: number): string {
  return String(x);
}
