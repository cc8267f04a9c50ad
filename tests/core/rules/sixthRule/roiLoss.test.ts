/**
 * Adding a rule touches one detector file, its line in detectorTable.ts and one catalogue entry (plus its tests and
 * the README row; a rule outside the catalogue, as here, brings its detector in its entry): the engine,
 * the findings and the threshold words come from the entry. This test plays a sixth rule through the engine next
 * to the five of the catalogue, without changing them.
 */
import { defineRule, RULES, type AnyRule } from "../../../../src/core/rules/catalog";
import { DEFAULT_CONFIG } from "../../../../src/core/rules/config";
import { runRules } from "../../../../src/core/rules/engine";
import type { RulesConfig, Table } from "../../../../src/core/rules/types";
import { roiLoss } from "./roiLoss";

const ROI_LOSS = defineRule({
  id: "roi-loss",
  colour: "orange",
  metric: "roi",
  fields: [
    {
      name: "roiFloor",
      default: 1,
      unit: "ratio",
      integer: false,
      min: 0,
      minExclusive: true,
      max: 1000,
      maxExclusive: false,
      label: { en: "ROI floor", zh: "ROI 底线" },
      paneLabel: { en: "ROI floor (orange below it)", zh: "投入产出比底线（低于即橙色）" },
    },
  ],
  name: { en: "ROI below cost", zh: "ROI 低于成本" },
  action: { en: "Pause the channel's spend and review targeting.", zh: "暂停该渠道投放并复盘定向。" },
  actionBrief: { en: "pause spend, review targeting", zh: "暂停投放" },
  threshold: (c) => ({ en: `ROI below ${c.roiFloor} in a period`, zh: `单期 ROI 低于 ${c.roiFloor}` }),
  limit: (v) => `< ${v}`,
  detect: roiLoss,
});

const table: Table = {
  header: ["Date", "Channel", "ROI"],
  rows: [
    ["2026-03-02", "Search", 2.1],
    ["2026-03-03", "Search", 0.8],
    ["2026-03-04", "Search", 1.2],
    ["2026-03-05", "Search", 1.3],
    ["2026-03-06", "Search", 2.4],
  ],
};

describe("a sixth rule beside the catalogue", () => {
  const rules: readonly AnyRule[] = [...RULES, ROI_LOSS as AnyRule];
  const config = { ...DEFAULT_CONFIG, roiFloor: 1 } as RulesConfig;

  it("runs through the engine with its colour, action and threshold from its entry", () => {
    const result = runRules(table, { rules, config });
    const flags = result.flags.filter((f) => (f.ruleId as string) === "roi-loss");
    expect(flags.map((f) => [f.period, f.value, f.colour, f.threshold])).toEqual([["2026-03-03", 0.8, "orange", 1]]);
    expect(flags[0].reason.en).toBe("ROI 0.8 < 1: spend not earned back (Mar 3)");
    const finding = result.findings.find((f) => (f.ruleId as string) === "roi-loss");
    expect(finding).toMatchObject({ channel: "Search", periodsFlagged: 1, action: ROI_LOSS.action, col: 2 });
    expect(ROI_LOSS.threshold(config as never)).toEqual({ en: "ROI below 1 in a period", zh: "单期 ROI 低于 1" });
  });

  it("leaves the five catalogue rules' results unchanged", () => {
    const alone = runRules(table, { config });
    const together = runRules(table, { rules, config });
    expect(together.flags.filter((f) => (f.ruleId as string) !== "roi-loss")).toEqual(alone.flags);
    // 0.8, 1.2, 1.3 are three periods below 1.5: the yellow run, now beside the orange loss on 3 Mar
    expect(alone.flags.map((f) => f.ruleId)).toEqual([
      "roi-below-benchmark",
      "roi-below-benchmark",
      "roi-below-benchmark",
    ]);
    expect(together.cells.find((c) => c.row === 1)).toMatchObject({
      colour: "orange",
      ruleIds: ["roi-below-benchmark", "roi-loss"],
    });
  });
});
