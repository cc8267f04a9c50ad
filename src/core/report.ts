/**
 * The visible "Growth Signals" sheet: what a manager reads to understand a flagged workbook without the add-in.
 * Title, generation date, a legend (colour swatch, rule, threshold in words, recommended action), the weak-channel
 * summary and notes. One language per call. Plain values only — no formulas — and any text that Excel could read
 * as a formula (starting with = + - @) gets a leading space, so user text (channel names) stays text on any host.
 */
import type { WarningColour } from "./colours";
import { severity, WARNING_COLOURS } from "./colours";
import { displayWidth, formatNumber, type Lang } from "./i18n/format";
import { COLOUR_NAMES, formatMetric } from "./i18n/rules";
import {
  RULE_ACTIONS,
  RULE_COLOUR,
  RULE_IDS,
  RULE_METRIC,
  RULE_NAMES,
  limitText,
  ruleThreshold,
} from "./rules/catalog";
import type { RulesConfig, RulesResult } from "./rules/types";

export interface ReportSheet {
  rows: (string | number | null)[][];
  /** Cells to fill with the warning colour (the swatches), 0-based in `rows`. */
  fills: { row: number; col: number; colour: WarningColour }[];
  boldRows: number[];
  /** Widths in characters, one per column. */
  columnWidths: number[];
}

export interface ReportTable {
  sheet: string;
  address?: string;
  result: RulesResult;
}

const T = {
  title: { en: "Growth Signals — weak-channel report", zh: "Growth Signals — 弱势渠道报告" },
  generated: { en: "Generated", zh: "生成日期" },
  intro: {
    en: "Cells of the metric columns are coloured by the three-colour warning system below. Remove the colours and this sheet with Clear in the Growth Signals pane or the command “growth-signals clear”.",
    zh: "指标列中的单元格已按下方三色预警机制着色。可在 Growth Signals 任务窗格点击“清除”，或运行命令“growth-signals clear”，移除颜色和本工作表。",
  },
  legend: { en: "Legend", zh: "图例" },
  legendHeader: {
    en: ["Colour", "Rule", "Threshold", "Recommended action"],
    zh: ["颜色", "规则", "阈值", "建议行动"],
  },
  summary: { en: "Weak channels", zh: "弱势渠道" },
  summaryHeader: {
    en: [
      "Colour",
      "Rule",
      "Sheet",
      "Channel",
      "Periods flagged",
      "First",
      "Last",
      "Latest value",
      "Threshold",
      "Recommended action",
    ],
    zh: ["颜色", "规则", "工作表", "渠道", "预警期数", "首次", "最近", "最新值", "阈值", "建议行动"],
  },
  none: { en: "No weak channels found.", zh: "未发现弱势渠道。" },
  notes: { en: "Notes", zh: "说明" },
  noNotes: { en: "None.", zh: "无。" },
  allRows: { en: "(all rows)", zh: "（全部行）" },
  tables: { en: "Tables checked", zh: "已检查的表" },
};

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
  const add = (r: (string | number | null)[], bold = false) => {
    if (bold) boldRows.push(rows.length);
    rows.push(r);
  };

  add([T.title[lang]], true);
  add([T.generated[lang], today(generatedAt)]);
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
      ruleThreshold(id, config)[lang],
      RULE_ACTIONS[id][lang],
    ]);
  }
  add([]);

  add([T.summary[lang]], true);
  add(T.summaryHeader[lang], true);
  const entries = tables.flatMap((t) => t.result.findings.map((f) => ({ t, f })));
  entries.sort(
    (a, b) =>
      WARNING_COLOURS.indexOf(a.f.colour) - WARNING_COLOURS.indexOf(b.f.colour) ||
      RULE_IDS.indexOf(a.f.ruleId) - RULE_IDS.indexOf(b.f.ruleId),
  );
  if (entries.length === 0) add([T.none[lang]]);
  for (const { t, f } of entries) {
    fills.push({ row: rows.length, col: 0, colour: f.colour });
    add([
      COLOUR_NAMES[f.colour][lang],
      RULE_NAMES[f.ruleId][lang],
      safe(t.sheet),
      safe(f.channel === "" ? T.allRows[lang] : f.channel),
      f.periodsFlagged,
      f.firstPeriod,
      f.lastPeriod,
      f.latestValue === null ? null : formatMetric(RULE_METRIC[f.ruleId], f.latestValue),
      limitText(f.ruleId, f.threshold, config, lang),
      f.action[lang],
    ]);
  }
  add([]);

  add([T.notes[lang]], true);
  let notes = 0;
  for (const t of tables) {
    const where = t.address ? `${t.sheet}!${t.address}` : t.sheet;
    for (const w of t.result.warnings) {
      add([safe(`${where}: ${w.message[lang]}`)]);
      notes++;
    }
  }
  if (notes === 0) add([T.noNotes[lang]]);
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

  return { rows, fills, boldRows, columnWidths: widths(rows) };
}

/** Column widths in characters: the longest short cell (displayWidth: CJK counts double), between 8 and 60. */
function widths(rows: (string | number | null)[][]): number[] {
  const cols = Math.max(...rows.map((r) => r.length));
  const out = new Array<number>(cols).fill(8);
  for (const r of rows) {
    if (r.length === 1) continue; // titles and notes overflow to the right
    r.forEach((v, c) => {
      if (v === null) return;
      out[c] = Math.min(60, Math.max(out[c], displayWidth(String(v)) + 2));
    });
  }
  return out;
}
