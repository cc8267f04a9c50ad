/**
 * What a flag or a clear changes in a workbook, decided once for both hosts (the task pane and the CLI): the
 * previous flag's state merged from its parts, the cells to restore, the cells to colour, the settings to flag with
 * and whether they stay marked as saved, the report sheet's name, and the state to save. The hosts only read the
 * workbook (sheet names, state parts, the fills or styles of the cells named here) and write what this plans.
 */
import { cellAddress, parseCell } from "./a1";
import { severity, type WarningColour } from "./colours";
import { DEFAULT_CONFIG, validateConfig } from "./rules/config";
import type { RulesConfig, RulesResult } from "./rules/types";
import { REPORT_SHEET_NAME, stateAfterClear, type GrowthSignalsState, type SavedCell } from "./state";

/** One cell of a workbook: the sheet as the workbook spells it, 0-based row and column. */
export interface SheetCell {
  sheet: string;
  row: number;
  col: number;
}

/**
 * A cell's identity within a workbook: sheet names compare case-insensitively (as Excel compares them), so
 * "data!C2" and "Data!$C$2" are one cell. Only built by sheetCellKey; never parsed back (the cell travels beside it).
 */
export type CellKey = string & { readonly __cellKey: unique symbol };

export function sheetCellKey(sheet: string, row: number, col: number): CellKey {
  return `${sheet.toLowerCase()}\u0000${row}\u0000${col}` as CellKey;
}

/**
 * All state parts as one: the first saved original of a cell wins (it is the oldest, the user's own fill); the
 * settings are the first part's that has some; the sheets added by any part. Null when there is no state.
 */
export function mergeStates(states: readonly GrowthSignalsState[]): GrowthSignalsState | null {
  if (states.length === 0) return null;
  const seen = new Set<CellKey>();
  const originals: SavedCell[] = [];
  for (const s of states)
    for (const c of s.originals) {
      const pos = parseCell(c.address);
      const k = pos
        ? sheetCellKey(c.sheet, pos.row, pos.col)
        : (`${c.sheet.toLowerCase()}\u0000${c.address}` as CellKey);
      if (seen.has(k)) continue;
      seen.add(k);
      originals.push(c);
    }
  return {
    version: 1,
    settings: states.find((s) => s.settings)?.settings,
    ...(states.some((s) => s.settingsSaved) ? { settingsSaved: true } : {}),
    originals,
    addedSheets: [...new Set(states.flatMap((s) => s.addedSheets))],
  };
}

/** A cell the previous flag coloured, with the original it saved. */
export interface ColouredBefore extends SheetCell {
  saved: SavedCell;
}

/** The previous flag as it stands in the workbook now. */
export interface PreviousFlag {
  /** The merged state (null: the workbook was never flagged and holds no saved settings). */
  state: GrowthSignalsState | null;
  /** Its coloured cells on sheets that still exist, not on sheets it added itself; the sheet as spelled now. */
  cells: Map<CellKey, ColouredBefore>;
  /** The sheets it added that still exist, as spelled now (removed by Clear, replaced by the next flag). */
  addedSheets: string[];
}

/**
 * The previous flag from its state parts and the workbook's sheet names (every sheet, in any order): what Clear
 * restores and removes, and what the next flag starts from.
 */
export function previousFlag(states: readonly GrowthSignalsState[], sheetNames: readonly string[]): PreviousFlag {
  const state = mergeStates(states);
  const spelling = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
  const added = new Set((state?.addedSheets ?? []).map((n) => n.toLowerCase()));
  const cells = new Map<CellKey, ColouredBefore>();
  for (const saved of state?.originals ?? []) {
    const sheet = spelling.get(saved.sheet.toLowerCase());
    const pos = parseCell(saved.address);
    if (!sheet || !pos || added.has(sheet.toLowerCase())) continue;
    const k = sheetCellKey(sheet, pos.row, pos.col);
    if (!cells.has(k)) cells.set(k, { sheet, ...pos, saved });
  }
  const addedSheets = [...added].map((n) => spelling.get(n)).filter((n): n is string => n !== undefined);
  return { state, cells, addedSheets };
}

/** What Clear writes: the saved originals back, the added sheets gone, and the state part that stays (or none). */
export interface ClearPlan {
  restore: ColouredBefore[];
  removeSheets: string[];
  /** Settings a user saved on purpose stay with the workbook; null: no state part is left. */
  keep: GrowthSignalsState | null;
}

export function clearPlan(previous: PreviousFlag): ClearPlan {
  return {
    restore: [...previous.cells.values()],
    removeSheets: previous.addedSheets,
    keep: previous.state ? stateAfterClear(previous.state) : null,
  };
}

/**
 * The settings a flag runs with and whether the saved state keeps them marked as saved on purpose.
 * - The pane always passes the settings it shows (loaded from the workbook, perhaps edited): a saved mark stays.
 * - The CLI passes `override` settings only with --config: those are this run's, not the ones the user saved.
 *   Without them it flags with the workbook's saved settings (checked), else the defaults.
 */
export function flagSettings(
  previous: Pick<GrowthSignalsState, "settings" | "settingsSaved"> | null,
  choice: { config: RulesConfig } | { override?: RulesConfig },
): { config: RulesConfig; settingsSaved: boolean } {
  if ("config" in choice) return { config: choice.config, settingsSaved: previous?.settingsSaved === true };
  if (choice.override) return { config: choice.override, settingsSaved: false };
  const saved = previous?.settings;
  return {
    config: saved ? validateConfig(saved).config : { ...DEFAULT_CONFIG, fills: { ...DEFAULT_CONFIG.fills } },
    settingsSaved: previous?.settingsSaved === true && saved !== undefined,
  };
}

/**
 * The report sheet's name: "Growth Signals", else "Growth Signals (2)", (3)… — the first that no sheet of the
 * workbook uses, apart from the sheets the previous flag added (they are replaced).
 */
export function reportSheetName(sheetNames: readonly string[], replaced: readonly string[] = []): string {
  const taken = new Set(sheetNames.map((n) => n.toLowerCase()));
  for (const n of replaced) taken.delete(n.toLowerCase());
  for (let i = 1; ; i++) {
    const name = i === 1 ? REPORT_SHEET_NAME : `${REPORT_SHEET_NAME} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Where a table's data rows and columns sit on its sheet. */
export interface PlacedResult {
  sheet: string;
  result: RulesResult;
  /** Sheet column of the table's first column. */
  left: number;
  /** Sheet row of data row i (the CLI leaves blank rows out of the table; the pane reads every row). */
  sheetRow: (dataRow: number) => number;
}

/** A cell to colour: the most severe colour any table gave it, and the original the previous flag saved, if any. */
export interface CellToColour extends SheetCell {
  colour: WarningColour;
  /** "#RRGGBB" from the settings' fills. */
  fill: string;
  before?: SavedCell;
}

/** What a flag writes, apart from the originals of newly coloured cells, which only the host can read. */
export interface FlagPlan {
  config: RulesConfig;
  settingsSaved: boolean;
  /** Cells to colour, in the order the tables give them; key → cell. */
  colour: Map<CellKey, CellToColour>;
  /** The previous flag's cells this flag leaves uncoloured: back to their saved originals. */
  restore: ColouredBefore[];
  /** The previous flag's sheets: removed before the report is written. */
  removeSheets: string[];
  reportSheet: string;
}

export function flagPlan(
  previous: PreviousFlag,
  tables: readonly PlacedResult[],
  settings: { config: RulesConfig; settingsSaved: boolean },
  sheetNames: readonly string[],
): FlagPlan {
  const { config } = settings;
  const colour = new Map<CellKey, CellToColour>();
  for (const t of tables)
    for (const c of t.result.cells) {
      const row = t.sheetRow(c.row);
      const col = t.left + c.col;
      const k = sheetCellKey(t.sheet, row, col);
      const prev = colour.get(k);
      if (prev && severity(c.colour) <= severity(prev.colour)) continue;
      const before = previous.cells.get(k)?.saved;
      colour.set(k, { sheet: t.sheet, row, col, colour: c.colour, fill: config.fills[c.colour], before });
    }
  return {
    ...settings,
    colour,
    restore: [...previous.cells].filter(([k]) => !colour.has(k)).map(([, c]) => c),
    removeSheets: previous.addedSheets,
    reportSheet: reportSheetName(sheetNames, previous.addedSheets),
  };
}

/** The state a flag saves: its settings, the originals of the cells it coloured, and its report sheet. */
export function flaggedState(plan: FlagPlan, originals: SavedCell[], now: Date): GrowthSignalsState {
  return {
    version: 1,
    settings: plan.config,
    ...(plan.settingsSaved ? { settingsSaved: true } : {}),
    originals,
    addedSheets: [plan.reportSheet],
    flaggedAt: now.toISOString(),
  };
}

/**
 * The state to hold while a flag is written in several steps: every cell that may change (the new originals and
 * the previous flag's cells it restores) and every sheet that may be there, so an interrupted flag can be cleared.
 */
export function interimState(plan: FlagPlan, final: GrowthSignalsState): GrowthSignalsState {
  return {
    ...final,
    originals: [
      ...final.originals,
      ...plan.restore.map((c) => ({ sheet: c.sheet, address: cellAddress(c.row, c.col), fill: c.saved.fill })),
    ],
    addedSheets: [...new Set([plan.reportSheet, ...plan.removeSheets])],
  };
}
