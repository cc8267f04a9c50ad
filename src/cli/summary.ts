/** The readable summary the CLI prints: one line per weak channel × rule, in a plain text table. */
import type { RuleId } from "../core/rules/types";
import { displayWidth } from "../core/i18n/format";
import { COLOUR_NAMES, type Lang } from "../core/i18n/rules";
import { RULE_ACTIONS, RULE_NAMES } from "../core/rules/catalog";
import { cellsText } from "../core/rules/evidence";
import { checksText, nothingChecked } from "../core/rules/checks";
import { CHANGE_COLUMN, CHANGE_WORDS, changesHeadline, RESOLVED_HEADING, runPeriods } from "../core/findingChanges";
import type { ChangesSinceLastFlag, FlaggedTable } from "./workbook";

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

/** Lays out rows as aligned columns with a header rule. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Resolved runs listed at most; the rest are counted (--json has them all). */
const MAX_RESOLVED_LINES = 50;

const HEAD: Record<Lang, string[]> = {
  en: ["Sheet", "Channel", "Color", "Rule", "Periods", "Cells", "What fired"],
  zh: ["工作表", "渠道", "颜色", "规则", "期数", "单元格", "触发依据"],
};

/**
 * The weak-channel summary of every flagged table; with `changes` (one workbook's flag, issue 19), each finding's
 * mark since the last flag in the first column, the counts, and the findings resolved since.
 */
export function summaryText(tables: FlaggedTable[], lang: Lang, changes?: ChangesSinceLastFlag): string {
  const rows: string[][] = [];
  const rules = new Set<RuleId>();
  const marked = changes?.compared === true;
  for (const t of tables) {
    for (const [i, f] of t.result.findings.entries()) {
      const mark = t.marks?.[i];
      rows.push([
        ...(marked ? [mark ? CHANGE_WORDS[mark][lang] : ""] : []),
        t.sheet,
        f.channel,
        COLOUR_NAMES[f.colour][lang],
        RULE_NAMES[f.ruleId][lang],
        String(f.periodsFlagged),
        cellsText(f.evidence),
        f.evidence.text[lang],
      ]);
      rules.add(f.ruleId);
    }
  }
  const lines: string[] = [];
  const cells = tables.reduce((n, t) => n + t.cellsColoured, 0);
  lines.push(
    lang === "zh"
      ? `${tables.length} 个表格，标色 ${cells} 个单元格，${rows.length} 条渠道预警。`
      : `${tables.length} table${tables.length === 1 ? "" : "s"} checked, ${cells} cell${cells === 1 ? "" : "s"} colored, ${rows.length} weak-channel finding${rows.length === 1 ? "" : "s"}.`,
  );
  for (const t of tables) {
    lines.push(
      lang === "zh"
        ? `  ${t.sheet}!${t.address}：${t.result.flags.length} 个标记，${t.cellsColoured} 个单元格`
        : `  ${t.sheet}!${t.address}: ${t.result.flags.length} flags, ${t.cellsColoured} cells`,
    );
    // issue 17 §3: which rules ran, on which columns, and which could not
    for (const c of checksText(t.result.checks ?? [], lang))
      lines.push(`    ${lang === "zh" ? "检查" : "checked"}: ${c}`);
    for (const w of t.result.warnings) lines.push(`    ${lang === "zh" ? "提示" : "note"}: ${w.message[lang]}`);
  }
  const unchecked = tables.length > 0 && tables.every((t) => nothingChecked(t.result.checks));
  if (changes) lines.push("", changesHeadline(changes, changes.since, lang));
  if (rows.length) {
    lines.push("", textTable(marked ? [CHANGE_COLUMN[lang], ...HEAD[lang]] : HEAD[lang], rows), "");
    for (const id of rules) lines.push(`${RULE_NAMES[id][lang]}: ${RULE_ACTIONS[id][lang]}`);
  } else if (unchecked)
    lines.push(
      "",
      lang === "zh" ? "未识别到指标列，没有做任何检查。" : "No metric column was recognized; nothing was checked.",
    );
  else lines.push("", lang === "zh" ? "没有渠道触发预警。" : "No channel triggered a warning.");
  if (changes?.resolved.length) {
    lines.push("", `${RESOLVED_HEADING[lang]}${lang === "zh" ? "：" : ":"}`);
    lines.push(
      textTable(
        HEAD[lang].slice(0, 2).concat(lang === "zh" ? ["规则", "预警期间"] : ["Rule", "Flagged then"]),
        changes.resolved
          .slice(0, MAX_RESOLVED_LINES)
          .map((r) => [r.sheet, r.channel, RULE_NAMES[r.rule][lang], runPeriods(r, lang, changes.year)]),
      ),
    );
    const more = changes.resolved.length - MAX_RESOLVED_LINES;
    if (more > 0)
      lines.push(
        lang === "zh" ? `另有 ${more} 项（完整列表见 --json）。` : `And ${more} more (all of them in --json).`,
      );
  }
  return lines.join("\n");
}
