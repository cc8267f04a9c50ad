/** Shared set-up for the adapter tests: the simulated host installed as the Office.js globals. */
import { createExcelGateway, type GatewayOptions } from "../../../src/taskpane/excel/adapter";
import { runInThread } from "../../../src/taskpane/excel/rulesInThread";
import type { ExcelGateway, FlagRequest } from "../../../src/taskpane/excel/types";
import { installSimulatedOffice, type SimHost, type SimOptions, type SimWorkbookInit } from "../../../tools/excel-sim";
import { DEFAULT_CONFIG, parseCell } from "../../../src/core";

export function setup(
  book: SimWorkbookInit,
  options?: SimOptions,
  gatewayOptions?: Partial<GatewayOptions>,
): { host: SimHost; gateway: ExcelGateway } {
  const { host } = installSimulatedOffice(globalThis, book, options);
  return { host, gateway: createExcelGateway({ runRules: runInThread, ...gatewayOptions }) };
}

/** Reads the selection and flags it with the default rules (or `extra`). */
export async function flagSelection(gateway: ExcelGateway, extra: Partial<FlagRequest> = {}) {
  const tables = await gateway.readSelection();
  return gateway.flag({ tables, config: DEFAULT_CONFIG, lang: "en", ...extra });
}

/**
 * A small daily report, worked by hand with the default rules:
 * - Search ROI 1.2, 1.3, 1.4 on 2–4 Mar: three days running below 1.5 → C2:C4 yellow (5 Mar, 2.0, is not).
 * - Search complaint rate 2% on 3 Mar (> 1%) → D3 orange.
 * - Social ROI below 1.5 for only two days (C6:C7) → not flagged.
 */
export const SMALL_ROWS = [
  ["Date", "Channel", "ROI", "Complaint rate"],
  ["2026-03-02", "Search", 1.2, 0.005],
  ["2026-03-03", "Search", 1.3, 0.02],
  ["2026-03-04", "Search", 1.4, 0.004],
  ["2026-03-05", "Search", 2.0, 0.003],
  ["2026-03-02", "Social", 1.0, 0.001],
  ["2026-03-03", "Social", 1.1, 0.001],
];

/** Every fill and value of a sheet's used range plus the sheets and state parts: equal snapshots, equal workbooks. */
export function snapshot(host: SimHost, sheet: string) {
  const used = host.usedRange(sheet) ?? "A1";
  const [a, b = a] = used.split(":");
  const cells: Record<string, unknown> = {};
  const colOf = (s: string) => s.replace(/\d+/g, "");
  const rowOf = (s: string) => Number(s.replace(/\D+/g, ""));
  const letters = (n: number) => {
    let s = "";
    for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  const idx = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  for (let r = rowOf(a); r <= rowOf(b); r++)
    for (let c = idx(colOf(a)); c <= idx(colOf(b)); c++) {
      const addr = `${letters(c)}${r}`;
      cells[addr] = [host.value(sheet, addr), host.fill(sheet, addr)];
    }
  return { cells, sheets: host.sheets() };
}

/** The colour a cell shows on screen (our conditional formats over its own fill); null for none. */
export function shown(host: SimHost, sheet: string, address: string): string | null {
  const p = parseCell(address);
  if (!p) throw new Error(`Not a cell: ${address}`);
  return host.displayedColor(sheet, p.row, p.col);
}
