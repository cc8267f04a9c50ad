/**
 * The shape of a table as a host hands it to the core, and the column roles the rules read. A leaf module: the
 * parsers, the series and the rule detectors import these without reaching the rule catalogue.
 */

/** A raw cell as a host reads it: Excel serials and text stay as they are; the engine parses them. */
export type CellValue = string | number | boolean | Date | null | undefined;

export type MetricKey = "roi" | "complaintRate" | "repurchaseRate" | "ltvCac" | "traffic";
/**
 * Counts behind a rate: complaints of orders (the complaint rule's Wilson bound), repeat buyers of buyers (the
 * repurchase rate's parts).
 */
export type CountKey = "complaints" | "orders" | "buyers" | "repeatBuyers";
/** Amounts a metric is derived from: ROI = revenue ÷ cost. */
export type AmountKey = "revenue" | "cost";
export type ColumnRole = "date" | "channel" | MetricKey | CountKey | AmountKey;
export const METRIC_KEYS: readonly MetricKey[] = ["roi", "complaintRate", "repurchaseRate", "ltvCac", "traffic"];
export const COUNT_KEYS: readonly CountKey[] = ["complaints", "orders", "buyers", "repeatBuyers"];
export const AMOUNT_KEYS: readonly AmountKey[] = ["revenue", "cost"];
export const COLUMN_ROLES: readonly ColumnRole[] = ["date", "channel", ...METRIC_KEYS, ...COUNT_KEYS, ...AMOUNT_KEYS];

/** Role → column index in the table. A role that is absent has no column. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

export interface Table {
  header: CellValue[];
  rows: CellValue[][];
  /**
   * Per column, the number-format code of the column's data cells ("0.00%", "General"), when the host knows it.
   * A percent format on a rate column means its numbers are fractions (0.004 = 0.4%).
   */
  numberFormats?: (string | undefined)[];
}
