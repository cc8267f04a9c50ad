/**
 * Yellow (黄牌预警): ROI below the benchmark for `roiRunLength` consecutive periods or more colours every cell of
 * the run. Consecutive = exactly one step apart (1 day daily, 7 days weekly); a missing value or date breaks it.
 */
import { roiReason } from "../i18n/rules";
import { lessThan } from "./compare";
import { atOf, linkedAt, type RuleInput } from "./context";
import { forEachRun } from "./runs";

export function roiBelowBenchmark(input: RuleInput): void {
  const { table, values, config, sink } = input;
  const bench = config.roiBenchmark;
  table.series.forEach((s, si) => {
    if (s.cadence === "irregular") return;
    const rows = s.rows;
    forEachRun(
      rows.length,
      (p) => lessThan(values[rows[p]], bench), // NaN (missing) is never below
      (p) => linkedAt(table, s, p),
      config.roiRunLength,
      (first, last) => {
        const span = { length: last - first + 1, from: atOf(table, s, first), to: atOf(table, s, last) };
        for (let p = first; p <= last; p++) {
          const v = values[rows[p]];
          sink.add(input, si, p, "roi-below-benchmark", v, bench, roiReason(v, bench, span));
        }
      },
    );
  });
}
