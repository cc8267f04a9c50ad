/**
 * CSV values typed as Excel types them, against values known independently: Excel serials from Excel's own date
 * system (serial 46328 is 2026-11-02: 1900-01-01 is serial 1, plus 1900's phantom 29 February), numbers as written.
 */
import fc from "fast-check";
import {
  ColumnEvidence,
  DecimalEvidence,
  decimalShape,
  serialOf,
  typeCell,
  type ColumnTyping,
  type DecimalMark,
  type Typed,
} from "../../../src/cli/csv/typing";

const PLAIN: ColumnTyping = { dayFirst: false, ymd8: false };

function typed(text: string, decimal: DecimalMark = ".", column: ColumnTyping = PLAIN): Typed {
  const out: Typed = { kind: "empty", num: 0, text: "", bool: false, format: "" };
  typeCell(text, decimal, column, out);
  return { ...out };
}

/** 2026-11-02 in Excel (Excel's DATE(2026,11,2) = 46328; LibreOffice agrees). */
const NOV_2_2026 = 46328;

describe("Excel serials", () => {
  it("match Excel's DATE for known days", () => {
    expect(serialOf(2026, 11, 2)).toBe(NOV_2_2026);
    expect(serialOf(1900, 3, 1)).toBe(61); // the first day after the phantom 1900-02-29
    expect(serialOf(2000, 2, 29)).toBe(36585);
    expect(serialOf(9999, 12, 31)).toBe(2958465);
    expect(serialOf(2026, 2, 29)).toBeNaN();
    expect(serialOf(2026, 4, 31)).toBeNaN();
  });
});

describe("numbers in a dot-decimal file", () => {
  it.each([
    ["1234.56", 1234.56, ""],
    ["1,234.56", 1234.56, "#,##0.00"],
    ["1,234", 1234, "#,##0"],
    ["-1,234,567", -1234567, "#,##0"],
    ["(1,234.50)", -1234.5, "#,##0.00"],
    ["12.3%", 0.123, "0.00%"],
    ["12%", 0.12, "0%"],
    ["$1,234.56", 1234.56, '"$"#,##0.00'],
    ["-$5", -5, '"$"#,##0'],
    ["¥3,200", 3200, '"¥"#,##0'],
    ["1e3", 1000, ""],
    [" 42 ", 42, ""],
    ["0", 0, ""],
    ["0.5", 0.5, ""],
    [".5", 0.5, ""],
  ])("%s → %d (%s)", (text, num, format) => {
    expect(typed(text)).toMatchObject({ kind: "n", num, format });
  });

  it("keeps IDs and text as text", () => {
    for (const t of ["007", "0012", "12345678901234567", "1.234,56", "1,23", "Search", "1:3.8", "3.2x", "1/2"]) {
      expect(typed(t)).toMatchObject({ kind: "s", text: t });
    }
  });

  it("reads --, - and empty as missing, TRUE/FALSE as booleans", () => {
    for (const t of ["", "-", "--", " -- ", "—"]) expect(typed(t).kind).toBe("empty");
    expect(typed("TRUE")).toMatchObject({ kind: "b", bool: true });
    expect(typed("false")).toMatchObject({ kind: "b", bool: false });
  });
});

describe("numbers in a comma-decimal file", () => {
  it.each([
    ["1.234,56", 1234.56, "#,##0.00"],
    ["1.234", 1234, "#,##0"],
    ["12,5", 12.5, ""],
    ["1 234,56", 1234.56, "#,##0.00"],
    ["12,3%", 0.123, "0.00%"],
    ["1.234,56 €", 1234.56, '#,##0.00" €"'],
  ])("%s → %d (%s)", (text, num, format) => {
    expect(typed(text, ",")).toMatchObject({ kind: "n", num, format });
  });

  it("does not read a dot-decimal number", () => {
    expect(typed("1,234.56", ",").kind).toBe("s");
  });
});

describe("the decimal mark is decided once per file", () => {
  it("classifies cells", () => {
    expect(decimalShape("1,234.56")).toBe("dot");
    expect(decimalShape("1.234,56")).toBe("comma");
    expect(decimalShape("12,5")).toBe("comma");
    expect(decimalShape("0.25")).toBe("dot");
    expect(decimalShape("1,234")).toBe("ambiguous-comma");
    expect(decimalShape("1.234")).toBe("ambiguous-dot");
    expect(decimalShape("1200")).toBeNull();
  });

  it("follows the majority, then the delimiter", () => {
    const e = new DecimalEvidence();
    for (const t of ["1.234", "2.500", "12,5"]) e.add(t);
    expect(e.decide(",")).toEqual({ decimal: ",", from: "values" });
    const none = new DecimalEvidence();
    none.add("1.234");
    expect(none.decide(";")).toEqual({ decimal: ",", from: "delimiter" });
    expect(none.decide(",")).toEqual({ decimal: ".", from: "delimiter" });
  });
});

describe("dates", () => {
  it.each([
    ["2026-11-02", "yyyy-mm-dd"],
    ["2026/11/2", "yyyy/m/d"],
    ["2026.11.02", "yyyy.mm.dd"],
    ["02.11.2026", "dd.mm.yyyy"],
    ["2026年11月2日", 'yyyy"年"m"月"d"日"'],
    ["Nov 2, 2026", "mmm d, yyyy"],
    ["November 2 2026", "mmm d, yyyy"],
  ])("%s is 2 November 2026 (%s)", (text, format) => {
    expect(typed(text)).toMatchObject({ kind: "n", num: NOV_2_2026, format });
  });

  it("keeps a time of day", () => {
    // 13:30 is 0.5625 of a day
    expect(typed("2026-11-02 13:30")).toMatchObject({ num: NOV_2_2026 + 0.5625, format: "yyyy-mm-dd hh:mm" });
  });

  it("reads 11/2/2026 month first unless the column says day first", () => {
    expect(typed("11/2/2026").num).toBe(NOV_2_2026);
    expect(typed("2/11/2026", ".", { dayFirst: true, ymd8: false }).num).toBe(NOV_2_2026);
  });

  it("decides day/month order from the whole column", () => {
    const col = new ColumnEvidence();
    for (const t of ["1/11/2026", "2/11/2026", "13/11/2026"]) col.add(t);
    expect(col.decide(".").dayFirst).toBe(true);
    const us = new ColumnEvidence();
    for (const t of ["11/1/2026", "11/13/2026"]) us.add(t);
    expect(us.decide(",").dayFirst).toBe(false);
    const ambiguous = new ColumnEvidence();
    ambiguous.add("1/2/2026");
    expect(ambiguous.decide(".").dayFirst).toBe(false);
    expect(ambiguous.decide(",").dayFirst).toBe(true);
  });

  it("reads GA4's 20261102 as a date only in a column of such dates", () => {
    const ga4 = new ColumnEvidence();
    for (const t of ["20261101", "20261102"]) ga4.add(t);
    const plan = ga4.decide(".");
    expect(plan.ymd8).toBe(true);
    expect(typed("20261102", ".", plan)).toMatchObject({ num: NOV_2_2026, format: "yyyy-mm-dd" });
    const ids = new ColumnEvidence();
    for (const t of ["20261101", "98765432", "1200"]) ids.add(t);
    expect(ids.decide(".").ymd8).toBe(false);
    expect(typed("20261102", ".", ids.decide("."))).toMatchObject({ kind: "n", num: 20261102 });
  });

  it("keeps date labels without a year as text, for the rules to read", () => {
    for (const t of ["1月5日", "第2周", "Week 2", "Jan 5", "2026-W10", "2026-02-30"]) {
      expect(typed(t).kind).toBe("s");
    }
  });
});

describe("the fast paths agree with the full grammar", () => {
  const numeric = fc.array(fc.constantFrom(..."0123456789.,-%"), { minLength: 1, maxLength: 9 }).map((a) => a.join(""));

  it("DecimalEvidence counts what decimalShape says", () => {
    fc.assert(
      fc.property(numeric, (t) => {
        const e = new DecimalEvidence();
        e.add(t);
        const shape = decimalShape(t);
        expect([e.dot, e.comma, e.dotGroups]).toEqual([
          shape === "dot" ? 1 : 0,
          shape === "comma" ? 1 : 0,
          shape === "ambiguous-dot" ? 1 : 0,
        ]);
      }),
      { numRuns: 3000 },
    );
  });

  it("a plain number reads as Number() of its text, in both decimal marks", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (v, d) => {
        const dot = v.toFixed(d);
        expect(typed(dot)).toMatchObject({ kind: "n", num: Number(dot), format: "" });
        expect(typed(dot.replace(".", ","), ",")).toMatchObject({ kind: "n", num: Number(dot), format: "" });
        // 12.345% is 0.12345 (to 15 significant digits)
        expect(typed(`${dot}%`).num).toBe(Number((Number(dot) / 100).toPrecision(15)));
      }),
      { numRuns: 2000 },
    );
  });
});
