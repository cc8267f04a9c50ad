/**
 * The contract of the rules engine: plain records that every host (task pane, CLI) renders its own way.
 * Rows and columns are 0-based indexes into the table's data rows (header excluded) and columns.
 */
import type { WarningColour } from "../colours";
import type { Bilingual } from "../i18n/format";
import type { ColumnMapping, MetricKey } from "../table/types";
import type { ConfigChoices, ConfigFieldName, RuleId } from "./catalog";

export type { Bilingual } from "../i18n/format";
export type { CellValue, ColumnMapping, ColumnRole, MetricKey, Table } from "../table/types";
export { COLUMN_ROLES, METRIC_KEYS } from "../table/types";
export type { RuleId } from "./catalog";
export { RULE_IDS } from "./catalog";

/**
 * Every threshold and colour, all editable; the defaults are the seed article's. Saved in the workbook. The numeric
 * settings are the catalogue's fields (rules/catalog.ts: name, default, bounds, unit per rule).
 */
export type RulesConfig = Record<ConfigFieldName, number> &
  ConfigChoices & {
    /** Solid fills, "#RRGGBB". */
    fills: Record<WarningColour, string>;
  };

export interface Flag {
  row: number;
  col: number;
  colour: WarningColour;
  ruleId: RuleId;
  channel: string;
  /** ISO date "YYYY-MM-DD" of the row, or "row N" (1-based data row) when the table has no date column. */
  period: string;
  value: number;
  threshold: number;
  reason: Bilingual;
}

/** One coloured cell: the most severe colour among the flags on it. */
export interface CellFlag {
  row: number;
  col: number;
  colour: WarningColour;
  ruleIds: RuleId[];
}

/** One line of the weak-channel summary: a channel × rule that fired. */
export interface ChannelFinding {
  channel: string;
  ruleId: RuleId;
  colour: WarningColour;
  /** Number of distinct periods (rows) flagged. */
  periodsFlagged: number;
  firstPeriod: string;
  lastPeriod: string;
  /** The channel's most recent numeric value of the metric (by date), flagged or not. */
  latestValue: number | null;
  threshold: number;
  action: Bilingual;
  /** Data-row indexes of the flagged cells, for "select these cells". */
  rows: number[];
  col: number;
}

export type WarningCode =
  | "percent-column"
  | "run-rules-need-daily-or-weekly"
  | "skipped-rows"
  | "no-metric-column"
  /** Dates written without a year ("1月5日", "第2周", "Jan 5") were given one. */
  | "year-assumed"
  /** A metric column holds text that is not a number; `col` and `rows` say where. */
  | "unreadable-text"
  /** What table detection assumed (findTable's assumptions: a header skipped, a two-row header). */
  | "table-assumed"
  /** A metric column holds formulas whose results were never calculated and stored (openpyxl, pandas). */
  | "formulas-without-values";

export interface EngineWarning {
  code: WarningCode;
  message: Bilingual;
  /** The table column (0-based) the warning is about, when it is about one. */
  col?: number;
  /** Data rows (0-based, header excluded) it is about: the first and last, inclusive. */
  rows?: { first: number; last: number };
  /** How many cells. */
  count?: number;
}

export interface RulesResult {
  mapping: ColumnMapping;
  flags: Flag[];
  cells: CellFlag[];
  findings: ChannelFinding[];
  warnings: EngineWarning[];
  /** Rows left out because the table has a date column and the row has no readable date. */
  skippedRows: number;
  /** Rate columns read as percentages (a number above 1 was found in them). */
  percentColumns: MetricKey[];
}
