import { coerceNumber, parseNumericText } from "../../src/core/metrics/coerce";
import { isExcelError } from "../../src/core/excelError";

describe("numeric text, read as Excel (en-US) reads it in arithmetic", () => {
  it.each([
    ["42", 42],
    [" 12 ", 12],
    ["-3.5", -3.5],
    [".5", 0.5],
    ["1e3", 1000],
    ["1,000", 1000],
    ["1,234,567.5", 1234567.5],
    ["5%", 0.05],
    ["12.5 %", 0.125],
  ])("%j is %p", (text, value) => {
    expect(parseNumericText(text)).toBeCloseTo(value, 12);
  });

  it.each(["", " ", "abc", "1,00", "12,3456", "0x10", "Infinity", "NaN", "1 000", "%", "--1", "1e"])(
    "%j is not a number",
    (text) => {
      expect(parseNumericText(text)).toBeUndefined();
    },
  );
});

describe("coerceNumber", () => {
  it("uses the default for an omitted argument (null) and for undefined", () => {
    expect(coerceNumber(null, 0.95, "confidence")).toBe(0.95);
    expect(coerceNumber(undefined, 2, "tails")).toBe(2);
  });
  it("reads booleans as 1 and 0, as Excel arithmetic does", () => {
    expect(coerceNumber(true, 0, "x")).toBe(1);
    expect(coerceNumber(false, 5, "x")).toBe(0);
  });
  it("gives #VALUE! naming the argument for text, NaN, arrays and objects", () => {
    for (const bad of ["abc", NaN, [1], { a: 1 }]) {
      const r = coerceNumber(bad, 0, "cac");
      expect(isExcelError(r) && r.error).toBe("#VALUE!");
      expect(isExcelError(r) && r.message).toMatch(/^cac /);
    }
  });
  it("passes ±Infinity through so that the caller's #DIV/0! checks come before its #NUM!", () => {
    expect(coerceNumber(Infinity, 0, "x")).toBe(Infinity);
    expect(coerceNumber("1e400", 0, "x")).toBe(Infinity);
  });
});
