/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { DEFAULT_CONFIG } from "../../src/core/rules/config";
import type { RulesConfig } from "../../src/core/rules/types";
import { SettingsPanel } from "../../src/taskpane/components/SettingsPanel";
import { renderPane } from "./renderPane";

function setup(locale: "en-US" | "zh-CN" = "en-US") {
  const onSave = jest.fn<Promise<void>, [RulesConfig]>(() => Promise.resolve());
  renderPane(<SettingsPanel config={DEFAULT_CONFIG} onSave={onSave} />, locale);
  return { onSave };
}

/** The element that describes an input: its Field validation message. */
function messageOf(input: HTMLElement): string {
  const ids = (input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

describe("settings panel", () => {
  it("shows every threshold and colour with its current value, and Save is enabled", () => {
    setup();
    expect(screen.getByLabelText("ROI benchmark (yellow below it)")).toHaveValue("1.5");
    expect(screen.getByRole("heading", { level: 2, name: "Rule thresholds and colors" })).toBeInTheDocument();
    expect(screen.getByLabelText("Highest complaint rate")).toHaveValue("1%");
    expect(screen.getByLabelText("Traffic drop (below the baseline)")).toHaveValue("30%");
    expect(screen.getByLabelText("LTV/CAC: consecutive weeks")).toHaveValue("2");
    expect(screen.getByLabelText("Red fill")).toHaveValue("#FF7C80");
    expect(screen.getByRole("button", { name: "Save to workbook" })).toBeEnabled();
  });

  it("shows the message next to a negative ROI benchmark and disables Save", () => {
    setup();
    const input = screen.getByLabelText("ROI benchmark (yellow below it)");
    fireEvent.change(input, { target: { value: "-1" } });
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(messageOf(input)).toMatch(/ROI benchmark must be a number greater than 0/);
    // Only the bad field carries a message.
    expect(screen.getByLabelText("Lowest LTV/CAC")).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("button", { name: "Save to workbook" })).toBeDisabled();
  });

  it("rejects text that is not a number and a fractional run length", () => {
    setup();
    const runs = screen.getByLabelText("ROI: consecutive periods");
    fireEvent.change(runs, { target: { value: "2.5" } });
    expect(messageOf(runs)).toMatch(/whole number/);
    const rate = screen.getByLabelText("Highest complaint rate");
    fireEvent.change(rate, { target: { value: "abc" } });
    expect(messageOf(rate)).toBe(
      "Complaint rate limit must be a rate between 0% and 100%, written like 1%, 0.01 or 1.",
    );
    expect(screen.getByRole("button", { name: "Save to workbook" })).toBeDisabled();
  });

  it("rejects a colour that is not #RRGGBB next to that colour's field", () => {
    setup();
    const yellow = screen.getByLabelText("Yellow fill");
    fireEvent.change(yellow, { target: { value: "#12" } });
    expect(messageOf(yellow)).toMatch(/Yellow fill must be a color written #RRGGBB/);
    expect(screen.getByRole("button", { name: "Save to workbook" })).toBeDisabled();
  });

  it("shows the message in Chinese when the pane is in zh-CN", () => {
    setup("zh-CN");
    const input = screen.getByLabelText("投入产出比基准（低于即黄色）");
    fireEvent.change(input, { target: { value: "0" } });
    expect(messageOf(input)).toMatch(/ROI 基准值必须是大于 0/);
    expect(screen.getByRole("button", { name: "保存到工作簿" })).toBeDisabled();
  });

  it("saves the corrected values as numbers once every field is valid", async () => {
    const { onSave } = setup();
    const input = screen.getByLabelText("ROI benchmark (yellow below it)");
    fireEvent.change(input, { target: { value: "-1" } });
    fireEvent.change(input, { target: { value: "2" } });
    fireEvent.change(screen.getByLabelText("Orange fill"), { target: { value: "#00aa00" } });
    const save = screen.getByRole("button", { name: "Save to workbook" });
    expect(save).toBeEnabled();
    fireEvent.click(save);
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const saved = onSave.mock.calls[0][0];
    expect(saved.roiBenchmark).toBe(2);
    expect(saved.fills.orange).toBe("#00AA00");
    expect(saved.ltvCacMin).toBe(1.5);
    expect(await screen.findByText(/^Settings saved in this workbook\./)).toBeInTheDocument();
  });

  it("takes a rate as people write it: 1%, 0.01 and 1 all save 0.01; 30 and 0.3 save 0.3 (1 or more is a percentage)", async () => {
    const cases: [string, string, number][] = [
      ["Highest complaint rate", "1%", 0.01],
      ["Highest complaint rate", "0.01", 0.01],
      ["Highest complaint rate", "1", 0.01],
      ["Highest complaint rate", "2.5%", 0.025],
      ["Traffic drop (below the baseline)", "30", 0.3],
      ["Traffic drop (below the baseline)", "0.3", 0.3],
    ];
    for (const [label, text, want] of cases) {
      const onSave = jest.fn<Promise<void>, [RulesConfig]>(() => Promise.resolve());
      const { unmount } = renderPane(<SettingsPanel config={DEFAULT_CONFIG} onSave={onSave} numberLocale="en-US" />);
      const input = screen.getByLabelText(label);
      // The rule is stated under the box.
      expect(messageOf(input)).toMatch(/1 or more is read as a percentage/);
      fireEvent.change(input, { target: { value: text } });
      fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
      await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
      const saved = onSave.mock.calls[0][0];
      const value = label.startsWith("Highest") ? saved.complaintRateMax : saved.trafficDropRatio;
      expect({ text, value }).toEqual({ text, value: expect.closeTo(want, 12) });
      unmount();
    }
  });

  it("states the rule under a small rate without the bare number the rule would misread (0.1 is 10%, not 0.1%)", () => {
    setup();
    const level = screen.getByLabelText("Repurchase: test level");
    expect(level).toHaveValue("0.1%");
    expect(messageOf(level)).toBe("Write 0.1% or 0.001: 1 or more is read as a percentage.");
    fireEvent.change(level, { target: { value: "60%" } });
    // Its bounds, not 0–100%: the test level is at most 50%.
    expect(messageOf(level)).toBe(
      "Repurchase test level (one-sided) must be a rate between 0% and 50%, written like 1%, 0.01 or 1.",
    );
  });

  it("refuses 100% and a negative rate with the rule in the message", () => {
    setup();
    const input = screen.getByLabelText("Traffic drop (below the baseline)");
    fireEvent.change(input, { target: { value: "100%" } });
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(messageOf(input)).toBe("Traffic drop ratio must be a rate between 0% and 100%, written like 1%, 0.01 or 1.");
    fireEvent.change(input, { target: { value: "-5%" } });
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("button", { name: "Save to workbook" })).toBeDisabled();
  });

  it("offers the choices as radio buttons whose labels are never cut, and saves the one picked", async () => {
    const { onSave } = setup();
    const auto = screen.getByRole("radio", { name: "Automatic (same weekday when the channel has a weekly rhythm)" });
    expect(auto).toBeChecked();
    fireEvent.click(screen.getByRole("radio", { name: "Same weekday, last 4 weeks" }));
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0][0].trafficBaseline).toBe("sameWeekday");
  });

  it("says after a save that the findings need another Flag, and offers the Analyze tab", async () => {
    const onShowAnalyze = jest.fn();
    const onSave = jest.fn<Promise<void>, [RulesConfig]>(() => Promise.resolve());
    renderPane(<SettingsPanel config={DEFAULT_CONFIG} onSave={onSave} onShowAnalyze={onShowAnalyze} />);
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    expect(
      await screen.findByText("Settings saved in this workbook. Flag again to apply them to the sheet."),
    ).toBeVisible();
    fireEvent.click(screen.getByRole("button", { name: "Go to Analyze" }));
    expect(onShowAnalyze).toHaveBeenCalledTimes(1);
  });
});
