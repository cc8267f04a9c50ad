/**
 * Records of a CSV or text export: the delimiter sniffed among , ; tab |, RFC 4180 quoting (a quoted field may hold
 * the delimiter, a doubled quote and line breaks), parsed by Papa Parse. A line starting with `#` at a record
 * boundary is a comment (GA4 writes its report's name, property and date range so) and becomes one text record of
 * the whole line, so line N of the file stays row N of the sheet, as Excel opens the file.
 */
import Papa from "papaparse";

export type Delimiter = "," | ";" | "\t" | "|";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t", "|"];
export const DELIMITER_NAME: Record<Delimiter, { en: string; zh: string }> = {
  ",": { en: "comma-separated", zh: "逗号分隔" },
  ";": { en: "semicolon-separated", zh: "分号分隔" },
  "\t": { en: "tab-separated", zh: "制表符分隔" },
  "|": { en: "pipe-separated", zh: "竖线分隔" },
};

export interface CsvRecords {
  /** One array of fields per record; a comment line is one field holding the whole line. */
  records: string[][];
  /** Indices of the comment records. */
  comments: Set<number>;
  delimiter: Delimiter;
  /** A quote opened and never closed: the rest of the file went into one field (as Excel reads it). */
  unclosedQuote: boolean;
}

/** Text split into runs of comment lines and of CSV, each run whole lines. */
interface Segment {
  comment: boolean;
  text: string;
}

/** True when some line of `text` starts with "#" (a cheap test before the quote-aware split). */
function mayHaveComments(text: string): boolean {
  return text.charCodeAt(0) === 35 || text.includes("\n#");
}

/**
 * Splits off the comment lines: a line is a comment when it starts with "#" and begins a record, i.e. the quotes
 * before it in the CSV are balanced (RFC 4180 escapes a quote by doubling it, so an odd count means a quoted field
 * is still open and the "#" is inside it).
 */
export function splitComments(text: string): Segment[] {
  if (!mayHaveComments(text)) return [{ comment: false, text }];
  const out: Segment[] = [];
  let open = false; // inside a quoted field
  let runStart = 0;
  let runComment = false;
  let i = 0;
  while (i < text.length) {
    let nl = text.indexOf("\n", i);
    nl = nl < 0 ? text.length : nl + 1;
    const comment = !open && text.charCodeAt(i) === 35;
    if (comment !== runComment && i > runStart) {
      out.push({ comment: runComment, text: text.slice(runStart, i) });
      runStart = i;
    }
    if (i === runStart) runComment = comment;
    if (!comment) {
      for (let q = text.indexOf('"', i); q >= 0 && q < nl; q = text.indexOf('"', q + 1)) open = !open;
    }
    i = nl;
  }
  if (runStart < text.length) out.push({ comment: runComment, text: text.slice(runStart) });
  return out;
}

/** How often `d` occurs outside double quotes in `line`. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter of a CSV text: a table is a block of consecutive lines that one delimiter splits into the same number
 * of fields. For each candidate, the most common count per line (lines without it left out, so title rows do not
 * vote) and the longest run of consecutive lines with exactly that count; the longest run wins. The header belongs
 * to the run of the true delimiter and breaks the run of a mark that only the values hold ("1,234" or "12,5" in every
 * row of a tab or semicolon file), as a title row with the mark ("November 1, 2026 - November 10, 2026") cannot
 * join it. Ties: more fields, then tab, semicolon, comma, pipe. Only the first 200 lines are read; comma when no
 * candidate occurs.
 */
export function sniffDelimiter(text: string): Delimiter {
  const lines = text.split(/\r\n|\n|\r/, 200).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  let best: { d: Delimiter; run: number; fields: number } | null = null;
  for (const d of ["\t", ";", ",", "|"] as const) {
    const counts = lines.map((line) => countOutsideQuotes(line, d));
    const freq = new Map<number, number>();
    for (const n of counts) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let most = 0;
    for (const [n, k] of freq) if (k > most || (k === most && n > mode)) [mode, most] = [n, k];
    if (most === 0) continue;
    let run = 0;
    let longest = 0;
    for (const n of counts) {
      run = n === mode ? run + 1 : 0;
      if (run > longest) longest = run;
    }
    if (!best || longest > best.run || (longest === best.run && mode > best.fields))
      best = { d, run: longest, fields: mode };
  }
  return best?.d ?? ",";
}

/** The comment run's lines, without their line breaks (a final empty piece after the last break dropped). */
function commentLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * The line break of a CSV run, as Papa Parse guesses it (quoted fields removed first, so a break inside a quoted field
 * does not count), decided here on the whole run's start rather than on its first chunk.
 */
export function lineBreakOf(text: string): "\r\n" | "\n" | "\r" {
  const head = text.slice(0, 1 << 20).replace(/"[^"]*"/g, "");
  const lf = head.indexOf("\n");
  const cr = head.indexOf("\r");
  if (lf < 0) return cr < 0 ? "\n" : "\r";
  if (cr >= 0 && cr < lf) return head.charCodeAt(cr + 1) === 10 ? "\r\n" : "\r";
  return "\n";
}

interface ChunkConfig {
  chunkSize?: number;
  chunk: (results: Papa.ParseResult<string[]>) => void;
}

/**
 * Calls `onRecord` with each record of a CSV text in order (BOM already removed); a comment line is one field and
 * `comment` true. Papa Parse reads the text in chunks (`chunkSize` characters, 10 MB by default; a record cut by a
 * chunk's end is carried into the next), so the records of a large file are never all held at once.
 */
export function forEachRecord(
  text: string,
  delimiter: Delimiter,
  onRecord: (fields: string[], comment: boolean) => void,
  chunkSize?: number,
): { unclosedQuote: boolean } {
  let unclosedQuote = false;
  for (const seg of splitComments(text)) {
    if (seg.comment) {
      for (const line of commentLines(seg.text)) onRecord([line], true);
      continue;
    }
    // one record behind: Papa Parse reads an empty record after a run's last line break, which no line holds
    let pending: string[] | null = null;
    // Papa Parse streams a string in chunks too, though its typings offer `chunk` for files only
    const parseInChunks = Papa.parse as (input: string, config: Papa.ParseConfig<string[]> & ChunkConfig) => void;
    parseInChunks(seg.text, {
      delimiter,
      newline: lineBreakOf(seg.text),
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      chunkSize,
      chunk: (results: Papa.ParseResult<string[]>) => {
        if (results.errors.some((e) => e.code === "MissingQuotes")) unclosedQuote = true;
        for (const r of results.data) {
          if (pending) onRecord(pending, false);
          pending = r;
        }
      },
    });
    if (pending && !(isEmptyRecord(pending) && endsWithBreak(seg.text))) onRecord(pending, false);
  }
  return { unclosedQuote };
}

/** Parses a whole CSV text (BOM already removed) into records. */
export function parseCsv(text: string, delimiter: Delimiter = sniffDelimiter(text), chunkSize?: number): CsvRecords {
  const records: string[][] = [];
  const comments = new Set<number>();
  const { unclosedQuote } = forEachRecord(
    text,
    delimiter,
    (fields, comment) => {
      if (comment) comments.add(records.length);
      records.push(fields);
    },
    chunkSize,
  );
  return { records, comments, delimiter, unclosedQuote };
}

function isEmptyRecord(r: string[]): boolean {
  return r.length === 1 && r[0] === "";
}

function endsWithBreak(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 10 || c === 13;
}
