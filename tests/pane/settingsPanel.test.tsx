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
    expect(screen.getByLabelText("Highest complaint rate (0.01 = 1%)")).toHaveValue("0.01");
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
    const rate = screen.getByLabelText("Highest complaint rate (0.01 = 1%)");
    fireEvent.change(rate, { target: { value: "abc" } });
    expect(messageOf(rate)).toMatch(/Complaint rate limit must be/);
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
    expect(await screen.findByText("Settings saved in this workbook.")).toBeInTheDocument();
  });
});
