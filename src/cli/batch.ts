/**
 * Many files at once (issue 17 §4): `growth-signals flag a.csv b.xlsx reports/ -o out/` flags each file into out/, a
 * folder's reports included (not its subfolders; Excel's "~$" lock files and hidden files skipped), one file's
 * failure reported without stopping the others, one combined summary at the end.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { TEXT_EXTENSIONS } from "./csv";

/** Extensions a folder is searched for: workbooks the flag reads, and CSV/text exports. */
export const BATCH_EXTENSIONS = [".xlsx", ".xlsm", ...TEXT_EXTENSIONS];

export interface BatchEntry {
  /** The path as given or found in a folder. */
  input: string;
  /** Where its result goes (absent when the entry failed before: a missing path, an empty folder). */
  output?: string;
  /** One sentence when the entry cannot be flagged. */
  error?: string;
}

function extension(file: string): string {
  return path.extname(file).toLowerCase();
}

/** True when a folder entry is a report to flag: a known extension, not a lock file or hidden file. */
export function isReportFile(name: string): boolean {
  return BATCH_EXTENSIONS.includes(extension(name)) && !name.startsWith("~$") && !name.startsWith(".");
}

/**
 * The files the arguments name, in order: a file as given, a folder's reports sorted by name. A path that does not
 * exist, or a folder without reports, is an entry with its error.
 */
export async function expandInputs(inputs: string[]): Promise<BatchEntry[]> {
  const out: BatchEntry[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      out.push({ input, error: `${input} does not exist.` });
      continue;
    }
    if (!stat.isDirectory()) {
      out.push({ input });
      continue;
    }
    const names = (await fs.readdir(input, { withFileTypes: true }))
      .filter((d) => d.isFile() && isReportFile(d.name))
      .map((d) => d.name)
      .sort((a, b) => a.localeCompare(b, "en"));
    if (names.length === 0)
      out.push({ input, error: `the folder ${input} holds no .xlsx, .xlsm, .csv, .tsv or .txt file.` });
    for (const n of names) out.push({ input: path.join(input, n) });
  }
  // the same file named twice (a.csv and ./a.csv, or listed and in its folder) is flagged once
  const seen = new Set<string>();
  return out.filter((e) => {
    if (e.error) return true;
    const key = path.resolve(e.input);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The output of each entry in `dir`: a CSV/text export becomes name.xlsx, a workbook keeps its name (and extension,
 * .xlsm stays .xlsm). Two inputs that would write the same name (a.csv and a.xlsx) get "a (2).xlsx" for the second.
 */
export function assignOutputs(entries: BatchEntry[], dir: string): void {
  const taken = new Set<string>();
  for (const e of entries) {
    if (e.error) continue;
    const ext = extension(e.input);
    const base = path.basename(e.input, path.extname(e.input));
    const outExt = TEXT_EXTENSIONS.includes(ext) ? ".xlsx" : ext || ".xlsx";
    let name = `${base}${outExt}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})${outExt}`;
    taken.add(name.toLowerCase());
    e.output = path.join(dir, name);
  }
}

/** Creates the output folder when it is missing; an InputError-worthy sentence when it cannot be one. */
export async function ensureFolder(dir: string): Promise<string | null> {
  try {
    const st = await fs.stat(dir);
    return st.isDirectory() ? null : `-o ${dir} is a file; with several inputs or a folder, -o names a folder.`;
  } catch {
    try {
      await fs.mkdir(dir, { recursive: true });
      return null;
    } catch (e) {
      return `cannot create the output folder ${dir} (${(e as Error).message}).`;
    }
  }
}

/**
 * True when the arguments ask for a batch: several inputs, a folder among them, or -o ending in a path separator
 * ("out/"). One file with -o naming an existing folder stays a single flag (and its output path is refused).
 */
export async function isBatch(inputs: string[], output: string): Promise<boolean> {
  if (inputs.length > 1 || /[\\/]$/.test(output)) return true;
  try {
    return (await fs.stat(inputs[0])).isDirectory();
  } catch {
    return false;
  }
}
