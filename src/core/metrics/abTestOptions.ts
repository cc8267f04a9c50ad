import { ExcelResult, isExcelError, numError } from "../excelError";
import { coerceNumber } from "./coerce";
import { coerceBoolean } from "./coerceBoolean";

export interface ProportionTestOptions {
  /** Yates' continuity correction (R prop.test(correct = TRUE)); FALSE when omitted. */
  continuity: boolean;
  /** δ of H0: pv − pc = δ (one-sided: pv − pc ≤ δ); 0 when omitted. */
  nullDifference: number;
}

const DEFAULTS: ProportionTestOptions = Object.freeze({ continuity: false, nullDifference: 0 });

/**
 * Reads ABTEST_SIG / ABTEST_SUMMARY's [continuity] and [null_difference]: text that is neither → #VALUE!; a null
 * difference that is not finite or not strictly between −1 and 1 (a difference of two rates) → #NUM!.
 * #VALUE! is returned as soon as it is found; the caller checks #NUM! conditions after every argument's #VALUE!.
 */
export function readProportionTestOptions(
  continuity: unknown,
  nullDifference: unknown,
): ExcelResult<ProportionTestOptions> {
  if ((continuity === undefined || continuity === null) && (nullDifference === undefined || nullDifference === null)) {
    return DEFAULTS; // the common call, kept allocation-free: ABTEST_SIG runs a million times a second
  }
  const cc = coerceBoolean(continuity, false, "continuity");
  if (isExcelError(cc)) return cc;
  const delta = coerceNumber(nullDifference, 0, "null_difference");
  if (isExcelError(delta)) return delta;
  if (!(delta > -1 && delta < 1)) return numError("null_difference must be between −1 and 1");
  return { continuity: cc, nullDifference: delta };
}
