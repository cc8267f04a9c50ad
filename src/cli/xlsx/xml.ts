/**
 * Small string-level XML helpers. The CLI edits package parts as text so that everything it does not
 * touch stays byte-identical; a DOM round trip would reformat the whole part.
 */

export function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot hold
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
  );
}

export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    }
  });
}

/** The value of attribute `name` in a start tag (or its attribute text), unescaped; undefined when absent. */
export function getAttr(tag: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  if (!m) return undefined;
  return unescapeXml(m[2] ?? m[3] ?? "");
}

/** The start tag with attribute `name` set to `value` (replaced in place, or appended before the closing `>` / `/>`). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const v = escapeXml(value);
  if (re.test(tag)) return tag.replace(re, (_, pre: string) => `${pre}"${v}"`);
  return tag.replace(/\s*(\/?>)$/, (_, end: string) => ` ${name}="${v}"${end}`);
}

/** The start tag without attribute `name`. */
export function removeAttr(tag: string, name: string): string {
  const re = new RegExp(`\\s${name.replace(/[:.]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  return tag.replace(re, "");
}

/**
 * Splits the children of `<parent …>…</parent>` with local name `child` into their full XML strings.
 * Returns null when the parent is absent. Handles self-closing children and same-name nesting is not expected.
 */
export function findElement(
  xml: string,
  localName: string,
  from = 0,
): { start: number; end: number; text: string } | null {
  const re = new RegExp(`<((?:\\w+:)?${localName})(?=[\\s/>])[^>]*?(/?)>`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  if (m[2] === "/") return { start: m.index, end: m.index + m[0].length, text: m[0] };
  const close = `</${m[1]}>`;
  const endIdx = xml.indexOf(close, m.index + m[0].length);
  if (endIdx < 0) return null;
  const end = endIdx + close.length;
  return { start: m.index, end, text: xml.slice(m.index, end) };
}

/** Every direct occurrence of `<localName …/>` or `<localName …>…</localName>` inside `xml` (no nesting of the same name). */
export function findElements(xml: string, localName: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let pos = 0;
  for (;;) {
    const e = findElement(xml, localName, pos);
    if (!e) return out;
    out.push(e);
    pos = e.end;
  }
}

/** The start tag of an element string ("<xf a='1'>" of "<xf a='1'><alignment/></xf>"). */
export function startTag(elementXml: string): string {
  const i = elementXml.indexOf(">");
  return elementXml.slice(0, i + 1);
}

/** The inner XML of an element string ("" for a self-closing one). */
export function innerXml(elementXml: string): string {
  const i = elementXml.indexOf(">");
  if (elementXml[i - 1] === "/") return "";
  const j = elementXml.lastIndexOf("</");
  return elementXml.slice(i + 1, j);
}
