/**
 * A 100,000-row × 9-column daily report flagged on the simulated host: every sync's request and response stays
 * under Excel on the web's 5 MB, and the whole flag needs no more than 20 context.sync() calls.
 */
import { DEFAULT_CONFIG } from "../../../src/core";
import { setup, shown } from "./helpers";

const CHANNELS = 10;
const DAYS = 10_000; // 10 channels × 10,000 days = 100,000 data rows
const FIRST_DAY = 46_083; // Excel serial of 2026-03-02

/**
 * Rows are day-major (each day: channels 0–9). By construction, with the default rules:
 * - ROI is 1.2 on days d with d % 10 < 3 and 2.0 otherwise: runs of exactly three days below 1.5 → yellow;
 *   that is 3 of every 10 days × 10 channels = 30,000 ROI cells.
 * - Complaint rate is 2% on days with d % 50 == 0 (> 1%) → orange: 200 days × 10 channels = 2,000 cells.
 * - Traffic, repurchase rate and LTV/CAC are constant: no drop, no decline, never below 1.5.
 */
function bigRows(): (string | number)[][] {
  const rows: (string | number)[][] = [
    ["Date", "Channel", "Spend", "ROI", "Complaint rate", "Repurchase rate", "LTV/CAC", "Traffic", "Notes"],
  ];
  for (let d = 0; d < DAYS; d++)
    for (let c = 0; c < CHANNELS; c++)
      rows.push([
        FIRST_DAY + d,
        `Channel ${c}`,
        1000 + c,
        d % 10 < 3 ? 1.2 : 2.0,
        d % 50 === 0 ? 0.02 : 0.004,
        0.3,
        3,
        5000,
        "ok",
      ]);
  return rows;
}

it("flags 100,000 rows × 9 columns in at most 20 syncs with every payload under 5 MB", async () => {
  const { host, gateway } = setup({
    sheets: [{ name: "Data", rows: bigRows() }],
    selection: { sheet: "Data", address: "A1" },
  });
  const tables = await gateway.readSelection();
  expect(tables.map((t) => t.address)).toEqual(["A1:I100001"]);
  host.resetCounters();
  const phases = new Set<string>();
  const started = performance.now();
  const out = await gateway.flag({
    tables,
    config: DEFAULT_CONFIG,
    lang: "en",
    onProgress: (_d, _t, p) => phases.add(p),
  });
  const ms = performance.now() - started;

  expect(out.cellsColoured).toBe(32_000);
  expect(shown(host, "Data", "D2")).toBe("#FFD966"); // day 0, channel 0: ROI 1.2, run of 3
  expect(shown(host, "Data", "D32")).toBeNull(); // day 3, channel 0: ROI 2.0
  expect(shown(host, "Data", "E2")).toBe("#F4B183"); // day 0: complaint rate 2%
  expect(shown(host, "Data", "E12")).toBeNull(); // day 1: 0.4%
  expect(out.syncs).toBe(host.syncCount);
  expect(host.syncCount).toBeLessThanOrEqual(20);
  expect(host.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
  expect(host.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
  expect(host.syncs.every((s) => !s.failed)).toBe(true);
  expect([...phases]).toEqual(["read", "analyse", "write"]);

  console.log(
    `100k × 9 flag on the simulated host: ${host.syncCount} syncs, largest request ${(host.maxRequestBytes / 1e6).toFixed(2)} MB, ` +
      `largest response ${(host.maxResponseBytes / 1e6).toFixed(2)} MB, ${Math.round(ms)} ms; per sync: ` +
      host.syncs.map((s) => `${(s.requestBytes / 1e3).toFixed(0)}/${(s.responseBytes / 1e3).toFixed(0)} kB`).join(", "),
  );

  host.resetCounters();
  const clearStarted = performance.now();
  expect((await gateway.clear()).cells).toBe(32_000);
  console.log(
    `clear: ${host.syncCount} syncs, largest request ${(host.maxRequestBytes / 1e3).toFixed(1)} kB, ` +
      `largest response ${(host.maxResponseBytes / 1e3).toFixed(1)} kB, ${Math.round(performance.now() - clearStarted)} ms`,
  );
  expect(shown(host, "Data", "D2")).toBeNull();
  expect(host.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
}, 120_000);
