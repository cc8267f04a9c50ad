// Per-function accuracy against the committed reference values (tests/functions/referenceValues*.ts): cases and max
// relative error per A/B function and PADJUST, for the closing note of issue 16. Run: npx tsx scripts/accuracy-table.ts
import { F, relativeError } from "../tests/functions/helpers";
import { REFERENCE_VALUES } from "../tests/functions/referenceValues";
import { OPTIONS_REFERENCE_VALUES } from "../tests/functions/referenceValuesOptions";
import { BAYES, BAYES_LARGE, GB_CI, PADJUST_R, PROB_BEAT, SEQ } from "../tests/functions/referenceValuesBayes";
import { BAYES16 } from "../tests/functions/referenceValuesBayes16";
import * as Cf from "../tests/functions/referenceValuesBayes16Cf";
import { pAdjust } from "../src/core/stats/pAdjust";
import { twoProportionSampleSize } from "../src/core/stats/sampleSize";
import { loadTTest } from "../src/functions/tTestLoader";

async function main(): Promise<void> {
  await loadTTest(); // ABTEST_TTEST's statistics load on demand (a Promise on the first call)

  const stats = new Map<string, { n: number; max: number; sources: Set<string> }>();
  const add = (fn: string, err: number, source: string) => {
    const s = stats.get(fn) ?? { n: 0, max: 0, sources: new Set<string>() };
    s.n += 1;
    s.max = Math.max(s.max, err);
    s.sources.add(source);
    stats.set(fn, s);
  };
  const cell = (t: unknown, r: number, c: number) => (t as unknown[][])[r][c] as number;
  const METHODS = ["pooled", "unpooled"];
  const REF: Record<string, [string, (...a: number[]) => unknown]> = {
    abTestSig: ["ABTEST_SIG", (nc, xc, nv, xv, tails) => F.ABTEST_SIG(nc, xc, nv, xv, tails)],
    abTestTTest: ["ABTEST_TTEST", F.ABTEST_TTEST as (...a: number[]) => unknown],
    abTestSrm: ["ABTEST_SRM", F.ABTEST_SRM as (...a: number[]) => unknown],
    summaryScoreLow: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, 2, conf), 1, 4),
    ],
    summaryScoreHigh: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, 2, conf), 1, 5),
    ],
    summaryScoreLowOneSided: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, 1, conf), 1, 4),
    ],
    summaryWaldLow: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, 2, conf, "unpooled"), 1, 4),
    ],
    summaryWaldHigh: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, 2, conf, "unpooled"), 1, 5),
    ],
    sigContinuity: ["ABTEST_SIG", (nc, xc, nv, xv, tails) => F.ABTEST_SIG(nc, xc, nv, xv, tails, "pooled", true)],
    sigScoreNull: ["ABTEST_SIG", (nc, xc, nv, xv, tails, d) => F.ABTEST_SIG(nc, xc, nv, xv, tails, "pooled", false, d)],
    sigWaldNull: [
      "ABTEST_SIG",
      (nc, xc, nv, xv, tails, d) => F.ABTEST_SIG(nc, xc, nv, xv, tails, "unpooled", false, d),
    ],
    sigAllOptions: [
      "ABTEST_SIG",
      (nc, xc, nv, xv, tails, m, d) => F.ABTEST_SIG(nc, xc, nv, xv, tails, METHODS[m], true, d),
    ],
    summaryUnpooledCcLow: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, 2, conf, "unpooled", true), 1, 4),
    ],
    summaryUnpooledCcHigh: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, 2, conf, "unpooled", true), 1, 5),
    ],
    summaryUnpooledCcLowOneSided: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, 1, conf, "unpooled", true), 1, 4),
    ],
    summaryPooledCcLow: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf, tails) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, tails, conf, "pooled", true), 1, 4),
    ],
    summaryPooledCcHigh: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf, tails) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, tails, conf, "pooled", true), 1, 5),
    ],
    summaryRelativeLow: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, 2, conf), 1, 9),
    ],
    summaryRelativeHigh: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, 2, conf), 1, 10),
    ],
    summaryRelativeLowOneSided: [
      "ABTEST_SUMMARY",
      (nc, xc, nv, xv, conf) => cell(F.ABTEST_SUMMARY(nc, xc, nv, xv, 1, conf), 1, 9),
    ],
    tTest: [
      "ABTEST_TTEST",
      (mc, sc, nc, mv, sv, nv, tails, equal, d) => F.ABTEST_TTEST(mc, sc, nc, mv, sv, nv, tails, equal === 1, d),
    ],
    sampleSizeExact: [
      "ABTEST_SAMPLESIZE",
      (p1, mde, alpha, power, tails, ratio) =>
        twoProportionSampleSize(p1, mde, alpha, power, tails as 1 | 2, ratio).exact,
    ],
    power: ["ABTEST_POWER", (p1, mde, n, alpha, tails, ratio) => F.ABTEST_POWER(p1, mde, n, alpha, tails, ratio)],
    mde: ["ABTEST_MDE", (p1, n, alpha, power, tails, ratio) => F.ABTEST_MDE(p1, n, alpha, power, tails, ratio)],
    srmK: ["ABTEST_SRM", (...counts) => F.ABTEST_SRM([counts])],
    srmKShares: [
      "ABTEST_SRM",
      (...a) => F.ABTEST_SRM([a.slice(0, a.length / 2)], null as unknown as number, [a.slice(a.length / 2)]),
    ],
  };
  for (const c of REFERENCE_VALUES) {
    const r = REF[c.fn];
    if (!r || c.expected === 0) continue;
    add(
      r[0],
      relativeError(r[1](...(c.args as number[])) as number, c.expected),
      "mpmath 60 digits (reference_values.py)",
    );
  }
  for (const c of OPTIONS_REFERENCE_VALUES) {
    const r = REF[c.fn];
    if (!r) continue;
    add(r[0], relativeError(r[1](...(c.args as number[])) as number, c.expected), c.source);
  }
  for (const c of PROB_BEAT)
    add(
      "ABTEST_PROB_BEAT",
      relativeError(F.ABTEST_PROB_BEAT(...(c.args as [number, number, number, number])) as number, c.expected),
      "Evan Miller sum, mpmath 50 digits",
    );
  for (const c of [...BAYES, ...BAYES_LARGE]) {
    const row = (F.ABTEST_BAYES(...(c.args as [number, number, number, number])) as unknown[][])[1];
    add(
      "ABTEST_BAYES",
      Math.max(...c.expected.map((e, i) => relativeError(row[i] as number, e))),
      "mpmath posterior integrals / 50-digit shifted-Beta sums",
    );
  }
  for (const c of GB_CI) {
    const row = (F.ABTEST_BAYES(...(c.args as [number, number, number, number])) as unknown[][])[1];
    add(
      "ABTEST_BAYES (credible interval)",
      Math.max(relativeError(row[4] as number, c.expected[0]), relativeError(row[5] as number, c.expected[1])),
      "GrowthBook normal interval, delta-method gradient by mpmath.diff",
    );
  }
  for (const c of SEQ) {
    const t = F.ABTEST_SEQ(...(c.args as [number, number, number, number, number, number])) as unknown[][];
    let e = 0;
    c.expected.forEach((row, r) =>
      row.forEach((v, k) => (e = Math.max(e, relativeError(t[r + 1][k + 1] as number, v)))),
    );
    add("ABTEST_SEQ", e, "mixture e-value by mpmath.quad, sequence ends by root finding");
  }
  for (const c of PADJUST_R) {
    const a = pAdjust(c.p, c.method.toLowerCase() as "holm");
    add("PADJUST", Math.max(...a.map((v, i) => relativeError(v, c.expected[i]))), "R p.adjust");
  }
  type B = { args: number[]; win: number; gain: number | null; loss: number };
  const bayes16 = (c: B, tag: string, src: string) => {
    const [nc, xc, nv, xv, a0, b0] = c.args;
    add(`ABTEST_PROB_BEAT ${tag}`, relativeError(F.ABTEST_PROB_BEAT(nc, xc, nv, xv, a0, b0) as number, c.win), src);
    const row = (F.ABTEST_BAYES(nc, xc, nv, xv, 0.95, a0, b0) as unknown[][])[1];
    const errs = [relativeError(row[0] as number, c.win), relativeError(row[2] as number, c.loss)];
    if (c.gain !== null) errs.push(relativeError(row[1] as number, c.gain));
    add(`ABTEST_BAYES ${tag}`, Math.max(...errs), src);
  };
  for (const c of BAYES16) bayes16(c, "(fractional priors)", "mpmath.quad with mpmath.betainc tails / 60-digit sums");
  for (const c of Cf.BAYES16_TINY)
    bayes16(c, "(priors 0.001, 0.01)", "logit-space mpmath.quad, continued-fraction tails");
  for (const c of Cf.BAYES16_LARGE)
    bayes16(c, "(10⁹ to 2⁵² per arm)", "logit-space mpmath.quad, continued-fraction tails");
  for (const [fn, s] of [...stats].sort())
    console.log(`${fn} | ${s.n} | ${s.max.toExponential(2)} | ${[...s.sources].join("; ")}`);
}

void main();
