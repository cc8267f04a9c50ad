import { normalUpperQuantile } from "./normal";

export interface DifferenceInterval {
  difference: number;
  standardError: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * Unpooled Wald confidence interval for the difference of two proportions p̂v − p̂c at `confidence` (0 < c < 1):
 *   (p̂v − p̂c) ± z₁₋₍₁₋c₎/₂ · √(p̂c(1 − p̂c)/nc + p̂v(1 − p̂v)/nv).
 * Source: Agresti & Caffo (2000), "Simple and effective confidence intervals for proportions and differences of
 * proportions"; the Wald interval is the textbook one that A/B tools report.
 * @example differenceInterval(1000, 100, 1000, 120, 0.95) // ≈ { ciLow: −0.00741, ciHigh: 0.04741 }
 */
export function differenceInterval(
  nc: number,
  xc: number,
  nv: number,
  xv: number,
  confidence: number,
): DifferenceInterval {
  const pc = xc / nc;
  const pv = xv / nv;
  const difference = pv - pc;
  const standardError = Math.sqrt((pc * (1 - pc)) / nc + (pv * (1 - pv)) / nv);
  const half = normalUpperQuantile((1 - confidence) / 2) * standardError;
  return { difference, standardError, ciLow: difference - half, ciHigh: difference + half };
}
