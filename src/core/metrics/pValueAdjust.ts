import { ExcelError, ExcelResult, isExcelError, numError, valueError } from "../excelError";
import { pAdjust, type PAdjustMethod } from "../stats/pAdjust";
import { coerceNumber } from "./coerce";

/** One output cell: an adjusted p-value, or "" where the input cell was blank. */
export type PAdjustCell = number | "";

const METHODS: Record<string, PAdjustMethod> = {
  holm: "holm",
  hochberg: "hochberg",
  bh: "bh",
  fdr: "bh",
  bonferroni: "bonferroni",
};

/** Cells that are not p-values: blank, text and booleans (ignored as AVERAGE ignores them in a range). */
const isIgnored = (v: unknown): boolean =>
  v === null || v === undefined || typeof v === "string" || typeof v === "boolean";

/** Reads the method: omitted → "holm"; "holm", "hochberg", "BH" (or R's alias "fdr"), "bonferroni", any case. */
export function parsePAdjustMethod(method: unknown): ExcelResult<PAdjustMethod> {
  if (method === null || method === undefined) return "holm";
  if (typeof method === "string") {
    const m = METHODS[method.trim().toLowerCase()];
    if (m) return m;
  }
  return valueError('method must be "holm", "hochberg", "BH" or "bonferroni"');
}

/**
 * Adjusted p-values for multiple comparisons (R p.adjust; stats/pAdjust.ts), in the shape of the input range.
 * Only numbers are p-values, as Excel's statistical functions read a range (AVERAGE, COUNT): blank cells, text (even
 * numeric text such as "0.05") and TRUE/FALSE are ignored — left blank in the result and not counted in m (R drops NA
 * the same way).
 * Errors for the whole result: an error value in the range (as AVERAGE), or an unknown method → #VALUE!; a p-value
 * outside [0, 1] → #NUM!; no numbers at all → #VALUE!.
 * @example pValueAdjust([[0.01, 0.02, 0.03, 0.04, 0.05]]) // [[0.05, 0.08, 0.09, 0.09, 0.09]]
 */
export function pValueAdjust(range: unknown, method?: unknown): ExcelResult<PAdjustCell[][]> {
  const rows: unknown[][] = Array.isArray(range) ? (range.every(Array.isArray) ? range : [range]) : [[range]];
  const how = parsePAdjustMethod(method);
  const values: number[] = [];
  let firstError: ExcelError | undefined;
  for (const r of rows) {
    for (const cell of r) {
      if (isIgnored(cell)) continue;
      const p = coerceNumber(cell, 0, "p-value");
      if (isExcelError(p)) return p;
      if (!(p >= 0 && p <= 1)) firstError ??= numError("p-values must be between 0 and 1");
      values.push(p);
    }
  }
  if (isExcelError(how)) return how;
  if (firstError) return firstError;
  if (values.length === 0) return valueError("no numbers in the range");
  const adjusted = pAdjust(values, how);
  let k = 0;
  return rows.map((r) => r.map((cell) => (isIgnored(cell) ? "" : adjusted[k++])));
}
