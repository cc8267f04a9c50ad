/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_CONFIG } from "../../src/core/rules/config";
import type { RulesConfig, RulesResult } from "../../src/core/rules/types";
import { App } from "../../src/taskpane/App";
import type { ExcelGateway, FlagRequest, SelectedTable } from "../../src/taskpane/excel/types";
import { completeFormula } from "../../src/taskpane/excel/insert";
import { pickLocale } from "../../src/taskpane/i18n";
import { officeIsDark } from "../../src/taskpane/theme";
import "./renderPane"; // ResizeObserver stand-in

const TABLE: SelectedTable = {
  sheet: "Daily",
  address: "A1:D20",
  rowCount: 20,
  columnCount: 4,
  header: ["Date", "Channel", "ROI", "Notes"],
  detected: { date: 0, channel: 1, roi: 2 },
};

const RESULT: RulesResult = {
  mapping: { date: 0, channel: 1, roi: 2 },
  flags: [],
  cells: [],
  findings: [
    {
      channel: "Douyin",
      ruleId: "roi-below-benchmark",
      colour: "yellow",
      periodsFlagged: 3,
      firstPeriod: "2026-03-03",
      lastPeriod: "2026-03-05",
      periodText: { en: "Mar 3 – 5", zh: "3月3日至5日" },
      latestValue: 1.2,
      threshold: 1.5,
      action: { en: "Iterate creatives", zh: "启动素材迭代流程。" },
      rows: [2, 3, 4],
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
    },
  ],
  warnings: [],
  skippedRows: 0,
  percentColumns: [],
};

function fakeGateway(over: Partial<ExcelGateway> = {}): jest.Mocked<ExcelGateway> {
  return {
    readSelection: jest.fn(async () => [TABLE]),
    flag: jest.fn(async (req: FlagRequest) => ({
      tables: req.tables.map((t) => ({ sheet: t.sheet, address: t.address, result: RESULT, trends: {} })),
      cellsColoured: 3,
      syncs: 4,
      cancelled: false,
    })),
    clear: jest.fn(async () => ({ cells: 3, rules: 1, deletedSheets: [], notes: [] })),
    checkTable: jest.fn(async () => false),
    loadSettings: jest.fn(async () => null),
    saveSettings: jest.fn(async () => undefined),
    selectCells: jest.fn(async () => null),
    insertFormula: jest.fn(async (formula: string) => ({
      written: true as const,
      sheet: "Daily",
      address: "B2",
      formula: completeFormula(formula),
    })),
    hasFlags: jest.fn(async () => false),
    describeSelection: jest.fn(async () => ({ sheet: "Daily", address: "A1:D20", rows: 20, columns: 4, cells: 80 })),
    watchSelection: jest.fn(() => () => undefined),
    ...over,
  } as jest.Mocked<ExcelGateway>;
}

// Rendering the whole pane in jsdom is slow on a shared machine.
jest.setTimeout(30000);

describe("task pane", () => {
  it("follows Office's display language: any zh variant gives zh-CN, anything else en-US", () => {
    expect(pickLocale("zh-CN")).toBe("zh-CN");
    expect(pickLocale("zh-TW")).toBe("zh-CN");
    expect(pickLocale("en-GB")).toBe("en-US");
    expect(pickLocale("fr-FR")).toBe("en-US");
    expect(pickLocale(undefined)).toBe("en-US");
  });

  it("takes the dark theme when Office says so, or when Office's body colour is dark", () => {
    expect(officeIsDark({ isDarkTheme: true })).toBe(true);
    expect(officeIsDark({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe(false);
    // Office's "Black" theme body #262626 has luminance ≈ 0.15; "White" #FFFFFF is 1.
    expect(officeIsDark({ bodyBackgroundColor: "#262626" })).toBe(true);
    expect(officeIsDark({ bodyBackgroundColor: "#FFFFFF" })).toBe(false);
    expect(officeIsDark(undefined)).toBe(false);
  });

  it("does not take a table with neither a date nor a channel column for a channel report, and opens the mapping", async () => {
    // issue 17 §2: a channel report needs a period column; the user may still map the columns and flag it
    const gateway = fakeGateway({
      readSelection: jest.fn(async () => [{ ...TABLE, header: ["ROI", "Notes"], detected: { roi: 0 } }]),
    });
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    expect(
      await screen.findByText(/Daily!A1:D20 has no date or channel column, so it was not read as a channel report/),
    ).toBeInTheDocument();
    expect(gateway.flag).not.toHaveBeenCalled();
    // the column mapping is open, so the user can map a date or channel column and flag it
    expect(screen.getByRole("group", { name: "Columns of Daily!A1:D20" })).toBeVisible();
  });

  it("says when the table changed since the warnings were set (sorted) and offers Flag again, which flags", async () => {
    const gateway = fakeGateway({ checkTable: jest.fn(async () => true) });
    render(<App gateway={gateway} />);
    expect(
      await screen.findByText(/^The table changed since the warnings were set \(rows sorted, edited or deleted\)/),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Flag again" }));
    expect(await screen.findByText("Colored 3 cells in 1 table.")).toBeInTheDocument();
    expect(gateway.flag).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("button", { name: "Flag again" })).toBeNull();
  });

  it("flags the selection with the current settings and lists the finding; clicking it selects C4:C6", async () => {
    const gateway = fakeGateway();
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    expect(await screen.findByText("Colored 3 cells in 1 table.")).toBeInTheDocument();
    // Focus goes to the first finding, whose name is short (channel, rule, colour) with the details as description.
    const card = screen.getByRole("button", { name: "Douyin ROI below benchmark · Watch" });
    await waitFor(() => expect(card).toHaveFocus());
    expect(card).toHaveAccessibleDescription(/3 periods: Mar 3 – 5.*Click to select these cells/);
    expect(screen.getByRole("button", { name: "Clear warnings" })).toBeEnabled();
    const req = gateway.flag.mock.calls[0][0];
    expect(req.config).toEqual(DEFAULT_CONFIG);
    expect(req.mappings).toEqual({ "A1:D20": TABLE.detected });
    fireEvent.click(screen.getByText("Douyin"));
    // Data rows 2–4 of A1:D20 (header on row 1, data from row 2) are sheet rows 4–6; column index 2 from A is C.
    expect(gateway.selectCells).toHaveBeenCalledWith("Daily", ["C4:C6"], 0);
  });

  it("offers Go to report after Flag (issue 19 §6), and says so when the report was deleted since", async () => {
    const showReport = jest.fn<Promise<string | null>, []>(async () => "Growth Signals");
    const gateway = fakeGateway({ showReport });
    render(<App gateway={gateway} />);
    expect(screen.queryByRole("button", { name: "Go to report" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    fireEvent.click(await screen.findByRole("button", { name: "Go to report" }));
    await waitFor(() => expect(showReport).toHaveBeenCalledTimes(1));
    showReport.mockResolvedValueOnce(null);
    fireEvent.click(screen.getByRole("button", { name: "Go to report" }));
    expect(
      await screen.findByText("The report sheet is no longer in this workbook. Flag again to write it."),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Flag again" })).toBeInTheDocument();
  });

  it("offers no Go to report where the host cannot show it", async () => {
    const gateway = fakeGateway();
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    expect(await screen.findByText("Colored 3 cells in 1 table.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Go to report" })).toBeNull();
  });

  // Opening a Fluent Dropdown in jsdom is slow on a shared machine: a generous timeout.
  it("passes the user's column re-mapping to the flag", async () => {
    const gateway = fakeGateway();
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Recognize columns" }));
    const notes = await screen.findByLabelText("Notes");
    fireEvent.click(notes);
    // Role queries over the whole pane are slow in jsdom; the open listbox's options are found directly.
    const traffic = await waitFor(() => {
      const o = [...document.querySelectorAll('[role="option"]')].find((e) => e.textContent === "Traffic");
      if (!o) throw new Error("listbox not open");
      return o;
    });
    fireEvent.click(traffic);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    await waitFor(() => expect(gateway.flag).toHaveBeenCalled());
    expect(gateway.flag.mock.calls[0][0].mappings).toEqual({ "A1:D20": { date: 0, channel: 1, roi: 2, traffic: 3 } });
  }, 30000);

  it("explains in plain words when no metric column is recognised, and does not flag", async () => {
    const gateway = fakeGateway({
      readSelection: jest.fn(async () => [
        { ...TABLE, header: ["Day", "Source", "Spend", "Notes"], detected: { date: 0, channel: 1 } },
      ]),
    });
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    expect(
      await screen.findByText(/No metric column .* found in Daily!A1:D20; pick the columns below\./),
    ).toBeInTheDocument();
    expect(gateway.flag).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Spend")).toHaveAttribute("role", "combobox");
  });

  it("shows an Excel failure as a sentence, not a stack trace", async () => {
    const err = new Error("The request payload size has exceeded the limit.");
    err.stack = "Error: boom\n    at flag (adapter.ts:12:3)";
    const gateway = fakeGateway({ flag: jest.fn(async () => Promise.reject(err)) });
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    // The status line; Fluent's announcer reads it out assertively (an error).
    const alert = await screen.findByTestId("status");
    expect(alert).toHaveTextContent("Excel could not complete the request");
    expect(alert).toHaveTextContent("The request payload size has exceeded the limit.");
    expect(alert.textContent).not.toMatch(/adapter\.ts|\bat flag\b/);
  });

  it("shows progress during a long run and Cancel aborts the gateway's signal", async () => {
    let seen: FlagRequest | undefined;
    let finish: () => void = () => undefined;
    const gateway = fakeGateway({
      flag: jest.fn(
        (req: FlagRequest) =>
          new Promise((resolve) => {
            seen = req;
            req.onProgress?.(2, 10, "save");
            finish = () => resolve({ tables: [], cellsColoured: 0, syncs: 2, cancelled: req.signal?.aborted ?? false });
          }),
      ),
    });
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    const bar = await screen.findByRole("progressbar");
    expect(bar).toHaveAttribute("aria-valuenow", "0.2");
    expect(screen.getByText("Saving original fills")).toBeInTheDocument();
    // issue 19 §8: the count and the percent, not only a bar (2 of the 10 fills saved)
    expect(screen.getByTestId("progress-count")).toHaveTextContent(/^2 of 10 cells · 20%$/);
    expect(bar).toHaveAttribute("aria-valuetext", "20%, 2 of 10 cells");
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(seen?.signal?.aborted).toBe(true);
    await act(async () => finish());
    expect(await screen.findByText("Canceled. The sheet is as it was.")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();
    await waitFor(() => expect(screen.getByTestId("status")).toHaveFocus());
  }, 20000);

  it("switches to Chinese from the language menu, rule names and actions included", async () => {
    render(<App gateway={fakeGateway()} />);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    await screen.findByText("Douyin");
    fireEvent.change(screen.getByLabelText("Language"), { target: { value: "zh-CN" } });
    expect(screen.getByRole("button", { name: "标记弱势渠道" })).toBeInTheDocument();
    expect(within(screen.getByTestId("finding")).getByText(/ROI 低于基准/)).toBeInTheDocument();
    expect(within(screen.getByTestId("finding").closest("li")!).getByText(/启动素材迭代流程/)).toBeInTheDocument();
  });

  it("uses the settings saved in the workbook for the next flag", async () => {
    const saved: RulesConfig = { ...DEFAULT_CONFIG, roiBenchmark: 2 };
    const gateway = fakeGateway({ loadSettings: jest.fn(async () => saved) });
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    await waitFor(() => expect(screen.getByLabelText("ROI benchmark (yellow below it)")).toHaveValue("2"), {
      timeout: 10000,
    });
    fireEvent.click(screen.getByRole("tab", { name: "Analyze" }));
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    await waitFor(() => expect(gateway.flag).toHaveBeenCalled());
    expect(gateway.flag.mock.calls[0][0].config.roiBenchmark).toBe(2);
  });

  it("asks to flag again when settings are saved after the findings on screen, and not before", async () => {
    const gateway = fakeGateway();
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    await screen.findByTestId("finding");
    expect(screen.queryByTestId("settings-changed")).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    // The Settings tab loads on demand (its own chunk in the pane's build).
    const benchmark = await screen.findByLabelText("ROI benchmark (yellow below it)", {}, { timeout: 10000 });
    fireEvent.change(benchmark, { target: { value: "2" } });
    fireEvent.click(screen.getByRole("button", { name: "Save to workbook" }));
    // Role queries over the whole pane are slow in jsdom; look inside the saved message.
    const savedBar = await screen.findByTestId("settings-saved");
    fireEvent.click(within(savedBar).getByRole("button", { name: "Go to Analyze" }));
    expect(screen.getByRole("tab", { name: "Analyze" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("settings-changed")).toHaveTextContent(
      "The settings changed after these findings. Flag again to apply them.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    await waitFor(() => expect(gateway.flag).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByTestId("settings-changed")).toBeNull());
    expect(gateway.flag.mock.calls[1][0].config.roiBenchmark).toBe(2);
  }, 60000);

  it("inserts a worked example from the Functions tab, never an empty call, and says so next to its button", async () => {
    const gateway = fakeGateway();
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
    // The Functions tab loads on demand (its own chunk in the pane's build).
    const button = await screen.findByRole(
      "button",
      { name: "Insert GROWTH.ROI into the active cell" },
      { timeout: 10000 },
    );
    fireEvent.click(button);
    expect(gateway.insertFormula).toHaveBeenCalledWith("=GROWTH.ROI(3800, 1000)", { overwrite: false });
    const note = await screen.findByText(
      "Wrote =GROWTH.ROI(3800, 1000) in Daily!B2: a worked example. Replace its numbers with your cells.",
    );
    // Next to the button that was clicked: in the same list item, not at the top of the tab.
    expect(button.closest("li")).toContainElement(note);
  });

  it("inserts the calculator's test as ABTEST_SUMMARY with the exact numbers and reports it under the calculator", async () => {
    const gateway = fakeGateway();
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
    fireEvent.click(
      await screen.findByRole(
        "button",
        { name: /^Insert as formula: GROWTH.ABTEST_SUMMARY with these numbers/ },
        { timeout: 10000 },
      ),
    );
    expect(gateway.insertFormula).toHaveBeenCalledWith("=GROWTH.ABTEST_SUMMARY(1000, 100, 1000, 120, 2, 0.95)", {
      overwrite: false,
    });
    const note = await screen.findByText("Wrote =GROWTH.ABTEST_SUMMARY(1000, 100, 1000, 120, 2, 0.95) in Daily!B2.");
    expect(screen.getByTestId("ab-results")).toContainElement(note);
  });

  it("asks before Insert replaces a cell that holds something, and keeps it when told to", async () => {
    const gateway = fakeGateway({
      insertFormula: jest.fn(async (formula: string, o?: { overwrite?: boolean }) =>
        o?.overwrite
          ? { written: true as const, sheet: "Daily", address: "B2", formula: completeFormula(formula), replaced: "42" }
          : { written: false as const, sheet: "Daily", address: "B2", current: "42" },
      ),
    });
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
    fireEvent.click(
      await screen.findByRole("button", { name: "Insert GROWTH.CAC into the active cell" }, { timeout: 10000 }),
    );
    const dialog = await waitFor(() => {
      const d = document.querySelector('[role="alertdialog"]');
      if (!d) throw new Error("no dialog yet");
      return d as HTMLElement;
    });
    expect(dialog).toHaveTextContent("Replace the content of Daily!B2?");
    expect(dialog).toHaveTextContent("Daily!B2 holds “42”.");
    fireEvent.click(within(dialog).getByText("Keep it"));
    expect(await screen.findByText("Nothing written: Daily!B2 keeps its content.")).toBeInTheDocument();
    expect(gateway.insertFormula).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("button", { name: "Insert GROWTH.CAC into the active cell" }));
    fireEvent.click(await screen.findByText("Replace"));
    expect(await screen.findByText(/^Wrote =GROWTH.CAC\(10000, 250\) in Daily!B2/)).toBeInTheDocument();
    expect(gateway.insertFormula).toHaveBeenLastCalledWith("=GROWTH.CAC(10000, 250)", { overwrite: true });
  }, 30000);

  it("says what is selected, follows selection changes, and disables Clear when nothing is flagged", async () => {
    let notify: () => void = () => undefined;
    const describeSelection = jest
      .fn()
      .mockResolvedValueOnce({ sheet: "Daily", address: "A1:I113", rows: 113, columns: 9, cells: 1017 })
      .mockResolvedValue({ sheet: "Daily", address: "C5", rows: 1, columns: 1, cells: 1 });
    const gateway = fakeGateway({
      describeSelection,
      watchSelection: jest.fn((cb: () => void) => {
        notify = cb;
        return () => undefined;
      }),
    });
    render(<App gateway={gateway} />);
    const info = screen.getByTestId("selection-info");
    await waitFor(() => expect(info).toHaveTextContent("Selection: Daily!A1:I113 · 113 rows × 9 columns"));
    await act(async () => notify());
    await waitFor(() => expect(info).toHaveTextContent("Selection: Daily!C5 · 1 cell: its table or surrounding data"));
    expect(screen.getByRole("button", { name: "Clear warnings" })).toBeDisabled();
  });

  it("bounds the selection line of a many-area selection to its first areas, with the area and cell counts", async () => {
    // 1,190 one-cell areas G2, G4, … G2380 (what selecting a large finding's first part leaves selected)
    const areas = Array.from({ length: 1190 }, (_, k) => `G${2 + 2 * k}`);
    const gateway = fakeGateway({
      describeSelection: jest.fn(async () => ({
        sheet: "Big",
        address: areas.join(","),
        rows: 1190,
        columns: 1,
        cells: 1190,
      })),
    });
    render(<App gateway={gateway} />);
    const info = screen.getByTestId("selection-info");
    // The whole areas that fit 40 characters: G2,G4,G6,G8 take 4 × 2 + 3 = 11, G10…G22 add 7 × 4 = 28 (39 in
    // all); ",G24" would make 43
    await waitFor(() =>
      expect(info).toHaveTextContent(
        /^Selection: Big!G2,G4,G6,G8,G10,G12,G14,G16,G18,G20,G22,…\s·\s1,190 areas · 1,190 cells$/,
      ),
    );
    expect(info.textContent!.length).toBeLessThan(100);
  });

  it("shows a run that worked with a note under a note icon, not the warning triangle (issue 19 §8)", async () => {
    const noted: RulesResult = {
      ...RESULT,
      warnings: [{ code: "skipped-rows", message: { en: "2 rows were skipped.", zh: "跳过了 2 行。" } }],
    };
    const gateway = fakeGateway({
      flag: jest.fn(async (req: FlagRequest) => ({
        tables: req.tables.map((t) => ({ sheet: t.sheet, address: t.address, result: noted, trends: {} })),
        cellsColoured: 3,
        syncs: 4,
        cancelled: false,
      })),
    });
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    const status = await screen.findByTestId("status");
    await waitFor(() => expect(status).toHaveTextContent("Colored 3 cells in 1 table. 2 rows were skipped."));
    expect(status.querySelector('svg[data-shape="note"]')).not.toBeNull();
    // the note is the status's only icon: no warning triangle beside it
    expect(status.querySelectorAll("svg")).toHaveLength(1);
  });
});
