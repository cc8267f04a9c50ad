/**
 * What changed since the last flag (issue 19): each finding of this flag marked new or continuing, and the previous
 * flag's findings that are gone (resolved). Pure; the CLI and the task pane both call it with the record the
 * previous flag left in the workbook's state (overlayState.ts `findings`).
 *
 * A finding's identity is sheet + rule + channel (the rule fixes the metric), and its runs: the stretches of
 * consecutive flagged periods its evidence lists (days, weeks, or rows of an undated table), each known by its first
 * and last period. Periods are dates, not rows, so a sort or inserted rows change nothing.
 * - A run of this flag is continuing when a run of the same sheet/rule/channel in the record overlaps it or ends at
 *   most one period before it starts (the run went on, or restarted the next period): a flag with another week of
 *   data extends a run and keeps it continuing.
 * - A finding is new when any of its runs is new (a fresh incident on a channel already flagged is news), else
 *   continuing.
 * - A remembered run that no run of this flag overlaps is resolved, when its sheet was flagged this time and the
 *   table still reaches back to it (a run that fell out of a rolling window is not "resolved", just gone).
 * - Records of sheets this flag did not check are kept as they were, for a later flag of those sheets.
 * The record is bounded: MAX_RECORDED_FINDINGS findings and MAX_RECORDED_RUNS runs, each finding's latest runs first
 * (older runs dropped are noted, and a run older than those kept counts as continuing).
 */
import { formatDay, formatPeriodRange } from "./i18n/dates";
import type { Bilingual, Lang } from "./i18n/format";
import type { RuleId } from "./rules/catalog";
import type { ChannelFinding, FindingEvidence } from "./rules/types";

/** At most this many findings remembered (sheet × rule × channel). */
export const MAX_RECORDED_FINDINGS = 1_000;
/** At most this many runs remembered over all findings (each ≤ 24 characters as stored). */
export const MAX_RECORDED_RUNS = 4_000;
/** A channel name is remembered (and compared) by its first this many characters. */
export const MAX_CHANNEL_KEY = 255;

/** One finding as the state remembers it. */
export interface FindingRecord {
  sheet: string;
  rule: RuleId;
  channel: string;
  /** Its runs, latest first: "2026-03-02/2026-03-08", "row 5/row 7", or one period ("2026-03-14"). */
  runs: string[];
  /** Older runs were flagged too but not kept (the record's bound). */
  earlier?: true;
}

export type ChangeMark = "new" | "continuing";

/** One run of a previous finding that this flag no longer finds. */
export interface ResolvedRun {
  sheet: string;
  rule: RuleId;
  channel: string;
  /** First and last period, as the evidence writes them ("2026-03-02", "row 5"). */
  first: string;
  last: string;
}

/** The findings of one flagged table (one per sheet). */
export interface FlaggedFindings {
  sheet: string;
  findings: readonly Pick<ChannelFinding, "ruleId" | "channel" | "evidence">[];
  /**
   * The table's first date (RulesResult.firstPeriod): a remembered run ending more than 6 days before it is out of
   * the table (a rolling window), not resolved.
   */
  firstPeriod?: string;
}

export interface FindingChanges {
  /** Per table, per finding (same order): its mark; null when there is no previous record to compare with. */
  marks: (ChangeMark | null)[][];
  /** The previous flag's runs gone now, in the record's order. */
  resolved: ResolvedRun[];
  counts: { new: number; continuing: number; resolved: number };
  /** False on a first flag (no record): nothing is marked. */
  compared: boolean;
}

/** What changed since the last flag, as the pane and the CLI show it: counts, and the previous flag's runs that are gone. */
export interface ChangesSinceLastFlag {
  /** False on a first flag (the workbook held no record of one): nothing is marked. */
  compared: boolean;
  /** When the previous flag ran (ISO timestamp), when known. */
  since?: string;
  counts: FindingChanges["counts"];
  /** The previous flag's runs that this flag no longer finds. */
  resolved: ResolvedRun[];
}

/** The changes a diff shows, dated by the previous flag's time (`flaggedAt`) when there was something to compare. */
export function changesSinceLastFlag(diff: FindingChanges, flaggedAt?: string): ChangesSinceLastFlag {
  const changes: ChangesSinceLastFlag = { compared: diff.compared, counts: diff.counts, resolved: diff.resolved };
  if (diff.compared && flaggedAt) changes.since = flaggedAt;
  return changes;
}

/** A period on a number line where consecutive days (or rows) are 1 apart; weeks are 7 apart (their Mondays). */
interface Point {
  kind: "day" | "row";
  t: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const ROW = /^row (\d{1,9})$/;

/** "2026-03-02" → its day number (days since 1970-01-01); "row 5" → 5; anything else null. */
export function periodPoint(period: string): Point | null {
  const d = ISO.exec(period);
  if (d) {
    const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    const back = new Date(ms);
    if (back.getUTCFullYear() !== Number(d[1]) || back.getUTCMonth() !== Number(d[2]) - 1) return null;
    return { kind: "day", t: Math.round(ms / 86_400_000) };
  }
  const r = ROW.exec(period);
  return r ? { kind: "row", t: Number(r[1]) } : null;
}

interface Run {
  first: string;
  last: string;
  a: Point;
  b: Point;
}

/** A stored run "first/last" (or one period) read back; null when it is not one. */
export function parseRun(text: string): Run | null {
  const slash = text.indexOf("/");
  const first = slash < 0 ? text : text.slice(0, slash);
  const last = slash < 0 ? text : text.slice(slash + 1);
  const a = periodPoint(first);
  const b = periodPoint(last);
  if (!a || !b || a.kind !== b.kind || b.t < a.t) return null;
  return { first, last, a, b };
}

function runText(r: { first: string; last: string }): string {
  return r.first === r.last ? r.first : `${r.first}/${r.last}`;
}

/** Periods between two consecutive values of the evidence: 7 days for weekly values, else 1. */
function stepOf(periods: FindingEvidence["periods"]): number {
  return periods === "week" ? 7 : 1;
}

/**
 * A finding's runs, oldest first: its evidence values split where the next period is not the one after (the same
 * stretches its evidence sentence names).
 */
export function findingRuns(evidence: Pick<FindingEvidence, "values" | "periods">): Run[] {
  const step = stepOf(evidence.periods);
  const out: Run[] = [];
  for (const v of evidence.values) {
    const p = periodPoint(v.period);
    if (!p) continue;
    const last = out[out.length - 1];
    if (last && last.b.kind === p.kind && p.t - last.b.t === step) {
      last.b = p;
      last.last = v.period;
    } else out.push({ first: v.period, last: v.period, a: p, b: p });
  }
  return out;
}

/** Two runs are the same incident when they overlap or one starts at most `step` periods after the other ends. */
function touches(x: Run, y: Run, step: number): boolean {
  return x.a.kind === y.a.kind && x.a.t <= y.b.t + step && y.a.t <= x.b.t + step;
}

/** Excel's sheet names are unique without regard to case. */
const sheetKey = (s: string) => s.toLowerCase();
const channelKey = (c: string) => c.slice(0, MAX_CHANNEL_KEY);
const keyOf = (sheet: string, rule: string, channel: string) =>
  `${sheetKey(sheet)}\u0000${rule}\u0000${channelKey(channel)}`;

interface Remembered {
  record: FindingRecord;
  runs: Run[];
  /** Which runs some run of this flag touches. */
  matched: boolean[];
  /** Per kind of period, the runs' indexes by start. */
  order: Map<Point["kind"], number[]>;
}

/**
 * Marks this flag's findings against the previous flag's record (null: none, a first flag). Pure.
 * `capped`: the previous record dropped whole findings (state `findingsCapped`): a finding without a record is then
 * left unmarked rather than called new.
 */
export function diffFindings(
  previous: readonly FindingRecord[] | null | undefined,
  current: readonly FlaggedFindings[],
  capped = false,
): FindingChanges {
  if (!previous) {
    return {
      marks: current.map((t) => t.findings.map(() => null)),
      resolved: [],
      counts: { new: 0, continuing: 0, resolved: 0 },
      compared: false,
    };
  }
  const byKey = new Map<string, Remembered>();
  for (const record of previous) {
    const runs = record.runs.map(parseRun).filter((r): r is Run => r !== null);
    const order = new Map<Point["kind"], number[]>();
    runs.forEach((r, i) => {
      const list = order.get(r.a.kind);
      if (list) list.push(i);
      else order.set(r.a.kind, [i]);
    });
    for (const list of order.values()) list.sort((x, y) => runs[x].a.t - runs[y].a.t);
    byKey.set(keyOf(record.sheet, record.rule, record.channel), {
      record,
      runs,
      matched: runs.map(() => false),
      order,
    });
  }
  const counts = { new: 0, continuing: 0, resolved: 0 };
  const marks = current.map((t) =>
    t.findings.map((f): ChangeMark | null => {
      const remembered = byKey.get(keyOf(t.sheet, f.ruleId, f.channel));
      if (!remembered) {
        if (capped) return null;
        counts.new++;
        return "new";
      }
      const step = stepOf(f.evidence.periods);
      const oldest = remembered.runs.reduce<Run | null>((o, r) => (o === null || r.a.t < o.a.t ? r : o), null);
      let fresh = false;
      // both lists in time order, walked together: a remembered run that ends before this run's start (less a
      // step) cannot touch a later run either (linear, not runs × runs: 40,000 runs against 4,000 in a few ms)
      const runs = findingRuns(f.evidence).sort((x, y) => x.a.t - y.a.t);
      const from = new Map<Point["kind"], number>();
      for (const run of runs) {
        let hit = false;
        const order = remembered.order.get(run.a.kind) ?? [];
        let j = from.get(run.a.kind) ?? 0;
        while (j < order.length && remembered.runs[order[j]].b.t < run.a.t - step) j++;
        from.set(run.a.kind, j);
        for (let k = j; k < order.length && remembered.runs[order[k]].a.t <= run.b.t + step; k++)
          if (touches(run, remembered.runs[order[k]], step)) hit = remembered.matched[order[k]] = true;
        // older than every run kept while the record says older runs were dropped: one of those
        if (!hit && remembered.record.earlier && oldest && run.a.kind === oldest.a.kind && run.b.t < oldest.a.t)
          hit = true;
        if (!hit) fresh = true;
      }
      counts[fresh ? "new" : "continuing"]++;
      return fresh ? "new" : "continuing";
    }),
  );
  const flagged = new Map(current.map((t) => [sheetKey(t.sheet), t]));
  const resolved: ResolvedRun[] = [];
  for (const { record, runs, matched } of byKey.values()) {
    const table = flagged.get(sheetKey(record.sheet));
    if (!table) continue;
    const start = table.firstPeriod === undefined ? null : periodPoint(table.firstPeriod);
    // the record keeps runs latest first; the resolved list reads oldest first within a finding
    for (let i = runs.length - 1; i >= 0; i--) {
      const r = runs[i];
      if (matched[i]) continue;
      // out of the table now (a weekly value is dated by its Monday: a week's slack)
      if (start && start.kind === r.b.kind && r.b.t + 6 < start.t) continue;
      resolved.push({ sheet: record.sheet, rule: record.rule, channel: record.channel, first: r.first, last: r.last });
    }
  }
  counts.resolved = resolved.length;
  return { marks, resolved, counts, compared: true };
}

/**
 * The record this flag leaves: its findings' runs (latest first), and the previous record's findings on sheets it
 * did not check, bounded by MAX_RECORDED_FINDINGS / MAX_RECORDED_RUNS: every finding's latest run before any
 * finding's second, and so on. `capped` when whole findings had to be left out.
 */
export function findingRecords(
  current: readonly FlaggedFindings[],
  previous: readonly FindingRecord[] | null | undefined,
  limits = { findings: MAX_RECORDED_FINDINGS, runs: MAX_RECORDED_RUNS },
): { records: FindingRecord[]; capped: boolean } {
  const flagged = new Set(current.map((t) => sheetKey(t.sheet)));
  const all: { sheet: string; rule: RuleId; channel: string; runs: string[]; earlier: boolean }[] = [];
  const seen = new Set<string>();
  for (const t of current)
    for (const f of t.findings) {
      const key = keyOf(t.sheet, f.ruleId, f.channel);
      if (seen.has(key)) continue;
      seen.add(key);
      const runs = findingRuns(f.evidence).reverse().map(runText);
      if (runs.length)
        all.push({ sheet: t.sheet, rule: f.ruleId, channel: channelKey(f.channel), runs, earlier: false });
    }
  for (const r of previous ?? []) {
    const key = keyOf(r.sheet, r.rule, r.channel);
    if (flagged.has(sheetKey(r.sheet)) || seen.has(key)) continue;
    seen.add(key);
    all.push({ ...r, earlier: r.earlier === true });
  }
  const kept = all.slice(0, limits.findings);
  const taken = kept.map(() => 0);
  let budget = limits.runs;
  for (let depth = 0; budget > 0; depth++) {
    let any = false;
    for (let i = 0; i < kept.length && budget > 0; i++)
      if (kept[i].runs.length > depth) {
        taken[i]++;
        budget--;
        any = true;
      }
    if (!any) break;
  }
  const records: FindingRecord[] = [];
  kept.forEach((f, i) => {
    if (taken[i] === 0) return;
    const record: FindingRecord = { sheet: f.sheet, rule: f.rule, channel: f.channel, runs: f.runs.slice(0, taken[i]) };
    if (f.earlier || taken[i] < f.runs.length) record.earlier = true;
    records.push(record);
  });
  return { records, capped: records.length < all.length };
}

// ------------------------------------------------------------------ words (every host says the same)

/** The mark's word: a badge in the pane, a column in the report and the CLI summary. */
export const CHANGE_WORDS: Record<ChangeMark | "resolved", Bilingual> = {
  new: { en: "New", zh: "新增" },
  continuing: { en: "Continuing", zh: "持续" },
  resolved: { en: "Resolved", zh: "已解除" },
};

/** The column (report, CLI summary) that holds the mark. */
export const CHANGE_COLUMN: Bilingual = { en: "Since last flag", zh: "较上次标记" };

/** The section of the previous flag's findings gone now. */
export const RESOLVED_HEADING: Bilingual = { en: "Resolved since last flag", zh: "上次标记后已解除" };

/** An ISO timestamp's local calendar day as a day number (days since 1970-01-01), or null. */
function localDay(iso: string): number | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

/**
 * A run's periods in words, in the one date style (i18n/dates.ts): "Mar 2 – 4", "rows 4–6" / "3月2日至4日", "第 4–6 行";
 * the year where it is not `refYear`.
 */
export function runPeriods(run: Pick<ResolvedRun, "first" | "last">, lang: Lang, refYear = NaN): string {
  return formatPeriodRange(run.first, run.last, lang, refYear);
}

/**
 * The one line that says what changed: "Since the last flag (Mar 5, 2026): 2 new, 3 continuing, 1 resolved." /
 * "较上次标记（2026年3月5日）：新增 2 条，持续 3 条，已解除 1 条。"; on a first flag, that the next flag will say.
 */
export function changesHeadline(
  changes: Pick<FindingChanges, "compared" | "counts">,
  since: string | undefined,
  lang: Lang,
): string {
  if (!changes.compared)
    return lang === "zh"
      ? "工作簿中没有上次标记的记录：下次标记时将说明哪些预警是新增、持续或已解除。"
      : "No record of a previous flag in the workbook: the next flag will say which findings are new, continuing or resolved.";
  const day = since === undefined ? null : localDay(since);
  const when = day === null ? "" : lang === "zh" ? `（${formatDay(day, "zh")}）` : ` (${formatDay(day, "en")})`;
  const { counts: c } = changes;
  return lang === "zh"
    ? `较上次标记${when}：新增 ${c.new} 条，持续 ${c.continuing} 条，已解除 ${c.resolved} 条。`
    : `Since the last flag${when}: ${c.new} new, ${c.continuing} continuing, ${c.resolved} resolved.`;
}
