/**
 * Dates as integer day numbers (days since 1970-01-01, the "epoch day"), so the engine compares and steps
 * through dates without allocating Date objects. NaN means "no readable date".
 *
 * Accepted cell values:
 * - JS Date: its UTC calendar day (ExcelJS and Office hand dates over as UTC midnight); a Date built at local
 *   midnight (UTC time not midnight, local time midnight) uses its local calendar day.
 * - Excel serial numbers of the 1900 date system (or of the 1904 one, serial 0 = 1904-01-01, when the host says the
 *   workbook uses it): 1 = 1900-01-01; serial 60 is Excel's fictitious 1900-02-29 and
 *   reads as missing; a time of day (fraction) is dropped. Integers 19000101–99991231 that form a valid date are
 *   read as yyyymmdd (they are far above any real serial).
 * - Text: "2026-03-02", "2026/03/02", "2026.03.02" (a time after the date is ignored), "2026年3月2日",
 *   ISO weeks "2026-W10" (its Monday), months "2026-03" / "2026年3月" (the 1st: monthly data), and "3/2/2026",
 *   read month-first (en-US, as Excel does) unless the column shows it is day-first (some value's first number is
 *   above 12 and none's second is) — see parseDayColumn.
 * - In a date column (parseDayColumn), numbers below 367 (dates in 1900) are week or day numbers, not dates: no
 *   channel report dates from 1900, and reading "Week 1, 2, 3" as 1–3 Jan 1900 would make weekly data daily.
 */
import type { CellValue } from "./types";

/** Epoch day of 1899-12-30, Excel's serial 0 for serials after the 1900 leap-year bug. */
const EXCEL_EPOCH = -25569;
const MAX_SERIAL = 2958465; // 9999-12-31

/** Days from civil date (proleptic Gregorian), Howard Hinnant's algorithm. m is 1–12. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Epoch day → [year, month 1–12, day 1–31]. */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

function ymd(y: number, m: number, d: number): number {
  return validYmd(y, m, d) ? daysFromCivil(y, m, d) : NaN;
}

/** "YYYY-MM-DD" of an epoch day. */
export function formatIsoDay(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** Epoch day of 1904-01-01, serial 0 of the 1904 date system (no leap-year bug there). */
const EXCEL_EPOCH_1904 = -24107;
const MAX_SERIAL_1904 = MAX_SERIAL - 1462;

/** Excel serial → epoch day (NaN when not a real date); `date1904`: the workbook uses the 1904 date system. */
export function dayFromSerial(serial: number, date1904 = false): number {
  if (!Number.isFinite(serial)) return NaN;
  const s = Math.floor(serial);
  if (s >= 19000101 && s <= 99991231) return ymd(Math.floor(s / 10000), Math.floor(s / 100) % 100, s % 100);
  if (date1904) return s < 0 || s > MAX_SERIAL_1904 ? NaN : EXCEL_EPOCH_1904 + s;
  if (s < 1 || s > MAX_SERIAL || s === 60) return NaN;
  // Serials 1–59 are before Excel's fictitious 1900-02-29, so they are one day further from 1899-12-30.
  return s < 60 ? EXCEL_EPOCH + s + 1 : EXCEL_EPOCH + s;
}

const MS_PER_DAY = 86400000;

export function dayFromDate(d: Date): number {
  const t = d.getTime();
  if (!Number.isFinite(t)) return NaN;
  if (t % MS_PER_DAY !== 0 && d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0) {
    return daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate());
  }
  return Math.floor(t / MS_PER_DAY);
}

/** ISO week index: Monday-to-Sunday weeks, week 0 holds 1970-01-01 (a Thursday). */
export function isoWeekIndex(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** The Monday of an ISO week index. */
export function mondayOfWeek(week: number): number {
  return week * 7 - 3;
}

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const ZH = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/;
const SLASH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|[T\s])/;
const ISO_WEEK = /^(\d{4})-?W(\d{1,2})(?:-?([1-7]))?$/i;
const MONTH = /^(\d{4})(?:[-/.](\d{1,2})|\s*年\s*(\d{1,2})\s*月(?:份)?)$/;

/** Monday of ISO week `w` of ISO year `y`: week 1 is the week holding 4 January. */
function isoWeekDay(y: number, w: number, dow: number): number {
  if (y < 1900 || y > 9999 || w < 1 || w > 53) return NaN;
  const jan4 = daysFromCivil(y, 1, 4);
  const week1Monday = mondayOfWeek(isoWeekIndex(jan4));
  return week1Monday + (w - 1) * 7 + (dow - 1);
}

/** Parses date text; `dayFirst` decides "3/2/2026" (false: 2 March, en-US; true: 3 February). */
export function dayFromText(text: string, dayFirst = false): number {
  let s = text.trim();
  if (s === "") return NaN;
  if (/[\uFF01-\uFF5E]/.test(s)) s = s.normalize("NFKC");
  let m = YMD.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = ZH.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = SLASH.exec(s);
  if (m) return dayFirst ? ymd(+m[3], +m[2], +m[1]) : ymd(+m[3], +m[1], +m[2]);
  m = ISO_WEEK.exec(s);
  if (m) return isoWeekDay(+m[1], +m[2], m[3] ? +m[3] : 1);
  m = MONTH.exec(s);
  if (m) return ymd(+m[1], +(m[2] ?? m[3]), 1);
  if (!LABEL_HINT.test(s)) return NaN;
  const p = labelFromText(s);
  return p !== null && p.year !== undefined ? partialDay(p, p.year) : NaN;
}

/**
 * Date labels as reports and ad-platform exports write them, possibly without a year: "1月5日", "2026年第2周",
 * "第2周", "Jan 5, 2026", "January 5", "5-Jan-26", "5 Jan 2026", "Week 2 2026", "W2 2026", "2026 W2", "Week 2".
 * A week label means that ISO week's Monday.
 */
export interface DateLabel {
  /** "md": month/day; "week": ISO week number. */
  kind: "md" | "week";
  month: number;
  day: number;
  week: number;
  year?: number;
}

const LABEL_HINT = /[a-z月周]/i;
const ZH_MD = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const ZH_WEEK = /^(?:(\d{4})\s*年\s*)?第\s*(\d{1,2})\s*周$/;
const EN_MDY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*,?\s*(\d{4}))?$/i;
const EN_DMY = /^(\d{1,2})[\s-]([a-z]{3,9})\.?(?:[\s,-]+(\d{4}|\d{2}))?$/i;
const EN_WEEK = /^(?:week|wk|w)\s*\.?\s*(\d{1,2})(?:\s*[,/-]?\s*(\d{4}))?$/i;
const EN_YEAR_WEEK = /^(\d{4})\s*[-/]?\s*(?:week|wk|w)\s*(\d{1,2})$/i;
const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthOf(name: string): number {
  const n = name.toLowerCase();
  const i = MONTH_NAMES.indexOf(n.slice(0, 3));
  if (i < 0) return 0;
  // a full or "Sept" spelling must still be that month: "march", "sept"
  const full = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ][i];
  return n.length === 3 || full.startsWith(n) || (i === 8 && n === "sept") ? i + 1 : 0;
}

/** Two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(y: string | undefined): number | undefined {
  if (y === undefined) return undefined;
  const n = +y;
  return y.length === 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

/** A date label (see DateLabel), or null. `text` is trimmed and NFKC-normalised. */
export function labelFromText(text: string): DateLabel | null {
  let m = ZH_MD.exec(text);
  if (m) return { kind: "md", month: +m[1], day: +m[2], week: 0 };
  m = ZH_WEEK.exec(text);
  if (m) return { kind: "week", month: 0, day: 0, week: +m[2], year: fullYear(m[1]) };
  m = EN_MDY.exec(text);
  if (m) {
    const month = monthOf(m[1]);
    if (month) return { kind: "md", month, day: +m[2], week: 0, year: fullYear(m[3]) };
  }
  m = EN_DMY.exec(text);
  if (m) {
    const month = monthOf(m[2]);
    if (month) return { kind: "md", month, day: +m[1], week: 0, year: fullYear(m[3]) };
  }
  m = EN_WEEK.exec(text);
  if (m) return { kind: "week", month: 0, day: 0, week: +m[1], year: fullYear(m[2]) };
  m = EN_YEAR_WEEK.exec(text);
  if (m) return { kind: "week", month: 0, day: 0, week: +m[2], year: +m[1] };
  return null;
}

/** A label's epoch day in a given year (NaN when it is no date in that year). */
export function partialDay(p: DateLabel, year: number): number {
  return p.kind === "md" ? ymd(year, p.month, p.day) : isoWeekDay(year, p.week, 1);
}

/** Where in its year a label falls, 0–1, to see a column cross into a new year (Dec → Jan). */
function yearPosition(p: DateLabel): number {
  return p.kind === "md" ? (p.month - 1 + (p.day - 1) / 31) / 12 : (p.week - 1) / 53;
}

/** One cell → epoch day (NaN when it holds no readable date). */
export function parseDay(v: CellValue, dayFirst = false, date1904 = false): number {
  if (typeof v === "number") return dayFromSerial(v, date1904);
  if (typeof v === "string") return dayFromText(v, dayFirst);
  if (v instanceof Date) return dayFromDate(v);
  return NaN;
}

/** Serial 367 = 1901-01-01: smaller numbers in a date column are week or day numbers. */
const FIRST_SERIAL_READ = 367;

/** What parseDayColumn assumed about year-less labels ("1月5日", "第2周", "Jan 5"). */
export interface DayColumnInfo {
  /** Cells read from a label without a year. */
  yearless: number;
  /** The year given to the first of them, and where it came from. */
  year?: number;
  yearFrom?: "column" | "host" | "guess";
}

export interface DayColumnOptions {
  date1904?: boolean;
  /** A year found elsewhere in the file (a title "2026年周报"), for labels without one. */
  year?: number;
  /** Filled in when labels without a year were read. */
  info?: DayColumnInfo;
}

/**
 * A whole date column → epoch days, one per row. Text values are cached (dates repeat once per channel), and
 * "a/b/yyyy" text is read day-first only when the column proves it (a first number above 12, no second one).
 * Labels without a year take it from the nearest dated row above (or the first one below), else from the host's
 * `year`, else the current year; a column that goes back more than half a year (Dec → Jan) has crossed into the
 * next year (and forward by more than half a year, in a newest-first column, into the previous one).
 */
export function parseDayColumn(
  rows: readonly CellValue[][],
  col: number,
  options: DayColumnOptions | boolean = {},
): Float64Array {
  const opts: DayColumnOptions = typeof options === "boolean" ? { date1904: options } : options;
  const date1904 = opts.date1904 === true;
  const out = new Float64Array(rows.length);
  const cache = new Map<string, number>();
  let labels: Map<string, DateLabel | null> | null = null;
  let slashText = false;
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i][col];
    if (typeof v === "number") out[i] = v < FIRST_SERIAL_READ ? NaN : dayFromSerial(v, date1904);
    else if (typeof v === "string") {
      let d = cache.get(v);
      if (d === undefined) {
        d = dayFromText(v);
        cache.set(v, d);
        if (!slashText && SLASH.test(v.trim())) slashText = true;
        if (d !== d) {
          const t = v.trim();
          const p = LABEL_HINT.test(t) ? labelFromText(/[\uFF01-\uFF5E]/.test(t) ? t.normalize("NFKC") : t) : null;
          if (p !== null && p.year === undefined) (labels ??= new Map()).set(v, p);
        }
      }
      out[i] = d;
    } else if (v instanceof Date) out[i] = dayFromDate(v);
    else out[i] = NaN;
  }
  if (slashText && isDayFirstColumn(cache.keys())) {
    const dayFirst = new Map<string, number>();
    for (const k of cache.keys()) dayFirst.set(k, dayFromText(k, true));
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i][col];
      if (typeof v === "string") out[i] = dayFirst.get(v) as number;
    }
  }
  if (labels !== null) fillYearless(rows, col, out, labels, opts);
  return out;
}

function fillYearless(
  rows: readonly CellValue[][],
  col: number,
  out: Float64Array,
  labels: Map<string, DateLabel | null>,
  opts: DayColumnOptions,
): void {
  let firstDated = -1;
  for (let i = 0; i < out.length && firstDated < 0; i++) if (out[i] === out[i]) firstDated = i;
  let year: number;
  let yearFrom: DayColumnInfo["yearFrom"];
  if (firstDated >= 0) {
    year = civilFromDays(out[firstDated])[0];
    yearFrom = "column";
  } else if (opts.year !== undefined && opts.year >= 1900 && opts.year <= 9999) {
    year = Math.floor(opts.year);
    yearFrom = "host";
  } else {
    year = new Date().getUTCFullYear();
    yearFrom = "guess";
  }
  let pos = -1;
  let count = 0;
  let firstYear: number | undefined;
  for (let i = 0; i < out.length; i++) {
    const d = out[i];
    if (d === d) {
      const [y, m, dd] = civilFromDays(d);
      year = y;
      pos = (m - 1 + (dd - 1) / 31) / 12;
      continue;
    }
    const v = rows[i][col];
    if (typeof v !== "string") continue;
    const p = labels.get(v);
    if (p === undefined || p === null) continue;
    const at = yearPosition(p);
    if (pos >= 0 && pos - at > 0.5) year++;
    else if (pos >= 0 && at - pos > 0.5) year--;
    pos = at;
    out[i] = partialDay(p, year);
    if (out[i] === out[i]) {
      count++;
      if (firstYear === undefined) firstYear = year;
    }
  }
  if (opts.info && count > 0) {
    opts.info.yearless = count;
    opts.info.year = firstYear;
    opts.info.yearFrom = yearFrom;
  }
}

function isDayFirstColumn(texts: Iterable<string>): boolean {
  let firstAbove12 = false;
  for (const t of texts) {
    const m = SLASH.exec(t.trim());
    if (!m) continue;
    if (+m[2] > 12) return false;
    if (+m[1] > 12) firstAbove12 = true;
  }
  return firstAbove12;
}
