/**
 * Custom-function throughput in Node: calls per second of the exported GROWTH.ABTEST_SIG and GROWTH.ABTEST_TTEST
 * wrappers (argument coercion, validation and the statistics) on varied valid inputs, and how much slower they are
 * than the bare core statistics (statistic + tail) measured in the same run. Target: ≥ 1,000,000 ABTEST_SIG calls/s.
 * Run: npm run bench -- functions   or   npx tsx bench/functions.bench.ts
 */
import { ABTEST_SIG, ABTEST_TTEST } from "../src/functions/functions";
import { normalTwoSided } from "../src/core/stats/normal";
import { studentTTwoSided } from "../src/core/stats/studentT";
import { twoProportionZ } from "../src/core/stats/twoProportionZ";
import { welchStatistic } from "../src/core/stats/welch";
import { mulberry32 as prng } from "../src/core/random";

const TARGET_SIG_PER_SECOND = 1_000_000;
const N = 4096; // distinct inputs, cycled

/**
 * Calls per second of `body(i)` over ~`ms` milliseconds (after a warm-up), with a checksum so nothing is elided.
 * Each measurement gets its own compiled loop (new Function), so the call site `body(i)` stays monomorphic and one
 * measured function does not slow down the next through shared type feedback.
 */
function measure(body: (i: number) => number, ms = 700): number {
  const loop = new Function(
    "body",
    "N",
    "from",
    "to",
    "let s = 0; for (let i = from; i < to; i++) s += body(i % N); return s;",
  ) as (body: (i: number) => number, n: number, from: number, to: number) => number;
  let sink = loop(body, N, 0, 200_000);
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    sink += loop(body, N, 0, 100_000);
    calls += 100_000;
    elapsed = performance.now() - start;
  }
  if (Number.isNaN(sink)) throw new Error("benchmark produced NaN");
  return (calls / elapsed) * 1000;
}

const fmt = (x: number) => Math.round(x).toLocaleString("en-US");

export async function run(): Promise<void> {
  const g = globalThis as { CustomFunctions?: unknown };
  // Outside Excel there is no CustomFunctions global; valid inputs never reach it, but define one to be safe.
  g.CustomFunctions ??= {
    Error: class {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  };

  const rnd = prng(7);
  const sig = Array.from({ length: N }, () => {
    const nc = 500 + Math.floor(rnd() * 1e6);
    const nv = 500 + Math.floor(rnd() * 1e6);
    return [nc, Math.floor(nc * rnd() * 0.2), nv, Math.floor(nv * rnd() * 0.2)] as const;
  });
  const tt = Array.from({ length: N }, () => {
    return [
      40 + rnd() * 20,
      10 + rnd() * 30,
      2 + Math.floor(rnd() * 1e6),
      40 + rnd() * 20,
      10 + rnd() * 30,
      2 + Math.floor(rnd() * 1e6),
    ] as const;
  });

  const sigRate = measure((i) => ABTEST_SIG(sig[i][0], sig[i][1], sig[i][2], sig[i][3]) as number);
  const sigCore = measure((i) => normalTwoSided(twoProportionZ(sig[i][0], sig[i][1], sig[i][2], sig[i][3])));
  const ttRate = measure((i) => {
    const a = tt[i];
    return ABTEST_TTEST(a[0], a[1], a[2], a[3], a[4], a[5]) as number;
  });
  const ttCore = measure((i) => {
    const a = tt[i];
    const w = welchStatistic(a[0], a[1], a[2], a[3], a[4], a[5]);
    return studentTTwoSided(w.t, w.df);
  });

  console.log(
    `ABTEST_SIG    ${fmt(sigRate).padStart(12)} calls/s  (core z-test alone ${fmt(sigCore)}/s; wrapper costs ${(sigCore / sigRate).toFixed(2)}×)`,
  );
  console.log(
    `ABTEST_TTEST  ${fmt(ttRate).padStart(12)} calls/s  (core Welch test alone ${fmt(ttCore)}/s; wrapper costs ${(ttCore / ttRate).toFixed(2)}×)`,
  );
  const met = sigRate >= TARGET_SIG_PER_SECOND;
  console.log(
    `Target ≥ ${fmt(TARGET_SIG_PER_SECOND)} ABTEST_SIG calls/s: ${met ? "met" : "NOT met"} (${(sigRate / TARGET_SIG_PER_SECOND).toFixed(2)}× the target)`,
  );
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
