/**
 * npm run fuzz [-- --cases 3000 --seed 15 --jobs 2 --from 0 --keep test-artifacts/fuzz]: the long fuzz run of
 * issue 15 §2 (the short one runs inside npm test: tests/fuzz/fuzz.test.ts). Prints one line per failing case, then
 * the counts (cases, refusals, successes, crashes, hangs, memory, schema-invalid outputs), the memory peak and the
 * slowest case; exit 1 when any case failed. Failing inputs are saved for reproduction (`--keep`).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { printable } from "../src/cli/printable";
import { fuzz } from "../tests/fuzz/harness";

async function run(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cases: { type: "string", default: "3000" },
      seed: { type: "string", default: "15" },
      from: { type: "string", default: "0" },
      jobs: { type: "string", default: "2" },
      timeout: { type: "string", default: "30000" },
      memory: { type: "string", default: "512" },
      keep: { type: "string", default: path.join("test-artifacts", "fuzz") },
      "no-validate": { type: "boolean", default: false },
      kind: { type: "string", multiple: true },
    },
  });
  const started = Date.now();
  const total = Number(values.cases);
  const summary = await fuzz({
    seed: Number(values.seed),
    cases: total,
    from: Number(values.from),
    jobs: Number(values.jobs),
    timeoutMs: Number(values.timeout),
    memoryMB: Number(values.memory),
    validate: !values["no-validate"],
    keepFailures: values.keep,
    kinds: values.kind,
    onCase: (r, done) => {
      if (r.peakMB > 400)
        console.log(
          printable(
            `#${r.id} ${r.outcome}, peak ${r.peakMB} MB, ${r.cpuMs} ms CPU, input ${(r.inputBytes / 1024).toFixed(0)} KB [${r.kind}: ${r.note}]`,
          ),
        );
      if (r.outcome !== "success" && r.outcome !== "refusal")
        console.log(printable(`#${r.id} ${r.outcome} [${r.kind}: ${r.note}] ${r.seed} ${r.command}: ${r.detail}`));
      if (done % 100 === 0) console.error(`… ${done}/${total} cases, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    },
  });
  // schema-invalid outputs are known only after validation: list them too
  for (const r of summary.failures.filter((f) => f.outcome === "invalid"))
    console.log(`#${r.id} invalid [${r.kind}: ${r.note}] ${r.seed} ${r.command}: ${r.detail}`);
  const c = summary.counts;
  const byKind = new Map<string, string>();
  for (const r of summary.results) {
    const k = byKind.get(r.kind) ?? "";
    byKind.set(r.kind, k + (r.outcome === "success" ? "s" : r.outcome === "refusal" ? "r" : "F"));
  }
  console.log(
    `\nseed ${values.seed}, cases ${summary.results.length}: refusals ${c.refusal}, successes ${c.success}, ` +
      `crashes ${c.crash}, hangs ${c.hang}, memory ${c.memory}, slow (> 5 s CPU) ${c.slow}, ` +
      `bad refusals ${c["bad-refusal"]}, bad outputs ${c["bad-output"]}, schema-invalid outputs ${c.invalid}, ` +
      `control characters printed ${c.escapes}`,
  );
  console.log(
    `memory peak ${summary.peakMB} MB, slowest case ${summary.slowestCpuMs} ms CPU (${summary.slowestMs} ms wall), largest input ${(summary.largestInput / 1024).toFixed(0)} KB, ` +
      `wall time ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  for (const [k, s] of [...byKind].sort())
    console.log(
      `  ${k.padEnd(22)} ${String(s.length).padStart(5)} cases: ${[...s].filter((x) => x === "r").length} refused, ` +
        `${[...s].filter((x) => x === "s").length} succeeded, ${[...s].filter((x) => x === "F").length} failed`,
    );
  return summary.failures.length ? 1 : 0;
}

run().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(e);
    process.exitCode = 2;
  },
);
