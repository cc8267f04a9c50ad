/**
 * Small string-level XML helpers. The CLI edits package parts as text so that everything it does not
 * touch stays byte-identical; a DOM round trip would reformat the whole part.
 */

import { escapeXml, unescapeXml as unescapeLenient } from "../../core/xml";
import { MalformedXml } from "./locate";

// The one XML escape lives in core (the state part uses it too).
export { escapeXml };

/**
 * Text or an attribute value of a part, unescaped as an XML parser reads it: a character reference to what XML 1.0
 * cannot hold (`&#x110000;`, a surrogate, `&#0;`, most C0 controls; XML 1.0 §4.1, "Legal Character") makes the
 * part not well-formed, as it does for Excel, so the workbook is refused as damaged instead of read or rewritten.
 */
export function unescapeXml(s: string): string {
  if (s.indexOf("&#") >= 0)
    for (const m of s.matchAll(/&#(x[0-9a-fA-F]+|\d+);/g)) {
      const code = m[1][0] === "x" ? parseInt(m[1].slice(1), 16) : Number(m[1]);
      if (!isXmlChar(code)) throw new MalformedXml(`character reference ${m[0]} is not a legal character`);
    }
  return unescapeLenient(s);
}

/** XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

interface AttrSpan {
  name: string;
  /** Offset of the whitespace before the name. */
  start: number;
  /** Offsets of the value between the quotes. */
  valueStart: number;
  valueEnd: number;
  quote: string;
}

/**
 * The attributes of a start tag, read the way an XML tokenizer reads them: a quoted value may hold `>`, `=`, a
 * quote of the other kind or text that looks like another attribute, and none of it is taken for markup.
 */
function attrSpans(tag: string): AttrSpan[] {
  const out: AttrSpan[] = [];
  let i = 1;
  const n = tag.length;
  while (i < n && !isSpace(tag.charCodeAt(i)) && tag[i] !== ">" && tag[i] !== "/") i++; // element name
  for (;;) {
    const start = i;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (i >= n || tag[i] === ">" || tag[i] === "/") return out;
    const nameStart = i;
    while (i < n && tag[i] !== "=" && !isSpace(tag.charCodeAt(i)) && tag[i] !== ">") i++;
    const name = tag.slice(nameStart, i);
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (tag[i] !== "=") return out;
    i++;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") return out;
    const close = tag.indexOf(quote, i + 1);
    if (close < 0) return out;
    out.push({ name, start, valueStart: i + 1, valueEnd: close, quote });
    i = close + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The value of attribute `name` (qualified name as written) in a start tag, unescaped; undefined when absent. */
export function getAttr(tag: string, name: string): string | undefined {
  const a = attrSpans(tag).find((x) => x.name === name);
  return a ? unescapeXml(tag.slice(a.valueStart, a.valueEnd)) : undefined;
}

/**
 * The start tag with attribute `name` set to `value`: replaced in place keeping its quote character (so that
 * setting a value back gives back the same bytes), or appended before the closing `>` / `/>`.
 */
export function setAttr(tag: string, name: string, value: string): string {
  const a = attrSpans(tag).find((x) => x.name === name);
  const v = escapeXml(value);
  if (a) return tag.slice(0, a.valueStart) + (a.quote === "'" ? v.replace(/'/g, "&apos;") : v) + tag.slice(a.valueEnd);
  return tag.replace(/\s*(\/?>)$/, (_, end: string) => ` ${name}="${v}"${end}`);
}

/** The start tag without attribute `name`. */
export function removeAttr(tag: string, name: string): string {
  const a = attrSpans(tag).find((x) => x.name === name);
  return a ? tag.slice(0, a.start) + tag.slice(a.valueEnd + 1) : tag;
}

/** The start tag of an element string ("<xf a='1'>" of "<xf a='1'><alignment/></xf>"). */
export function startTag(elementXml: string): string {
  return elementXml.slice(0, startTagEnd(elementXml));
}

/** Offset just after the first start tag's `>` (a `>` inside a quoted attribute value does not end it). */
export function startTagEnd(elementXml: string): number {
  let quote = "";
  for (let i = 0; i < elementXml.length; i++) {
    const ch = elementXml[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i + 1;
  }
  return elementXml.length;
}

/** The inner XML of an element string ("" for a self-closing one). */
export function innerXml(elementXml: string): string {
  const i = startTagEnd(elementXml) - 1;
  if (elementXml[i - 1] === "/") return "";
  const j = elementXml.lastIndexOf("</");
  return elementXml.slice(i + 1, j);
}
