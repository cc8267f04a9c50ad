/** Runs the production webpack build into `outDir` (used by tests that check what the build emits). */
import path from "path";
import webpack from "webpack";

const ROOT = path.join(__dirname, "..", "..");

export async function buildAddin(outDir: string): Promise<webpack.Stats> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFactory = require(path.join(ROOT, "webpack.config.js"));
  const config = await configFactory({ WEBPACK_BUILD: true }, { mode: "production" });
  config.context = ROOT;
  config.output = { ...config.output, path: outDir };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors())
        return reject(new Error(stats?.toString({ all: false, errors: true }) ?? "build failed"));
      resolve(stats);
    });
  });
}
