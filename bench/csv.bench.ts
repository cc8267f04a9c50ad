/**
 * CSV bench (issue 17 §1): `growth-signals flag report.csv -o report.xlsx` on a generated 1,000,000-row daily report
 * against the floor for that file: read it, decode it, parse it with the same parser (Papa Parse, same options),
 * write the sheet XML of its cells and deflate it with the CLI's zip settings (raw deflate, level 6), write it: what
 * any CSV → xlsx converter must at least do. Aims: ≤ 2× the floor in time, peak memory ≤ 3× the file size. Each side's
 * peak memory is the maxRSS of a fresh child process, measured in the same run.
 *
 *   npx tsx bench/csv.bench.ts [rows]          (or npm run bench -- csv)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import Papa from "papaparse";
import { columnLetters } from "../src/core/a1";
import { mulberry32 as prng } from "../src/core/random";
import { main, type Io } from "../src/cli/main";

const ROWS = 1_000_000;
const CHANNELS = ["Search", "Social", "Email", "Affiliate", "Display", "Video", "Partners", "Referral", "Push", "SMS"];

/** Writes a daily channel report as a plain comma-separated UTF-8 file (ISO dates, % rates, as GA4-style exports). */
export async function makeCsv(file: string, rows: number): Promise<void> {
  const rand = prng(1_000_000);
  const out = createWriteStream(file);
  const write = (s: string): Promise<void> =>
    new Promise((resolve) => (out.write(s) ? resolve() : out.once("drain", () => resolve())));
  await write("Date,Channel,Spend,Revenue,ROI,Complaint rate,Repurchase rate,LTV/CAC,Traffic\n");
  let chunk = "";
  for (let n = 0; n < rows; n++) {
    const d = Math.floor(n / CHANNELS.length);
    const date = new Date(Date.UTC(2000, 0, 1 + d)).toISOString().slice(0, 10);
    const spend = Math.round(1000 + rand() * 4000);
    const roi = 1.3 + rand() * 1.6;
    chunk +=
      `${date},${CHANNELS[n % CHANNELS.length]},${spend},${Math.round(spend * roi)},${roi.toFixed(2)},` +
      `${(rand() * 1.15).toFixed(2)}%,${(25 + rand() * 10).toFixed(1)}%,${(1.2 + rand() * 2).toFixed(2)},` +
      `${Math.round(10000 * (0.6 + rand() * 0.6))}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => out.end(resolve));
}

const SILENT: Io = { stdout: () => undefined, stderr: () => undefined, isTTY: false };

async function flagCsv(input: string, output: string): Promise<void> {
  const code = await main(["flag", input, "-o", output], SILENT);
  if (code !== 0) throw new Error(`flag exited ${code}`);
}

/**
 * The floor: read, decode, parse with Papa Parse, the sheet XML of every cell (numbers as values, text inline),
 * deflated at level 6, written.
 */
function floor(input: string, output: string): void {
  const text = new TextDecoder("utf-8").decode(readFileSync(input));
  const { data } = Papa.parse<string[]>(text, {
    delimiter: ",",
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const letters = Array.from({ length: 16 }, (_, c) => columnLetters(c));
  const rows: string[] = [];
  for (let r = 0; r < data.length; r++) {
    const rec = data[r];
    let xml = "";
    for (let c = 0; c < rec.length; c++) {
      const v = rec[c];
      const n = Number(v);
      xml +=
        v !== "" && Number.isFinite(n)
          ? `<c r="${letters[c]}${r + 1}"><v>${v}</v></c>`
          : `<c r="${letters[c]}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`;
    }
    rows.push(`<row r="${r + 1}">${xml}</row>`);
  }
  const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
  writeFileSync(output, zlib.deflateRawSync(Buffer.from(sheet, "utf8"), { level: 6 }));
}

/** Peak RSS (MB) of one side run alone in a fresh Node process. */
function childPeak(mode: "flag" | "floor", input: string, output: string): { mb: number; ms: number } {
  const tsxCli = require.resolve("tsx/cli");
  const res = spawnSync(process.execPath, [tsxCli, __filename, "--child", mode, input, output], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const m = /maxRSS=(\d+) ms=([\d.]+)/.exec(res.stdout ?? "");
  if (!m) throw new Error(`child ${mode} failed: ${res.stderr}`);
  return { mb: Number(m[1]) / 1024, ms: Number(m[2]) };
}

export async function run(rows = ROWS): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "growth-signals-csv-bench-"));
  try {
    const input = path.join(dir, "report.csv");
    const t0 = performance.now();
    await makeCsv(input, rows);
    const size = statSync(input).size / 1e6;
    console.log(
      `CSV: ${rows.toLocaleString("en")} rows × 9 columns, ${size.toFixed(1)} MB (made in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    // each side once, alone in a fresh process: its time and its peak memory in the same run
    const f = childPeak("flag", input, path.join(dir, "flagged.xlsx"));
    const fl = childPeak("floor", input, path.join(dir, "floor.bin"));
    const out = statSync(path.join(dir, "flagged.xlsx")).size / 1e6;
    console.log(
      `growth-signals flag report.csv:  ${(f.ms / 1000).toFixed(2)} s, peak RSS ${f.mb.toFixed(0)} MB (output ${out.toFixed(1)} MB)`,
    );
    console.log(
      `floor (decode + Papa Parse + sheet XML + deflate): ${(fl.ms / 1000).toFixed(2)} s, peak RSS ${fl.mb.toFixed(0)} MB`,
    );
    console.log(`time ratio flag / floor:         ${(f.ms / fl.ms).toFixed(2)}  (aim ≤ 2.00)`);
    console.log(
      `memory flag / file size:         ${(f.mb / size).toFixed(2)}  (aim ≤ 3.00; floor / file size ${(fl.mb / size).toFixed(2)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function child(mode: string, input: string, output: string): Promise<void> {
  const t0 = performance.now();
  if (mode === "flag") await flagCsv(input, output);
  else floor(input, output);
  const ms = performance.now() - t0;
  console.log(`maxRSS=${process.resourceUsage().maxRSS} ms=${ms.toFixed(0)}`);
}

if (require.main === module) {
  const [flag, mode, input, output] = process.argv.slice(2);
  (flag === "--child" ? child(mode, input, output) : run(process.argv[2] ? Number(process.argv[2]) : ROWS)).catch(
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
