/** @jest-environment jsdom */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { F, relativeError } from "./helpers";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tools = require("../../src/functions/metadata-tools.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const table: Record<string, string> = require("../../src/functions/functions.zh-CN.json");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const details = require("../../src/functions/functions.reference.json");

interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description: string; optional?: boolean; type: string }[];
}

let en: { functions: Fn[] };

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"), false);
  en = JSON.parse(result.metadataJson);
}, 60_000);

describe("translateMetadata", () => {
  it("has a Chinese translation for every description in functions.json, and no stale entries", () => {
    const used = new Set<string>(tools.descriptionsOf(en));
    for (const text of used) expect(table).toHaveProperty([text]);
    expect(Object.keys(table).filter((k) => !used.has(k))).toEqual([]);
  });

  it("keeps ids, names, types and optional flags and translates only descriptions", () => {
    const zh = tools.translateMetadata(en, table);
    expect(zh.functions).toHaveLength(en.functions.length);
    zh.functions.forEach((f: Fn, i: number) => {
      const e = en.functions[i];
      expect([f.id, f.name]).toEqual([e.id, e.name]);
      expect(f.description).toBe(table[e.description]);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      f.parameters.forEach((p, j) => {
        const ep = e.parameters[j];
        expect([p.name, p.type, p.optional]).toEqual([ep.name, ep.type, ep.optional]);
        expect(p.description).toBe(table[ep.description]);
      });
    });
    expect(en.functions[0].description).not.toMatch(/[\u4e00-\u9fff]/); // the input is not modified
  });

  it("fails the build on a description without a translation", () => {
    const missing = { functions: [{ id: "X", name: "X", description: "Untranslated.", parameters: [] }] };
    expect(() => tools.translateMetadata(missing, table)).toThrow(/no translation for X/);
  });
});

describe("renderReference", () => {
  const page = () => {
    const html: string = tools.renderReference(en, tools.translateMetadata(en, table));
    document.documentElement.innerHTML = html;
    return html;
  };

  it("has an English anchor per function ID (the @helpurl targets) and a Chinese one", () => {
    page();
    for (const f of en.functions) {
      expect(document.getElementById(f.id)?.querySelector("h3")?.textContent).toBe(`GROWTH.${f.id}`);
      expect(document.getElementById(`zh-${f.id}`)?.closest("section")?.getAttribute("lang")).toBe("zh-CN");
    }
  });

  it("shows formula, every argument, errors and an example for each function", () => {
    page();
    for (const f of en.functions) {
      const article = document.getElementById(f.id)!;
      const rows = [...article.querySelectorAll("tbody tr")].map((r) => r.querySelector("code")?.textContent);
      expect(rows).toEqual(f.parameters.map((p) => p.name));
      expect(article.querySelector(".formula")?.textContent).toBe(details[f.id].formula);
      expect(article.querySelectorAll("li").length).toBe(details[f.id].errors.en.length);
      expect(article.querySelector("pre")?.textContent).toMatch(new RegExp(`^=GROWTH\\.${f.id}\\(`));
    }
  });

  it("escapes text: markup in a description is shown as text, never parsed", () => {
    const evil = {
      functions: [
        {
          id: "LTV",
          name: "LTV",
          description: `<img src=x onerror="alert(1)"> & 'quotes'`,
          parameters: [{ name: "a<b", description: "<script>alert(2)</script>", type: "number" }],
        },
      ],
    };
    const html: string = tools.renderReference(evil, evil);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;");
    document.documentElement.innerHTML = html;
    expect(document.querySelector("img")).toBeNull();
    expect(document.getElementById("LTV")?.querySelector("p")?.textContent).toBe(evil.functions[0].description);
  });

  it("writes examples as Excel formulas whose stated results the functions reproduce", () => {
    for (const f of en.functions) {
      const { args, result } = details[f.id].example;
      const fn = (F as unknown as Record<string, (...a: unknown[]) => unknown>)[f.id];
      const actual = fn(...args);
      if (typeof result === "number") {
        expect(relativeError(actual as number, result)).toBeLessThan(5e-6); // results are quoted to 6 digits
      } else {
        // Matrix results are quoted as text: compare each number in it with the spilled values row.
        const values = (Array.isArray(actual) ? (actual as unknown[][]).flat() : [actual]).filter(
          (v) => typeof v === "number",
        ) as number[];
        const quoted = [
          ...String(result)
            .replace(/−/g, "-")
            .matchAll(/-?\d+(?:\.\d+)?/g),
        ].map((m) => Number(m[0]));
        expect(values).toHaveLength(quoted.length);
        values.forEach((v, i) => expect(Math.abs(v - quoted[i])).toBeLessThanOrEqual(5e-6 * Math.max(1, Math.abs(v))));
      }
    }
    page();
    expect(document.getElementById("COHORT_RETENTION")?.querySelector("pre")?.textContent).toContain(
      "=GROWTH.COHORT_RETENTION({1000, 420, 300; 800, 400, 200})",
    );
    expect(document.getElementById("ROI")?.querySelector("pre")?.textContent).toContain(
      '=GROWTH.ROI(3800, 1000, "net")',
    );
  });
});
