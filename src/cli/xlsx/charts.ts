/**
 * The report sheet's trend charts in the package (issue 10 §7): a drawing part related from the sheet, a chart part
 * per chart related from the drawing, and their content types; removeCharts takes all of it away again with the
 * sheet, so flag → clear gives back every part.
 */
import type { ReportChart } from "../../core/report";
import { chartXml, CT_CHART, CT_DRAWING, drawingXml, REL_CHART, REL_DRAWING } from "./chart";
import { relsPathOf, resolveTarget, type XlsxPackage } from "./package";

/** A function giving the next unused part path dir/stemN.xml. */
function freePath(pkg: XlsxPackage, dir: string, stem: string): () => string {
  let next = 1;
  return () => {
    while (pkg.has(`${dir}/${stem}${next}.xml`)) next++;
    return `${dir}/${stem}${next++}.xml`;
  };
}

/** Adds the charts under the sheet at `sheetPath`; its first relationship (rId1) is the drawing. */
export async function addCharts(
  pkg: XlsxPackage,
  sheetPath: string,
  charts: ReportChart[],
  columnWidths: number[],
): Promise<void> {
  if (charts.length === 0) return;
  const drawingPath = freePath(pkg, "xl/drawings", "drawing")();
  pkg.setText(drawingPath, "");
  const chartPath = freePath(pkg, "xl/charts", "chart");
  const relIds: string[] = [];
  for (const c of charts) {
    const path = chartPath();
    pkg.setText(path, chartXml(c));
    await pkg.addContentTypeOverride(path, CT_CHART);
    relIds.push(await pkg.addRel(drawingPath, REL_CHART, path));
  }
  pkg.setText(drawingPath, drawingXml(charts, relIds, columnWidths));
  await pkg.addContentTypeOverride(drawingPath, CT_DRAWING);
  const id = await pkg.addRel(sheetPath, REL_DRAWING, drawingPath);
  if (id !== "rId1") throw new Error(`the report sheet's drawing got ${id}, not rId1`);
}

/** Removes a sheet's drawings and their charts (the parts, their relationships and content types). */
export async function removeCharts(pkg: XlsxPackage, sheetPath: string): Promise<void> {
  for (const rel of await pkg.rels(sheetPath)) {
    if (rel.external || rel.type !== REL_DRAWING) continue;
    const drawing = resolveTarget(sheetPath, rel.target);
    for (const c of await pkg.rels(drawing)) {
      if (c.external || c.type !== REL_CHART) continue;
      const chart = resolveTarget(drawing, c.target);
      if (pkg.has(chart)) pkg.remove(chart);
      if (pkg.has(relsPathOf(chart))) pkg.remove(relsPathOf(chart));
      await pkg.removeContentTypeOverride(chart);
    }
    if (pkg.has(drawing)) pkg.remove(drawing);
    if (pkg.has(relsPathOf(drawing))) pkg.remove(relsPathOf(drawing));
    await pkg.removeContentTypeOverride(drawing);
  }
  if (pkg.has(relsPathOf(sheetPath))) pkg.remove(relsPathOf(sheetPath));
}
