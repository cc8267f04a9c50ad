/**
 * The contract between the task pane UI and the Excel adapter (the one module that calls Office.js).
 * The UI only sees these plain records; the adapter (src/taskpane/excel/adapter.ts) implements ExcelGateway.
 */
import type { Bilingual, CellValue, ColumnMapping, RulesConfig, RulesResult } from "../../core/rules/types";
import type { ChangeMark, ChangesSinceLastFlag } from "../../core/findingChanges";

export type { ChangesSinceLastFlag };

export interface SelectedTable {
  sheet: string;
  /** A1 address of the whole table including its header row, e.g. "A1:I503". */
  address: string;
  rowCount: number;
  columnCount: number;
  header: CellValue[];
  /** Engine's detected mapping (before user overrides). */
  detected: ColumnMapping;
}

export interface FlagRequest {
  tables: SelectedTable[];
  /** User's column re-mapping per table address (missing → detected). */
  mappings?: Record<string, ColumnMapping>;
  config: RulesConfig;
  onProgress?: (done: number, total: number, phase: "read" | "analyse" | "save" | "write") => void;
  signal?: AbortSignal;
  /** Language of the "Growth Signals" report sheet (default: Office's display language). */
  lang?: "en" | "zh";
}

export interface TableOutcome {
  sheet: string;
  address: string;
  result: RulesResult;
  /** Per weak channel, its metric values in date order, for sparklines. Key: `${channel}|${ruleId}`. */
  trends: Record<string, number[]>;
  /** Per finding (same order as result.findings): new or continuing since the last flag; null: nothing to compare. */
  marks?: (ChangeMark | null)[];
}

export interface FlagOutcome {
  tables: TableOutcome[];
  cellsColoured: number;
  syncs: number;
  cancelled: boolean;
  /** What the user should know beyond the findings, one sentence each (the table changed since the last flag). */
  notes?: Bilingual[];
  /** What changed since the last flag (issue 19). */
  changes?: ChangesSinceLastFlag;
}

export interface ExcelGateway {
  /** The selected range(s): each area a table, a single cell expanded to its region or Excel table. */
  readSelection(): Promise<SelectedTable[]>;
  flag(request: FlagRequest): Promise<FlagOutcome>;
  /**
   * Removes our conditional formats wherever they are now and the sheets that carry our report marker; a previous
   * release's fills go back only where the cell still holds exactly its warning fill.
   */
  clear(): Promise<ClearOutcome>;
  loadSettings(): Promise<RulesConfig | null>;
  saveSettings(config: RulesConfig): Promise<void>;
  /**
   * Selects the given cells (A1 addresses on one sheet), in parts within Excel's address limit: `part` (0-based,
   * default 0) is the one to select. Null when there was nothing to select.
   */
  selectCells(sheet: string, addresses: string[], part?: number): Promise<SelectOutcome | null>;
  /**
   * Writes a formula skeleton such as "=GROWTH.ROI(" into the active cell; a cell that is not empty is left alone
   * (written: false, with its content) unless `overwrite`.
   */
  insertFormula(formula: string, options?: { overwrite?: boolean }): Promise<InsertResult>;
  /** True when the rows under the warning colours are not the rows they were set on (sorted, edited, deleted). */
  checkTable(): Promise<boolean>;
  /** True when the workbook holds flags that Clear would undo. */
  hasFlags(): Promise<boolean>;
  /**
   * Activates the report sheet (found by its marker, whatever it is called now) with A1 selected: the name, or null
   * when the workbook has no report (deleted since, or never flagged). Optional: hosts without it offer no link.
   */
  showReport?(): Promise<string | null>;
  /** What is selected now (null: nothing readable). */
  describeSelection(): Promise<SelectionInfo | null>;
  /** Calls `onChange` when the user selects other cells; returns a function that stops watching. */
  watchSelection(onChange: () => void): () => void;
}

export interface ClearOutcome {
  /** Cells our rules covered, plus cells whose previous-release fill was put back. */
  cells: number;
  /** Our conditional formats removed. */
  rules: number;
  /** Sheets deleted (each carried our marker). */
  deletedSheets: string[];
  /** What the user should know, one sentence each: sheets deleted, a damaged or dropped record, cells left. */
  notes: Bilingual[];
}

export interface SelectionInfo {
  sheet: string;
  /** A1 address of each area, comma-separated ("A1:I113" or "A1:B3,D1:D4"). */
  address: string;
  rows: number;
  columns: number;
  cells: number;
}

/** What "select these cells" selected: part `part` of `parts`, cells `from`–`to` of `total` (1-based), first…last. */
export interface SelectOutcome {
  part: number;
  parts: number;
  from: number;
  to: number;
  total: number;
  first: string;
  last: string;
}

export type InsertResult =
  | { written: true; sheet: string; address: string; formula: string; replaced?: string }
  | { written: false; sheet: string; address: string; current: string };
