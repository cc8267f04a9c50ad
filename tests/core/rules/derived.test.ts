/**
 * Issue 17 §2–§3: metrics derived from their parts, the notes on what was left out, and the checks every result
 * lists. Expected ratios are worked by hand (1,452 ÷ 1,200 = 1.21).
 */
import { runRules } from "../../../src/core/rules/engine";
import { buildReport } from "../../../src/core/report";
import { findingSeries } from "../../../src/core/rules/findingSeries";
import { DEFAULT_CONFIG } from "../../../src/core/rules/config";
import { checksText, nothingChecked } from "../../../src/core/rules/checks";
import type { CellValue } from "../../../src/core/rules/types";
import { flagsOf, plusDays } from "./helpers";

/** Date | Campaign | Cost | Conv. value: revenue ÷ cost per day. */
function roiParts(pairs: [number, number][], start = "2026-11-02"): CellValue[][] {
  return pairs.map(([cost, revenue], i) => [plusDays(start, i), "Brand", cost, revenue]);
}

describe("ROI derived from revenue ÷ cost", () => {
  // Days 3–5 return 1.21, 1.2, 1.1 (below the 1.5 benchmark, three running); the others 2.0 and 1.6.
  const rows = roiParts([
    [1000, 2000],
    [1000, 1600],
    [1200, 1452],
    [1000, 1200],
    [1000, 1100],
    [1000, 2000],
  ]);
  const header = ["Day", "Campaign", "Cost", "Conv. value"];
  const r = runRules({ header, rows });

  it("flags the run of low ROI days in the revenue (numerator) column", () => {
    const flags = flagsOf(r, "roi-below-benchmark");
    expect(flags.map((f) => [f.row, f.col])).toEqual([
      [2, 3],
      [3, 3],
      [4, 3],
    ]);
    expect(flags.map((f) => f.value)).toEqual([1452 / 1200, 1.2, 1.1]);
    expect(r.derived).toEqual({ roi: { numerator: 3, denominator: 2 } });
  });

  it("says in every flag and finding that the ROI was derived, with its parts", () => {
    expect(flagsOf(r, "roi-below-benchmark")[0].reason.en).toContain("ROI 1.21 = revenue 1,452 ÷ cost 1,200");
    const finding = r.findings.find((f) => f.ruleId === "roi-below-benchmark");
    expect(finding?.evidence.text.en).toContain("(derived: ROI 1.1 = revenue 1,100 ÷ cost 1,000, Nov 6)");
    expect(finding?.evidence.text.zh).toContain("推算：ROI 1.1 = 销售额 1,100 ÷ 花费 1,000，11月6日");
    expect(r.warnings.find((w) => w.code === "derived-metric")?.message.en).toBe(
      "The table has no ROI column, so ROI was derived as revenue ÷ cost: “Conv. value” (D) ÷ “Cost” (C); its flags color the revenue cells.",
    );
  });

  it("lists the ROI rule as run on the derived columns and the others as not run, for want of a column", () => {
    const roi = r.checks?.find((c) => c.ruleId === "roi-below-benchmark");
    expect(roi).toMatchObject({ ran: true, source: "derived", columns: "D ÷ C", header: "Conv. value ÷ Cost" });
    const [ran, missing] = checksText(r.checks ?? [], "en");
    expect(ran).toBe("Rules run: ROI below benchmark on “Conv. value ÷ Cost” (D ÷ C, derived).");
    expect(missing).toContain("Complaint rate high (needs a complaint rate column, or complaints and orders)");
    expect(missing).toContain("LTV/CAC low");
  });

  it("charts the derived ROI (revenue ÷ cost per day), not the revenue", () => {
    const [series] = findingSeries({ header, rows }, r);
    expect(series.values).toEqual([2, 1.6, 1452 / 1200, 1.2, 1.1, 2]);
    expect(series.periods[0]).toBe("2026-11-02");
  });

  it("does not derive ROI where the table has its own ROI column", () => {
    const own = runRules({
      header: [...header, "ROAS"],
      rows: rows.map((row) => [...row, 3]),
    });
    expect(own.derived).toEqual({});
    expect(flagsOf(own, "roi-below-benchmark")).toEqual([]);
  });

  it("reads no ROI where the cost is 0 or negative, and says a negative cost was not read", () => {
    const bad = runRules({
      header,
      rows: roiParts([
        [1000, 1000],
        [-1000, 1000],
        [1000, 1000],
        [0, 1000],
        [1000, 1000],
      ]),
    });
    expect(flagsOf(bad, "roi-below-benchmark")).toEqual([]); // the runs are broken at rows 2 and 4
    expect(bad.warnings.find((w) => w.code === "negative-values")?.message.en).toBe(
      "Cost (column C): 1 negative value was not read (row 3 of the table); cost cannot be below 0.",
    );
    // a refund day's negative revenue gives no ROI either, and is named
    const refund = runRules({ header, rows: roiParts([[1000, -300]]) });
    expect(refund.warnings.find((w) => w.code === "negative-values")?.message.en).toBe(
      "Revenue (column D): 1 negative value was not read (row 2 of the table); revenue cannot be below 0.",
    );
  });
});

describe("complaint and repurchase rates derived from their counts", () => {
  it("complaint rate = complaints ÷ orders: 30 of 2,000 = 1.5% > 1%, coloured in the complaints column", () => {
    const r = runRules({
      header: ["Date", "Channel", "Orders", "Complaints"],
      rows: [
        ["2026-11-02", "Shop", 2000, 10],
        ["2026-11-03", "Shop", 2000, 30],
      ],
    });
    const flags = flagsOf(r, "complaint-rate-high");
    expect(flags.map((f) => [f.row, f.col, f.value])).toEqual([[1, 3, 0.015]]);
    expect(flags[0].reason.en).toContain("complaint rate 1.5% = complaints 30 ÷ orders 2,000");
  });

  it("repurchase rate = repeat buyers ÷ buyers, falling two weeks running (20% → 18% → 15%)", () => {
    // 2,000 buyers a week, so the fall is significant (issue 18: R prop.test(c(400, 300), c(2000, 2000),
    // "greater", correct = FALSE) p = 1.6e-5 < 0.1%; on 1,000 buyers p = 0.0016 would be noise at the default level)
    const weeks: [string, number, number][] = [
      ["2026-11-02", 2000, 400],
      ["2026-11-09", 2000, 360],
      ["2026-11-16", 2000, 300],
    ];
    const r = runRules({
      header: ["统计日期", "支付买家数", "复购人数"],
      rows: weeks.map(([d, b, k]) => [d, b, k]),
    });
    const flags = flagsOf(r, "repurchase-declining");
    expect(flags.map((f) => [f.row, f.col])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(flags[1].reason.zh).toContain("复购率 15% = 复购人数 300 ÷ 购买人数 2,000");
  });
});

describe("negative values and totals rows", () => {
  it("does not read negative traffic (it is noted), so it cannot fire a traffic drop", () => {
    const values = [1000, 1000, 1000, 1000, 1000, 1000, 1000, -5];
    const r = runRules({
      header: ["Date", "Sessions"],
      rows: values.map((v, i) => [plusDays("2026-11-02", i), v]),
    });
    expect(flagsOf(r, "traffic-drop")).toEqual([]);
    expect(r.warnings.find((w) => w.code === "negative-values")?.count).toBe(1);
  });

  it("leaves a Google Ads “Total: Account” row (in the Day column) out of every rule and names it", () => {
    const rows: CellValue[][] = [
      ...[1.2, 1.2, 1.2].map((v, i) => [plusDays("2026-11-02", i), "Brand", v]),
      ["Total: Account", "--", 0.1],
      ["Total: Campaigns", "--", 0.1],
    ];
    const r = runRules({ header: ["Day", "Campaign", "Conv. value / cost"], rows });
    expect(flagsOf(r, "roi-below-benchmark").map((f) => f.row)).toEqual([0, 1, 2]);
    expect(r.warnings.find((w) => w.code === "totals-rows")?.message.en).toBe(
      "2 totals rows were left out of every rule and never colored: row 5 “Total: Account”, row 6 “Total: Campaigns”.",
    );
    expect(r.warnings.some((w) => w.code === "skipped-rows")).toBe(false);
  });
});

describe("never a false all-clear (issue 17 §3)", () => {
  it("a table with no metric column is reported as nothing checked, not as no weak channels", () => {
    const r = runRules({ header: ["Return on spend", "Campaign"], rows: [["x", "Brand"]] });
    // "Return on spend" is ROI now; an unknown header leaves nothing checked
    expect(r.mapping.roi).toBe(0);
    const none = runRules({ header: ["Yield", "Campaign"], rows: [[1, "Brand"]] });
    expect(nothingChecked(none.checks)).toBe(true);
    expect(checksText(none.checks ?? [], "en")).toEqual([
      "No metric column was recognized, so no rule ran; map the columns to check this table.",
    ]);
  });
});

describe("the report sheet says what was checked (issue 17 §3)", () => {
  const GENERATED = new Date(2026, 10, 23);

  it("lists the rules that ran on which columns, and those that could not, in the notes", () => {
    const r = runRules({
      header: ["Day", "Campaign", "Cost", "Conv. value"],
      rows: roiParts([
        [1000, 1200],
        [1000, 1200],
        [1000, 1200],
      ]),
    });
    const text = buildReport(
      [{ sheet: "Meta", address: "A1:D4", result: r }],
      DEFAULT_CONFIG,
      "en",
      GENERATED,
    ).rows.map((row) => row.join(" | "));
    expect(text).toContain("Meta!A1:D4: Rules run: ROI below benchmark on “Conv. value ÷ Cost” (D ÷ C, derived).");
    expect(text.some((t) => t.startsWith("Meta!A1:D4: Not run, for want of a column: Complaint rate high"))).toBe(true);
  });

  it("never reads “No weak channels found.” where no metric column was recognized", () => {
    const none = runRules({ header: ["Yield", "Campaign"], rows: [[1, "Brand"]] });
    const rows = buildReport(
      [{ sheet: "Loans", address: "A1:B2", result: none }],
      DEFAULT_CONFIG,
      "en",
      GENERATED,
    ).rows.map((row) => row.join(" | "));
    expect(rows).toContain("No metric column was recognized, so nothing was checked.");
    expect(rows).not.toContain("No weak channels found.");
  });
});
