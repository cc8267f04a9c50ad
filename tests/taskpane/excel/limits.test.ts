/**
 * Issue 8 §2: on a host that counts request bytes as Office.js serialises them (tests/tools/excel-sim/calibration.test.ts),
 * Flag and Clear of 100,000 × 9 reports stay under Excel on the web's 5 MB request and response limits:
 * (a) a quarter of the metric cells flagged in runs, in at most 20 syncs for the whole Flag;
 * (b) every metric cell flagged;
 * (c) a checkerboard of isolated flagged cells (as many syncs as needed, progress reported, Cancel works).
 */
import { DEFAULT_CONFIG, type RulesConfig } from "../../../src/core";
import type { SimHost } from "../../../tools/excel-sim";
import { setup, shown } from "./helpers";

const ROWS = 100_000;
const FIRST_DAY = 46_083; // 2026-03-02
const LIMIT = 5 * 1024 * 1024;
/** Two metric columns (ROI, complaint rate); the others are not metrics. */
const HEADER = ["Date", "Channel", "Spend", "ROI", "Complaint rate", "Clicks", "Impressions", "Region", "Notes"];
/** Five metric columns, as the daily report in large.test.ts. */
const HEADER5 = ["Date", "Channel", "Spend", "ROI", "Complaint rate", "Repurchase rate", "LTV/CAC", "Traffic", "Notes"];

/** One channel per 10 rows block: rows are day-major over 10 channels, so a channel's days are every 10th row. */
function report(roi: (d: number) => number, complaint: (d: number) => number): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const d = Math.floor(i / 10);
    rows.push([FIRST_DAY + d, `Channel ${i % 10}`, 1000, roi(d), complaint(d), 40, 900, "North", "ok"]);
  }
  return rows;
}

/** Sheet-sorted by channel (one channel's days are consecutive rows), five metric columns. */
function channelMajor(roi: (d: number) => number, complaint: (d: number) => number): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER5];
  const days = ROWS / 10;
  for (let c = 0; c < 10; c++)
    for (let d = 0; d < days; d++)
      rows.push([FIRST_DAY + d, `Channel ${c}`, 1000, roi(d), complaint(d), 0.3, 3, 5000, "ok"]);
  return rows;
}

function figures(host: SimHost, ms: number): string {
  return (
    `${host.syncCount} syncs, largest request ${(host.maxRequestBytes / 1e6).toFixed(2)} MB, ` +
    `largest response ${(host.maxResponseBytes / 1e6).toFixed(2)} MB, ${Math.round(ms)} ms`
  );
}

function expectUnderLimits(host: SimHost): void {
  expect(host.syncs.every((s) => !s.failed)).toBe(true);
  expect(host.maxRequestBytes).toBeLessThan(LIMIT);
  expect(host.maxResponseBytes).toBeLessThan(LIMIT);
}

async function flagAndClear(
  name: string,
  rows: (string | number)[][],
  config: RulesConfig,
  expected: number,
  maxSyncs?: number,
  charts?: { count: number; points: number },
): Promise<string> {
  const { host, gateway } = setup({ sheets: [{ name: "Data", rows }], selection: { sheet: "Data", address: "A1" } });
  const tables = await gateway.readSelection();
  expect(tables.map((t) => t.address)).toEqual([`A1:I${ROWS + 1}`]);
  host.resetCounters();
  const progress: string[] = [];
  let t0 = performance.now();
  const out = await gateway.flag({ tables, config, lang: "en", onProgress: (_d, _t, p) => progress.push(p) });
  const flagLine = figures(host, performance.now() - t0);
  const flagSyncs = host.syncs
    .map((x) => `${(x.requestBytes / 1e3).toFixed(0)}/${(x.responseBytes / 1e3).toFixed(0)}`)
    .join(" ");
  expect(out.cellsColoured).toBe(expected);
  expectUnderLimits(host);
  if (maxSyncs !== undefined) expect(host.syncCount).toBeLessThanOrEqual(maxSyncs);
  // the report's trend charts (issue 10 §7) are written in the same budget: their data cells and calls counted
  if (charts) {
    const written = host.charts("Growth Signals");
    expect(written).toHaveLength(charts.count);
    expect(written.every((c) => c.series.every((x) => x.values.length === charts.points))).toBe(true);
  }
  expect(new Set(progress)).toEqual(new Set(["read", "analyse", "write"]));

  host.resetCounters();
  t0 = performance.now();
  expect((await gateway.clear()).cells).toBe(expected);
  const clearLine = figures(host, performance.now() - t0);
  expectUnderLimits(host);
  expect(shown(host, "Data", "D2")).toBeNull();
  expect(shown(host, "Data", "E2")).toBeNull();
  expect(host.conditionalFormats("Data")).toEqual([]);
  console.log(`${name} (${expected} cells): flag ${flagLine}; clear ${clearLine}`);
  return flagSyncs;
}

jest.setTimeout(300_000);

it("(a) 100,000 × 9, a quarter of the metric cells flagged in runs: ≤ 20 syncs, every payload under 5 MB", async () => {
  // Five metric columns, 500,000 metric cells. ROI 1.2 on days d % 8 < 6 (runs of six ≥ 3 → yellow: 75,000
  // cells); complaint rate 2% on d % 4 < 2 (runs of two → orange: 50,000 cells); repurchase rate, LTV/CAC and
  // traffic constant. 125,000 = a quarter of the metric cells, in runs. Ten orange channels: ten trend charts
  // (issue 10 §7) of the last 366 of their 10,000 days, written in the same budget.
  const rows = channelMajor(
    (d) => (d % 8 < 6 ? 1.2 : 2.0),
    (d) => (d % 4 < 2 ? 0.02 : 0.004),
  );
  console.log(
    `(a) per sync, kB request/response: ${await flagAndClear("(a) runs", rows, DEFAULT_CONFIG, 125_000, 20, { count: 10, points: 366 })}`,
  );
});

it("(b) 100,000 × 9, every metric cell flagged", async () => {
  const rows = report(
    () => 1.2,
    () => 0.02,
  );
  await flagAndClear("(b) every metric cell", rows, DEFAULT_CONFIG, 200_000);
});

it("(c) 100,000 × 9, a checkerboard of isolated flagged cells; progress reported", async () => {
  // Row-major over 10 channels but runs of length 1: every other sheet row alternates ROI / complaint.
  const rows: (string | number)[][] = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const d = Math.floor(i / 10);
    rows.push([
      FIRST_DAY + d,
      `Channel ${i % 10}`,
      1000,
      i % 2 === 0 ? 1.0 : 2.0,
      i % 2 === 0 ? 0.005 : 0.02,
      40,
      900,
      "North",
      "ok",
    ]);
  }
  await flagAndClear("(c) checkerboard", rows, { ...DEFAULT_CONFIG, roiRunLength: 1 }, 100_000);
});

it("(c) Cancel once the checkerboard is analysed (the last moment before writing) leaves the workbook as it was", async () => {
  const rows: (string | number)[][] = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const d = Math.floor(i / 10);
    rows.push([
      FIRST_DAY + d,
      `Channel ${i % 10}`,
      1000,
      i % 2 === 0 ? 1.0 : 2.0,
      i % 2 === 0 ? 0.005 : 0.02,
      40,
      900,
      "North",
      "ok",
    ]);
  }
  const { host, gateway } = setup({ sheets: [{ name: "Data", rows }], selection: { sheet: "Data", address: "A1" } });
  const tables = await gateway.readSelection();
  const abort = new AbortController();
  const out = await gateway.flag({
    tables,
    config: { ...DEFAULT_CONFIG, roiRunLength: 1 },
    lang: "en",
    signal: abort.signal,
    onProgress: (done, _t, p) => {
      if (p === "analyse" && done > 0) abort.abort();
    },
  });
  expect(out.cancelled).toBe(true);
  expect(host.conditionalFormats("Data")).toEqual([]);
  expect(host.sheets().map((s) => s.name)).toEqual(["Data"]);
  expect(host.customXmlParts()).toEqual([]);
  expectUnderLimits(host);
});
