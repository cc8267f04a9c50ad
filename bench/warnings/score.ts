/**
 * Scores the warning rules on generated reports with labelled incidents (issue 12 §3).
 * - Precision: flagged periods (rows) of a rule that lie in an incident of its kind ÷ all its flagged periods.
 * - Recall: incidents with at least one flagged period ÷ incidents (traffic: also for drops of 30% or more alone,
 *   the size the seed's "流量下降超30%" promises to catch).
 * - False alarms per channel-year: flagged periods outside every incident of the rule's kind ÷ channel-years.
 */
import { DEFAULT_CONFIG } from "../../src/core/rules/config";
import { runRules } from "../../src/core/rules/engine";
import type { RuleId, RulesConfig } from "../../src/core/rules/types";
import type { IncidentKind, Report } from "./generate";

export const KIND_OF_RULE: Record<RuleId, IncidentKind> = {
  "traffic-drop": "traffic-drop",
  "complaint-rate-high": "complaint-spike",
  "roi-below-benchmark": "roi-run",
  "repurchase-declining": "repurchase-decline",
  "ltv-cac-low": "ltv-cac-dip",
};

export interface RuleScore {
  flagged: number;
  truePositives: number;
  incidents: number;
  detected: number;
  /** Traffic only: drops of 30% or more, and how many were caught. */
  bigDrops?: number;
  bigDetected?: number;
  falseAlarms: number;
  channelYears: number;
}

export function emptyScore(): RuleScore {
  return {
    flagged: 0,
    truePositives: 0,
    incidents: 0,
    detected: 0,
    bigDrops: 0,
    bigDetected: 0,
    falseAlarms: 0,
    channelYears: 0,
  };
}

export function addScore(into: RuleScore, s: RuleScore): void {
  into.flagged += s.flagged;
  into.truePositives += s.truePositives;
  into.incidents += s.incidents;
  into.detected += s.detected;
  into.bigDrops = (into.bigDrops ?? 0) + (s.bigDrops ?? 0);
  into.bigDetected = (into.bigDetected ?? 0) + (s.bigDetected ?? 0);
  into.falseAlarms += s.falseAlarms;
  into.channelYears += s.channelYears;
}

/** Runs the rules on a report with `config` (partial: the rest default) and scores every rule. */
export function scoreReport(report: Report, config: Partial<RulesConfig> = {}): Record<RuleId, RuleScore> {
  const result = runRules({ header: report.header, rows: report.rows }, { config: { ...DEFAULT_CONFIG, ...config } });
  const out = {} as Record<RuleId, RuleScore>;
  for (const [ruleId, kind] of Object.entries(KIND_OF_RULE) as [RuleId, IncidentKind][]) {
    const labelled = new Map<string, number>(); // channel|date → incident index
    const incidents = report.incidents.filter((i) => i.kind === kind);
    incidents.forEach((inc, n) => {
      for (const d of inc.periods) labelled.set(`${inc.channel}|${d}`, n);
    });
    const flagged = new Set<string>();
    for (const f of result.flags) if (f.ruleId === ruleId) flagged.add(`${f.channel}|${f.period}`);
    const detected = new Set<number>();
    let truePositives = 0;
    for (const key of flagged) {
      const n = labelled.get(key);
      if (n === undefined) continue;
      truePositives++;
      detected.add(n);
    }
    const big = incidents.map((inc, n) => [inc, n] as const).filter(([inc]) => (inc.size ?? 0) >= 0.3);
    out[ruleId] = {
      flagged: flagged.size,
      truePositives,
      incidents: incidents.length,
      detected: detected.size,
      bigDrops: kind === "traffic-drop" ? big.length : 0,
      bigDetected: kind === "traffic-drop" ? big.filter(([, n]) => detected.has(n)).length : 0,
      falseAlarms: flagged.size - truePositives,
      channelYears: report.channelYears,
    };
  }
  return out;
}
