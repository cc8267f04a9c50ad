/**
 * The findings of a flag run, grouped by colour (red, orange, yellow), each group headed by its shape, severity
 * word and the palette's name of its colour (src/taskpane/levels.ts): channel, rule, periods, what fired (the flagged values with their dates and the threshold: the finding's
 * evidence from the engine, the same words as the CLI and the report), the cells and the seed's recommended action. A card's accessible
 * name is short (channel, rule, colour); the rest is its description. Clicking a card selects its cells, and the
 * card says so. Every piece of cell text is rendered as a React text node, never as HTML.
 *
 * Issue 19 §1–2: the cells are one bounded line ("G115 … G195 · 21 cells"); the full list is shown on demand
 * (a scrollable box) or copied. Selecting cells that do not fit one Excel address selects them in parts: the card
 * says which cells of how many it selected, offers the next part and announces it.
 *
 * Issue 19, what changed since the last flag: each card carries a badge in words, "New" or "Continuing" (part of
 * its accessible name; the words are the CLI's and the report's, core findingChanges.ts), and the previous flag's
 * runs that are gone are listed under "Resolved since last flag" (ten at first, the rest on demand).
 */
import { forwardRef, useState } from "react";
import { Button, Caption1, Text, makeStyles, tokens, useAnnounce, useId } from "@fluentui/react-components";
import { WARNING_COLOURS, type WarningColour } from "../../core/colours";
import type { ChannelFinding, RulesConfig } from "../../core/rules/types";
import type { ChangesSinceLastFlag, SelectOutcome, TableOutcome } from "../excel/types";
import { CHANGE_WORDS, RESOLVED_HEADING, runPeriods, type ChangeMark } from "../../core/findingChanges";
import { latestOfYears } from "../../core/i18n/dates";
import { copyText } from "../clipboard";
import { COLUMN_NAMES } from "../../core/i18n/rules";
import { levelColourName } from "../levels";
import { nothingChecked } from "../../core/rules/checks";
import { RULE_METRIC, RULE_NAMES } from "../../core/rules/catalog";
import { cellsSummary, findingAddresses, periodPieces } from "../format";
import { useI18n } from "../i18n";
import { SeverityIcon } from "./SeverityIcon";
import { Sparkline } from "./Sparkline";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  groupTitle: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  // The card: the whole of it is clickable (the button's ::after covers it), the button's own text is the short
  // name (channel, rule, colour) and the details below are its description.
  card: {
    position: "relative",
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderLeftWidth: "6px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover, boxShadow: tokens.shadow4 },
    "@media (forced-colors: active)": { border: "1px solid ButtonText", borderLeftWidth: "6px" },
  },
  finding: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    minWidth: 0,
    flexGrow: 1,
    padding: 0,
    border: "none",
    background: "none",
    textAlign: "start",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    fontFamily: tokens.fontFamilyBase,
    outlineStyle: "none",
    "::after": { content: '""', position: "absolute", inset: 0, borderRadius: tokens.borderRadiusMedium },
    ":focus-visible::after": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  top: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", width: "100%" },
  body: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0, flexGrow: 1 },
  channel: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground2 },
  keep: { whiteSpace: "nowrap" },
  hint: {
    display: "flex",
    alignItems: "center",
    gap: "2px",
    color: tokens.colorBrandForegroundLink,
    "@media (forced-colors: active)": { color: "LinkText" },
  },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  // Controls inside the card sit above the card-wide button's ::after, so they get their own clicks.
  tools: { position: "relative", zIndex: 1, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  cellList: {
    position: "relative",
    zIndex: 1,
    maxHeight: "9em",
    overflowY: "auto",
    overflowWrap: "anywhere",
    padding: tokens.spacingHorizontalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { position: "relative", zIndex: 1, display: "flex", flexDirection: "column", alignItems: "flex-start" },
  // the mark since the last flag: words in a pill, never color alone
  badge: {
    display: "inline-block",
    // in the card's title button (a column) it keeps its own width, never stretched to the line
    alignSelf: "flex-start",
    marginInlineStart: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "nowrap",
    verticalAlign: "middle",
  },
  badgeNew: {
    color: tokens.colorBrandForeground1,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    "@media (forced-colors: active)": { color: "CanvasText", border: "1px solid CanvasText" },
  },
  resolved: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    overflowWrap: "anywhere",
  },
});

/** Resolved runs listed before "Show all". */
const RESOLVED_SHOWN = 10;

export interface FindingsListProps {
  tables: TableOutcome[];
  fills: RulesConfig["fills"];
  /** Selects part `part` of the cells; resolves to what was selected (null: nothing, or the pane said why not). */
  onSelect: (sheet: string, addresses: string[], part: number) => Promise<SelectOutcome | null | void> | void;
  /** What changed since the last flag (issue 19): the resolved section; the marks are on the tables. */
  changes?: ChangesSinceLastFlag;
}

interface Located {
  table: TableOutcome;
  finding: ChannelFinding;
  mark: ChangeMark | null;
  key: string;
}

/** The findings; the ref goes to the first card (the pane moves focus there after Flag). */
export const FindingsList = forwardRef<HTMLButtonElement, FindingsListProps>(function FindingsList(
  { tables, fills, onSelect, changes },
  firstRef,
) {
  const styles = useStyles();
  const { t, tn, lang } = useI18n();
  const all: Located[] = tables.flatMap((table, ti) =>
    table.result.findings.map((finding, fi) => ({
      table,
      finding,
      mark: table.marks?.[fi] ?? null,
      key: `${ti}:${fi}`,
    })),
  );
  const resolved = changes?.compared ? changes.resolved : [];
  const resolvedSection =
    resolved.length > 0 ? (
      <ResolvedList
        changes={changes!}
        manySheets={tables.length > 1}
        year={latestOfYears(tables.map((table) => table.result.latestYear))}
        className={styles}
      />
    ) : null;
  // issue 17 §3: a table where no metric column was recognised never reads as an all-clear
  const unchecked = tables.find((table) => nothingChecked(table.result.checks));
  if (all.length === 0 && unchecked)
    return <Text>{t("nothingChecked", { address: `${unchecked.sheet}!${unchecked.address}` })}</Text>;
  if (all.length === 0)
    return (
      <div>
        <Text as="p">{t("noFindings")}</Text>
        {resolvedSection}
      </div>
    );
  // the first card in the order shown (red first) takes the ref
  const firstKey = WARNING_COLOURS.map((c) => all.find((x) => x.finding.colour === c)).find(Boolean)?.key;
  return (
    <div>
      {WARNING_COLOURS.map((colour: WarningColour) => {
        const items = all.filter((x) => x.finding.colour === colour);
        if (items.length === 0) return null;
        const headingId = `findings-${colour}`;
        return (
          <section key={colour} className={styles.group} aria-labelledby={headingId} data-colour={colour}>
            <h3 className={styles.groupTitle} id={headingId}>
              <SeverityIcon colour={colour} fill={fills[colour]} />
              <span>
                {[t(`severity_${colour}`), levelColourName(fills, colour, lang), tn("findingCount", items.length)]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </h3>
            <ul className={styles.list}>
              {items.map(({ table, finding, mark, key }) => {
                const ref = key === firstKey ? firstRef : undefined;
                return (
                  <li key={key}>
                    <FindingCard
                      ref={ref}
                      table={table}
                      finding={finding}
                      mark={mark}
                      fill={fills[colour]}
                      onSelect={onSelect}
                      className={styles}
                    />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {resolvedSection}
    </div>
  );
});

/** The previous flag's runs that this flag no longer finds: channel, rule, when (and the sheet when there are several). */
function ResolvedList({
  changes,
  manySheets,
  year,
  className: styles,
}: {
  changes: ChangesSinceLastFlag;
  manySheets: boolean;
  /** The data's latest year: the year the runs' dates are written without (the evidence's). */
  year: number;
  className: ReturnType<typeof useStyles>;
}) {
  const { tn, t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const listId = useId("resolved-list");
  const runs = changes.resolved;
  const shown = all ? runs : runs.slice(0, RESOLVED_SHOWN);
  return (
    <section className={styles.group} aria-labelledby="findings-resolved" data-testid="resolved">
      <h3 className={styles.groupTitle} id="findings-resolved">
        <span>{[RESOLVED_HEADING[lang], tn("findingCount", runs.length)].join(" · ")}</span>
      </h3>
      <ul className={styles.list} id={listId}>
        {shown.map((r, i) => (
          <li key={i} className={styles.resolved} data-testid="resolved-item">
            <span>
              <Text className={styles.channel}>{r.channel === "" ? t("allRows") : r.channel}</Text>{" "}
              <Caption1>{RULE_NAMES[r.rule][lang]}</Caption1>
              <span className={styles.badge}>{CHANGE_WORDS.resolved[lang]}</span>
            </span>
            <Caption1 className={styles.muted}>
              {[manySheets ? r.sheet : null, runPeriods(r, lang, year)].filter(Boolean).join(" · ")}
            </Caption1>
          </li>
        ))}
      </ul>
      {runs.length > RESOLVED_SHOWN && (
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={all}
          aria-controls={listId}
          onClick={() => setAll(!all)}
        >
          {all ? t("showFewerResolved") : tn("showAllResolved", runs.length)}
        </Button>
      )}
    </section>
  );
}

interface CardProps {
  table: TableOutcome;
  finding: ChannelFinding;
  mark: ChangeMark | null;
  fill: string;
  onSelect: FindingsListProps["onSelect"];
  className: ReturnType<typeof useStyles>;
}

const FindingCard = forwardRef<HTMLButtonElement, CardProps>(function FindingCard(
  { table, finding, mark, fill, onSelect, className: styles },
  ref,
) {
  const { t, tn, lang, locale } = useI18n();
  const detailsId = useId("finding-details");
  const metric = RULE_METRIC[finding.ruleId];
  const trend = table.trends[`${finding.channel}|${finding.ruleId}`] ?? [];
  const rule = RULE_NAMES[finding.ruleId][lang];
  const pieces = periodPieces(finding.periodText[lang]);
  const { announce } = useAnnounce();
  const listId = useId("finding-cells");
  const [listOpen, setListOpen] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [selected, setSelected] = useState<SelectOutcome | null>(null);
  const cells = finding.evidence.cells;
  const summary = cellsSummary(cells);
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const say = (text: string) => {
    setNote(text);
    announce(text, { polite: true, batchId: "finding-cells" });
  };

  const select = async (part: number) => {
    const addresses = findingAddresses(table.address, finding.rows, finding.col);
    const outcome = await onSelect(table.sheet, addresses, part);
    if (!outcome) return;
    setSelected(outcome);
    say(
      outcome.parts === 1
        ? t("selectedAll", { cells: tn("cells", outcome.total) })
        : t("selectedPart", {
            from: number(outcome.from),
            to: number(outcome.to),
            total: number(outcome.total),
            first: outcome.first,
            last: outcome.last,
            part: number(outcome.part + 1),
            parts: number(outcome.parts),
          }),
    );
  };

  const copy = async () => {
    const ok = await copyText(cells.join(", "));
    if (!ok) setListOpen(true);
    say(
      ok ? t("copiedCells", { cells: tn("cells", summary.count), ranges: number(cells.length) }) : t("copyCellsFailed"),
    );
  };

  const next = selected && selected.parts > 1 ? (selected.part + 1) % selected.parts : null;
  return (
    <div className={styles.card} style={{ borderLeftColor: fill }}>
      <span className={styles.top}>
        <SeverityIcon colour={finding.colour} fill={fill} />
        <button
          ref={ref}
          type="button"
          className={styles.finding}
          aria-describedby={detailsId}
          onClick={() => void select(0)}
          data-testid="finding"
        >
          <Text className={styles.channel}>{finding.channel}</Text> <Caption1>{rule}</Caption1>
          {/* the level is in the group's heading; a screen reader moving from card to card hears it in the name */}
          <span className={styles.hidden}> · {t(`severity_${finding.colour}`)}</span>
          {mark && (
            <>
              <span className={styles.hidden}> · </span>
              <span
                className={mark === "new" ? `${styles.badge} ${styles.badgeNew}` : styles.badge}
                data-testid="change-mark"
              >
                {CHANGE_WORDS[mark][lang]}
              </span>
            </>
          )}
        </button>
        <Sparkline
          values={trend}
          threshold={finding.threshold}
          label={t("trendOf", { metric: COLUMN_NAMES[metric][lang], channel: finding.channel })}
        />
      </span>
      <span className={styles.body} id={detailsId}>
        <Caption1 className={styles.muted}>
          {tn("periodCount", finding.periodsFlagged)}
          {lang === "zh" ? "：" : ": "}
          {pieces.map((p, i) =>
            p.keep ? (
              <span key={i} className={styles.keep}>
                {p.text}
              </span>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </Caption1>
        <Caption1 className={styles.muted} data-testid="evidence">
          {finding.evidence.text[lang]}
        </Caption1>
        <Caption1 className={styles.muted} data-testid="cells">
          {t("cellsLine", { cells: summary.text, count: tn("cells", summary.count) })}
        </Caption1>
        <Caption1>{t("actionLine", { action: finding.action[lang] })}</Caption1>
        <Caption1 className={styles.hint}>
          {t("selectCellsHint")}
          <span aria-hidden="true">›</span>
        </Caption1>
      </span>
      <span className={styles.tools}>
        {!summary.complete && (
          <Button
            size="small"
            appearance="subtle"
            aria-expanded={listOpen}
            aria-controls={listId}
            onClick={() => setListOpen(!listOpen)}
          >
            {listOpen ? t("hideCells") : tn("showCells", cells.length)}
          </Button>
        )}
        <Button
          size="small"
          appearance="subtle"
          aria-label={t("copyCellsLabel", { channel: finding.channel, rule })}
          onClick={() => void copy()}
        >
          {t("copyCells")}
        </Button>
      </span>
      <div
        id={listId}
        hidden={!listOpen}
        role="region"
        aria-label={t("cellsListLabel", { channel: finding.channel, rule })}
        tabIndex={0}
        className={styles.cellList}
        data-testid="cell-list"
      >
        {listOpen ? cells.join(", ") : null}
      </div>
      {(note || next !== null) && (
        <span className={styles.selected}>
          {note && <Caption1 data-testid="selected-note">{note}</Caption1>}
          {next !== null && selected && (
            <Button size="small" appearance="secondary" onClick={() => void select(next)}>
              {next === 0
                ? t("selectFirstAgain")
                : t("selectNext", { part: number(next + 1), parts: number(selected.parts) })}
            </Button>
          )}
        </span>
      )}
    </div>
  );
});
