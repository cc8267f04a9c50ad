/**
 * First load of the add-in (issue 19): builds the production bundle (webpack.config.js, into a temporary directory,
 * dist/ untouched) and prints, per entry, the chunks that load before its first screen (the entry's initial
 * chunks), their size after gzip -9, and the ratio to the budget: task pane ≤ 200 KB, custom functions ≤ 30 KB
 * (1 KB = 1,000 bytes). Then what taskpane.html loads in all (both entries: the shared runtime), and every chunk
 * loaded later, on demand, with the import that asks for it.
 * Run: npm run bench -- bundle   (about a minute: one production build)
 */
import fs from "fs";
import os from "os";
import path from "path";
import zlib from "zlib";
import webpack from "webpack";

/** Bytes after gzip -9, per entry's initial chunks. */
export const FIRST_LOAD_BUDGET: Readonly<Record<string, number>> = { taskpane: 200_000, functions: 30_000 };

export function gzipSize(bytes: Buffer): number {
  return zlib.gzipSync(bytes, { level: 9 }).length;
}

/** The script sources of an HTML page as html-webpack-plugin writes it (attribute quotes optional once minified). */
export function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

interface Built {
  dir: string;
  stats: webpack.StatsCompilation;
}

async function build(): Promise<Built> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gs-bundle-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("../webpack.config.js") as (
    env: Record<string, unknown>,
    options: { mode: string },
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({}, { mode: "production" });
  config.mode = "production";
  config.output = { ...config.output, path: dir };
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => {
      if (err || !s) return reject(err ?? new Error("webpack gave no stats"));
      if (s.hasErrors()) return reject(new Error(s.toString("errors-only")));
      resolve(s);
    }),
  );
  return { dir, stats: stats.toJson({ all: false, entrypoints: true, chunks: true, chunkOrigins: true }) };
}

export async function run(): Promise<void> {
  const { dir, stats } = await build();
  const size = new Map<string, number>();
  const gz = (file: string) => {
    if (!size.has(file)) size.set(file, gzipSize(fs.readFileSync(path.join(dir, file))));
    return size.get(file)!;
  };
  const js = (files: readonly (string | { name: string })[] = []) =>
    files.map((f) => (typeof f === "string" ? f : f.name)).filter((f) => f.endsWith(".js"));

  console.log("entry      initial chunks (gzip -9)                          total      budget     ratio");
  const initial = new Set<string>();
  for (const [name, entry] of Object.entries(stats.entrypoints ?? {})) {
    const files = js(entry.assets);
    files.forEach((f) => initial.add(f));
    const total = files.reduce((a, f) => a + gz(f), 0);
    const budget = FIRST_LOAD_BUDGET[name];
    const list = files.map((f) => `${f} ${kb(gz(f))}`).join(", ");
    console.log(
      `${name.padEnd(10)} ${list.padEnd(49)} ${kb(total).padStart(9)} ${budget ? kb(budget).padStart(9) : "".padStart(9)}` +
        `  ${budget ? (total / budget).toFixed(2) : "-"}${budget && total > budget ? "  OVER BUDGET" : ""}`,
    );
  }
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const page = pageScripts(html).filter((src) => !/^https?:/.test(src));
  console.log(
    `taskpane.html loads ${page.join(" + ")}: ${kb(page.reduce((a, f) => a + gz(f), 0))} gzip ` +
      "(the custom functions share the pane's runtime; Office.js comes from Microsoft's CDN)",
  );

  console.log("\non demand (loaded when first needed):");
  for (const chunk of stats.chunks ?? []) {
    const files = js(chunk.files ? [...chunk.files] : []).filter((f) => !initial.has(f));
    if (!files.length) continue;
    const asked = [...new Set((chunk.origins ?? []).map((o) => o.request).filter(Boolean))].join(", ");
    for (const f of files) console.log(`  ${f.padEnd(36)} ${kb(gz(f)).padStart(9)}  ${asked || "(worker)"}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

if (require.main === module) void run();
