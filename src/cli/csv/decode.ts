/**
 * The text of a CSV or text export, whatever encoding the platform wrote it in (issue 17 §1). Detection order:
 * a byte-order mark (UTF-8, UTF-16 LE/BE), else strict UTF-8, else strict GB18030 (Chinese exports without a BOM;
 * GBK is its two-byte subset) unless the bytes look like accented Western text (looksLikeWesternText), else
 * Windows-1252, which decodes any byte. "Strict" is TextDecoder with fatal: true:
 * one invalid sequence rejects the encoding. `--encoding` skips the detection.
 */
import { InputError } from "../errors";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "windows-1252";

/** How the encoding was chosen, for the report: a byte-order mark, detection, or the user's --encoding. */
export type EncodingSource = "bom" | "detected" | "option";

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  source: EncodingSource;
}

/** The names --encoding accepts (WHATWG labels and the usual spellings) → the decoder. */
const ENCODING_NAMES: Record<string, CsvEncoding> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "utf-8-sig": "utf-8",
  "utf-16le": "utf-16le",
  "utf-16": "utf-16le",
  utf16le: "utf-16le",
  "ucs-2": "utf-16le",
  "utf-16be": "utf-16be",
  utf16be: "utf-16be",
  gb18030: "gb18030",
  gbk: "gb18030",
  gb2312: "gb18030",
  cp936: "gb18030",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
  "latin-1": "windows-1252",
  latin1: "windows-1252",
  "iso-8859-1": "windows-1252",
};

/** The display name of an encoding, as the summary reports it. */
export const ENCODING_LABEL: Record<CsvEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
  gb18030: "GB18030",
  "windows-1252": "Windows-1252",
};

/** The decoder for an --encoding value, or an InputError naming the accepted ones. */
export function encodingOption(name: string): CsvEncoding {
  const e = ENCODING_NAMES[name.trim().toLowerCase().replace(/_/g, "-")];
  if (!e)
    throw new InputError(
      `--encoding ${name} is not one this tool reads (use utf-8, utf-16le, utf-16be, gb18030 or windows-1252).`,
    );
  return e;
}

/** The encoding announced by a byte-order mark, and the mark's length; null without one. */
export function bomOf(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** Decodes with a fatal decoder; null when the bytes are not valid in that encoding. */
function strict(bytes: Uint8Array, encoding: CsvEncoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The text of `bytes`: with `forced`, decoded as that encoding (a BOM of the same encoding dropped; invalid bytes
 * refused with a sentence); otherwise detected in the order above.
 */
export function decodeCsv(bytes: Uint8Array, label: string, forced?: CsvEncoding): DecodedText {
  const bom = bomOf(bytes);
  if (forced) {
    const body = bom && bom.encoding === forced ? bytes.subarray(bom.length) : bytes;
    const text = forced === "windows-1252" ? windows1252(body) : strict(body, forced);
    if (text === null)
      throw new InputError(
        `${label} is not valid ${ENCODING_LABEL[forced]} text; leave out --encoding to let the tool detect it.`,
      );
    return { text, encoding: forced, source: "option" };
  }
  if (bom) {
    const text = strict(bytes.subarray(bom.length), bom.encoding);
    if (text === null)
      throw new InputError(
        `${label} starts with a ${ENCODING_LABEL[bom.encoding]} byte-order mark but is not valid ${ENCODING_LABEL[bom.encoding]} text.`,
      );
    return { text, encoding: bom.encoding, source: "bom" };
  }
  const utf8 = strict(bytes, "utf-8");
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", source: "detected" };
  const gb = looksLikeWesternText(bytes) ? null : strict(bytes, "gb18030");
  if (gb !== null) return { text: gb, encoding: "gb18030", source: "detected" };
  // Windows-1252 maps every byte (its five unassigned ones to C1 controls, as WHATWG does): it never fails.
  return { text: windows1252(bytes), encoding: "windows-1252", source: "detected" };
}

/**
 * True when bytes valid in GB18030 read better as Windows-1252: most of their two-byte sequences have a second byte
 * below 0x80. Chinese text is mostly GB2312 characters, whose both bytes are 0xA1 or above; a Western letter with
 * an accent followed by an ASCII letter ("ü" + "n" in "Münster": FC 6E) is such a pair, and reads as a rare GBK
 * ideograph ("M黱ster"). Four-byte GB18030 sequences (a digit second) are skipped.
 */
export function looksLikeWesternText(bytes: Uint8Array): boolean {
  let lowTrail = 0;
  let highTrail = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x81) continue;
    const next = bytes[i + 1];
    if (next >= 0x30 && next <= 0x39) {
      i += 3;
      continue;
    }
    if (next < 0x80) lowTrail++;
    else highTrail++;
    i++;
  }
  return lowTrail > highTrail;
}

/** Windows-1252's 0x80–0x9F (WHATWG index-windows-1252); the five unassigned bytes stay C1 controls. */
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/**
 * Windows-1252 text. Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1 (0x80–0x9F as C1 controls: "–"
 * would read U+0096), so those 32 bytes are mapped here; every other byte is its own code point in both.
 */
export function windows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder("windows-1252").decode(bytes);
  return latin1.replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}
