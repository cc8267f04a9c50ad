/**
 * Scores the warning rules on generated reports with labelled incidents (issue 12 §3).
 * - Precision: flagged periods (rows) of a rule that lie in an incident of its kind ÷ all its flagged periods.
 * - Recall: incidents with at least one flagged period ÷ incidents (traffic: also for drops of 30% or more alone,
 *   the size the seed's "流量下降超30%" promises to catch).
 * - False alarms per channel-year: flagged periods outside every incident of the rule's kind ÷ channel-years; for
 *   the weekly rules also false weeks (a week with any falsely flagged period, Monday to Sunday) ÷ channel-years.
 * - Traffic: recall of the back-to-back drops (the second of two close together) of 30% or more on their own.
 */
import { DEFAULT_CONFIG } from "../../src/core/rules/config";
import { runRules } from "../../src/core/rules/engine";
import type { RuleId, RulesConfig } from "../../src/core/rules/types";
import type { Incident, IncidentKind } from "./generate";

/** What a scored report needs: a generated table with its labelled incidents. */
export interface Labelled {
  header: string[];
  rows: (string | number)[][];
  incidents: Incident[];
  channelYears: number;
}

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
  /** Traffic only: back-to-back drops of 30% or more, and how many were caught. */
  backToBack?: number;
  backToBackDetected?: number;
  falseAlarms: number;
  /** Distinct channel weeks with a false alarm. */
  falseWeeks: number;
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
    backToBack: 0,
    backToBackDetected: 0,
    falseAlarms: 0,
    falseWeeks: 0,
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
  into.backToBack = (into.backToBack ?? 0) + (s.backToBack ?? 0);
  into.backToBackDetected = (into.backToBackDetected ?? 0) + (s.backToBackDetected ?? 0);
  into.falseAlarms += s.falseAlarms;
  into.falseWeeks += s.falseWeeks;
  into.channelYears += s.channelYears;
}

/** Runs the rules on a report with `config` (partial: the rest default) and scores every rule. */
export function scoreReport(report: Labelled, config: Partial<RulesConfig> = {}): Record<RuleId, RuleScore> {
  const result = runRules({ header: report.header, rows: report.rows }, { config: { ...DEFAULT_CONFIG, ...config } });
  const out = {} as Record<RuleId, RuleScore>;
  const present = new Set(report.rows.map((r) => `${r[1]}|${r[0]}`));
  for (const [ruleId, kind] of Object.entries(KIND_OF_RULE) as [RuleId, IncidentKind][]) {
    const labelled = new Map<string, number>(); // channel|date → incident index
    // An incident whose rows all went missing cannot be seen: it is not counted.
    const incidents = report.incidents.filter(
      (i) => i.kind === kind && i.periods.some((d) => present.has(`${i.channel}|${d}`)),
    );
    incidents.forEach((inc, n) => {
      for (const d of inc.periods) labelled.set(`${inc.channel}|${d}`, n);
    });
    const flagged = new Set<string>();
    for (const f of result.flags) if (f.ruleId === ruleId) flagged.add(`${f.channel}|${f.period}`);
    const detected = new Set<number>();
    let truePositives = 0;
    const falseWeeks = new Set<string>();
    for (const key of flagged) {
      const n = labelled.get(key);
      if (n === undefined) {
        const [channel, date] = key.split("|");
        falseWeeks.add(`${channel}|${isoWeek(date)}`);
        continue;
      }
      truePositives++;
      detected.add(n);
    }
    const big = incidents.map((inc, n) => [inc, n] as const).filter(([inc]) => (inc.size ?? 0) >= 0.3);
    const traffic = kind === "traffic-drop";
    const b2b = big.filter(([inc]) => inc.backToBack === true);
    out[ruleId] = {
      flagged: flagged.size,
      truePositives,
      incidents: incidents.length,
      detected: detected.size,
      bigDrops: kind === "traffic-drop" ? big.length : 0,
      bigDetected: kind === "traffic-drop" ? big.filter(([, n]) => detected.has(n)).length : 0,
      backToBack: traffic ? b2b.length : 0,
      backToBackDetected: traffic ? b2b.filter(([, n]) => detected.has(n)).length : 0,
      falseAlarms: flagged.size - truePositives,
      falseWeeks: falseWeeks.size,
      channelYears: report.channelYears,
    };
  }
  return out;
}

/** The ISO week (Monday to Sunday) of a "YYYY-MM-DD" date, as a number: ⌊(epoch day + 3) ÷ 7⌋. */
function isoWeek(date: string): number {
  return Math.floor((Date.parse(`${date}T00:00:00Z`) / 86_400_000 + 3) / 7);
}
