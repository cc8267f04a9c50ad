/**
 * One fuzz case in a process of its own: the command line as a user runs it (main with its real argv), and what
 * the harness measures of it on file descriptor 3 (exit code, stdout and stderr as printed, time, peak memory).
 */
import { writeSync } from "node:fs";
import { main } from "../../src/cli/main";

const started = performance.now();
let stdout = "";
let stderr = "";
main(process.argv.slice(2), {
  stdout: (s) => {
    if (stdout.length < 1_000_000) stdout += s;
  },
  stderr: (s) => {
    if (stderr.length < 100_000) stderr += s;
  },
  isTTY: false,
}).then((code) => {
  const report = {
    code,
    stdout,
    stderr,
    ms: performance.now() - started,
    // the CPU the case used: on a shared machine the wall time also measures everyone else's load
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  writeSync(3, JSON.stringify(report));
  process.exit(0);
});
