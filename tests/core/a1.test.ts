import { cellAddress, columnIndex, columnLetters, parseCell, parseRange, rangeAddress } from "../../src/core/a1";

describe("A1 addresses", () => {
  it("names columns the way Excel does (A, Z, AA, AZ, BA, ZZ, AAA, XFD)", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("reads column letters back to indexes and rejects non-letters", () => {
    expect(["A", "z", "AA", "XFD"].map(columnIndex)).toEqual([0, 25, 26, 16383]);
    expect(columnIndex("A1")).toBe(-1);
  });

  it("round-trips every column index up to XFD", () => {
    for (let c = 0; c < 16384; c++) expect(columnIndex(columnLetters(c))).toBe(c);
  });

  it("parses cells with and without $ and rejects junk", () => {
    expect(parseCell("B7")).toEqual({ row: 6, col: 1 });
    expect(parseCell("$AA$10")).toEqual({ row: 9, col: 26 });
    expect(parseCell("7B")).toBeNull();
    expect(parseCell("A0")).toBeNull();
    expect(cellAddress(6, 1)).toBe("B7");
  });

  it("parses ranges, ignoring a sheet prefix and normalising reversed corners", () => {
    expect(parseRange("A1:I503")).toEqual({ top: 0, left: 0, bottom: 502, right: 8 });
    expect(parseRange("'My sheet'!C3:A1")).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
    expect(parseRange("B2")).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseRange("A1:")).toBeNull();
    expect(rangeAddress({ top: 1, left: 1, bottom: 1, right: 1 })).toBe("B2");
    expect(rangeAddress({ top: 0, left: 0, bottom: 502, right: 8 })).toBe("A1:I503");
  });
});
