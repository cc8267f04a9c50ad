/**
 * How the pane names a warning level (issue 19 §8): one severity word set (Act now / Act today / Watch, from the seed's
 * 三级响应机制: 立即处理, 当天响应, 持续关注) and, beside it, the colour the user's palette actually paints: the article's
 * Red / Orange / Yellow, the Okabe–Ito palette's Vermilion / Orange / Yellow (Okabe & Ito 2002 name #D55E00
 * "vermillion"), and no colour word for a custom set, whose colours the pane cannot name.
 */
import { paletteOf, type WarningColour } from "../core/colours";
import { COLOUR_NAMES } from "../core/i18n/rules";
import type { Bilingual } from "../core/i18n/format";

const OKABE_ITO_NAMES: Readonly<Record<WarningColour, Bilingual>> = {
  red: { en: "Vermilion", zh: "朱红" },
  orange: { en: "Orange", zh: "橙色" },
  yellow: { en: "Yellow", zh: "黄色" },
};

/** The colour word of a level in the palette `fills` belongs to; null for a custom palette. */
export function levelColourName(
  fills: Readonly<Record<WarningColour, string>>,
  colour: WarningColour,
  lang: "en" | "zh",
): string | null {
  const palette = paletteOf(fills);
  if (palette === "seed") return COLOUR_NAMES[colour][lang];
  if (palette === "okabe-ito") return OKABE_ITO_NAMES[colour][lang];
  return null;
}
