/**
 * What a sync costs on the wire, calibrated against Office.js's own request serialiser (tests/tools/excel-sim/calibration.test.ts
 * runs @microsoft/office-js's client library with a stub transport). Every object path a call goes through
 * (worksheets → getItem → getRange/getRanges → format → fill) is sent with an Instantiate action, ranges with a
 * _KeepReference too, so a call costs hundreds of bytes before its arguments:
 * - `worksheets.getItem(s).getRange(a).getCellProperties(fill props)`: 840 bytes + address + sheet name (742 + "E2"
 *   measured for the shortest case);
 * - `worksheets.getItem(s).getRanges(a).format.fill` with one property set: 1,080 bytes + address; each further set
 *   about 140 bytes;
 * - `getRangeByIndexes(…).load("values")`: about 800 bytes.
 * Responses: getCellProperties answers about 100 bytes a cell ({"format":{"fill":{"color":"#FFFFFF","pattern":
 * "Solid","tintAndShade":null,"patternColor":"#000000"}}}), values their JSON.
 * Excel on the web escapes the body once more for postMessage (about ×1.15), so the adapter budgets 4,000,000 bytes
 * a request and a response as modelled here, under the 5 MB (5,242,880 bytes) limit.
 */
export const WIRE_BUDGET = 4_000_000;
export const CELL_PROPS_CALL_BYTES = 900;
export const FILL_CALL_BYTES = 1_100;
export const FILL_SET_BYTES = 150;
/** getCellProperties' fill answer per cell: the sim measures 104 bytes; margin for row brackets. */
export const CELL_PROPS_RESPONSE_BYTES = 110;
/**
 * Rows between two flagged runs of a column that are read along with them rather than by another call: a
 * separate call costs about CELL_PROPS_CALL_BYTES of request, each gap row CELL_PROPS_RESPONSE_BYTES of response.
 */
export const MERGE_GAP_ROWS = 8;

/**
 * Payload limits count UTF-8 bytes: a Chinese channel name weighs three bytes a character. Counted without
 * encoding (TextEncoder copies a multi-megabyte chunk only to measure it).
 */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else n += 2;
  }
  return n;
}
