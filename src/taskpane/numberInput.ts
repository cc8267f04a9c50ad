/**
 * Numbers typed into the pane's boxes, as the user's locale writes them: "1,000" and "1,000.5" in en-US, "1.000" and
 * "0,95" in de-DE, "1 000" (space, no-break or narrow no-break space) and "1'000" anywhere, full-width digits
 * ("１０００"). The locale's separators come from Intl.NumberFormat, not from a hand-kept table.
 *
 * Rule for text that fits both readings: the locale's reading wins ("1.000" is one thousand in de-DE and one in
 * en-US). In a locale whose decimal mark is a comma, text that does not fit its grouping but is a decimal with a point
 * ("0.95", "1.5" in de-DE) is read as that decimal, as computers write it. A comma in an en-US number is only a
 * thousands separator ("1,5" is not a number there).
 */

export interface Separators {
  decimal: string;
  group: string;
}

/** The locale's decimal and group separators, from how it writes 12,345.6. */
export function separatorsOf(locale: string): Separators {
  let decimal = ".";
  let group = ",";
  try {
    for (const part of new Intl.NumberFormat(locale).formatToParts(12345.6)) {
      if (part.type === "decimal") decimal = part.value;
      else if (part.type === "group") group = part.value;
    }
  } catch {
    // An unknown locale tag: the en-US separators.
  }
  return { decimal, group };
}

// Separators that are never a decimal point in any locale, so they are read as thousands groups everywhere.
const SPACE_GROUPS = /[\s\u00a0\u202f\u2009'’]/g;
const SPACE_GROUP = /^[\s\u00a0\u202f\u2009'’]$/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "1,234.5" with group g and decimal d → a pattern that accepts groups of three after the first one to three digits. */
function groupedPattern(g: string, d: string): RegExp {
  return new RegExp(`^\\d{1,3}(?:${escape(g)}\\d{3})+(?:${escape(d)}\\d+)?$`);
}

/**
 * Text → number in the given locale, or NaN. A trailing "%" divides by 100 when `percent` is set (else the text is
 * not a number). A leading minus ("-", "−") gives a negative number; the caller decides whether that is allowed.
 */
export function parseLocaleNumber(text: string, locale: string, options: { percent?: boolean } = {}): number {
  let s = text
    .normalize("NFKC")
    .trim()
    .replace(/\u2212/g, "-");
  if (s === "") return NaN;
  let scale = 1;
  if (s.endsWith("%")) {
    if (!options.percent) return NaN;
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    sign = s.startsWith("-") ? -1 : 1;
    s = s.slice(1).trim();
  }
  // Spaces and apostrophes between digits are thousands groups: "1 000", "1'000".
  const spaced = s.replace(SPACE_GROUPS, " ");
  if (/ /.test(spaced)) {
    if (!/^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/.test(spaced)) return NaN;
    s = spaced.replace(/ /g, "");
    // After space groups the decimal mark is either separator ("1 000,5" in fr-FR, "1 000.5" in en-CA).
    return sign * scale * Number(s.replace(",", "."));
  }
  const { decimal, group } = separatorsOf(locale);
  const d = decimal === "," ? "," : ".";
  const g = d === "," ? "." : ",";
  const localPlain = new RegExp(`^(?:\\d+(?:${escape(d)}\\d*)?|${escape(d)}\\d+)$`);
  let value = NaN;
  if (localPlain.test(s)) value = Number(s.replace(d, "."));
  else if ((group === g || SPACE_GROUP.test(group)) && groupedPattern(g, d).test(s))
    value = Number(s.split(g).join("").replace(d, "."));
  else if (d === "," && /^(?:\d+\.\d*|\.\d+)$/.test(s)) value = Number(s);
  return Number.isFinite(value) ? sign * scale * value : NaN;
}
