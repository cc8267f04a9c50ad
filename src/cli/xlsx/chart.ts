/**
 * The report's trend charts as DrawingML (issue 10 §7): one line chart part per red and orange weak channel (its
 * metric over time and the threshold as a dashed line, the data as literals in the chart so no cells are needed),
 * and the drawing part that anchors them on the report sheet. Element order follows the ECMA-376 chart schema
 * (CT_ChartSpace, CT_LineSer, CT_CatAx, CT_ValAx); the shape follows what Excel writes for a line chart.
 */
import type { ReportChart } from "../../core/report";
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
/** The metric's line: dark blue; the threshold: the finding's warning colour, dashed. */
const VALUE_COLOUR = "1F4E79";

function text(s: string): string {
  return escapeXml(s);
}

function strLit(values: string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${text(v)}</c:v></c:pt>`).join("");
  return `<c:strLit><c:ptCount val="${values.length}"/>${pts}</c:strLit>`;
}

function numLit(values: number[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  return `<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numLit>`;
}

function series(index: number, name: string, line: string, periods: string[], values: number[]): string {
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${text(name)}</c:v></c:tx>` +
    `<c:spPr><a:ln w="${index === 0 ? 22225 : 15875}" cap="rnd">${line}</a:ln></c:spPr>` +
    `<c:marker><c:symbol val="none"/></c:marker>` +
    `<c:cat>${strLit(periods)}</c:cat><c:val>${numLit(values)}</c:val><c:smooth val="0"/></c:ser>`
  );
}

/** One chart part: the finding's values by period and its threshold as a flat dashed line. */
export function chartXml(chart: ReportChart, thresholdHex: string): string {
  const colour = thresholdHex.replace(/^#/, "").toUpperCase();
  const flat = chart.values.map(() => chart.threshold);
  const axisFormat = chart.percent ? "0.0%" : "General";
  return (
    DECLARATION +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1100" b="1"/><a:t>${text(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
    series(
      0,
      chart.valueName,
      `<a:solidFill><a:srgbClr val="${VALUE_COLOUR}"/></a:solidFill>`,
      chart.periods,
      chart.values,
    ) +
    series(
      1,
      chart.thresholdName,
      `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:prstDash val="dash"/>`,
      chart.periods,
      flat,
    ) +
    `<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${axisFormat}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part: each chart anchored between two cells of the report, by its relationship id. */
export function drawingXml(charts: ReportChart[], relIds: string[]): string {
  const anchors = charts.map((c, i) => {
    const corner = (tag: string, p: { row: number; col: number }) =>
      `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row>` +
      `<xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${corner("from", c.from)}${corner("to", c.to)}` +
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
