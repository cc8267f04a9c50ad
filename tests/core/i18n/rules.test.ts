import { formatNumber, formatPercent } from "../../../src/core/i18n/format";
import { formatMetric } from "../../../src/core/i18n/rules";
import { RULE_ACTIONS, RULE_NAMES, ruleDescription, ruleThreshold } from "../../../src/core/rules/catalog";
import { DEFAULT_CONFIG } from "../../../src/core/rules/config";
import { RULE_IDS } from "../../../src/core/rules/types";

describe("number text", () => {
  it("writes numbers with at most 2 decimals and thousands groups", () => {
    expect(formatNumber(1.21)).toBe("1.21");
    expect(formatNumber(1.5)).toBe("1.5");
    expect(formatNumber(2)).toBe("2");
    expect(formatNumber(1.005001)).toBe("1.01");
    expect(formatNumber(1234.5)).toBe("1,234.5");
    expect(formatNumber(-1234567)).toBe("-1,234,567");
    expect(formatNumber(-0.001)).toBe("0");
    expect(formatPercent(0.012)).toBe("1.2%");
    expect(formatMetric("traffic", 12345.6)).toBe("12,346");
    expect(formatMetric("repurchaseRate", 0.3143)).toBe("31.43%");
  });
});

describe("rule texts", () => {
  it("name every rule and give the seed's action in English and Chinese", () => {
    for (const id of RULE_IDS) {
      expect(RULE_NAMES[id].en).not.toBe("");
      expect(RULE_NAMES[id].zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(RULE_ACTIONS["roi-below-benchmark"].zh).toContain("素材迭代流程");
    expect(RULE_ACTIONS["complaint-rate-high"].zh).toContain("服务话术升级");
    expect(RULE_ACTIONS["traffic-drop"].zh).toContain("三级响应机制");
    expect(RULE_ACTIONS["traffic-drop"].en).toMatch(/2 h.*CTR.*6 h.*24 h/);
    expect(RULE_ACTIONS["repurchase-declining"].zh).toContain("产品体验优化");
    expect(RULE_ACTIONS["ltv-cac-low"].zh).toContain("成本优化流程");
  });

  it("state the thresholds of the current settings", () => {
    expect(ruleThreshold("traffic-drop", { ...DEFAULT_CONFIG, trafficBaseline: "previous" })).toEqual({
      en: "Traffic more than 30% below the mean of the previous 7 values",
      zh: "流量比前 7 期均值下降超过 30%",
    });
    expect(ruleThreshold("traffic-drop", DEFAULT_CONFIG).en).toBe(
      "Traffic more than 30% below its usual level: the same weekday's mean over the last 4 weeks on channels " +
        "with a weekly rhythm, else the mean of the previous 7 values",
    );
    expect(ruleThreshold("repurchase-declining", { ...DEFAULT_CONFIG, repurchaseDeclineWeeks: 3 }).en).toBe(
      "Repurchase rate falling 3 weeks running, the fall significant at the 0.1% level (one-sided test on buyer " +
        "counts or daily rates; weekly rates alone: each week at least 3% lower)",
    );
    const drop = { ...DEFAULT_CONFIG, repurchaseEvidence: "drop" as const, repurchaseMinDrop: 0.05 };
    expect(ruleThreshold("repurchase-declining", drop)).toEqual({
      en: "Repurchase rate falling 2 weeks running, each week at least 5% lower",
      zh: "复购率连续 2 周下滑，且每周降幅至少 5%",
    });
    const none = { ...DEFAULT_CONFIG, repurchaseEvidence: "none" as const, repurchaseDeclineWeeks: 3 };
    expect(ruleThreshold("repurchase-declining", none).en).toBe("Repurchase rate falling 3 weeks running");
    expect(ruleDescription("complaint-rate-high", DEFAULT_CONFIG).en).toBe(
      "Orange: Complaint rate above 1% in a period. Upgrade the customer-service scripts.",
    );
  });
});
