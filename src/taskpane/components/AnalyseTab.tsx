/**
 * The main job: say what is selected, read the selected table(s), flag the weak channels with a cancellable
 * progress bar, list the findings first (the recognised columns fold to one line when detection worked), and clear
 * the warnings again. Progress, results and errors are announced through Fluent's live-region announcer; after a
 * run, focus moves to the first finding or the status, never to <body>.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useAnnounce,
} from "@fluentui/react-components";
import { hasMetricColumn } from "../../core/table/headers";
import { TABLE_CHANGED } from "../../core/overlay";
import { checksText, nothingChecked } from "../../core/rules/checks";
import { COLUMN_ROLES, type ColumnMapping, type RulesConfig } from "../../core/rules/types";
import type { ExcelGateway, FlagOutcome, SelectedTable, SelectionInfo } from "../excel/types";
import { plainError } from "../errors";
import { boundedAddress, formatPercent } from "../format";
import { useI18n, type StringKey } from "../i18n";
import type { ColumnMapperProps } from "./ColumnMapper";
import { FindingsList } from "./FindingsList";
import { changesHeadline } from "../../core/findingChanges";
import { Legend } from "./Legend";
import { NoteIcon } from "./NoteIcon";
import { lazyPart } from "../lazyPart";

/** The column choices load with the first table read (own chunk: Fluent's dropdown and positioning, issue 19). */
const mapperPart = lazyPart<ColumnMapperProps>(
  async () => (await import(/* webpackChunkName: "pane-columns" */ "./ColumnMapper")).ColumnMapper,
);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { display: "flex", flexDirection: "column", gap: "2px" },
  selection: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  keep: { whiteSpace: "nowrap" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  progress: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  progressField: { flexGrow: 1, minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  summaryLine: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  status: { ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  detail: { marginTop: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
});

/** The status line: its text, and lines of detail under it (what was checked). */
type Status = {
  intent: "success" | "warning" | "error" | "info";
  text: string;
  details?: string[];
  /** The table changed since the warnings were set: offer to flag again. */
  offerFlag?: boolean;
  /** A flag just wrote the report sheet: offer to go to it (issue 19 §6). */
  offerReport?: boolean;
  seq: number;
} | null;
type Phase = "read" | "analyse" | "save" | "write";
type Progress = { done: number; total: number; phase: Phase } | null;

export interface AnalyseTabProps {
  gateway: ExcelGateway;
  config: RulesConfig;
}

const keyOf = (tb: SelectedTable) => `${tb.sheet}!${tb.address}`;

/** Detection worked when every table has a metric column and a date or channel column. */
function detectionWorked(tables: SelectedTable[], mappingOf: (tb: SelectedTable) => ColumnMapping): boolean {
  return tables.every((tb) => {
    const m = mappingOf(tb);
    return hasMetricColumn(m) && (m.date !== undefined || m.channel !== undefined);
  });
}

export function AnalyseTab({ gateway, config }: AnalyseTabProps) {
  const styles = useStyles();
  const { t, tn, lang, locale } = useI18n();
  const { announce } = useAnnounce();
  const [tables, setTables] = useState<SelectedTable[]>([]);
  const [mappings, setMappings] = useState<Record<string, ColumnMapping>>({});
  const [outcome, setOutcome] = useState<FlagOutcome | null>(null);
  // The settings the findings on screen were flagged with: saved changes after that ask for another flag.
  const [outcomeConfig, setOutcomeConfig] = useState<RulesConfig | null>(null);
  const [status, setStatusState] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress>(null);
  const [selection, setSelection] = useState<SelectionInfo | null>(null);
  const [flagged, setFlagged] = useState(false);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const firstFindingRef = useRef<HTMLButtonElement>(null);
  const lastPhase = useRef<Phase | null>(null);
  const lastQuarter = useRef(0);
  const focusNext = useRef<"status" | "finding" | null>(null);
  const seq = useRef(0);

  const setStatus = (s: Omit<NonNullable<Status>, "seq"> | null) => setStatusState(s && { ...s, seq: ++seq.current });

  const mappingOf = (table: SelectedTable) => mappings[keyOf(table)] ?? table.detected;

  const refreshSelection = useCallback(() => {
    gateway
      .describeSelection()
      .then(setSelection)
      .catch(() => setSelection(null));
  }, [gateway]);

  const refreshFlagged = useCallback(() => {
    gateway
      .hasFlags()
      .then(setFlagged)
      .catch(() => setFlagged(true)); // Unknown: leave Clear available.
  }, [gateway]);

  // Sorting moves values but not the warning colours: when the flagged rows are no longer the ones the warnings
  // were set on, say so once, with Flag again at hand.
  useEffect(() => {
    let live = true;
    gateway
      .checkTable()
      .then((changed) => {
        if (live && changed) setStatus({ intent: "warning", text: TABLE_CHANGED[lang], offerFlag: true });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per workbook opened, not per language switch
  }, [gateway]);

  useEffect(() => {
    refreshSelection();
    refreshFlagged();
    return gateway.watchSelection(refreshSelection);
  }, [gateway, refreshSelection, refreshFlagged]);

  // Focus after a run: the first finding when there is one, else the status line.
  useEffect(() => {
    if (busy || !focusNext.current) return;
    const target = focusNext.current === "finding" ? (firstFindingRef.current ?? statusRef.current) : statusRef.current;
    focusNext.current = null;
    target?.focus();
  }, [busy]);

  /** Reads the selection; returns the tables, or null after showing why they cannot be flagged. */
  const readSelection = async (): Promise<SelectedTable[] | null> => {
    const read = await gateway.readSelection();
    setTables(read);
    if (read.length === 0) {
      setStatus({ intent: "warning", text: t("nothingSelected") });
      return null;
    }
    if (!detectionWorked(read, (tb) => mappings[keyOf(tb)] ?? tb.detected)) setColumnsOpen(true);
    const unusable = read.find((tb) => !hasMetricColumn(mappings[keyOf(tb)] ?? tb.detected));
    if (unusable) {
      setStatus({ intent: "warning", text: t("noMetricColumn", { address: keyOf(unusable) }) });
      return null;
    }
    // issue 17 §2: with neither a date nor a channel column a table is no channel report (a finance sheet
    // "rate | nper | pmt | pv" whose pv is no traffic) unless the user maps its columns
    const undated = read.find((tb) => {
      if (mappings[keyOf(tb)]) return false;
      return tb.detected.date === undefined && tb.detected.channel === undefined;
    });
    if (undated) {
      setColumnsOpen(true);
      setStatus({ intent: "warning", text: t("notAChannelReport", { address: keyOf(undated) }) });
      return null;
    }
    return read;
  };

  /** Tables with neither a date nor a channel column: the rules still run (row order, one group), but say so. */
  const noDateOrChannel = (read: SelectedTable[]): string[] =>
    read
      .filter((tb) => {
        const m = mappingOf(tb);
        return m.date === undefined && m.channel === undefined;
      })
      .map((tb) => t("noDateOrChannel", { address: keyOf(tb) }));

  const run = async (job: () => Promise<"status" | "finding" | null>) => {
    setBusy(true);
    setStatus(null);
    lastPhase.current = null;
    let focus: "status" | "finding" | null = "status";
    try {
      focus = await job();
    } catch (err) {
      setStatus({ intent: "error", text: plainError(err, t, lang) });
      focus = "status";
    } finally {
      setBusy(false);
      setProgress(null);
      abortRef.current = null;
      focusNext.current = focus;
    }
  };

  /** "42,000 of 100,000 rows": what the phase counts (rows read, tables checked, fills saved, batches written). */
  const progressCount = (p: NonNullable<Progress>) =>
    tn(`progress_${p.phase}`, p.total, { done: new Intl.NumberFormat(locale).format(p.done) });

  // issue 19 §8: a phase is announced when it starts (by name, no "0%") and at each quarter it passes, with the count
  const onProgress = (done: number, total: number, phase: Phase) => {
    setProgress({ done, total, phase });
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const quarter = Math.floor(fraction * 4);
    if (phase !== lastPhase.current) {
      lastPhase.current = phase;
      lastQuarter.current = quarter;
      announce(t(`phase_${phase}` as StringKey), { polite: true, batchId: "progress" });
    } else if (quarter > lastQuarter.current && quarter < 4) {
      lastQuarter.current = quarter;
      announce(
        t("progressAnnounceCount", {
          phase: t(`phase_${phase}` as StringKey),
          percent: formatPercent(quarter / 4, locale),
          count: progressCount({ done, total, phase }),
        }),
        { polite: true, batchId: "progress" },
      );
    }
  };

  const onRead = () =>
    run(async () => {
      const read = await readSelection();
      const hints = read ? noDateOrChannel(read) : [];
      if (hints.length) setStatus({ intent: "warning", text: hints.join(" ") });
      else if (read) setColumnsOpen(true);
      return read ? null : "status";
    });

  const onFlag = () =>
    run(async () => {
      const read = await readSelection();
      if (!read) return "status";
      const controller = new AbortController();
      abortRef.current = controller;
      onProgress(0, 1, "read");
      const byAddress: Record<string, ColumnMapping> = {};
      for (const tb of read) byAddress[tb.address] = mappingOf(tb);
      const result = await gateway.flag({
        tables: read,
        mappings: byAddress,
        config,
        lang,
        signal: controller.signal,
        onProgress,
      });
      if (result.cancelled) {
        setStatus({ intent: "info", text: t("cancelledSummary") });
        refreshFlagged();
        return "status";
      }
      setOutcome(result);
      setOutcomeConfig(config);
      setFlagged(true);
      // issue 17 §3: never an all-clear where nothing was checked; say so and open the column mapping
      const unchecked = result.tables.filter((x) => nothingChecked(x.result.checks));
      if (unchecked.length > 0) setColumnsOpen(true);
      const warnings = [
        ...unchecked.map((x) => t("nothingChecked", { address: `${x.sheet}!${x.address}` })),
        ...noDateOrChannel(read),
        ...result.tables.flatMap((x) => x.result.warnings.map((w) => w.message[lang])),
        ...(result.notes ?? []).map((n) => n[lang]),
      ];
      // issue 17 §3: which rules ran on which columns, per table, each on a line of its own
      const many = result.tables.length > 1;
      const details = result.tables.flatMap((x) =>
        checksText(x.result.checks ?? [], lang).map((line) => (many ? `${x.sheet}!${x.address}: ${line}` : line)),
      );
      const flaggedSummary = t("flaggedSummary", {
        cells: tn("cells", result.cellsColoured),
        tables: tn("tables", result.tables.length),
      });
      // issue 19: what changed since the last flag, in one sentence (a first flag has nothing to compare)
      const changes = result.changes;
      const summary = changes?.compared
        ? `${flaggedSummary} ${changesHeadline(changes, changes.since, lang)}`
        : flaggedSummary;
      setStatus({
        // issue 19 §8: a run that worked but has notes is "info" with a note icon, never the warning triangle that
        // looks like the orange level's shape; a table where nothing was checked stays a warning
        intent: unchecked.length ? "warning" : warnings.length ? "info" : "success",
        text: [summary, ...warnings].join(" "),
        details: unchecked.length === result.tables.length ? [] : details,
        offerReport: gateway.showReport !== undefined,
      });
      return result.tables.some((x) => x.result.findings.length > 0) ? "finding" : "status";
    });

  const onClear = () =>
    run(async () => {
      const cleared = await gateway.clear();
      setOutcome(null);
      setFlagged(false);
      const summary = t("clearedSummary", { cells: tn("cells", cleared.cells) });
      const notes = cleared.notes.map((n) => n[lang]);
      setStatus({ intent: notes.length ? "info" : "success", text: [summary, ...notes].join(" ") });
      return "status";
    });

  // issue 19 §6: the report a manager reads, one click away; gone since (deleted): say so and how to get it back
  const onGoToReport = () =>
    gateway.showReport?.().then(
      (name) => {
        if (name === null) setStatus({ intent: "warning", text: t("reportGone"), offerFlag: true });
      },
      (err: unknown) => setStatus({ intent: "error", text: plainError(err, t, lang) }),
    );

  const onSelect = (sheet: string, addresses: string[], part: number) =>
    gateway.selectCells(sheet, addresses, part).catch((err: unknown) => {
      setStatus({ intent: "error", text: plainError(err, t, lang) });
      return null;
    });

  // issue 19 §1: a selection of many areas shows its first areas and their count, never a 2,800 px address
  const shownAddress = boundedAddress(selection?.address ?? "");
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const columnCount = tables.reduce((n, tb) => n + tb.header.length, 0);
  const recognised = tables.reduce((n, tb) => n + COLUMN_ROLES.filter((r) => mappingOf(tb)[r] !== undefined).length, 0);
  const showColumns = columnsOpen || (tables.length > 0 && !detectionWorked(tables, mappingOf));

  return (
    <div className={styles.root}>
      <div className={styles.intro}>
        <Text>{t("intro")}</Text>
        <Text size={200} className={styles.selection} data-testid="selection-info">
          {selection ? (
            <>
              {t("selectionLabel", { address: `${selection.sheet}!${shownAddress.text}` })}
              {" · "}
              {selection.cells === 1 ? (
                t("selectionSingle")
              ) : shownAddress.areas > 1 ? (
                <span className={styles.keep}>
                  {tn("areas", shownAddress.areas)} · {tn("cells", selection.cells)}
                </span>
              ) : (
                <span className={styles.keep}>
                  {tn("rows", selection.rows)} × {tn("columns", selection.columns)}
                </span>
              )}
            </>
          ) : (
            t("selectionNone")
          )}
        </Text>
      </div>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onFlag} disabled={busy}>
          {t("flag")}
        </Button>
        <Button onClick={onRead} disabled={busy}>
          {t("readSelection")}
        </Button>
        <Button onClick={onClear} disabled={busy || !flagged}>
          {t("clear")}
        </Button>
      </div>

      {progress && (
        <div className={styles.progress}>
          <Field
            className={styles.progressField}
            label={t(`phase_${progress.phase}` as StringKey)}
            validationMessage={
              <span data-testid="progress-count">
                {t("progressCount", {
                  count: progressCount(progress),
                  percent: formatPercent(fraction ?? 0, locale),
                })}
              </span>
            }
            validationState="none"
          >
            <ProgressBar
              value={fraction}
              thickness="large"
              aria-label={t("progressLabel")}
              aria-valuetext={`${formatPercent(fraction ?? 0, locale)}, ${progressCount(progress)}`}
            />
          </Field>
          <Button onClick={() => abortRef.current?.abort()}>{t("cancel")}</Button>
        </div>
      )}

      {status && (
        <MessageBar
          key={status.seq}
          ref={statusRef}
          tabIndex={-1}
          className={styles.status}
          intent={status.intent}
          icon={status.intent === "info" ? <NoteIcon /> : undefined}
          politeness={status.intent === "error" ? "assertive" : "polite"}
          data-testid="status"
        >
          <MessageBarBody>
            {status.details?.length ? (
              <>
                <div>{status.text}</div>
                {status.details.map((d, i) => (
                  <div key={i} className={styles.detail} data-testid="status-detail">
                    {d}
                  </div>
                ))}
              </>
            ) : (
              status.text
            )}
          </MessageBarBody>
          {(status.offerFlag || status.offerReport) && (
            <MessageBarActions>
              {status.offerReport && (
                <Button size="small" onClick={onGoToReport} disabled={busy}>
                  {t("goToReport")}
                </Button>
              )}
              {status.offerFlag && (
                <Button size="small" onClick={onFlag} disabled={busy}>
                  {t("flagAgain")}
                </Button>
              )}
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      {outcome && (
        <section className={styles.section} aria-labelledby="findings-title">
          <Subtitle2 as="h2" id="findings-title" className={styles.heading}>
            {t("findingsTitle")}
          </Subtitle2>
          {outcomeConfig !== null && outcomeConfig !== config && (
            <MessageBar intent="warning" data-testid="settings-changed">
              <MessageBarBody>{t("settingsChangedFlagAgain")}</MessageBarBody>
            </MessageBar>
          )}
          <FindingsList
            ref={firstFindingRef}
            tables={outcome.tables}
            fills={config.fills}
            onSelect={onSelect}
            changes={outcome.changes}
          />
        </section>
      )}

      {tables.length > 0 && (
        <section className={styles.section} aria-labelledby="columns-title">
          <div className={styles.summaryLine}>
            <Subtitle2 as="h2" id="columns-title" className={styles.heading}>
              {t("columnsTitle")}
            </Subtitle2>
            <Text size={200}>
              {tn("columnsSummary", columnCount, { recognized: new Intl.NumberFormat(locale).format(recognised) })}
            </Text>
            <Button
              size="small"
              appearance="subtle"
              aria-expanded={showColumns}
              aria-controls="columns-mapping"
              aria-label={showColumns ? undefined : t("changeColumnsLabel")}
              onClick={() => setColumnsOpen(!showColumns)}
            >
              {showColumns ? t("hideColumns") : t("changeColumns")}
            </Button>
          </div>
          <div id="columns-mapping" hidden={!showColumns}>
            {tables.map((tb) => {
              const key = keyOf(tb);
              return (
                <div key={key} role="group" aria-label={t("columnsOf", { table: key })}>
                  <Text size={200}>{key}</Text>
                  <mapperPart.View
                    name={t("partColumns")}
                    header={tb.header}
                    mapping={mappingOf(tb)}
                    detected={tb.detected}
                    disabled={busy}
                    onChange={(m) => setMappings((old) => ({ ...old, [key]: m }))}
                  />
                </div>
              );
            })}
          </div>
        </section>
      )}

      <Legend config={config} />
    </div>
  );
}
