/**
 * Where a table starts on a whole sheet: a title or notes may sit above the header row.
 */
import type { Bilingual } from "../i18n/format";
import type { CellValue, ColumnMapping } from "./types";
import { METRIC_KEYS } from "./types";
import { columnLetters } from "../a1";
import { dayFromSerial, parseDay } from "./dates";
import { detectColumns, hasMetricColumn, recogniseHeader } from "./headers";
import { parseNumber } from "./values";

function isEmptyRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) {
    if (v === null || v === undefined) continue;
    if (typeof v === "string" && v.trim() === "") continue;
    return false;
  }
  return true;
}

/**
 * Index of the header row: the first of the first `maxScan` non-empty rows that has a recognised metric column;
 * -1 when none has.
 */
export function findHeaderRow(rows: CellValue[][], maxScan = 10): number {
  let seen = 0;
  for (let r = 0; r < rows.length && seen < maxScan; r++) {
    if (isEmptyRow(rows[r])) continue;
    seen++;
    if (hasMetricColumn(detectColumns(rows[r]))) return r;
  }
  return -1;
}

/** Where the table is on a sheet, as findTable finds it. Rows and columns are 0-based indexes into `rows`. */
export interface FoundTable {
  /** The (first) header row. */
  headerRow: number;
  /** 2 when a group-title row or a vertically merged header sits above the column names. */
  headerRows: 1 | 2;
  /** The first data row: headerRow + headerRows. */
  dataRow: number;
  firstCol: number;
  lastCol: number;
  /** The header, one cell per column firstCol…lastCol (the two rows combined). */
  header: CellValue[];
  mapping: ColumnMapping;
  /** What detection assumed, for the summary (hosts add them to the warnings they show). */
  assumptions: Bilingual[];
}

export interface FindTableOptions {
  /** Rows searched for a header (default 30). */
  maxRows?: number;
  /** Columns searched (default 100). */
  maxCols?: number;
  /** Rows below a candidate header checked for dates and numbers (default 20). */
  sampleRows?: number;
  /** Read serial numbers in the 1904 date system. */
  date1904?: boolean;
}

const filled = (v: CellValue): boolean => v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");

/** Maximal runs of filled cells in row(s), as [first, last] column pairs. */
function segments(rowsAt: (CellValue[] | undefined)[], width: number): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let c = 0; c <= width; c++) {
    const f = c < width && rowsAt.some((r) => r !== undefined && filled(r[c]));
    if (f && start < 0) start = c;
    else if (!f && start >= 0) {
      out.push([start, c - 1]);
      start = -1;
    }
  }
  return out;
}

/** Per column, the two header rows as one: the recognised name, else the lower cell, else the upper. */
function combine(top: CellValue[] | undefined, bottom: CellValue[], a: number, b: number): CellValue[] {
  const out: CellValue[] = [];
  for (let c = a; c <= b; c++) {
    const lo = bottom[c];
    const hi = top?.[c];
    if (filled(lo) && (recogniseHeader(lo) !== null || !filled(hi) || recogniseHeader(hi) === null)) out.push(lo);
    else if (filled(hi)) out.push(hi);
    else out.push(lo ?? null);
  }
  return out;
}

interface Candidate {
  found: FoundTable;
  score: number;
  consistency: number;
}

/**
 * Scores a header: +1 per recognised column, +10 × the share of the sample rows below whose date column reads as
 * a date and whose metric columns read as numbers (blank cells neither count for nor against), −3 per number in
 * the header itself (a row of label/value pairs such as "ROI 2.41 | Traffic 3,921,000" is summary figures).
 */
function score(rows: CellValue[][], header: CellValue[], a: number, dataRow: number, opts: FindTableOptions) {
  const mapping = detectColumns(header);
  // A channel report has a period column (or at least a channel column, its rows then read as periods in order):
  // a header with neither is not one (a finance sheet "rate | nper | pmt | pv" whose "pv" is no traffic).
  if (!hasMetricColumn(mapping) || (mapping.date === undefined && mapping.channel === undefined)) return null;
  const metricCols = METRIC_KEYS.map((k) => mapping[k]).filter((c): c is number => c !== undefined);
  let ok = 0;
  let seen = 0;
  const end = Math.min(rows.length, dataRow + (opts.sampleRows ?? 20));
  for (let r = dataRow; r < end; r++) {
    const row = rows[r];
    if (!row) continue;
    if (mapping.date !== undefined) {
      const v = row[a + mapping.date];
      if (filled(v)) {
        seen++;
        const d = typeof v === "number" ? (v >= 367 ? dayFromSerial(v, opts.date1904) : NaN) : parseDay(v);
        if (d === d) ok++;
      }
    }
    for (const c of metricCols) {
      const v = row[a + c];
      if (!filled(v)) continue;
      seen++;
      if (parseNumber(v) === parseNumber(v) && !(v instanceof Date)) ok++;
    }
  }
  let numbers = 0;
  for (const h of header)
    if (typeof h === "number" || (typeof h === "string" && parseNumber(h) === parseNumber(h))) numbers++;
  const roles = Object.keys(mapping).length;
  const consistency = seen === 0 ? 0 : ok / seen;
  return { mapping, consistency, score: roles + 10 * consistency - 3 * numbers };
}

function label(rows: CellValue[][], r: number, a: number, b: number): string {
  const parts: string[] = [];
  for (let c = a; c <= b && parts.length < 4; c++) {
    const v = rows[r]?.[c];
    if (filled(v)) parts.push(String(v instanceof Date ? v.toISOString().slice(0, 10) : v).trim());
  }
  return parts.join(" | ") + (b - a + 1 > 4 ? " …" : "");
}

/**
 * Finds the channel table on a sheet without a range: every run of filled cells in the first `maxRows` rows
 * (one row, or two rows combined) that names a metric is a candidate header, scored by how well the rows below
 * it read (dates in the date column, numbers in the metric columns). So a block of summary figures above the
 * table, a group-title row over the column names, a vertically merged Date/Channel and chart data beside the
 * report do not mislead it. Ties go to the higher, then the one-row, header. Null when no row names a metric.
 */
export function findTable(rows: CellValue[][], options: FindTableOptions = {}): FoundTable | null {
  const maxRows = Math.min(rows.length, options.maxRows ?? 30);
  const maxCols = options.maxCols ?? 100;
  let best: Candidate | null = null;
  const others: { r: number; a: number; b: number }[] = [];
  for (let r = 0; r < maxRows; r++) {
    const row = rows[r];
    if (!row || isEmptyRow(row)) continue;
    const width = Math.min(maxCols, Math.max(row.length, rows[r - 1]?.length ?? 0));
    const tries: [CellValue[] | undefined, [number, number][]][] = [[undefined, segments([row], width)]];
    if (r > 0 && rows[r - 1] && !isEmptyRow(rows[r - 1]))
      tries.push([rows[r - 1], segments([rows[r - 1], row], width)]);
    for (const [top, segs] of tries) {
      for (const [a, b] of segs) {
        const header = combine(top, row, a, b);
        const s = score(rows, header, a, r + 1, options);
        if (!s) continue;
        const two = top !== undefined;
        // a two-row header must name more than its lower row alone
        // (and its lower row must name some column itself: a data row under a header is no header row)
        if (two) {
          const lower = Object.keys(detectColumns(row.slice(a, b + 1))).length;
          if (lower === 0 || Object.keys(s.mapping).length <= lower) continue;
        }
        others.push({ r, a, b });
        if (!best || s.score > best.score + 1e-9) {
          best = {
            score: s.score,
            consistency: s.consistency,
            found: {
              headerRow: two ? r - 1 : r,
              headerRows: two ? 2 : 1,
              dataRow: r + 1,
              firstCol: a,
              lastCol: b,
              header,
              mapping: s.mapping,
              assumptions: [],
            },
          };
        }
      }
    }
  }
  if (!best) return null;
  const f = best.found;
  // another header that lost: on other rows, or in columns apart from the table's
  const rejected = others.find((o) => o.r < f.headerRow || o.r >= f.dataRow || o.b < f.firstCol || o.a > f.lastCol);
  const where = `${columnLetters(f.firstCol)}${f.headerRow + 1}:${columnLetters(f.lastCol)}${f.dataRow}`;
  if (f.headerRows === 2)
    f.assumptions.push({
      en: `Rows ${f.headerRow + 1}–${f.headerRow + 2} were read as one two-row header (${where}).`,
      zh: `第 ${f.headerRow + 1}–${f.headerRow + 2} 行按两行合并表头读取（${where}）。`,
    });
  if (rejected) {
    const text = label(rows, rejected.r, rejected.a, rejected.b);
    f.assumptions.push({
      en: `The table's header was taken at ${where}; “${text}” (row ${rejected.r + 1}) was not read as the header because the rows below it do not read as a table.`,
      zh: `表头取自 ${where}；第 ${rejected.r + 1} 行“${text}”下方的数据不构成表格，未作为表头。`,
    });
  }
  if (best.consistency < 0.5)
    f.assumptions.push({
      en: `Few cells below the header at ${where} hold dates and numbers; check that this is the table you meant, or give its range.`,
      zh: `${where} 表头下方只有少数单元格是日期或数字；请确认这是要检查的表格，或指定其区域。`,
    });
  return f;
}
