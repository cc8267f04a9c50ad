/**
 * Metrics a table does not hold but whose parts it does (issue 17 §2):
 *
 *   ROI             = revenue ÷ cost           (Conv. value ÷ Cost, 成交金额 ÷ 消耗)
 *   complaint rate  = complaints ÷ orders
 *   repurchase rate = repeat buyers ÷ buyers
 *
 * A metric is derived only when no column holds it and both parts have a column. The cell coloured is the
 * numerator's (the revenue of a day whose ROI is low).
 */
import type { ColumnMapping, ColumnRole, MetricKey } from "./types";

export interface Derivation {
  metric: MetricKey;
  numerator: ColumnRole;
  denominator: ColumnRole;
}

export const DERIVATIONS: readonly Derivation[] = [
  { metric: "roi", numerator: "revenue", denominator: "cost" },
  { metric: "complaintRate", numerator: "complaints", denominator: "orders" },
  { metric: "repurchaseRate", numerator: "repeatBuyers", denominator: "buyers" },
];

/** The columns of a derived metric. */
export interface DerivedColumns {
  numerator: number;
  denominator: number;
}

/** The metrics `mapping` derives: no column of their own, both parts mapped to two different columns. */
export function derivedMetrics(mapping: ColumnMapping): Partial<Record<MetricKey, DerivedColumns>> {
  const out: Partial<Record<MetricKey, DerivedColumns>> = {};
  for (const d of DERIVATIONS) {
    const a = mapping[d.numerator];
    const b = mapping[d.denominator];
    if (mapping[d.metric] === undefined && a !== undefined && b !== undefined && a !== b)
      out[d.metric] = { numerator: a, denominator: b };
  }
  return out;
}

/** The derivation of a metric, or undefined for a metric no parts derive. */
export function derivationOf(metric: MetricKey): Derivation | undefined {
  return DERIVATIONS.find((d) => d.metric === metric);
}
