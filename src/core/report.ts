/**
 * The visible "Growth Signals" sheet: what a manager reads to understand a flagged workbook without the add-in.
 * Title, generation date, the headline (which channels need action, most severe first), a legend (colour swatch, rule,
 * threshold in words, recommended action), the charts of what the rules compared, the weak-channel table and notes. One language per call. Plain values only — no formulas — and any text that Excel could read
 * as a formula (starting with = + - @) gets a leading space, so user text (channel names) stays text on any host.
 */
import type { WarningColour } from "./colours";
import { severity, WARNING_COLOURS } from "./colours";
import { formatDay, formatPeriod, latestOfYears } from "./i18n/dates";
import { displayWidth, formatNumber, formatPercent, type Bilingual, type Lang } from "./i18n/format";
import { COLOUR_NAMES, COLUMN_NAMES, formatMetric, plural } from "./i18n/rules";
import {
  RULE_ACTIONS,
  RULE_COLOUR,
  RULE_IDS,
  RULE_METRIC,
  RULE_NAMES,
  ruleThreshold,
  type RuleId,
} from "./rules/catalog";
import { cellsText } from "./rules/evidence";
import { checksText, nothingChecked } from "./rules/checks";
import type { ChartLineRole, FindingChartData } from "./rules/findingCharts";
import type { MetricKey, RulesConfig, RulesResult } from "./rules/types";
import { daysFromCivil } from "./table/dates";
import {
  CHANGE_COLUMN,
  CHANGE_WORDS,
  changesHeadline,
  RESOLVED_HEADING,
  runPeriods,
  type ChangeMark,
  type FindingChanges,
  type ResolvedRun,
} from "./findingChanges";

export interface ReportSheet {
  rows: (string | number | null)[][];
  /** Cells to fill with the warning colour (the swatches), 0-based in `rows`. */
  fills: { row: number; col: number; colour: WarningColour }[];
  boldRows: number[];
  /** Widths in characters, one per column (the table's columns; nothing is written right of them). */
  columnWidths: number[];
  /** Columns whose cells wrap their text (every column of the legend and the table: narrow columns, tall rows). */
  wrapColumns: number[];
  /**
   * Rows of one long text (headline, intro, notes) spread over every column and wrapped: merge A:last column,
   * `lines` lines high (the text's width over the columns' total width).
   */
  spans: { row: number; lines: number }[];
  /**
   * Lines of text per row (its height: a wrapped cell's text over its column's width, or a span's), so a row is tall
   * enough for its wrapped text where the spreadsheet program does not fit it (LibreOffice on open, merged cells).
   */
  rowLines: number[];
  /**
   * The weak-channel table's header row, repeated at the top of every printed page after it (print titles). The
   * table is the last section, below the charts: print titles repeat only on the pages after the one where the row
   * first prints (Excel and LibreOffice), so the header never prints over the charts.
   */
  headerRow: number;
  /** Cells that link to a finding's flagged cells: `range` on `sheet` ("D8:D10"). */
  links: { row: number; col: number; sheet: string; range: string }[];
  /** A line chart per red and orange weak channel (with its data): what its rule compares, over time. */
  charts: ReportChart[];
  /** Rows (0-based) that start a printed page: the charts (two bands a page, never cut in two) and the table. */
  pageBreaks: number[];
  /**
   * The legend and the table, each a box of cells with thin grey borders on every side (0-based, inclusive): the
   * printout draws lines there and nowhere else (no gridlines around empty cells, blank rows or the charts).
   */
  boxes: { top: number; left: number; bottom: number; right: number }[];
  /** The paper it is set up for: Letter in English (en-US), A4 in Chinese (zh-CN). Landscape, one page wide. */
  paper: "letter" | "a4";
}

/**
 * One trend chart (issue 19 §6): the shape the CLI (src/cli/xlsx/chart.ts), the pane (src/taskpane/excel/
 * reportSheet.ts) and the pane preview draw from. A line chart over `periods` with one series per line, drawn in
 * order, each with its legend name, colour, width and dash; no other styling is needed.
 */
export interface ReportChart {
  /** "Search · ROI below benchmark (Daily)". */
  title: string;
  /** The finding's warning colour. */
  colour: WarningColour;
  /**
   * The category labels in the report's date style (i18n/dates.ts): "Mar 2", "Dec 29, 2025" / "3月2日" (a weekly
   * chart: each week's Monday or the weekly row's date), or "row 4" / "第 4 行".
   */
  periods: string[];
  /** "period": a point per row of the channel; "week": a point per week (the weekly rules). */
  by: "period" | "week";
  /**
   * What the rule compares, the metric first. Roles: "metric" (the values as the rule read them), "limit" (the
   * threshold: ROI benchmark, complaint-rate limit, LTV/CAC minimum; for traffic (1 − drop) × baseline, per period),
   * "baseline" (traffic: the level each day was compared with), "fired" (repurchase: the declining weeks and the
   * week before them; the rule has no threshold, so no limit line).
   */
  lines: ReportChartLine[];
  /** Rates are fractions: the value axis shows percentages. */
  percent: boolean;
  /**
   * The cells it covers, 0-based and inclusive: from the top-left corner of (top, left) to the bottom-right corner
   * of (bottom, right). Always inside the table's columns.
   */
  cells: { top: number; left: number; bottom: number; right: number };
}

export interface ReportChartLine {
  /** The legend's name: "ROI", "Benchmark 1.5", "Baseline (usual level)", "Declining weeks". */
  name: string;
  role: ChartLineRole;
  /** Aligned with `periods`; null: no point there (a gap). */
  values: (number | null)[];
  /** "#RRGGBB": the metric dark blue, the baseline grey, the limit and the declining weeks the warning colour. */
  colour: string;
  /** Points. */
  width: number;
  dash: boolean;
  /** Draw a marker at each point (the declining weeks: a few points). */
  markers: boolean;
}

export interface ReportTable {
  sheet: string;
  address?: string;
  result: RulesResult;
  /** What each finding's rule compares (core findingCharts, same order as result.findings), for the trend charts. */
  charts?: FindingChartData[];
  /** Per finding (same order as result.findings): new or continuing since the last flag (issue 19). */
  marks?: (ChangeMark | null)[];
}

/** What changed since the last flag (issue 19), for the report: the counts line, the column and the resolved runs. */
export interface ReportChanges {
  compared: boolean;
  /** When the previous flag ran (ISO timestamp). */
  since?: string;
  counts: FindingChanges["counts"];
  resolved: ResolvedRun[];
}

const T = {
  title: { en: "Growth Signals — weak-channel report", zh: "Growth Signals — 弱势渠道报告" },
  generated: { en: "Generated", zh: "生成日期" },
  intro: {
    en: "Cells of the metric columns are colored by the three-color warning system below. Remove the colors and this sheet with Clear in the Growth Signals pane or the command “growth-signals clear”.",
    zh: "指标列中的单元格已按下方三色预警机制着色。可在 Growth Signals 任务窗格点击“清除”，或运行命令“growth-signals clear”，移除颜色和本工作表。",
  },
  legend: { en: "Legend", zh: "图例" },
  legendHeader: {
    en: ["Color", "Rule", "Respond", "Threshold", "Recommended action"],
    zh: ["颜色", "规则", "响应", "阈值", "建议行动"],
  },
  respond: {
    red: { en: "Act now", zh: "立即处理" },
    orange: { en: "Respond today", zh: "当天响应" },
    yellow: { en: "Watch", zh: "持续关注" },
  } as Record<WarningColour, { en: string; zh: string }>,
  summary: { en: "Weak channels", zh: "弱势渠道" },
  none: { en: "No weak channels found.", zh: "未发现弱势渠道。" },
  nothingChecked: {
    en: "No metric column was recognized, so nothing was checked.",
    zh: "未识别到指标列，没有做任何检查。",
  },
  notes: { en: "Notes", zh: "说明" },
  noNotes: { en: "None.", zh: "无。" },
  allRows: { en: "(all rows)", zh: "（全部行）" },
  tables: { en: "Tables checked", zh: "已检查的表" },
  trends: { en: "What the rules compare: red and orange weak channels", zh: "规则对比了什么：红牌、橙牌弱势渠道" },
  flaggedThen: { en: "Flagged then: ", zh: "当时预警：" },
};

/**
 * The weak-channel table's columns, left to right: the header and the widest a column gets (characters; its text
 * wraps inside). The legend's five columns sit in the first five. A new column is one entry here and one value in `tableRow`.
 */
const TABLE_COLUMNS = [
  { key: "colour", header: { en: "Color", zh: "颜色" }, max: 10 },
  { key: "rule", header: { en: "Rule", zh: "规则" }, max: 14 },
  { key: "channel", header: { en: "Channel", zh: "渠道" }, max: 12 },
  { key: "evidence", header: { en: "What fired", zh: "触发依据" }, max: 36 },
  { key: "action", header: { en: "Recommended action", zh: "建议行动" }, max: 28 },
  { key: "sheet", header: { en: "Sheet", zh: "工作表" }, max: 10 },
  { key: "cells", header: { en: "Cells", zh: "单元格" }, max: 12 },
  { key: "periods", header: { en: "Periods flagged", zh: "预警期数" }, max: 9 },
  // issue 19: only when the flag compared with a previous one; "What fired" and the action give up the room it
  // takes, so the table prints as wide as without it
  { key: "change", header: CHANGE_COLUMN, max: 11 },
] as const;
type TableColumn = (typeof TABLE_COLUMNS)[number]["key"];
/** The widest "What fired" and the action get beside the change column (36 and 28 without it). */
const NARROWER: Partial<Record<TableColumn, number>> = { evidence: 31, action: 25 };
/** The resolved runs listed at most; the rest are counted. */
const MAX_RESOLVED_ROWS = 50;
const COLUMN = Object.fromEntries(TABLE_COLUMNS.map((c, i) => [c.key, i])) as Record<TableColumn, number>;
/** The narrowest a column gets, in characters. */
const MIN_WIDTH = 8;

/** At most this many charts, this many rows tall each, two side by side (left and right half of the columns). */
const MAX_CHARTS = 12;
const CHART_ROWS = 16;
/** Chart bands on a printed page (two bands of 16 rows and the title fit a letter or A4 landscape page). */
const BANDS_PER_PAGE = 2;

/** How each role's line is drawn (the limit and the declining weeks in the finding's warning colour). */
const LINE_STYLE: Record<ChartLineRole, { colour: string | null; width: number; dash: boolean; markers: boolean }> = {
  metric: { colour: "#1F4E79", width: 1.75, dash: false, markers: false },
  baseline: { colour: "#7F7F7F", width: 1.25, dash: false, markers: false },
  limit: { colour: null, width: 1.5, dash: true, markers: false },
  fired: { colour: null, width: 2.5, dash: false, markers: true },
};

/** Text that a spreadsheet could take for a formula gets a leading space. */
function safe(s: string): string {
  return /^[=+\-@]/.test(s) ? ` ${s}` : s;
}

/** The local calendar day of `d` in the language's date style, with its year: "Mar 21, 2026" / "2026年3月21日". */
function today(d: Date, lang: Lang): string {
  return formatDay(daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate()), lang);
}

/** What a rule found, in a few words for the headline: "repurchase falling", "LTV/CAC below 1.5". */
function briefOf(id: RuleId, config: RulesConfig): Bilingual {
  switch (id) {
    case "repurchase-declining":
      return { en: "repurchase falling", zh: "复购率下滑" };
    case "ltv-cac-low":
      return {
        en: `LTV/CAC below ${formatNumber(config.ltvCacMin)}`,
        zh: `LTV/CAC 低于 ${formatNumber(config.ltvCacMin)}`,
      };
    case "complaint-rate-high":
      return {
        en: `complaint rate above ${formatPercent(config.complaintRateMax)}`,
        zh: `投诉率高于 ${formatPercent(config.complaintRateMax)}`,
      };
    case "traffic-drop":
      return {
        en: `traffic down more than ${formatPercent(config.trafficDropRatio)}`,
        zh: `流量下降超过 ${formatPercent(config.trafficDropRatio)}`,
      };
    case "roi-below-benchmark":
      return {
        en: `ROI below ${formatNumber(config.roiBenchmark)}`,
        zh: `ROI 低于 ${formatNumber(config.roiBenchmark)}`,
      };
  }
}

/** The headline's lead per level: "2 channels need action now", "1 个渠道需立即处理". */
const LEAD: Record<WarningColour, Record<Lang, (n: number) => string>> = {
  red: {
    en: (n) => `${plural(n, "channel")} ${n === 1 ? "needs" : "need"} action now`,
    zh: (n) => `${n} 个渠道需立即处理`,
  },
  orange: {
    en: (n) => `${plural(n, "channel")} ${n === 1 ? "needs" : "need"} a response today`,
    zh: (n) => `${n} 个渠道需当天响应`,
  },
  yellow: { en: (n) => `${plural(n, "channel")} to watch`, zh: (n) => `${n} 个渠道需持续关注` },
};
/** Channels named in one headline line at most; the rest are counted. */
const HEADLINE_CHANNELS = 6;

interface Entry {
  t: ReportTable;
  f: RulesResult["findings"][number];
  chart?: FindingChartData;
  mark?: ChangeMark | null;
}

/**
 * The headline (issue 19 §6), one line per level that fired, most severe first: "2 channels need action now:
 * Search — repurchase falling, Social — LTV/CAC below 1.5." A channel is a channel of one sheet; its findings of
 * the level are joined ("Search — repurchase falling and LTV/CAC below 1.5"); a name found on two sheets says which.
 */
export function headline(entries: readonly Entry[], config: RulesConfig, lang: Lang): string[] {
  const out: string[] = [];
  for (const colour of WARNING_COLOURS) {
    const channels = new Map<string, { name: string; sheet: string; briefs: string[] }>();
    for (const { t, f } of entries) {
      if (f.colour !== colour) continue;
      const key = `${t.sheet}\u0000${f.channel.toLowerCase()}`;
      const name = f.channel === "" ? T.allRows[lang] : f.channel;
      const c = channels.get(key) ?? { name, sheet: t.sheet, briefs: [] };
      const brief = briefOf(f.ruleId, config)[lang];
      if (!c.briefs.includes(brief)) c.briefs.push(brief);
      channels.set(key, c);
    }
    if (channels.size === 0) continue;
    const list = [...channels.values()];
    const twice = new Set(list.map((c) => c.name).filter((n, i, all) => all.indexOf(n) !== i));
    const named = list.slice(0, HEADLINE_CHANNELS).map((c) => {
      const who = twice.has(c.name) ? (lang === "zh" ? `${c.name}（${c.sheet}）` : `${c.name} (${c.sheet})`) : c.name;
      return lang === "zh" ? `${who}（${c.briefs.join("、")}）` : `${who} — ${c.briefs.join(" and ")}`;
    });
    const more = list.length - named.length;
    const lead = LEAD[colour][lang](list.length);
    out.push(
      lang === "zh"
        ? `${lead}：${named.join("，")}${more > 0 ? `，另有 ${more} 个` : ""}。`
        : `${lead}: ${named.join(", ")}${more > 0 ? `, and ${more} more` : ""}.`,
    );
  }
  return out;
}

/**
 * Builds the report sheet for the tables flagged in one run. `generatedAt` defaults to now (local date).
 * Sections, top to bottom: title, date, headline, intro; legend; the charts of the red and orange findings (from a
 * new page); the weak-channel table (from a new page, its header repeated on the pages after); notes.
 */
export function buildReport(
  tables: ReportTable[],
  config: RulesConfig,
  lang: Lang,
  generatedAt = new Date(),
  changes?: ReportChanges,
): ReportSheet {
  const compared = changes?.compared === true;
  const columns = compared ? TABLE_COLUMNS : TABLE_COLUMNS.filter((c) => c.key !== "change");
  const maxOf = (c: number) => (compared ? (NARROWER[columns[c].key] ?? columns[c].max) : (columns[c].max as number));
  const rows: (string | number | null)[][] = [];
  const fills: ReportSheet["fills"] = [];
  const boldRows: number[] = [];
  const links: ReportSheet["links"] = [];
  const long: number[] = [];
  const pageBreaks: number[] = [];
  const boxes: ReportSheet["boxes"] = [];
  const add = (r: (string | number | null)[], bold = false) => {
    if (bold) boldRows.push(rows.length);
    rows.push(r);
  };

  const entries: Entry[] = tables.flatMap((t) =>
    t.result.findings.map((f, i) => ({ t, f, chart: t.charts?.[i], mark: t.marks?.[i] ?? null })),
  );
  entries.sort(
    (a, b) =>
      WARNING_COLOURS.indexOf(a.f.colour) - WARNING_COLOURS.indexOf(b.f.colour) ||
      RULE_IDS.indexOf(a.f.ruleId) - RULE_IDS.indexOf(b.f.ruleId),
  );
  const unchecked = tables.length > 0 && tables.every((t) => nothingChecked(t.result.checks));
  const none = unchecked ? T.nothingChecked[lang] : T.none[lang];

  add([T.title[lang]], true);
  add([T.generated[lang], today(generatedAt, lang)]);
  const lines = headline(entries, config, lang);
  for (const line of lines.length ? lines : [none]) {
    long.push(rows.length);
    add([safe(line)], true);
  }
  if (compared) {
    long.push(rows.length);
    add([changesHeadline(changes, changes.since, lang)], true);
  }
  long.push(rows.length);
  add([T.intro[lang]]);
  add([]);

  add([T.legend[lang]], true);
  const legendTop = rows.length;
  add(T.legendHeader[lang], true);
  const byColour = RULE_IDS.slice().sort((a, b) => severity(RULE_COLOUR[b]) - severity(RULE_COLOUR[a]));
  for (const id of byColour) {
    fills.push({ row: rows.length, col: 0, colour: RULE_COLOUR[id] });
    add([
      COLOUR_NAMES[RULE_COLOUR[id]][lang],
      RULE_NAMES[id][lang],
      T.respond[RULE_COLOUR[id]][lang],
      ruleThreshold(id, config)[lang],
      RULE_ACTIONS[id][lang],
    ]);
  }
  boxes.push({ top: legendTop, left: 0, bottom: rows.length - 1, right: T.legendHeader[lang].length - 1 });

  const charted = entries
    .filter((e) => (e.f.colour === "red" || e.f.colour === "orange") && (e.chart?.periods.length ?? 0) >= 2)
    .slice(0, MAX_CHARTS);
  const chartRows: { top: number; entry: Entry }[] = [];
  if (charted.length > 0) {
    add([]);
    pageBreaks.push(rows.length);
    add([T.trends[lang]], true);
    const top = rows.length;
    charted.forEach((entry, i) => {
      const band = Math.floor(i / 2);
      if (band > 0 && band % BANDS_PER_PAGE === 0 && i % 2 === 0) pageBreaks.push(top + band * CHART_ROWS);
      chartRows.push({ top: top + band * CHART_ROWS, entry });
    });
    // the chart area: empty rows, so the table below starts after the last band
    const bands = Math.ceil(charted.length / 2);
    while (rows.length < top + bands * CHART_ROWS) add([]);
  }

  add([]);
  if (charted.length > 0) pageBreaks.push(rows.length);
  add([T.summary[lang]], true);
  const headerRow = rows.length;
  add(
    columns.map((c) => c.header[lang]),
    true,
  );
  if (entries.length === 0) add([none]);
  for (const { t, f, mark } of entries) {
    fills.push({ row: rows.length, col: COLUMN.colour, colour: f.colour });
    links.push({ row: rows.length, col: COLUMN.cells, sheet: t.sheet, range: f.evidence.range });
    add(
      tableRow(
        {
          colour: COLOUR_NAMES[f.colour][lang],
          rule: RULE_NAMES[f.ruleId][lang],
          channel: safe(f.channel === "" ? T.allRows[lang] : f.channel),
          evidence: safe(f.evidence.text[lang]),
          action: f.action[lang],
          sheet: safe(t.sheet),
          cells: cellsText(f.evidence),
          periods: f.periodsFlagged,
          change: mark ? CHANGE_WORDS[mark][lang] : null,
        },
        columns,
      ),
    );
  }
  boxes.push({ top: headerRow, left: 0, bottom: rows.length - 1, right: columns.length - 1 });
  add([]);

  // issue 19: the previous flag's runs that this flag no longer finds, in the table's columns
  const resolved = compared ? changes.resolved : [];
  if (resolved.length > 0) {
    const n = formatNumber(resolved.length);
    add([lang === "zh" ? `${RESOLVED_HEADING.zh}（${n}）` : `${RESOLVED_HEADING.en} (${n})`], true);
    // dated as the evidence is: without the data's latest year
    const year = latestOfYears(tables.map((t) => t.result.latestYear));
    for (const r of resolved.slice(0, MAX_RESOLVED_ROWS))
      add(
        tableRow(
          {
            colour: null,
            rule: RULE_NAMES[r.rule][lang],
            channel: safe(r.channel === "" ? T.allRows[lang] : r.channel),
            evidence: `${T.flaggedThen[lang]}${runPeriods(r, lang, year)}`,
            action: null,
            sheet: safe(r.sheet),
            cells: null,
            periods: null,
            change: CHANGE_WORDS.resolved[lang],
          },
          columns,
        ),
      );
    if (resolved.length > MAX_RESOLVED_ROWS) {
      const more = formatNumber(resolved.length - MAX_RESOLVED_ROWS);
      add([lang === "zh" ? `另有 ${more} 项。` : `And ${more} more.`]);
    }
    add([]);
  }

  add([T.notes[lang]], true);
  let notes = 0;
  for (const t of tables) {
    const where = t.address ? `${t.sheet}!${t.address}` : t.sheet;
    // issue 17 §3: which rules ran, on which columns, and which could not
    for (const c of checksText(t.result.checks ?? [], lang)) {
      long.push(rows.length);
      add([safe(`${where}: ${c}`)]);
      notes++;
    }
    for (const w of t.result.warnings) {
      long.push(rows.length);
      add([safe(`${where}: ${w.message[lang]}`)]);
      notes++;
    }
  }
  if (notes === 0) add([T.noNotes[lang]]);
  long.push(rows.length);
  add([
    safe(
      `${T.tables[lang]}: ` +
        tables
          .map((t) => {
            const where = t.address ? `${t.sheet}!${t.address}` : t.sheet;
            const n = formatNumber(t.result.cells.length);
            return lang === "zh" ? `${where}（${n} 个单元格预警）` : `${where} (${n} cells flagged)`;
          })
          .join(lang === "zh" ? "、" : ", "),
    ),
  ]);

  const columnWidths = widths(rows, columns.length, maxOf);
  const half = Math.ceil(columnWidths.length / 2);
  const charts = chartRows.map(({ top, entry }, i): ReportChart => {
    const left = i % 2 === 0 ? 0 : half;
    const right = i % 2 === 0 ? half - 1 : columnWidths.length - 1;
    return reportChart(entry, config, lang, { top, left, bottom: top + CHART_ROWS - 1, right });
  });

  const total = columnWidths.reduce((a, b) => a + b, 0);
  const spans = long.map((row) => ({ row, lines: linesOf(rows[row][0], total) }));
  const wrapColumns = columns.map((_, i) => i);
  const rowLines = rows.map((r) =>
    r.length < 2 ? 1 : Math.max(1, ...r.map((v, c) => linesOf(v, columnWidths[c] ?? MIN_WIDTH))),
  );
  for (const s of spans) rowLines[s.row] = s.lines;
  return {
    rows,
    fills,
    boldRows,
    columnWidths,
    wrapColumns,
    spans,
    rowLines,
    headerRow,
    links,
    charts,
    pageBreaks,
    boxes,
    paper: lang === "zh" ? "a4" : "letter",
  };
}

/** A table row in the order of `columns` (TABLE_COLUMNS, without the change column on a first flag). */
function tableRow(
  cells: Record<TableColumn, string | number | null>,
  columns: readonly (typeof TABLE_COLUMNS)[number][],
): (string | number | null)[] {
  return columns.map((c) => cells[c.key]);
}

/** A finding's chart: its title, its lines named and styled, where it sits. */
function reportChart(
  { t, f, chart }: Entry,
  config: RulesConfig,
  lang: Lang,
  cells: ReportChart["cells"],
): ReportChart {
  const metric = RULE_METRIC[f.ruleId];
  const data = chart as FindingChartData;
  const channel = f.channel === "" ? T.allRows[lang] : f.channel;
  const warning = config.fills[f.colour];
  return {
    title: `${channel} · ${RULE_NAMES[f.ruleId][lang]} (${t.sheet})`,
    colour: f.colour,
    periods: data.periods.map((p) => formatPeriod(p, lang, t.result.latestYear ?? NaN)),
    by: data.by,
    lines: data.lines.map((l) => {
      const style = LINE_STYLE[l.role];
      return {
        name: lineName(l.role, f, config, lang, metric),
        role: l.role,
        values: l.values,
        colour: style.colour ?? warning,
        width: style.width,
        dash: style.dash,
        markers: style.markers,
      };
    }),
    percent: metric === "complaintRate" || metric === "repurchaseRate",
    cells,
  };
}

/** A line's name in the chart's legend. */
function lineName(
  role: ChartLineRole,
  f: RulesResult["findings"][number],
  config: RulesConfig,
  lang: Lang,
  metric: MetricKey,
): string {
  const column = COLUMN_NAMES[metric][lang];
  const zh = lang === "zh";
  if (role === "metric") {
    if (!f.evidence.weeklyMean) return column;
    return zh ? `${column}周均值` : `Weekly mean ${column === "LTV/CAC" ? column : column.toLowerCase()}`;
  }
  if (role === "fired") return zh ? "下滑周（及前一周）" : "Declining weeks (and the week before)";
  if (role === "baseline") {
    if (config.trafficBaseline === "previous")
      return zh ? `前 ${config.trafficWindow} 期均值` : `Mean of the previous ${plural(config.trafficWindow, "value")}`;
    return zh ? "基准（常规水平）" : "Baseline (usual level)";
  }
  if (metric === "traffic") {
    const share = formatPercent(1 - config.trafficDropRatio);
    return zh ? `阈值：基准的 ${share}` : `Limit: ${share} of the baseline`;
  }
  const value = formatMetric(metric, f.threshold);
  if (metric === "roi") return zh ? `基准 ${value}` : `Benchmark ${value}`;
  if (metric === "ltvCac") return zh ? `下限 ${value}` : `Minimum ${value}`;
  return zh ? `上限 ${value}` : `Limit ${value}`;
}

/** Lines a text takes wrapped in `width` characters (a proportional font's letters are narrower than the digit a width counts; word breaks waste about as much), at least 1. */
function linesOf(v: string | number | null | undefined, width: number): number {
  if (v === null || v === undefined) return 1;
  return Math.max(1, Math.ceil(displayWidth(String(v)) / Math.max(1, width - 1)));
}

/**
 * Column widths in characters: the longest cell of the legend and the table (displayWidth: CJK counts double)
 * plus 2, between MIN_WIDTH and the column's max (its text wraps beyond), so the sheet prints one page wide in
 * landscape at a readable scale. A header wraps too, but no word of it is cut: a column is at least its longest
 * header word wide.
 */
function widths(rows: (string | number | null)[][], count: number, maxOf: (c: number) => number): number[] {
  const out = new Array<number>(count).fill(MIN_WIDTH);
  for (const r of rows) {
    if (r.length < 2) continue; // titles, headline and notes span the columns
    r.forEach((v, c) => {
      if (v === null || c >= out.length) return;
      const text = String(v);
      const word = Math.max(...text.split(/\s+/).map((w) => displayWidth(w))) + 2;
      const max = Math.max(maxOf(c), Math.min(word, 20));
      out[c] = Math.min(max, Math.max(out[c], displayWidth(text) + 2));
    });
  }
  return out;
}
