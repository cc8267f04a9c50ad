/** Shared helpers for the CLI round-trip tests: package parts as text, and ExcelJS reads of outputs. */
import ExcelJS from "exceljs";
import JSZip from "jszip";

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
