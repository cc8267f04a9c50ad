/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { Sparkline } from "../../src/taskpane/components/Sparkline";
import { renderPane } from "./renderPane";

describe("sparkline", () => {
  it("draws the values left to right, higher values higher up, with the threshold as a line", () => {
    const { container } = renderPane(<Sparkline values={[1, 2, 3]} threshold={1.5} label="Trend of ROI for Search" />);
    // 96 × 24 with 2 px padding: min 1, max 3, so y(v) = 2 + (3 − v) / 2 × 20 → y(1) = 22, y(2) = 12, y(3) = 2,
    // y(1.5) = 17; x steps of (96 − 4) / 2 = 46 → 2, 48, 94.
    expect(container.querySelector("polyline")).toHaveAttribute("points", "2.0,22.0 48.0,12.0 94.0,2.0");
    const line = container.querySelector("line")!;
    expect([line.getAttribute("y1"), line.getAttribute("y2")]).toEqual(["17", "17"]);
    expect([line.getAttribute("x1"), line.getAttribute("x2")]).toEqual(["2", "94"]);
    expect(container.querySelector("svg")).toHaveAttribute("role", "img");
    expect(container.querySelector("svg title")).toHaveTextContent("Trend of ROI for Search");
  });

  it("skips blanks and draws nothing with fewer than two numbers", () => {
    const { container } = renderPane(<Sparkline values={[4, NaN, 2]} label="t" />);
    // Without a threshold: min 2, max 4; y(4) = 2, y(2) = 22; two points 92 px apart.
    expect(container.querySelector("polyline")).toHaveAttribute("points", "2.0,2.0 94.0,22.0");
    expect(container.querySelector("line")).toBeNull();
    const one = renderPane(<Sparkline values={[5, NaN]} label="t" />);
    expect(one.container.querySelector("svg")).toBeNull();
  });
});
