import { ExcelResult, isExcelError, numError } from "../excelError";
import { allFinite, coerceNumbers } from "./coerce";

export type Tails = 1 | 2;

export interface ConversionCounts {
  controlVisitors: number;
  controlConversions: number;
  variantVisitors: number;
  variantConversions: number;
}

/** Reads (visitors, conversions) × 2 and tails; #VALUE! for unparseable text, else #NUM! for impossible counts. */
export function readConversionArgs(
  values: readonly [unknown, unknown, unknown, unknown],
  tails: unknown,
): ExcelResult<{ counts: ConversionCounts; tails: Tails }> {
  const args = coerceNumbers([
    [values[0], 0, "control_visitors"],
    [values[1], 0, "control_conversions"],
    [values[2], 0, "variant_visitors"],
    [values[3], 0, "variant_conversions"],
    [tails, 2, "tails"],
  ]);
  if (isExcelError(args)) return args;
  const [nc, xc, nv, xv, t] = args;
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (nc <= 0 || nv <= 0) return numError("visitors must be greater than 0");
  if (xc < 0 || xv < 0) return numError("conversions must not be negative");
  if (xc > nc || xv > nv) return numError("conversions exceed visitors");
  if (t !== 1 && t !== 2) return numError("tails must be 1 or 2");
  return {
    counts: { controlVisitors: nc, controlConversions: xc, variantVisitors: nv, variantConversions: xv },
    tails: t,
  };
}
