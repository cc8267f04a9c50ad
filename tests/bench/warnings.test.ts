/**
 * Issue 12's targets on the labelled benchmark (bench/warnings), on one report per data shape: with "auto", false
 * traffic alarms per channel-year on strongly weekly data ≤ 5 (the previous-values rule gives about 90), recall of
 * injected drops of 30% or more at least as high as the previous-values rule, and no change without a weekly rhythm.
 */
import { generateReport, scenarios } from "../../bench/warnings/generate";
import { scoreReport } from "../../bench/warnings/score";

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
