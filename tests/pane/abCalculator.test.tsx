/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen } from "@testing-library/react";
import { computeAbTest } from "../../src/taskpane/abCalc";
import { AbCalculator } from "../../src/taskpane/components/AbCalculator";
import { renderPane } from "./renderPane";

const shown = (label: string) => screen.getByTestId(`ab-${label}`).textContent;

/** The element that describes an input: its Field validation message. */
function messageOf(input: HTMLElement): string {
  const ids = (input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

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
    renderPane(<AbCalculator numberLocale="en-US" />);
    // p = 0.152918 (scipy) to 3 significant figures; chance 0.9231834 (mpmath) → 92.3%; risk 0.0041703 → 0.417%.
    expect(screen.getByRole("region", { name: "Frequentist" })).toHaveTextContent("p-value (two-sided)0.153");
    expect(screen.getByRole("region", { name: "Bayesian" })).toHaveTextContent("Chance to beat control92.3%");
    expect(shown("riskVariant")).toBe("0.417%");
    expect(shown("daysNeeded")).toBe("16");
    fireEvent.change(screen.getByLabelText("Daily visitors (both groups)"), { target: { value: "" } });
    expect(shown("daysNeeded")).toBe("n/a");
  });

  it("labels both read-outs and the days in Chinese in zh-CN", () => {
    renderPane(<AbCalculator numberLocale="zh-CN" />, "zh-CN");
    expect(screen.getByRole("region", { name: "贝叶斯" })).toHaveTextContent("胜过对照组的概率92.3%");
    expect(screen.getByRole("region", { name: "频率学派" })).toBeInTheDocument();
    expect(screen.getByText("达到所需样本的天数")).toBeInTheDocument();
    expect(shown("absLift")).toBe("+2.0 个百分点");
  });

  it("shows the lift in percentage points and relative, and updates as the user types", () => {
    renderPane(<AbCalculator numberLocale="en-US" />);
    expect(shown("controlRate")).toBe("10%");
    expect(shown("variantRate")).toBe("12%");
    // 12% − 10% = 2 percentage points; 2 ÷ 10 = +20% relative.
    expect(shown("absLift")).toBe("+2.0 pp");
    expect(shown("relLift")).toBe("+20%");
    expect(shown("significant")).toBe("No");
    expect(screen.getByText("Significant at 95%")).toBeInTheDocument();
    expect(shown("sampleSize")).toBe("3,841");
    fireEvent.change(screen.getByLabelText("Variant conversions"), { target: { value: "130" } });
    // 13% − 10% = 3 pp, +30%; p = 0.0354885 (scipy) → 0.0355.
    expect(shown("absLift")).toBe("+3.0 pp");
    expect(shown("relLift")).toBe("+30%");
    expect(shown("pValue")).toBe("0.0355");
    expect(shown("significant")).toBe("Yes");
    fireEvent.change(screen.getByLabelText("Variant conversions"), { target: { value: "80" } });
    expect(shown("absLift")).toBe("-2.0 pp");
    expect(shown("relLift")).toBe("-20%");
  });

  it("shows no result while a box is empty, only what is missing (an empty box is never read as 0)", () => {
    renderPane(<AbCalculator numberLocale="en-US" />);
    // The case: clearing control conversions while retyping used to read 0 and say "Significant: Yes".
    fireEvent.change(screen.getByLabelText("Control conversions"), { target: { value: "" } });
    expect(screen.queryByTestId("ab-results")).toBeNull();
    expect(screen.queryByText("Yes")).toBeNull();
    expect(screen.getByTestId("ab-missing")).toHaveTextContent("Enter control conversions to see the result.");
    // An empty box is missing, not wrong: it is not marked invalid.
    expect(screen.getByLabelText("Control conversions")).not.toHaveAttribute("aria-invalid", "true");
    fireEvent.change(screen.getByLabelText("Variant visitors"), { target: { value: " " } });
    expect(screen.getByTestId("ab-missing")).toHaveTextContent(
      "Enter control conversions and variant visitors to see the result.",
    );
    fireEvent.change(screen.getByLabelText("Control conversions"), { target: { value: "100" } });
    fireEvent.change(screen.getByLabelText("Variant visitors"), { target: { value: "1000" } });
    expect(shown("pValue")).toBe("0.153");
  });

  it("marks the box in error with its reason and shows no verdict", () => {
    renderPane(<AbCalculator numberLocale="en-US" />);
    const vc = screen.getByLabelText("Variant conversions");
    fireEvent.change(vc, { target: { value: "2000" } });
    expect(vc).toHaveAttribute("aria-invalid", "true");
    expect(messageOf(vc)).toBe("More conversions than the 1,000 visitors.");
    expect(screen.queryByTestId("ab-results")).toBeNull();
    expect(screen.getByTestId("ab-missing")).toHaveTextContent("Correct the marked box to see the result.");
    // Only that box is marked.
    expect(screen.getByLabelText("Variant visitors")).not.toHaveAttribute("aria-invalid", "true");
    fireEvent.change(vc, { target: { value: "12.5" } });
    expect(messageOf(vc)).toBe("Enter a whole number.");
    fireEvent.change(vc, { target: { value: "abc" } });
    expect(messageOf(vc)).toBe("Not a number: write it like 1,234, 1234.");
    const cv = screen.getByLabelText("Control visitors");
    fireEvent.change(cv, { target: { value: "0" } });
    expect(messageOf(cv)).toBe("Needs at least 1 visitor.");
    const confidence = screen.getByLabelText("Confidence level");
    fireEvent.change(confidence, { target: { value: "100%" } });
    expect(messageOf(confidence)).toMatch(/^Enter a level between 0% and 100%/);
  });

  it("reads numbers as the user's locale writes them: 1,000 and 1 000 in en-US, and 95%, 0.95 or 90 as a level", () => {
    renderPane(<AbCalculator numberLocale="en-US" />);
    const set = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    set("Control visitors", "1,000");
    set("Variant visitors", "1\u202f000"); // narrow no-break space, as fr-FR and Intl write groups
    expect(shown("pValue")).toBe("0.153");
    set("Confidence level", "0.95");
    expect(screen.getByText("Significant at 95%")).toBeInTheDocument();
    set("Confidence level", "90");
    expect(screen.getByText("Significant at 90%")).toBeInTheDocument();
  });

  it("reads 1.000 as a thousand and 0,9 as 90% in de-DE", () => {
    renderPane(<AbCalculator numberLocale="de-DE" />);
    const set = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    set("Control visitors", "1.000");
    set("Variant visitors", "1.000");
    set("Confidence level", "0,9");
    expect(shown("pValue")).toBe("0.153");
    expect(screen.getByText("Significant at 90%")).toBeInTheDocument();
    set("Variant conversions", "abc");
    expect(messageOf(screen.getByLabelText("Variant conversions"))).toBe("Not a number: write it like 1.234, 1234.");
  });

  it("warns of a sample-ratio mismatch before the verdict when the split is off (p < 0.001)", () => {
    renderPane(<AbCalculator numberLocale="en-US" />);
    const set = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    // 10,000 vs 10,200: χ² = 200² / 10,100 = 1.98, p = 0.159 (scipy.stats.chisquare): no warning.
    set("Control visitors", "10000");
    set("Variant visitors", "10200");
    expect(screen.queryByTestId("ab-srm")).toBeNull();
    // 10,000 vs 10,500: χ² = 500² / 10,250 = 24.39, p = 7.9e-7 (scipy.stats.chisquare): warning.
    set("Variant visitors", "10500");
    const warning = screen.getByTestId("ab-srm");
    expect(warning).toHaveTextContent("Sample-ratio mismatch: 10,000 and 10,500 visitors");
    expect(warning).toHaveTextContent("(p < 0.001)");
    // Before any verdict in reading order.
    const verdict = screen.getByTestId("ab-significant");
    expect(warning.compareDocumentPosition(verdict) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("copies the exact p-value with one click", async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    renderPane(<AbCalculator numberLocale="en-US" />);
    fireEvent.click(screen.getByRole("button", { name: /^Copy the exact p-value/ }));
    const copied = await screen.findByTestId("ab-copied");
    const exact = (writeText.mock.calls[0] as unknown as [string])[0];
    // scipy: 0.15291829… (17 digits kept, not the 3 shown).
    expect(Number(exact)).toBeCloseTo(0.152918, 6);
    expect(exact.length).toBeGreaterThan(12);
    expect(copied).toHaveTextContent(`Copied ${exact}`);
  });
});
