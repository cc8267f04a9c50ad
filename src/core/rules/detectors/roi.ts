/**
 * Yellow (黄牌预警): ROI below the benchmark for `roiRunLength` consecutive periods or more colours every cell of
 * the run. Consecutive = exactly one step apart (1 day daily, 7 days weekly); a missing value or date breaks it.
 */
import * as format from "../../i18n/format";
import type { Bilingual } from "../../i18n/format";
import * as words from "../../i18n/rules";
import { lessThan } from "../compare";
import { atOf, type RuleInput } from "../detector";
import { forEachRun, hitBuffer } from "../runs";

const below = lessThan; // a local binding: module imports are getters in bundled code, too slow per row
// Local bindings: imported functions are getters in bundled and tsx-run code, slow when a reason is built per cell.
const formatNumber = format.formatNumber;
const describeRun = words.describeRun;

export interface RoiConfig {
  roiBenchmark: number;
  roiRunLength: number;
}

export function roiBelowBenchmark(input: RuleInput<RoiConfig>): void {
  const { table, column, config, sink } = input;
  const benchmark = config.roiBenchmark;
  const hitScratch = { data: new Uint8Array(0) };
  table.series.forEach((series, seriesIndex) => {
    const n = series.rows.length;
    const weekly = series.cadence === "weekly" || series.cadence === "irregular"; // irregular: runs need 7-day steps
    const values = column.series(series);
    const hit = hitBuffer(hitScratch, n);
    const order = series.order; // consecutive periods next to each other (see Series.order)
    for (let k = 0; k < n; k++) hit[k] = below(values[order[k]], benchmark) ? 1 : 0; // NaN (missing) is never below
    forEachRun(hit, series.linked, n, config.roiRunLength, (first, last) => {
      const span = { length: last - first + 1, from: atOf(series, order[first]), to: atOf(series, order[last]) };
      const run = describeRun(span, weekly, table.latestYear);
      for (let k = first; k <= last; k++) {
        const position = order[k];
        const value = values[position];
        sink.add({
          series: seriesIndex,
          position,
          value,
          threshold: benchmark,
          reason: roiReason(value, benchmark, run),
        });
      }
    });
  });
}

/** "ROI 1.21 < 1.5 for 4 days running (Mar 3 – 6)"; `run` from describeRun (weekly data counts weeks). */
export function roiReason(value: number, benchmark: number, run: Bilingual): Bilingual {
  const v = `ROI ${formatNumber(value)} < ${formatNumber(benchmark)}`;
  return { en: `${v} ${run.en}`, zh: `${v}，${run.zh}` };
}
