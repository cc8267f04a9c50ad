/**
 * Runs the production webpack build into `outDir` in a child process (webpack inside jest's
 * environment is many times slower), for tests that check what the build emits.
 */
import { execFile } from "child_process";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");

/** `env` adds variables to the build's environment (e.g. ADDIN_URL, the production URL). */
export function buildAddin(outDir: string, env: Record<string, string> = {}): Promise<void> {
  const webpackBin = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [webpackBin, "--mode", "production", "--output-path", outDir],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } },
      (err, stdout, stderr) => (err ? reject(new Error(`webpack build failed:\n${stdout}\n${stderr}`)) : resolve()),
    );
  });
}
