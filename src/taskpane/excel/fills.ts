/**
 * Fills between Office.js and the shared state format (src/core/state.ts). The state stores SpreadsheetML's
 * pattern names ("solid", "gray125", "darkGrid"…) as the CLI reads them from styles.xml; Office.js speaks
 * Excel.FillPattern ("Solid", "Gray16", "Checker"…). A cell with no fill is "none": never white, because Office.js
 * reports no fill as #FFFFFF and restoring white would hide the gridlines.
 */
import type { SavedFill } from "../../core/state";

/** Excel.FillPattern → SpreadsheetML patternType (ECMA-376 §18.18.55), the pairs Excel itself uses. */
const TO_OOXML: Record<string, string> = {
  None: "none",
  Solid: "solid",
  Gray50: "mediumGray",
  Gray75: "darkGray",
  Gray25: "lightGray",
  Horizontal: "darkHorizontal",
  Vertical: "darkVertical",
  Down: "darkDown",
  Up: "darkUp",
  Checker: "darkGrid",
  SemiGray75: "darkTrellis",
  LightHorizontal: "lightHorizontal",
  LightVertical: "lightVertical",
  LightDown: "lightDown",
  LightUp: "lightUp",
  Grid: "lightGrid",
  CrissCross: "lightTrellis",
  Gray16: "gray125",
  Gray8: "gray0625",
  LinearGradient: "gradient",
  RectangularGradient: "gradient",
};

const FROM_OOXML: Record<string, string> = Object.fromEntries(
  Object.entries(TO_OOXML)
    .filter(([, v]) => v !== "gradient")
    .map(([k, v]) => [v.toLowerCase(), k]),
);

/** The Excel.FillPattern for a saved pattern name; undefined when Office.js cannot set it (gradients). */
export function excelPattern(saved: string): string | undefined {
  return FROM_OOXML[saved.toLowerCase()];
}

/** "#ffd966", "FFD966" or ARGB "FFFFD966" → "#FFD966"; undefined when it is not a colour. */
export function normaliseHex(c: string | undefined | null): string | undefined {
  if (typeof c !== "string") return undefined;
  const m = /^#?(?:[0-9a-fA-F]{2})?([0-9a-fA-F]{6})$/.exec(c.trim());
  return m ? `#${m[1].toUpperCase()}` : undefined;
}

/** What getCellProperties returns under format.fill. */
export interface CellFillProps {
  color?: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number | null;
}

export const FILL_PROPS_TO_LOAD = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } },
};

/**
 * A cell's fill as getCellProperties reports it → the shared format. No fill is pattern "None"; when a build reports
 * no pattern (office-js#4900 saw null for both no fill and white), tintAndShade decides: null is no fill, a number
 * (white included) is a solid fill, as Microsoft answered there.
 */
export function savedFillFromProps(p: CellFillProps | undefined): SavedFill {
  const pattern = p?.pattern ?? (typeof p?.tintAndShade === "number" ? "Solid" : "None");
  const ooxml = TO_OOXML[pattern] ?? pattern.charAt(0).toLowerCase() + pattern.slice(1);
  if (ooxml === "none") return { pattern: "none" };
  const tint = typeof p?.tintAndShade === "number" && p.tintAndShade !== 0 ? p.tintAndShade : undefined;
  const color = normaliseHex(p?.color);
  if (ooxml === "solid") {
    const out: SavedFill = { pattern: "solid", color: color ?? "#FFFFFF" };
    if (tint !== undefined) out.tintAndShade = tint;
    return out;
  }
  if (ooxml === "gradient") return { pattern: "gradient" };
  const out: SavedFill = { pattern: ooxml };
  if (color) out.color = color;
  const pc = normaliseHex(p?.patternColor);
  if (pc) out.patternColor = pc;
  if (tint !== undefined) out.tintAndShade = tint;
  return out;
}

/** Equal fills have equal keys, so cells can be restored in groups. */
export function fillKey(f: SavedFill): string {
  const x = f as { pattern: string; color?: string; patternColor?: string; tintAndShade?: number };
  const pattern = x.pattern.toLowerCase();
  if (pattern === "none" || pattern === "gradient") return "none";
  return [pattern, normaliseHex(x.color) ?? "", normaliseHex(x.patternColor) ?? "", x.tintAndShade ?? 0].join("|");
}

/** The subset of Excel.RangeFill the restore writes to. */
export interface FillTarget {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  clear(): void;
}

/**
 * Queues the writes that give `target` the saved fill: clear() for no fill (and for gradients, which Office.js
 * cannot set), else the pattern, the colour, the pattern colour and the tint.
 */
export function applySavedFill(target: FillTarget, f: SavedFill): void {
  const x = f as { pattern: string; color?: string; patternColor?: string; tintAndShade?: number };
  const pattern = excelPattern(x.pattern);
  if (!pattern || pattern === "None") {
    target.clear();
    return;
  }
  // The pattern first: setting only a colour keeps a cell's existing pattern (as Interior.Color does).
  target.pattern = pattern;
  target.color = normaliseHex(x.color) ?? "#FFFFFF";
  const pc = normaliseHex(x.patternColor);
  if (pattern !== "Solid" && pc) target.patternColor = pc;
  if (typeof x.tintAndShade === "number" && x.tintAndShade !== 0) target.tintAndShade = x.tintAndShade;
}
