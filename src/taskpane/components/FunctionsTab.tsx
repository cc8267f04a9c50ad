/**
 * The GROWTH function list with an Insert button per function, and the A/B test calculator. Insert never replaces
 * a cell's content without asking (an add-in's write cannot be undone in Excel), and says what it wrote where.
 */
import { useState } from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { InsertResult } from "../excel/types";
import { plainError } from "../errors";
import { GROWTH_FUNCTIONS, formulaSkeleton } from "../functionsList";
import { useI18n } from "../i18n";
import { AbCalculator } from "./AbCalculator";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  text: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  heading: { margin: 0 },
  section: {
    marginBottom: tokens.spacingVerticalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

export interface FunctionsTabProps {
  /** Writes the formula into the active cell; without `overwrite` a non-empty cell is left alone. */
  insert: (formula: string, overwrite?: boolean) => Promise<InsertResult>;
}

type Note = { intent: "success" | "info" | "error"; text: string } | null;

export function FunctionsTab({ insert }: FunctionsTabProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const [pending, setPending] = useState<{ formula: string; address: string; current: string } | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [seq, setSeq] = useState(0);

  const show = (n: Note) => {
    setNote(n);
    setSeq((s) => s + 1);
  };

  const attempt = async (formula: string, overwrite = false) => {
    try {
      const r = await insert(formula, overwrite);
      const address = r.sheet ? `${r.sheet}!${r.address}` : r.address;
      if (r.written) show({ intent: "success", text: t("insertedAt", { formula: r.formula, address }) });
      else setPending({ formula, address, current: r.current });
    } catch (err) {
      show({ intent: "error", text: plainError(err, t, lang) });
    }
  };

  return (
    <div>
      <section className={styles.section} aria-labelledby="functions-title">
        <Subtitle2 as="h2" id="functions-title" className={styles.heading}>
          {t("functionsTitle")}
        </Subtitle2>
        {note && (
          <MessageBar key={seq} intent={note.intent} data-testid="insert-status">
            <MessageBarBody>{note.text}</MessageBarBody>
          </MessageBar>
        )}
        <ul className={styles.list}>
          {GROWTH_FUNCTIONS.map((f) => (
            <li key={f.id} className={styles.item}>
              <span className={styles.text}>
                <Text className={styles.name}>GROWTH.{f.id}</Text>
                <Caption1>{f[lang]}</Caption1>
              </span>
              <Button
                size="small"
                onClick={() => void attempt(formulaSkeleton(f.id))}
                aria-label={t("insertLabel", { name: `GROWTH.${f.id}` })}
                title={`GROWTH.${f.id}(${f.args})`}
              >
                {t("insert")}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="ab-title">
        <Subtitle2 as="h2" id="ab-title" className={styles.heading}>
          {t("abTitle")}
        </Subtitle2>
        <AbCalculator />
      </section>
      <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{pending && t("insertConfirmTitle", { address: pending.address })}</DialogTitle>
            <DialogContent>
              {pending && t("insertConfirmBody", { address: pending.address, current: pending.current })}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const p = pending;
                  setPending(null);
                  if (p) void attempt(p.formula, true);
                }}
              >
                {t("insertReplace")}
              </Button>
              <Button
                onClick={() => {
                  if (pending) show({ intent: "info", text: t("insertKept", { address: pending.address }) });
                  setPending(null);
                }}
              >
                {t("insertKeep")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
