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

const SEVERITY: Record<WarningColour, number> = { yellow: 1, orange: 2, red: 3 };

/** The more severe of two colours (red > orange > yellow). */
export function moreSevere(a: WarningColour, b: WarningColour): WarningColour {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

export function severity(c: WarningColour): number {
  return SEVERITY[c];
}
