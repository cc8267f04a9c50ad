import { ExcelResult, isExcelError, numError } from "../excelError";
import { coerceNumber } from "./coerce";

export type Tails = 1 | 2;

export interface ConversionArgs {
  controlVisitors: number;
  controlConversions: number;
  variantVisitors: number;
  variantConversions: number;
  tails: Tails;
}

/**
 * Reads (visitors, conversions) × 2 and tails (default 2): #VALUE! for unparseable text first, then #NUM! for
 * impossible counts. Argument by argument without intermediate arrays: ABTEST_SIG runs a million times a second.
 */
export function readConversionArgs(
  controlVisitors: unknown,
  controlConversions: unknown,
  variantVisitors: unknown,
  variantConversions: unknown,
  tails: unknown,
): ExcelResult<ConversionArgs> {
  const nc = coerceNumber(controlVisitors, 0, "control_visitors");
  if (isExcelError(nc)) return nc;
  const xc = coerceNumber(controlConversions, 0, "control_conversions");
  if (isExcelError(xc)) return xc;
  const nv = coerceNumber(variantVisitors, 0, "variant_visitors");
  if (isExcelError(nv)) return nv;
  const xv = coerceNumber(variantConversions, 0, "variant_conversions");
  if (isExcelError(xv)) return xv;
  const t = coerceNumber(tails, 2, "tails");
  if (isExcelError(t)) return t;
  if (!(Number.isFinite(nc) && Number.isFinite(xc) && Number.isFinite(nv) && Number.isFinite(xv))) {
    return numError("an argument is not a finite number");
  }
  if (nc <= 0 || nv <= 0) return numError("visitors must be greater than 0");
  if (xc < 0 || xv < 0) return numError("conversions must not be negative");
  if (xc > nc || xv > nv) return numError("conversions exceed visitors");
  if (t !== 1 && t !== 2) return numError("tails must be 1 or 2");
  return { controlVisitors: nc, controlConversions: xc, variantVisitors: nv, variantConversions: xv, tails: t };
}
