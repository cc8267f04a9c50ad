/**
 * A deliberately naive reference implementation of the five colour rules of issue 4 §2, written from the issue's
 * words and not from the engine's code: plain loops over a small table of already-parsed values (day numbers,
 * channel names, numbers or null for missing). Slow and obvious on purpose; the property test in oracle.test.ts
 * checks runRules against it.
 */
import type { MetricKey } from "../../../src/core/rules/types";

export type OracleColour = "yellow" | "orange" | "red";

export interface OracleRow {
  /** Day number (days since 1970-01-01, UTC), or null when the row has no readable date. */
  date: number | null;
  /** The channel cell as typed (trimmed and compared case-insensitively by the oracle). */
  channel: string;
  /** A number, or null for a missing value (blank, "n/a", "-"). */
  values: Partial<Record<MetricKey, number | null>>;
}

export interface OracleTable {
  hasDate: boolean;
  hasChannel: boolean;
  /** Metric → column index in the table (the cell a flag colours). */
  columns: Partial<Record<MetricKey, number>>;
  rows: OracleRow[];
}

export interface OracleThresholds {
  roiBenchmark: number;
  roiRunLength: number;
  complaintRateMax: number;
  trafficDropRatio: number;
  trafficWindow: number;
  repurchaseDeclineWeeks: number;
  ltvCacMin: number;
  ltvCacWeeks: number;
}

/** "Values equal within 1e-9 relative count as equal (not lower)": a is lower than b only beyond that tolerance. */
export function isLower(a: number, b: number): boolean {
  if (!(a < b)) return false;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return b - a > 1e-9 * scale;
}

/** Monday-to-Sunday ISO week containing a day number (1970-01-01 was a Thursday). */
export function isoWeekOf(day: number): number {
  return Math.floor((day + 3) / 7);
}

const SEVERITY: Record<OracleColour, number> = { yellow: 1, orange: 2, red: 3 };

/** Cells coloured by the rules, keyed "row,col", with the most severe colour. */
export function oracleColours(t: OracleTable, cfg: OracleThresholds): Map<string, OracleColour> {
  const out = new Map<string, OracleColour>();
  const paint = (row: number, col: number, colour: OracleColour): void => {
    const key = `${row},${col}`;
    const old = out.get(key);
    if (old === undefined || SEVERITY[colour] > SEVERITY[old]) out.set(key, colour);
  };

  // §1: a rate column with any number above 1 is read as percentages (1.2 means 1.2%).
  const scale: Partial<Record<MetricKey, number>> = {};
  for (const key of ["complaintRate", "repurchaseRate"] as MetricKey[]) {
    let anyAbove1 = false;
    for (const r of t.rows) {
      if (t.hasDate && r.date === null) continue;
      const v = r.values[key];
      if (typeof v === "number" && v > 1) anyAbove1 = true;
    }
    scale[key] = anyAbove1 ? 0.01 : 1;
  }
  const value = (rowIndex: number, key: MetricKey): number | null => {
    const v = t.rows[rowIndex].values[key];
    if (v === null || v === undefined) return null;
    return v * (scale[key] ?? 1);
  };

  // Group by channel (trimmed, case-insensitive); rows without a readable date are left out when there is a date column.
  const groups = new Map<string, number[]>();
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i];
    if (t.hasDate && r.date === null) continue;
    const name = t.hasChannel ? r.channel.trim().toLowerCase() : "";
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name)!.push(i);
  }

  for (const idx of groups.values()) {
    // Order by date within the channel (no date column: row order).
    const rows = [...idx];
    if (t.hasDate) rows.sort((a, b) => (t.rows[a].date as number) - (t.rows[b].date as number) || a - b);

    // Daily when the most common gap between consecutive dates is 1 (a tie with another gap counts as daily).
    let daily = true;
    if (t.hasDate) {
      const counts = new Map<number, number>();
      for (let k = 1; k < rows.length; k++) {
        const gap = (t.rows[rows[k]].date as number) - (t.rows[rows[k - 1]].date as number);
        counts.set(gap, (counts.get(gap) ?? 0) + 1);
      }
      let best = 0;
      for (const c of counts.values()) best = Math.max(best, c);
      daily = (counts.get(1) ?? 0) === best;
    }
    const step = daily ? 1 : 7;

    // Consecutive periods are chained by date: a period's predecessor is the row dated exactly `step` days earlier
    // (no date column: the row before). A run is a maximal chain of qualifying periods.
    const chainRuns = (items: { key: number; hit: boolean }[], keyStep: number, minRun: number): number[] => {
      const hitKeys = new Set(items.filter((x) => x.hit).map((x) => x.key));
      const result: number[] = [];
      items.forEach((x, i) => {
        if (!x.hit) return;
        let length = 1;
        for (let k = x.key - keyStep; hitKeys.has(k); k -= keyStep) length++;
        for (let k = x.key + keyStep; hitKeys.has(k); k += keyStep) length++;
        if (length >= minRun) result.push(i);
      });
      return result;
    };

    // Yellow: ROI < benchmark for ≥ roiRunLength consecutive periods.
    const roiCol = t.columns.roi;
    if (roiCol !== undefined) {
      const items = rows.map((r, k) => {
        const v = value(r, "roi");
        return { key: t.hasDate ? (t.rows[r].date as number) : k, hit: v !== null && isLower(v, cfg.roiBenchmark) };
      });
      for (const i of chainRuns(items, t.hasDate ? step : 1, cfg.roiRunLength)) paint(rows[i], roiCol, "yellow");
    }

    // Orange: complaint rate > max in a period.
    const cCol = t.columns.complaintRate;
    if (cCol !== undefined) {
      for (const r of rows) {
        const v = value(r, "complaintRate");
        if (v !== null && isLower(cfg.complaintRateMax, v)) paint(r, cCol, "orange");
      }
    }

    // Orange: traffic < (1 − drop) × mean of the channel's previous up to `window` numeric traffic values that were
    // not drops themselves (issue 18 §2); once drops have run for `window` values (dated daily data: at least 14), they
    // are the new normal: they count, and what came before them is forgotten.
    const tCol = t.columns.traffic;
    if (tCol !== undefined) {
      let kept: number[] = [];
      let run: number[] = [];
      const newNormal = t.hasDate && daily ? Math.max(cfg.trafficWindow, 14) : cfg.trafficWindow;
      for (const r of rows) {
        const v = value(r, "traffic");
        if (v === null) continue;
        const prev = kept.slice(Math.max(0, kept.length - cfg.trafficWindow));
        let drop = false;
        if (prev.length > 0) {
          let sum = 0;
          for (const p of prev) sum += p;
          const mean = sum / prev.length;
          drop = isLower(v, (1 - cfg.trafficDropRatio) * mean);
          if (drop) paint(r, tCol, "orange");
        }
        if (!drop) {
          run = [];
          kept.push(v);
          continue;
        }
        run.push(v);
        if (run.length >= newNormal) {
          kept = run;
          run = [];
        }
      }
    }

    // Weekly values for the two red rules: daily data → mean per ISO week; weekly data → each row.
    // Each week: its key (ISO week index, or the row's day number), its value, and the rows whose cells it covers.
    interface Week {
      key: number;
      value: number | null;
      rows: number[];
    }
    const weeksOf = (key: MetricKey): Week[] => {
      const weeks: Week[] = [];
      if (!t.hasDate) {
        // No date column: every row is a period, each consecutive with the one before.
        rows.forEach((r, k) => weeks.push({ key: k, value: value(r, key), rows: [r] }));
        return weeks;
      }
      if (!daily) {
        for (const r of rows) weeks.push({ key: t.rows[r].date as number, value: value(r, key), rows: [r] });
        return weeks;
      }
      const byWeek = new Map<number, number[]>();
      for (const r of rows) {
        const w = isoWeekOf(t.rows[r].date as number);
        if (!byWeek.has(w)) byWeek.set(w, []);
        byWeek.get(w)!.push(r);
      }
      for (const [w, rs] of [...byWeek.entries()].sort((a, b) => a[0] - b[0])) {
        let sum = 0;
        let n = 0;
        for (const r of rs) {
          const v = value(r, key);
          if (v !== null) {
            sum += v;
            n++;
          }
        }
        weeks.push({ key: w, value: n > 0 ? sum / n : null, rows: rs });
      }
      return weeks;
    };
    // Distance in keys between two consecutive weeks.
    const weekStep = !t.hasDate ? 1 : daily ? 1 : 7;
    const paintWeeks = (weeks: Week[], key: MetricKey, col: number): void => {
      for (const w of weeks) for (const r of w.rows) if (value(r, key) !== null) paint(r, col, "red");
    };
    const redRuns = (
      key: MetricKey,
      col: number,
      minRun: number,
      bad: (w: Week, byKey: Map<number, Week>) => boolean,
    ) => {
      const weeks = weeksOf(key);
      const byKey = new Map<number, Week>();
      for (const w of weeks) byKey.set(w.key, w);
      const items = weeks.map((w) => ({ key: w.key, hit: bad(w, byKey) }));
      paintWeeks(
        chainRuns(items, weekStep, minRun).map((i) => weeks[i]),
        key,
        col,
      );
    };

    // Red: repurchase rate lower than the immediately preceding week, ≥ N declining weeks running.
    const rCol = t.columns.repurchaseRate;
    if (rCol !== undefined) {
      redRuns("repurchaseRate", rCol, cfg.repurchaseDeclineWeeks, (w, byKey) => {
        const prev = byKey.get(w.key - weekStep);
        return w.value !== null && prev !== undefined && prev.value !== null && isLower(w.value, prev.value);
      });
    }

    // Red: LTV/CAC below the minimum for ≥ N consecutive weeks.
    const lCol = t.columns.ltvCac;
    if (lCol !== undefined) {
      redRuns("ltvCac", lCol, cfg.ltvCacWeeks, (w) => w.value !== null && isLower(w.value, cfg.ltvCacMin));
    }
  }
  return out;
}
