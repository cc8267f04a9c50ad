#!/usr/bin/env node
// The `growth-signals` command: compiled by `npm run build:cli` into build/cli/.
const path = require("path");
let cli;
try {
  cli = require(path.join(__dirname, "..", "build", "cli", "cli", "main.js"));
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND") {
    process.stderr.write("growth-signals: the CLI is not built yet; run `npm run build:cli` first.\n");
    process.exit(1);
  }
  throw err;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
