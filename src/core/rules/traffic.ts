/**
 * Orange (流量下降超30%): traffic below (1 − trafficDropRatio) × the mean of the channel's previous up to
 * `trafficWindow` numeric traffic values, in date order (missing values skipped, earlier drops included).
 * The first numeric value of a channel has nothing to compare with.
 */
import { trafficReason } from "../i18n/rules";
import { lessThan } from "./compare";
import { atOf, type RuleInput } from "./context";

const below = lessThan; // a local binding: module imports are getters in bundled code, too slow per row

export function trafficDrop(input: RuleInput): void {
  const { table, column, config, sink } = input;
  const window = config.trafficWindow;
  const keep = 1 - config.trafficDropRatio;
  const ring = new Float64Array(window);
  table.series.forEach((s, si) => {
    const n = s.rows.length;
    const vs = column.series(s);
    let count = 0; // numeric values seen so far in this channel
    let next = 0; // ring slot for the next value
    for (let p = 0; p < n; p++) {
      const v = vs[p];
      if (v !== v) continue; // NaN: missing
      const k = count < window ? count : window;
      if (k > 0) {
        // mean of the previous k numeric values: μ = Σ ring / k (summed afresh: no drift over a long series)
        let sum = 0;
        for (let j = 0; j < k; j++) sum += ring[j];
        const mean = sum / k;
        const limit = keep * mean;
        if (below(v, limit)) {
          const reason = trafficReason(v, mean, k, config.trafficDropRatio, atOf(s, p));
          sink.add(input, si, p, "traffic-drop", v, limit, reason);
        }
      }
      ring[next] = v;
      next = next + 1 === window ? 0 : next + 1;
      count++;
    }
  });
}
