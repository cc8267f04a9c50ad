/**
 * Colours as SpreadsheetML stores them (<fgColor rgb|theme|indexed tint>) turned into "#RRGGBB", so a saved
 * original fill can be restored by any host (the task pane sets Office.js fill colours by hex).
 */
import { attr, childNamed, descendant, locate } from "./locate";
import { getAttr } from "./xml";

/** The legacy 64-colour palette of `indexed` colours (ECMA-376 Part 1, 18.8.27). */
const INDEXED = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
]; // prettier-ignore

/** Theme colour slots in the order `theme="n"` indexes them (Excel swaps dk/lt: 0 = lt1, 1 = dk1). */
const THEME_ORDER = [
  "lt1",
  "dk1",
  "lt2",
  "dk2",
  "accent1",
  "accent2",
  "accent3",
  "accent4",
  "accent5",
  "accent6",
  "hlink",
  "folHlink",
];

const NS_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main";

/** Reads the 12 theme colours ("RRGGBB") of xl/theme/theme1.xml's colour scheme. */
export function parseThemeColours(themeXml: string): string[] {
  const scheme = descendant(locate(themeXml), NS_DRAWING, "clrScheme");
  if (!scheme) return [];
  return THEME_ORDER.map((slot) => {
    const el = childNamed(scheme, NS_DRAWING, slot);
    const srgb = el && childNamed(el, NS_DRAWING, "srgbClr");
    const sys = el && childNamed(el, NS_DRAWING, "sysClr");
    const hex = (srgb && attr(srgb, "val")) ?? (sys && attr(sys, "lastClr")) ?? "";
    return /^[0-9A-Fa-f]{6}$/.test(hex) ? hex.toUpperCase() : "";
  });
}

export interface ResolvedColour {
  color?: string;
  tintAndShade?: number;
}

/** A <fgColor>/<bgColor> element → "#RRGGBB" (+ tint); empty when automatic or unknown. */
export function resolveColour(colorEl: string | undefined, theme: readonly string[]): ResolvedColour {
  if (!colorEl) return {};
  const out: ResolvedColour = {};
  const rgb = getAttr(colorEl, "rgb");
  const th = getAttr(colorEl, "theme");
  const idx = getAttr(colorEl, "indexed");
  if (rgb && /^[0-9A-Fa-f]{6,8}$/.test(rgb)) out.color = `#${rgb.slice(-6).toUpperCase()}`;
  else if (th !== undefined && theme[Number(th)]) out.color = `#${theme[Number(th)]}`;
  else if (idx !== undefined && INDEXED[Number(idx)]) out.color = `#${INDEXED[Number(idx)]}`;
  const tint = getAttr(colorEl, "tint");
  if (tint !== undefined && Number(tint) !== 0) out.tintAndShade = Number(tint);
  return out;
}

/** "#FFD966" → "FFFFD966" (ARGB, opaque) for an `rgb` attribute. */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}
