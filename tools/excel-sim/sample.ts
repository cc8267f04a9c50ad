/**
 * A channel report for the preview and the browser tests: English daily data, 4 channels × 8 weeks from
 * Monday 2026-03-02, 9 columns, built from a fixed seed so every run shows the same cells. By construction
 * (default rules):
 * - Social ROI is 1.2–1.4 on days 10–14 (five days running below 1.5) → yellow.
 * - Video's complaint rate is 1.6% on day 20 (> 1%) → orange.
 * - Affiliate traffic falls to 40% of its usual level on day 30 (a > 30% drop) → orange.
 * - Search's repurchase rate falls week on week in weeks 5, 6 and 7 → red (weekly means).
 * - Social LTV/CAC is 1.2 in weeks 6 and 7 (< 1.5 two weeks running) → red.
 * `rows` > 0 gives a large report of that many data rows instead (same columns, for the 100k-row browser test).
 */
import type { SimInputValue, SimWorkbookInit } from "./index";

const HEADER = ["Date", "Channel", "Spend", "ROI", "Complaint rate", "Repurchase rate", "LTV/CAC", "Traffic", "Notes"];
const CHANNELS = ["Search", "Social", "Video", "Affiliate"];

function isoDay(start: number, d: number): string {
  return new Date(start + d * 86_400_000).toISOString().slice(0, 10);
}

/** Park–Miller minimal standard generator: the same "noise" on every machine. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48_271) % 2_147_483_647) / 2_147_483_647;
}

function sampleRows(): SimInputValue[][] {
  const start = Date.UTC(2026, 2, 2);
  const rnd = lcg(20_260_302);
  const rows: SimInputValue[][] = [HEADER];
  for (let d = 0; d < 56; d++) {
    const week = Math.floor(d / 7);
    for (const ch of CHANNELS) {
      const noise = Math.round(rnd() * 100) / 1000; // 0–0.1
      let roi = 2 + noise;
      let complaint = 0.004 + noise / 50;
      let repurchase = 0.3;
      let ltvCac = 2.5 + noise;
      let traffic = 10_000 + Math.round(noise * 5000);
      if (ch === "Social" && d >= 10 && d <= 14) roi = 1.2 + (d - 10) * 0.05;
      if (ch === "Video" && d === 20) complaint = 0.016;
      if (ch === "Affiliate" && d === 30) traffic = 4000;
      if (ch === "Search" && week >= 4) repurchase = 0.3 - (week - 4) * 0.03;
      if (ch === "Social" && week >= 5 && week <= 6) ltvCac = 1.2;
      rows.push([
        isoDay(start, d),
        ch,
        500 + Math.round(noise * 1000),
        roi,
        complaint,
        repurchase,
        ltvCac,
        traffic,
        "",
      ]);
    }
  }
  return rows;
}

function largeRows(n: number): SimInputValue[][] {
  const rows: SimInputValue[][] = [HEADER];
  const start = 46_083; // Excel serial of 2026-03-02
  for (let i = 0; i < n; i++) {
    const d = Math.floor(i / 10);
    const c = i % 10;
    rows.push([
      start + d,
      `Channel ${c}`,
      1000 + c,
      d % 10 < 3 ? 1.2 : 2,
      d % 50 === 0 ? 0.02 : 0.004,
      0.3,
      3,
      5000,
      "ok",
    ]);
  }
  return rows;
}

export function sampleWorkbook(rows = 0): SimWorkbookInit {
  return {
    sheets: [{ name: "Channels", rows: rows > 0 ? largeRows(rows) : sampleRows() }],
    selection: { sheet: "Channels", address: "A1" },
  };
}
