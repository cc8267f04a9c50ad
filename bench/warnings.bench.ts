/**
 * The labelled warnings benchmark (issues 12 §3 and 18 §3): generated channel reports with injected incidents, scored
 * per rule, data shape (daily/weekly, weekly rhythm none/mild/strong; repurchase channels with sampling noise, with
 * and without the buyer counts) and configuration. Prints precision of flagged periods, recall of incidents
 * (traffic: also of drops ≥ 30%, and of back-to-back drops ≥ 30%), false alarms per channel-year and, for the
 * weekly rules, false weeks per channel-year.
 * Run: npm run bench -- warnings   or   npx tsx bench/warnings.bench.ts
 */
import type { RuleId, RulesConfig } from "../src/core/rules/types";
import {
  generateReport,
  generateRepurchaseReport,
  repurchaseScenarios,
  scenarios,
  type RepurchaseSpec,
  type ScenarioSpec,
} from "./warnings/generate";
import { addScore, emptyScore, scoreReport, type Labelled, type RuleScore } from "./warnings/score";

interface Variant {
  label: string;
  config: Partial<RulesConfig>;
  /** The rules whose rows this variant prints (the ones its settings change). */
  rules: RuleId[];
  /** Whether it runs on the repurchase channels too. */
  repurchase: boolean;
}

const ALL_RULES: RuleId[] = [
  "traffic-drop",
  "complaint-rate-high",
  "roi-below-benchmark",
  "repurchase-declining",
  "ltv-cac-low",
];

/** The configurations compared; the last is every default. */
export const VARIANTS: Variant[] = [
  { label: "traffic previous", config: { trafficBaseline: "previous" }, rules: ["traffic-drop"], repurchase: false },
  {
    label: "traffic sameWeekday",
    config: { trafficBaseline: "sameWeekday" },
    rules: ["traffic-drop"],
    repurchase: false,
  },
  ...(["none", "drop"] as const).map((e): Variant => ({
    label: `repurchase ${e}`,
    config: { repurchaseEvidence: e } as Partial<RulesConfig>,
    rules: ["repurchase-declining"],
    repurchase: true,
  })),
  { label: "defaults", config: {}, rules: ALL_RULES, repurchase: true },
];

function shape(s: ScenarioSpec): string {
  return s.granularity === "weekly" ? "weekly" : `daily, ${s.seasonality} weekly rhythm`;
}

function repurchaseShape(s: RepurchaseSpec): string {
  return `repurchase ${s.granularity}, ${s.counts ? "with counts" : "rates only"}`;
}

function pct(a: number, b: number): string {
  return b === 0 ? "–" : `${((100 * a) / b).toFixed(0)}%`;
}

const WEEKLY_RULES: RuleId[] = ["repurchase-declining", "ltv-cac-low"];

export async function run(): Promise<void> {
  const specs = scenarios();
  const reports: [string, Labelled][] = specs.map((s) => [shape(s), generateReport(s)]);
  const rspecs = repurchaseScenarios();
  const rreports: [string, Labelled][] = rspecs.map((s) => [repurchaseShape(s), generateRepurchaseReport(s)]);
  const all = [...reports, ...rreports];
  const channels = [...specs, ...rspecs].reduce((a, s) => a + s.channels, 0);
  const years = all.reduce((a, [, r]) => a + r.channelYears, 0);
  const incidents = all.reduce((a, [, r]) => a + r.incidents.length, 0);
  console.log(`${all.length} reports, ${channels} channels, ${years.toFixed(1)} channel-years, ${incidents} incidents`);
  const lines: string[][] = [
    [
      "config",
      "data",
      "rule",
      "precision",
      "recall",
      "recall ≥30%",
      "b2b ≥30%",
      "false alarms/ch-yr",
      "false weeks/ch-yr",
    ],
  ];
  for (const variant of VARIANTS) {
    const totals = new Map<string, Map<RuleId, RuleScore>>();
    for (const [key, report] of variant.repurchase ? all : reports) {
      const byRule = totals.get(key) ?? new Map<RuleId, RuleScore>();
      totals.set(key, byRule);
      const scores = scoreReport(report, variant.config);
      for (const rule of variant.rules) {
        const t = byRule.get(rule) ?? emptyScore();
        addScore(t, scores[rule]);
        byRule.set(rule, t);
      }
    }
    // Every shape together, per rule.
    const overall = new Map<RuleId, RuleScore>();
    for (const [key, byRule] of totals)
      for (const rule of variant.rules) {
        if (key.startsWith("repurchase") && rule !== "repurchase-declining") continue;
        const t = overall.get(rule) ?? emptyScore();
        addScore(t, byRule.get(rule)!);
        overall.set(rule, t);
      }
    totals.set("all", overall);
    for (const [key, byRule] of totals)
      for (const rule of variant.rules) {
        // The repurchase channels carry no other metric.
        if (key.startsWith("repurchase") && rule !== "repurchase-declining") continue;
        const s = byRule.get(rule)!;
        const traffic = rule === "traffic-drop";
        lines.push([
          variant.label,
          key,
          rule,
          pct(s.truePositives, s.flagged),
          pct(s.detected, s.incidents),
          traffic ? pct(s.bigDetected ?? 0, s.bigDrops ?? 0) : "",
          traffic ? pct(s.backToBackDetected ?? 0, s.backToBack ?? 0) : "",
          (s.falseAlarms / s.channelYears).toFixed(1),
          WEEKLY_RULES.includes(rule) ? (s.falseWeeks / s.channelYears).toFixed(1) : "",
        ]);
      }
  }
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  for (const l of lines) console.log(l.map((v, c) => v.padEnd(widths[c])).join("  "));
}

if (require.main === module) void run();
