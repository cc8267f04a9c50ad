import { ExcelResult, isExcelError, numError } from "../excelError";
import { readConversionArgs } from "./abTestArgs";
import { coerceNumber } from "./coerce";

/** Beta posterior parameters of control (A) and variant (B): α = conversions + prior α, β = non-conversions + prior β. */
export interface BetaPosteriors {
  nc: number;
  xc: number;
  nv: number;
  xv: number;
  aA: number;
  bA: number;
  aB: number;
  bB: number;
}

/**
 * Reads visitors and conversions of both arms and the Beta prior (default Beta(1, 1), uniform; any α, β > 0, Jeffreys
 * Beta(½, ½) included): #VALUE! for text first, then #NUM! for impossible counts, non-whole counts, a prior ≤ 0 or
 * counts past 2⁵².
 */
export function readBetaPosteriors(
  controlVisitors: unknown,
  controlConversions: unknown,
  variantVisitors: unknown,
  variantConversions: unknown,
  priorAlpha: unknown,
  priorBeta: unknown,
): ExcelResult<BetaPosteriors> {
  const args = readConversionArgs(controlVisitors, controlConversions, variantVisitors, variantConversions, null);
  const a0 = coerceNumber(priorAlpha, 1, "prior_alpha");
  const b0 = coerceNumber(priorBeta, 1, "prior_beta");
  if (isExcelError(args) && args.error === "#VALUE!") return args;
  if (isExcelError(a0)) return a0;
  if (isExcelError(b0)) return b0;
  if (isExcelError(args)) return args;
  const { controlVisitors: nc, controlConversions: xc, variantVisitors: nv, variantConversions: xv } = args;
  if (![nc, xc, nv, xv].every(Number.isInteger)) return numError("visitors and conversions must be whole numbers");
  if (!(a0 > 0 && b0 > 0 && Number.isFinite(a0) && Number.isFinite(b0))) {
    return numError("prior_alpha and prior_beta must be greater than 0");
  }
  if (Math.max(nc, nv) + Math.max(a0, b0) > 2 ** 52) return numError("counts are too large");
  return { nc, xc, nv, xv, aA: xc + a0, bA: nc - xc + b0, aB: xv + a0, bB: nv - xv + b0 };
}
