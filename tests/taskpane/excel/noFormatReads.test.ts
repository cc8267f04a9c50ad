/**
 * The overlay design (issue 15 §1) never needs a cell's own format: Flag adds conditional formats and Clear removes
 * them, so neither asks Excel for a cell's fill (getCellProperties) nor writes one (format.fill) on the user's sheet.
 */
import { SimRange } from "../../../tools/excel-sim/objects";
import { flagSelection, setup, SMALL_ROWS } from "./helpers";

it("flags and clears without reading or writing any cell format of the user's sheet", async () => {
  const spy = jest.spyOn(SimRange.prototype, "getCellProperties");
  try {
    const { host, gateway } = setup({
      sheets: [{ name: "Data", rows: SMALL_ROWS, fills: { C3: "#C6EFCE" } }],
      selection: { sheet: "Data", address: "A1:D7" },
    });
    const out = await flagSelection(gateway);
    // By hand (tests/taskpane/excel/helpers.ts): Search's ROI C2:C4 (yellow) and its complaint rate D3 (orange).
    expect(out.cellsColoured).toBe(4);
    expect((await gateway.clear()).cells).toBe(4);
    expect(spy).not.toHaveBeenCalled();
    const onData = host.writes.filter((w) => w.sheet === "Data").map((w) => w.kind);
    expect([...new Set(onData)].sort()).toEqual(["cf.add", "cf.delete", "cf.fill", "cf.formula", "cf.priority"]);
  } finally {
    spy.mockRestore();
  }
});
