/**
 * CLI bench: `growth-signals flag` on a 73,000-row × 9-column daily workbook against ExcelJS's own
 * readFile + writeFile round trip of the same file, and against the floor for that file (read it, inflate its
 * largest part, deflate it again with the CLI's zip settings, write it: what any correct editor must at least do),
 * in the same run. Targets (issue 8 §1): ≤ 0.3× ExcelJS and ≤ 2× the floor in time; no more peak memory than
 * ExcelJS (each side measured in a fresh child process by its maxRSS).
 *
 *   npx tsx bench/cli.bench.ts            (or npm run bench -- cli)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { flagWorkbook } from "../src/cli/workbook";
import { mulberry32 as prng } from "../src/core/random";

const ROWS = 73_000;
const CHANNELS = ["Search", "Social", "Email", "Affiliate", "Display", "Video", "Partners", "Referral", "Push", "SMS"];

/** Writes the daily workbook with ExcelJS's streaming writer (shared strings, date and number formats). */
export async function makeWorkbook(file: string): Promise<void> {
  const rand = prng(73000);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet("Daily");
  ws.columns = [
    { header: "Date", width: 12, style: { numFmt: "yyyy-mm-dd" } },
    { header: "Channel", width: 12 },
    { header: "Spend", width: 10, style: { numFmt: "#,##0" } },
    { header: "Revenue", width: 10, style: { numFmt: "#,##0" } },
    { header: "ROI", width: 8, style: { numFmt: "0.00" } },
    { header: "Complaint rate", width: 14, style: { numFmt: "0.00%" } },
    { header: "Repurchase rate", width: 14, style: { numFmt: "0.0%" } },
    { header: "LTV/CAC", width: 9, style: { numFmt: "0.00" } },
    { header: "Traffic", width: 10, style: { numFmt: "#,##0" } },
  ];
  const days = Math.ceil(ROWS / CHANNELS.length);
  let n = 0;
  for (let d = 0; d < days && n < ROWS; d++) {
    for (const ch of CHANNELS) {
      if (n++ >= ROWS) break;
      const spend = Math.round(1000 + rand() * 4000);
      const roi = 1.3 + rand() * 1.6;
      ws.addRow([
        new Date(Date.UTC(2006, 0, 2 + d)),
        ch,
        spend,
        Math.round(spend * roi),
        Math.round(roi * 100) / 100,
        Math.round(rand() * 0.0115 * 10000) / 10000,
        Math.round((0.25 + rand() * 0.1) * 10000) / 10000,
        Math.round((1.2 + rand() * 2) * 100) / 100,
        Math.round(10000 * (0.6 + rand() * 0.6)),
      ]).commit();
    }
  }
  ws.commit();
  await wb.commit();
}

async function excelJsRoundTrip(input: string, output: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

async function cliFlag(input: string, output: string): Promise<number> {
  const out = await flagWorkbook(readFileSync(input), { label: path.basename(input) });
  writeFileSync(output, out.data);
  return out.tables.reduce((k, t) => k + t.cellsColoured, 0);
}

/** The zip entry with the largest uncompressed size, from the central directory (APPNOTE 4.3.12, 4.3.16). */
function largestEntry(zip: Buffer): { dataStart: number; compressedSize: number; name: string } {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  let best = { size: -1, local: 0, compressedSize: 0, name: "" };
  for (let i = 0; i < entries; i++) {
    const compressedSize = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const n = zip.readUInt16LE(p + 28);
    const name = zip.toString("utf8", p + 46, p + 46 + n);
    if (size > best.size) best = { size, local: zip.readUInt32LE(p + 42), compressedSize, name };
    p += 46 + n + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  const dataStart = best.local + 30 + zip.readUInt16LE(best.local + 26) + zip.readUInt16LE(best.local + 28);
  return { dataStart, compressedSize: best.compressedSize, name: best.name };
}

/** The floor: read the file, inflate its largest part, deflate it with the CLI's settings (raw, level 6), write. */
function floor(input: string, output: string): void {
  const zip = readFileSync(input);
  const { dataStart, compressedSize } = largestEntry(zip);
  const part = zlib.inflateRawSync(zip.subarray(dataStart, dataStart + compressedSize));
  const again = zlib.deflateRawSync(part, { level: 6 });
  writeFileSync(output, Buffer.concat([zip.subarray(0, dataStart), again, zip.subarray(dataStart + compressedSize)]));
}

async function best(runs: number, fn: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/** Peak RSS (MB) of one side run alone in a fresh Node process. */
function childPeak(mode: "exceljs" | "flag", input: string, output: string): number {
  const tsxCli = require.resolve("tsx/cli");
  const res = spawnSync(process.execPath, [tsxCli, __filename, "--child", mode, input, output], { encoding: "utf8" });
  const m = /maxRSS=(\d+)/.exec(res.stdout ?? "");
  if (!m) throw new Error(`child ${mode} failed: ${res.stderr}`);
  return Number(m[1]) / 1024;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "growth-signals-bench-"));
  try {
    const input = path.join(dir, "daily-73000.xlsx");
    const t0 = performance.now();
    await makeWorkbook(input);
    console.log(
      `workbook: ${ROWS.toLocaleString("en")} rows × 9 columns, ${(statSync(input).size / 1e6).toFixed(1)} MB (made in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    let cells = 0;
    const flagMs = await best(3, async () => (cells = await cliFlag(input, path.join(dir, "flagged.xlsx"))));
    const excelMs = await best(2, () => excelJsRoundTrip(input, path.join(dir, "exceljs.xlsx")));
    const floorMs = await best(5, async () => floor(input, path.join(dir, "floor.xlsx")));
    const largest = largestEntry(readFileSync(input)).name;
    console.log(
      `growth-signals flag:           ${(flagMs / 1000).toFixed(2)} s (best of 3; ${cells.toLocaleString("en")} cells coloured)`,
    );
    console.log(`ExcelJS readFile + writeFile:  ${(excelMs / 1000).toFixed(2)} s (best of 2)`);
    console.log(`floor (${largest} inflated + deflated): ${(floorMs / 1000).toFixed(2)} s (best of 5)`);
    console.log(
      `time ratio flag / ExcelJS:     ${(flagMs / excelMs).toFixed(2)}  (target ≤ 0.30)   flag / floor: ${(flagMs / floorMs).toFixed(2)}  (aim ≤ 2.00)`,
    );
    const flagMb = childPeak("flag", input, path.join(dir, "flagged-child.xlsx"));
    const excelMb = childPeak("exceljs", input, path.join(dir, "exceljs-child.xlsx"));
    console.log(`peak RSS, fresh process:       flag ${flagMb.toFixed(0)} MB, ExcelJS ${excelMb.toFixed(0)} MB`);
    console.log(`memory ratio flag / ExcelJS:   ${(flagMb / excelMb).toFixed(2)}  (target ≤ 1.00)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function child(mode: string, input: string, output: string): Promise<void> {
  if (mode === "flag") await cliFlag(input, output);
  else await excelJsRoundTrip(input, output);
  console.log(`maxRSS=${process.resourceUsage().maxRSS}`);
}

if (require.main === module) {
  const [flag, mode, input, output] = process.argv.slice(2);
  (flag === "--child" ? child(mode, input, output) : run()).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
