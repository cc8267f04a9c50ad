/**
 * The main job: read the selected table(s), show the recognised columns (re-mappable), flag the weak channels
 * with a cancellable progress bar, list the findings, and clear the warnings again.
 */
import { useRef, useState } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { hasMetricColumn } from "../../core/table/headers";
import type { ColumnMapping, RulesConfig } from "../../core/rules/types";
import type { ExcelGateway, FlagOutcome, SelectedTable } from "../excel/types";
import { plainError } from "../errors";
import { useI18n, type StringKey } from "../i18n";
import { ColumnMapper } from "./ColumnMapper";
import { FindingsList } from "./FindingsList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  progress: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  progressField: { flexGrow: 1 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type Status = { intent: "success" | "warning" | "error" | "info"; text: string } | null;
type Progress = { done: number; total: number; phase: "read" | "analyse" | "save" | "write" } | null;

export interface AnalyseTabProps {
  gateway: ExcelGateway;
  config: RulesConfig;
}

export function AnalyseTab({ gateway, config }: AnalyseTabProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const [tables, setTables] = useState<SelectedTable[]>([]);
  const [mappings, setMappings] = useState<Record<string, ColumnMapping>>({});
  const [outcome, setOutcome] = useState<FlagOutcome | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress>(null);
  const abortRef = useRef<AbortController | null>(null);

  const mappingOf = (table: SelectedTable) => mappings[`${table.sheet}!${table.address}`] ?? table.detected;

  /** Reads the selection; returns the tables, or null after showing why they cannot be flagged. */
  const readSelection = async (): Promise<SelectedTable[] | null> => {
    const read = await gateway.readSelection();
    setTables(read);
    if (read.length === 0) {
      setStatus({ intent: "warning", text: t("nothingSelected") });
      return null;
    }
    const unusable = read.find((tb) => !hasMetricColumn(mappings[`${tb.sheet}!${tb.address}`] ?? tb.detected));
    if (unusable) {
      setStatus({ intent: "warning", text: t("noMetricColumn", { address: `${unusable.sheet}!${unusable.address}` }) });
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
      .map((tb) => t("noDateOrChannel", { address: `${tb.sheet}!${tb.address}` }));

  const run = async (job: () => Promise<void>) => {
    setBusy(true);
    setStatus(null);
    try {
      await job();
    } catch (err) {
      setStatus({ intent: "error", text: plainError(err, t, lang) });
    } finally {
      setBusy(false);
      setProgress(null);
      abortRef.current = null;
    }
  };

  const onRead = () =>
    run(async () => {
      const read = await readSelection();
      const hints = read ? noDateOrChannel(read) : [];
      if (hints.length) setStatus({ intent: "warning", text: hints.join(" ") });
    });

  const onFlag = () =>
    run(async () => {
      const read = await readSelection();
      if (!read) return;
      const controller = new AbortController();
      abortRef.current = controller;
      setProgress({ done: 0, total: 1, phase: "read" });
      const byAddress: Record<string, ColumnMapping> = {};
      for (const tb of read) byAddress[tb.address] = mappingOf(tb);
      const result = await gateway.flag({
        tables: read,
        mappings: byAddress,
        config,
        lang,
        signal: controller.signal,
        onProgress: (done, total, phase) => setProgress({ done, total, phase }),
      });
      if (result.cancelled) {
        setStatus({ intent: "info", text: t("cancelledSummary") });
        return;
      }
      setOutcome(result);
      const warnings = [
        ...noDateOrChannel(read),
        ...result.tables.flatMap((x) => x.result.warnings.map((w) => w.message[lang])),
      ];
      const summary = t("flaggedSummary", { cells: result.cellsColoured, tables: result.tables.length });
      setStatus({ intent: warnings.length ? "warning" : "success", text: [summary, ...warnings].join(" ") });
    });

  const onClear = () =>
    run(async () => {
      const n = await gateway.clear();
      setOutcome(null);
      setStatus({ intent: "success", text: t("clearedSummary", { n }) });
    });

  const onSelect = (sheet: string, addresses: string[]) => {
    gateway.selectCells(sheet, addresses).catch((err: unknown) => {
      setStatus({ intent: "error", text: plainError(err, t, lang) });
    });
  };

  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;

  return (
    <div className={styles.root}>
      <Text>{t("intro")}</Text>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onFlag} disabled={busy}>
          {t("flag")}
        </Button>
        <Button onClick={onRead} disabled={busy}>
          {t("readSelection")}
        </Button>
        <Button onClick={onClear} disabled={busy}>
          {t("clear")}
        </Button>
      </div>

      {progress && (
        <div className={styles.progress}>
          <Field
            className={styles.progressField}
            label={t(`phase_${progress.phase}` as StringKey)}
            validationMessage={t("progressLabel")}
            validationState="none"
          >
            <ProgressBar value={fraction} thickness="large" aria-label={t("progressLabel")} />
          </Field>
          <Button onClick={() => abortRef.current?.abort()}>{t("cancel")}</Button>
        </div>
      )}

      {status && (
        <MessageBar intent={status.intent} role={status.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}

      {tables.length > 0 && (
        <section className={styles.section} aria-labelledby="columns-title">
          <Subtitle2 id="columns-title">{t("columnsTitle")}</Subtitle2>
          {tables.map((tb) => {
            const key = `${tb.sheet}!${tb.address}`;
            return (
              <div key={key} role="group" aria-label={t("columnsOf", { table: key })}>
                <Text size={200}>{key}</Text>
                <ColumnMapper
                  header={tb.header}
                  mapping={mappingOf(tb)}
                  disabled={busy}
                  onChange={(m) => setMappings((old) => ({ ...old, [key]: m }))}
                />
              </div>
            );
          })}
        </section>
      )}

      {outcome && (
        <section className={styles.section} aria-labelledby="findings-title">
          <Subtitle2 id="findings-title">{t("findingsTitle")}</Subtitle2>
          <FindingsList tables={outcome.tables} fills={config.fills} onSelect={onSelect} />
        </section>
      )}
    </div>
  );
}
