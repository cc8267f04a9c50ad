/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen } from "@testing-library/react";
import { PALETTES } from "../../src/core/colours";
import { DEFAULT_CONFIG } from "../../src/core/rules/config";
import { LEGEND_CLOSED_KEY, Legend } from "../../src/taskpane/components/Legend";
import { renderPane } from "./renderPane";

beforeEach(() => window.localStorage.clear());

const words = () => screen.getAllByTestId("level-word").map((w) => w.textContent);
const levels = () =>
  [...screen.getByTestId("legend").querySelectorAll("li[data-colour]")].map((li) => li.textContent ?? "");

describe("legend (issue 19 §8)", () => {
  it("is open on first use and stays shut once the user closes it", () => {
    const first = renderPane(<Legend config={DEFAULT_CONFIG} />);
    const details = screen.getByTestId("legend") as HTMLDetailsElement;
    expect(details.open).toBe(true);
    details.open = false;
    fireEvent(details, new Event("toggle"));
    expect(window.localStorage.getItem(LEGEND_CLOSED_KEY)).toBe("1");
    first.unmount();
    renderPane(<Legend config={DEFAULT_CONFIG} />);
    expect((screen.getByTestId("legend") as HTMLDetailsElement).open).toBe(false);
  });

  it("gives each level one severity word, the article palette's colour and the thresholds as set now", () => {
    renderPane(<Legend config={{ ...DEFAULT_CONFIG, roiBenchmark: 2, complaintRateMax: 0.02 }} />);
    const [red, orange, yellow] = levels();
    expect(red).toMatch(/^Act now · Red/);
    expect(orange).toMatch(/^Act today · Orange/);
    expect(orange).toContain("Complaint rate above 2% in a period");
    expect(yellow).toMatch(/^Watch · Yellow/);
    expect(yellow).toContain("ROI below 2 for 3 consecutive periods");
  });

  it("names the Okabe–Ito colours as that palette does, never Red, and no colour for a custom palette", () => {
    const okabe = renderPane(<Legend config={{ ...DEFAULT_CONFIG, fills: { ...PALETTES["okabe-ito"] } }} />);
    expect(words()).toEqual(["Act now · Vermilion", "Act today · Orange", "Watch · Yellow"]);
    okabe.unmount();
    renderPane(
      <Legend config={{ ...DEFAULT_CONFIG, fills: { red: "#112233", orange: "#445566", yellow: "#778899" } }} />,
      "zh-CN",
    );
    expect(words()).toEqual(["立即处理", "当天响应", "持续关注"]);
  });
});
