/**
 * The simulated host's request byte count against Office.js's own serialiser (tests/tools/excel-sim/officejs.ts): for the
 * batches the adapter sends, the sim's count is within 10% of the body Office.js builds.
 */
import { createSimulatedExcel } from "../../../tools/excel-sim";
import { officeJsRequest } from "./officejs";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Batch = (c: any) => void;

const FILL = { format: { fill: { color: true, pattern: true, tintAndShade: true, patternColor: true } } };
const runs = (n: number, col = "E", step = 3) =>
  Array.from({ length: n }, (_, i) => `${col}${2 + i * step}:${col}${3 + i * step}`).join(",");

const BATCHES: [string, Batch][] = [
  [
    "getRange(E2).getCellProperties",
    (c) => c.workbook.worksheets.getItem("Sheet1").getRange("E2").getCellProperties(FILL),
  ],
  [
    "getRanges(100 chars).format.fill.color",
    (c) => (c.workbook.worksheets.getItem("Sheet1").getRanges(runs(10).slice(0, 100)).format.fill.color = "#FFD966"),
  ],
  [
    "getRange(A2:I5001).load(values)",
    (c) => c.workbook.worksheets.getItem("Sheet1").getRange("A2:I5001").load("values"),
  ],
  [
    "400 × getRange(cell).getCellProperties (old adapter)",
    (c) => {
      for (let i = 0; i < 400; i++)
        c.workbook.worksheets
          .getItem("Sheet1")
          .getRange(`E${i + 2}`)
          .getCellProperties(FILL);
    },
  ],
  [
    "getCellProperties on column blocks",
    (c) => {
      for (const col of "CDEFGHI")
        c.workbook.worksheets.getItem("Sheet1").getRange(`${col}2:${col}20001`).getCellProperties(FILL);
    },
  ],
  [
    "fills: 4 × getRanges(7,900 chars) with pattern/color/tint",
    (c) => {
      for (let k = 0; k < 4; k++) {
        const fill = c.workbook.worksheets.getItem("Sheet1").getRanges(
          runs(700)
            .slice(0, 7900)
            .replace(/,[^,]*$/, ""),
        ).format.fill;
        fill.color = "#FFD966";
        fill.tintAndShade = 0;
      }
    },
  ],
  [
    "clear: getRanges clear() and fill.color per original",
    (c) => {
      const ws = c.workbook.worksheets.getItem("Sheet1");
      for (let k = 0; k < 50; k++) {
        ws.getRanges(runs(30, "D", 4)).format.fill.clear();
        ws.getRanges(runs(30, "F", 5)).format.fill.color = "#C6EFCE";
      }
    },
  ],
  [
    "overlay: 3 × getRanges(7,900 chars).conditionalFormats.add(Custom) with formula and fill",
    (c) => {
      for (let k = 0; k < 3; k++) {
        const cf = c.workbook.worksheets
          .getItem("Sheet1")
          .getRanges(
            runs(700)
              .slice(0, 7900)
              .replace(/,[^,]*$/, ""),
          )
          .conditionalFormats.add("Custom");
        cf.custom.rule.formula = '=N("growth-signals")=0';
        cf.custom.format.fill.color = "#FFD966";
      }
    },
  ],
  [
    "overlay clear: a sheet's rules listed, 40 deleted by id, a name looked up",
    (c) => {
      const ws = c.workbook.worksheets.getItem("Sheet1");
      ws.getRange().conditionalFormats.load("items/id, items/type");
      for (let k = 0; k < 40; k++)
        ws.getRange()
          .conditionalFormats.getItem(`{cf-${String(k).padStart(8, "0")}}`)
          .delete();
      ws.names.getItemOrNullObject("GrowthSignals_Report").load("name");
    },
  ],
  [
    "selection and state reads",
    (c) => {
      const sel = c.workbook.getSelectedRanges();
      sel.areas.load("items/rowIndex, items/columnIndex, items/rowCount, items/columnCount");
      sel.worksheet.load("name");
      c.workbook.worksheets.load("items/name");
      c.workbook.customXmlParts.getByNamespace("urn:growth-signals:state:v1").load("items/id");
    },
  ],
];

async function simRequestBytes(batch: Batch): Promise<number> {
  const { Excel, host } = createSimulatedExcel({ sheets: [{ name: "Sheet1", rows: [["a"]] }] });
  await Excel.run(async (c: any) => {
    batch(c);
    await c.sync();
  }).catch(() => undefined);
  return host.syncs[0].requestBytes;
}

describe("request bytes: simulated host vs Office.js's serialiser", () => {
  jest.setTimeout(60_000);
  const rows: string[] = [];
  afterAll(() => console.log(`calibration (sim / Office.js bytes, error):\n${rows.join("\n")}`));
  it.each(BATCHES)("%s within 10%%", async (name, batch) => {
    const real = (await officeJsRequest(batch)).length;
    const sim = await simRequestBytes(batch);
    const error = sim / real - 1;
    rows.push(`  ${name}: ${sim} / ${real} (${(error * 100).toFixed(1)}%)`);
    expect(Math.abs(error)).toBeLessThan(0.1);
  });
});
