/** Inserting a formula skeleton from the Functions tab into the active cell, never over a cell's content unasked. */
import type { InsertResult } from "./types";

/**
 * Writes the formula into the active cell, unless the cell holds something and `overwrite` is not set: then
 * nothing is written (Office.js writes clear Excel's undo, so a replaced cell could not be brought back).
 */
export async function insertFormula(formula: string, options: { overwrite?: boolean } = {}): Promise<InsertResult> {
  return Excel.run(async (ctx) => {
    const cell = ctx.workbook.getActiveCell().load("address, formulas");
    await ctx.sync();
    const current = cell.formulas?.[0]?.[0];
    const text = current === null || current === undefined ? "" : String(current);
    const where = splitAddress(cell.address);
    if (text !== "" && !options.overwrite) return { written: false, ...where, current: text };
    const written = completeFormula(formula);
    cell.formulas = [[written]];
    await ctx.sync();
    return { written: true, ...where, formula: written, replaced: text || undefined };
  });
}

/** "Sheet1!B2" / "'My sheet'!B2" → { sheet, address }. */
function splitAddress(full: string): { sheet: string; address: string } {
  const bang = full.lastIndexOf("!");
  if (bang < 0) return { sheet: "", address: full.replace(/\$/g, "") };
  const sheet = full
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1).replace(/\$/g, "") };
}

/** "=GROWTH.ROI(" → "=GROWTH.ROI()": Excel refuses an unbalanced formula, so the skeleton is closed. */
export function completeFormula(f: string): string {
  let depth = 0;
  let quoted = false;
  for (const ch of f) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth = Math.max(0, depth - 1);
  }
  return (f.startsWith("=") ? f : `=${f}`) + (quoted ? '"' : "") + ")".repeat(depth);
}
