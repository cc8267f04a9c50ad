/**
 * Cell values of a CSV typed as Excel types them when it opens the file (issue 17 §1), with the decisions made once
 * per file (the decimal separator) or once per column (day/month order, GA4's yyyymmdd dates), never per cell:
 * - numbers `1,234.56` or `1.234,56` (also `1 234,56`), a sign or accounting parentheses, a currency sign before or
 *   after ($ € £ ¥ ￥ ₩ ₹), `12.3%` → 0.123 with a % format; grouped numbers get Excel's #,##0 formats;
 * - `--`, `-`, `—` and empty are missing (an empty cell);
 * - dates `2026-11-02` (a time after it kept), `2026/11/2`, `2026.11.02`, `2026年11月2日`, `02.11.2026` (day
 *   first, as written in Germany, Russia…), `11/2/2026` (month first unless the column shows day first: some first
 *   number above 12 and no second one; ambiguous columns of a comma-decimal file read day first), `20261102` (GA4:
 *   a column whose numbers are all such dates), `Nov 2, 2026`, `2 Nov 2026`; a date becomes an Excel serial with
 *   the format it was written in; date labels without a year (`1月5日`, `第2周`, `Week 2`) stay text, which the
 *   rules read (src/core/table/dates.ts);
 * - IDs with leading zeros (`007`) and integers of more than 15 digits (campaign IDs) stay text, where Excel would
 *   drop the zeros or the last digits; TRUE/FALSE are booleans.
 */
import { daysFromCivil, labelFromText } from "../../core/table/dates";

export type DecimalMark = "." | ",";

/** A typed cell: kind and value (a number for "n" and dates, text for "s", a boolean for "b"). */
export interface Typed {
  kind: "empty" | "n" | "s" | "b";
  num: number;
  text: string;
  bool: boolean;
  /** Number-format code ("" for General). */
  format: string;
}

/** What the whole file decided, reported with the result. */
export interface FileTyping {
  decimal: DecimalMark;
  /** Why: "values" (numbers in the file show it), "delimiter" (none did; semicolon files use a decimal comma). */
  decimalFrom: "values" | "delimiter";
  /** 0-based columns whose d/m/yyyy dates were read day first. */
  dayFirstColumns: number[];
  /** 0-based columns read as GA4 yyyymmdd dates. */
  ymdColumns: number[];
}

/** Per-column decisions. */
export interface ColumnTyping {
  dayFirst: boolean;
  ymd8: boolean;
}

/** Serial of epoch day 0 (1970-01-01) in Excel's 1900 date system (valid from 1900-03-01). */
const EXCEL_SERIAL_OF_EPOCH = 25569;
const FIRST_SERIAL_DAY = daysFromCivil(1900, 3, 1);

/** The Excel serial of a civil date, or NaN when the date does not exist (or is before 1900-03-01). */
export function serialOf(y: number, m: number, d: number): number {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return NaN;
  const day = daysFromCivil(y, m, d);
  // daysFromCivil rolls 31 April over to 1 May: a date that does not round-trip does not exist.
  if (
    daysFromCivil(y, m, 1) + d - 1 !== day ||
    (m < 12 ? daysFromCivil(y, m + 1, 1) : daysFromCivil(y + 1, 1, 1)) <= day
  )
    return NaN;
  return day < FIRST_SERIAL_DAY ? NaN : day + EXCEL_SERIAL_OF_EPOCH;
}

const MISSING = new Set(["", "-", "--", "—", "–"]);

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YMD_SEP = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$/;
const DMY_DOT = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASHED = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;
const ZH_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/;
const YMD8 = /^(\d{4})(\d{2})(\d{2})$/;

const CURRENCY = "$€£¥￥₩₹";

/** A number's shape with respect to the decimal mark (before the file's decision). */
type Shape = "dot" | "comma" | "ambiguous-dot" | "ambiguous-comma" | null;

/** The digits and separators of a number-like cell, without sign, currency, parentheses and percent sign. */
function numberCore(t: string): string {
  let s = t;
  if (s.charCodeAt(0) === 40 /* ( */ && s.charCodeAt(s.length - 1) === 41) s = s.slice(1, -1).trim();
  if (s.endsWith("%")) s = s.slice(0, -1).trimEnd();
  let c = s.charAt(0);
  if (c === "-" || c === "+") s = s.slice(1).trimStart();
  c = s.charAt(0);
  if (CURRENCY.includes(c)) s = s.slice(1).trimStart();
  c = s.charAt(0);
  if (c === "-" || c === "+") s = s.slice(1).trimStart();
  const last = s.charAt(s.length - 1);
  if (CURRENCY.includes(last)) s = s.slice(0, -1).trimEnd();
  return s;
}

/** What a cell says about the decimal mark: "1,234.56" dot, "12,5" comma, "1,234" either (grouping or decimal). */
export function decimalShape(t: string): Shape {
  const s = numberCore(t);
  const dot = s.indexOf(".");
  const comma = s.indexOf(",");
  if (dot < 0 && comma < 0) {
    return /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/.test(s) ? "ambiguous-comma" : null;
  }
  if (dot >= 0 && comma >= 0) {
    if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(s)) return "dot";
    if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(s)) return "comma";
    return null;
  }
  // a group of three after a leading 0 ("0.123") is no thousands group: only a decimal reads it
  if (/^[1-9]\d{0,2}(?:,\d{3})+$/.test(s)) return "ambiguous-comma";
  if (/^[1-9]\d{0,2}(?:\.\d{3})+$/.test(s)) return "ambiguous-dot";
  if (/^\d*\.\d+$/.test(s)) return "dot";
  if (/^\d*,\d+$/.test(s) || /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+,\d+$/.test(s)) return "comma";
  return null;
}

/**
 * The common cells of a large export, read without a regular expression: an optional "-", digits, at most one "." or
 * ",", digits, an optional "%" (`1234`, `-0.45`, `12,5%`). Returns the position of the mark (-1 without one) and sets
 * quickDigits/quickPercent, or returns -2 when the text is anything else (the full grammar decides then).
 */
let quickDigits = 0;
let quickPercent = false;
function quickScan(t: string): number {
  let end = t.length;
  quickPercent = end > 1 && t.charCodeAt(end - 1) === 37;
  if (quickPercent) end--;
  let i = t.charCodeAt(0) === 45 ? 1 : 0;
  let mark = -1;
  quickDigits = 0;
  if (i >= end) return -2;
  for (; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) quickDigits++;
    else if ((c === 46 || c === 44) && mark < 0) mark = i;
    else return -2;
  }
  return quickDigits === 0 || mark === end - 1 ? -2 : mark;
}

/** Per-file evidence for the decimal mark, gathered cell by cell. */
export class DecimalEvidence {
  dot = 0;
  comma = 0;
  /** Cells such as "1.234" (a dot between groups of three, no other mark). */
  dotGroups = 0;

  add(t: string): void {
    const mark = quickScan(t);
    if (mark === -1) return; // digits only: no evidence
    if (mark >= 0) {
      const start = t.charCodeAt(0) === 45 ? 1 : 0;
      const after = t.length - (quickPercent ? 1 : 0) - mark - 1;
      // "12.5", "0,25": a decimal mark; "1.234", "1,234": either (a thousands group or three decimals)
      if (after !== 3 || mark === start || mark - start > 3 || t.charCodeAt(start) === 48) {
        if (t.charCodeAt(mark) === 46) this.dot++;
        else this.comma++;
      } else if (t.charCodeAt(mark) === 46) this.dotGroups++;
      return;
    }
    const shape = decimalShape(t);
    if (shape === "dot") this.dot++;
    else if (shape === "comma") this.comma++;
    else if (shape === "ambiguous-dot") this.dotGroups++;
  }

  /** The file's decimal mark: the evidence's majority, else the delimiter's custom. */
  decide(delimiter: string): { decimal: DecimalMark; from: "values" | "delimiter" } {
    if (this.comma > this.dot) return { decimal: ",", from: "values" };
    if (this.dot > this.comma) return { decimal: ".", from: "values" };
    return { decimal: delimiter === ";" ? "," : ".", from: "delimiter" };
  }
}

/** True when text may be a number or a date (a digit, sign, decimal mark, currency sign or parenthesis first). */
export function numericStart(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    c === 45 ||
    c === 43 ||
    c === 46 ||
    c === 44 ||
    c === 40 ||
    CURRENCY.includes(String.fromCharCode(c))
  );
}

/** Per-column evidence: day/month order of d/m/yyyy dates, and whether 8-digit numbers are GA4 dates. */
export class ColumnEvidence {
  /** Cells written d/m/yyyy or m/d/yyyy. */
  slashDates = 0;
  firstOver12 = 0;
  secondOver12 = 0;
  ymd8 = 0;
  otherNumbers = 0;

  add(t: string): void {
    if (t.length === 0 || !numericStart(t.charCodeAt(0))) return;
    const mark = quickScan(t);
    if (mark >= 0 || (mark === -1 && (quickPercent || t.length !== 8))) {
      this.otherNumbers++;
      return;
    }
    if (mark === -2 && isIsoDay(t)) return;
    let m = SLASHED.exec(t);
    if (m) {
      this.slashDates++;
      if (+m[1] > 12) this.firstOver12++;
      if (+m[3] > 12) this.secondOver12++;
      return;
    }
    m = YMD8.exec(t);
    if (m) {
      if (serialOf(+m[1], +m[2], +m[3]) === serialOf(+m[1], +m[2], +m[3])) this.ymd8++;
      else this.otherNumbers++;
      return;
    }
    if (/^[+-]?\d/.test(t) && !ISO.test(t) && !YMD_SEP.test(t) && !DMY_DOT.test(t)) this.otherNumbers++;
  }

  /**
   * Day first when the column proves it (a first number above 12, no second one), or, in a comma-decimal file,
   * when nothing proves either order. 8-digit numbers are dates when every number of the column is one.
   */
  decide(decimal: DecimalMark): ColumnTyping {
    const proves = this.firstOver12 > 0 && this.secondOver12 === 0;
    const ambiguous = this.firstOver12 === 0 && this.secondOver12 === 0;
    return {
      dayFirst: proves || (ambiguous && decimal === ","),
      ymd8: this.ymd8 > 0 && this.otherNumbers === 0,
    };
  }
}

const GROUP_DOT = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^\.\d+$/;
const GROUP_COMMA = /^(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d*)?$|^,\d+$/;
const EXPONENT = /^\d+(?:[.,]\d*)?[eE][+-]?\d+$/;

/** Reads a cell into `out` (reused, so a million rows allocate no result objects). */
export function typeCell(raw: string, decimal: DecimalMark, column: ColumnTyping, out: Typed): void {
  out.format = "";
  const t = raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
  if (MISSING.has(t)) {
    out.kind = "empty";
    return;
  }
  const c0 = t.charCodeAt(0);
  if (numericStart(c0)) {
    if (quickNumber(t, decimal, column, out)) return;
    if (isIsoDay(t)) {
      if (setDate(out, serialOf(digitsAt(t, 0, 4), digitsAt(t, 5, 2), digitsAt(t, 8, 2)), "yyyy-mm-dd")) return;
    } else if (c0 >= 48 && c0 <= 57 && dateCell(t, column, out)) return;
    if (numberCell(t, decimal, out)) return;
  } else if (t.length <= 5) {
    const u = t.toUpperCase();
    if (u === "TRUE" || u === "FALSE") {
      out.kind = "b";
      out.bool = u === "TRUE";
      return;
    }
  } else if (c0 > 64 && /^[a-z]{3,9}\.?\s/i.test(t) && englishDate(t, out)) return;
  out.kind = "s";
  out.text = raw;
}

/** "2026-11-02" exactly (the ISO day every export writes), checked without a regular expression. */
function isIsoDay(t: string): boolean {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function digitsAt(t: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) v = v * 10 + (t.charCodeAt(i) - 48);
  return v;
}

/**
 * quickScan's cells typed directly: a plain number in the file's decimal mark, or a percentage of one; General (or a
 * % format). Leaves leading zeros, 16+ digits, GA4 dates and a mark between groups of three to the full grammar.
 */
function quickNumber(t: string, decimal: DecimalMark, column: ColumnTyping, out: Typed): boolean {
  const mark = quickScan(t);
  if (mark === -2 || quickDigits > 15) return false; // the full grammar counts the significant digits
  if (mark >= 0 && t.charCodeAt(mark) !== (decimal === "." ? 46 : 44)) return false;
  const start = t.charCodeAt(0) === 45 ? 1 : 0;
  const intDigits = (mark < 0 ? t.length - (quickPercent ? 1 : 0) : mark) - start;
  if (intDigits > 1 && t.charCodeAt(start) === 48) return false; // "007": an ID, or "0.5" written "00,5"
  if (mark < 0 && column.ymd8 && intDigits === 8 && !quickPercent) return false;
  const body = quickPercent ? t.slice(0, -1) : t;
  const value = Number(decimal === "." || mark < 0 ? body : body.replace(",", "."));
  out.kind = "n";
  if (quickPercent) {
    out.num = Number((value / 100).toPrecision(15));
    out.format = mark < 0 ? "0%" : "0.00%";
  } else out.num = value;
  return true;
}

/** "Nov 2, 2026", "November 2 2026" (a label with its year; one without stays text). */
function englishDate(t: string, out: Typed): boolean {
  const p = labelFromText(t);
  if (!p || p.kind !== "md" || p.year === undefined || !/\d{4}$/.test(t)) return false;
  return setDate(out, serialOf(p.year, p.month, p.day), "mmm d, yyyy");
}

function setDate(out: Typed, serial: number, format: string): boolean {
  if (serial !== serial) return false;
  out.kind = "n";
  out.num = serial;
  out.format = format;
  return true;
}

/** Zero-padded month and day ("mm", "dd") when the text pads either ("2026.11.02"), else "m", "d". */
function padded(a: string, b: string, single: string, double: string): string {
  return (a.length === 2 && a[0] === "0") || (b.length === 2 && b[0] === "0") ? double : single;
}

function dateCell(t: string, column: ColumnTyping, out: Typed): boolean {
  let m = ISO.exec(t);
  if (m) {
    let serial = serialOf(+m[1], +m[2], +m[3]);
    if (m[4] === undefined) return setDate(out, serial, "yyyy-mm-dd");
    const h = +m[4];
    const min = +m[5];
    const sec = m[6] === undefined ? 0 : +m[6];
    if (h > 23 || min > 59 || sec > 59) return false;
    serial += (h * 3600 + min * 60 + sec) / 86400;
    return setDate(out, serial, m[6] === undefined ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd hh:mm:ss");
  }
  m = YMD_SEP.exec(t);
  if (m)
    return setDate(
      out,
      serialOf(+m[1], +m[3], +m[4]),
      `yyyy${m[2]}${padded(m[3], m[4], "m", "mm")}${m[2]}${padded(m[3], m[4], "d", "dd")}`,
    );
  m = DMY_DOT.exec(t);
  if (m) return setDate(out, serialOf(+m[3], +m[2], +m[1]), "dd.mm.yyyy");
  m = SLASHED.exec(t);
  if (m) {
    const sep = m[2];
    const [d, mo] = column.dayFirst ? [+m[1], +m[3]] : [+m[3], +m[1]];
    return setDate(out, serialOf(+m[4], mo, d), column.dayFirst ? `d${sep}m${sep}yyyy` : `m${sep}d${sep}yyyy`);
  }
  m = ZH_DATE.exec(t);
  if (m) return setDate(out, serialOf(+m[1], +m[2], +m[3]), 'yyyy"年"m"月"d"日"');
  if (column.ymd8) {
    m = YMD8.exec(t);
    if (m) return setDate(out, serialOf(+m[1], +m[2], +m[3]), "yyyy-mm-dd");
  }
  return false;
}

/**
 * More digits than Excel keeps (15): the integer part without leading zeros and the fraction without trailing
 * zeros ("1000000000.000000" has 10; a 17-digit campaign ID has 17 and stays text).
 */
function tooManyDigits(intDigits: string, frac: string): boolean {
  return intDigits.replace(/^0+/, "").length + frac.replace(/0+$/, "").length > 15;
}

function numberCell(t: string, decimal: DecimalMark, out: Typed): boolean {
  let s = t;
  let negative = false;
  let percent = false;
  let currency = "";
  let currencyAfter = false;
  if (s.charCodeAt(0) === 40 && s.charCodeAt(s.length - 1) === 41) {
    negative = true; // accounting: (1,234) is −1,234
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }
  let c = s.charAt(0);
  if (c === "-" || c === "+") {
    if (c === "-") negative = !negative;
    s = s.slice(1).trimStart();
  }
  if (CURRENCY.includes(s.charAt(0))) {
    currency = s.charAt(0);
    s = s.slice(1).trimStart();
    c = s.charAt(0);
    if (c === "-" || c === "+") {
      if (c === "-") negative = !negative;
      s = s.slice(1).trimStart();
    }
  } else if (CURRENCY.includes(s.charAt(s.length - 1))) {
    currency = s.charAt(s.length - 1);
    currencyAfter = true;
    s = s.slice(0, -1).trimEnd();
  }
  if (s === "" || (percent && currency)) return false;
  const c0 = s.charCodeAt(0);
  if (!(c0 >= 48 && c0 <= 57) && c0 !== 46 && c0 !== 44) return false;
  let value: number;
  let grouped = false;
  let decimals = 0;
  if (EXPONENT.test(s)) {
    if (decimal === "." ? s.includes(",") : s.includes(".")) return false;
    value = Number(s.replace(",", "."));
  } else {
    if (!(decimal === "." ? GROUP_DOT : GROUP_COMMA).test(s)) return false;
    const mark = s.indexOf(decimal);
    const intPart = mark < 0 ? s : s.slice(0, mark);
    const frac = mark < 0 ? "" : s.slice(mark + 1);
    const digits = intPart.replace(/[^0-9]/g, "");
    grouped = digits.length !== intPart.length;
    // An ID: "007", "0012" (Excel would drop the zeros), or more digits than a double holds exactly.
    if (!grouped && digits.length > 1 && digits.charCodeAt(0) === 48 && !percent && !currency) return false;
    if (tooManyDigits(digits, frac)) return false;
    decimals = frac.length;
    value = Number(`${digits || "0"}.${frac || "0"}`);
  }
  if (!Number.isFinite(value)) return false;
  if (negative) value = -value;
  out.kind = "n";
  if (percent) {
    // 12.3% is 0.123; dividing by 100 in decimal (not ×0.01) keeps 12.3% from reading 0.12300000000000001
    out.num = Number((value / 100).toPrecision(15));
    out.format = decimals === 0 ? "0%" : "0.00%";
    return true;
  }
  out.num = value;
  const body = decimals > 0 ? "#,##0.00" : "#,##0";
  if (currency) out.format = currencyAfter ? `${body}" ${currency}"` : `"${currency}"${body}`;
  else if (grouped) out.format = body;
  return true;
}
