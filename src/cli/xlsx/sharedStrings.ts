/**
 * The shared-string table (xl/sharedStrings.xml): plain text of each <si>, rich-text runs joined, phonetic runs
 * dropped. Read by the worksheet scanner (sheet.ts), which reads XML as XML: CDATA, comments, any prefix.
 */
import { readSharedStrings } from "./sheet";

export function parseSharedStrings(xml: string): string[] {
  return readSharedStrings(xml);
}
