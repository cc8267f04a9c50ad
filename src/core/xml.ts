/**
 * The one XML escape of the project: the state part (core/state.ts) and every part the CLI writes (cli/xlsx) use it.
 */

/** Character data: `&`, `<` and `>` escaped (quotes may stay as they are between tags). */
export function escapeXmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An attribute value or any text: quotes escaped too, and the control characters XML 1.0 cannot hold dropped. */
export function escapeXml(s: string): string {
  return (
    escapeXmlText(s)
      .replace(/"/g, "&quot;")
      // eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot hold
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
  );
}

/**
 * The five predefined entities and numeric character references, in one pass (so "&amp;lt;" stays "&lt;"). A
 * reference to no Unicode character (past U+10FFFF, a surrogate; `&#x110000;`) reads as U+FFFD, the replacement
 * character, as a browser reads it (WHATWG HTML, numeric character reference end state), rather than throwing.
 */
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
      default: {
        const code = e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? "\uFFFD" : String.fromCodePoint(code);
      }
    }
  });
}
