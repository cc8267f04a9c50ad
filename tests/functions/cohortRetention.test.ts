import { F, call, errorCode } from "./helpers";

describe("COHORT_RETENTION", () => {
  it("divides each period's active users by the cohort size, one column fewer", () => {
    // 420/1000 = 0.42, 300/1000 = 0.3; 400/800 = 0.5, 200/800 = 0.25
    expect(
      F.COHORT_RETENTION([
        [1000, 420, 300],
        [800, 400, 200],
      ]),
    ).toEqual([
      [0.42, 0.3],
      [0.5, 0.25],
    ]);
  });
  it("gives a blank for a blank input cell, and blanks a fully blank row", () => {
    expect(
      F.COHORT_RETENTION([
        [800, 400, ""],
        ["", "", ""],
        [500, null, 100],
      ]),
    ).toEqual([
      [0.5, ""],
      ["", ""],
      ["", 0.2],
    ]);
  });
  it("puts #DIV/0! in every non-blank cell of a row whose cohort size is 0", () => {
    const [row] = F.COHORT_RETENTION([[0, 10, 5, ""]]);
    expect(row.map(errorCode)).toEqual(["#DIV/0!", "#DIV/0!", undefined]);
    expect(row[2]).toBe("");
  });
  it("puts #VALUE! in a non-numeric cell only, and across the row for a non-numeric cohort size", () => {
    const out = F.COHORT_RETENTION([
      [1000, "n/a", 300],
      ["size?", 1, 2],
    ]);
    expect(errorCode(out[0][0])).toBe("#VALUE!");
    expect(out[0][1]).toBeCloseTo(0.3, 15);
    expect(out[1].map(errorCode)).toEqual(["#VALUE!", "#VALUE!"]);
  });
  it("within one cell, #VALUE! wins over the row's #DIV/0!, and a blank cohort size counts as 0", () => {
    const out = F.COHORT_RETENTION([
      [0, "n/a", 5],
      ["", 10, ""],
    ]);
    expect(out.map((row) => row.map(errorCode))).toEqual([
      ["#VALUE!", "#DIV/0!"],
      ["#DIV/0!", undefined],
    ]);
    expect(out[1][1]).toBe("");
  });
  it("reads numeric text and treats negatives or active above cohort as #NUM! (as RETENTION)", () => {
    const [row] = F.COHORT_RETENTION([["1,000", "25%", 1200, -1]]);
    expect(row[0]).toBeCloseTo(0.00025, 18); // "25%" = 0.25 users / 1000
    expect(errorCode(row[1])).toBe("#NUM!");
    expect(errorCode(row[2])).toBe("#NUM!");
  });
  it("pads short rows of a ragged array with blanks", () => {
    expect(F.COHORT_RETENTION([[100, 50, 25], [200]])).toEqual([
      [0.5, 0.25],
      ["", ""],
    ]);
  });
  it("returns a single #VALUE! for a range without period columns or for a non-range", () => {
    expect(errorCode(F.COHORT_RETENTION([[1000], [800]])[0][0])).toBe("#VALUE!");
    expect(errorCode((call(F.COHORT_RETENTION, 5) as unknown[][])[0][0])).toBe("#VALUE!");
  });
});
