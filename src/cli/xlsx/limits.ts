/**
 * What a file may ask of the CLI's readers (issue 15 §2: any 1 MB input answered in ≤ 5 s with ≤ 512 MB). Every
 * limit is far above what a real workbook holds, so only a damaged or crafted file meets one, and it is then refused
 * with one sentence in the tool's words (XmlLimit, turned into InputError where the file's name is known).
 */

/**
 * A part may expand to at most this many times its compressed size (when it is larger than RATIO_FLOOR_BYTES), and
 * the whole package to this many times the file's size (plus TOTAL_FLOOR_BYTES). Real workbooks expand 5–12 times
 * (tests/fixtures/real: at most 11.3; the bench's 73,000-row report 5.7); deflate can reach 1,032, which is how a
 * 0.9 MB file asked for gigabytes.
 */
export const MAX_EXPANSION = 40;
export const RATIO_FLOOR_BYTES = 1024 * 1024;
export const TOTAL_FLOOR_BYTES = 16 * 1024 * 1024;

/**
 * Elements nested deeper than this are refused. SpreadsheetML parts nest about 8 deep, DrawingML charts about 20;
 * nesting is what made the tokenizer's work grow with the square of the depth (an 8 KB file ran for minutes).
 */
export const MAX_DEPTH = 128;

/** An element or attribute name (qualified) longer than this is refused; the longest OOXML names are ~40. */
export const MAX_NAME_CHARS = 512;

/** An element with more attributes than this is refused (SpreadsheetML's widest, a `<c>` or `<xf>`, has ~15). */
export const MAX_ATTRIBUTES = 1024;

/** An attribute value longer than this is refused in the package's structure parts (a 5 MB relationship target). */
export const MAX_ATTRIBUTE_CHARS = 64 * 1024;

/**
 * The structure parts read as a tree (content types, relationships, workbook, styles, theme) hold at most this many
 * elements and bytes: a tree element costs ~400 bytes, and Excel's own limit of 64,000 cell formats makes a styles
 * part of ~200,000 elements at most. Measured: a stylesheet of 250,000 cell formats (20 MB) is read in 1.9 s of CPU
 * time with 305 MB resident.
 */
export const MAX_TREE_ELEMENTS = 300_000;
export const MAX_TREE_BYTES = 24 * 1024 * 1024;

/** A zip entry name longer than this is refused (Windows paths stop at 260). */
export const MAX_ENTRY_NAME_CHARS = 1024;

/** A file asks more of a reader than any real workbook does: `what` completes "…cannot be read safely: ". */
export class XmlLimit extends Error {
  override name = "XmlLimit";
  constructor(readonly what: string) {
    super(what);
  }
}
