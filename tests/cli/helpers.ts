/** Shared helpers for the CLI round-trip tests: package parts as text, and ExcelJS reads of outputs. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main, type Io } from "../../src/cli/main";

/** Every part of a package (folders skipped) as text. */
export async function partsOf(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("string"));
  return out;
}

export interface PartDiff {
  added: string[];
  removed: string[];
  changed: string[];
  same: string[];
}

export function diffParts(a: Map<string, string>, b: Map<string, string>): PartDiff {
  const d: PartDiff = { added: [], removed: [], changed: [], same: [] };
  for (const [k, v] of a) {
    if (!b.has(k)) d.removed.push(k);
    else if (b.get(k) === v) d.same.push(k);
    else d.changed.push(k);
  }
  for (const k of b.keys()) if (!a.has(k)) d.added.push(k);
  for (const list of Object.values(d)) list.sort();
  return d;
}

export async function readWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as never);
  return wb;
}

/** The solid fill colour of a cell as "FFRRGGBB", or null when it has no solid fill. */
export function solidFill(cell: ExcelJS.Cell): string | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  if (!f || f.type !== "pattern" || f.pattern !== "solid") return null;
  return (f.fgColor as { argb?: string } | undefined)?.argb ?? null;
}

/** Every non-empty cell of a sheet: address → value, number format, font and fill (as JSON). */
export function cellSnapshot(
  ws: ExcelJS.Worksheet,
): Map<string, { value: string; numFmt: string; font: string; fill: string }> {
  const out = new Map<string, { value: string; numFmt: string; font: string; fill: string }>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, {
        value: JSON.stringify(cell.value),
        numFmt: cell.numFmt ?? "",
        font: JSON.stringify(cell.font ?? {}),
        fill: JSON.stringify(cell.fill ?? {}),
      });
    });
  });
  return out;
}

/**
 * Schema problems in a package's XML parts (all of them, or only `only`): well-formedness, namespaces, and the
 * ECMA-376 Transitional / OPC schemas after Markup Compatibility processing (tests/helpers/ooxmlValidate.ts).
 * Empty when every part is valid. Call it on a CLI output: `expect(await schemaProblems(out)).toEqual([])`.
 * With `baseline` (the input package), problems its same-named part already had are not reported (the writer's,
 * not the CLI's); both are checked in one xmllint run.
 */
export async function schemaProblems(
  data: Uint8Array,
  only?: Iterable<string>,
  baseline?: Uint8Array,
): Promise<string[]> {
  const { validateParts } = await import("../helpers/ooxmlValidate");
  const want = only ? new Set(only) : null;
  const xmlParts = async (bytes: Uint8Array, tag: string): Promise<{ name: string; xml: string }[]> => {
    const zip = await JSZip.loadAsync(bytes);
    const parts: { name: string; xml: string }[] = [];
    for (const [name, f] of Object.entries(zip.files)) {
      if (f.dir || !/\.(xml|rels)$/i.test(name) || (want && !want.has(name))) continue;
      parts.push({ name: tag + name, xml: await f.async("string") });
    }
    return parts;
  };
  const BASE = "\u0000baseline:";
  const parts = [...(await xmlParts(data, "")), ...(baseline ? await xmlParts(baseline, BASE) : [])];
  const found = (await validateParts(parts)).map((p) => `${p.part}: ${p.message}`);
  const before = new Set(found.filter((p) => p.startsWith(BASE)).map((p) => p.slice(BASE.length)));
  return found.filter((p) => !p.startsWith(BASE) && !before.has(p));
}

/** A package the CLI wrote in a test, and the package it was given. */
export interface CliOutput {
  label: string;
  input: Uint8Array;
  output: Uint8Array;
}

/**
 * Records every package flagWorkbook and clearWorkbook return while a test file runs (the command line calls them
 * too), so that one test at the end can validate all of them in one schema run. Call it at the top of a describe or
 * file; it installs its spies in a beforeAll.
 */
export function captureCliOutputs(): CliOutput[] {
  const outputs: CliOutput[] = [];
  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const wb = require("../../src/cli/workbook") as Record<string, unknown>;
    for (const name of ["flagWorkbook", "clearWorkbook"] as const) {
      const original = wb[name] as (data: Uint8Array, options?: { label?: string }) => Promise<{ data: Buffer }>;
      jest.spyOn(wb as never, name as never).mockImplementation((async (
        data: Uint8Array,
        options?: { label?: string },
      ) => {
        const result = await original(data, options);
        outputs.push({
          label: `${name === "flagWorkbook" ? "flag" : "clear"} ${options?.label ?? ""} #${outputs.length + 1}`,
          input: data,
          output: result.data,
        });
        return result;
      }) as never);
    }
  });
  return outputs;
}

/**
 * The schema problems of every part the CLI wrote in `outputs` (parts that differ from the input's), one xmllint run
 * for all: identical part texts are validated once, and a problem the input's own version of the part already had
 * is the writer's, not the CLI's. Returns "label part: message" lines and the number of parts checked.
 */
export async function outputSchemaProblems(outputs: CliOutput[]): Promise<{ problems: string[]; checked: number }> {
  const { validateParts } = await import("../helpers/ooxmlValidate");
  const distinct = new Map<string, string>(); // part text → name given to the validator
  const uses: { label: string; part: string; key: string; baselineKey?: string }[] = [];
  const keyOf = (name: string, xml: string): string => {
    let key = distinct.get(xml);
    if (key === undefined) {
      key = `${distinct.size}/${name}`;
      distinct.set(xml, key);
    }
    return key;
  };
  for (const o of outputs) {
    const before = await partsOf(o.input).catch(() => new Map<string, string>());
    for (const [name, xml] of await partsOf(o.output)) {
      if (!/\.(xml|rels)$/i.test(name) || before.get(name) === xml) continue;
      const old = before.get(name);
      uses.push({
        label: o.label,
        part: name,
        key: keyOf(name, xml),
        baselineKey: old === undefined ? undefined : keyOf(name, old),
      });
    }
  }
  const found = await validateParts([...distinct].map(([xml, name]) => ({ name, xml })));
  const byKey = new Map<string, Set<string>>();
  for (const p of found) {
    const set = byKey.get(p.part) ?? new Set<string>();
    set.add(p.message);
    byKey.set(p.part, set);
  }
  const problems: string[] = [];
  for (const u of uses) {
    const baseline = u.baselineKey ? (byKey.get(u.baselineKey) ?? new Set<string>()) : new Set<string>();
    for (const m of byKey.get(u.key) ?? []) if (!baseline.has(m)) problems.push(`${u.label} ${u.part}: ${m}`);
  }
  return { problems, checked: uses.length };
}

/**
 * The cells a workbook shows in a warning colour through conditional formats, as ExcelJS (another program's
 * reader) parses them: every expression rule whose formula is `N("growth-signals")=0` (any spacing), each cell of
 * its ranges → its fill as "FFRRGGBB" (bgColor, which Excel reads for a differential fill, else fgColor).
 */
export function overlayFills(ws: ExcelJS.Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  type Rule = {
    type: string;
    formulae?: string[];
    style?: { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } } };
  };
  const cfs =
    (ws as unknown as { conditionalFormattings?: { ref: string; rules: Rule[] }[] }).conditionalFormattings ?? [];
  for (const cf of cfs)
    for (const rule of cf.rules) {
      const f = (rule.formulae ?? [])[0]?.replace(/\s+/g, "").replace(/^=/, "");
      if (rule.type !== "expression" || f?.toUpperCase() !== 'N("GROWTH-SIGNALS")=0') continue;
      const colour = rule.style?.fill?.bgColor?.argb ?? rule.style?.fill?.fgColor?.argb ?? "";
      for (const area of cf.ref.trim().split(/\s+/)) {
        const [a, b = a] = area.split(":");
        const p = /^([A-Z]+)(\d+)$/.exec(a)!;
        const q = /^([A-Z]+)(\d+)$/.exec(b)!;
        const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        const letters = (n: number): string =>
          (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
        for (let r = Number(p[2]); r <= Number(q[2]); r++)
          for (let c = col(p[1]); c <= col(q[1]); c++) out[`${letters(c)}${r}`] ??= colour;
      }
    }
  return out;
}

/** JSON with object keys sorted, so two readings of the same format compare equal whatever the key order. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/**
 * A cell's value and own format as ExcelJS resolves its style (fill, font, number format, borders), as stable JSON.
 * A solid fill is its foreground colour alone: its background colour is not drawn (ECMA-376 §18.8.32), and
 * LibreOffice writes arbitrary ones there.
 */
export function ownFormat(c: ExcelJS.Cell): string {
  const f = c.fill as ExcelJS.FillPattern | undefined;
  const fill =
    f && f.type === "pattern" && f.pattern === "solid" ? { pattern: "solid", fgColor: f.fgColor } : (f ?? null);
  return stableJson({ value: c.value, fill, font: c.font ?? null, numFmt: c.numFmt ?? null, border: c.border ?? null });
}

/** An Io that keeps what the CLI prints (stdout in `out`, stderr in `err`). */
export function captureIo(isTTY = false): Io & { out: string; err: string } {
  const o = { out: "", err: "", isTTY } as Io & { out: string; err: string };
  o.stdout = (s) => void (o.out += s);
  o.stderr = (s) => void (o.err += s);
  return o;
}

/** Runs `growth-signals <args>` in-process: its exit code and what it printed. */
export async function runCli(args: string[], isTTY = false): Promise<{ code: number; out: string; err: string }> {
  const o = captureIo(isTTY);
  const code = await main(args, o);
  return { code, out: o.out, err: o.err };
}
