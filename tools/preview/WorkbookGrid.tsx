/**
 * The simulated workbook drawn as a spreadsheet grid: sheet tabs, column letters, row numbers, cell values and
 * fills, the selection outlined. Click a cell to select it, Shift+click to extend; or type an address; click a sheet
 * tab to show that sheet (e.g. the "Growth Signals" report the pane writes). As the simulated host holds them: merged
 * cells span, wrapped cells wrap in their column's width with their vertical alignment, bold cells are bold, and a
 * cell's hyperlink is a link (a place in the workbook selects it; a web address opens in a new tab); hidden columns
 * are not drawn (the report's chart data); charts are drawn over the cells their setPosition covers (ChartView).
 * The grid scrolls by keyboard too: it is a focusable, named region (Tab to it, then arrows or Page Up/Down).
 * Cell text is rendered as React text nodes (data, never HTML).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { Button, Field, Input, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetters, parseRange, rangeAddress, type RangeRef } from "../../src/core/a1";
import { formatIsoDay, dayFromSerial } from "../../src/core/table/dates";
import { detectColumns } from "../../src/core/table/headers";
import type { SimHost } from "../excel-sim";
import type { SimChartModel, SimHyperlink } from "../excel-sim/model";
import { ChartView } from "./ChartView";

const MAX_ROWS_SHOWN = 400;
/** Height of the column-letter row: the frozen header row sticks just below it. */
const HEAD_HEIGHT = "22px";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, height: "100%" },
  toolbar: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  scroller: {
    overflow: "auto",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    flexGrow: 1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // Separate borders, so the sticky headers keep theirs while the body scrolls under them.
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 4px",
    minWidth: "28px",
    height: HEAD_HEIGHT,
    boxSizing: "border-box",
  },
  // The table's header row stays in view like Excel's Freeze Top Row.
  frozen: { position: "sticky", top: HEAD_HEIGHT, zIndex: 1, fontWeight: tokens.fontWeightSemibold },
  frozenRowHead: { position: "sticky", top: HEAD_HEIGHT, zIndex: 2 },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 4px",
    textAlign: "end",
  },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 6px",
    whiteSpace: "nowrap",
    maxWidth: "160px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    scrollMarginTop: "48px",
  },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  // RangeFormat.wrapText: the text wraps inside the column's width instead of being cut with an ellipsis.
  wrap: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", textOverflow: "clip" },
  bold: { fontWeight: tokens.fontWeightSemibold },
  link: { color: tokens.colorBrandForegroundLink, textDecorationLine: "underline", cursor: "pointer" },
  // On a fill the link takes the cell's contrasting text colour and stays underlined.
  linkOnFill: { color: "inherit" },
  note: { color: tokens.colorNeutralForeground3 },
  // The table and the charts over it scroll together: the charts are placed in this box's coordinates.
  sheetArea: { position: "relative", width: "max-content", minWidth: "100%" },
  chart: { position: "absolute", zIndex: 0, pointerEvents: "none" },
});

/** Where a chart is drawn, in px from the sheet area's top-left corner. */
interface ChartBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The boxes of the charts over the drawn grid: from the top-left corner of the start cell to the bottom-right corner
 * of the end cell (Chart.setPosition), measured from the column headers and the rows as laid out. A chart whose
 * rows are not drawn gets no box; a hidden start or end column moves to the next drawn one.
 */
function chartBoxes(area: HTMLElement, charts: SimChartModel[]): (ChartBox | null)[] {
  const origin = area.getBoundingClientRect();
  const heads = [...area.querySelectorAll<HTMLElement>("th[data-col]")];
  const colBox = (c: number) => heads.find((h) => Number(h.dataset.col) >= c)?.getBoundingClientRect();
  const rowBox = (r: number) => area.querySelector(`tr[data-row="${r}"]`)?.getBoundingClientRect();
  return charts.map((chart) => {
    if (!chart.position) return null;
    const a = parseRange(chart.position.start);
    const b = parseRange(chart.position.end);
    if (!a || !b) return null;
    const [c0, c1, r0, r1] = [colBox(a.left), colBox(b.right), rowBox(a.top), rowBox(b.bottom)];
    if (!c0 || !c1 || !r0 || !r1) return null;
    return {
      left: Math.round(c0.left - origin.left),
      top: Math.round(r0.top - origin.top),
      width: Math.round(c1.right - c0.left),
      height: Math.round(r1.bottom - r0.top),
    };
  });
}

/** The selection's outline on this cell: inset shadows on the edges of the areas it lies on. */
function selectionEdges(areas: RangeRef[], r: number, c: number): string | undefined {
  const edge = tokens.colorBrandStroke1;
  const shadows: string[] = [];
  for (const a of areas) {
    if (r < a.top || r > a.bottom || c < a.left || c > a.right) continue;
    if (r === a.top) shadows.push(`inset 0 2px 0 0 ${edge}`);
    if (r === a.bottom) shadows.push(`inset 0 -2px 0 0 ${edge}`);
    if (c === a.left) shadows.push(`inset 2px 0 0 0 ${edge}`);
    if (c === a.right) shadows.push(`inset -2px 0 0 0 ${edge}`);
  }
  return shadows.length ? shadows.join(", ") : undefined;
}

/** Black or white text, whichever reads better on a "#RRGGBB" fill (WCAG relative luminance). */
function textOn(fill: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!m) return "#000000";
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? "#000000" : "#FFFFFF";
}

const VERTICAL: Record<string, "top" | "middle" | "bottom" | undefined> = {
  Top: "top",
  Center: "middle",
  Bottom: "bottom",
  Justify: "top",
  Distributed: "middle",
};

/** A hyperlink's place in the workbook ("'Data'!C3:C7", "Data!C3") as a sheet name and an address. */
function linkTarget(ref: string): { sheet: string; address: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref.trim());
  if (!m) return null;
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3].replace(/\$/g, "") };
}

function display(v: unknown, isDate: boolean): string {
  if (v === "" || v === undefined || v === null) return "";
  if (typeof v === "number") {
    if (isDate) return formatIsoDay(dayFromSerial(v));
    return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export function WorkbookGrid({ host }: { host: SimHost }) {
  const styles = useStyles();
  // Re-render whenever the add-in (or the user here) changes the workbook. Every change the host announces counts,
  // not only syncs and writes: host.select (a sheet tab, a typed address) changes neither.
  const changes = useRef(0);
  const subscribe = useCallback(
    (cb: () => void) =>
      host.onChange(() => {
        changes.current++;
        cb();
      }),
    [host],
  );
  const version = useSyncExternalStore(subscribe, () => `${changes.current}:${host.syncCount}:${host.writes.length}`);
  const [anchor, setAnchor] = useState<{ row: number; col: number } | null>(null);
  const [typed, setTyped] = useState("");
  const model = host.model;
  const sheet = model.activeSheet;
  const sel = model.selection.sheet === sheet ? model.selection.areas : [];
  const used = sheet.usedRange(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  // At most MAX_ROWS_SHOWN rows: the first ones, or from just above the selection when it lies further down.
  const selTop = sel.length ? Math.min(...sel.map((a) => a.top)) : 0;
  const selLeft = sel.length ? Math.min(...sel.map((a) => a.left)) : 0;
  const firstRow = selTop >= MAX_ROWS_SHOWN ? selTop - 5 : 0;
  // The cells the charts cover are drawn too (they are empty, so the used range may end above them).
  const chartBottom = Math.max(-1, ...sheet.charts.map((c) => parseRange(c.position?.end ?? "")?.bottom ?? -1));
  const lastRow = Math.min(Math.max(used.bottom, 20, chartBottom), firstRow + MAX_ROWS_SHOWN - 1);
  const scroller = useRef<HTMLDivElement>(null);
  const selKey = `${sheet.name}!${sel.map(rangeAddress).join(",")}`;
  // Bring the selection's first cell into view when the selection changes (e.g. a finding was clicked).
  useEffect(() => {
    const td = scroller.current?.querySelector(`td[data-address="${cellAddress(selTop, selLeft)}"]`);
    td?.scrollIntoView?.({ block: "center", inline: "nearest" });
  }, [selKey, selTop, selLeft]);
  const lastCol = Math.max(used.right, 8);
  // Hidden columns (Range.columnHidden) are not drawn, as in Excel: the report's chart data stays out of sight.
  const shownCols: number[] = [];
  for (let c = 0; c <= lastCol; c++) if (!sheet.hiddenColumns.has(c)) shownCols.push(c);
  const nextShown = (c: number) => shownCols.find((x) => x > c);
  const area = useRef<HTMLDivElement>(null);
  const [boxes, setBoxes] = useState<(ChartBox | null)[]>([]);
  // Where the charts go over the cells as they are drawn now: after every change of the workbook, and whenever the
  // grid's size changes (column widths, wrapped rows, fonts loaded).
  const measure = useCallback(() => {
    const next = area.current ? chartBoxes(area.current, sheet.charts) : [];
    setBoxes((old) => (JSON.stringify(old) === JSON.stringify(next) ? old : next));
  }, [sheet]);
  useLayoutEffect(measure, [measure, version]);
  useEffect(() => {
    const table = area.current?.querySelector("table");
    if (!table || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(table);
    return () => observer.disconnect();
  }, [measure]);
  const header: unknown[] = [];
  for (let c = 0; c <= lastCol; c++) header.push(sheet.getValue(used.top, c));
  const columns = detectColumns(header as string[]);
  const dateCol = columns.date;
  // A channel table's header row (a date or channel column recognized) stays in view, like Excel's Freeze Top Row;
  // a sheet that starts with a title (the report) scrolls as a whole.
  const headerRow = columns.date !== undefined || columns.channel !== undefined;

  const select = (row: number, col: number, extend: boolean) => {
    const a = extend && anchor ? anchor : { row, col };
    if (!extend) setAnchor({ row, col });
    const r: RangeRef = {
      top: Math.min(a.row, row),
      bottom: Math.max(a.row, row),
      left: Math.min(a.col, col),
      right: Math.max(a.col, col),
    };
    host.select(sheet.name, rangeAddress(r));
  };

  const visible = model.sheets.filter((s) => s.visibility === "Visible");
  const rows = [];
  const shownRows = firstRow > used.top ? [used.top] : [];
  for (let r = firstRow; r <= lastRow; r++) shownRows.push(r);
  // Merged areas: the top-left cell spans the area's shown rows and columns; the others are not drawn.
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number; right: number }>();
  const shownSet = new Set(shownRows);
  for (const a of sheet.merged) {
    if (!shownSet.has(a.top) || a.left > lastCol) continue;
    const bottom = Math.min(a.bottom, lastRow);
    const right = Math.min(a.right, lastCol);
    const colSpan = shownCols.filter((c) => c >= a.left && c <= right).length;
    if (colSpan > 0) spans.set(`${a.top}:${a.left}`, { rowSpan: bottom - a.top + 1, colSpan, right });
    for (let r = a.top; r <= bottom; r++)
      for (let c = a.left; c <= right; c++) if (r !== a.top || c !== a.left) covered.add(`${r}:${c}`);
  }
  /** The drawn width of columns c to right (the hidden ones count nothing), when any has a width of its own. */
  const widthOf = (c: number, right: number): string | undefined => {
    let points = 0;
    let custom = false;
    for (let i = c; i <= right; i++) {
      if (sheet.hiddenColumns.has(i)) continue;
      custom ||= sheet.columnWidths.has(i);
      points += sheet.columnWidth(i);
    }
    return custom ? `${Math.round((points * 4) / 3)}px` : undefined;
  };
  const link = (l: SimHyperlink, text: string, onFill: boolean) => {
    const target = l.documentReference ? linkTarget(l.documentReference) : null;
    const web = !target && l.address && /^https?:\/\//i.test(l.address) ? l.address : undefined;
    const label = l.textToDisplay || text || l.documentReference || l.address || "";
    if (!target && !web) return label;
    return (
      <a
        className={onFill ? `${styles.link} ${styles.linkOnFill}` : styles.link}
        href={web ?? "#"}
        title={l.screenTip}
        target={web ? "_blank" : undefined}
        rel={web ? "noopener noreferrer" : undefined}
        onClick={(e) => {
          e.stopPropagation();
          if (!target) return;
          e.preventDefault();
          if (host.model.sheets.some((s) => s.name === target.sheet)) host.select(target.sheet, target.address);
        }}
      >
        {label}
      </a>
    );
  };
  for (const r of shownRows) {
    const frozen = headerRow && r === used.top && used.bottom > used.top;
    const cells = [];
    for (const c of shownCols) {
      if (covered.has(`${r}:${c}`)) continue;
      const v = sheet.getValue(r, c);
      const fill = host.displayedColor(sheet.name, r, c);
      const span = spans.get(`${r}:${c}`);
      const wrapped = sheet.isWrapped(r, c);
      const cls = [
        styles.cell,
        typeof v === "number" ? styles.number : "",
        frozen ? styles.frozen : "",
        wrapped || span ? styles.wrap : "",
        sheet.isBold(r, c) ? styles.bold : "",
      ];
      const edges = selectionEdges(sel, r, c);
      const width = widthOf(c, span?.right ?? c);
      const text = display(v, c === dateCol && r > used.top);
      const hyperlink = sheet.hyperlink(r, c);
      // Like Excel, text that does not wrap runs on over an empty cell to its right (the report's title).
      const after = nextShown(c);
      const spill =
        !wrapped &&
        !span &&
        typeof v === "string" &&
        text !== "" &&
        after !== undefined &&
        sheet.isEmpty(r, after) &&
        !covered.has(`${r}:${after}`) &&
        !spans.has(`${r}:${after}`);
      cells.push(
        <td
          key={c}
          className={cls.filter(Boolean).join(" ")}
          rowSpan={span && span.rowSpan > 1 ? span.rowSpan : undefined}
          colSpan={span && span.colSpan > 1 ? span.colSpan : undefined}
          style={{
            backgroundColor: fill ?? undefined,
            color: fill ? textOn(fill) : undefined,
            boxShadow: edges,
            width,
            minWidth: width,
            maxWidth: width,
            verticalAlign: VERTICAL[sheet.verticalAlignment(r, c)],
            ...(spill ? { overflow: "visible", textOverflow: "clip", zIndex: frozen ? 2 : undefined } : {}),
          }}
          data-address={cellAddress(r, c)}
          onClick={(e) => select(r, c, e.shiftKey)}
        >
          {hyperlink ? link(hyperlink, text, !!fill) : text}
        </td>,
      );
    }
    rows.push(
      <tr
        key={r}
        data-row={r}
        // A row height the add-in set (RangeFormat.rowHeight, points): the row is at least that tall, as in Excel.
        style={sheet.rowHeights.has(r) ? { height: `${Math.round((sheet.rowHeight(r) * 4) / 3)}px` } : undefined}
      >
        <th className={frozen ? `${styles.rowHead} ${styles.frozenRowHead}` : styles.rowHead} scope="row">
          {r + 1}
        </th>
        {cells}
      </tr>,
    );
  }

  return (
    <div className={styles.root} data-version={version}>
      <TabList
        selectedValue={sheet.name}
        onTabSelect={(_, d) => host.select(String(d.value), "A1")}
        aria-label="Sheets"
        size="small"
      >
        {visible.map((s) => (
          <Tab key={s.id} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <form
        className={styles.toolbar}
        onSubmit={(e) => {
          e.preventDefault();
          const areas = typed.split(",").map((a) => parseRange(a.trim()));
          if (typed.trim() && areas.every(Boolean)) host.select(sheet.name, typed);
        }}
      >
        <Field label="Selected range (type one, or click and Shift+click cells)" size="small">
          <Input
            value={typed || sel.map(rangeAddress).join(", ")}
            onChange={(_, d) => setTyped(d.value)}
            onBlur={() => setTyped("")}
            size="small"
          />
        </Field>
        <Button type="submit" size="small">
          Select
        </Button>
        <Text size={200} className={styles.note}>
          {`Syncs so far: ${host.syncCount}`}
          {used.bottom >= MAX_ROWS_SHOWN ? ` · showing ${MAX_ROWS_SHOWN} rows from row ${firstRow + 1}` : ""}
        </Text>
      </form>
      {/* Focusable and named, so the grid scrolls by keyboard (axe scrollable-region-focusable). */}
      <div
        className={styles.scroller}
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={`Cells of sheet ${sheet.name}`}
      >
        <div className={styles.sheetArea} ref={area}>
          <table className={styles.table} aria-label={`Sheet ${sheet.name}`}>
            <thead>
              <tr>
                {/* The corner: a cell, not an empty column header (axe empty-table-header). */}
                <td className={styles.head} />
                {shownCols.map((c) => (
                  <th key={c} className={styles.head} scope="col" data-col={c}>
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
          {sheet.charts.map((chart, i) => {
            const box = boxes[i];
            return box ? (
              <div key={`${chart.name}:${i}`} className={styles.chart} style={{ left: box.left, top: box.top }}>
                <ChartView chart={chart} width={box.width} height={box.height} />
              </div>
            ) : null;
          })}
        </div>
      </div>
    </div>
  );
}
