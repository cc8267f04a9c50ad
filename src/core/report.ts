/**
 * The visible "Growth Signals" sheet: what a manager reads to understand a flagged workbook without the add-in.
 * Title, generation date, a legend (colour swatch, rule, threshold in words, recommended action), the weak-channel
 * summary and notes. One language per call. Plain values only — no formulas — and any text that Excel could read
 * as a formula (starting with = + - @) gets a leading space, so user text (channel names) stays text on any host.
 */
import type { WarningColour } from "./colours";
import { severity, WARNING_COLOURS } from "./colours";
import { displayWidth, formatNumber, type Lang } from "./i18n/format";
import { COLOUR_NAMES, COLUMN_NAMES, formatMetric } from "./i18n/rules";
import { RULE_ACTIONS, RULE_COLOUR, RULE_IDS, RULE_METRIC, RULE_NAMES, ruleThreshold } from "./rules/catalog";
import { cellsText } from "./rules/evidence";
import { checksText, nothingChecked } from "./rules/checks";
import type { FindingSeries } from "./rules/findingSeries";
import type { RulesConfig, RulesResult } from "./rules/types";

export interface ReportSheet {
  rows: (string | number | null)[][];
  /** Cells to fill with the warning colour (the swatches), 0-based in `rows`. */
  fills: { row: number; col: number; colour: WarningColour }[];
  boldRows: number[];
  /** Widths in characters, one per column. */
  columnWidths: number[];
  /** Columns whose cells wrap their text (the evidence, thresholds and actions). */
  wrapColumns: number[];
  /**
   * Rows of one long text (intro, notes) spread over every column and wrapped: merge A:last column, `lines` lines
   * high (the text's width over the columns' total width).
   */
  spans: { row: number; lines: number }[];
  /**
   * Lines of text per row (its height: a wrapped cell's text over its column's width, or a span's), so a row is tall
   * enough for its wrapped text where the spreadsheet program does not fit it (LibreOffice on open, merged cells).
   */
  rowLines: number[];
  /** The weak-channel table's header row, repeated at the top of every printed page (print titles). */
  headerRow: number;
  /** Cells that link to a finding's flagged cells: `range` on `sheet` ("D8:D10"). */
  links: { row: number; col: number; sheet: string; range: string }[];
  /** A line chart per red and orange weak channel (with the table's series): its metric over time and the threshold. */
  charts: ReportChart[];
  /** Rows (0-based) that start a printed page: the trend charts, two bands of charts a page, never cut in two. */
  pageBreaks: number[];
}

export interface ReportChart {
  /** "Search · ROI below benchmark (Daily)". */
  title: string;
  colour: WarningColour;
  /** The category labels: each value's period (ISO date or "row N"). */
  periods: string[];
  values: number[];
  /** The finding's threshold, drawn as a flat line. */
  threshold: number;
  /** Series names: the metric ("ROI") and the threshold ("Threshold 1.5"). */
  valueName: string;
  thresholdName: string;
  /** Rates are fractions: the value axis shows percentages. */
  percent: boolean;
  /** Where it sits: from the top-left corner of cell `from` to the top-left corner of cell `to` (0-based). */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

export interface ReportTable {
  sheet: string;
  address?: string;
  result: RulesResult;
  /** The values behind each finding (core findingSeries, same order as result.findings), for the trend charts. */
  series?: FindingSeries[];
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
  summaryHeader: {
    en: ["Color", "Rule", "Channel", "What fired", "Recommended action", "Sheet", "Cells", "Periods flagged"],
    zh: ["颜色", "规则", "渠道", "触发依据", "建议行动", "工作表", "单元格", "预警期数"],
  },
  none: { en: "No weak channels found.", zh: "未发现弱势渠道。" },
  nothingChecked: {
    en: "No metric column was recognized, so nothing was checked.",
    zh: "未识别到指标列，没有做任何检查。",
  },
  notes: { en: "Notes", zh: "说明" },
  noNotes: { en: "None.", zh: "无。" },
  allRows: { en: "(all rows)", zh: "（全部行）" },
  tables: { en: "Tables checked", zh: "已检查的表" },
  trends: { en: "Trends of the red and orange weak channels", zh: "红牌、橙牌弱势渠道趋势" },
  threshold: { en: "Threshold", zh: "阈值" },
};

/** At most this many charts, this many rows tall each, two side by side (columns A–D and E–H). */
const MAX_CHARTS = 12;
const CHART_ROWS = 16;
const CHART_COLUMNS = [
  { from: 0, to: 4 },
  { from: 4, to: 8 },
];

/** Text that a spreadsheet could take for a formula gets a leading space. */
function safe(s: string): string {
  return /^[=+\-@]/.test(s) ? ` ${s}` : s;
}

function today(d: Date): string {
  const p = (n: number) => (n < 10 ? "0" : "") + n;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * Builds the report sheet for the tables flagged in one run. `generatedAt` defaults to now (local date).
 */
export function buildReport(
  tables: ReportTable[],
  config: RulesConfig,
  lang: Lang,
  generatedAt = new Date(),
): ReportSheet {
  const rows: (string | number | null)[][] = [];
  const fills: ReportSheet["fills"] = [];
  const boldRows: number[] = [];
  const links: ReportSheet["links"] = [];
  const long: number[] = [];
  const add = (r: (string | number | null)[], bold = false) => {
    if (bold) boldRows.push(rows.length);
    rows.push(r);
  };

  add([T.title[lang]], true);
  add([T.generated[lang], today(generatedAt)]);
  long.push(rows.length);
  add([T.intro[lang]]);
  add([]);

  add([T.legend[lang]], true);
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
  add([]);

  add([T.summary[lang]], true);
  const headerRow = rows.length;
  add(T.summaryHeader[lang], true);
  const entries = tables.flatMap((t) => t.result.findings.map((f, i) => ({ t, f, series: t.series?.[i] })));
  entries.sort(
    (a, b) =>
      WARNING_COLOURS.indexOf(a.f.colour) - WARNING_COLOURS.indexOf(b.f.colour) ||
      RULE_IDS.indexOf(a.f.ruleId) - RULE_IDS.indexOf(b.f.ruleId),
  );
  const unchecked = tables.length > 0 && tables.every((t) => nothingChecked(t.result.checks));
  if (entries.length === 0) add([unchecked ? T.nothingChecked[lang] : T.none[lang]]);
  for (const { t, f } of entries) {
    fills.push({ row: rows.length, col: 0, colour: f.colour });
    links.push({ row: rows.length, col: CELLS_COL, sheet: t.sheet, range: f.evidence.range });
    add([
      COLOUR_NAMES[f.colour][lang],
      RULE_NAMES[f.ruleId][lang],
      safe(f.channel === "" ? T.allRows[lang] : f.channel),
      safe(f.evidence.text[lang]),
      f.action[lang],
      safe(t.sheet),
      cellsText(f.evidence),
      f.periodsFlagged,
    ]);
  }
  add([]);

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

  const charts: ReportChart[] = [];
  const pageBreaks: number[] = [];
  const charted = entries
    .filter((e) => (e.f.colour === "red" || e.f.colour === "orange") && (e.series?.values.length ?? 0) >= 2)
    .slice(0, MAX_CHARTS);
  if (charted.length > 0) {
    add([]);
    pageBreaks.push(rows.length);
    add([T.trends[lang]], true);
    const top = rows.length;
    for (let band = 2; band * 2 < charted.length + 1; band += 2) pageBreaks.push(top + band * CHART_ROWS);
    charted.forEach(({ t, f, series }, i) => {
      const metric = RULE_METRIC[f.ruleId];
      const band = top + Math.floor(i / 2) * CHART_ROWS;
      const cols = CHART_COLUMNS[i % 2];
      const channel = f.channel === "" ? T.allRows[lang] : f.channel;
      charts.push({
        title: `${channel} · ${RULE_NAMES[f.ruleId][lang]} (${t.sheet})`,
        colour: f.colour,
        periods: series?.periods ?? [],
        values: series?.values ?? [],
        threshold: f.threshold,
        valueName: COLUMN_NAMES[metric][lang],
        thresholdName: `${T.threshold[lang]} ${formatMetric(metric, f.threshold)}`,
        percent: metric === "complaintRate" || metric === "repurchaseRate",
        from: { row: band, col: cols.from },
        to: { row: band + CHART_ROWS - 1, col: cols.to },
      });
    });
  }

  const columnWidths = widths(rows);
  const total = columnWidths.reduce((a, b) => a + b, 0);
  const spans = long.map((row) => ({ row, lines: linesOf(rows[row][0], total) }));
  const rowLines = rows.map((r, i) =>
    Math.max(
      1,
      ...WRAP_COLUMNS.map((c) => (c < r.length && !boldRows.includes(i) ? linesOf(r[c], columnWidths[c]) : 1)),
    ),
  );
  for (const s of spans) rowLines[s.row] = s.lines;
  return {
    rows,
    fills,
    boldRows,
    columnWidths,
    wrapColumns: WRAP_COLUMNS,
    spans,
    rowLines,
    headerRow,
    links,
    charts,
    pageBreaks,
  };
}

/** Lines a text takes wrapped in `width` characters (a tenth more for word breaks), at least 1. */
function linesOf(v: string | number | null | undefined, width: number): number {
  if (v === null || v === undefined) return 1;
  return Math.max(1, Math.ceil((displayWidth(String(v)) * 1.1) / Math.max(1, width - 1)));
}
/** The weak-channel table's column of cell ranges (a link to the flagged cells). */
const CELLS_COL = 6;
/** The threshold or evidence column and the action column: wrapped, at most WRAP_WIDTH characters wide. */
const WRAP_COLUMNS = [3, 4];
const WRAP_WIDTH = 45;

/**
 * Column widths in characters: the longest short cell (displayWidth: CJK counts double), between 8 and 60; the
 * wrapped columns at most WRAP_WIDTH, so the sheet prints one page wide in landscape at a readable scale.
 */
function widths(rows: (string | number | null)[][]): number[] {
  const cols = Math.max(...rows.map((r) => r.length));
  const out = new Array<number>(cols).fill(8);
  for (const r of rows) {
    if (r.length === 1) continue; // titles and notes span the columns
    r.forEach((v, c) => {
      if (v === null) return;
      const max = WRAP_COLUMNS.includes(c) ? WRAP_WIDTH : 60;
      out[c] = Math.min(max, Math.max(out[c], displayWidth(String(v)) + 2));
    });
  }
  return out;
}
