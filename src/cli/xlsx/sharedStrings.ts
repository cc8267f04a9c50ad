/** The shared-string table (xl/sharedStrings.xml): plain text of each <si>, rich-text runs joined, phonetic runs dropped. */
import { unescapeXml } from "./xml";

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const siRe = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  const tRe = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = siRe.exec(xml))) {
    const inner = (m[1] ?? "").replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
    if (inner.startsWith("<t>") && inner.endsWith("</t>") && inner.indexOf("<", 3) === inner.length - 4) {
      out.push(unescapeXml(inner.slice(3, -4)));
      continue;
    }
    let s = "";
    let t: RegExpExecArray | null;
    tRe.lastIndex = 0;
    while ((t = tRe.exec(inner))) s += t[1] ?? "";
    out.push(unescapeXml(s));
  }
  return out;
}
