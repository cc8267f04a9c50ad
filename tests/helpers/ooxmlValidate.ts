/**
 * Schema validation of OOXML package parts against the vendored ECMA-376 Transitional and OPC schemas
 * (tests/schemas, see SOURCES.md there), the way a consumer reads them: Markup Compatibility first
 * (ignorable content the schemas do not know removed, mc:AlternateContent resolved to the understood Choice,
 * else the Fallback), and xml:space removed from SpreadsheetML elements (Excel writes it where the schema has
 * no such attribute). All parts go to one xmllint-wasm run: it costs about a second to start.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { validateXML } from "xmllint-wasm";

const SCHEMA_DIR = path.join(__dirname, "..", "schemas");
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Root namespaces validated against the schemas; every other part is checked for well-formedness only. */
export const VALIDATED_NAMESPACES = new Set([
  SML,
  "http://schemas.openxmlformats.org/package/2006/content-types",
  "http://schemas.openxmlformats.org/package/2006/relationships",
  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
]);

let schemaFiles: { fileName: string; contents: string }[] | undefined;
let understood: Set<string> | undefined;

function loadSchemas(): { fileName: string; contents: string }[] {
  if (!schemaFiles) {
    schemaFiles = readdirSync(SCHEMA_DIR)
      .filter((f) => f.endsWith(".xsd"))
      .map((f) => ({ fileName: f, contents: readFileSync(path.join(SCHEMA_DIR, f), "utf8") }));
    understood = new Set([MC, XML_NS, "http://www.w3.org/2001/XMLSchema-instance"]);
    for (const s of schemaFiles) {
      const m = /targetNamespace="([^"]+)"/.exec(s.contents);
      if (m) understood.add(m[1]);
    }
  }
  return schemaFiles;
}

/** Namespaces the vendored schema set defines: what this consumer "understands" for Markup Compatibility. */
export function understoodNamespaces(): Set<string> {
  loadSchemas();
  return understood!;
}

export interface PartToValidate {
  /** Part name inside the package, e.g. "xl/workbook.xml". */
  name: string;
  xml: string;
}

export interface PartProblem {
  part: string;
  message: string;
}

interface ParseResult {
  doc?: Document;
  errors: string[];
}

function parse(xml: string): ParseResult {
  const errors: string[] = [];
  let doc: Document | undefined;
  const push = (msg: string): void => void errors.push(msg);
  try {
    doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== "warning") push(msg);
      },
      errorHandler: { warning: () => undefined, error: push, fatalError: push },
    } as never).parseFromString(xml, "text/xml") as unknown as Document;
  } catch (e) {
    push(String((e as Error).message ?? e));
  }
  return { doc, errors };
}

/** Unbound prefixes on elements and attributes (xmldom tolerates them; a namespace-aware reader does not). */
function unboundPrefixes(el: Element, out: string[]): void {
  if (el.prefix && !el.namespaceURI) out.push(`element <${el.tagName}> uses an undeclared prefix`);
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (a.prefix && a.prefix !== "xmlns" && a.prefix !== "xml" && !a.namespaceURI)
      out.push(`attribute ${a.name} on <${el.tagName}> uses an undeclared prefix`);
  }
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) unboundPrefixes(c as Element, out);
}

/** Apply Markup Compatibility processing in place, as a consumer that understands `known` does. */
export function applyMarkupCompatibility(root: Element, known: Set<string>, problems: string[]): void {
  const walk = (el: Element, ignorable: Set<string>): void => {
    const ign = new Set(ignorable);
    const ignAttr = el.getAttributeNS(MC, "Ignorable");
    if (ignAttr) {
      for (const p of ignAttr.trim().split(/\s+/)) {
        const ns = el.lookupNamespaceURI(p);
        if (ns) ign.add(ns);
        else problems.push(`mc:Ignorable names undeclared prefix "${p}"`);
      }
    }
    const must = el.getAttributeNS(MC, "MustUnderstand");
    if (must)
      for (const p of must.trim().split(/\s+/)) {
        const ns = el.lookupNamespaceURI(p);
        if (!ns || !known.has(ns)) problems.push(`mc:MustUnderstand names a namespace not understood: ${p}`);
      }
    // attributes: drop mc:* and ignorable non-understood ones; xml:space on SpreadsheetML elements
    for (let i = el.attributes.length - 1; i >= 0; i--) {
      const a = el.attributes[i];
      const ns = a.namespaceURI;
      if (a.prefix === "xmlns" || a.name === "xmlns") continue;
      if (ns === MC) el.removeAttributeNode(a);
      else if (ns && !known.has(ns) && ign.has(ns)) el.removeAttributeNode(a);
      else if (ns === XML_NS && a.localName === "space" && el.namespaceURI === SML) el.removeAttributeNode(a);
    }
    let c = el.firstChild;
    while (c) {
      const next = c.nextSibling;
      if (c.nodeType === 1) {
        const ce = c as Element;
        if (ce.namespaceURI === MC && ce.localName === "AlternateContent") {
          let chosen: Element | undefined;
          for (let k = ce.firstChild; k && !chosen; k = k.nextSibling) {
            if (k.nodeType !== 1) continue;
            const ke = k as Element;
            if (ke.namespaceURI === MC && ke.localName === "Choice") {
              const req = (ke.getAttribute("Requires") ?? "").trim().split(/\s+/).filter(Boolean);
              if (req.every((p) => known.has(ke.lookupNamespaceURI(p) ?? ""))) chosen = ke;
            } else if (ke.namespaceURI === MC && ke.localName === "Fallback") chosen = ke;
          }
          if (chosen) {
            while (chosen.firstChild) {
              const moved = chosen.firstChild;
              el.insertBefore(moved, ce);
              if (moved.nodeType === 1) walk(moved as Element, ign);
            }
          }
          el.removeChild(ce);
        } else if (ce.namespaceURI === SML && ce.localName === "ext") {
          // extension content is read by its own rules (the schema has lax xsd:any here), not by MC
        } else if (ce.namespaceURI && !known.has(ce.namespaceURI) && ign.has(ce.namespaceURI)) {
          el.removeChild(ce);
        } else walk(ce, ign);
      }
      c = next;
    }
  };
  walk(root, new Set());
}

function safeName(i: number, name: string): string {
  return `p${i}_${name.replace(/[^A-Za-z0-9._]/g, "_")}`;
}

/**
 * Validate package parts: every part must be well-formed and namespace-well-formed; parts whose root is in a
 * validated namespace must also be valid against the schemas after Markup Compatibility processing.
 * Returns the problems found (empty when all is well).
 */
export async function validateParts(parts: PartToValidate[]): Promise<PartProblem[]> {
  const schemas = loadSchemas();
  const known = understoodNamespaces();
  const problems: PartProblem[] = [];
  const toLint: { fileName: string; contents: string }[] = [];
  const nameOf = new Map<string, string>();
  parts.forEach((p, i) => {
    const { doc, errors } = parse(p.xml);
    const root = doc?.documentElement;
    if (errors.length || !root) {
      for (const e of errors.length ? errors : ["no root element"])
        problems.push({ part: p.name, message: `not well-formed: ${e}` });
      return;
    }
    const unbound: string[] = [];
    unboundPrefixes(root, unbound);
    for (const m of unbound) problems.push({ part: p.name, message: `not namespace-well-formed: ${m}` });
    if (unbound.length || !root.namespaceURI || !VALIDATED_NAMESPACES.has(root.namespaceURI)) return;
    const mc: string[] = [];
    applyMarkupCompatibility(root, known, mc);
    for (const m of mc) problems.push({ part: p.name, message: m });
    const fileName = safeName(i, p.name);
    nameOf.set(fileName, p.name);
    toLint.push({ fileName, contents: new XMLSerializer().serializeToString(doc as never) });
  });
  if (toLint.length) {
    const res = await validateXML({
      xml: toLint,
      schema: schemas.find((s) => s.fileName === "all.xsd")!,
      preload: schemas.filter((s) => s.fileName !== "all.xsd"),
      maxMemoryPages: 32768,
    } as never);
    for (const e of res.errors) {
      if (/Skipping import of schema|fails to validate$/.test(e.rawMessage.trim())) continue;
      const file = e.loc?.fileName ?? "";
      problems.push({ part: nameOf.get(file) ?? file, message: e.message || e.rawMessage });
    }
  }
  return problems;
}

/** Convenience: validate one part. */
export async function validatePart(name: string, xml: string): Promise<PartProblem[]> {
  return validateParts([{ name, xml }]);
}

/**
 * Cross-part index checks the schemas cannot express, read as a schema-aware consumer does (after Markup
 * Compatibility): every cell's s is an entry of cellXfs, every xf's fontId/fillId/borderId an entry of its list.
 */
export function styleIndexProblems(stylesXml: string | undefined, sheets: PartToValidate[]): PartProblem[] {
  const out: PartProblem[] = [];
  const count: Record<string, number> = { cellXfs: 1, fonts: 1, fills: 2, borders: 1 };
  const xfs: Element[] = [];
  if (stylesXml) {
    const { doc } = parse(stylesXml);
    const root = doc?.documentElement;
    if (!root) return [{ part: "xl/styles.xml", message: "not well-formed" }];
    applyMarkupCompatibility(root, understoodNamespaces(), []);
    for (const list of Object.keys(count)) {
      const el = Array.from(root.childNodes).find((n) => n.nodeType === 1 && (n as Element).localName === list) as
        Element | undefined;
      const items = el ? (Array.from(el.childNodes).filter((n) => n.nodeType === 1) as Element[]) : [];
      count[list] = items.length;
      if (list === "cellXfs") xfs.push(...items);
    }
    xfs.forEach((xf, i) => {
      for (const [attr, list] of [
        ["fontId", "fonts"],
        ["fillId", "fills"],
        ["borderId", "borders"],
      ]) {
        const v = xf.getAttribute(attr);
        if (v && Number(v) >= count[list])
          out.push({
            part: "xl/styles.xml",
            message: `cellXfs entry ${i}: ${attr}=${v} but ${list} has ${count[list]}`,
          });
      }
    });
  }
  for (const s of sheets) {
    const re = /<(?:[\w.-]+:)?c\b[^>]*?\ss\s*=\s*["'](\d+)["']/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s.xml)))
      if (Number(m[1]) >= count.cellXfs) {
        out.push({ part: s.name, message: `a cell has s=${m[1]} but cellXfs has ${count.cellXfs} entries` });
        break;
      }
  }
  return out;
}
