/**
 * Where things are in an XML part, found by a real namespace-aware tokenizer (saxes, the one ExcelJS uses) rather
 * than by patterns: every element with its byte range, its resolved namespace and the prefixes in scope. The CLI
 * edits parts by splicing text at these offsets, so every byte it does not edit stays as the writer wrote it, and an
 * element inside a comment, a CDATA section or an attribute value is never mistaken for markup.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import {
  MAX_ATTRIBUTES,
  MAX_ATTRIBUTE_CHARS,
  MAX_DEPTH,
  MAX_NAME_CHARS,
  MAX_TREE_BYTES,
  MAX_TREE_ELEMENTS,
  XmlLimit,
} from "./limits";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const NS_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
export const NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

export interface XmlAttribute {
  /** Qualified name as written ("r:id"). */
  name: string;
  local: string;
  /** Namespace URI ("" for an unprefixed attribute). */
  uri: string;
  value: string;
}

export interface XmlElement {
  /** Qualified name as written ("x:sheet"). */
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  /** Offset of the `<` of the start tag. */
  start: number;
  /** Offset just after the start tag's `>` (for a self-closing element, its end). */
  openEnd: number;
  /** Offset of the end tag's `</` (openEnd for a self-closing element). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  parent: XmlElement | null;
  children: XmlElement[];
  /** Namespace bindings in scope inside the element: prefix → URI ("" is the default namespace). */
  scope: Readonly<Record<string, string>>;
}

/** A part that is not namespace-well-formed XML (the message is the tokenizer's, for debugging only). */
export class MalformedXml extends Error {
  override name = "MalformedXml";
}

const cache = new Map<string, XmlElement>();
const CACHE_SIZE = 8;

/**
 * The element tree of a part (its root element). Throws when the part is not namespace-well-formed XML.
 * The last few parts located are remembered, since one flag looks at [Content_Types].xml and the rels many times.
 */
export function locate(xml: string): XmlElement {
  const hit = cache.get(xml);
  if (hit) return hit;
  const root = parse(xml);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(xml, root);
  return root;
}

/**
 * The guards of issue 15 §2, checked as the tokenizer goes (it stops at the first): the part's size, the number of
 * elements, their depth, and the length of every name and attribute value (limits.ts).
 */
function checkLimits(tag: SaxesTagNS, depth: number, elements: number): void {
  if (depth > MAX_DEPTH) throw new XmlLimit(`a part nests elements more than ${MAX_DEPTH} deep`);
  if (elements > MAX_TREE_ELEMENTS)
    throw new XmlLimit(`a part holds more than ${MAX_TREE_ELEMENTS.toLocaleString("en-US")} elements`);
  if (tag.name.length > MAX_NAME_CHARS)
    throw new XmlLimit(`a part has an element name longer than ${MAX_NAME_CHARS} characters`);
  for (const a of Object.values(tag.attributes)) {
    if (a.name.length > MAX_NAME_CHARS)
      throw new XmlLimit(`a part has an attribute name longer than ${MAX_NAME_CHARS} characters`);
    if (a.value.length > MAX_ATTRIBUTE_CHARS)
      throw new XmlLimit(`a part has an attribute value longer than ${MAX_ATTRIBUTE_CHARS / 1024} KB`);
  }
}

function parse(xml: string): XmlElement {
  if (xml.length > MAX_TREE_BYTES)
    throw new XmlLimit(`a structure part is larger than ${MAX_TREE_BYTES / 1024 / 1024} MB`);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  let failure: Error | null = null;
  let elements = 0;
  let attributes = 0;
  parser.on("error", (e) => {
    failure ??= e;
  });
  // counted as they are read: the tokenizer's own work on one element grows with the square of its attributes
  parser.on("opentagstart", () => {
    attributes = 0;
  });
  parser.on("attribute", () => {
    if (++attributes > MAX_ATTRIBUTES)
      throw new XmlLimit(`a part has an element with more than ${MAX_ATTRIBUTES} attributes`);
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    checkLimits(tag, stack.length + 1, ++elements);
    const parent = stack.length ? stack[stack.length - 1] : null;
    const openEnd = parser.position;
    const start = xml.lastIndexOf("<", openEnd - 1);
    const scope = tag.ns && Object.keys(tag.ns).length ? { ...(parent?.scope ?? BASE_SCOPE), ...tag.ns } : null;
    const el: XmlElement = {
      name: tag.name,
      prefix: tag.prefix,
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a) => ({
        name: a.name,
        local: a.local,
        uri: a.uri,
        value: a.value,
      })),
      start,
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing: tag.isSelfClosing,
      parent,
      children: [],
      scope: scope ?? parent?.scope ?? BASE_SCOPE,
    };
    if (parent) parent.children.push(el);
    else root ??= el;
    stack.push(el);
  });
  parser.on("closetag", () => {
    const el = stack.pop()!;
    if (!el.selfClosing) {
      el.end = parser.position;
      el.closeStart = xml.lastIndexOf("</", el.end - 1);
    }
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof XmlLimit) throw e;
    failure ??= e as Error;
  }
  if (failure) throw new MalformedXml((failure as Error).message);
  if (!root) throw new MalformedXml("no root element");
  return root;
}

const BASE_SCOPE: Readonly<Record<string, string>> = {
  xml: "http://www.w3.org/XML/1998/namespace",
  xmlns: "http://www.w3.org/2000/xmlns/",
};

/** The value of the attribute with this namespace URI and local name (unprefixed attributes: uri ""). */
export function attr(el: XmlElement, local: string, uri = ""): string | undefined {
  for (const a of el.attributes) if (a.local === local && a.uri === uri && !isDeclaration(a)) return a.value;
  return undefined;
}

function isDeclaration(a: XmlAttribute): boolean {
  return a.name === "xmlns" || a.name.startsWith("xmlns:");
}

/** The element children of `el` with this namespace and local name. */
export function childrenNamed(el: XmlElement, uri: string, local: string): XmlElement[] {
  return el.children.filter((c) => c.uri === uri && c.local === local);
}

export function childNamed(el: XmlElement, uri: string, local: string): XmlElement | undefined {
  return el.children.find((c) => c.uri === uri && c.local === local);
}

/** The first element of the tree (depth first, `el` included) with this namespace and local name. */
export function descendant(el: XmlElement, uri: string, local: string): XmlElement | undefined {
  if (el.uri === uri && el.local === local) return el;
  for (const c of el.children) {
    const d = descendant(c, uri, local);
    if (d) return d;
  }
  return undefined;
}

/**
 * The entries of a list element as a schema-aware reader counts them (ECMA-376 Part 3, Markup Compatibility): an
 * `mc:AlternateContent` is one entry, the element of its first Choice whose required namespaces are understood,
 * else of its Fallback (none: the entry is ignored). `container` is what holds the entry's bytes (the
 * AlternateContent itself, or the element), `element` what it means.
 */
export interface ListEntry {
  container: XmlElement;
  element: XmlElement;
}

export function listEntries(
  list: XmlElement,
  uri: string,
  local: string,
  understood: ReadonlySet<string> = new Set([uri]),
): ListEntry[] {
  const out: ListEntry[] = [];
  for (const c of list.children) {
    if (c.uri === uri && c.local === local) out.push({ container: c, element: c });
    else if (c.uri === NS_MC && c.local === "AlternateContent") {
      const chosen = chooseAlternative(c, understood);
      const element = chosen ? childNamed(chosen, uri, local) : undefined;
      if (element) out.push({ container: c, element });
    }
  }
  return out;
}

function chooseAlternative(ac: XmlElement, understood: ReadonlySet<string>): XmlElement | undefined {
  for (const branch of ac.children) {
    if (branch.uri !== NS_MC) continue;
    if (branch.local === "Choice") {
      const requires = (attr(branch, "Requires") ?? "").split(/\s+/).filter(Boolean);
      if (requires.every((p) => understood.has(branch.scope[p] ?? ""))) return branch;
    } else if (branch.local === "Fallback") return branch;
  }
  return undefined;
}

/** A prefix bound to `uri` in `scope` ("" when it is the default namespace), or undefined. */
export function prefixFor(scope: Readonly<Record<string, string>>, uri: string): string | undefined {
  if (scope[""] === uri) return "";
  for (const [p, u] of Object.entries(scope)) if (u === uri && p !== "" && p !== "xmlns") return p;
  return undefined;
}

/** "x:" for prefix "x", "" for the default namespace. */
export function qualify(prefix: string, local: string): string {
  return prefix ? `${prefix}:${local}` : local;
}

/**
 * The text of `el` made to mean the same when moved to a place whose scope is `target`: namespace declarations
 * it relied on from its ancestors (an mc:Fallback or AlternateContent may declare prefixes) are added to its start
 * tag. Used to copy an entry out of an mc:AlternateContent to the top level of its list.
 */
export function portable(xml: string, el: XmlElement, target: Readonly<Record<string, string>>): string {
  const needed = new Map<string, string>();
  const need = (prefix: string, uri: string): void => {
    if (prefix !== "xml" && target[prefix] !== uri && !needed.has(prefix)) needed.set(prefix, uri);
  };
  const visit = (e: XmlElement): void => {
    need(e.prefix, e.uri);
    for (const a of e.attributes) if (a.name.includes(":") && !isDeclaration(a)) need(a.name.split(":")[0], a.uri);
    e.children.forEach(visit);
  };
  visit(el);
  // Declarations the element makes itself need nothing from outside.
  for (const a of el.attributes) {
    if (a.name === "xmlns") needed.delete("");
    else if (a.name.startsWith("xmlns:")) needed.delete(a.name.slice(6));
  }
  const text = xml.slice(el.start, el.end);
  if (needed.size === 0) return text;
  const decls = [...needed].map(([p, u]) => ` ${p ? `xmlns:${p}` : "xmlns"}="${escapeAttr(u)}"`).join("");
  const nameEnd = 1 + el.name.length;
  return text.slice(0, nameEnd) + decls + text.slice(nameEnd);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** The start tag of `el` as written. */
export function startTagOf(xml: string, el: XmlElement): string {
  return xml.slice(el.start, el.openEnd);
}

/** The text of `el` as written. */
export function textOf(xml: string, el: XmlElement): string {
  return xml.slice(el.start, el.end);
}
