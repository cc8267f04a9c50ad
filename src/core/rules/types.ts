/**
 * The contract of the rules engine: plain records that every host (task pane, CLI) renders its own way.
 * Rows and columns are 0-based indexes into the table's data rows (header excluded) and columns.
 */
import type { WarningColour } from "../colours";
import type { Bilingual } from "../i18n/format";
import type { ColumnMapping, MetricKey } from "../table/types";
import type { DerivedColumns } from "../table/derived";
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
  /**
   * First to last period in words, in each language's one date style: "Apr 6 – 26", "Dec 29, 2025 – Jan 4, 2026",
   * "rows 4–6" / "4月6日至26日" (the year where it is not the table's latest; i18n/dates.ts).
   */
  periodText: Bilingual;
  /** The channel's most recent numeric value of the metric (by date), flagged or not. */
  latestValue: number | null;
  threshold: number;
  action: Bilingual;
  /** Data-row indexes of the flagged cells, for "select these cells". */
  rows: number[];
  col: number;
  /** What fired: the flagged values with their periods, the cells and the threshold (issue 10 §1). */
  evidence: FindingEvidence;
}

/** One value that fired a rule, in its period. */
export interface EvidenceValue {
  /** ISO date "YYYY-MM-DD" (a weekly mean: the week's Monday), or "row N" without a date column. */
  period: string;
  /** The value the rule compared: the cell's, or for the weekly rules the week's (the mean of its days). */
  value: number;
  /** The limit it was compared with (see Flag.threshold). */
  threshold: number;
  /** Traffic: the baseline mean it fell below; repurchase: the week before's value. */
  baseline?: number;
}

export interface FindingEvidence {
  /** The values that fired, oldest first: every cell of a run, one entry per week for the weekly rules. */
  values: EvidenceValue[];
  /** "day" (or a row of an undated table), "week" (weekly rows, or weekly means of daily data): the values' periods. */
  periods: "day" | "week" | "row";
  /** True when the values are weekly means of daily data. */
  weeklyMean: boolean;
  /** The flagged cells as A1 ranges on the sheet (RunOptions.placement), else with the table's header as row 1. */
  cells: string[];
  /** One range from the first to the last flagged cell (what a link selects). */
  range: string;
  /** All of it in words: "ROI 1.2, 1.25, 1.3 on Mar 12 – 14, below 1.5". */
  text: Bilingual;
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
  | "formulas-without-values"
  /** Totals rows ("Total: Account", 合计) were left out of every rule; `rows` spans them. */
  | "totals-rows"
  /** Negative traffic, ROI or cost values were not read. */
  | "negative-values"
  /** A metric was derived from two columns (ROI = revenue ÷ cost). */
  | "derived-metric";

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
  /** Metrics derived from two columns (ROI = revenue ÷ cost): their numerator and denominator columns. */
  derived?: Partial<Record<MetricKey, DerivedColumns>>;
  /** The earliest date (ISO) of the rows the rules read; absent without a date column. */
  firstPeriod?: string;
  /** What was checked (issue 17 §3): every rule of the run, on which column, or why it could not run. */
  checks?: RuleCheck[];
  /**
   * The year of the table's latest date (NaN without dates): the year dates of the run are written without (i18n/
   * dates.ts), for hosts that write periods of their own (the report's chart labels).
   */
  latestYear?: number;
}

/** One rule of a run: the column it read and how that column was chosen, or that it had none. */
export interface RuleCheck {
  ruleId: RuleId;
  metric: MetricKey;
  ran: boolean;
  /** found: recognised by its header; mapped: chosen by the user; derived: computed from two columns. */
  source?: "found" | "mapped" | "derived";
  /** The column read (a derived metric: its numerator's), 0-based in the table. */
  col?: number;
  /** Where it is on the sheet: "G" (or "E ÷ D" for a derived metric), with the placement's offset. */
  columns?: string;
  /** Its header ("Conv. value / cost"; a derived metric: "Conv. value ÷ Cost"). */
  header?: string;
  parts?: DerivedColumns;
}
