/**
 * The labelled warnings benchmark (issue 12 §3): generated channel reports with injected incidents, scored per
 * rule, data shape (daily/weekly, weekly rhythm none/mild/strong) and configuration. Prints precision of flagged
 * periods, recall of incidents (traffic: also of drops ≥ 30%) and false alarms per channel-year.
 * Run: npm run bench -- warnings   or   npx tsx bench/warnings.bench.ts
 */
import type { RuleId, RulesConfig } from "../src/core/rules/types";
import { generateReport, scenarios, type ScenarioSpec } from "./warnings/generate";
import { addScore, emptyScore, scoreReport, type RuleScore } from "./warnings/score";

/** The configurations compared; the first is the seed's rules as shipped. */
export const VARIANTS: { label: string; config: Partial<RulesConfig> }[] = [
  { label: "previous", config: { trafficBaseline: "previous" } },
  { label: "sameWeekday", config: { trafficBaseline: "sameWeekday" } },
  { label: "auto (default)", config: { trafficBaseline: "auto" } },
];

const RULES: RuleId[] = [
  "traffic-drop",
  "complaint-rate-high",
  "roi-below-benchmark",
  "repurchase-declining",
  "ltv-cac-low",
];

function shape(s: ScenarioSpec): string {
  return s.granularity === "weekly" ? "weekly" : `daily, ${s.seasonality} weekly rhythm`;
}

function pct(a: number, b: number): string {
  return b === 0 ? "–" : `${((100 * a) / b).toFixed(0)}%`;
}

export async function run(): Promise<void> {
  const specs = scenarios();
  const reports = specs.map(generateReport);
  const channels = specs.reduce((a, s) => a + s.channels, 0);
  const years = reports.reduce((a, r) => a + r.channelYears, 0);
  const incidents = reports.reduce((a, r) => a + r.incidents.length, 0);
  console.log(
    `${specs.length} reports, ${channels} channels, ${years.toFixed(1)} channel-years, ${incidents} incidents`,
  );
  const lines: string[][] = [["config", "data", "rule", "precision", "recall", "recall ≥30%", "false alarms/ch-yr"]];
  for (const variant of VARIANTS) {
    const totals = new Map<string, Map<RuleId, RuleScore>>();
    for (const report of reports) {
      const key = shape(report.spec);
      const byRule = totals.get(key) ?? new Map<RuleId, RuleScore>();
      totals.set(key, byRule);
      const scores = scoreReport(report, variant.config);
      for (const rule of RULES) {
        const t = byRule.get(rule) ?? emptyScore();
        addScore(t, scores[rule]);
        byRule.set(rule, t);
      }
    }
    const last = variant === VARIANTS[VARIANTS.length - 1];
    for (const [key, byRule] of totals)
      for (const rule of RULES) {
        // Only the traffic rule reads the baseline: the other rules are printed once.
        if (rule !== "traffic-drop" && !last) continue;
        const s = byRule.get(rule)!;
        lines.push([
          variant.label,
          key,
          rule,
          pct(s.truePositives, s.flagged),
          pct(s.detected, s.incidents),
          rule === "traffic-drop" ? pct(s.bigDetected ?? 0, s.bigDrops ?? 0) : "",
          (s.falseAlarms / s.channelYears).toFixed(1),
        ]);
      }
  }
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  for (const l of lines) console.log(l.map((v, c) => v.padEnd(widths[c])).join("  "));
}

if (require.main === module) void run();
