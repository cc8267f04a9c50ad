import { parseNumber, parseNumberText } from "../../../src/core/table/values";
import { dayFromSerial, formatIsoDay, parseDay, parseDayColumn, isoWeekIndex } from "../../../src/core/table/dates";

const iso = (d: number) => (Number.isNaN(d) ? "missing" : formatIsoDay(d));

describe("number values", () => {
  it("takes numbers as they are and reads numeric text", () => {
    expect(parseNumber(3.2)).toBe(3.2);
    expect(parseNumber("3.2")).toBe(3.2);
    expect(parseNumber(" -0.5 ")).toBe(-0.5);
    expect(parseNumber("1,234")).toBe(1234);
    expect(parseNumber("1,234,567.5")).toBe(1234567.5);
    expect(parseNumber("3.2x")).toBe(3.2);
    expect(parseNumber("$1,200")).toBe(1200);
  });

  it("reads percentage text as a fraction: 1.2% is 0.012", () => {
    expect(parseNumber("1.2%")).toBeCloseTo(0.012, 12);
    expect(parseNumber("45 %")).toBeCloseTo(0.45, 12);
  });

  it("reads full-width digits, signs and percent", () => {
    expect(parseNumber("１.２％")).toBeCloseTo(0.012, 12);
    expect(parseNumber("３２０")).toBe(320);
  });

  it("treats blanks, n/a, dashes, booleans, dates and other text as missing", () => {
    for (const v of [
      null,
      undefined,
      "",
      "  ",
      "n/a",
      "-",
      "—",
      "abc",
      "1,2",
      "12,34",
      true,
      new Date(0),
      NaN,
      Infinity,
    ]) {
      expect(Number.isNaN(parseNumber(v))).toBe(true);
    }
    expect(Number.isNaN(parseNumberText("0x10"))).toBe(true);
  });
});

describe("date values", () => {
  it("reads Excel serial numbers of the 1900 system, including its fictitious 29 Feb 1900", () => {
    // 25569 = 1970-01-01 and 45658 = 2025-01-01 (Excel); 2026-03-02 = 45658 + 365 + 31 + 28 + 1 = 46083
    expect(iso(dayFromSerial(25569))).toBe("1970-01-01");
    expect(iso(dayFromSerial(46083))).toBe("2026-03-02");
    expect(iso(dayFromSerial(46083.75))).toBe("2026-03-02"); // the time of day is dropped
    expect(iso(dayFromSerial(1))).toBe("1900-01-01");
    expect(iso(dayFromSerial(59))).toBe("1900-02-28");
    expect(iso(dayFromSerial(60))).toBe("missing"); // Excel's 1900-02-29 does not exist
    expect(iso(dayFromSerial(61))).toBe("1900-03-01");
    expect(iso(dayFromSerial(0))).toBe("missing");
  });

  it("reads yyyymmdd integers", () => {
    expect(iso(parseDay(20260302))).toBe("2026-03-02");
    expect(iso(parseDay(20260230))).toBe("missing");
  });

  it("reads ISO, slashed, dotted and Chinese date text, and ISO week text as its Monday", () => {
    for (const t of [
      "2026-03-02",
      "2026/03/02",
      "2026/3/2",
      "2026.03.02",
      "2026-03-02 00:00:00",
      "2026-03-02T08:00",
      "2026年3月2日",
      "2026 年 3 月 2 日",
      "2026-W10",
      "2026W10",
    ]) {
      expect([t, iso(parseDay(t))]).toEqual([t, "2026-03-02"]);
    }
  });

  it("reads a month as its first day", () => {
    for (const t of ["2026-03", "2026/3", "2026年3月", "2026年3月份"])
      expect([t, iso(parseDay(t))]).toEqual([t, "2026-03-01"]);
  });

  it("does not read small numbers in a date column as 1900 dates (they are week numbers)", () => {
    expect(Array.from(parseDayColumn([[1], [2], [366], [367], [46083]], 0), iso)).toEqual([
      "missing",
      "missing",
      "missing",
      "1901-01-01",
      "2026-03-02",
    ]);
  });

  it("reads m/d/yyyy month-first unless the column proves it is day-first", () => {
    expect(iso(parseDay("3/2/2026"))).toBe("2026-03-02");
    const us = parseDayColumn([["3/2/2026"], ["3/13/2026"]], 0);
    expect(Array.from(us, iso)).toEqual(["2026-03-02", "2026-03-13"]);
    const eu = parseDayColumn([["3/2/2026"], ["13/2/2026"]], 0);
    expect(Array.from(eu, iso)).toEqual(["2026-02-03", "2026-02-13"]);
  });

  it("takes a Date's calendar day whether it was made at UTC or local midnight", () => {
    expect(iso(parseDay(new Date(Date.UTC(2026, 2, 2))))).toBe("2026-03-02");
    expect(iso(parseDay(new Date(2026, 2, 2)))).toBe("2026-03-02");
  });

  it("treats impossible dates and other values as missing", () => {
    for (const v of ["2026-02-30", "2026-13-01", "Total", "", null, true, "March"])
      expect(iso(parseDay(v))).toBe("missing");
  });

  it("puts Sunday 2026-03-08 and Monday 2026-03-09 in different ISO weeks", () => {
    const sun = parseDay("2026-03-08");
    const mon = parseDay("2026-03-09");
    expect(isoWeekIndex(mon) - isoWeekIndex(sun)).toBe(1);
    expect(isoWeekIndex(parseDay("2026-03-02"))).toBe(isoWeekIndex(sun)); // Monday 2 March starts that week
  });
});
