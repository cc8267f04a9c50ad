/** @jest-environment jsdom */
/**
 * Issue 17 in the pane: platform headers are recognised, the status says what was checked, a derived metric shows
 * in the column mapping with a switch, and a table where nothing was checked never reads as an all-clear. The
 * gateway is a stand-in; the results are the real engine's (runRules) on the tables the stand-in "reads".
 */
import "@testing-library/jest-dom";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { DEFAULT_FILLS } from "../../src/core/colours";
import { runRules } from "../../src/core/rules/engine";
import type { CellValue, ColumnMapping } from "../../src/core/rules/types";
import { detectColumns } from "../../src/core/table/headers";
import { App } from "../../src/taskpane/App";
import { FindingsList } from "../../src/taskpane/components/FindingsList";
import type { ExcelGateway, FlagRequest, SelectedTable } from "../../src/taskpane/excel/types";
import { renderPane } from "./renderPane";

// Rendering the whole pane in jsdom is slow on a shared machine (20 s for the switch test alone).
jest.setTimeout(120000);

function gatewayFor(header: CellValue[], rows: CellValue[][]): jest.Mocked<ExcelGateway> {
  const table: SelectedTable = {
    sheet: "Export",
    address: `A1:${String.fromCharCode(64 + header.length)}${rows.length + 1}`,
    rowCount: rows.length + 1,
    columnCount: header.length,
    header,
    detected: detectColumns(header),
  };
  return {
    readSelection: jest.fn(async () => [table]),
    flag: jest.fn(async (req: FlagRequest) => {
      const result = runRules({ header, rows }, { mapping: req.mappings?.[table.address] });
      return {
        tables: [{ sheet: table.sheet, address: table.address, result, trends: {} }],
        cellsColoured: result.cells.length,
        syncs: 3,
        cancelled: false,
      };
    }),
    clear: jest.fn(async () => ({ cells: 0, rules: 0, deletedSheets: [], notes: [] })),
    checkTable: jest.fn(async () => false),
    loadSettings: jest.fn(async () => null),
    saveSettings: jest.fn(async () => undefined),
    selectCells: jest.fn(async () => undefined),
    insertFormula: jest.fn(),
    hasFlags: jest.fn(async () => false),
    describeSelection: jest.fn(async () => null),
    watchSelection: jest.fn(() => () => undefined),
  } as unknown as jest.Mocked<ExcelGateway>;
}

const days = (n: number) => Array.from({ length: n }, (_, i) => `2026-11-${String(2 + i).padStart(2, "0")}`);

describe("platform exports in the pane (issue 17)", () => {
  it("reads “Return on spend” as ROI and says which rule ran on it, no false all-clear", async () => {
    // ROI 2.1 every day: nothing is weak, and the status says the ROI rule did run on that column
    const rows = days(5).map((d) => [d, "Brand", 2.1]);
    const gateway = gatewayFor(["Date", "Campaign", "Return on spend"], rows);
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    expect(await screen.findByText("Colored 0 cells in 1 table.")).toBeInTheDocument();
    const details = screen.getAllByTestId("status-detail").map((e) => e.textContent);
    expect(details[0]).toBe("Rules run: ROI below benchmark on “Return on spend” (C, found).");
    expect(details[1]).toMatch(/^Not run, for want of a column: Complaint rate high \(needs a complaint rate column/);
    expect(screen.getByText("No weak channels found in the selection.")).toBeInTheDocument();
  });

  it("shows ROI derived from Conv. value ÷ Cost with a switch: off, the table has no metric and is refused; on again, the detected columns return", async () => {
    const header = ["Day", "Campaign", "Cost", "Conv. value"];
    // ROI 1.2 on three days running (below 1.5): derived and flagged in Conv. value (column D)
    const rows = days(4).map((d, i) => [d, "Brand", 1000, i < 3 ? 1200 : 2000]);
    const gateway = gatewayFor(header, rows);
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Recognize columns" }));
    const toggle = await screen.findByRole("switch", { name: "Derive ROI from “Conv. value” ÷ “Cost”" });
    expect(toggle).toBeChecked();
    expect(screen.getByText("ROI = Conv. value ÷ Cost")).toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    expect(await screen.findByText(/Colored 3 cells in 1 table\./)).toBeInTheDocument();
    const first = gateway.flag.mock.calls[0][0].mappings?.["A1:D5"] as ColumnMapping;
    expect(first).toMatchObject({ revenue: 3, cost: 2 });
    expect(screen.getAllByTestId("status-detail")[0]).toHaveTextContent(
      "Rules run: ROI below benchmark on “Conv. value ÷ Cost” (D ÷ C, derived).",
    );

    fireEvent.click(screen.getByRole("switch", { name: "Derive ROI from “Conv. value” ÷ “Cost”" }));
    await waitFor(() =>
      expect(screen.getByRole("switch", { name: "Derive ROI from “Conv. value” ÷ “Cost”" })).not.toBeChecked(),
    );
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    // without ROI the table has no metric: the pane refuses in one sentence and keeps the mapping open
    expect(await screen.findByText(/No metric column \(ROI, complaint rate/)).toBeInTheDocument();
    expect(gateway.flag).toHaveBeenCalledTimes(1);
    // on again: the detected columns come back
    fireEvent.click(screen.getByRole("switch", { name: "Derive ROI from “Conv. value” ÷ “Cost”" }));
    await waitFor(() =>
      expect(screen.getByRole("switch", { name: "Derive ROI from “Conv. value” ÷ “Cost”" })).toBeChecked(),
    );
  });

  it("does not flag a finance sheet rate | nper | pmt | pv as a channel report (pv is no traffic here)", async () => {
    const gateway = gatewayFor(
      ["rate", "nper", "pmt", "pv"],
      [
        [0.05, 10, -100, 772.17],
        [0.04, 12, -250, 2346.27],
      ],
    );
    render(<App gateway={gateway} />);
    fireEvent.click(screen.getByRole("button", { name: "Flag weak channels" }));
    expect(
      await screen.findByText(/Export!A1:D3 has no date or channel column, so it was not read as a channel report/),
    ).toBeInTheDocument();
    expect(gateway.flag).not.toHaveBeenCalled();
  });

  it("never lists a table where nothing was checked as “No weak channels found”", () => {
    const result = runRules({ header: ["Yield", "Campaign"], rows: [[1, "Brand"]] });
    renderPane(
      <FindingsList
        tables={[{ sheet: "Finance", address: "A1:B2", result, trends: {} }]}
        fills={DEFAULT_FILLS}
        onSelect={() => undefined}
      />,
    );
    expect(screen.getByText(/No metric column was recognized in Finance!A1:B2, so nothing was checked/)).toBeVisible();
    expect(screen.queryByText("No weak channels found in the selection.")).toBeNull();
  });
});
