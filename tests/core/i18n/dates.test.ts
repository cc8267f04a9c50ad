/**
 * The one date style per language (issue 19 §4). Expected texts are written by hand from a calendar (2026-03-22 is a
 * Sunday; ISO week 2026-W01 runs Monday 29 Dec 2025 to Sunday 4 Jan 2026; 2024 is a leap year), in the patterns
 * the README states: en-US "Mar 22", "Apr 6 – 26"; zh-CN "3月22日", "4月6日至26日" (CLDR's zh interval pattern).
 * Epoch days come from parseDay (Hinnant's civil-date algorithm), not from the formatter's own Date arithmetic.
 * Run under TZ=America/Los_Angeles and TZ=Asia/Shanghai too: the text must not move by a day.
 */
import { formatDay, formatDayRange, formatPeriod, formatPeriodRange, latestYear } from "../../../src/core/i18n/dates";
import { parseDay } from "../../../src/core/table/dates";

const d = (iso: string) => parseDay(iso);

describe("one date style per language", () => {
  it("writes a day without its year when it is the data's latest year, with it otherwise", () => {
    expect(formatDay(d("2026-03-22"), "en", 2026)).toBe("Mar 22");
    expect(formatDay(d("2026-03-22"), "zh", 2026)).toBe("3月22日");
    expect(formatDay(d("2025-03-22"), "en", 2026)).toBe("Mar 22, 2025");
    expect(formatDay(d("2025-03-22"), "zh", 2026)).toBe("2025年3月22日");
    expect(formatDay(d("2024-02-29"), "en", 2026)).toBe("Feb 29, 2024");
    // no reference year (a date on its own, e.g. the report's generation date): the year is always shown
    expect(formatDay(d("2026-12-07"), "en")).toBe("Dec 7, 2026");
    expect(formatDay(d("2026-12-07"), "zh")).toBe("2026年12月7日");
  });

  it("writes ranges as Intl's formatRange does in en-US, with plain spaces around the dash", () => {
    expect(formatDayRange(d("2026-04-06"), d("2026-04-26"), "en", 2026)).toBe("Apr 6 – 26");
    expect(formatDayRange(d("2026-03-30"), d("2026-04-05"), "en", 2026)).toBe("Mar 30 – Apr 5");
    expect(formatDayRange(d("2026-04-06"), d("2026-04-26"), "en", 2027)).toBe("Apr 6 – 26, 2026");
    expect(formatDayRange(d("2026-03-30"), d("2026-04-05"), "en")).toBe("Mar 30 – Apr 5, 2026");
    // a range over two years shows both years, whatever the reference year
    expect(formatDayRange(d("2025-12-29"), d("2026-01-04"), "en", 2026)).toBe("Dec 29, 2025 – Jan 4, 2026");
    expect(formatDayRange(d("2026-03-22"), d("2026-03-22"), "en", 2026)).toBe("Mar 22");
    expect(formatDayRange(d("2026-04-06"), d("2026-04-26"), "en", 2026)).not.toMatch(/[\u2009\u202f\u00a0]/);
  });

  it("writes zh-CN ranges in CLDR's pattern: the second day drops the year and month it shares", () => {
    expect(formatDayRange(d("2026-04-06"), d("2026-04-26"), "zh", 2026)).toBe("4月6日至26日");
    expect(formatDayRange(d("2026-03-30"), d("2026-04-05"), "zh", 2026)).toBe("3月30日至4月5日");
    expect(formatDayRange(d("2026-04-06"), d("2026-04-26"), "zh", 2025)).toBe("2026年4月6日至26日");
    expect(formatDayRange(d("2026-03-30"), d("2026-04-05"), "zh")).toBe("2026年3月30日至4月5日");
    expect(formatDayRange(d("2025-12-29"), d("2026-01-04"), "zh", 2026)).toBe("2025年12月29日至2026年1月4日");
  });

  it("formats UTC calendar days, so New Year's Day stays Jan 1 in every time zone", () => {
    expect(formatDay(d("2026-01-01"), "en", 2026)).toBe("Jan 1");
    expect(formatDay(d("2025-12-31"), "zh", 2026)).toBe("2025年12月31日");
    expect(formatDayRange(d("2026-01-01"), d("2026-01-31"), "en", 2026)).toBe("Jan 1 – 31");
  });

  it("writes a finding's stored periods: ISO dates in the style, undated rows as rows", () => {
    expect(formatPeriodRange("2026-03-03", "2026-03-05", "en", 2026)).toBe("Mar 3 – 5");
    expect(formatPeriodRange("2026-03-03", "2026-03-05", "zh", 2026)).toBe("3月3日至5日");
    expect(formatPeriod("2026-11-06", "en", 2026)).toBe("Nov 6");
    expect(formatPeriodRange("row 4", "row 6", "en")).toBe("rows 4–6");
    expect(formatPeriodRange("row 4", "row 6", "zh")).toBe("第 4–6 行");
    expect(formatPeriod("row 4", "zh")).toBe("第 4 行");
  });

  // Intl as the independent reference: what it writes for each day and (en-US) each range, its thin and no-break
  // spaces read as plain ones; for zh-CN ranges, Intl's two days joined by 至 with the year and month the second day
  // shares with the first cut from its start (CLDR's zh interval pattern, done on the strings).
  const plain = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, " ");
  const intl = (lang: "en" | "zh", year: boolean) =>
    new Intl.DateTimeFormat(lang === "en" ? "en-US" : "zh-CN", {
      month: "short",
      day: "numeric",
      timeZone: "UTC",
      ...(year ? { year: "numeric" } : {}),
    });
  const ms = (day: number) => day * 86_400_000;
  const first = d("2024-01-01");
  const last = d("2027-12-31");

  it("writes every day of 2024–2027 as Intl.DateTimeFormat does, with and without the year", () => {
    for (const lang of ["en", "zh"] as const) {
      const [short, long] = [intl(lang, false), intl(lang, true)];
      for (let day = first; day <= last; day++) {
        expect(formatDay(day, lang, 1999)).toBe(plain(long.format(ms(day))));
        expect(formatDay(day, lang, new Date(ms(day)).getUTCFullYear())).toBe(plain(short.format(ms(day))));
      }
    }
  });

  it("writes en-US ranges of every shape as Intl's formatRange does", () => {
    const [short, long] = [intl("en", false), intl("en", true)];
    for (let start = d("2025-01-01"); start <= d("2026-12-31"); start++)
      for (const length of [1, 2, 6, 13, 27, 40, 400]) {
        const end = start + length;
        const sameYear = new Date(ms(start)).getUTCFullYear() === new Date(ms(end)).getUTCFullYear();
        const refYear = new Date(ms(start)).getUTCFullYear();
        expect(formatDayRange(start, end, "en", 1999)).toBe(plain(long.formatRange(ms(start), ms(end))));
        if (sameYear)
          expect(formatDayRange(start, end, "en", refYear)).toBe(plain(short.formatRange(ms(start), ms(end))));
      }
  });

  it("writes zh-CN ranges of every shape as Intl's two days in CLDR's zh interval pattern", () => {
    const cut = (a: string, b: string) => {
      // the second day drops the leading "2026年" and "4月" it shares with the first
      let out = b;
      let rest = a;
      for (const unit of ["年", "月"]) {
        const i = out.indexOf(unit);
        if (i < 0) continue;
        if (!rest.startsWith(out.slice(0, i + 1))) break;
        out = out.slice(i + 1);
        rest = rest.slice(i + 1);
      }
      return out;
    };
    const [short, long] = [intl("zh", false), intl("zh", true)];
    for (let start = d("2025-01-01"); start <= d("2026-12-31"); start++)
      for (const length of [1, 2, 6, 13, 27, 40, 400]) {
        const end = start + length;
        const y1 = new Date(ms(start)).getUTCFullYear();
        const spans = y1 !== new Date(ms(end)).getUTCFullYear();
        const a = long.format(ms(start));
        const b = long.format(ms(end));
        expect(formatDayRange(start, end, "zh", 1999)).toBe(spans ? `${a}至${b}` : `${a}至${cut(a, b)}`);
        if (!spans) {
          const sa = short.format(ms(start));
          expect(formatDayRange(start, end, "zh", y1)).toBe(`${sa}至${cut(sa, short.format(ms(end)))}`);
        }
      }
  });

  it("takes the reference year from the latest date, skipping missing ones", () => {
    expect(latestYear(new Float64Array([d("2025-12-29"), NaN, d("2026-01-04"), d("2025-06-01")]))).toBe(2026);
    expect(latestYear(new Float64Array([NaN]))).toBeNaN();
    expect(latestYear(null)).toBeNaN();
  });
});
