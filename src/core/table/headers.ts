/**
 * Header recognition: which column holds the date, the channel and each metric.
 *
 * A header is normalised before lookup (normaliseHeader): Unicode NFKC (full-width letters, digits and brackets
 * become ASCII), lower case, trimmed, a trailing unit in brackets removed ("ROI (x)", "投诉率（%）"), a trailing "%"
 * removed, runs of spaces/underscores read as one space, no spaces around "/" and ":". Matching is exact on the
 * normalised text, so "Traffic source" is a channel, never traffic.
 */
import type { CellValue, ColumnMapping, ColumnRole } from "./types";
import { COLUMN_ROLES, METRIC_KEYS } from "./types";
import { PERCENT_ONLY, VOCABULARY } from "./vocabulary";
import { derivedMetrics } from "./derived";

const TRAILING_UNIT = /\s*[([{]([^()[\]{}]*)[)\]}]\s*$/;

const LOOKUP = new Map<string, ColumnRole>();
/** A name's preference group within its role (0 = most preferred; see vocabulary.ts). */
const RANK = new Map<string, number>();
const PERCENT_LOOKUP = new Map<string, ColumnRole>();
for (const role of COLUMN_ROLES) {
  VOCABULARY[role].forEach((group, rank) => {
    for (const s of group) {
      const key = normaliseHeader(s).text;
      if (LOOKUP.has(key)) continue; // the first role and group to name it keep it
      LOOKUP.set(key, role);
      RANK.set(key, rank);
    }
  });
  for (const s of PERCENT_ONLY[role] ?? []) PERCENT_LOOKUP.set(normaliseHeader(s).text, role);
}

/** The preference group of a recognised header within its role (0 first; see vocabulary.ts), else 0. */
function rankOf(value: CellValue): number {
  return typeof value === "string" ? (RANK.get(normaliseHeader(value).text) ?? 0) : 0;
}

/** Normalised header text, and whether a percent sign was removed (as a trailing "%" or a "(%)" unit). */
export function normaliseHeader(raw: string): { text: string; percent: boolean } {
  let s = raw.normalize("NFKC").toLowerCase().trim();
  let percent = false;
  for (let i = 0; i < 3; i++) {
    const before = s;
    const unit = TRAILING_UNIT.exec(s);
    if (unit && unit.index > 0) {
      if (unit[1].includes("%")) percent = true;
      s = s.slice(0, unit.index).trimEnd();
    }
    if (s.endsWith("%") && s.length > 1) {
      percent = true;
      s = s.slice(0, -1).trimEnd();
    }
    if (s === before) break;
  }
  s = s
    .replace(/[\s_]+/g, " ")
    .replace(/\s*([/:])\s*/g, "$1")
    .trim();
  return { text: s, percent };
}

/** The role a header names, or null. */
export function recogniseHeader(value: CellValue): ColumnRole | null {
  if (typeof value !== "string") return null;
  const { text, percent } = normaliseHeader(value);
  if (text === "") return null;
  // "Complaints %" is the rate, bare "Complaints" the count.
  return (percent ? PERCENT_LOOKUP.get(text) : undefined) ?? LOOKUP.get(text) ?? null;
}

/** Metric names a qualified header may end with, longest first ("广告投入产出比" → 投入产出比, "Paid ROAS" → roas). */
const METRIC_SUFFIXES: [string, ColumnRole][] = [];
for (const role of METRIC_KEYS)
  for (const group of VOCABULARY[role]) for (const s of group) METRIC_SUFFIXES.push([normaliseHeader(s).text, role]);
METRIC_SUFFIXES.sort((a, b) => b[0].length - a[0].length);

/** A qualifier that makes the column something other than the metric itself: a target, a change, a forecast, an aggregate (a pivot's "Sum of ROI", 求和项:ROI). */
const NOT_THE_METRIC =
  /target|goal|benchmark|budget|plan|forecast|expect|threshold|limit|min|max|avg|average|median|sum|total|count|合计|总计|求和|汇总|计数|change|delta|growth|diff|vs|prev|last|yoy|mom|wow|rank|目标|基准|标杆|预算|预期|预估|预计|计划|预测|阈值|上限|下限|标准|平均|均值|变化|增长|增幅|环比|同比|差|上期|上周|排名|行业/;
const CJK = /[\u3400-\u9fff]/;

/**
 * The metric a qualified header names ("广告投入产出比", "渠道投诉率", "Paid ROAS", "Email complaint rate"), or
 * null. The header must end with a metric's name after a word break (a space, "-", or a Chinese qualifier), and the
 * qualifier must not make it another figure ("Target ROI", "目标ROI", "ROI 基准", "Avg ROAS"). Headers that merely
 * start with the name ("ROI target", "ROI benchmark") never match.
 */
export function recogniseQualifiedHeader(value: CellValue): ColumnRole | null {
  if (typeof value !== "string") return null;
  const { text } = normaliseHeader(value);
  if (text === "" || LOOKUP.has(text)) return null;
  for (const [name, role] of METRIC_SUFFIXES) {
    if (text.length <= name.length || !text.endsWith(name)) continue;
    const qualifier = text.slice(0, text.length - name.length);
    const before = qualifier.charAt(qualifier.length - 1);
    const breakOk = before === " " || before === "-" || before === "/" || CJK.test(before) || CJK.test(name.charAt(0));
    if (!breakOk || NOT_THE_METRIC.test(qualifier)) continue;
    return role;
  }
  return null;
}

/**
 * Header row → role → column index. Of the columns naming a role, one of the most preferred names wins (vocabulary.ts:
 * Sessions before Clicks, Ad group before Campaign), the leftmost among equals; a qualified name ("Paid ROAS") counts
 * only for a role no column names plainly; other columns are left alone.
 */
export function detectColumns(header: CellValue[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const rank: Partial<Record<ColumnRole, number>> = {};
  let unknown = false;
  for (let c = 0; c < header.length; c++) {
    const role = recogniseHeader(header[c]);
    if (role === null) {
      if (typeof header[c] === "string") unknown = true;
      continue;
    }
    const r = rankOf(header[c]);
    if (mapping[role] === undefined || r < (rank[role] as number)) {
      mapping[role] = c;
      rank[role] = r;
    }
  }
  if (!unknown) return mapping;
  for (let c = 0; c < header.length; c++) {
    if (typeof header[c] !== "string" || recogniseHeader(header[c]) !== null) continue;
    const role = recogniseQualifiedHeader(header[c]);
    if (role !== null && mapping[role] === undefined && !Object.values(mapping).includes(c)) mapping[role] = c;
  }
  return mapping;
}

/**
 * True when at least one metric (ROI, complaint rate, repurchase rate, LTV/CAC, traffic) has a column or can be
 * derived from two (ROI from revenue and cost: derived.ts).
 */
export function hasMetricColumn(m: ColumnMapping): boolean {
  return METRIC_KEYS.some((k) => m[k] !== undefined) || Object.keys(derivedMetrics(m)).length > 0;
}
