/**
 * Yellow (黄牌预警): ROI below the benchmark for `roiRunLength` consecutive periods or more colours every cell of
 * the run. Consecutive = exactly one step apart (1 day daily, 7 days weekly); a missing value or date breaks it.
 */
import { describeRun, roiReason } from "../i18n/rules";
import { lessThan } from "./compare";
import { atOf, type RuleInput } from "./context";
import { forEachRun, hitBuffer } from "./runs";

const below = lessThan; // a local binding: module imports are getters in bundled code, too slow per row

export function roiBelowBenchmark(input: RuleInput): void {
  const { table, column, config, sink } = input;
  const bench = config.roiBenchmark;
  const hbuf = { data: new Uint8Array(0) };
  table.series.forEach((s, si) => {
    const n = s.rows.length;
    const weekly = s.cadence === "weekly" || s.cadence === "irregular"; // irregular: weekly, runs need 7-day steps
    const v = column.series(s);
    const hit = hitBuffer(hbuf, n);
    // weekly data on several weekdays: walk rows 7 days apart (see Series.chain); otherwise date order
    const chain = s.chain;
    const at = (k: number) => (chain === null ? k : chain[k]);
    for (let k = 0; k < n; k++) hit[k] = below(v[at(k)], bench) ? 1 : 0; // NaN (missing) is never below
    forEachRun(hit, s.chainLinked ?? s.linked, n, config.roiRunLength, (first, last) => {
      const run = describeRun({ length: last - first + 1, from: atOf(s, at(first)), to: atOf(s, at(last)) }, weekly);
      for (let k = first; k <= last; k++) {
        const p = at(k);
        sink.add(input, si, p, "roi-below-benchmark", v[p], bench, roiReason(v[p], bench, run));
      }
    });
  });
}
