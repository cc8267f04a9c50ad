/**
 * @jest-environment jsdom
 *
 * Offline manifest validation (office-addin-manifest validate needs the internet): the XML is well formed,
 * every resid is defined, every URL points at a file the production build emits, and the custom functions
 * run in the shared runtime under the GROWTH namespace.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { buildAddin } from "../helpers/build";
import { functionsJsonProblems } from "../functions/functionsSpec";

const ROOT = path.join(__dirname, "..", "..");
const TYPES_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const DEV_ORIGIN = "https://localhost:3000/";

function loadManifest(): Document {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  return new DOMParser().parseFromString(xml, "application/xml");
}

function all(doc: Document, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", localName));
}

describe("manifest.xml", () => {
  const doc = loadManifest();
  let distDir = "";

  beforeAll(async () => {
    distDir = fs.mkdtempSync(path.join(os.tmpdir(), "gs-dist-"));
    await buildAddin(distDir);
  }, 240_000);

  afterAll(() => fs.rmSync(distDir, { recursive: true, force: true }));

  it("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
  });

  it("has a real GUID, a four-part version and a support URL", () => {
    const id = all(doc, "Id")[0].textContent ?? "";
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(id).not.toBe("00000000-0000-0000-0000-000000000000");
    expect(all(doc, "Version")[0].textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(doc, "SupportUrl")[0].getAttribute("DefaultValue")).toMatch(/^https:\/\//);
  });

  it("defines every resid it uses", () => {
    const defined = new Set(
      ["Image", "Url", "String"].flatMap((n) =>
        Array.from(doc.getElementsByTagNameNS(TYPES_NS, n))
          .map((e) => e.getAttribute("id"))
          .filter((id): id is string => Boolean(id)),
      ),
    );
    const used = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => Boolean(r));
    expect(used.length).toBeGreaterThan(10);
    const missing = used.filter((r) => !defined.has(r));
    expect(missing).toEqual([]);
  });

  it("runs the custom functions in the shared runtime under the GROWTH namespace", () => {
    const sets = all(doc, "Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
    expect(sets).toContain("SharedRuntime 1.1");
    // The pane's adapter uses worksheet.getRanges and range.getCellProperties, both ExcelApi 1.9.
    expect(sets).toContain("ExcelApi 1.9");
    const runtime = all(doc, "Runtime")[0];
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const cf = all(doc, "ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions");
    expect(cf).toBeDefined();
    const nsResid = cf!.getElementsByTagNameNS("*", "Namespace")[0].getAttribute("resid");
    const nsString = Array.from(doc.getElementsByTagNameNS(TYPES_NS, "String")).find(
      (s) => s.getAttribute("id") === nsResid,
    );
    expect(nsString?.getAttribute("DefaultValue")).toBe("GROWTH");
    // The functions page and the task pane are the same runtime.
    const pageResid = cf!.getElementsByTagNameNS("*", "Page")[0].firstElementChild?.getAttribute("resid");
    expect(pageResid).toBe(runtime.getAttribute("resid"));
  });

  it("opens the pane from a button on the Home tab", () => {
    const tab = all(doc, "OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    expect(tab.getElementsByTagNameNS("*", "Action")[0].getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  it("points every URL at a file the build emits", () => {
    const urls = Array.from(doc.getElementsByTagName("*")).flatMap((e) =>
      ["DefaultValue", "Value"]
        .map((a) => e.getAttribute(a))
        .filter((v): v is string => Boolean(v && v.startsWith("https://"))),
    );
    expect(urls.length).toBeGreaterThan(8);
    const notLocal = urls.filter((u) => !u.startsWith(DEV_ORIGIN) && u !== "https://localhost:3000");
    expect(notLocal).toEqual([]);
    const files = urls.filter((u) => u.startsWith(DEV_ORIGIN)).map((u) => u.slice(DEV_ORIGIN.length).split("#")[0]);
    const missing = files.filter((f) => !fs.existsSync(path.join(distDir, f)));
    expect(missing).toEqual([]);
  });

  it("emits functions.json from the JSDoc with every GROWTH function, its parameters, optional flags and help URL", () => {
    const json = JSON.parse(fs.readFileSync(path.join(distDir, "functions.json"), "utf8"));
    expect(functionsJsonProblems(json)).toEqual([]);
  });

  it("emits the zh-CN metadata with the same IDs and parameters, and the reference page with an anchor per ID", () => {
    const en = JSON.parse(fs.readFileSync(path.join(distDir, "functions.json"), "utf8"));
    const zh = JSON.parse(fs.readFileSync(path.join(distDir, "functions.zh-CN.json"), "utf8"));
    type Fn = { id: string; description: string; parameters: { name: string }[] };
    const shape = (j: { functions: Fn[] }) => j.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]);
    expect(shape(zh)).toEqual(shape(en));
    expect(zh.functions.every((f: Fn) => /[\u4e00-\u9fff]/.test(f.description))).toBe(true);
    const page = fs.readFileSync(path.join(distDir, "functions-reference.html"), "utf8");
    for (const f of en.functions as Fn[]) expect(page).toMatch(new RegExp(`id="?${f.id}"?[\\s>]`));
  });

  it("icons exist at 16, 32, 64 and 80 px", () => {
    for (const size of [16, 32, 64, 80]) {
      const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    }
  });
});
