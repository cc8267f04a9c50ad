/**
 * The one XML escape (src/core/xml.ts) and the CLI's strict reading of character references (src/cli/xlsx/xml.ts).
 * Expected values from XML 1.0 §2.2 (Char) and §4.1 (character references), and WHATWG HTML's numeric character
 * reference end state (a code point past U+10FFFF or a surrogate reads as U+FFFD).
 */
import { MalformedXml } from "../../src/cli/xlsx/locate";
import { unescapeXml as strictUnescape } from "../../src/cli/xlsx/xml";
import { escapeXml, unescapeXml } from "../../src/core/xml";

describe("unescapeXml (core, lenient: the pane's state and text)", () => {
  it("reads the five entities and numeric references in one pass", () => {
    expect(unescapeXml("&amp;lt; &lt;x&gt; &quot;&apos; &#x4E2D;&#25991; &#x1F600;")).toBe("&lt; <x> \"' 中文 😀");
  });

  it("reads a reference to no character (&#x110000;, a surrogate) as U+FFFD instead of throwing", () => {
    expect(unescapeXml("a&#x110000;b")).toBe("a\uFFFDb");
    expect(unescapeXml("&#xD800;&#99999999999;")).toBe("\uFFFD\uFFFD");
  });
});

describe("unescapeXml (CLI, strict as an XML parser)", () => {
  it.each(["&#x110000;", "&#xD800;", "&#0;", "&#x1B;", "&#xFFFE;", "&#99999999999;"])(
    "refuses %s as not well-formed (not an XML 1.0 Char)",
    (ref) => {
      expect(() => strictUnescape(`Social${ref}`)).toThrow(MalformedXml);
    },
  );

  it.each([
    ["&#x9;&#xA;&#xD;", "\t\n\r"],
    ["&#x20;&#xD7FF;&#xE000;&#xFFFD;&#x10000;&#x10FFFF;", " \uD7FF\uE000\uFFFD\u{10000}\u{10FFFF}"],
  ])("reads the legal edges %s", (ref, text) => {
    expect(strictUnescape(ref)).toBe(text);
  });

  it("round-trips what escapeXml writes", () => {
    const s = `a<b>&"c'\u4E2D`;
    expect(strictUnescape(escapeXml(s))).toBe(s);
  });
});
