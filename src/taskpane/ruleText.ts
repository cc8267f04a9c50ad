/** Rule names for the pane, from the core's bilingual rule texts. */
import type { RuleId } from "../core/rules/types";

const NAMES: Record<RuleId, { en: string; zh: string }> = {
  "roi-below-benchmark": { en: "ROI below benchmark", zh: "投入产出比低于基准" },
  "complaint-rate-high": { en: "Complaint rate high", zh: "投诉率过高" },
  "traffic-drop": { en: "Traffic drop", zh: "流量骤降" },
  "repurchase-declining": { en: "Repurchase rate declining", zh: "复购率下降" },
  "ltv-cac-low": { en: "LTV/CAC low", zh: "LTV/CAC 过低" },
};

export function ruleName(id: RuleId, lang: "en" | "zh"): string {
  return NAMES[id][lang];
}
