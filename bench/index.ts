/**
 * `npm run bench`: every benchmark prints figures measured in the same run (ratios, not absolute timings
 * compared against constants), so results hold on any machine.
 */
import path from "path";

const BENCHES = [
  "bundle.bench",
  "functions.bench",
  "slowest.bench",
  "engine.bench",
  "cli.bench",
  "csv.bench",
  "warnings.bench",
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const name of BENCHES) {
    if (only.length && !only.some((o) => name.startsWith(o))) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, name)) as { run: () => Promise<void> };
    console.log(`\n=== ${name} ===`);
    await mod.run();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
