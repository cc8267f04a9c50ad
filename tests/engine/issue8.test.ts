/** Issue 8 §1 (core half): 1904 dates, percentage points, "a:b" ROI, report date labels, table finding. */
import { runRules } from "../../src/core/rules/engine";
import { dayFromSerial, formatIsoDay } from "../../src/core/table/dates";
import { periods } from "./helpers";

describe("1904 date system (§1.5)", () => {
  it("reads serial 35064 as 2000-01-01 in the 1904 system and 36526 in the 1900 one", () => {
    // Excel: DATE(2000,1,1) = 36526 (1900 system), 35064 (1904 system); 36526 − 35064 = 1462 days.
    expect(formatIsoDay(dayFromSerial(35064, true))).toBe("2000-01-01");
    expect(formatIsoDay(dayFromSerial(36526))).toBe("2000-01-01");
    expect(formatIsoDay(dayFromSerial(0, true))).toBe("1904-01-01");
  });

  it("dates weekly rows right and groups them into consecutive weeks", () => {
    // 2026-03-02 (a Monday) is serial 46083 in 1900, 46083 − 1462 = 44621 in 1904; then +7, +14.
    const rows = [44621, 44628, 44635].map((s) => [s, "Search", 1.0]);
    const r = runRules({ header: ["Date", "Channel", "ROI"], rows }, { date1904: true });
    expect(periods(r, "roi-below-benchmark")).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    // Date objects and text are not shifted.
    const r2 = runRules(
      {
        header: ["Date", "Channel", "ROI"],
        rows: [
          [new Date(Date.UTC(2026, 2, 2)), "S", 1],
          ["2026-03-09", "S", 1],
          ["2026-03-16", "S", 1],
        ],
      },
      { date1904: true },
    );
    expect(periods(r2, "roi-below-benchmark")).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    // Read in 1900 by mistake the same serials are 4 years and 1 day early.
    expect(periods(runRules({ header: ["Date", "Channel", "ROI"], rows }), "roi-below-benchmark")[0]).toBe(
      "2022-03-01",
    );
  });
});
