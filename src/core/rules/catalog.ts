/**
 * The rule catalogue: the one place that says, per rule, its id, colour, the metric column it reads, its settings
 * (name, default, bounds, unit, labels), its words in English and Chinese (name, threshold, recommended action).
 * Its detector is joined by id in detectorTable.ts, so what only describes the rules (the pane's first screen)
 * loads none of the detectors' statistics (issue 19). The engine, the config validator, the report sheet, the
 * settings pane, the CLI help and the README's rule table (checked by a test) all read it.
 *
 * Adding a rule: a detector file in detectors/ (it imports only detector.ts, series.ts and the shared helpers),
 * its line in detectorTable.ts, one entry below, and its tests. The order of RULES is the order of the legend,
 * the findings and the settings.
 */
import type { WarningColour } from "../colours";
import * as format from "../i18n/format";
import type { Bilingual, Lang } from "../i18n/format";
import { COLOUR_NAMES, formatMetric, plural } from "../i18n/rules";
import type { MetricKey } from "../table/types";
import type { RuleInput } from "./detector";
import { COMPLAINT_EVIDENCE } from "./detectors/complaint";
import { REPURCHASE_EVIDENCE, repurchaseThreshold } from "./detectors/repurchase";
import { trafficThreshold } from "./detectors/traffic";
import { TRAFFIC_BASELINE_MODES } from "./trafficBaseline";

const formatNumber = format.formatNumber;
const formatPercent = format.formatPercent;

/** One numeric setting of a rule, validated by rules/config.ts and edited in the settings pane. */
export interface ConfigField<Name extends string = string> {
  name: Name;
  default: number;
  /** "ratio" (ROI-like), "fraction" (0.01 = 1%), "periods", "weeks", "values". */
  unit: "ratio" | "fraction" | "periods" | "weeks" | "values";
  integer: boolean;
  min: number;
  /** true: the value must be strictly above min. */
  minExclusive: boolean;
  max: number;
  maxExclusive: boolean;
  /** The setting's name in validation messages ("ROI benchmark must be …"). */
  label: Bilingual;
  /** The label of its box in the settings pane. */
  paneLabel: Bilingual;
  /** Appended to a validation message (e.g. how to write a fraction). */
  hint?: Bilingual;
}

/** One setting of a rule that takes one of a few named values (e.g. the traffic baseline). */
export interface ChoiceField<Name extends string = string, Option extends string = string> {
  name: Name;
  options: readonly Option[];
  default: Option;
  label: Bilingual;
  paneLabel: Bilingual;
  /** Each option's name in the settings pane. */
  optionLabels: Readonly<Record<Option, Bilingual>>;
}

export interface RuleSpec<Id extends string = string, Field extends string = string, Choice extends string = never> {
  id: Id;
  colour: WarningColour;
  /** The metric column the detector reads. */
  metric: MetricKey;
  fields: readonly ConfigField<Field>[];
  /** Settings with named values (validated against `options`). */
  choices?: readonly ChoiceField<Choice>[];
  name: Bilingual;
  /** The seed article's response (三色预警机制, 三级响应机制, 成本优化流程). */
  action: Bilingual;
  /** The action in a few words, for the README's table and the CLI help. */
  actionBrief: Bilingual;
  /** The threshold in words: "ROI below 1.5 for 3 consecutive periods". */
  threshold(config: Record<Field, number> & Record<NoInfer<Choice>, string>): Bilingual;
  /** A finding's limit in the report, given the limit already formatted: "< 1.5", "> 1%", "< 18% (week before)". */
  limit(value: string, config: Record<Field, number> & Record<NoInfer<Choice>, string>, lang: Lang): string;
  /** The detector of a rule outside the catalogue (a test's); the catalogue's are in detectorTable.ts by id. */
  detect?(input: RuleInput<Record<Field, number> & Record<NoInfer<Choice>, string>>): void;
}

/** Checks an entry and keeps its literal id and field names (for RuleId and RulesConfig). */
export function defineRule<const Id extends string, const Field extends string, const Choice extends string = never>(
  spec: RuleSpec<Id, Field, Choice>,
) {
  return spec;
}

const RUN_LENGTH = {
  unit: "periods",
  integer: true,
  min: 1,
  minExclusive: false,
  max: 366,
  maxExclusive: false,
} as const;
const WEEKS = { unit: "weeks", integer: true, min: 1, minExclusive: false, max: 52, maxExclusive: false } as const;
const RATIO = { unit: "ratio", integer: false, min: 0, minExclusive: true, max: 1000, maxExclusive: false } as const;

export const RULES = [
  defineRule({
    id: "roi-below-benchmark",
    colour: "yellow",
    metric: "roi",
    fields: [
      {
        name: "roiBenchmark",
        default: 1.5,
        ...RATIO,
        label: { en: "ROI benchmark", zh: "ROI 基准值" },
        paneLabel: { en: "ROI benchmark (yellow below it)", zh: "投入产出比基准（低于即黄色）" },
      },
      {
        name: "roiRunLength",
        default: 3,
        ...RUN_LENGTH,
        label: { en: "ROI run length (periods)", zh: "ROI 连续期数" },
        paneLabel: { en: "ROI: consecutive periods", zh: "投入产出比：连续周期数" },
      },
    ],
    name: { en: "ROI below benchmark", zh: "ROI 低于基准" },
    action: {
      en: "Start the creative iteration process: refresh ad creatives and materials.",
      zh: "启动素材迭代流程。",
    },
    actionBrief: { en: "iterate creatives / materials", zh: "启动素材迭代流程" },
    threshold: (c) => ({
      en: `ROI below ${formatNumber(c.roiBenchmark)} for ${plural(c.roiRunLength, "consecutive period")}`,
      zh: `ROI 连续 ${c.roiRunLength} 期低于 ${formatNumber(c.roiBenchmark)}`,
    }),
    limit: (v) => `< ${v}`,
  }),
  defineRule({
    id: "complaint-rate-high",
    colour: "orange",
    metric: "complaintRate",
    fields: [
      {
        name: "complaintRateMax",
        default: 0.01,
        unit: "fraction",
        integer: false,
        min: 0,
        minExclusive: false,
        max: 1,
        maxExclusive: true,
        label: { en: "Complaint rate limit", zh: "投诉率上限" },
        paneLabel: { en: "Highest complaint rate", zh: "最高投诉率" },
        hint: { en: " Write it as a fraction: 0.01 = 1%.", zh: "请写成小数：0.01 即 1%。" },
      },
    ],
    choices: [
      {
        name: "complaintEvidence",
        options: COMPLAINT_EVIDENCE,
        default: "rate",
        label: { en: "Complaint evidence", zh: "投诉判定依据" },
        paneLabel: { en: "Complaints: flag on", zh: "投诉：判定依据" },
        optionLabels: {
          rate: { en: "The rate itself", zh: "投诉率本身" },
          wilson: {
            en: "95% lower bound from complaints and orders (small volumes)",
            zh: "按投诉数与订单数的 95% 置信下限（小样本）",
          },
        },
      },
    ],
    name: { en: "Complaint rate high", zh: "投诉率过高" },
    action: { en: "Upgrade the customer-service scripts.", zh: "启动服务话术升级。" },
    actionBrief: { en: "upgrade customer-service scripts", zh: "启动服务话术升级" },
    threshold: (c) => ({
      en: `Complaint rate above ${formatPercent(c.complaintRateMax)} in a period`,
      zh: `单期投诉率高于 ${formatPercent(c.complaintRateMax)}`,
    }),
    limit: (v) => `> ${v}`,
  }),
  defineRule({
    id: "traffic-drop",
    colour: "orange",
    metric: "traffic",
    fields: [
      {
        name: "trafficDropRatio",
        default: 0.3,
        unit: "fraction",
        integer: false,
        min: 0,
        minExclusive: true,
        max: 1,
        maxExclusive: true,
        label: { en: "Traffic drop ratio", zh: "流量下降比例" },
        paneLabel: { en: "Traffic drop (below the baseline)", zh: "流量下降幅度（低于基准）" },
        hint: { en: " Write it as a fraction: 0.3 = a 30% drop.", zh: "请写成小数：0.3 即下降 30%。" },
      },
      {
        name: "trafficWindow",
        default: 7,
        ...RUN_LENGTH,
        unit: "values",
        label: { en: "Traffic comparison window (periods)", zh: "流量对比窗口（期数）" },
        paneLabel: { en: "Traffic: previous values averaged", zh: "流量：参与平均的前期数值个数" },
      },
    ],
    choices: [
      {
        name: "trafficBaseline",
        options: TRAFFIC_BASELINE_MODES,
        default: "auto",
        label: { en: "Traffic baseline", zh: "流量基准" },
        paneLabel: { en: "Traffic: compare with", zh: "流量：对比基准" },
        optionLabels: {
          auto: {
            en: "Automatic (same weekday when the channel has a weekly rhythm)",
            zh: "自动（渠道有周规律时对比同一星期几）",
          },
          previous: { en: "Mean of the previous values", zh: "前期数值均值" },
          sameWeekday: { en: "Same weekday, last 4 weeks", zh: "近 4 周同一星期几" },
        },
      },
    ],
    name: { en: "Traffic drop", zh: "流量骤降" },
    action: {
      en:
        "Three-level response: within 2 h diagnose the channel's health (CTR, bounce rate); within 6 h open the " +
        "backup traffic pool (private community, partners); within 24 h deliver an optimization plan (creatives, " +
        "landing page). Do not just add budget.",
      zh:
        "启动三级响应机制：2 小时内完成渠道健康度诊断（CTR、跳出率等）；6 小时内启动备用流量池（私域社群、异业合作）；" +
        "24 小时内输出优化方案（调整广告素材、优化落地页）。避免盲目追加预算。",
    },
    actionBrief: {
      en: "three-level response: 2 h channel diagnosis (CTR, bounce rate), 6 h backup traffic pool, 24 h optimization plan",
      zh: "三级响应机制",
    },
    threshold: (c) => trafficThreshold(c.trafficDropRatio, c.trafficWindow, c.trafficBaseline),
    limit: (v, c, lang) => {
      const share = formatPercent(1 - c.trafficDropRatio);
      if (c.trafficBaseline === "previous")
        return lang === "zh" ? `< ${v}（前期均值的 ${share}）` : `< ${v} (${share} of the previous mean)`;
      return lang === "zh" ? `< ${v}（基准的 ${share}）` : `< ${v} (${share} of the baseline)`;
    },
  }),
  defineRule({
    id: "repurchase-declining",
    colour: "red",
    metric: "repurchaseRate",
    fields: [
      {
        name: "repurchaseDeclineWeeks",
        default: 2,
        ...WEEKS,
        label: { en: "Repurchase decline (weeks running)", zh: "复购率连续下滑周数" },
        paneLabel: { en: "Repurchase: declining weeks", zh: "复购率：连续下降周数" },
      },
      {
        name: "repurchaseSignificance",
        // One-sided level of the decline test, chosen on the labelled benchmark (issue 18 §3): 0.1% keeps false red
        // weeks of a healthy channel under 1 a year at 200–2,000 buyers a day and still catches declines of 8% a week.
        default: 0.001,
        unit: "fraction",
        integer: false,
        min: 0,
        minExclusive: true,
        max: 0.5,
        maxExclusive: false,
        label: { en: "Repurchase test level (one-sided)", zh: "复购率检验显著性水平（单侧）" },
        paneLabel: { en: "Repurchase: test level", zh: "复购率：检验显著性水平" },
        hint: { en: " Write it as a fraction: 0.001 = 0.1%.", zh: "请写成小数：0.001 即 0.1%。" },
      },
      {
        name: "repurchaseMinDrop",
        default: 0.03,
        unit: "fraction",
        integer: false,
        min: 0,
        minExclusive: false,
        max: 1,
        maxExclusive: true,
        label: { en: "Repurchase minimum weekly drop", zh: "复购率每周最小降幅" },
        paneLabel: { en: "Repurchase: smallest weekly drop", zh: "复购率：每周最小降幅" },
        hint: {
          en: " Write it as a fraction: 0.03 = 3% lower than the week before.",
          zh: "请写成小数：0.03 即比前一周低 3%。",
        },
      },
    ],
    choices: [
      {
        name: "repurchaseEvidence",
        options: REPURCHASE_EVIDENCE,
        default: "test",
        label: { en: "Repurchase evidence", zh: "复购率下滑判定依据" },
        paneLabel: { en: "Repurchase: a decline needs", zh: "复购率：下滑判定依据" },
        optionLabels: {
          test: {
            en: "A significant fall (test on buyer counts or daily rates)",
            zh: "显著下降（按购买/复购人数或每日复购率检验）",
          },
          drop: { en: "Each week at least the smallest drop lower", zh: "每周降幅不低于最小降幅" },
          none: { en: "Any decline (the seed's rule)", zh: "任意下降（原始规则）" },
        },
      },
    ],
    name: { en: "Repurchase rate declining", zh: "复购率下滑" },
    action: { en: "Start product-experience optimization.", zh: "启动产品体验优化。" },
    actionBrief: { en: "product-experience optimization", zh: "启动产品体验优化" },
    threshold: (c) =>
      repurchaseThreshold(
        c.repurchaseDeclineWeeks,
        c.repurchaseEvidence,
        c.repurchaseMinDrop,
        c.repurchaseSignificance,
      ),
    limit: (v, _c, lang) => (lang === "zh" ? `< ${v}（前一周）` : `< ${v} (week before)`),
  }),
  defineRule({
    id: "ltv-cac-low",
    colour: "red",
    metric: "ltvCac",
    fields: [
      {
        name: "ltvCacMin",
        default: 1.5,
        ...RATIO,
        label: { en: "LTV/CAC minimum", zh: "LTV/CAC 下限" },
        paneLabel: { en: "Lowest LTV/CAC", zh: "最低 LTV/CAC" },
      },
      {
        name: "ltvCacWeeks",
        default: 2,
        ...WEEKS,
        label: { en: "LTV/CAC low (weeks running)", zh: "LTV/CAC 连续偏低周数" },
        paneLabel: { en: "LTV/CAC: consecutive weeks", zh: "LTV/CAC：连续周数" },
      },
    ],
    name: { en: "LTV/CAC low", zh: "LTV/CAC 偏低" },
    action: { en: "Start the cost optimization process.", zh: "启动成本优化流程。" },
    actionBrief: { en: "cost optimization", zh: "启动成本优化流程" },
    threshold: (c) => ({
      en: `LTV/CAC below ${formatNumber(c.ltvCacMin)} for ${plural(c.ltvCacWeeks, "consecutive week")}`,
      zh: `LTV/CAC 连续 ${c.ltvCacWeeks} 周低于 ${formatNumber(c.ltvCacMin)}`,
    }),
    limit: (v) => `< ${v}`,
  }),
] as const;

export type RuleId = (typeof RULES)[number]["id"];
/** The name of a numeric setting: the fields of every rule. */
export type ConfigFieldName = (typeof RULES)[number]["fields"][number]["name"];
type ChoicesOf<R> = R extends { choices?: readonly (infer C)[] } ? C : never;
type RuleById<Id extends RuleId> = Extract<(typeof RULES)[number], { id: Id }>;
/** The settings one rule reads: its fields' numbers and its choices' values. */
export type RuleConfig<Id extends RuleId> = Record<RuleById<Id>["fields"][number]["name"], number> & {
  [C in ChoicesOf<RuleById<Id>> as C["name"]]: C["options"][number];
};
/** A setting with named values: the choices of every rule. */
export type ConfigChoice = ChoicesOf<(typeof RULES)[number]>;
export type ConfigChoiceName = ConfigChoice["name"];
/** The settings with named values and their allowed values, e.g. { trafficBaseline: "auto" | "previous" | … }. */
export type ConfigChoices = { [C in ConfigChoice as C["name"]]: C["options"][number] };
/** Any rule, including one a test defines beside the catalogue. */
export type AnyRule = RuleSpec<string, string, string>;

/** The settings as every rule reads them (each picks its own fields and choices). */
export function settingsOf(config: Readonly<RuleSettings>): Record<string, number> & Record<string, string> {
  return config as unknown as Record<string, number> & Record<string, string>;
}

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);
/** Every numeric setting, in catalogue order. */
export const CONFIG_FIELDS: readonly ConfigField<ConfigFieldName>[] = RULES.flatMap(
  (r): readonly ConfigField<ConfigFieldName>[] => r.fields,
);

/** Every setting with named values, in catalogue order. */
export const CONFIG_CHOICES: readonly ChoiceField<ConfigChoiceName>[] = RULES.flatMap(
  (r): readonly ChoiceField<ConfigChoiceName>[] =>
    ("choices" in r ? r.choices : []) as readonly ChoiceField<ConfigChoiceName>[],
);

const byId = new Map<string, AnyRule>(RULES.map((r) => [r.id, r as AnyRule]));

/** Every rule setting: the numbers and the named values. */
export type RuleSettings = Record<ConfigFieldName, number> & ConfigChoices;

/** The catalogue entry of a rule id. */
export function ruleOf(id: RuleId): AnyRule {
  return byId.get(id) as AnyRule;
}

function table<T>(pick: (r: AnyRule) => T): Readonly<Record<RuleId, T>> {
  return Object.fromEntries(RULES.map((r) => [r.id, pick(r as AnyRule)])) as Record<RuleId, T>;
}

export const RULE_COLOUR: Readonly<Record<RuleId, WarningColour>> = table((r) => r.colour);
export const RULE_METRIC: Readonly<Record<RuleId, MetricKey>> = table((r) => r.metric);
export const RULE_NAMES: Readonly<Record<RuleId, Bilingual>> = table((r) => r.name);
export const RULE_ACTIONS: Readonly<Record<RuleId, Bilingual>> = table((r) => r.action);

/** The threshold in words, e.g. "ROI below 1.5 for 3 consecutive periods". */
export function ruleThreshold(id: RuleId, config: Readonly<RuleSettings>): Bilingual {
  return ruleOf(id).threshold(settingsOf(config));
}

/** One short line per rule: colour, what fires it, what to do. */
export function ruleDescription(id: RuleId, config: Readonly<RuleSettings>): Bilingual {
  const rule = ruleOf(id);
  const colour = COLOUR_NAMES[rule.colour];
  const t = rule.threshold(settingsOf(config));
  const a = rule.action;
  return { en: `${colour.en}: ${t.en}. ${a.en}`, zh: `${colour.zh}：${t.zh}。${a.zh}` };
}

/** A finding's limit in the report: "< 1.5", "> 1%", "< 540 (70% of the baseline)", "< 18% (week before)". */
export function limitText(id: RuleId, threshold: number, config: Readonly<RuleSettings>, lang: Lang): string {
  const rule = ruleOf(id);
  return rule.limit(formatMetric(rule.metric, threshold), settingsOf(config), lang);
}
