/**
 * runRules: one table in, every flag, coloured cell, weak-channel finding and warning out. Pure and synchronous;
 * the task pane, the CLI and the report all call this one function.
 *
 * Decisions where the rules issue is silent (see also series.ts, weeks.ts, dates.ts, values.ts):
 * - `options.mapping` replaces detection entirely; entries that are not column indexes of the table are ignored.
 * - Rate columns: the unit comes from a percent number format (fractions), else a "%" in the header (percentage
 *   points), else any number above 1 (percentage points), else fractions; percentage points are divided by 100
 *   (1.2 → 0.012); text with its own "%" is already a fraction and is never divided again.
 * - Text in a metric column that is not a number (nor a "no value" mark such as "-" or "n/a") is counted in an
 *   "unreadable-text" warning carrying the column, the first and last data rows and the count.
 * - Flag.threshold is the limit the value was compared with: the benchmark (ROI, LTV/CAC), the maximum (complaint),
 *   (1 − drop ratio) × the previous mean (traffic), the previous week's value (repurchase).
 * - ChannelFinding.threshold is the threshold of its most recent flag; latestValue is the channel's most recent
 *   numeric value of the metric by date (the raw value of the row, not a weekly mean).
 * - No channel column → channel "" (hosts show it as "all rows").
 */
import { severity } from "../colours";
import { formatPeriod, formatPeriodRange } from "../i18n/dates";
import { COLUMN_NAMES } from "../i18n/rules";
import { parseNumber } from "../table/values";
import { formatIsoDay } from "../table/dates";
import { columnLetters } from "../a1";
import { detectColumns, hasMetricColumn } from "../table/headers";
import { RULE_METRIC, RULES, settingsOf, type AnyRule } from "./catalog";
import { DETECTORS } from "./detectorTable";
import { DerivedColumn, holdsPercentages, MetricColumn } from "./column";
import { derivationNote, derivedReason, negativeWarning, ruleChecks, totalsWarning } from "./checks";
import { derivationOf, derivedMetrics } from "../table/derived";
import { DEFAULT_CONFIG } from "./config";
import { periodOf } from "./detector";
import { findingEvidence, type CellPlacement } from "./evidence";
import { FlagSink } from "./flagSink";
import { prepareTable, type PreparedTable } from "./series";
import type { CountKey } from "../table/types";
import {
  COLUMN_ROLES,
  type CellFlag,
  type CellValue,
  type ChannelFinding,
  type ColumnMapping,
  type EngineWarning,
  type MetricKey,
  type RuleId,
  type RulesConfig,
  type RulesResult,
  type Table,
} from "./types";

export interface RunOptions {
  mapping?: ColumnMapping;
  config?: RulesConfig;
  /** Serial numbers are in the 1904 date system (serial 0 = 1904-01-01), as in Mac Excel workbooks with date1904. */
  date1904?: boolean;
  /** A year found elsewhere in the file (e.g. a title "2026年周报"), for dates written without one ("1月5日"). */
  year?: number;
  /** The rules to run, in order: the catalogue's (rules/catalog.ts) unless a test gives others. */
  rules?: readonly AnyRule[];
  /**
   * Where the table sits on its sheet, for the findings' cells (evidence.cells): the sheet column (0-based) of its
   * first column, and the sheet row of each data row (`rowMap`, when blank rows were left out) or of the first one.
   * Without it the cells are given with the table's header as row 1 and its first column as A.
   */
  placement?: { left: number; firstRow: number; rowMap?: readonly number[] };
}

const RULE_METRIC_OF = (id: RuleId): MetricKey => RULE_METRIC[id];
const RUN_METRICS: readonly MetricKey[] = ["roi", "repurchaseRate", "ltvCac"];
/** Metrics that cannot be below 0: a negative value is not read (and is noted). */
const NON_NEGATIVE: readonly MetricKey[] = ["roi", "traffic", "ltvCac"];
const RATE_METRICS: readonly MetricKey[] = ["complaintRate", "repurchaseRate"];

/** The mapping to use: the caller's (checked) or the detected one. */
function resolveMapping(table: Table, override?: ColumnMapping): ColumnMapping {
  if (!override) return detectColumns(table.header);
  const width = Math.max(table.header.length, table.rows.length > 0 ? table.rows[0].length : 0);
  const mapping: ColumnMapping = {};
  for (const role of COLUMN_ROLES) {
    const c = override[role];
    if (typeof c === "number" && Number.isInteger(c) && c >= 0 && c < width) mapping[role] = c;
  }
  return mapping;
}

export function runRules(table: Table, options: RunOptions = {}): RulesResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const rules = options.rules ?? (RULES as readonly AnyRule[]);
  const mapping = resolveMapping(table, options.mapping);
  const derived = derivedMetrics(mapping);
  const left = options.placement ? options.placement.left : 0;
  const result: RulesResult = {
    mapping,
    flags: [],
    cells: [],
    findings: [],
    warnings: [],
    skippedRows: 0,
    percentColumns: [],
    derived,
    checks: ruleChecks(
      table.header,
      mapping,
      options.mapping ? detectColumns(table.header) : mapping,
      derived,
      rules,
      left,
    ),
  };
  if (!hasMetricColumn(mapping)) {
    result.warnings.push({
      code: "no-metric-column",
      message: {
        en: "No metric column found (ROI, complaint rate, repurchase rate, LTV/CAC or traffic); nothing was checked.",
        zh: "未找到指标列（ROI、投诉率、复购率、LTV/CAC 或流量），未做任何检查。",
      },
    });
    return result;
  }

  const prepared = prepareTable(table, mapping, { date1904: options.date1904, year: options.year });
  result.skippedRows = prepared.skippedRows;
  const first = firstDay(prepared);
  if (first !== null) result.firstPeriod = formatIsoDay(first);
  const sink = new FlagSink(prepared);
  const columns = new Map<MetricKey, MetricColumn>();
  const byRow = new Float64Array(table.rows.length);
  // the detectors read only their own settings; fills are the hosts' business
  const numbers = settingsOf(config);
  // Count columns (complaints, orders) have their own scratch arrays: a rule reads them beside its metric.
  const counts = new Map<CountKey, MetricColumn | null>();
  const countsOf = (key: CountKey): MetricColumn | null => {
    if (counts.has(key)) return counts.get(key) ?? null;
    const col = mapping[key];
    const column =
      col === undefined ? null : new MetricColumn(table.rows, col, 1, new Float64Array(table.rows.length), false);
    column?.load();
    counts.set(key, column);
    return column;
  };

  for (const rule of rules) {
    const metric = rule.metric;
    const parts = derived[metric];
    const col = parts ? parts.numerator : mapping[metric];
    if (col === undefined) continue;
    let column = columns.get(metric);
    if (!column && parts) {
      column = new DerivedColumn(table.rows, parts.numerator, parts.denominator, byRow);
      columns.set(metric, column);
      result.warnings.push(derivationNote(metric, table.header, parts, left));
      // a negative part (a refund's revenue, a credited cost) gives no value: say where
      const d = derivationOf(metric);
      for (const [role, c] of [
        [d?.numerator, parts.numerator],
        [d?.denominator, parts.denominator],
      ] as const) {
        const negative = role ? negativeRows(table.rows, c, prepared.included) : [];
        if (role && negative.length) result.warnings.push(negativeWarning(role, negative, c, left));
      }
    } else if (!column) {
      const unit = RATE_METRICS.includes(metric) ? rateUnit(table, col, prepared.included) : "fraction";
      const percent = unit !== "fraction";
      if (percent) {
        result.percentColumns.push(metric);
        result.warnings.push(percentWarning(metric, col, unit));
      }
      const nonNegative = NON_NEGATIVE.includes(metric);
      column = new MetricColumn(table.rows, col, percent ? 100 : 1, byRow, metric === "ltvCac", nonNegative);
      columns.set(metric, column);
      const negative = nonNegative ? negativeRows(table.rows, col, prepared.included) : [];
      if (negative.length) result.warnings.push(negativeWarning(metric, negative, col, left));
      const unreadable = unreadableText(table.rows, column, prepared.included, metric);
      if (unreadable) result.warnings.push(unreadable);
    }
    column.load();
    sink.begin(rule.id as RuleId, rule.colour, col);
    detectorOf(rule)({ table: prepared, column, config: numbers, sink, counts: countsOf });
  }

  for (const [metric, parts] of Object.entries(derived)) {
    const column = columns.get(metric as MetricKey);
    if (column instanceof DerivedColumn && parts) explainDerived(sink, column, metric as MetricKey);
  }
  result.flags = sortFlags(sink);
  result.cells = cellsByCell(result.flags);
  const place = options.placement;
  const rowMap = place?.rowMap;
  const firstRow = place ? place.firstRow : 1;
  result.latestYear = prepared.latestYear;
  result.findings = findingsOf(prepared, sink, columns, rules, {
    left: place ? place.left : 0,
    rowOf: rowMap ? (r) => rowMap[r] : (r) => firstRow + r,
  });
  for (const f of result.findings) {
    const column = columns.get(RULE_METRIC_OF(f.ruleId));
    if (!(column instanceof DerivedColumn) || f.rows.length === 0) continue;
    const row = f.rows[f.rows.length - 1];
    const [a, b] = column.parts(row);
    const why = derivedReason(RULE_METRIC_OF(f.ruleId), column.value(row), a, b);
    const year = prepared.latestYear;
    f.evidence.text = {
      en: `${f.evidence.text.en} (derived: ${why.en}, ${formatPeriod(f.lastPeriod, "en", year)})`,
      zh: `${f.evidence.text.zh}（推算：${why.zh}，${formatPeriod(f.lastPeriod, "zh", year)}）`,
    };
  }
  result.warnings.push(...cadenceWarnings(prepared, mapping));
  if (prepared.yearless.yearless > 0) result.warnings.push(yearWarning(prepared, mapping));
  const totals = prepared.totalRows;
  const rowOf = rowMap ? (r: number) => rowMap[r] : (r: number) => firstRow + r;
  if (totals.length > 0) result.warnings.push(totalsWarning(table.rows, totals, mapping, rowOf));
  const others = prepared.skippedRows - totals.length;
  if (others > 0) result.warnings.push(skippedWarning(others, mapping));
  return result;
}

/** A catalogue rule's detector (detectorTable.ts), or the one a rule outside the catalogue brings. */
function detectorOf(rule: AnyRule): NonNullable<AnyRule["detect"]> {
  const detect = rule.detect ?? (DETECTORS as unknown as Record<string, AnyRule["detect"]>)[rule.id];
  if (!detect) throw new Error(`No detector for the rule ${rule.id}.`);
  return detect;
}

/** Data rows (that the rules use) whose cell in `col` is a negative number. */
function negativeRows(rows: readonly CellValue[][], col: number, included: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (included[i] !== 1) continue;
    const v = rows[i][col];
    const n = typeof v === "number" ? v : typeof v === "string" && v.includes("-") ? parseNumber(v) : NaN;
    if (n < 0) out.push(i);
  }
  return out;
}

/** Every flag of a derived metric says so: "…; ROI 1.21 = revenue 1,452 ÷ cost 1,200". */
function explainDerived(sink: FlagSink, column: DerivedColumn, metric: MetricKey): void {
  for (const f of sink.flags) {
    if (f.col !== column.col || RULE_METRIC_OF(f.ruleId) !== metric) continue;
    const [a, b] = column.parts(f.row);
    const why = derivedReason(metric, column.value(f.row), a, b);
    f.reason = { en: `${f.reason.en}; ${why.en}`, zh: `${f.reason.zh}；${why.zh}` };
  }
}

type RateUnit = "fraction" | "header-percent" | "above-one";

/** True when a number-format code shows a percent ("0.00%"; a quoted or escaped "%" is literal text). */
export function isPercentFormat(code: string | undefined): boolean {
  if (!code) return false;
  return code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").includes("%");
}

/**
 * A rate column's unit, from the evidence in this order: a percent number format on its cells (fractions: Excel
 * shows 0.004 as 0.4%); a "%" in the header ("投诉率（%）") with General/number cells (percentage points); any
 * number above 1 (percentage points); otherwise fractions.
 */
function rateUnit(table: Table, col: number, included: Uint8Array): RateUnit {
  if (isPercentFormat(table.numberFormats?.[col])) return "fraction";
  const h = table.header[col];
  if (typeof h === "string" && (h.includes("%") || h.includes("％"))) return "header-percent";
  return holdsPercentages(table.rows, col, included) ? "above-one" : "fraction";
}

function percentWarning(metric: MetricKey, col: number, unit: RateUnit): EngineWarning {
  const name = COLUMN_NAMES[metric];
  const letter = columnLetters(col);
  const why =
    unit === "header-percent"
      ? { en: "gives its unit as % in the header", zh: "表头注明单位为 %" }
      : { en: "has numbers above 1", zh: "含有大于 1 的数字" };
  return {
    code: "percent-column",
    message: {
      en: `${name.en} (column ${letter} of the table) ${why.en}, so it was read as percentages (1.2 = 1.2%).`,
      zh: `${name.zh}（表内第 ${letter} 列）${why.zh}，已按百分数读取（1.2 即 1.2%）。`,
    },
  };
}

/** Text that means "no value" rather than a number nobody could read. */
const MISSING_TEXT = new Set([
  "-",
  "--",
  "—",
  "–",
  "/",
  "n/a",
  "na",
  "n.a.",
  "null",
  "none",
  "nil",
  "无",
  "暂无",
  "空",
  "—",
]);

/**
 * How many text cells of a metric column (in rows the rules use) could not be read as numbers, and where:
 * blanks and the usual "no value" marks ("-", "n/a", "暂无") are missing values, not unreadable text.
 */
function unreadableText(
  rows: readonly CellValue[][],
  column: MetricColumn,
  included: Uint8Array,
  metric: MetricKey,
): EngineWarning | null {
  const col = column.col;
  let count = 0;
  let first = -1;
  let last = -1;
  let example = "";
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i][col];
    if (typeof v !== "string" || included[i] !== 1) continue;
    if (column.value(i) === column.value(i)) continue;
    const t = v.trim();
    if (t === "" || MISSING_TEXT.has(t.toLowerCase())) continue;
    count++;
    if (first < 0) {
      first = i;
      example = t.length > 20 ? t.slice(0, 20) + "…" : t;
    }
    last = i;
  }
  if (count === 0) return null;
  const name = COLUMN_NAMES[metric];
  const letter = columnLetters(col);
  // Table-relative address: the header is row 1, so data row i is row i + 2.
  const where = first === last ? `${letter}${first + 2}` : `${letter}${first + 2}:${letter}${last + 2}`;
  return {
    code: "unreadable-text",
    col,
    rows: { first, last },
    count,
    message: {
      en:
        `${name.en}: ${count} cell${count === 1 ? "" : "s"} in ${where} of the table ${count === 1 ? "holds" : "hold"} ` +
        `text that is not a number (e.g. “${example}”), so the rules skipped ${count === 1 ? "it" : "them"}.`,
      zh: `${name.zh}：表内 ${where} 有 ${count} 个单元格是无法识别为数字的文本（如“${example}”），规则已跳过。`,
    },
  };
}

function yearWarning(prepared: PreparedTable, mapping: ColumnMapping): EngineWarning {
  const info = prepared.yearless;
  const n = info.yearless;
  const letter = columnLetters(mapping.date ?? 0);
  const from =
    info.yearFrom === "column"
      ? { en: "from the other dates in the column", zh: "取自该列其他日期" }
      : info.yearFrom === "host"
        ? { en: "from the year given elsewhere in the file", zh: "取自文件中其他位置注明的年份" }
        : { en: "assumed to be the current year (no year anywhere)", zh: "文件中没有年份，按当前年份处理" };
  return {
    code: "year-assumed",
    col: mapping.date,
    count: n,
    message: {
      en:
        `${n} date${n === 1 ? "" : "s"} in column ${letter} of the table ${n === 1 ? "has" : "have"} no year; ` +
        `the year ${info.year} was ${from.en.startsWith("assumed") ? from.en : "taken " + from.en}, counting on ` +
        `into the next year where the dates pass from December to January.`,
      zh: `表内第 ${letter} 列有 ${n} 个日期没有年份，年份 ${info.year} ${from.zh}；日期从 12 月跨到 1 月处按下一年计。`,
    },
  };
}

function skippedWarning(count: number, mapping: ColumnMapping): EngineWarning {
  const why =
    mapping.date !== undefined
      ? { en: "without a readable date or marked as totals", zh: "没有可识别的日期或属于合计行" }
      : { en: "marked as totals", zh: "属于合计行" };
  return {
    code: "skipped-rows",
    message: {
      en: `${count} row${count === 1 ? "" : "s"} ${why.en} ${count === 1 ? "was" : "were"} left out of every rule.`,
      zh: `${count} 行${why.zh}，未参与任何规则。`,
    },
  };
}

function cadenceWarnings(prepared: PreparedTable, mapping: ColumnMapping): EngineWarning[] {
  const runMetrics = RUN_METRICS.filter((m) => mapping[m] !== undefined);
  if (runMetrics.length === 0) return [];
  const irregular = prepared.series.filter((s) => s.cadence === "irregular").map((s) => s.channel || "(all rows)");
  if (irregular.length === 0) return [];
  const shown = irregular.slice(0, 5).join(", ") + (irregular.length > 5 ? ` (+${irregular.length - 5})` : "");
  const shownZh = irregular.slice(0, 5).join("、") + (irregular.length > 5 ? `（另 ${irregular.length - 5} 个）` : "");
  const metricsEn = runMetrics.map((m) => COLUMN_NAMES[m].en).join(", ");
  const metricsZh = runMetrics.map((m) => COLUMN_NAMES[m].zh).join("、");
  return [
    {
      code: "run-rules-need-daily-or-weekly",
      message: {
        en:
          `The dates of ${shown} are neither daily nor weekly, so the run rules (${metricsEn}) find no or few ` +
          `consecutive periods there (only rows exactly 7 days apart count); they need daily or weekly data. ` +
          `Complaint and traffic rules still apply.`,
        zh:
          `${shownZh} 的日期既不是按天也不是按周，连续期规则（${metricsZh}）只把相隔正好 7 天的行算作连续，` +
          `需要日数据或周数据；投诉率和流量规则照常适用。`,
      },
    },
  ];
}

function sortFlags(sink: FlagSink): RulesResult["flags"] {
  const idx = sink.flags.map((_, i) => i);
  idx.sort((a, b) => sink.flags[a].row - sink.flags[b].row || sink.flags[a].col - sink.flags[b].col || a - b);
  return idx.map((i) => sink.flags[i]);
}

/** One entry per coloured cell: the most severe colour among its flags. */
function cellsByCell(flags: RulesResult["flags"]): CellFlag[] {
  const cells: CellFlag[] = [];
  let last: CellFlag | undefined;
  for (const f of flags) {
    // flags are sorted by (row, col), so a cell's flags are adjacent
    if (last && last.row === f.row && last.col === f.col) {
      if (severity(f.colour) > severity(last.colour)) last.colour = f.colour;
      if (!last.ruleIds.includes(f.ruleId)) last.ruleIds.push(f.ruleId);
      continue;
    }
    last = { row: f.row, col: f.col, colour: f.colour, ruleIds: [f.ruleId] };
    cells.push(last);
  }
  return cells;
}

/** The earliest date of the rows a rule may read (issue 19: what the table still reaches back to); null without dates. */
function firstDay(prepared: PreparedTable): number | null {
  const { days, included } = prepared;
  if (days === null) return null;
  let min = Infinity;
  for (let i = 0; i < days.length; i++) if (included[i] === 1 && days[i] < min) min = days[i];
  return min === Infinity ? null : min;
}

function findingsOf(
  prepared: PreparedTable,
  sink: FlagSink,
  columns: Map<MetricKey, MetricColumn>,
  rules: readonly AnyRule[],
  placement: CellPlacement,
): ChannelFinding[] {
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const ruleOrder = new Map(rules.map((r, i) => [r.id, i]));
  const groups = new Map<string, { seriesIndex: number; ruleId: RuleId; items: number[] }>();
  sink.flags.forEach((f, i) => {
    const key = `${sink.seriesIndex[i]}|${f.ruleId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { seriesIndex: sink.seriesIndex[i], ruleId: f.ruleId, items: [] }));
    group.items.push(i);
  });
  const findings: (ChannelFinding & { seriesIndex: number })[] = [];
  for (const g of groups.values()) {
    const rule = ruleById.get(g.ruleId) as AnyRule;
    const series = prepared.series[g.seriesIndex];
    const byPos = g.items.slice().sort((a, b) => sink.position[a] - sink.position[b]);
    const firstPos = sink.position[byPos[0]];
    const lastItem = byPos[byPos.length - 1];
    const latest = (columns.get(rule.metric) as MetricColumn).latest(series);
    const firstPeriod = periodOf(series, firstPos);
    const lastPeriod = periodOf(series, sink.position[lastItem]);
    const rows = Array.from(new Set(byPos.map((i) => sink.flags[i].row))).sort((a, b) => a - b);
    const col = sink.flags[lastItem].col;
    const items = byPos.map((i) => ({
      flag: sink.flags[i],
      position: sink.position[i],
      week: sink.week[i],
      baseline: sink.baseline[i],
    }));
    findings.push({
      seriesIndex: g.seriesIndex,
      channel: series.channel,
      ruleId: g.ruleId,
      colour: rule.colour,
      periodsFlagged: rows.length,
      firstPeriod,
      lastPeriod,
      periodText: {
        en: formatPeriodRange(firstPeriod, lastPeriod, "en", prepared.latestYear),
        zh: formatPeriodRange(firstPeriod, lastPeriod, "zh", prepared.latestYear),
      },
      latestValue: latest,
      threshold: sink.flags[lastItem].threshold,
      action: rule.action,
      rows,
      col,
      evidence: findingEvidence(rule.metric, series, items, rows, col, placement, prepared.latestYear),
    });
  }
  findings.sort(
    (a, b) =>
      severity(b.colour) - severity(a.colour) ||
      (ruleOrder.get(a.ruleId) as number) - (ruleOrder.get(b.ruleId) as number) ||
      a.seriesIndex - b.seriesIndex,
  );
  return findings.map(({ seriesIndex: _seriesIndex, ...f }) => f);
}
