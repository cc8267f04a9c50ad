/**
 * Issue 12's targets on the labelled benchmark (bench/warnings), on one report per data shape: with "auto", false
 * traffic alarms per channel-year on strongly weekly data ≤ 5 (the previous-values rule gives about 90), recall of
 * injected drops of 30% or more at least as high as the previous-values rule, and no change without a weekly rhythm.
 */
import {
  generateReport,
  generateRepurchaseReport,
  repurchaseScenarios,
  scenarios,
} from "../../bench/warnings/generate";
import { addScore, emptyScore, scoreReport } from "../../bench/warnings/score";
import type { RulesConfig } from "../../src/core/rules/types";

const specs = scenarios().filter((s) => s.granularity === "daily");
const strong = generateReport(specs.find((s) => s.seasonality === "strong")!);
const none = generateReport(specs.find((s) => s.seasonality === "none")!);

describe("traffic baseline on the labelled benchmark", () => {
  it('"auto" on strongly weekly data: ≤ 5 false alarms per channel-year, recall of ≥ 30% drops not lower', () => {
    const previous = scoreReport(strong, { trafficBaseline: "previous" })["traffic-drop"];
    const auto = scoreReport(strong, { trafficBaseline: "auto" })["traffic-drop"];
    expect(previous.falseAlarms / previous.channelYears).toBeGreaterThan(50);
    expect(auto.falseAlarms / auto.channelYears).toBeLessThanOrEqual(5);
    expect(auto.bigDetected! / auto.bigDrops!).toBeGreaterThanOrEqual(previous.bigDetected! / previous.bigDrops!);
  });

  it('"auto" without a weekly rhythm flags exactly what "previous" flags', () => {
    const previous = scoreReport(none, { trafficBaseline: "previous" })["traffic-drop"];
    const auto = scoreReport(none, { trafficBaseline: "auto" })["traffic-drop"];
    expect(auto).toEqual(previous);
  });
});

/**
 * Issue 18's targets with the default settings: on every channel report, recall of traffic drops of 30% or more
 * ≥ 0.95, also of the back-to-back drops (the second of two close together; 0.77 when earlier drops stayed in the
 * baseline), and false traffic alarms no more than before (0.1 per channel-year); on one report per repurchase shape
 * (daily/weekly, with/without counts; binomial noise at 200–2,000 buyers a day), at most 1 false red week per
 * channel-year with at least 90% of the 8–15%-a-week declines caught, where the seed's rule read literally ("none")
 * gives more than 10.
 */
describe("issue 18 targets on the labelled benchmark", () => {
  it("traffic: ≥ 95% of drops ≥ 30% caught, back-to-back ones too, false alarms not above 0.1 per channel-year", () => {
    const t = emptyScore();
    for (const spec of scenarios()) addScore(t, scoreReport(generateReport(spec))["traffic-drop"]);
    expect(t.bigDrops).toBeGreaterThan(400);
    expect(t.backToBack).toBeGreaterThan(100);
    expect(t.bigDetected! / t.bigDrops!).toBeGreaterThanOrEqual(0.95);
    expect(t.backToBackDetected! / t.backToBack!).toBeGreaterThanOrEqual(0.95);
    expect(t.falseAlarms / t.channelYears).toBeLessThanOrEqual(0.1);
  });

  it("repurchase: ≤ 1 false red week per channel-year, ≥ 90% of sustained declines caught", () => {
    const shapes = new Set<string>();
    const test = emptyScore();
    const none = emptyScore();
    for (const spec of repurchaseScenarios()) {
      const shape = `${spec.granularity} ${spec.counts}`;
      if (shapes.has(shape)) continue;
      shapes.add(shape);
      const report = generateRepurchaseReport(spec);
      addScore(test, scoreReport(report)["repurchase-declining"]);
      const seed = { repurchaseEvidence: "none" } as Partial<RulesConfig>;
      addScore(none, scoreReport(report, seed)["repurchase-declining"]);
    }
    expect(shapes.size).toBe(4);
    expect(test.incidents).toBeGreaterThan(30);
    expect(test.falseWeeks / test.channelYears).toBeLessThanOrEqual(1);
    expect(test.detected / test.incidents).toBeGreaterThanOrEqual(0.9);
    expect(none.falseWeeks / none.channelYears).toBeGreaterThan(10);
  });
});
