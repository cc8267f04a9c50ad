/**
 * Engine throughput: runRules on generated daily channel reports of 100k and 1M rows (10 channels interleaved,
 * every metric column, a fixed seed). Prints rows/s per size, the ratio of per-row time between the sizes
 * (≈ 1 when the engine is linear in rows) and whether the ≥ 1,000,000 rows/s target is met.
 * Run: npm run bench -- engine   or   npx tsx bench/engine.bench.ts
 */
import { runRules } from "../src/core/rules/engine";
import type { CellValue, Table } from "../src/core/rules/types";
import { mulberry32 as prng } from "../src/core/random";

const CHANNELS = ["Search", "Social", "Email", "Display", "Affiliate", "Video", "Referral", "Direct", "SMS", "App"];
const HEADER = ["Date", "Channel", "Spend", "ROI", "Complaint rate", "Traffic", "Repurchase rate", "LTV/CAC"];
const FIRST_SERIAL = 45000; // 2023-03-15

/** Daily rows, channels interleaved by date; mostly healthy values, ~3% of rows in weak stretches. */
export function makeTable(rows: number, seed = 42): Table {
  const rnd = prng(seed);
  const out: CellValue[][] = new Array(rows);
  const base = CHANNELS.map(() => 1000 + rnd() * 9000);
  for (let i = 0; i < rows; i++) {
    const c = i % CHANNELS.length;
    const day = FIRST_SERIAL + Math.floor(i / CHANNELS.length);
    const weak = (Math.floor(day / 14) + c * 3) % 40 === 0; // a weak fortnight now and then (2.5% of rows)
    const isoWeek = Math.floor((day - 25569 + 3) / 7);
    const trend = (isoWeek % 13) * 0.001; // rises for a quarter of ISO weeks, then falls back once
    out[i] = [
      day,
      CHANNELS[c],
      Math.round(rnd() * 5000),
      weak ? 1 + rnd() * 0.6 : 1.6 + rnd() * 2,
      rnd() < 0.002 ? 0.01 + rnd() * 0.02 : rnd() * 0.009,
      rnd() < 0.002 ? base[c] * 0.5 : base[c] * (0.9 + rnd() * 0.2),
      weak ? 0.3 - (day % 14) * 0.005 : 0.3 + trend + rnd() * 0.0005,
      weak ? 1.2 + rnd() * 0.2 : 1.6 + rnd() * 2,
    ];
  }
  return { header: HEADER, rows: out };
}

/** The same rows as text, as a CSV import would give them: "2023-03-15", "1.23", "0.45%". */
function asText(t: Table): Table {
  const iso = (serial: number) => new Date((serial - 25569) * 86400000).toISOString().slice(0, 10);
  const rows = t.rows.map((r) => {
    const n = r as number[];
    return [
      iso(n[0]),
      r[1],
      String(n[2]),
      n[3].toFixed(2),
      (n[4] * 100).toFixed(2) + "%",
      String(Math.round(n[5])),
      n[6].toFixed(4),
      n[7].toFixed(2),
    ];
  });
  return { header: t.header, rows };
}

function timeRun(table: Table, repeats: number): { ms: number; flags: number } {
  let best = Infinity;
  let flags = 0;
  runRules(table); // untimed: compile the hot loops on this very table (a forced GC instead would flush that work)
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const result = runRules(table);
    best = Math.min(best, performance.now() - t0);
    flags = result.flags.length;
  }
  return { ms: best, flags };
}

export async function run(): Promise<void> {
  const sizes = [100_000, 1_000_000];
  const perRow: number[] = [];
  const target = 1_000_000;
  let met = true;
  timeRun(makeTable(20_000, 7), 3); // warm-up: let the JIT compile the hot loops
  for (const n of sizes) {
    const table = makeTable(n);
    const { ms, flags } = timeRun(table, 5);
    const rate = n / (ms / 1000);
    perRow.push(ms / n);
    if (rate < target) met = false;
    console.log(
      `runRules ${n.toLocaleString("en-US")} rows × ${HEADER.length} cols: ${ms.toFixed(1)} ms (best), ` +
        `${Math.round(rate).toLocaleString("en-US")} rows/s, ${flags.toLocaleString("en-US")} flags`,
    );
  }
  console.log(
    `per-row time ratio ${sizes[1].toLocaleString("en-US")} / ${sizes[0].toLocaleString("en-US")} rows: ` +
      `${(perRow[1] / perRow[0]).toFixed(2)} (1.00 = linear)`,
  );
  console.log(`target ≥ ${target.toLocaleString("en-US")} rows/s: ${met ? "met" : "NOT met"}`);
  // Informational: hosts hand over typed cells (numbers, serial dates); text cells cost a parse each.
  const text = asText(makeTable(200_000));
  const { ms } = timeRun(text, 3);
  console.log(
    `(informational) runRules 200,000 rows of text cells (CSV-like): ${Math.round(200_000 / (ms / 1000)).toLocaleString("en-US")} rows/s`,
  );
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
