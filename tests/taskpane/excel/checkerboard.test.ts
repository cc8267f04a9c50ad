/**
 * The worst case for getRanges(): a checkerboard of flagged cells, where no two coloured cells touch, so every cell is
 * its own area. Excel refuses an areas address of 8,192 characters or more; the adapter must keep each one under
 * 8,000 and still colour, select and clear every cell.
 */
import { DEFAULT_CONFIG, OVERLAY_FORMULA } from "../../../src/core";
import { SimWorksheet } from "../../../tools/excel-sim/objects";
import { setup, shown } from "./helpers";

const YELLOW = "#FFD966";
const ORANGE = "#F4B183";
const N = 8000; // data rows, sheet rows 2…8001
const FIRST_DAY = 46_083; // Excel serial of 2026-03-02

/**
 * One channel, one row a day. With an ROI run length of 1 every ROI below 1.5 is flagged on its own:
 * - data row i even (sheet rows 2, 4, …, 8000): ROI 1.0 → C yellow; complaint rate 0.5% → D not flagged;
 * - data row i odd (sheet rows 3, 5, …, 8001): ROI 2.0 → C not flagged; complaint rate 2% (> 1%) → D orange.
 * So C2:D8001 is a checkerboard of 4,000 yellow and 4,000 orange cells.
 * Yellow's address alone, "C2,C4,…,C8000", is 4×2 + 45×3 + 450×4 + 3,501×5 = 19,448 characters plus 3,999 commas
 * = 23,447: at least 3 getRanges() strings under 8,000.
 */
function checkerboardRows(): (string | number)[][] {
  const rows: (string | number)[][] = [["Date", "Channel", "ROI", "Complaint rate"]];
  for (let i = 0; i < N; i++) rows.push([FIRST_DAY + i, "Search", i % 2 === 0 ? 1.0 : 2.0, i % 2 === 0 ? 0.005 : 0.02]);
  return rows;
}

it("colours (one rule per address string), selects and clears a checkerboard of 8,000 flagged cells with every getRanges address under 8,000 characters", async () => {
  const addresses: string[] = [];
  // The report sheet's addresses (bold rows, wraps, fills: on the sheet Flag adds, worksheets.add) apart from the data's.
  const reportAddresses = new Set<string>();
  const original = SimWorksheet.prototype.getRanges;
  const spy = jest.spyOn(SimWorksheet.prototype, "getRanges").mockImplementation(function (this: SimWorksheet, a) {
    addresses.push(a);
    if ((this as unknown as { _path: string })._path.includes(".add#")) reportAddresses.add(a);
    return original.call(this, a);
  });
  try {
    const { host, gateway } = setup({
      sheets: [{ name: "Data", rows: checkerboardRows() }],
      selection: { sheet: "Data", address: "A1" },
    });
    const tables = await gateway.readSelection();
    expect(tables.map((t) => t.address)).toEqual([`A1:D${N + 1}`]);
    const out = await gateway.flag({ tables, config: { ...DEFAULT_CONFIG, roiRunLength: 1 }, lang: "en" });
    expect(out.cellsColoured).toBe(8000);
    for (let r = 2; r <= N + 1; r++) {
      const even = r % 2 === 0;
      expect(shown(host, "Data", `C${r}`)).toBe(even ? YELLOW : null);
      expect(shown(host, "Data", `D${r}`)).toBe(even ? null : ORANGE);
    }
    // One conditional format per address string (Office.js cannot add areas to a rule): ≥ 3 per colour.
    const rules = host.conditionalFormats("Data").filter((r) => r.formula === `=${OVERLAY_FORMULA}`);
    expect(rules.length).toBeGreaterThanOrEqual(6);
    expect(rules.flatMap((r) => r.ranges.split(" ")).length).toBe(8000);
    const dataAddresses = addresses.filter((a) => !reportAddresses.has(a));
    expect(dataAddresses.filter((a) => a.startsWith("C2,C4,")).length).toBe(1);
    // Every one of the 8,000 cells went through some address string, each string under the limit.
    const yellowCells = dataAddresses.flatMap((a) => a.split(",")).filter((c) => c.startsWith("C"));
    expect(new Set(yellowCells).size).toBe(4000);
    expect(dataAddresses.length).toBeGreaterThanOrEqual(6); // ≥ 3 per colour
    for (const a of addresses) expect(a.length).toBeLessThan(8000);

    // Clicking the ROI finding selects its cells: one address, under the limit, starting at the first cell.
    addresses.length = 0;
    const roiCells = Array.from({ length: N / 2 }, (_, k) => `C${2 + 2 * k}`);
    await gateway.selectCells("Data", roiCells);
    expect(addresses).toHaveLength(1);
    expect(addresses[0].length).toBeLessThan(8000);
    expect(host.selection().address.startsWith("C2, C4, C6")).toBe(true);

    addresses.length = 0;
    expect((await gateway.clear()).cells).toBe(8000);
    for (let r = 2; r <= N + 1; r++) {
      expect(shown(host, "Data", `C${r}`)).toBeNull();
      expect(shown(host, "Data", `D${r}`)).toBeNull();
    }
    expect(host.conditionalFormats("Data")).toEqual([]);
  } finally {
    spy.mockRestore();
  }
}, 60_000);
