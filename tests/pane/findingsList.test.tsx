/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_FILLS, PALETTES } from "../../src/core/colours";
import type { ChannelFinding, RulesResult } from "../../src/core/rules/types";
import { FindingsList } from "../../src/taskpane/components/FindingsList";
import type { TableOutcome } from "../../src/taskpane/excel/types";
import { renderPane } from "./renderPane";

const EVIL = "<img src=x onerror=alert(1)>";

function finding(p: Partial<ChannelFinding> & Pick<ChannelFinding, "channel" | "ruleId" | "colour">): ChannelFinding {
  return {
    periodsFlagged: 3,
    firstPeriod: "2026-03-03",
    lastPeriod: "2026-03-05",
    // as the engine writes it for a table whose latest date is in 2026 (no year)
    periodText: { en: "Mar 3 – 5", zh: "3月3日至5日" },
    latestValue: 1.2,
    threshold: 1.5,
    action: { en: "Iterate creatives", zh: "迭代素材" },
    rows: [0, 1, 2],
    col: 2,
    evidence: {
      values: [
        { period: "2026-03-03", value: 1.3, threshold: 1.5 },
        { period: "2026-03-04", value: 1.25, threshold: 1.5 },
        { period: "2026-03-05", value: 1.2, threshold: 1.5 },
      ],
      periods: "day",
      weeklyMean: false,
      cells: ["D3:D5"],
      range: "D3:D5",
      text: { en: "ROI 1.3, 1.25, 1.2 on Mar 3 – 5, below 1.5", zh: "ROI 1.3、1.25、1.2（3月3日至5日），低于 1.5" },
    },
    ...p,
  };
}

function outcome(findings: ChannelFinding[]): TableOutcome {
  const result: RulesResult = {
    mapping: {},
    flags: [],
    cells: [],
    findings,
    warnings: [],
    skippedRows: 0,
    percentColumns: [],
    // the table's latest date is in 2026 (its periods are March 2026)
    latestYear: 2026,
  };
  return {
    sheet: "Daily",
    address: "B2:F20",
    result,
    trends: { [`${EVIL}|roi-below-benchmark`]: [2, 1.8, 1.4, 1.3, 1.2] },
  };
}

const FINDINGS = [
  finding({ channel: EVIL, ruleId: "roi-below-benchmark", colour: "yellow", rows: [0, 1, 2, 5] }),
  finding({
    channel: "Douyin",
    ruleId: "ltv-cac-low",
    colour: "red",
    latestValue: 1.1,
    action: { en: "Cost optimization", zh: "成本优化" },
  }),
  finding({
    channel: "WeChat",
    ruleId: "complaint-rate-high",
    colour: "orange",
    latestValue: 0.015,
    threshold: 0.01,
    periodsFlagged: 1,
    firstPeriod: "2026-03-04",
    lastPeriod: "2026-03-04",
    periodText: { en: "Mar 4", zh: "3月4日" },
    action: { en: "Upgrade customer-service scripts", zh: "升级客服话术" },
    // the engine's evidence for a complaint rate of 1.5% on Mar 4 in data row 3 of a table at B2 (rate in column D)
    evidence: {
      values: [{ period: "2026-03-04", value: 0.015, threshold: 0.01 }],
      periods: "day",
      weeklyMean: false,
      cells: ["D6"],
      range: "D6",
      text: { en: "Complaint rate 1.5% on Mar 4, above 1%", zh: "投诉率 1.5%（3月4日），高于 1%" },
    },
  }),
  finding({ channel: "Baidu", ruleId: "repurchase-declining", colour: "red", latestValue: 0.2, threshold: 0.25 }),
];

describe("findings list", () => {
  it("groups findings by colour, red first, then orange, then yellow", () => {
    renderPane(<FindingsList tables={[outcome(FINDINGS)]} fills={DEFAULT_FILLS} onSelect={() => undefined} />);
    const groups = document.querySelectorAll("section[data-colour]");
    expect([...groups].map((g) => g.getAttribute("data-colour"))).toEqual(["red", "orange", "yellow"]);
    const red = within(groups[0] as HTMLElement);
    expect(red.getByRole("heading", { level: 3, name: "Act now · Red · 2 findings" })).toBeInTheDocument();
    // A shape per level, not only a colour: octagon, triangle, circle.
    expect([...document.querySelectorAll("h3 svg")].map((s) => s.getAttribute("data-shape"))).toEqual([
      "red",
      "orange",
      "yellow",
    ]);
    expect(document.querySelector('h3 svg[data-shape="red"] polygon')).not.toBeNull();
    expect(document.querySelector('h3 svg[data-shape="yellow"] circle')).not.toBeNull();
    expect(red.getByText("Douyin")).toBeInTheDocument();
    expect(red.getByText("Baidu")).toBeInTheDocument();
    expect(within(groups[1] as HTMLElement).getByText("WeChat")).toBeInTheDocument();
    expect(within(groups[2] as HTMLElement).getAllByTestId("finding")).toHaveLength(1);
  });

  it("shows the rule, periods, what fired (values, dates, threshold), the cells and the action", () => {
    renderPane(<FindingsList tables={[outcome(FINDINGS)]} fills={DEFAULT_FILLS} onSelect={() => undefined} />);
    const social = screen.getByText(EVIL).closest("li") as HTMLElement;
    expect(social).toHaveTextContent("3 periods: Mar 3 – 5");
    const wechat = screen.getByText("WeChat").closest("li") as HTMLElement;
    expect(wechat).toHaveTextContent("1 period: Mar 4");
    // The name is short; the details are the description; the card says that clicking selects the cells.
    const button = within(wechat).getByTestId("finding");
    expect(button).toHaveAccessibleName("WeChat Complaint rate high · Act today");
    // issue 19 §8: the visible title does not repeat the group's colour (the level is only in the name)
    expect(button).not.toHaveTextContent("Orange");
    expect(button).toHaveAccessibleDescription(
      /Complaint rate 1.5% on Mar 4, above 1%.*Cells D6 · 1 cell.*Click to select these cells in the sheet/,
    );
    // Dates never break inside: each date is one unbreakable piece, the range dash between them may break.
    const pieces = [...social.querySelectorAll("span")].filter(
      (s) => s.textContent === "Mar 3" || s.textContent === "5",
    );
    expect(pieces).toHaveLength(2);
    // The evidence (what fired), not the channel's latest value.
    expect(within(wechat).getByTestId("evidence")).toHaveTextContent(/^Complaint rate 1.5% on Mar 4, above 1%$/);
    expect(wechat).toHaveTextContent("Cells D6 · 1 cell");
    expect(wechat).not.toHaveTextContent("Latest");
    expect(wechat).toHaveTextContent("Action: Upgrade customer-service scripts");
  });

  it("heads the groups with the Okabe–Ito palette's own colour names, never Red (issue 19 §8)", () => {
    renderPane(
      <FindingsList tables={[outcome(FINDINGS)]} fills={{ ...PALETTES["okabe-ito"] }} onSelect={() => undefined} />,
    );
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "Act now · Vermilion · 2 findings",
      "Act today · Orange · 1 finding",
      "Watch · Yellow · 1 finding",
    ]);
  });

  it("renders a channel name that looks like HTML as literal text, never as an element", () => {
    const { container } = renderPane(
      <FindingsList tables={[outcome(FINDINGS)]} fills={DEFAULT_FILLS} onSelect={() => undefined} />,
    );
    expect(screen.getByText(EVIL)).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
    // The sparkline's accessible title also carries the name as text.
    expect(container.querySelector("svg title")?.textContent).toBe(`Trend of ROI for ${EVIL}`);
  });

  it("selects the finding's cells on the sheet, merging consecutive rows", () => {
    const onSelect = jest.fn();
    renderPane(<FindingsList tables={[outcome(FINDINGS)]} fills={DEFAULT_FILLS} onSelect={onSelect} />);
    fireEvent.click(screen.getByText(EVIL).closest("button") as HTMLElement);
    // Table B2:F20: header on row 2, data row r on sheet row 3 + r; column index 2 from B is D.
    // Rows 0,1,2 → D3:D5 and row 5 → D8.
    expect(onSelect).toHaveBeenCalledWith("Daily", ["D3:D5", "D8"], 0);
  });

  it("says so when there is nothing to show, in the pane's language", () => {
    renderPane(<FindingsList tables={[outcome([])]} fills={DEFAULT_FILLS} onSelect={() => undefined} />, "zh-CN");
    expect(screen.getByText("选区中没有发现弱势渠道。")).toBeInTheDocument();
  });

  describe("a finding with thousands of cells (issue 19 §1–2)", () => {
    // 3,000 flagged cells, every other row from G1000 to G6998: 3,000 one-cell ranges, as the engine lists them.
    const CELLS = Array.from({ length: 3000 }, (_, k) => `G${1000 + 2 * k}`);
    const big = finding({
      channel: "Search",
      ruleId: "roi-below-benchmark",
      colour: "yellow",
      rows: Array.from({ length: 3000 }, (_, k) => 2 * k),
      evidence: { ...finding({ channel: "", ruleId: "roi-below-benchmark", colour: "yellow" }).evidence, cells: CELLS },
    });
    const full = CELLS.join(", ");

    it("shows the cells as one bounded line with the count; the description stays short", () => {
      renderPane(<FindingsList tables={[outcome([big])]} fills={DEFAULT_FILLS} onSelect={() => undefined} />);
      expect(full.length).toBe(20998); // 3,000 × 5 characters and 2,999 × 2 (", ")
      expect(screen.getByTestId("cells")).toHaveTextContent(/^Cells G1000 … G6998 · 3,000 cells$/);
      const button = screen.getByRole("button", { name: "Search ROI below benchmark · Watch" });
      const description = button.getAttribute("aria-describedby") as string;
      const text = document.getElementById(description)?.textContent ?? "";
      expect(text).toContain("Cells G1000 … G6998 · 3,000 cells");
      expect(text.length).toBeLessThan(300);
      expect(document.body.textContent).not.toContain("G1002");
    });

    it("shows the full list on demand in a scrollable, labelled box, and hides it again", () => {
      renderPane(<FindingsList tables={[outcome([big])]} fills={DEFAULT_FILLS} onSelect={() => undefined} />);
      const show = screen.getByRole("button", { name: "Show all 3,000 ranges" });
      expect(show).toHaveAttribute("aria-expanded", "false");
      fireEvent.click(show);
      const list = screen.getByRole("region", { name: "All cells of Search, ROI below benchmark" });
      expect(list).toHaveTextContent(full);
      expect(list).toHaveAttribute("tabindex", "0"); // a keyboard user can scroll it
      fireEvent.click(screen.getByRole("button", { name: "Hide the cell list" }));
      expect(screen.queryByRole("region", { name: /All cells of/ })).toBeNull();
    });

    it("copies every cell address and says how many", async () => {
      const writeText = jest.fn(async () => undefined);
      Object.assign(navigator, { clipboard: { writeText } });
      renderPane(<FindingsList tables={[outcome([big])]} fills={DEFAULT_FILLS} onSelect={() => undefined} />);
      fireEvent.click(screen.getByRole("button", { name: "Copy cells of Search, ROI below benchmark" }));
      await waitFor(() => expect(writeText).toHaveBeenCalledWith(full));
      expect(await screen.findByText("Copied 3,000 cells as 3,000 addresses.")).toBeInTheDocument();
    });

    it("says which part of the cells it selected and offers the next part, then the first again", async () => {
      // The parts as the gateway computes them for these cells (tests/taskpane/excel/flag.test.ts: 1,333 + 1,333 + 334).
      const PARTS = [
        { from: 1, to: 1333, first: "G1000", last: "G3664" },
        { from: 1334, to: 2666, first: "G3666", last: "G6330" },
        { from: 2667, to: 3000, first: "G6332", last: "G6998" },
      ];
      const onSelect = jest.fn(async (_s: string, _a: string[], part: number) => ({
        part,
        parts: 3,
        total: 3000,
        ...PARTS[part],
      }));
      renderPane(<FindingsList tables={[outcome([big])]} fills={DEFAULT_FILLS} onSelect={onSelect} />);
      await act(async () => fireEvent.click(screen.getByText("Search")));
      // Table B2:F20: data row r is sheet row 3 + r, column index 2 from B is D.
      expect(onSelect.mock.calls[0][1]).toHaveLength(3000);
      expect(onSelect.mock.calls[0][1][0]).toBe("D3");
      expect(screen.getByTestId("selected-note")).toHaveTextContent(
        "Selected cells 1–1,333 of 3,000 (G1000 … G3664), part 1 of 3: Excel selects at most 8,192 characters of addresses at once.",
      );
      await act(async () => fireEvent.click(screen.getByRole("button", { name: "Select part 2 of 3" })));
      expect(onSelect).toHaveBeenLastCalledWith("Daily", expect.any(Array), 1);
      await act(async () => fireEvent.click(screen.getByRole("button", { name: "Select part 3 of 3" })));
      expect(screen.getByTestId("selected-note")).toHaveTextContent(
        /^Selected cells 2,667–3,000 of 3,000 \(G6332 … G6998\), part 3 of 3/,
      );
      await act(async () => fireEvent.click(screen.getByRole("button", { name: "Select part 1 again" })));
      expect(onSelect).toHaveBeenLastCalledWith("Daily", expect.any(Array), 0);
    });

    it("says it selected all of a finding's cells when they fit one selection, in Chinese too", async () => {
      const onSelect = jest.fn(async () => ({ part: 0, parts: 1, from: 1, to: 4, total: 4, first: "D3", last: "D8" }));
      renderPane(<FindingsList tables={[outcome(FINDINGS)]} fills={DEFAULT_FILLS} onSelect={onSelect} />, "zh-CN");
      await act(async () => fireEvent.click(screen.getByText(EVIL)));
      expect(screen.getByTestId("selected-note")).toHaveTextContent("已在工作表中选中全部 4 个单元格。");
      expect(screen.queryByRole("button", { name: /部分/ })).toBeNull();
    });
  });
});

describe("what changed since the last flag (issue 19)", () => {
  const marked = (): TableOutcome => ({ ...outcome(FINDINGS), marks: ["new", "continuing", null, "continuing"] });
  const resolved = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      sheet: "Daily",
      rule: "traffic-drop" as const,
      channel: i === 0 ? EVIL : `Channel ${i}`,
      first: "2026-03-02",
      last: i === 0 ? "2026-03-04" : "2026-03-02",
    }));
  const changes = (n: number) => ({
    compared: true,
    counts: { new: 1, continuing: 2, resolved: n },
    resolved: resolved(n),
  });

  it("badges each card in words, in its accessible name; a finding with nothing to compare has none", () => {
    renderPane(
      <FindingsList tables={[marked()]} fills={DEFAULT_FILLS} onSelect={() => undefined} changes={changes(1)} />,
    );
    const card = (name: string) =>
      within(
        screen
          .getAllByTestId("finding")
          .find((b) => b.textContent!.startsWith(name))!
          .closest("li")!,
      );
    expect(card(EVIL).getByTestId("change-mark")).toHaveTextContent(/^New$/);
    expect(card("Douyin").getByTestId("change-mark")).toHaveTextContent(/^Continuing$/);
    expect(card("WeChat").queryByTestId("change-mark")).toBeNull();
    expect(card("Douyin").getByTestId("finding")).toHaveAccessibleName("Douyin LTV/CAC low · Act now · Continuing");
  });

  it("lists the resolved runs under their own heading, cell text as text, ten at first and all on demand", () => {
    renderPane(
      <FindingsList tables={[marked()]} fills={DEFAULT_FILLS} onSelect={() => undefined} changes={changes(12)} />,
    );
    const section = within(screen.getByTestId("resolved"));
    expect(section.getByRole("heading", { level: 3, name: "Resolved since last flag · 12 findings" })).toBeTruthy();
    expect(section.getAllByTestId("resolved-item")).toHaveLength(10);
    const first = section.getAllByTestId("resolved-item")[0];
    expect(first).toHaveTextContent(`${EVIL} Traffic drop`);
    expect(first).toHaveTextContent("Resolved");
    // the run's dates in the one date style: 2026 is the data's latest year, so none is shown, whatever today is
    expect(first).toHaveTextContent(/Mar 2 – 4$/);
    expect(document.querySelector("img")).toBeNull();
    fireEvent.click(section.getByRole("button", { name: "Show all 12 resolved" }));
    expect(section.getAllByTestId("resolved-item")).toHaveLength(12);
  });

  it("shows the resolved section when nothing is flagged any more, in Chinese too", () => {
    renderPane(
      <FindingsList tables={[outcome([])]} fills={DEFAULT_FILLS} onSelect={() => undefined} changes={changes(1)} />,
      "zh-CN",
    );
    expect(screen.getByText("选区中没有发现弱势渠道。")).toBeTruthy();
    const section = within(screen.getByTestId("resolved"));
    expect(section.getByRole("heading", { level: 3, name: "上次标记后已解除 · 1 项" })).toBeTruthy();
    expect(section.getByTestId("resolved-item")).toHaveTextContent("流量骤降");
    expect(section.getByTestId("resolved-item")).toHaveTextContent("已解除");
    expect(section.getByTestId("resolved-item")).toHaveTextContent(/3月2日至4日$/);
  });

  it("on a first flag (nothing compared) shows no badge and no resolved section", () => {
    renderPane(
      <FindingsList
        tables={[outcome(FINDINGS)]}
        fills={DEFAULT_FILLS}
        onSelect={() => undefined}
        changes={{ compared: false, counts: { new: 0, continuing: 0, resolved: 0 }, resolved: [] }}
      />,
    );
    expect(screen.queryAllByTestId("change-mark")).toEqual([]);
    expect(screen.queryByTestId("resolved")).toBeNull();
  });
});
