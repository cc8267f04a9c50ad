/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen } from "@testing-library/react";
import { computeAbTest } from "../../src/taskpane/abCalc";
import { AbCalculator } from "../../src/taskpane/components/AbCalculator";
import { renderPane } from "./renderPane";

const shown = (label: string) => screen.getByTestId(`ab-${label}`).textContent;

describe("A/B calculator", () => {
  it("gives the published p-value for 100/1000 vs 120/1000 (scipy: two-sided p = 0.152918)", () => {
    const r = computeAbTest({
      controlVisitors: 1000,
      controlConversions: 100,
      variantVisitors: 1000,
      variantConversions: 120,
      confidence: 0.95,
    });
    expect(r).not.toBeNull();
    expect(r!.pValue).toBeCloseTo(0.152918, 6);
    expect(r!.controlRate).toBeCloseTo(0.1, 12);
    expect(r!.variantRate).toBeCloseTo(0.12, 12);
    // Lift by hand: 0.12 − 0.10 = 0.02 absolute, 0.02 / 0.10 = 20% relative.
    expect(r!.absoluteLift).toBeCloseTo(0.02, 12);
    expect(r!.relativeLift).toBeCloseTo(0.2, 12);
    expect(r!.significant).toBe(false);
    // ABTEST_SAMPLESIZE(0.1, 0.2) = 3841 per variant (α = 0.05, 80% power).
    expect(r!.sampleSize).toBe(3841);
  });

  it("calls 100/1000 vs 130/1000 significant at 95% (p = 0.0354885) but not at 99%", () => {
    const input = { controlVisitors: 1000, controlConversions: 100, variantVisitors: 1000, variantConversions: 130 };
    const at95 = computeAbTest({ ...input, confidence: 0.95 })!;
    expect(at95.pValue).toBeCloseTo(0.0354885, 7);
    expect(at95.significant).toBe(true);
    expect(computeAbTest({ ...input, confidence: 0.99 })!.significant).toBe(false);
  });

  it("refuses conversions above visitors, zero visitors and a confidence of 1", () => {
    const base = { controlVisitors: 1000, controlConversions: 100, variantVisitors: 1000, variantConversions: 120 };
    expect(computeAbTest({ ...base, variantConversions: 1200, confidence: 0.95 })).toBeNull();
    expect(computeAbTest({ ...base, controlVisitors: 0, confidence: 0.95 })).toBeNull();
    expect(computeAbTest({ ...base, confidence: 1 })).toBeNull();
  });

  it("gives the Bayesian read-out of ABTEST_BAYES and the days to the sample (mpmath: 0.9231834389735597)", () => {
    const r = computeAbTest({
      controlVisitors: 1000,
      controlConversions: 100,
      variantVisitors: 1000,
      variantConversions: 120,
      confidence: 0.95,
      dailyVisitors: 500,
    })!;
    // tests/functions/referenceValuesBayes.ts (reference_values_bayes.py, 50-digit mpmath posterior integrals).
    expect(r.chanceToWin!).toBeCloseTo(0.9231834389735597, 12);
    expect(r.riskVariant!).toBeCloseTo(0.004170339052554013, 12);
    // 3,841 per group × 2 groups ÷ 500 visitors a day = 15.4 → 16 days.
    expect(r.days).toBe(16);
    const base = { controlVisitors: 1000, controlConversions: 100, variantVisitors: 1000, confidence: 0.95 };
    expect(computeAbTest({ ...base, variantConversions: 120 })!.days).toBeNull(); // no daily traffic given
    // Fractional counts have no Beta–Binomial posterior sum: the Bayesian read-out is n/a.
    const fractional = computeAbTest({ ...base, controlConversions: 100.5, variantConversions: 120 })!;
    expect(fractional.chanceToWin).toBeNull();
  });

  it("shows the frequentist and Bayesian read-outs side by side, and the days from the daily visitors", () => {
    renderPane(<AbCalculator />);
    expect(screen.getByRole("region", { name: "Frequentist" })).toHaveTextContent("p-value (two-sided)0.152918");
    expect(screen.getByRole("region", { name: "Bayesian" })).toHaveTextContent("Chance to beat control92.32%");
    expect(shown("riskVariant")).toBe("0.42%");
    expect(shown("daysNeeded")).toBe("16");
    fireEvent.change(screen.getByLabelText("Daily visitors (both groups)"), { target: { value: "" } });
    expect(shown("daysNeeded")).toBe("n/a");
  });

  it("labels both read-outs and the days in Chinese in zh-CN", () => {
    renderPane(<AbCalculator />, "zh-CN");
    expect(screen.getByRole("region", { name: "贝叶斯" })).toHaveTextContent("胜过对照组的概率92.32%");
    expect(screen.getByRole("region", { name: "频率学派" })).toBeInTheDocument();
    expect(screen.getByText("达到所需样本的天数")).toBeInTheDocument();
  });

  it("shows the numbers in the pane and updates them as the user types", () => {
    renderPane(<AbCalculator />);
    expect(shown("controlRate")).toBe("10%");
    expect(shown("variantRate")).toBe("12%");
    expect(shown("absLift")).toBe("2%");
    expect(shown("relLift")).toBe("20%");
    expect(shown("pValue")).toBe("0.152918");
    expect(shown("significant")).toBe("No");
    expect(shown("sampleSize")).toBe("3,841");
    fireEvent.change(screen.getByLabelText("Variant conversions"), { target: { value: "130" } });
    expect(shown("pValue")).toBe("0.0354885");
    expect(shown("significant")).toBe("Yes");
    fireEvent.change(screen.getByLabelText("Variant conversions"), { target: { value: "2000" } });
    expect(screen.getByRole("alert")).toHaveTextContent("conversions between 0 and visitors");
  });
});
