/**
 * What the pane asks of the adapter besides flagging: Insert that never overwrites without asking, whether Clear
 * has anything to undo, the selection as the user sees it and its changes, and a flag that yields and cancels.
 */
import { DEFAULT_CONFIG } from "../../../src/core";
import { flagSelection, setup, SMALL_ROWS } from "./helpers";

describe("pane support in the adapter", () => {
  it("writes into an empty active cell and says where", async () => {
    const { host, gateway } = setup({ sheets: [{ name: "Data" }], selection: { sheet: "Data", address: "B5" } });
    expect(await gateway.insertFormula("=GROWTH.ROI(")).toEqual({
      written: true,
      sheet: "Data",
      address: "B5",
      formula: "=GROWTH.ROI()",
    });
    expect(host.formula("Data", "B5")).toBe("=GROWTH.ROI()");
  });

  it("leaves a cell that holds a value or a formula alone unless told to overwrite", async () => {
    const { host, gateway } = setup({
      sheets: [{ name: "My data", rows: [[42, "=A1*2"]] }],
      selection: { sheet: "My data", address: "A1" },
    });
    expect(await gateway.insertFormula("=GROWTH.CAC(")).toEqual({
      written: false,
      sheet: "My data",
      address: "A1",
      current: "42",
    });
    expect(host.value("My data", "A1")).toBe(42);
    host.select("My data", "B1");
    const kept = await gateway.insertFormula("=GROWTH.CAC(");
    expect(kept.written).toBe(false);
    const replaced = await gateway.insertFormula("=GROWTH.CAC(", { overwrite: true });
    expect(replaced).toMatchObject({ written: true, address: "B1", formula: "=GROWTH.CAC()" });
    expect(host.formula("My data", "B1")).toBe("=GROWTH.CAC()");
  });

  it("knows whether the workbook holds flags that Clear would undo", async () => {
    const { gateway } = setup({ sheets: [{ name: "Data", rows: SMALL_ROWS }] });
    expect(await gateway.hasFlags()).toBe(false);
    expect(await gateway.describeSelection()).toMatchObject({ sheet: "Data", address: "A1", cells: 1 });
  });

  it("reports flags after a flag and none after Clear; saved settings alone are not flags", async () => {
    const { host, gateway } = setup({ sheets: [{ name: "Data", rows: SMALL_ROWS }] });
    host.select("Data", `A1:D${SMALL_ROWS.length}`);
    await gateway.saveSettings(DEFAULT_CONFIG);
    expect(await gateway.hasFlags()).toBe(false);
    const out = await flagSelection(gateway);
    expect(out.cellsColoured).toBeGreaterThan(0);
    expect(await gateway.hasFlags()).toBe(true);
    await gateway.clear();
    expect(await gateway.hasFlags()).toBe(false);
  });

  it("describes the selection and calls back when the user selects other cells", async () => {
    const { host, gateway } = setup({ sheets: [{ name: "Data", rows: SMALL_ROWS }] });
    host.select("Data", "A1:C9, E1:E4");
    expect(await gateway.describeSelection()).toEqual({
      sheet: "Data",
      address: "A1:C9,E1:E4",
      rows: 13,
      columns: 3,
      cells: 31,
    });
    const seen: number[] = [];
    const stop = gateway.watchSelection(() => seen.push(1));
    await new Promise((r) => setTimeout(r, 10));
    host.select("Data", "B2");
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(1);
    stop();
    host.select("Data", "B3");
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(1);
  });

  it("gives the event loop a turn between syncs, so a Cancel pressed mid-run is seen before the next sync", async () => {
    const { host, gateway } = setup({ sheets: [{ name: "Data", rows: SMALL_ROWS }] });
    host.select("Data", `A1:D${SMALL_ROWS.length}`);
    const tables = await gateway.readSelection();
    const controller = new AbortController();
    // A macrotask: it only runs if the flag yields to the event loop.
    setTimeout(() => controller.abort(), 0);
    const out = await gateway.flag({ tables, config: DEFAULT_CONFIG, lang: "en", signal: controller.signal });
    expect(out.cancelled).toBe(true);
    expect(host.sheets().map((s) => s.name)).toEqual(["Data"]);
  });
});
