/**
 * Originals are saved only for the cells a flag will colour: getCellProperties is asked about exactly those cells
 * (as vertical runs), never the whole table.
 */
import { SimWorksheet } from "../../../tools/excel-sim/objects";
import { flagSelection, setup, SMALL_ROWS } from "./helpers";

it("reads the fills (getCellProperties) of exactly the cells it colours, as vertical runs", async () => {
  const asked: string[] = [];
  const original = SimWorksheet.prototype.getRange;
  // The adapter reads values with getRangeByIndexes and asks getRange(...) only for getCellProperties.
  const spy = jest.spyOn(SimWorksheet.prototype, "getRange").mockImplementation(function (this: SimWorksheet, a) {
    if (a !== undefined) asked.push(a);
    return original.call(this, a);
  });
  try {
    const { gateway } = setup({
      sheets: [{ name: "Data", rows: SMALL_ROWS }],
      selection: { sheet: "Data", address: "A1:D7" },
    });
    const out = await flagSelection(gateway);
    // By hand (tests/taskpane/excel/helpers.ts): Search's ROI C2:C4 (yellow) and its complaint rate D3 (orange); 4 cells.
    expect(out.cellsColoured).toBe(4);
    expect(asked.sort()).toEqual(["C2:C4", "D3"]);
  } finally {
    spy.mockRestore();
  }
});
