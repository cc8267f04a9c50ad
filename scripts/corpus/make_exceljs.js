// Corpus files written by ExcelJS (node scripts/corpus/make_exceljs.js OUTDIR). Not run in CI.
const ExcelJS = require("exceljs");
const path = require("path");
const out = process.argv[2];
const EN = ["Date", "Channel", "ROI", "Complaint rate", "Repurchase rate", "LTV/CAC", "Traffic"];
const ZH = ["日期", "渠道", "投入产出比", "投诉率", "复购率", "LTV/CAC", "流量"];
function rows(zh) {
  const ch = zh ? ["搜索", "信息流"] : ["Search", "Social"];
  const r = [];
  for (let d = 0; d < 21; d++)
    for (let c = 0; c < 2; c++) {
      let traffic = 12000 + 100 * (d % 5) + 3000 * c;
      if (c === 1 && d === 14) traffic = Math.floor(traffic * 0.55);
      r.push([
        new Date(Date.UTC(2026, 2, 2 + d)),
        ch[c],
        c === 1 && d >= 4 && d <= 7 ? 1.2 : 2.4 + 0.05 * (d % 3),
        c === 1 && d === 9 ? 0.016 : 0.004 + 0.0005 * (d % 2),
        0.3 + 0.002 * (d % 4),
        2.8 + 0.1 * (d % 2),
        traffic,
      ]);
    }
  return r;
}
(async () => {
  for (const zh of [false, true]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(zh ? "日报" : "Daily");
    ws.addRow(zh ? ZH : EN);
    for (const r of rows(zh)) ws.addRow(r);
    ws.getColumn(1).numFmt = "yyyy-mm-dd";
    ws.getCell("C6").note = "ROI dipped";
    await wb.xlsx.writeFile(path.join(out, zh ? "exceljs-zh.xlsx" : "exceljs-en-note.xlsx"));
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Stock");
  ws.addRows([
    ["Item", "Qty"],
    ["Pencil", 12],
    ["Stapler", 1],
  ]);
  await wb.xlsx.writeFile(path.join(out, "exceljs-no-table.xlsx"));
  console.log("exceljs", require("exceljs/package.json").version);
})();
