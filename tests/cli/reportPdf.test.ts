/**
 * The report as a manager holds it (issue 19 §6): the CLI flags the bundled sample, LibreOffice prints the workbook
 * to PDF (`soffice --headless --convert-to pdf`, as a user's "Export as PDF" does), and the pages of the report sheet
 * are read back (tests/helpers/pdfText.ts: each run of text with the size it prints at, Tf size × text matrix × CTM).
 * Before issue 19 the same measurement gave 5.0 pt (chart labels; table text 5.5 pt) and the table's header over
 * both chart pages. Skips, and says so, where LibreOffice is not installed (.ci/run installs it).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { flagWorkbook } from "../../src/cli/workbook";
import { readPdf, type PdfPage } from "../helpers/pdfText";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "channel-report.xlsx");
const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
const maybe = hasSoffice ? describe : describe.skip;
if (!hasSoffice) console.warn("tests/cli/reportPdf.test.ts skipped: LibreOffice (soffice) is not installed");

/** The text of a page, runs joined by spaces. */
const textOf = (p: PdfPage) => p.runs.map((r) => r.text).join(" ");
/** The footer the report prints (&A: the sheet's name, left; page / pages, right), within 50 pt of the bottom. */
const isReportPage = (p: PdfPage) => p.runs.some((r) => r.y < 50 && r.text.startsWith("Growth Signals"));
/** A page that carries the weak-channel table's header row (its eight headings side by side). */
const hasHeader = (p: PdfPage) => {
  const t = textOf(p);
  return ["Color", "Rule", "Channel", "What fired", "Recommended action", "Sheet", "Cells"].every((h) => t.includes(h));
};

maybe("the printed report (LibreOffice: English on Letter, Chinese on A4, landscape)", () => {
  let pages: PdfPage[];
  let zh: PdfPage[];
  let viaLibreOffice: PdfPage[];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gs-report-pdf-"));
    const xlsx = path.join(dir, "flagged.xlsx");
    const xlsxZh = path.join(dir, "flagged-zh.xlsx");
    const now = new Date(Date.UTC(2026, 2, 10));
    writeFileSync(xlsx, (await flagWorkbook(readFileSync(SAMPLE), { now })).data);
    writeFileSync(xlsxZh, (await flagWorkbook(readFileSync(SAMPLE), { now, lang: "zh" })).data);
    // a profile of its own, so a LibreOffice already running (another test, the user) does not take the job
    const profile = pathToFileURL(path.join(dir, "profile")).href;
    const soffice = (...args: string[]) =>
      execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", ...args], {
        stdio: "ignore",
        timeout: 180_000,
      });
    // the sample as a colleague's LibreOffice saved it (every style then carries an <alignment wrapText="false">)
    const loDir = path.join(dir, "lo");
    soffice("--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", loDir, SAMPLE);
    const xlsxLo = path.join(dir, "flagged-lo.xlsx");
    writeFileSync(xlsxLo, (await flagWorkbook(readFileSync(path.join(loDir, "channel-report.xlsx")), { now })).data);
    soffice("--convert-to", "pdf", "--outdir", dir, xlsx, xlsxZh, xlsxLo);
    pages = readPdf(readFileSync(path.join(dir, "flagged.pdf"))).filter(isReportPage);
    zh = readPdf(readFileSync(path.join(dir, "flagged-zh.pdf"))).filter(isReportPage);
    viaLibreOffice = readPdf(readFileSync(path.join(dir, "flagged-lo.pdf"))).filter(isReportPage);
  }, 240_000);

  it("prints every text of the report at 8 pt or more, one page wide", () => {
    const sizes = pages.flatMap((p) => p.runs.map((r) => r.size));
    const smallest = Math.min(...sizes);
    console.log(
      `report: ${pages.length} pages (${pages[0].width}×${pages[0].height} pt), smallest text ${smallest.toFixed(2)} pt, ` +
        `header row on pages ${pages.filter(hasHeader).map((p) => p.number - pages[0].number + 1)}`,
    );
    expect(smallest).toBeGreaterThanOrEqual(8);
    // landscape Letter, every page
    expect(pages.every((p) => p.width === 792 && p.height === 612)).toBe(true);
    // one page wide: no text beyond the right margin (0.5 in)
    expect(Math.max(...pages.flatMap((p) => p.runs.map((r) => r.x)))).toBeLessThan(792 - 36);
  });

  it("opens with the headline, above the legend", () => {
    // the sample's red findings: Search (repurchase), Social (LTV/CAC) on Daily, 微信 and 小红书 on 周报
    const lead = pages[0].runs.find((r) =>
      r.text.startsWith("4 channels need action now: Search — repurchase falling"),
    );
    const legend = pages[0].runs.find((r) => r.text === "Legend");
    expect(lead).toBeDefined();
    expect(legend).toBeDefined();
    // PDF y grows upwards: the headline prints above the legend
    expect(lead!.y).toBeGreaterThan(legend!.y);
  });

  it("repeats the table's header only over the table's pages, never over the charts", () => {
    const start = pages.findIndex((p) => p.runs.some((r) => r.text === "Weak channels"));
    const tablePages = pages.slice(start);
    const chartPages = pages.slice(0, start).filter((p) => /Declining weeks|Minimum 1\.5|Limit 1%/.test(textOf(p)));
    expect(start).toBeGreaterThan(0);
    expect(chartPages.length).toBeGreaterThan(0);
    expect(pages.slice(0, start).some(hasHeader)).toBe(false);
    expect(tablePages.every(hasHeader)).toBe(true);
  });

  it("charts what each rule compares: limits where the rule has one, the declining weeks for repurchase", () => {
    const charts = pages.map(textOf).join(" ");
    expect(charts).toContain("Weekly mean repurchase rate");
    expect(charts).toContain("Declining weeks (and the week before)");
    expect(charts).toContain("Minimum 1.5");
    expect(charts).toContain("Limit 1%");
    expect(charts).toContain("Limit: 70% of the baseline");
    // repurchase has no threshold: the old chart's "Threshold 29.49%" is gone, and so is every "Threshold" line
    expect(charts).not.toMatch(/Threshold \d/);
  });

  it("prints the Chinese report on A4 landscape at 8 pt or more too", () => {
    const smallest = Math.min(...zh.flatMap((p) => p.runs.map((r) => r.size)));
    console.log(`report (zh-CN): ${zh.length} pages on A4 landscape, smallest text ${smallest.toFixed(2)} pt`);
    expect(zh.length).toBeGreaterThan(0);
    // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt
    expect(zh.every((p) => Math.round(p.width) === 842 && Math.round(p.height) === 595)).toBe(true);
    expect(smallest).toBeGreaterThanOrEqual(8);
  });

  it("prints a workbook LibreOffice saved at 8 pt or more too (the report's texts wrap in its styles as well)", () => {
    // before: 4.1 pt — the wrapped styles kept LibreOffice's <alignment wrapText="false">, so the long texts ran
    // across the page and LibreOffice shrank the whole sheet to fit one page wide
    const smallest = Math.min(...viaLibreOffice.flatMap((p) => p.runs.map((r) => r.size)));
    console.log(
      `report of a LibreOffice-saved workbook: ${viaLibreOffice.length} pages, smallest ${smallest.toFixed(2)} pt`,
    );
    expect(viaLibreOffice.length).toBeGreaterThan(0);
    expect(smallest).toBeGreaterThanOrEqual(8);
  });
});
