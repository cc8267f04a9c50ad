import { ExcelError, ExcelResult, finiteOrNum, isExcelError, numError, valueError } from "../excelError";
import { sampleRatioMismatch } from "../stats/chiSquare";
import { chiSquareGoodnessOfFit } from "../stats/goodnessOfFit";
import { allFinite, coerceNumber, coerceNumbers } from "./coerce";

/**
 * Sample-ratio mismatch: p-value of the chi-square goodness-of-fit test (1 df) of the observed control/variant
 * split against the expected control share (default 0.5). A tiny p (< 0.001) means the traffic split is broken.
 * k arms: `controlVisitors` may be a range of k ≥ 2 counts (control first; `variantVisitors` omitted) with an optional
 * range of k expected shares in `expectedControlShare` (default equal shares; divided by their sum, so weights such
 * as 1, 1, 2 work too): χ² with k − 1 df (scipy.stats.chisquare, R chisq.test(x, p, rescale.p = TRUE)).
 * No visitors at all → p = 1 (nothing to test).
 * Errors: share outside (0, 1) (a share range: a share ≤ 0), negative or infinite counts → #NUM!; text, blank cells in
 * a range, a share range of another size than the counts, or variant_visitors beside a range of counts → #VALUE!;
 * fewer than 2 arms (one count and no variant_visitors: a split needs two arms to compare) and a block of counts with
 * more than one row and more than one column (which cells are arms would be a guess) → #VALUE!.
 * @example abTestSrm(5000, 5200) // ≈ 0.0476704
 * @example abTestSrm([[500, 500, 600]]) // ≈ 0.0019305 (scipy chisquare([500, 500, 600]))
 */
export function abTestSrm(
  controlVisitors: unknown,
  variantVisitors?: unknown,
  expectedControlShare?: unknown,
): ExcelResult<number> {
  const counts = cellsOf(controlVisitors);
  const shares = cellsOf(expectedControlShare);
  const noVariant = variantVisitors === null || variantVisitors === undefined;
  if (isBlock(controlVisitors)) {
    return valueError(
      "control_visitors is a block of several rows and columns: give the arms as one row or one column",
    );
  }
  if (counts.length === 1 && noVariant) {
    return valueError(
      "a sample-ratio check needs at least 2 arms: give variant_visitors, or a range of the arms' visitors",
    );
  }
  if (counts.length === 1 && shares.length === 1 && !Array.isArray(variantVisitors)) {
    return twoArms(counts[0], variantVisitors, shares[0]);
  }
  if (counts.length === 0) return valueError("control_visitors is an empty range");
  if (counts.length === 1) {
    // One count and a range of two shares: the two-arm test with those shares.
    const variant = cellsOf(variantVisitors);
    if (variant.length !== 1) return valueError("variant_visitors must be a single number");
    return kArms([counts[0], variant[0]], shares);
  }
  if (variantVisitors !== null && variantVisitors !== undefined) {
    return valueError("with a range of arm counts, leave variant_visitors empty");
  }
  return kArms(counts, shares);
}

/** The cells of a range (row by row) or the single value of a scalar argument. */
function cellsOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value];
  return value.flatMap((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/** A range of more than one row and more than one column. */
function isBlock(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const rows = value.filter(Array.isArray) as unknown[][];
  return rows.length > 1 && rows.some((r) => r.length > 1);
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === "";

/** The two-number form, exactly as before the k-arm form existed (apart from p = 1 for no visitors). */
function twoArms(control: unknown, variant: unknown, share: unknown): ExcelResult<number> {
  const args = coerceNumbers([
    [control, 0, "control_visitors"],
    [variant, 0, "variant_visitors"],
    [share, 0.5, "expected_control_share"],
  ]);
  if (isExcelError(args)) return args;
  const [c, v, s] = args;
  if (!allFinite(args)) return numError("an argument is not a finite number");
  if (!(s > 0 && s < 1)) return numError("expected_control_share must be between 0 and 1");
  if (c < 0 || v < 0) return numError("visitor counts must not be negative");
  if (c + v === 0) return 1; // no visitors: nothing to test
  return finiteOrNum(sampleRatioMismatch(c, v, s).pValue);
}

/** Reads every cell of a range as a number: blank or non-numeric → #VALUE!, infinite → #NUM!. */
function numbersOf(cells: readonly unknown[], name: string): number[] | ExcelError {
  const out: number[] = [];
  let num: ExcelError | undefined;
  for (const cell of cells) {
    if (isBlank(cell)) return valueError(`${name} has a blank cell`);
    const n = coerceNumber(cell, 0, name);
    if (isExcelError(n)) return n;
    if (!Number.isFinite(n)) num ??= numError(`${name} has a value that is not a finite number`);
    out.push(n);
  }
  return num ?? out;
}

function kArms(countCells: readonly unknown[], shareCells: readonly unknown[]): ExcelResult<number> {
  const k = countCells.length;
  const counts = numbersOf(countCells, "control_visitors");
  const omitted = shareCells.length === 1 && isBlank(shareCells[0]);
  if (!omitted && shareCells.length !== k) {
    if (isExcelError(counts) && counts.error === "#VALUE!") return counts;
    return valueError(`expected shares: ${shareCells.length} cells for ${k} arms`);
  }
  const weights = omitted ? countCells.map(() => 1) : numbersOf(shareCells, "expected shares");
  if (isExcelError(counts) && counts.error === "#VALUE!") return counts;
  if (isExcelError(weights) && weights.error === "#VALUE!") return weights;
  if (isExcelError(counts)) return counts;
  if (isExcelError(weights)) return weights;
  if (counts.some((c) => c < 0)) return numError("visitor counts must not be negative");
  if (weights.some((w) => !(w > 0))) return numError("expected shares must be greater than 0");
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (!Number.isFinite(weightSum)) return numError("expected shares are too large");
  if (counts.reduce((a, b) => a + b, 0) === 0) return 1; // no visitors: nothing to test
  const shares = weights.map((w) => w / weightSum);
  return finiteOrNum(chiSquareGoodnessOfFit(counts, shares).pValue);
}
