/**
 * An .xlsx package opened for a surgical edit: parts are read and written as text, and every part the CLI
 * does not write keeps its original (compressed) bytes, so charts, pivot tables, images and anything else
 * we do not understand survive untouched.
 */
import zlib from "node:zlib";
import JSZip from "jszip";
import { InputError } from "../errors";
import { attr, childNamed, locate, NS_MAIN, NS_REL, qualify, textOf, type XmlElement } from "./locate";
import { escapeXml } from "./xml";
import { MAX_ENTRY_NAME_CHARS, MAX_EXPANSION, RATIO_FLOOR_BYTES, TOTAL_FLOOR_BYTES } from "./limits";

/**
 * JSZip inflates and deflates in JavaScript (pako); Node's zlib is several times faster on a 30 MB sheet.
 * JSZip accepts a pre-compressed entry as a CompressedObject (its internal class, used when it loads a zip),
 * so changed parts are deflated by zlib and every untouched entry is still copied as its original bytes.
 * Falls back to JSZip's own codec if those internals are not there.
 */
interface JsZipCompressedObject {
  compressedContent?: unknown;
  compression?: { magic: string };
}
type CompressedObjectCtor = new (
  compressedSize: number,
  uncompressedSize: number,
  crc32: number,
  compression: unknown,
  data: Uint8Array,
) => JsZipCompressedObject;
const zipInternals = ((): { CompressedObject: CompressedObjectCtor; DEFLATE: { magic: string } } | null => {
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const CompressedObject = require("jszip/lib/compressedObject") as CompressedObjectCtor;
    const { DEFLATE } = require("jszip/lib/compressions") as { DEFLATE: { magic: string } };
    /* eslint-enable @typescript-eslint/no-require-imports */
    const crc32 = (zlib as unknown as { crc32?: unknown }).crc32;
    return typeof CompressedObject === "function" && DEFLATE?.magic === "\x08\x00" && typeof crc32 === "function"
      ? { CompressedObject, DEFLATE }
      : null;
  } catch {
    return null;
  }
})();
const DEFLATE_LEVEL = 6;

/**
 * Decompression-bomb limits, checked against the zip's declared sizes before anything is inflated and against the
 * actual output while inflating. A part is read as one JS string, and V8 cannot hold a string over 0x1fffffe8
 * (~512 Mi) characters, so 500 MiB per part is the most the CLI could ever read; it is still far above any real
 * report: a full 1,048,576-row × 9-column channel report at ~40 bytes of XML per cell is ~380 MB. 2 GiB in total
 * bounds the memory of a package of many large parts.
 */
export const MAX_PART_BYTES = 500 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;

function bombMessage(label: string, path: string): string {
  return `${label} cannot be read safely: its part ${path} would expand to more than ${MAX_PART_BYTES / 1024 / 1024} MB, far beyond any real report.`;
}

function lieMessage(label: string, path: string): string {
  return `${label} is a damaged .xlsx file (its part ${path} expands to more than its zip entry declares).`;
}

/** SpreadsheetML Strict (ISO 29500 Strict), which Excel writes for "Strict Open XML Spreadsheet". */
const NS_STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const STRICT_MESSAGE = "Strict Open XML workbooks are not supported yet; save as Excel Workbook (.xlsx)";

/** The extension that matches the workbook part's content type (a macro-enabled package must stay .xlsm). */
export const EXTENSION_OF_CONTENT_TYPE: Record<string, string> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": ".xlsx",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": ".xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": ".xltx",
  "application/vnd.ms-excel.template.macroEnabled.main+xml": ".xltm",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml": ".xlam",
};

export const REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
export const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
export const REL_SHARED_STRINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";
export const REL_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
export const CT_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml";
export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** An OLE compound file: what Excel writes for a password-protected (encrypted) workbook, or a legacy .xls. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The full `<Relationship …/>` element as written, and where it is in the rels part. */
  xml: string;
  start: number;
  end: number;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** Package path of the part, e.g. "xl/worksheets/sheet1.xml" ("" when the relationship is missing). */
  path: string;
  isWorksheet: boolean;
  /** The `<sheet …/>` element in workbook.xml, and where it is. */
  xml: string;
  start: number;
  end: number;
}

/** The children of a package part's root (Relationships, Types) with this local name, in the root's namespace. */
function rootChildren(xml: string, local: string): { root: XmlElement; items: XmlElement[] } {
  const root = locate(xml);
  return { root, items: root.children.filter((c) => c.local === local && c.uri === root.uri) };
}

export function parseRels(xml: string): Relationship[] {
  return rootChildren(xml, "Relationship").items.map((e) => ({
    id: attr(e, "Id") ?? "",
    type: attr(e, "Type") ?? "",
    target: attr(e, "Target") ?? "",
    external: attr(e, "TargetMode") === "External",
    xml: textOf(xml, e),
    start: e.start,
    end: e.end,
  }));
}

/** `xml` with `element` (written in the root's namespace, named `local`) added as the root's last child. */
function appendToRoot(xml: string, local: string, attributes: string): string {
  const root = locate(xml);
  const el = `<${qualify(root.prefix, local)}${attributes}/>`;
  if (root.selfClosing) {
    const tag = xml.slice(root.start, root.end);
    return `${xml.slice(0, root.start)}${tag.slice(0, -2).trimEnd()}>${el}</${root.name}>${xml.slice(root.end)}`;
  }
  return xml.slice(0, root.closeStart) + el + xml.slice(root.closeStart);
}

/** `xml` without the given ranges (elements located in it). */
function without(xml: string, ranges: { start: number; end: number }[]): string {
  let out = xml;
  for (const r of [...ranges].sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + out.slice(r.end);
  return out;
}

/** The rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(partPath: string): string {
  const i = partPath.lastIndexOf("/");
  return `${partPath.slice(0, i + 1)}_rels/${partPath.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against the part that owns the rels ("xl/workbook.xml" + "worksheets/sheet1.xml"). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1);
  const out: string[] = [];
  for (const seg of (base + target).split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The target of `partPath` written relative to the folder of `sourcePart`. */
export function relativeTarget(sourcePart: string, partPath: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = partPath.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** The number of entries the zip's end of central directory declares (zip64 too), or -1 when it cannot say. */
function declaredEntryCount(data: Uint8Array): number {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 0xffff); i--) {
    if (view.readUInt32LE(i) !== 0x06054b50) continue;
    const count = view.readUInt16LE(i + 10);
    if (count !== 0xffff) return count;
    const locator = i - 20;
    if (locator < 0 || view.readUInt32LE(locator) !== 0x07064b50) return -1;
    const at = Number(view.readBigUInt64LE(locator + 8));
    if (at + 56 > view.length || view.readUInt32LE(at) !== 0x06064b50) return -1;
    return Number(view.readBigUInt64LE(at + 32));
  }
  return -1;
}

/**
 * Why an entry name cannot be an OPC part name (ECMA-376 Part 2, §9.1.1.1: segments of characters, no empty, "." or
 * ".." segment, no backslash), or null. Part names compare without regard to ASCII case (§9.1.1.1.2).
 */
function entryNameProblem(name: string): string | null {
  if (name.length > MAX_ENTRY_NAME_CHARS) return `an entry name longer than ${MAX_ENTRY_NAME_CHARS} characters`;
  // eslint-disable-next-line no-control-regex -- characters a part name cannot hold
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return "an entry name with a control character or a backslash";
  const segments = name.replace(/\/$/, "").split("/");
  if (segments.some((seg) => seg === "" || seg === "." || seg === ".."))
    return "an entry name that points outside the package";
  return null;
}

interface EntryData {
  compressedContent?: Uint8Array;
  compressedSize?: number;
  uncompressedSize?: number;
  crc32?: number;
  compression?: { magic: string };
}

/**
 * Checks every zip entry before any is read (issue 15 §2): names (unique without regard to case, inside the
 * package), expansion against the compressed size and the file's size (limits.ts), and each entry's bytes: inflated
 * one at a time to its declared size, never further, with the CRC-32 it declares. A damaged entry is a damaged
 * file, even one the CLI would only have carried.
 */
function checkEntries(zip: JSZip, data: Uint8Array, label: string): void {
  const damaged = (why: string): InputError => new InputError(`${label} is a damaged .xlsx file (${why}).`);
  const files = Object.entries(zip.files);
  const declared = declaredEntryCount(data);
  if (declared >= 0 && declared !== files.length) throw damaged("two of its zip entries have the same name");
  const seen = new Set<string>();
  let total = 0;
  const totalLimit = MAX_EXPANSION * data.length + TOTAL_FLOOR_BYTES;
  for (const [path, f] of files) {
    const unsafe = (f as unknown as { unsafeOriginalName?: string }).unsafeOriginalName;
    const problem = entryNameProblem(unsafe ?? path);
    if (problem) throw damaged(`it has ${problem}`);
    const key = path.toLowerCase();
    if (seen.has(key)) throw damaged("two of its zip entries have the same name");
    seen.add(key);
    if (f.dir) continue;
    const raw = (f as unknown as { _data?: EntryData })._data ?? {};
    const size = raw.uncompressedSize ?? 0;
    const packed = raw.compressedSize ?? raw.compressedContent?.length ?? 0;
    if (size > MAX_PART_BYTES) throw new InputError(bombMessage(label, path));
    if (size > RATIO_FLOOR_BYTES && size > MAX_EXPANSION * packed)
      throw new InputError(
        `${label} cannot be read safely: its part ${path} would expand ${Math.round(size / Math.max(packed, 1))} times (${mb(size)}), far more than any real workbook's parts do.`,
      );
    total += size;
    if (total > totalLimit)
      throw new InputError(
        `${label} cannot be read safely: its parts would expand to more than ${mb(totalLimit)}, far more than a workbook of its size holds.`,
      );
    verifyEntry(
      raw,
      size,
      () => damaged(`its part ${path} fails its CRC check`),
      () => lieError(label, path),
    );
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** Inflates one entry to its declared size at most and compares its CRC-32 with the one the zip declares. */
function verifyEntry(raw: EntryData, size: number, badCrc: () => Error, lie: () => Error): void {
  const content = raw.compressedContent;
  if (!(content instanceof Uint8Array) || typeof raw.crc32 !== "number") return;
  let bytes: Uint8Array;
  if (raw.compression?.magic === "\x00\x00") bytes = content;
  else if (raw.compression?.magic === "\x08\x00") {
    try {
      bytes = zlib.inflateRawSync(content, { maxOutputLength: size + 1 });
    } catch (e) {
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) throw lie();
      throw badCrc();
    }
  } else return; // JSZip refuses other methods when a part is read
  if (bytes.length !== size) throw lie();
  if (zipInternals && (zlib as unknown as { crc32: (b: Uint8Array) => number }).crc32(bytes) >>> 0 !== raw.crc32 >>> 0)
    throw badCrc();
}

function lieError(label: string, path: string): InputError {
  return new InputError(lieMessage(label, path));
}

/** An xsd:unsignedInt attribute as a number; 0 when it is absent or not one ("1.5", "-1", "99999999999"). */
function unsignedInt(value: string | undefined): number {
  const v = value?.trim() ?? "";
  const n = /^\+?\d{1,10}$/.test(v) ? Number(v) : NaN;
  return n <= 0xffffffff ? n : 0;
}

export class XlsxPackage {
  private readonly texts = new Map<string, string>();
  /** Parts written since loading: the only ones compressed again. */
  private readonly dirty = new Set<string>();
  readonly workbookPath: string;

  private constructor(
    private readonly zip: JSZip,
    workbookPath: string,
    private readonly label = "the workbook",
  ) {
    this.workbookPath = workbookPath;
  }

  /** Opens a package; throws InputError with a sentence naming `label` when it is not a readable workbook. */
  static async load(data: Uint8Array, label: string): Promise<XlsxPackage> {
    if (data.length >= 8 && CFB_MAGIC.every((b, i) => data[i] === b)) {
      throw new InputError(
        `${label} is password-protected or an old .xls file (an OLE compound file, not an .xlsx zip package); save it as an unprotected .xlsx first.`,
      );
    }
    if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) {
      throw new InputError(`${label} is not an .xlsx file (it is not a zip package).`);
    }
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data, { checkCRC32: false });
    } catch {
      // The zip library's own wording ("Corrupted zip or bug: unexpected signature…") means nothing to a user.
      throw new InputError(`${label} is a damaged .xlsx file (its zip structure cannot be read).`);
    }
    checkEntries(zip, data, label);
    const pkg0 = new XlsxPackage(zip, "", label);
    if (!zip.file("[Content_Types].xml"))
      throw new InputError(`${label} is not an .xlsx workbook ([Content_Types].xml is missing).`);
    let workbookPath = "xl/workbook.xml";
    if (zip.file("_rels/.rels")) {
      const rel = parseRels(await pkg0.text("_rels/.rels")).find((r) => r.type === REL_OFFICE_DOCUMENT);
      if (rel) workbookPath = resolveTarget("", rel.target);
    }
    if (!zip.file(workbookPath))
      throw new InputError(`${label} is not an .xlsx workbook (${workbookPath} is missing).`);
    const pkg = new XlsxPackage(zip, workbookPath, label);
    for (const [k, v] of pkg0.texts) pkg.texts.set(k, v);
    if ((await pkg.text(workbookPath)).includes(NS_STRICT_MAIN)) throw new InputError(STRICT_MESSAGE);
    return pkg;
  }

  /**
   * A package made in memory from its parts' text (a CSV converted to a workbook): every part counts as written, so
   * toBuffer compresses each once, and Flag reads and edits it as it does a loaded file.
   */
  static fromParts(
    parts: Record<string, string>,
    workbookPath = "xl/workbook.xml",
    label = "the workbook",
  ): XlsxPackage {
    const pkg = new XlsxPackage(new JSZip(), workbookPath, label);
    for (const [path, text] of Object.entries(parts)) pkg.setText(path, text);
    return pkg;
  }

  has(path: string): boolean {
    return this.texts.has(path) || this.zip.file(path) !== null;
  }

  paths(): string[] {
    return Object.keys(this.zip.files).filter((p) => !this.zip.files[p].dir);
  }

  async text(path: string): Promise<string> {
    const cached = this.texts.get(path);
    if (cached !== undefined) return cached;
    const f = this.zip.file(path);
    if (!f) throw new InputError(`${this.label} is a damaged .xlsx workbook (its part ${path} is missing).`);
    let s: string;
    try {
      const raw = (f as unknown as { _data?: JsZipCompressedObject })._data;
      if (
        zipInternals &&
        raw?.compression?.magic === zipInternals.DEFLATE.magic &&
        raw.compressedContent instanceof Uint8Array
      ) {
        // The declared size was checked at load; the actual output is bounded by it too, since a zip can lie:
        // inflating stops one byte past what the central directory declares, so memory stays at the declared size.
        const declared = (raw as { uncompressedSize?: number }).uncompressedSize ?? MAX_PART_BYTES;
        const limit = Math.min(declared, MAX_PART_BYTES) + 1;
        const inflated = zlib.inflateRawSync(raw.compressedContent, { maxOutputLength: limit });
        if (inflated.length > declared) throw new InputError(lieMessage(this.label, path));
        s = inflated.toString("utf8");
      } else {
        s = await f.async("string");
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError)
        throw new InputError(lieMessage(this.label, path));
      // the zip library's or zlib's wording ("invalid stored block lengths") means nothing to a user
      throw new InputError(`${this.label} is a damaged .xlsx workbook (its part ${path} cannot be inflated).`);
    }
    this.texts.set(path, s);
    return s;
  }

  /** Writes a part (only parts written here are recompressed). */
  setText(path: string, text: string): void {
    this.texts.set(path, text);
    this.dirty.add(path);
    this.zip.file(path, text, { createFolders: false });
  }

  remove(path: string): void {
    this.texts.delete(path);
    this.dirty.delete(path);
    this.zip.remove(path);
  }

  async rels(partPath: string): Promise<Relationship[]> {
    const rp = relsPathOf(partPath);
    return this.has(rp) ? parseRels(await this.text(rp)) : [];
  }

  /** Adds a relationship to `partPath`'s rels (creating the rels part when needed); returns its new id. */
  async addRel(partPath: string, type: string, targetPart: string): Promise<string> {
    const rp = relsPathOf(partPath);
    const xml = this.has(rp)
      ? await this.text(rp)
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const used = new Set(parseRels(xml).map((r) => r.id));
    let n = 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = escapeXml(relativeTarget(partPath, targetPart));
    const created = !this.has(rp);
    this.setText(rp, appendToRoot(xml, "Relationship", ` Id="${id}" Type="${type}" Target="${target}"`));
    if (created) await this.ensureContentType(rp, CT_RELATIONSHIPS);
    return id;
  }

  /** Removes every relationship of `partPath` whose target is `targetPart`. */
  async removeRelsTo(partPath: string, targetPart: string): Promise<void> {
    const rp = relsPathOf(partPath);
    if (!this.has(rp)) return;
    const xml = await this.text(rp);
    const gone = parseRels(xml).filter((r) => !r.external && resolveTarget(partPath, r.target) === targetPart);
    this.setText(rp, without(xml, gone));
  }

  /** Adds the Override of a part (replacing one the package already had for that name: a part has one type). */
  async addContentTypeOverride(partPath: string, contentType: string): Promise<void> {
    await this.removeContentTypeOverride(partPath);
    const xml = await this.text("[Content_Types].xml");
    const attributes = ` PartName="/${escapeXml(partPath)}" ContentType="${contentType}"`;
    this.setText("[Content_Types].xml", appendToRoot(xml, "Override", attributes));
  }

  async removeContentTypeOverride(partPath: string): Promise<void> {
    const xml = await this.text("[Content_Types].xml");
    const name = `/${partPath}`.toLowerCase();
    const gone = rootChildren(xml, "Override").items.filter((e) => (attr(e, "PartName") ?? "").toLowerCase() === name);
    if (gone.length) this.setText("[Content_Types].xml", without(xml, gone));
  }

  /**
   * Gives a part we add its content type: the Default for its extension when that is the type (as Excel relies on
   * for customXml items), else an Override — an EPPlus-style package's Default for .xml is the workbook's type.
   */
  async ensureContentType(partPath: string, contentType: string): Promise<void> {
    await this.removeContentTypeOverride(partPath);
    if ((await this.contentType(partPath))?.toLowerCase() !== contentType.toLowerCase())
      await this.addContentTypeOverride(partPath, contentType);
  }

  async hasDefaultContentType(extension: string): Promise<boolean> {
    const xml = await this.text("[Content_Types].xml");
    return rootChildren(xml, "Default").items.some((e) => (attr(e, "Extension") ?? "").toLowerCase() === extension);
  }

  /** The sheets listed in workbook.xml, in tab order. */
  async sheets(): Promise<SheetEntry[]> {
    const wb = await this.text(this.workbookPath);
    const rels = await this.rels(this.workbookPath);
    const sheetsEl = childNamed(locate(wb), NS_MAIN, "sheets");
    if (!sheetsEl) return [];
    return sheetsEl.children
      .filter((e) => e.uri === NS_MAIN && e.local === "sheet")
      .map((e) => {
        const rId = attr(e, "id", NS_REL) ?? "";
        const rel = rels.find((r) => r.id === rId);
        return {
          name: attr(e, "name") ?? "",
          sheetId: unsignedInt(attr(e, "sheetId")),
          rId,
          path: rel ? resolveTarget(this.workbookPath, rel.target) : "",
          isWorksheet: rel?.type === REL_WORKSHEET,
          xml: textOf(wb, e),
          start: e.start,
          end: e.end,
        };
      });
  }

  /** The content type of a part (Override, else Default by extension), or undefined. */
  async contentType(partPath: string): Promise<string | undefined> {
    const xml = await this.text("[Content_Types].xml");
    const name = `/${partPath}`.toLowerCase();
    const over = rootChildren(xml, "Override").items.find((e) => (attr(e, "PartName") ?? "").toLowerCase() === name);
    if (over) return attr(over, "ContentType");
    const ext = partPath.slice(partPath.lastIndexOf(".") + 1).toLowerCase();
    const def = rootChildren(xml, "Default").items.find((e) => (attr(e, "Extension") ?? "").toLowerCase() === ext);
    return def ? attr(def, "ContentType") : undefined;
  }

  /** The path of the workbook-level part of relationship `type` (styles, sharedStrings, theme), or null. */
  async workbookPart(type: string): Promise<string | null> {
    const rel = (await this.rels(this.workbookPath)).find((r) => r.type === type);
    return rel ? resolveTarget(this.workbookPath, rel.target) : null;
  }

  async toBuffer(onProgress?: (percent: number) => void): Promise<Buffer> {
    if (zipInternals) {
      const { CompressedObject, DEFLATE } = zipInternals;
      const crc32 = (zlib as unknown as { crc32: (b: Uint8Array) => number }).crc32;
      for (const path of this.dirty) {
        const text = this.texts.get(path);
        if (text === undefined || !this.zip.file(path)) continue;
        const raw = Buffer.from(text, "utf8");
        const deflated = zlib.deflateRawSync(raw, { level: DEFLATE_LEVEL });
        const entry = new CompressedObject(deflated.length, raw.length, crc32(raw) >>> 0, DEFLATE, deflated);
        this.zip.file(path, entry as unknown as Uint8Array, { createFolders: false, binary: true });
      }
      this.dirty.clear();
    }
    return this.zip.generateAsync(
      { type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: DEFLATE_LEVEL } },
      onProgress ? (m) => onProgress(m.percent) : undefined,
    );
  }
}
