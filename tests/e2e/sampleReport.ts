/**
 * Test data for the browser tests: an English daily channel report and a Chinese weekly one, generated from a fixed
 * seed so every rule fires in known cells (checked against the engine by hand from the construction below):
 *
 * Daily (A1:I113, 28 days from Mon 2 Mar 2026 × 4 channels; data row for day d, channel c is sheet row 2 + 4d + c):
 * - Social ROI 1.2–1.4 on days 9–12 (11–14 Mar): yellow, ROI below 1.5 four days running → E39, E43, E47, E51.
 * - Video complaint rate 1.4% on day 7 (9 Mar): orange → F32.
 * - Search traffic 5,200 on day 20 (22 Mar) against a ≈10,000 mean: orange, a 48% drop → G82.
 * - Email repurchase rate falls in ISO weeks 3 and 4 (weekly means 0.30, 0.31 → 0.28 → 0.25): red on Email's rows of
 *   those weeks, H61, H65, …, H113.
 * - Video LTV/CAC 1.1–1.3 in weeks 3 and 4: red, below 1.5 two weeks running → I60, I64, …, I112.
 * Other values stay well clear of every threshold. The header row has the user's own fill (#D9E1F2), and B2 a real
 * white fill, so Clear can be checked to restore both "no fill" and the user's colours.
 */
import type { Page } from "playwright-core";
import type { SimHost, SimInputValue, SimWorkbookInit } from "../../tools/excel-sim";
import { mulberry32 as prng } from "../../src/core/random";

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 2, 2); // Monday 2 March 2026

export const DAILY_CHANNELS = ["Search", "Social", "Video", "Email"] as const;
export const DAILY_HEADER = [
  "Date",
  "Channel",
  "Spend",
  "Revenue",
  "ROI",
  "Complaint rate",
  "Traffic",
  "Repurchase rate",
  "LTV/CAC",
];

export function dailyRows(days = 28): SimInputValue[][] {
  const rnd = prng(20260302);
  const rows: SimInputValue[][] = [DAILY_HEADER];
  for (let d = 0; d < days; d++) {
    const week = Math.floor(d / 7);
    for (let c = 0; c < DAILY_CHANNELS.length; c++) {
      const channel = DAILY_CHANNELS[c];
      const spend = round(800 + 400 * rnd(), 0);
      let roi = round(2.2 + 0.8 * rnd(), 2);
      if (channel === "Social" && d >= 9 && d <= 12) roi = round(1.2 + 0.2 * rnd(), 2);
      let complaint = round(0.002 + 0.004 * rnd(), 4);
      if (channel === "Video" && d === 7) complaint = 0.014;
      let traffic = round(9500 + 1000 * rnd(), 0);
      if (channel === "Search" && d === 20) traffic = 5200;
      // Repurchase rises week on week (+0.01) with small daily noise, except Email, which falls in weeks 3 and 4.
      let repurchase = 0.3 + 0.01 * week + 0.002 * (rnd() - 0.5);
      if (channel === "Email") repurchase = [0.3, 0.31, 0.28, 0.25][week] + 0.002 * (rnd() - 0.5);
      let ltvCac = round(2.5 + rnd(), 2);
      if (channel === "Video" && week >= 2) ltvCac = round(1.1 + 0.2 * rnd(), 2);
      rows.push([
        new Date(START + d * DAY_MS),
        channel,
        spend,
        round(spend * roi, 0),
        roi,
        complaint,
        traffic,
        round(repurchase, 4),
        ltvCac,
      ]);
    }
  }
  return rows;
}

const WEEKLY_CHANNELS = ["抖音", "微信", "小红书"] as const;

export function weeklyRows(weeks = 12): SimInputValue[][] {
  const rnd = prng(888);
  const rows: SimInputValue[][] = [["日期", "渠道", "投入产出比", "投诉率", "复购率", "LTV/CAC", "流量"]];
  for (let w = 0; w < weeks; w++) {
    for (const ch of WEEKLY_CHANNELS) {
      let roi = round(2 + rnd(), 2);
      if (ch === "小红书" && w >= 6 && w <= 8) roi = round(1.1 + 0.3 * rnd(), 2);
      let complaint = round(0.003 + 0.004 * rnd(), 4);
      if (ch === "微信" && w === 4) complaint = 0.021;
      let repurchase = round(0.25 + 0.01 * w + 0.002 * rnd(), 4);
      if (ch === "抖音" && w >= 8) repurchase = round(0.3 - 0.03 * (w - 7), 4);
      const ltvCac = ch === "微信" && w >= 9 ? round(1.2 + 0.1 * rnd(), 2) : round(2.4 + rnd(), 2);
      const traffic = round(48000 + 4000 * rnd(), 0);
      rows.push([new Date(START + w * 7 * DAY_MS), ch, roi, complaint, repurchase, ltvCac, traffic]);
    }
  }
  return rows;
}

/** The user's own header fill in the sample (a light blue), restored by Clear. */
export const USER_HEADER_FILL = "#D9E1F2";

export function sampleWorkbook(): SimWorkbookInit {
  const daily = dailyRows();
  return {
    sheets: [
      {
        name: "Daily",
        rows: daily,
        fills: { "A1:I1": USER_HEADER_FILL, B2: "#FFFFFF" },
      },
      { name: "周报", rows: weeklyRows() },
    ],
    selection: { sheet: "Daily", address: `A1:I${daily.length}` },
  };
}

/**
 * Adds sheet "Big" to the page's simulated host and selects its A1:I(n + 1): n data rows, four channels interleaved
 * (data row i: day ⌊i / 4⌋ from Mon 3 Jan 2000, channel i mod 4). Social's ROI is 1.2 for 5 days every 50 days, else
 * 2.5–2.99: at n = 100,000, 500 dips × 5 days = 2,500 weak cells, each alone in its column run (the other channels'
 * rows lie between), so 2,500 one-cell ranges. Everything else stays healthy. The rows are built in the page, so
 * 900,000 values never cross the DevTools protocol.
 */
export async function addBigSheet(page: Page, n: number, host = "__simHost"): Promise<void> {
  await page.evaluate(
    ({ host, n }) => {
      const h = (window as unknown as Record<string, SimHost>)[host];
      const channels = ["Search", "Social", "Video", "Email"];
      const rows: SimInputValue[][] = [
        ["Date", "Channel", "Spend", "Revenue", "ROI", "Complaint rate", "Traffic", "Repurchase rate", "LTV/CAC"],
      ];
      const start = Date.UTC(2000, 0, 3); // a Monday
      for (let i = 0; i < n; i++) {
        const day = Math.floor(i / 4);
        const c = i % 4;
        const roi = c === 1 && day % 50 < 5 ? 1.2 : 2.5 + ((i * 7919) % 50) / 100;
        rows.push([
          new Date(start + day * 86400000),
          channels[c],
          1000,
          1000 * roi,
          roi,
          0.004,
          10000 + ((i * 104729) % 1000),
          0.3 + day * 1e-6,
          3,
        ]);
      }
      h.addSheet({ name: "Big", rows });
      h.select("Big", `A1:I${n + 1}`);
    },
    { host, n },
  );
}
