#!/usr/bin/env node
/**
 * `npm run demo` (after `npm run build:cli`): flags the bundled sample workbook with the growth-signals CLI,
 * writes the coloured copy to out/channel-report.flagged.xlsx and prints the weak-channel summary.
 */
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const sample = path.join(root, "samples", "channel-report.xlsx");
const outDir = path.join(root, "out");
const output = path.join(outDir, "channel-report.flagged.xlsx");

async function demo() {
  let cli;
  try {
    cli = require(path.join(root, "build", "cli", "cli", "main.js"));
  } catch {
    console.error("The CLI is not built: run `npm run build:cli` (or `npm run demo`, which builds it).");
    return 1;
  }
  fs.mkdirSync(outDir, { recursive: true });
  console.log(`growth-signals flag ${path.relative(root, sample)} -o ${path.relative(root, output)}\n`);
  const code = await cli.main(["flag", sample, "-o", output]);
  if (code !== 0) return code;
  console.log(`\nFlagged copy: ${output}`);
  console.log(
    'Open it in Excel: the cells of weak channels are colored (conditional formats over your own formatting); the "Growth Signals" sheet explains them.',
  );
  console.log(`Undo with: growth-signals clear ${path.relative(root, output)} -o out/channel-report.cleared.xlsx`);
  return 0;
}

demo().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
