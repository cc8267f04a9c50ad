// Multiple-comparison adjustments of m p-values, exactly as R's stats::p.adjust defines them (R ≥ 2.x, p.adjust.R):
//   bonferroni  min(1, m·p)
//   holm        step-down: sorted ascending, cummax((m − i + 1)·p₍ᵢ₎), capped at 1        (Holm 1979)
//   hochberg    step-up: sorted descending, cummin((m − i + 1)·p₍ᵢ₎), capped at 1        (Hochberg 1988)
//   BH          step-up: sorted descending, cummin(m/i · p₍ᵢ₎), capped at 1              (Benjamini & Hochberg 1995)
// i is the rank in ascending order. Ties keep their input order (R's order() is stable), which gives equal values.

export type PAdjustMethod = "holm" | "hochberg" | "bh" | "bonferroni";

/**
 * Adjusted p-values in the input order.
 * @example pAdjust([0.01, 0.02, 0.03, 0.04, 0.05], "holm") // [0.05, 0.08, 0.09, 0.09, 0.09] (R p.adjust)
 */
export function pAdjust(p: readonly number[], method: PAdjustMethod): number[] {
  const m = p.length;
  if (method === "bonferroni") return p.map((x) => Math.min(1, m * x));
  const order = p.map((_, i) => i).sort((i, j) => p[i] - p[j] || i - j);
  const out = new Array<number>(m);
  if (method === "holm") {
    let running = 0;
    order.forEach((idx, k) => {
      running = Math.max(running, (m - k) * p[idx]);
      out[idx] = Math.min(1, running);
    });
    return out;
  }
  let running = Infinity;
  for (let k = m - 1; k >= 0; k--) {
    const idx = order[k];
    const factor = method === "hochberg" ? m - k : m / (k + 1);
    running = Math.min(running, factor * p[idx]);
    out[idx] = Math.min(1, running);
  }
  return out;
}
