/**
 * `growth-signals`: the three-colour warning system on .xlsx files, without Excel.
 *   growth-signals flag <in.xlsx> -o <out.xlsx> [--sheet NAME] [--range A1:I503] [--config rules.json] [--json] [--lang en|zh]
 *   growth-signals clear <in.xlsx> -o <out.xlsx> [--json]
 * Exit codes: 0 done, 1 bad input (one sentence on stderr, no output written), 2 usage error.
 */
import { promises as fs, existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { RULES, ruleThreshold } from "../core/rules/catalog";
import { DEFAULT_CONFIG, validateConfig } from "../core/rules/config";
import type { RulesConfig } from "../core/rules/types";
import { assignOutputs, ensureFolder, expandInputs, isBatch, type BatchEntry } from "./batch";
import { csvToWorkbook, describeSource, encodingOption, isTextExport, type CsvSource } from "./csv";
import { InputError, UsageError } from "./errors";
import { printable } from "./printable";
import { summaryText } from "./summary";
import { changesHeadline } from "../core/findingChanges";
import { clearWorkbook, flagWorkbook, type FlagOutcome, type Progress } from "./workbook";
import type { XlsxPackage } from "./xlsx/package";
import type { SheetGrid } from "./xlsx/sheet";

export const USAGE =
  "usage: growth-signals flag <in.xlsx> -o <out.xlsx> [--sheet NAME] [--range A1:I503] [--config rules.json] [--json] [--lang en|zh]\n" +
  "       growth-signals flag <in.csv|in.tsv|in.txt> -o <out.xlsx> [--encoding NAME] [the options above]\n" +
  "       growth-signals flag <file or folder>... -o <folder> [the options above]\n" +
  "       growth-signals clear <in.xlsx> -o <out.xlsx> [--json]";

/**
 * The rules as the catalogue states them with their defaults, two lines each: colour and what fires it, then what to
 * do. A run rule fires on longer runs too, so "for 3 consecutive periods" reads "for 3 or more consecutive periods".
 */
function rulesHelp(): string {
  return RULES.map((rule) => {
    const when = ruleThreshold(rule.id, DEFAULT_CONFIG).en.replace(
      /\bfor (\d+) consecutive\b/,
      "for $1 or more consecutive",
    );
    return `  ${rule.colour.padEnd(7)} ${wrap(when, 10)}\n          ${wrap(`→ ${rule.actionBrief.en}`, 12)}`;
  }).join("\n");
}

/** Text broken at spaces into lines of at most 110 characters, the lines after the first indented. */
function wrap(text: string, indent: number, width = 110): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${" ".repeat(indent)}`);
}

export const HELP = `growth-signals — find weak channels in a channel report (.xlsx, or a .csv/.tsv/.txt export) with the
three-color warning system.

${USAGE}

Commands
  flag    Color the cells that show a weak channel and add a "Growth Signals" sheet with the legend and
          the weak-channel summary. The colors are conditional formats laid over the cells: no cell's
          own format changes. Flagging a flagged workbook is the same as flagging the original once.
  clear   Remove the warning colors (our conditional formats, wherever they are now) and the report
          sheet Growth Signals added; nothing else changes.

Many files at once
  flag a.csv b.xlsx reports/ -o out/   flags each file (a folder's .xlsx, .xlsm, .csv, .tsv and .txt files)
          into the folder out/ (created if missing; a CSV's result is name.xlsx), prints one combined summary,
          reports a file that fails and goes on with the others; exit code 1 if any failed.

Rules (defaults; change them with --config)
${rulesHelp()}

Options
  -o, --output FILE   where to write the result (required; never the input file)
  --sheet NAME        only this worksheet (default: every sheet whose header row is recognized)
  --range A1:I503     the table's range, header row first (default: found on the sheet); applies to
                      --sheet, to the sheet named in it ('Daily'!A1:I503), or else to the first sheet
  --config FILE       JSON settings, e.g. {"roiBenchmark": 1.2, "fills": {"red": "#FF0000"}}
  --encoding NAME     read a CSV as utf-8, utf-16le, utf-16be, gb18030 (GBK) or windows-1252 (default:
                      a byte-order mark, else the first of UTF-8, GB18030, Windows-1252 the file is valid in)
  --lang en|zh        language of the report sheet and the summary (default en)
  --json              print the flags and the summary as JSON on stdout
  -h, --help          show this help
  -v, --version       show the version

Headers are recognized in English and Chinese (Date/日期, Channel/渠道, ROI/投入产出比, Complaint rate/投诉率,
Repurchase rate/复购率, LTV/CAC, Traffic/流量…); a title row above the header is fine.
A CSV export (, ; tab or | separated; # comment lines kept) becomes an .xlsx whose row N is line N of the file,
values typed as Excel types them (1,234.56 or 1.234,56, 12.3%, dates), plus the report sheet.
Exit codes: 0 done, 1 bad input (nothing written), 2 usage error.`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const p = path.join(dir, "package.json");
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "growth-signals") return pkg.version ?? "0.0.0";
    }
    dir = path.dirname(dir);
  }
  return "0.0.0";
}

function ioMessage(e: unknown, file: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `${file} does not exist.`;
  if (code === "EISDIR") return `${file} is a folder, not a file.`;
  if (code === "EACCES" || code === "EPERM") return `${file} cannot be read or written (permission denied).`;
  return `${file}: ${(e as Error).message}`;
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new InputError(ioMessage(e, file));
  }
}

async function readConfig(file: string): Promise<RulesConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    throw new InputError(ioMessage(e, file));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError(`${file} is not valid JSON (${(e as Error).message}).`);
  }
  const { config, errors } = validateConfig(json);
  if (errors.length) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""})` : "";
    throw new InputError(`${file}: ${errors[0].message.en.replace(/\.$/, "")}${more}.`);
  }
  return config;
}

function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      try {
        return path.join(realpathSync(path.dirname(p)), path.basename(p));
      } catch {
        return path.resolve(p);
      }
    }
  };
  return path.resolve(a) === path.resolve(b) || real(a) === real(b);
}

/** Writes to a temporary file beside the output, then renames: a failure never leaves a half-written file. */
export async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  try {
    const st = await fs.stat(dir);
    if (!st.isDirectory()) throw new InputError(`the output folder ${dir} is not a folder.`);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`the output folder ${dir} does not exist.`);
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new InputError(`cannot write ${file}: ${ioMessage(e, file)}`);
  }
}

/** `io` as the command prints through it: every text with its control characters escaped (printable.ts). */
function printableIo(io: Io): Io {
  return { stdout: (s) => io.stdout(printable(s)), stderr: (s) => io.stderr(printable(s)), isTTY: io.isTTY };
}

/** The progress line; `io` is the raw one: the line's own erase codes are ours, its message is escaped. */
function progressReporter(io: Io): { progress: Progress; done: () => void } {
  if (!io.isTTY) return { progress: () => undefined, done: () => undefined };
  const started = Date.now();
  let shown = false;
  return {
    progress: (message) => {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      io.stderr(`\r\u001b[2K${printable(message)}… ${secs}s`);
      shown = true;
    },
    done: () => {
      if (shown) io.stderr("\r\u001b[2K");
    },
  };
}

interface Parsed {
  command: "flag" | "clear";
  /** One file, or for flag several files and folders (§4). */
  inputs: string[];
  output: string;
  sheet?: string;
  range?: string;
  config?: string;
  encoding?: string;
  json: boolean;
  lang: "en" | "zh";
}

function parse(argv: string[]): Parsed | "help" | "version" {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: "string", short: "o" },
        sheet: { type: "string" },
        range: { type: "string" },
        config: { type: "string" },
        encoding: { type: "string" },
        lang: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
  if (values.help) return "help";
  if (values.version) return "version";
  const [command, ...inputs] = positionals;
  if (!command) throw new UsageError("a command is required: flag or clear.");
  if (command !== "flag" && command !== "clear")
    throw new UsageError(`unknown command "${command}" (use flag or clear).`);
  if (inputs.length === 0) throw new UsageError(`${command} needs an input .xlsx file.`);
  if (command === "clear" && inputs.length > 1) throw new UsageError(`unexpected argument "${inputs[1]}".`);
  if (!values.output) throw new UsageError(`${command} needs -o <out.xlsx> (the input file is never overwritten).`);
  const lang = values.lang ?? "en";
  if (lang !== "en" && lang !== "zh") throw new UsageError(`--lang must be en or zh (got "${lang}").`);
  if (command === "clear" && (values.sheet || values.range || values.config || values.encoding)) {
    throw new UsageError(
      "clear takes no --sheet, --range, --config or --encoding: it restores everything Growth Signals changed.",
    );
  }
  return {
    command,
    inputs,
    output: values.output,
    sheet: values.sheet,
    range: values.range,
    config: values.config,
    encoding: values.encoding,
    json: values.json ?? false,
    lang,
  };
}

/** What one flagged file gives the summaries. */
interface FlaggedFile {
  label: string;
  output: string;
  source?: CsvSource;
  out: FlagOutcome;
}

/**
 * Flags one file into `output` (a CSV converted to a workbook first); InputError for anything wrong with it. Checks
 * the output path before reading, so a refused file never costs a conversion.
 */
async function flagFile(
  args: Parsed,
  input: string,
  output: string,
  progress: Progress,
  inBatch = false,
): Promise<FlaggedFile> {
  if (samePath(input, output)) {
    throw new InputError(
      `the output ${output} is the input file; choose another -o path (the input is never overwritten).`,
    );
  }
  const label = path.basename(input);
  const data = await readInput(input);
  const csv = isTextExport(input, data);
  const forced = args.encoding !== undefined ? encodingOption(args.encoding) : undefined;
  // in a batch, --encoding is for its CSV files; its workbooks have their own
  if (forced && !csv && !inBatch)
    throw new InputError(`--encoding applies to CSV and text files; ${label} is a workbook, whose encoding is fixed.`);
  if (csv && path.extname(output).toLowerCase() !== ".xlsx")
    throw new InputError(
      `flag writes a CSV file's result as an .xlsx workbook; name the output .xlsx (not ${path.basename(output)}).`,
    );
  let sheet = args.sheet;
  const bang = args.range?.lastIndexOf("!") ?? -1;
  if (args.range && bang > 0 && sheet === undefined)
    sheet = args.range
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
  const config = args.config ? await readConfig(args.config) : undefined;
  let source: CsvSource | undefined;
  let workbook: Uint8Array | XlsxPackage = data;
  let grids: Map<string, SheetGrid> | undefined;
  if (csv) {
    progress(`Reading ${label}`);
    const converted = csvToWorkbook(data, { label, encoding: forced });
    source = converted.source;
    workbook = converted.pkg;
    grids = converted.grids;
  }
  const out = await flagWorkbook(workbook, {
    sheet,
    range: args.range,
    config,
    lang: args.lang,
    label,
    onProgress: progress,
    outputExtension: path.extname(output),
    grids,
  });
  await writeAtomically(output, out.data);
  return { label, output, source, out };
}

/** The --json object of one flagged file. */
function flagJson(f: FlaggedFile): Record<string, unknown> {
  const tables = f.out.tables.map((t) => ({
    sheet: t.sheet,
    address: t.address,
    cellsColoured: t.cellsColoured,
    mapping: t.result.mapping,
    skippedRows: t.result.skippedRows,
    percentColumns: t.result.percentColumns,
    // issue 17 §3: which rules ran on which columns (found, mapped, derived), which could not
    derived: t.result.derived,
    checks: t.result.checks,
    warnings: t.result.warnings,
    // issue 19: each finding's mark since the last flag ("new", "continuing"; null on a first flag)
    findings: t.result.findings.map((finding, i) => ({ ...finding, sinceLastFlag: t.marks?.[i] ?? null })),
    flags: t.result.flags,
  }));
  const summary = {
    tables: tables.length,
    cellsColoured: tables.reduce((n, t) => n + t.cellsColoured, 0),
    flags: tables.reduce((n, t) => n + t.flags.length, 0),
    findings: tables.reduce((n, t) => n + t.findings.length, 0),
  };
  return {
    output: f.output,
    source: f.source,
    reportSheet: f.out.reportSheet,
    config: f.out.config,
    summary,
    tables,
    sinceLastFlag: f.out.changes,
    notes: f.out.notes,
  };
}

async function execute(args: Parsed, io: Io, rawIo: Io): Promise<void> {
  const input = args.inputs[0];
  if (args.command === "flag") {
    const { progress, done } = progressReporter(rawIo);
    try {
      const f = await flagFile(args, input, args.output, progress);
      done();
      if (args.json) io.stdout(JSON.stringify(flagJson(f), null, 2) + "\n");
      else {
        const read = f.source ? `${describeSource(f.label, f.source, args.lang)}\n` : "";
        io.stdout(
          `${read}${summaryText(f.out.tables, args.lang, f.out.changes)}\n\n${args.lang === "zh" ? "已写入" : "Wrote"} ${args.output}\n`,
        );
        for (const n of f.out.notes) io.stdout(`${n[args.lang]}\n`);
      }
    } finally {
      done();
    }
    return;
  }
  if (samePath(input, args.output)) {
    throw new InputError(
      `the output ${args.output} is the input file; choose another -o path (the input is never overwritten).`,
    );
  }
  const label = path.basename(input);
  const data = await readInput(input);
  if (isTextExport(input, data))
    throw new InputError(`${label} is a CSV file; clear works on a workbook that flag wrote (.xlsx).`);
  const { progress, done } = progressReporter(rawIo);
  try {
    const out = await clearWorkbook(data, {
      label,
      onProgress: progress,
      outputExtension: path.extname(args.output),
    });
    await writeAtomically(args.output, out.data);
    done();
    if (args.json) {
      const { data: _data, ...rest } = out;
      io.stdout(JSON.stringify({ output: args.output, ...rest }, null, 2) + "\n");
    } else if (!out.wasFlagged) {
      io.stdout(`${label} has no Growth Signals marks; wrote an unchanged copy to ${args.output}\n`);
    } else {
      const sheets = out.removedSheets.length
        ? `, removed sheet ${out.removedSheets.map((s) => `"${s}"`).join(", ")}`
        : "";
      const rules = `${out.rulesRemoved} conditional-format ${out.rulesRemoved === 1 ? "rule" : "rules"}`;
      io.stdout(`Removed the warning colors from ${out.restored} cells (${rules})${sheets} → ${args.output}\n`);
      for (const n of out.notes) io.stdout(`${n[args.lang]}\n`);
    }
  } finally {
    done();
  }
}

/**
 * §4: flags every file the arguments name into the -o folder, each on its own (a failure is reported and the others
 * go on), then prints one combined summary (or one JSON object); a progress line per file on stderr when it is a
 * terminal. Exit code 1 when any file failed.
 */
async function flagMany(args: Parsed, io: Io, rawIo: Io): Promise<number> {
  const folderProblem = await ensureFolder(args.output);
  if (folderProblem) throw new InputError(folderProblem);
  if (args.config) await readConfig(args.config); // a bad config is the command's problem, not each file's
  const entries = await expandInputs(args.inputs);
  assignOutputs(entries, args.output);
  const zh = args.lang === "zh";
  const done: { entry: BatchEntry; file?: FlaggedFile }[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const label = path.basename(entry.input);
    const step = `[${i + 1}/${entries.length}] ${label}`;
    const started = Date.now();
    const progress: Progress = (message) => {
      if (io.isTTY)
        rawIo.stderr(`\r\u001b[2K${printable(`${step}: ${message}`)}… ${((Date.now() - started) / 1000).toFixed(1)}s`);
    };
    if (!entry.error && entry.output) {
      try {
        done.push({ entry, file: await flagFile(args, entry.input, entry.output, progress, true) });
      } catch (e) {
        entry.error = failureMessage(e);
        done.push({ entry });
      }
    } else done.push({ entry });
    if (io.isTTY) {
      const f = done[done.length - 1].file;
      const what = f
        ? `${f.out.tables.reduce((n, t) => n + t.cellsColoured, 0)} ${zh ? "个单元格已标色" : "cells colored"} → ${f.output}`
        : `${zh ? "失败" : "failed"}: ${entry.error}`;
      rawIo.stderr(`\r\u001b[2K${printable(`${step}: ${what}`)}\n`);
    }
  }
  const ok = done.filter((d) => d.file);
  const failed = done.filter((d) => !d.file);
  if (args.json) {
    const files = done.map(({ entry, file }) =>
      file
        ? { input: entry.input, ok: true, ...flagJson(file) }
        : { input: entry.input, ok: false, error: entry.error },
    );
    const perFile = ok.map((d) => flagJson(d.file!).summary as Record<string, number>);
    const total = (k: string): number => perFile.reduce((n, s) => n + s[k], 0);
    const summary = {
      files: done.length,
      flagged: ok.length,
      failed: failed.length,
      tables: total("tables"),
      cellsColoured: total("cellsColoured"),
      flags: total("flags"),
      findings: total("findings"),
    };
    io.stdout(JSON.stringify({ output: args.output, summary, files }, null, 2) + "\n");
  } else {
    const lines = [
      zh
        ? `已标记 ${ok.length} / ${done.length} 个文件，写入 ${args.output}${failed.length ? `，${failed.length} 个失败` : ""}。`
        : `Flagged ${ok.length} of ${done.length} file${done.length === 1 ? "" : "s"} into ${args.output}${failed.length ? `; ${failed.length} failed` : ""}.`,
    ];
    for (const { entry, file } of done) {
      if (file) {
        lines.push(`  ✓ ${entry.input} → ${file.output}`);
        if (file.source) lines.push(`    ${describeSource(file.label, file.source, args.lang)}`);
        // issue 19: what changed since the file's last flag, when it had one
        if (file.out.changes.compared)
          lines.push(`    ${changesHeadline(file.out.changes, file.out.changes.since, args.lang)}`);
        for (const n of file.out.notes) lines.push(`    ${n[args.lang]}`);
      } else {
        // most sentences start with the file's name: say it once
        const label = path.basename(entry.input);
        const error = entry.error ?? "";
        lines.push(
          `  ✗ ${error.startsWith(label) ? entry.input + error.slice(label.length) : `${entry.input}: ${error}`}`,
        );
      }
    }
    // one weak-channel table for every file: each table's sheet named with its file
    const tables = ok.flatMap(({ file }) =>
      file!.out.tables.map((t) => ({ ...t, sheet: `${file!.label} › ${t.sheet}` })),
    );
    // issue 19: the files that had a previous flag, their marks in the table and their resolved runs together
    const compared = ok.map(({ file }) => file!).filter((f) => f.out.changes.compared);
    const changes = compared.length
      ? {
          compared: true,
          counts: {
            new: compared.reduce((n, f) => n + f.out.changes.counts.new, 0),
            continuing: compared.reduce((n, f) => n + f.out.changes.counts.continuing, 0),
            resolved: compared.reduce((n, f) => n + f.out.changes.counts.resolved, 0),
          },
          resolved: compared.flatMap((f) =>
            f.out.changes.resolved.map((r) => ({ ...r, sheet: `${f.label} › ${r.sheet}` })),
          ),
          year: compared[0].out.changes.year,
        }
      : undefined;
    if (ok.length) lines.push("", summaryText(tables, args.lang, changes));
    io.stdout(lines.join("\n") + "\n");
  }
  return failed.length ? 1 : 0;
}

/** The sentence of a file's failure: ours for bad input, the error's message for anything else. */
function failureMessage(e: unknown): string {
  if (e instanceof InputError) return e.message;
  const message = e instanceof Error ? e.message : String(e);
  return `unexpected error (${message}); run it alone with GROWTH_SIGNALS_DEBUG=1 for details.`;
}

/** Runs the command line; returns the exit code (the bin script passes it to process.exit). */
export async function main(argv: string[], rawIo: Io = defaultIo): Promise<number> {
  const io = printableIo(rawIo);
  try {
    const parsed = parse(argv);
    if (parsed === "help") {
      io.stdout(HELP + "\n");
      return 0;
    }
    if (parsed === "version") {
      io.stdout(version() + "\n");
      return 0;
    }
    if (parsed.command === "flag" && (await isBatch(parsed.inputs, parsed.output)))
      return await flagMany(parsed, io, rawIo);
    await execute(parsed, io, rawIo);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`growth-signals: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`growth-signals: ${e.message}\n`);
      return 1;
    }
    // A bug of ours, not the user's input: one sentence, the stack only on request.
    const message = e instanceof Error ? e.message : String(e);
    const debug = typeof process !== "undefined" && process.env.GROWTH_SIGNALS_DEBUG === "1";
    io.stderr(
      debug && e instanceof Error
        ? `growth-signals: unexpected error: ${e.stack}\n`
        : `growth-signals: unexpected error (${message}). Run with GROWTH_SIGNALS_DEBUG=1 for details.\n`,
    );
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
