/**
 * A hand-built channel table with known flags (worked out below), plus the formatting a real report has.
 *
 * Sheet "Report" (header on row 2, below a merged title row), daily, channels A and B interleaved:
 *   row  Date        Channel  ROI   Complaint  Traffic  Spend (formula)
 *    3   2026-03-02  A        1.2   0.005      1000     =C3*100
 *    4   2026-03-02  B        2.0   0.004       500
 *    5   2026-03-03  A        1.4   0.012      1000
 *    6   2026-03-03  B        1.5   0.004       500
 *    7   2026-03-04  A        1.49  0.005      1000
 *    8   2026-03-04  B        1.2   0.004       500
 *    9   2026-03-05  A        2.0   0.005       600
 *   10   2026-03-05  B        1.2   0.004       500
 * Expected (defaults: ROI < 1.5 for ≥ 3 periods, complaint > 1%, traffic < 70% of the previous ≤ 7 mean):
 *   A's ROI 1.2, 1.4, 1.49 on 2–4 Mar: three days below 1.5 → C3, C5, C7 yellow.
 *   B's ROI 1.5 on 3 Mar equals the benchmark (not below), so B's 1.2, 1.2 on 4–5 Mar is a run of 2 → nothing.
 *   A's complaint rate 0.012 > 0.01 on 3 Mar → D5 orange.
 *   A's traffic 600 < 0.7 × mean(1000, 1000, 1000) = 700 on 5 Mar → E9 orange.
 *   B's traffic is flat → nothing.
 */
import ExcelJS from "exceljs";

export const EXPECTED_FLAGS: Record<string, "yellow" | "orange" | "red"> = {
  C3: "yellow",
  C5: "yellow",
  C7: "yellow",
  D5: "orange",
  E9: "orange",
};

export const USER_GREEN = "FFC6EFCE";
export const USER_BLUE = "FFBDD7EE";

/** A 1×1 red PNG. */
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

export async function fixtureWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2026, 2, 1));
  wb.modified = new Date(Date.UTC(2026, 2, 1));
  const ws = wb.addWorksheet("Report");
  ws.getCell("A1").value = "Channel check, March";
  ws.mergeCells("A1:F1");
  ws.getCell("A1").note = "Numbers from the ad platforms.";
  ws.getRow(2).values = ["Date", "Channel", "ROI", "Complaint rate", "Traffic", "Spend"];
  ws.getRow(2).font = { bold: true };
  const data: [number, string, number, number, number][] = [
    [2, "A", 1.2, 0.005, 1000],
    [2, "B", 2.0, 0.004, 500],
    [3, "A", 1.4, 0.012, 1000],
    [3, "B", 1.5, 0.004, 500],
    [4, "A", 1.49, 0.005, 1000],
    [4, "B", 1.2, 0.004, 500],
    [5, "A", 2.0, 0.005, 600],
    [5, "B", 1.2, 0.004, 500],
  ];
  data.forEach(([d, ch, roi, comp, traffic], i) => {
    const r = 3 + i;
    ws.getRow(r).values = [
      new Date(Date.UTC(2026, 2, d)),
      ch,
      roi,
      comp,
      traffic,
      { formula: `C${r}*100`, result: roi * 100 },
    ];
    ws.getCell(`B${r}`).dataValidation = { type: "list", allowBlank: false, formulae: ['"A,B"'] };
  });
  ws.getColumn(1).numFmt = "yyyy-mm-dd";
  ws.getColumn(3).numFmt = "0.00";
  ws.getColumn(4).numFmt = "0.0%";
  ws.getColumn(1).width = 13;
  ws.getColumn(3).width = 9.5;
  ws.getColumn(4).width = 16;
  // The user's own marks: C5 (to be flagged) green and bold; C7 (flagged) and C8 (not) share one blue style.
  ws.getCell("C5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: USER_GREEN } };
  ws.getCell("C5").font = { bold: true, color: { argb: "FF7030A0" } };
  for (const a of ["C7", "C8"])
    ws.getCell(a).fill = { type: "pattern", pattern: "solid", fgColor: { argb: USER_BLUE } };
  ws.getCell("E9").font = { italic: true };
  wb.definedNames.add("'Report'!$A$2:$F$10", "ChannelTable");
  // A logo beside the table: an image part and a drawing on the sheet that gets coloured.
  const logo = wb.addImage({ base64: PNG_1X1, extension: "png" });
  ws.addImage(logo, "H2:I4");

  const other = wb.addWorksheet("Other");
  other.getCell("A1").value = "Untouched";
  other.getCell("A1").fill = {
    type: "pattern",
    pattern: "darkGrid",
    fgColor: { argb: "FF00B050" },
    bgColor: { argb: "FFFFFF00" },
  };
  other.getCell("B2").value = { formula: "Report!C3*2", result: 2.4 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
