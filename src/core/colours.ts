/**
 * The three warning colours: the one place in the project where their hex values live.
 * Severity order: red > orange > yellow.
 */
export type WarningColour = "yellow" | "orange" | "red";

export const WARNING_COLOURS: readonly WarningColour[] = ["red", "orange", "yellow"];

export const DEFAULT_FILLS: Readonly<Record<WarningColour, string>> = {
  yellow: "#FFD966",
  orange: "#F4B183",
  red: "#FF7C80",
};

/**
 * Named fill presets. "seed" is the article's palette and the default. "okabe-ito" takes the warm three of the
 * Okabe–Ito colour-universal-design palette (Okabe & Ito 2002, "Color Universal Design"; vermillion, orange, yellow)
 * so the colours keep their names and stay apart for deuteranopes and protanopes: every pair differs by CIEDE2000
 * ≥ 10 under the Machado, Oliveira & Fernandes (2009) simulations, where the seed's red and orange fall to 6.9
 * (tests/core/palette.test.ts). Black text keeps a contrast ratio ≥ 4.5 on each.
 */
export type PaletteName = "seed" | "okabe-ito";

export const PALETTES: Readonly<Record<PaletteName, Readonly<Record<WarningColour, string>>>> = {
  seed: DEFAULT_FILLS,
  "okabe-ito": { red: "#D55E00", orange: "#E69F00", yellow: "#F0E442" },
};

export const PALETTE_NAMES = Object.keys(PALETTES) as PaletteName[];

/** The preset whose fills equal `fills` (case-insensitive), or null for a custom set. */
export function paletteOf(fills: Readonly<Record<WarningColour, string>>): PaletteName | null {
  return (
    PALETTE_NAMES.find((n) => WARNING_COLOURS.every((c) => PALETTES[n][c].toUpperCase() === fills[c]?.toUpperCase())) ??
    null
  );
}

const SEVERITY: Record<WarningColour, number> = { yellow: 1, orange: 2, red: 3 };

export function severity(c: WarningColour): number {
  return SEVERITY[c];
}
