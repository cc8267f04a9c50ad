/**
 * What a run checked (issue 17 §3): every rule, the column it read and how that column was chosen (found by its
 * header, mapped by the user, derived from two columns), or the column it lacked; and the notes about rows and
 * values the rules left out (totals rows, negative values). Every host shows these words as they are.
 */
import { columnLetters } from "../a1";
import { formatNumber, type Bilingual, type Lang } from "../i18n/format";
import { COLUMN_NAMES, formatMetric } from "../i18n/rules";
import { derivationOf, type DerivedColumns } from "../table/derived";
import { isTotalLabel } from "../table/totals";
import type { CellValue, ColumnMapping, ColumnRole, MetricKey } from "../table/types";
import { RULE_NAMES, type AnyRule, type RuleId } from "./catalog";
import type { EngineWarning, RuleCheck } from "./types";

function headerText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim();
}

/** One check per rule of the run, in the run's order. `detected` is the mapping detection alone would give. */
export function ruleChecks(
  header: readonly CellValue[],
  mapping: ColumnMapping,
  detected: ColumnMapping,
  derived: Partial<Record<MetricKey, DerivedColumns>>,
  rules: readonly AnyRule[],
  left: number,
): RuleCheck[] {
  return rules.map((rule): RuleCheck => {
    const metric = rule.metric;
    const parts = derived[metric];
    if (parts) {
      return {
        ruleId: rule.id as RuleId,
        metric,
        ran: true,
        source: "derived",
        col: parts.numerator,
        columns: `${columnLetters(left + parts.numerator)} ÷ ${columnLetters(left + parts.denominator)}`,
        header: `${headerText(header[parts.numerator])} ÷ ${headerText(header[parts.denominator])}`,
        parts,
      };
    }
    const col = mapping[metric];
    if (col === undefined) return { ruleId: rule.id as RuleId, metric, ran: false };
    return {
      ruleId: rule.id as RuleId,
      metric,
      ran: true,
      source: detected[metric] === col ? "found" : "mapped",
      col,
      columns: columnLetters(left + col),
      header: headerText(header[col]),
    };
  });
}

const SOURCE: Record<NonNullable<RuleCheck["source"]>, Bilingual> = {
  found: { en: "found", zh: "自动识别" },
  mapped: { en: "mapped", zh: "手动指定" },
  derived: { en: "derived", zh: "推算" },
};

/** What a rule lacking its column needs: "a ROI column, or revenue and cost". */
function needs(metric: MetricKey, lang: Lang): string {
  const d = derivationOf(metric);
  const name = (r: ColumnRole) => (lang === "en" ? COLUMN_NAMES[r].en.toLowerCase() : COLUMN_NAMES[r].zh);
  const en = COLUMN_NAMES[metric].en;
  // "an ROI column", "an LTV/CAC column", "a complaint rate column"
  const enName = en === en.toUpperCase() ? en : en.toLowerCase();
  const article = /^[AEFHILMNORSX]/.test(enName) ? "an" : "a";
  const own = lang === "en" ? `${article} ${enName} column` : `${COLUMN_NAMES[metric].zh}列`;
  if (!d) return own;
  return lang === "en"
    ? `${own}, or ${name(d.numerator)} and ${name(d.denominator)}`
    : `${own}，或${name(d.numerator)}和${name(d.denominator)}列`;
}

/**
 * The checks in words, one line for the rules that ran and one for those that could not:
 *   Rules run: ROI below benchmark on “Conv. value / cost” (G, found); Traffic drop on “Clicks” (C, found).
 *   Not run, for want of a column: Complaint rate high (needs a Complaint rate column, or complaints and orders); …
 */
export function checksText(checks: readonly RuleCheck[], lang: Lang): string[] {
  if (checks.length === 0) return []; // a result without checks (an older host's): nothing to say
  const ran = checks.filter((c) => c.ran);
  const missing = checks.filter((c) => !c.ran);
  const lines: string[] = [];
  if (ran.length === 0) {
    lines.push(
      lang === "en"
        ? "No metric column was recognized, so no rule ran; map the columns to check this table."
        : "未识别到任何指标列，没有运行任何规则；请指定列后再检查此表格。",
    );
  } else {
    const items = ran.map((c) => {
      const name = RULE_NAMES[c.ruleId][lang];
      const how = SOURCE[c.source ?? "found"][lang];
      return lang === "en"
        ? `${name} on “${c.header ?? ""}” (${c.columns ?? ""}, ${how})`
        : `${name}：“${c.header ?? ""}”（${c.columns ?? ""}，${how}）`;
    });
    lines.push(lang === "en" ? `Rules run: ${items.join("; ")}.` : `已运行的规则：${items.join("；")}。`);
  }
  if (missing.length && ran.length) {
    const items = missing.map((c) =>
      lang === "en"
        ? `${RULE_NAMES[c.ruleId].en} (needs ${needs(c.metric, "en")})`
        : `${RULE_NAMES[c.ruleId].zh}（需要${needs(c.metric, "zh")}）`,
    );
    lines.push(
      lang === "en" ? `Not run, for want of a column: ${items.join("; ")}.` : `因缺少列而未运行：${items.join("；")}。`,
    );
  }
  return lines;
}

/** True when a result's checks show no metric column: a host must never call that an all-clear. */
export function nothingChecked(checks: readonly RuleCheck[] | undefined): boolean {
  return checks !== undefined && !checks.some((c) => c.ran);
}

/** "ROI 1.21 = revenue 1,452 ÷ cost 1,200". */
export function derivedReason(metric: MetricKey, value: number, a: number, b: number): Bilingual {
  const d = derivationOf(metric);
  if (!d) return { en: "", zh: "" };
  const v = formatMetric(metric, value);
  const num = COLUMN_NAMES[d.numerator];
  const den = COLUMN_NAMES[d.denominator];
  const metricName = COLUMN_NAMES[metric];
  return {
    en: `${metric === "roi" ? "ROI" : metricName.en.toLowerCase()} ${v} = ${num.en.toLowerCase()} ${formatNumber(a)} ÷ ${den.en.toLowerCase()} ${formatNumber(b)}`,
    zh: `${metricName.zh} ${v} = ${num.zh} ${formatNumber(a)} ÷ ${den.zh} ${formatNumber(b)}`,
  };
}

/** The note that a metric was derived: "ROI was derived as revenue ÷ cost from “Conv. value” (E) ÷ “Cost” (D)…". */
export function derivationNote(
  metric: MetricKey,
  header: readonly CellValue[],
  parts: DerivedColumns,
  left: number,
): EngineWarning {
  const d = derivationOf(metric);
  const name = COLUMN_NAMES[metric];
  const num = d ? COLUMN_NAMES[d.numerator] : name;
  const den = d ? COLUMN_NAMES[d.denominator] : name;
  const a = `“${headerText(header[parts.numerator])}” (${columnLetters(left + parts.numerator)})`;
  const b = `“${headerText(header[parts.denominator])}” (${columnLetters(left + parts.denominator)})`;
  const aZh = `“${headerText(header[parts.numerator])}”（${columnLetters(left + parts.numerator)} 列）`;
  const bZh = `“${headerText(header[parts.denominator])}”（${columnLetters(left + parts.denominator)} 列）`;
  return {
    code: "derived-metric",
    col: parts.numerator,
    message: {
      en: `The table has no ${name.en} column, so ${name.en} was derived as ${num.en.toLowerCase()} ÷ ${den.en.toLowerCase()}: ${a} ÷ ${b}; its flags color the ${num.en.toLowerCase()} cells.`,
      zh: `表中没有${name.zh}列，${name.zh}按 ${num.zh} ÷ ${den.zh} 推算：${aZh} ÷ ${bZh}；预警标在${num.zh}单元格上。`,
    },
  };
}

/** Rows as a short list: "rows 4, 9 and 12" (at most 5 named). */
function rowList(rows: readonly number[], lang: Lang): string {
  const shown = rows.slice(0, 5).map(String);
  const more = rows.length - shown.length;
  if (lang === "zh") return `第 ${shown.join("、")} 行${more > 0 ? `等（另 ${more} 行）` : ""}`;
  const list = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
  return `row${rows.length === 1 ? "" : "s"} ${list}${more > 0 ? ` (+${more} more)` : ""}`;
}

/** Negative values that were not read: "Traffic: 2 negative values (rows 5 and 9) were not read." */
export function negativeWarning(role: ColumnRole, rows: readonly number[], col: number, left: number): EngineWarning {
  const name = COLUMN_NAMES[role];
  const sheetRows = rows.map((r) => r + 2);
  const letter = columnLetters(left + col);
  const n = rows.length;
  return {
    code: "negative-values",
    col,
    rows: { first: rows[0], last: rows[n - 1] },
    count: n,
    message: {
      en: `${name.en} (column ${letter}): ${n} negative value${n === 1 ? " was" : "s were"} not read (${rowList(sheetRows, "en")} of the table); ${name.en.toLowerCase()} cannot be below 0.`,
      zh: `${name.zh}（${letter} 列）：${n} 个负值未读取（表内${rowList(sheetRows, "zh")}），${name.zh}不可能小于 0。`,
    },
  };
}

/** Totals rows left out: "2 totals rows were left out of every rule and never colored: row 40 “Total: Account”, …". */
export function totalsWarning(
  rows: readonly CellValue[][],
  totals: readonly number[],
  mapping: ColumnMapping,
  sheetRowOf: (row: number) => number,
): EngineWarning {
  const labelOf = (i: number): string => {
    const row = rows[i];
    const cells = [mapping.channel, mapping.date, 0].filter((c): c is number => c !== undefined).map((c) => row[c]);
    return headerText(cells.find(isTotalLabel) ?? cells.find((v) => headerText(v) !== "") ?? "");
  };
  const shown = totals.slice(0, 5);
  const more = totals.length - shown.length;
  const en = shown.map((i) => `row ${sheetRowOf(i) + 1} “${labelOf(i)}”`).join(", ");
  const zh = shown.map((i) => `第 ${sheetRowOf(i) + 1} 行“${labelOf(i)}”`).join("、");
  const n = totals.length;
  return {
    code: "totals-rows",
    rows: { first: totals[0], last: totals[n - 1] },
    count: n,
    message: {
      en: `${n} totals row${n === 1 ? " was" : "s were"} left out of every rule and never colored: ${en}${more > 0 ? ` (+${more} more)` : ""}.`,
      zh: `${n} 个合计行未参与任何规则，也不会着色：${zh}${more > 0 ? `（另 ${more} 行）` : ""}。`,
    },
  };
}
