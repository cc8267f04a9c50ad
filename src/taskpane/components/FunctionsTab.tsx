/**
 * The A/B test calculator first (reachable without scrolling), then the GROWTH function list with an Insert button
 * per function. Insert writes the function with a worked example, so the cell computes at once and the user edits
 * the numbers into cell references; it never replaces a cell's content without asking (an add-in's write cannot be
 * undone in Excel), and says what it wrote where next to the button that was clicked.
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
import { GROWTH_FUNCTIONS, exampleFormula } from "../functionsList";
import { useI18n } from "../i18n";
import { AbCalculator } from "./AbCalculator";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
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

/** Feedback of the last insert, shown next to the button it came from (`origin`: a function id, or "ab"). */
type Note = { origin: string; intent: "success" | "info" | "error"; text: string } | null;

/** Where the calculator's Insert button reports. */
const AB_ORIGIN = "ab";

export function FunctionsTab({ insert }: FunctionsTabProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const [pending, setPending] = useState<{
    formula: string;
    origin: string;
    address: string;
    current: string;
  } | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [seq, setSeq] = useState(0);

  const show = (n: Note) => {
    setNote(n);
    setSeq((s) => s + 1);
  };

  const attempt = async (formula: string, origin: string, overwrite = false) => {
    try {
      const r = await insert(formula, overwrite);
      const address = r.sheet ? `${r.sheet}!${r.address}` : r.address;
      const done = origin === AB_ORIGIN ? "insertedAt" : "insertedExample";
      if (r.written) show({ origin, intent: "success", text: t(done, { formula: r.formula, address }) });
      else setPending({ formula, origin, address, current: r.current });
    } catch (err) {
      show({ origin, intent: "error", text: plainError(err, t, lang) });
    }
  };

  const noteFor = (origin: string) =>
    note?.origin === origin ? (
      <MessageBar key={seq} intent={note.intent} data-testid="insert-status">
        <MessageBarBody>{note.text}</MessageBarBody>
      </MessageBar>
    ) : null;

  return (
    <div>
      <section className={styles.section} aria-labelledby="ab-title">
        <Subtitle2 as="h2" id="ab-title" className={styles.heading}>
          {t("abTitle")}
        </Subtitle2>
        <AbCalculator onInsert={(formula) => void attempt(formula, AB_ORIGIN)} insertNote={noteFor(AB_ORIGIN)} />
      </section>
      <section className={styles.section} aria-labelledby="functions-title">
        <Subtitle2 as="h2" id="functions-title" className={styles.heading}>
          {t("functionsTitle")}
        </Subtitle2>
        <ul className={styles.list}>
          {GROWTH_FUNCTIONS.map((f) => (
            <li key={f.id} className={styles.item}>
              <span className={styles.row}>
                <span className={styles.text}>
                  <Text className={styles.name}>GROWTH.{f.id}</Text>
                  <Caption1>{f[lang]}</Caption1>
                </span>
                <Button
                  size="small"
                  onClick={() => void attempt(exampleFormula(f), f.id)}
                  aria-label={t("insertLabel", { name: `GROWTH.${f.id}` })}
                  title={`GROWTH.${f.id}(${f.args})`}
                >
                  {t("insert")}
                </Button>
              </span>
              {noteFor(f.id)}
            </li>
          ))}
        </ul>
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
                  if (p) void attempt(p.formula, p.origin, true);
                }}
              >
                {t("insertReplace")}
              </Button>
              <Button
                onClick={() => {
                  if (pending)
                    show({
                      origin: pending.origin,
                      intent: "info",
                      text: t("insertKept", { address: pending.address }),
                    });
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
