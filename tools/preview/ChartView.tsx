/**
 * A chart as the simulated host holds it (Worksheet.charts: type, title, categories, series with their line colour,
 * dash, weight and markers, the value axis's number format) drawn as SVG in the box its setPosition cells cover, as Excel draws a
 * line chart: the title on top, a value axis with round steps and gridlines, category labels thinned to fit, the
 * series as lines (gaps where a value is empty), a legend at the bottom. Text is data: React text nodes only.
 */
import { tokens } from "@fluentui/react-components";
import type { SimChartModel } from "../excel-sim/model";
import { labelEvery, linePath, textWidth, tickLabel, valueAxis } from "./chartGeometry";

/** Office's default series colours (Accent 1–6), for series whose line colour the add-in left automatic. */
const OFFICE_ACCENTS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];
/** Excel.ChartLineStyle as SVG dash arrays (in line widths). */
const DASHES: Record<string, string | undefined> = {
  Dash: "8 4",
  DashDot: "8 4 2 4",
  DashDotDot: "8 4 2 4 2 4",
  Dot: "2 3",
  RoundDot: "1 3",
};
const FONT = 11;
/**
 * Excel's default chart style, in either Office theme: the chart draws its own white area (its fill, not the sheet's
 * or the pane's), with grey text (#595959, 7:1 on white) and light grey gridlines, so lines keep their colours' contrast.
 */
const CHART_AREA = "#FFFFFF";
const CHART_TEXT = "#595959";
const CHART_TITLE = "#404040";
const GRIDLINE = "#D9D9D9";
const BORDER = "#BFBFBF";

/** A line's weight in points as CSS pixels (96 px to 72 pt). */
const px = (points: number) => (points * 4) / 3;

/** Excel draws markers where the series says so, or, left "Automatic", where the chart type has them. */
function hasMarkers(type: string, markerStyle: string): boolean {
  return markerStyle === "Automatic" ? type === "LineMarkers" : markerStyle !== "None";
}

/**
 * What a screen reader says after the title: the chart type, the axis's range and each series with its number of
 * points ("Line chart, 0.0% to 35.0%: Weekly mean repurchase rate, 8 points; Declining weeks, 4 points").
 */
export function describe(chart: SimChartModel, from: string, to: string): string {
  const kind = chart.type === "ColumnClustered" ? "Column chart" : "Line chart";
  const series = chart.series.map((s) => `${s.name}, ${s.values.filter(Number.isFinite).length} points`);
  return `${kind}, ${from} to ${to}: ${series.join("; ")}`;
}

export function ChartView({ chart, width, height }: { chart: SimChartModel; width: number; height: number }) {
  const series = chart.series;
  // Column charts as bars side by side in each category; every other type (the add-in adds Line) as lines.
  const columns = chart.type === "ColumnClustered";
  const count = Math.max(chart.categories.length, ...series.map((s) => s.values.length));
  const axis = valueAxis(series.flatMap((s) => s.values));
  const format = chart.valueAxis.numberFormat;
  const labels = axis.ticks.map((t) => tickLabel(t, axis.step, format));
  const titleHeight = chart.title ? FONT * 2 : FONT;
  const legendHeight = series.length ? FONT * 2 : 0;
  const left = 8 + Math.max(...labels.map((l) => textWidth(l, FONT)));
  const right = 12;
  const top = titleHeight;
  const bottom = height - legendHeight - FONT * 2;
  const plotWidth = Math.max(1, width - left - right);
  const plotHeight = Math.max(1, bottom - top);
  // Line charts put each category in the middle of its slot, as Excel's "axis position: between tick marks".
  const slot = plotWidth / Math.max(1, count);
  const x = (i: number) => left + slot * (i + 0.5);
  const y = (v: number) => bottom - ((v - axis.min) / (axis.max - axis.min)) * plotHeight;
  const longest = Math.max(1, ...chart.categories.map((c) => textWidth(c, FONT)));
  const every = labelEvery(count, longest + 8, plotWidth);
  // A label centred under its category, moved in where it would run past the chart's edge.
  const labelX = (i: number, label: string) => {
    const half = textWidth(label, FONT) / 2;
    return Math.min(Math.max(x(i), half + 2), width - half - 2);
  };
  const text = CHART_TEXT;
  const muted = CHART_TEXT;
  const grid = GRIDLINE;
  const colourOf = (i: number) => series[i].line.color ?? OFFICE_ACCENTS[i % OFFICE_ACCENTS.length];
  const legendX = (i: number) => left + (i * plotWidth) / Math.max(1, series.length);
  return (
    <svg
      role="img"
      aria-label={chart.title || chart.name}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      data-chart={chart.name}
      fontFamily={tokens.fontFamilyBase}
      fontSize={FONT}
    >
      <desc>{describe(chart, labels[0], labels[labels.length - 1])}</desc>
      <rect x={0.5} y={0.5} width={width - 1} height={height - 1} fill={CHART_AREA} stroke={BORDER} />
      {chart.title ? (
        <text x={width / 2} y={FONT * 1.4} textAnchor="middle" fill={CHART_TITLE} fontWeight={600} fontSize={FONT + 1}>
          {chart.title}
        </text>
      ) : null}
      <g data-axis="value">
        {axis.ticks.map((t, i) => (
          <g key={i}>
            <line x1={left} x2={left + plotWidth} y1={y(t)} y2={y(t)} stroke={grid} />
            <text x={left - 4} y={y(t) + FONT / 3} textAnchor="end" fill={muted}>
              {labels[i]}
            </text>
          </g>
        ))}
      </g>
      <g data-axis="category">
        <line x1={left} x2={left + plotWidth} y1={bottom} y2={bottom} stroke={muted} />
        {chart.categories.map((c, i) =>
          i % every === 0 ? (
            <text key={i} x={labelX(i, c)} y={bottom + FONT * 1.3} textAnchor="middle" fill={muted}>
              {c}
            </text>
          ) : null,
        )}
      </g>
      {columns
        ? series.map((s, i) => (
            <g key={i} data-series={s.name} fill={colourOf(i)}>
              {s.values.map((v, j) => {
                if (!Number.isFinite(v)) return null;
                const w = (slot * 0.7) / series.length;
                const base = y(Math.min(Math.max(0, axis.min), axis.max));
                return (
                  <rect
                    key={j}
                    x={x(j) - (slot * 0.7) / 2 + i * w}
                    y={Math.min(base, y(v))}
                    width={w}
                    height={Math.abs(base - y(v))}
                  />
                );
              })}
            </g>
          ))
        : series.map((s, i) => (
            <g key={i} data-series={s.name}>
              <path
                d={linePath(s.values, x, y)}
                fill="none"
                stroke={colourOf(i)}
                strokeWidth={px(s.line.weight)}
                strokeDasharray={DASHES[s.line.lineStyle]}
                strokeLinejoin="round"
              />
              {hasMarkers(chart.type, s.markerStyle)
                ? s.values.map((v, j) =>
                    Number.isFinite(v) ? (
                      <circle key={j} cx={x(j)} cy={y(v)} r={2 + px(s.line.weight) / 2} fill={colourOf(i)} />
                    ) : null,
                  )
                : null}
            </g>
          ))}
      <g data-legend="">
        {series.map((s, i) => (
          <g key={i}>
            <line
              x1={legendX(i)}
              x2={legendX(i) + 18}
              y1={height - FONT}
              y2={height - FONT}
              stroke={colourOf(i)}
              strokeWidth={px(s.line.weight)}
              strokeDasharray={DASHES[s.line.lineStyle]}
            />
            <text x={legendX(i) + 22} y={height - FONT + FONT / 3} fill={text}>
              {s.name}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
