/**
 * The report's trend charts as DrawingML (issue 10 §7, issue 19 §6): one line chart part per red and orange weak
 * channel, a series per line of core's ReportChart (what its rule compares: the metric, and the limit, baseline or
 * declining weeks as the rule has them), the data as literals in the chart so no cells are needed,
 * and the drawing part that anchors them on the report sheet. Element order follows the ECMA-376 chart schema
 * (CT_ChartSpace, CT_LineSer, CT_CatAx, CT_ValAx); the shape follows what Excel writes for a line chart.
 */
import type { ReportChart, ReportChartLine } from "../../core/report";
import { escapeXml } from "./xml";

export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
function text(s: string): string {
  return escapeXml(s);
}

function strLit(values: string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${text(v)}</c:v></c:pt>`).join("");
  return `<c:strLit><c:ptCount val="${values.length}"/>${pts}</c:strLit>`;
}

/** A gap (null) is a point left out: the line breaks there (dispBlanksAs gap). */
function numLit(values: (number | null)[]): string {
  const pts = values
    .map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("");
  return `<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numLit>`;
}

/** 12,700 EMU a point. */
const EMU_PER_POINT = 12700;

function series(index: number, line: ReportChartLine, periods: string[]): string {
  const hex = line.colour.replace(/^#/, "").toUpperCase();
  const fill = `<a:solidFill><a:srgbClr val="${hex}"/></a:solidFill>`;
  const marker = line.markers
    ? `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr>${fill}<a:ln>${fill}</a:ln></c:spPr></c:marker>`
    : `<c:marker><c:symbol val="none"/></c:marker>`;
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${text(line.name)}</c:v></c:tx>` +
    `<c:spPr><a:ln w="${Math.round(line.width * EMU_PER_POINT)}" cap="rnd">${fill}` +
    `${line.dash ? '<a:prstDash val="dash"/>' : ""}</a:ln></c:spPr>${marker}` +
    `<c:cat>${strLit(periods)}</c:cat><c:val>${numLit(line.values)}</c:val><c:smooth val="0"/></c:ser>`
  );
}

/** Text properties of an axis or the legend: 11 pt, as the sheet's text, so it prints at 8 pt or more at the report's scale. */
function textSize(hundredths: number): string {
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${hundredths}"/></a:pPr>` +
    `<a:endParaRPr lang="en-US"/></a:p></c:txPr>`
  );
}

/** One chart part: the lines of what the finding's rule compares (core ReportChart), titled, legend below. */
export function chartXml(chart: ReportChart): string {
  const axisFormat = chart.percent ? "0.0%" : "General";
  return (
    DECLARATION +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1100" b="1"/><a:t>${text(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
    chart.lines.map((l, i) => series(i, l, chart.periods)).join("") +
    `<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/>${textSize(1100)}<c:crossAx val="500000002"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${axisFormat}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textSize(1100)}` +
    `<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textSize(1100)}</c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** EMU per pixel at 96 dpi; a column of width w characters is about 7·w pixels (Calibri 11's digit). */
const EMU_PER_PIXEL = 9525;
/** The report's rows are 15 pt (its sheetFormatPr). */
const ROW_EMU = 15 * EMU_PER_POINT;

/**
 * The drawing part: each chart anchored over its cells, from the top-left corner of (top, left) to just inside the
 * bottom-right corner of (bottom, right) (offsets within the last column and row, so the anchor names no column
 * right of the table and the printed area has no empty extra column). `columnWidths` in characters.
 */
export function drawingXml(charts: ReportChart[], relIds: string[], columnWidths: number[]): string {
  const anchors = charts.map((c, i) => {
    const corner = (tag: string, col: number, colOff: number, row: number, rowOff: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>${colOff}</xdr:colOff><xdr:row>${row}</xdr:row>` +
      `<xdr:rowOff>${rowOff}</xdr:rowOff></xdr:${tag}>`;
    const { top, left, bottom, right } = c.cells;
    const lastWidth = Math.max(1, Math.floor((columnWidths[right] ?? 8) * 7) - 2) * EMU_PER_PIXEL;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${corner("from", left, 0, top, 0)}` +
      `${corner("to", right, lastWidth, bottom, ROW_EMU - EMU_PER_PIXEL)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${relIds[i]}"/></a:graphicData>` +
      `</a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    DECLARATION + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join("")}</xdr:wsDr>`
  );
}
