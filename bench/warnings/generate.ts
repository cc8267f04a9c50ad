/**
 * A seeded generator of realistic channel reports with injected incidents labelled as ground truth, for scoring
 * the warning rules (issue 12 §3). Everything follows from the seed, so every machine scores the same reports.
 *
 * A report: daily or weekly rows (date × channel) with ROI, complaint rate, repurchase rate, LTV/CAC and traffic.
 * - Traffic = level × trend × weekday factor × holiday factor × noise (log-normal). Weekly rhythm strength:
 *   "none" (every weekday 1), "mild" (B2C: weekends 0.85–1.15 of a weekday), "strong" (B2B: weekends 0.45–0.6,
 *   Friday 0.9). Weekly rows sum seven days, so they have no weekday rhythm.
 * - Holidays (New Year, Labour Day week, National Day week, Christmas) lower traffic by 10–20%: ordinary life,
 *   not incidents, so flags there count as false alarms.
 * - Missing rows: about 1% of a channel's periods are left out.
 * Incidents (the ground truth), each on one channel and metric over consecutive periods:
 * - traffic drop: 20–60% for 1–7 days (daily) or 1–2 weeks (weekly); half of them are followed by a second drop
 *   (20–60%, 1–3 days, 2–7 days after the first ends; weekly: 1 week, one week after), labelled back-to-back;
 * - complaint spike: the rate at 1.2–3% for one period;
 * - ROI run: ROI at 1.0–1.4 (below the 1.5 benchmark) for 4–8 periods;
 * - repurchase decline: the weekly level falls 8–15% a week for 3 weeks, then recovers;
 * - LTV/CAC dip: 1.0–1.4 for 2–3 weeks.
 */
import { mulberry32 } from "../../src/core/random";

export type Seasonality = "none" | "mild" | "strong";
export type Granularity = "daily" | "weekly";
export type IncidentKind = "traffic-drop" | "complaint-spike" | "roi-run" | "repurchase-decline" | "ltv-cac-dip";

export interface ScenarioSpec {
  seed: number;
  granularity: Granularity;
  seasonality: Seasonality;
  channels: number;
  months: number;
}

export interface Incident {
  channel: string;
  kind: IncidentKind;
  /** ISO dates of the labelled periods (the rows the incident touches). */
  periods: string[];
  /** Traffic drops: the fraction lost (0.2–0.6). Repurchase declines: the fraction lost a week (0.08–0.15). */
  size?: number;
  /** Traffic drops: the second of two drops close together (the first may poison its baseline). */
  backToBack?: boolean;
}

export interface Report {
  spec: ScenarioSpec;
  header: string[];
  /** [date, channel, ROI, complaint rate, repurchase rate, LTV/CAC, traffic] */
  rows: (string | number)[][];
  incidents: Incident[];
  /** Channel-years of data, for false alarms per channel-year. */
  channelYears: number;
}

export const HEADER = ["Date", "Channel", "ROI", "Complaint rate", "Repurchase rate", "LTV/CAC", "Traffic"];

const DAY = 86_400_000;
/** Holidays as [month, day, length in days]. */
const HOLIDAYS: [number, number, number][] = [
  [1, 1, 1],
  [5, 1, 5],
  [10, 1, 7],
  [12, 25, 2],
];

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isHoliday(ms: number): boolean {
  const d = new Date(ms);
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return HOLIDAYS.some(([hm, hd, len]) => m === hm && day >= hd && day < hd + len);
}

/** Standard normal from two uniforms (Box–Muller). */
function gaussian(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function between(rand: () => number, lo: number, hi: number): number {
  return lo + (hi - lo) * rand();
}

function weekdayFactors(rand: () => number, seasonality: Seasonality): number[] {
  // Index 0 = Monday … 6 = Sunday.
  if (seasonality === "none") return [1, 1, 1, 1, 1, 1, 1];
  if (seasonality === "mild") {
    const weekend = rand() < 0.5 ? between(rand, 0.85, 0.92) : between(rand, 1.08, 1.15);
    return [1, 1, 1, 1, 1, weekend, weekend];
  }
  const sat = between(rand, 0.45, 0.6);
  return [1, 1, 1, 1, 0.9, sat, sat * between(rand, 0.9, 1)];
}

/** Daily series of one channel, before incidents: multiplicative levels per metric. */
interface ChannelDays {
  traffic: number[];
  roi: number[];
  complaint: number[];
  repurchase: number[];
  ltvCac: number[];
}

export function generateReport(spec: ScenarioSpec): Report {
  const rand = mulberry32(spec.seed);
  // Back-to-back drops draw from their own stream, so the rest of the report is what it was before they existed.
  const rand2 = mulberry32(spec.seed ^ 0x5eed);
  const start = Date.UTC(2025, 0, 6); // a Monday
  const days = Math.round((spec.months * 365.25) / 12);
  const daily = spec.granularity === "daily";
  const periods = daily ? days : Math.floor(days / 7);
  const periodMs = daily ? DAY : 7 * DAY;
  const rows: (string | number)[][] = [];
  const incidents: Incident[] = [];

  for (let c = 0; c < spec.channels; c++) {
    const channel = `Channel ${String(c + 1).padStart(2, "0")}`;
    const level = Math.exp(between(rand, Math.log(800), Math.log(40_000)));
    const trendPerYear = between(rand, -0.2, 0.3);
    const factors = weekdayFactors(rand, spec.seasonality);
    const noise = between(rand, 0.05, 0.09);
    const roiBase = between(rand, 1.9, 3.5);
    const complaintBase = between(rand, 0.002, 0.005);
    const repurchaseBase = between(rand, 0.2, 0.4);
    const ltvBase = between(rand, 2.2, 4);

    // Daily values first; weekly rows aggregate them.
    const d: ChannelDays = { traffic: [], roi: [], complaint: [], repurchase: [], ltvCac: [] };
    for (let i = 0; i < days; i++) {
      const ms = start + i * DAY;
      const trend = 1 + (trendPerYear * i) / 365;
      const holiday = isHoliday(ms) ? between(rand, 0.8, 0.9) : 1;
      d.traffic.push(level * trend * factors[i % 7] * holiday * Math.exp(noise * gaussian(rand)));
      d.roi.push(roiBase * Math.exp(0.06 * gaussian(rand)));
      d.complaint.push(complaintBase * Math.exp(0.2 * gaussian(rand)));
      d.repurchase.push(repurchaseBase * Math.exp(0.02 * gaussian(rand)));
      d.ltvCac.push(ltvBase * Math.exp(0.04 * gaussian(rand)));
    }
    // Per-period values.
    const p: ChannelDays = { traffic: [], roi: [], complaint: [], repurchase: [], ltvCac: [] };
    for (let k = 0; k < periods; k++) {
      if (daily) {
        p.traffic.push(d.traffic[k]);
        p.roi.push(d.roi[k]);
        p.complaint.push(d.complaint[k]);
        p.repurchase.push(d.repurchase[k]);
        p.ltvCac.push(d.ltvCac[k]);
      } else {
        const span = (a: number[]): number[] => a.slice(k * 7, k * 7 + 7);
        const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
        p.traffic.push(span(d.traffic).reduce((s, v) => s + v, 0));
        p.roi.push(mean(span(d.roi)));
        p.complaint.push(mean(span(d.complaint)));
        p.repurchase.push(mean(span(d.repurchase)));
        p.ltvCac.push(mean(span(d.ltvCac)));
      }
    }
    const dateOf = (k: number): string => iso(start + k * periodMs);
    const used = new Set<string>(); // kind@period: one incident of a kind at a time
    const place = (kind: IncidentKind, length: number, gap: number): number[] | null => {
      for (let attempt = 0; attempt < 20; attempt++) {
        // Leave the first four weeks as history for every baseline.
        const first = Math.floor(between(rand, daily ? 35 : 5, periods - length - 1));
        const ks = Array.from({ length }, (_, j) => first + j);
        const around = Array.from({ length: length + 2 * gap }, (_, j) => first - gap + j);
        if (around.some((k) => used.has(`${kind}@${k}`))) continue;
        for (const k of around) used.add(`${kind}@${k}`);
        return ks;
      }
      return null;
    };
    const perYear = (n: number): number => Math.max(1, Math.round((n * spec.months) / 12));

    for (let n = 0; n < perYear(4); n++) {
      const size = between(rand, 0.2, 0.6);
      const ks = place("traffic-drop", daily ? 1 + Math.floor(rand() * 7) : 1 + Math.floor(rand() * 2), daily ? 21 : 4);
      if (!ks) continue;
      for (const k of ks) p.traffic[k] *= 1 - size;
      incidents.push({ channel, kind: "traffic-drop", periods: ks.map(dateOf), size });
      if (rand2() < 0.5) {
        // A second drop soon after, inside the first one's reserved gap (21 days; weekly 4 weeks), so it meets no
        // other incident: the first drop sits in its baseline.
        const size2 = between(rand2, 0.2, 0.6);
        const from = ks[ks.length - 1] + 1 + (daily ? 2 + Math.floor(rand2() * 6) : 1);
        const length = daily ? 1 + Math.floor(rand2() * 3) : 1;
        const ks2 = Array.from({ length }, (_, j) => from + j).filter((k) => k < periods);
        if (ks2.length === 0) continue;
        for (const k of ks2) p.traffic[k] *= 1 - size2;
        incidents.push({ channel, kind: "traffic-drop", periods: ks2.map(dateOf), size: size2, backToBack: true });
      }
    }
    for (let n = 0; n < perYear(3); n++) {
      const ks = place("complaint-spike", 1, daily ? 14 : 3);
      if (!ks) continue;
      p.complaint[ks[0]] = between(rand, 0.012, 0.03);
      incidents.push({ channel, kind: "complaint-spike", periods: ks.map(dateOf) });
    }
    for (let n = 0; n < perYear(2); n++) {
      const ks = place("roi-run", 4 + Math.floor(rand() * 5), daily ? 14 : 4);
      if (!ks) continue;
      for (const k of ks) p.roi[k] = between(rand, 1.0, 1.4);
      incidents.push({ channel, kind: "roi-run", periods: ks.map(dateOf) });
    }
    // Weekly rules: incidents span whole weeks (7 daily periods or 1 weekly period each).
    const perWeek = daily ? 7 : 1;
    for (let n = 0; n < perYear(1); n++) {
      const ks = place("repurchase-decline", 3 * perWeek, 8 * perWeek);
      if (!ks) continue;
      // Align to a Monday so weeks are whole.
      const first = ks[0] - (ks[0] % perWeek);
      const week = Array.from({ length: 3 * perWeek }, (_, j) => first + j);
      const before = p.repurchase.slice(Math.max(0, first - perWeek), first);
      const base = before.length ? before.reduce((s, v) => s + v, 0) / before.length : repurchaseBase;
      for (const k of week) {
        const w = Math.floor((k - first) / perWeek) + 1;
        p.repurchase[k] = base * Math.pow(1 - 0.11, w) * Math.exp(0.01 * gaussian(rand));
      }
      incidents.push({ channel, kind: "repurchase-decline", periods: week.map(dateOf) });
    }
    for (let n = 0; n < perYear(1); n++) {
      const weeks = 2 + Math.floor(rand() * 2);
      const ks = place("ltv-cac-dip", weeks * perWeek, 6 * perWeek);
      if (!ks) continue;
      const first = ks[0] - (ks[0] % perWeek);
      const span = Array.from({ length: weeks * perWeek }, (_, j) => first + j);
      const value = between(rand, 1.0, 1.4);
      for (const k of span) p.ltvCac[k] = value * Math.exp(0.02 * gaussian(rand));
      incidents.push({ channel, kind: "ltv-cac-dip", periods: span.map(dateOf) });
    }

    for (let k = 0; k < periods; k++) {
      if (rand() < 0.01) continue; // a missing row
      rows.push([
        dateOf(k),
        channel,
        round(p.roi[k], 3),
        round(p.complaint[k], 5),
        round(p.repurchase[k], 4),
        round(p.ltvCac[k], 3),
        Math.round(p.traffic[k]),
      ]);
    }
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { spec, header: HEADER, rows, incidents, channelYears: (spec.channels * days) / 365.25 };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** The benchmark's scenarios: every granularity × seasonality, three seeds each, 8–20 channels, 6–12 months. */
export function scenarios(): ScenarioSpec[] {
  const out: ScenarioSpec[] = [];
  let seed = 12_001;
  for (const granularity of ["daily", "weekly"] as const)
    for (const seasonality of ["none", "mild", "strong"] as const) {
      if (granularity === "weekly" && seasonality !== "none") continue; // weeks have no weekday rhythm
      for (let i = 0; i < 3; i++) {
        const rand = mulberry32(seed);
        out.push({
          seed: seed++,
          granularity,
          seasonality,
          channels: 8 + Math.floor(rand() * 13),
          months: 6 + Math.floor(rand() * 7),
        });
      }
    }
  return out;
}

/**
 * Repurchase channels with sampling noise at realistic volumes (issue 18 §3): each day 200–2,000 buyers (log-uniform
 * per channel, ±20% day to day), each a repeat buyer with the channel's rate (20–40%), drawn binomially, so a
 * healthy channel's daily and weekly rates wander as real ones do. Incidents: a sustained decline of 8–15% a week
 * for 3 weeks (the rate × (1 − d)^w in week w), then back to the old rate; one per channel-year. Rows: daily, or
 * weekly with the week's pooled counts; with the counts (Buyers, Repeat buyers) beside the rate, or the rate alone.
 */
export interface RepurchaseSpec {
  seed: number;
  granularity: Granularity;
  counts: boolean;
  channels: number;
  months: number;
  /** false: no declines at all, pure sampling noise (issue 18's reproduction); default true. */
  declines?: boolean;
}

export interface RepurchaseReport {
  spec: RepurchaseSpec;
  header: string[];
  rows: (string | number)[][];
  incidents: Incident[];
  channelYears: number;
}

/** Binomial(n, p) as the sum of n Bernoulli draws (exact; n ≤ a few thousand here). */
function binomial(rand: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
}

export function generateRepurchaseReport(spec: RepurchaseSpec): RepurchaseReport {
  const rand = mulberry32(spec.seed);
  const start = Date.UTC(2025, 0, 6); // a Monday
  const weeks = Math.floor((spec.months * 365.25) / 12 / 7);
  const days = weeks * 7;
  const daily = spec.granularity === "daily";
  const rows: (string | number)[][] = [];
  const incidents: Incident[] = [];
  for (let c = 0; c < spec.channels; c++) {
    const channel = `Channel ${String(c + 1).padStart(2, "0")}`;
    const volume = Math.exp(between(rand, Math.log(200), Math.log(2000)));
    const base = between(rand, 0.2, 0.4);
    const factor = new Float64Array(weeks).fill(1); // the true rate ÷ base, per week
    const declines = spec.declines === false ? 0 : Math.max(1, Math.round(spec.months / 12));
    const used = new Set<number>();
    for (let n = 0; n < declines; n++) {
      // 3 declining weeks after at least 5 weeks of history, 8 weeks clear of another decline
      const first = 5 + Math.floor(rand() * (weeks - 5 - 4));
      if ([...Array(19).keys()].some((j) => used.has(first - 8 + j))) continue;
      for (let j = 0; j < 19; j++) used.add(first - 8 + j);
      const d = between(rand, 0.08, 0.15);
      for (let w = 1; w <= 3; w++) factor[first + w - 1] = Math.pow(1 - d, w);
      const periods: string[] = [];
      for (let w = first; w < first + 3; w++)
        if (daily) for (let j = 0; j < 7; j++) periods.push(iso(start + (w * 7 + j) * DAY));
        else periods.push(iso(start + w * 7 * DAY));
      incidents.push({ channel, kind: "repurchase-decline", periods, size: d });
    }
    const buyers: number[] = [];
    const repeat: number[] = [];
    for (let i = 0; i < days; i++) {
      const n = Math.max(1, Math.round(volume * Math.exp(0.2 * gaussian(rand))));
      buyers.push(n);
      repeat.push(binomial(rand, n, base * factor[Math.floor(i / 7)]));
    }
    const periods = daily ? days : weeks;
    for (let k = 0; k < periods; k++) {
      if (rand() < 0.01) continue; // a missing row
      const date = iso(start + k * (daily ? 1 : 7) * DAY);
      const span = daily ? [k] : [0, 1, 2, 3, 4, 5, 6].map((j) => k * 7 + j);
      const b = span.reduce((a, i) => a + buyers[i], 0);
      const r = span.reduce((a, i) => a + repeat[i], 0);
      const rate = round(r / b, 4);
      rows.push(spec.counts ? [date, channel, b, r, rate] : [date, channel, rate]);
    }
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    spec,
    header: spec.counts
      ? ["Date", "Channel", "Buyers", "Repeat buyers", "Repurchase rate"]
      : ["Date", "Channel", "Repurchase rate"],
    rows,
    incidents,
    channelYears: (spec.channels * days) / 365.25,
  };
}

/** The repurchase scenarios: daily and weekly rows, with and without the counts, three seeds each. */
export function repurchaseScenarios(): RepurchaseSpec[] {
  const out: RepurchaseSpec[] = [];
  let seed = 18_001;
  for (const granularity of ["daily", "weekly"] as const)
    for (const counts of [true, false])
      for (let i = 0; i < 3; i++) {
        const rand = mulberry32(seed);
        out.push({
          seed: seed++,
          granularity,
          counts,
          channels: 8 + Math.floor(rand() * 13),
          months: 6 + Math.floor(rand() * 7),
        });
      }
  return out;
}
