/**
 * runRules against the naive reference implementation in oracle.ts: small random channel reports, fed to the engine
 * as a host reads them (English header row, ISO text or Excel serial dates, numbers or numeric text, blanks/"n/a"/"-"),
 * must colour exactly the cells (row, column, colour) the oracle colours.
 */
import fc from "fast-check";
import { runRules } from "../../../src/core/rules/engine";
import { DEFAULT_CONFIG } from "../../../src/core/rules/config";
import { mulberry32 } from "../../../src/core/random";
import type { CellValue, MetricKey, Table } from "../../../src/core/rules/types";
import { isLower, isoWeekOf, oracleColours, type OracleRow, type OracleTable } from "./oracle";

const HEADERS: Record<MetricKey | "date" | "channel" | "spend", string> = {
  date: "Date",
  channel: "Channel",
  roi: "ROI",
  complaintRate: "Complaint Rate",
  repurchaseRate: "Repurchase Rate",
  ltvCac: "LTV/CAC",
  traffic: "Traffic",
  spend: "Spend",
};
const METRICS: MetricKey[] = ["roi", "complaintRate", "repurchaseRate", "ltvCac", "traffic"];

/** Values near each default threshold, exact ties included (1.5 vs 1.5000000000000002 is a tie within 1e-9). */
const NEAR: Record<MetricKey, number[]> = {
  roi: [1.2, 1.4, 1.4, 1.49, 1.5, 1.5000000000000002, 1.4999999999999998, 1.6, 2],
  complaintRate: [0.005, 0.01, 0.010000000000000002, 0.0101, 0.02],
  repurchaseRate: [0.2, 0.25, 0.3, 0.2 + 1e-17, 0.35],
  ltvCac: [1.2, 1.4, 1.4999999999999998, 1.5, 1.5001, 2],
  traffic: [100, 100, 100, 70, 69, 71, 50, 140, 0],
};
/** Complaint rate typed as percentages (1.2 meaning 1.2%); a column is read so only when a number is above 1. */
const COMPLAINT_PERCENT = [0.5, 1, 1.1, 2];
/** Repurchase rate typed as percentages (25 meaning 25%). */
const REPURCHASE_PERCENT = [20, 25, 30, 35, 1];

const DAY_2026_01_01 = 20454; // days since 1970-01-01 (Date.UTC(2026, 0, 1) / 86400000)
const EXCEL_EPOCH_SHIFT = 25569; // Excel serial of 1970-01-01

function isoText(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

const GAPS = {
  daily: [1, 1, 1, 1, 1, 1, 2, 3, 1, 5],
  weekly: [7, 7, 7, 7, 7, 14, 7, 7, 21, 7],
  mixed: [1, 7, 2, 3, 7, 1, 14, 1, 7, 4],
};

const cellArb = (pool: number[]) =>
  fc.record({
    v: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.constant(null) }),
    render: fc.nat(3), // number / numeric text, or which kind of missing
  });

const rowArb = fc.record({
  gap: fc.nat(9),
  dateless: fc.nat(29), // 0 → a row without a readable date (left out of every rule)
  caseVariant: fc.nat(3),
  pad: fc.nat(3),
  dateKind: fc.nat(2), // ISO text, Excel serial, or a JS Date (as ExcelJS reads a date cell)
  roi: cellArb(NEAR.roi),
  complaintRate: cellArb(NEAR.complaintRate),
  complaintPercent: cellArb(COMPLAINT_PERCENT),
  repurchaseRate: cellArb(NEAR.repurchaseRate),
  repurchasePercent: cellArb(REPURCHASE_PERCENT),
  ltvCac: cellArb(NEAR.ltvCac),
  traffic: cellArb(NEAR.traffic),
});

const channelArb = fc.record({
  name: fc.constantFrom("Search", "Social", "Email", "Video", "Paid Search"),
  mode: fc.constantFrom("daily" as const, "weekly" as const, "mixed" as const),
  start: fc.integer({ min: DAY_2026_01_01 - 12, max: DAY_2026_01_01 + 60 }), // ISO week 2026-W01 starts 29 Dec 2025
  rows: fc.array(rowArb, { minLength: 1, maxLength: 18 }),
});

const tableArb = fc.record({
  channels: fc.uniqueArray(channelArb, { selector: (c) => c.name, minLength: 1, maxLength: 4 }),
  hasDate: fc.nat(9).map((n) => n > 0),
  hasChannel: fc.nat(9).map((n) => n > 0),
  present: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  complaintAsPercent: fc.nat(4).map((n) => n === 0),
  repurchaseAsPercent: fc.nat(4).map((n) => n === 0),
  spend: fc.boolean(),
  seed: fc.nat(),
});

type Spec = typeof tableArb extends fc.Arbitrary<infer T> ? T : never;

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function spell(name: string, variant: number, pad: number): string {
  const cased = [name, name.toLowerCase(), name.toUpperCase(), name[0].toLowerCase() + name.slice(1)][variant];
  const spaces = ["", " ", "  ", "\t "][pad];
  return spaces + cased + spaces.slice(0, pad % 2 === 0 ? spaces.length : 1);
}

const MISSING: CellValue[] = [null, "", "n/a", "-"];

/** The same report twice: as the host's table for runRules, and as parsed values for the oracle. */
function build(spec: Spec): { table: Table; oracle: OracleTable } {
  const rnd = mulberry32(spec.seed);
  const metrics = METRICS.filter((_, i) => spec.present[i]);
  if (metrics.length === 0) metrics.push("roi");
  const roles: string[] = [
    ...(spec.hasDate ? ["date"] : []),
    ...(spec.hasChannel ? ["channel"] : []),
    ...metrics,
    ...(spec.spend ? ["spend"] : []),
  ];
  const order = shuffle(roles, rnd);
  const colOf = (role: string) => order.indexOf(role);
  // Without a channel column every row is one channel, so use one channel (no duplicate dates within a channel).
  const channels = spec.hasChannel ? spec.channels : spec.channels.slice(0, 1);

  const pairs: { cells: CellValue[]; parsed: OracleRow }[] = [];
  for (const ch of channels) {
    let day = ch.start;
    ch.rows.forEach((r, k) => {
      if (k > 0) day += GAPS[ch.mode][r.gap];
      const dateless = spec.hasDate && r.dateless === 0;
      const cells: CellValue[] = new Array(order.length).fill(null);
      const parsed: OracleRow = { date: dateless ? null : day, channel: ch.name, values: {} };
      if (spec.hasDate)
        cells[colOf("date")] = dateless
          ? "Total"
          : [isoText(day), day + EXCEL_EPOCH_SHIFT, new Date(day * 86400000)][r.dateKind];
      if (spec.hasChannel) cells[colOf("channel")] = spell(ch.name, r.caseVariant, r.pad);
      if (spec.spend) cells[colOf("spend")] = 1000 + k;
      for (const m of metrics) {
        const c =
          m === "complaintRate" && spec.complaintAsPercent
            ? r.complaintPercent
            : m === "repurchaseRate" && spec.repurchaseAsPercent
              ? r.repurchasePercent
              : r[m];
        parsed.values[m] = c.v;
        cells[colOf(m)] = c.v === null ? MISSING[c.render] : c.render === 0 ? String(c.v) : c.v;
      }
      pairs.push({ cells, parsed });
    });
  }
  const rows = spec.hasDate ? shuffle(pairs, rnd) : pairs;
  const columns: OracleTable["columns"] = {};
  for (const m of metrics) columns[m] = colOf(m);
  return {
    table: { header: order.map((r) => HEADERS[r as keyof typeof HEADERS]), rows: rows.map((p) => p.cells) },
    oracle: { hasDate: spec.hasDate, hasChannel: spec.hasChannel, columns, rows: rows.map((p) => p.parsed) },
  };
}

function engineCells(table: Table): string[] {
  // The oracle reads the seed's repurchase rule literally ("none"); the evidence modes have their own tests.
  return runRules(table, { config: { ...DEFAULT_CONFIG, repurchaseEvidence: "none" } })
    .cells.map((c) => `${c.row},${c.col},${c.colour}`)
    .sort();
}

function oracleCells(t: OracleTable): string[] {
  return [...oracleColours(t, DEFAULT_CONFIG).entries()].map(([k, colour]) => `${k},${colour}`).sort();
}

describe("the oracle itself (worked by hand)", () => {
  it("counts values equal within 1e-9 relative as equal, not lower", () => {
    expect(isLower(1.4999999999999998, 1.5)).toBe(false);
    expect(isLower(1.4999, 1.5)).toBe(true);
    expect(isLower(70, 0.7 * 100)).toBe(false); // 0.7 × 100 = 70.00000000000001
  });

  it("puts Monday 2 Mar 2026 to Sunday 8 Mar 2026 in one ISO week and Monday 9 Mar in the next", () => {
    const day = (iso: string) => Date.parse(iso) / 86400000;
    expect(isoWeekOf(day("2026-03-02"))).toBe(isoWeekOf(day("2026-03-08")));
    expect(isoWeekOf(day("2026-03-09"))).toBe(isoWeekOf(day("2026-03-08")) + 1);
    expect(isoWeekOf(day("2026-03-01"))).toBe(isoWeekOf(day("2026-03-02")) - 1);
  });
});

describe("runRules agrees with the naive reference implementation", () => {
  it("colours the same cells with the same colours on random small channel reports", () => {
    fc.assert(
      fc.property(tableArb, (spec) => {
        const { table, oracle } = build(spec);
        expect(engineCells(table)).toEqual(oracleCells(oracle));
      }),
      { numRuns: 600, seed: 20261127 },
    );
  });

  it("agrees on fresh random reports too (unseeded)", () => {
    fc.assert(
      fc.property(tableArb, (spec) => {
        const { table, oracle } = build(spec);
        expect(engineCells(table)).toEqual(oracleCells(oracle));
      }),
      { numRuns: 300 },
    );
  });
});

/*
 * Regression: weekly data on more than one weekday. Dates 1, 8, 14, 15, 22 Jan 2026: gaps 7, 6, 1, 7, so the most
 * common gap is 7 → weekly. Issue 4 §2: consecutive weekly periods are dates exactly 7 days apart, and a week's
 * predecessor is "the row dated exactly 7 days earlier" — for 15 Jan that is 8 Jan, not 14 Jan (the row before it
 * in date order). The engine used to link only neighbours in date order, so 15 Jan had no predecessor.
 */
describe("weekly data whose rows fall on several weekdays", () => {
  const DATES = ["2026-01-01", "2026-01-08", "2026-01-14", "2026-01-15", "2026-01-22"];
  const tableOf = (header: string, values: number[]): Table => ({
    header: ["Date", "Channel", header],
    rows: DATES.map((d, i) => [d, "Search", values[i]]),
  });
  const flagged = (t: Table) =>
    runRules(t)
      .flags.map((f) => f.period)
      .sort();

  it("runs ROI below benchmark through the rows exactly 7 days apart (1, 8, 15, 22 Jan), not the 14 Jan row", () => {
    // ROI 1.4 < 1.5 on every row: chain 1→8→15→22 Jan is 4 weeks running (≥ 3) → yellow; 14 Jan has no row on
    // 7 Jan or 21 Jan, so it is a run of 1.
    expect(flagged(tableOf("ROI", [1.4, 1.4, 1.4, 1.4, 1.4]))).toEqual([
      "2026-01-01",
      "2026-01-08",
      "2026-01-15",
      "2026-01-22",
    ]);
  });

  it("compares each week's repurchase rate with the row dated exactly 7 days earlier", () => {
    // 1 Jan 0.35 (baseline); 8 Jan 0.30 < 0.35; 15 Jan 0.25 < 0.30 (8 Jan); 22 Jan 0.20 < 0.25: three declining
    // weeks running → red on 8, 15, 22 Jan. 14 Jan (0.10) has no row on 7 Jan, so it is not a declining week.
    expect(flagged(tableOf("Repurchase rate", [0.35, 0.3, 0.1, 0.25, 0.2]))).toEqual([
      "2026-01-08",
      "2026-01-15",
      "2026-01-22",
    ]);
  });

  it("counts LTV/CAC below 1.5 on 8 and 15 Jan as two consecutive weeks although 14 Jan sits between them", () => {
    expect(flagged(tableOf("LTV/CAC", [2, 1.2, 2, 1.2, 2]))).toEqual(["2026-01-08", "2026-01-15"]);
  });
});
