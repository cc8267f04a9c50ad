/**
 * A/B test calculator: visitors and conversions → rates and lift, the frequentist and the Bayesian read-out side by
 * side, and the sample size with the days to reach it at the test's daily traffic. Built for a 270–350 px pane:
 * the two read-outs share the width in two columns, each label above its value.
 *
 * It cannot mislead: an empty box is missing (never read as 0) and no result shows until every box is filled; a box
 * in error is marked with its reason; numbers are read as the user's locale writes them; the lift is in percentage
 * points and relative; p-values and probabilities are rounded for reading with the exact value a click away (copy)
 * and in the inserted formula; and a broken traffic split (sample-ratio mismatch) is said before any verdict.
 */
import { useMemo, useState, type ReactNode } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { SRM_ALPHA, abSummaryFormula, computeAbTest, readAbForm, type AbField, type AbProblem } from "../abCalc";
import {
  exactText,
  formatPValue,
  formatPoints,
  formatProbability,
  formatRate,
  formatRelative,
  formatRisk,
} from "../abFormat";
import { useI18n, type StringKey } from "../i18n";
import { copyText } from "../clipboard";
import { parseLocaleNumber } from "../numberInput";

const useStyles = makeStyles({
  // minmax(0, 1fr) and min-width 0 let the inputs shrink below their intrinsic 20-character width (270 px pane).
  // Boxes align at the top, so a reason under one box does not stretch its neighbour.
  inputs: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    alignItems: "start",
  },
  field: { minWidth: 0 },
  input: { minWidth: 0, width: "100%" },
  inputElement: { minWidth: 0, width: "100%" },
  results: {
    display: "grid",
    gridTemplateColumns: "auto auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    margin: `${tokens.spacingVerticalS} 0 0 0`,
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, fontVariantNumeric: "tabular-nums", textAlign: "end" },
  engines: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0 0 0`,
  },
  engine: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  engineTitle: { display: "block", margin: `0 0 ${tokens.spacingVerticalXS} 0` },
  stacked: { margin: 0 },
  stackedDt: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  stackedDd: {
    margin: `0 0 ${tokens.spacingVerticalXS} 0`,
    fontVariantNumeric: "tabular-nums",
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalXS,
  },
  copy: { minWidth: 0, padding: `0 ${tokens.spacingHorizontalXS}`, height: "auto" },
  missing: { display: "block", margin: `${tokens.spacingVerticalS} 0 0 0`, color: tokens.colorNeutralForeground2 },
  srm: { margin: `${tokens.spacingVerticalS} 0 0 0` },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0 0 0`,
  },
  note: { margin: `${tokens.spacingVerticalXS} 0 0 0` },
});

const COUNTS: { key: AbField; label: StringKey }[] = [
  { key: "cv", label: "controlVisitors" },
  { key: "cc", label: "controlConversions" },
  { key: "vv", label: "variantVisitors" },
  { key: "vc", label: "variantConversions" },
];

const LABELS: Record<AbField, StringKey> = {
  cv: "controlVisitors",
  cc: "controlConversions",
  vv: "variantVisitors",
  vc: "variantConversions",
  confidence: "confidence",
  daily: "dailyVisitors",
};

export interface AbCalculatorProps {
  /** How the user writes numbers (navigator.language by default): "1.000" is a thousand in de-DE. */
  numberLocale?: string;
  /** Writes the test's ABTEST_SUMMARY formula into the active cell; without it there is no Insert button. */
  onInsert?: (formula: string) => void;
  /** Feedback of the last insert, shown next to the Insert button. */
  insertNote?: ReactNode;
}

export function AbCalculator({ numberLocale, onInsert, insertNote }: AbCalculatorProps = {}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const numbers = numberLocale || (typeof navigator !== "undefined" ? navigator.language : "") || locale;
  const [v, setV] = useState<Record<AbField, string>>({
    cv: "1000",
    cc: "100",
    vv: "1000",
    vc: "120",
    confidence: "95%",
    daily: "500",
  });
  const [copied, setCopied] = useState<string | null>(null);
  const form = useMemo(
    () => readAbForm(v, (text, percent) => parseLocaleNumber(text, numbers || locale, { percent })),
    [v, numbers, locale],
  );
  const result = useMemo(() => (form.input ? computeAbTest(form.input) : null), [form]);
  const count = (x: number | null) => (x === null ? t("notAvailable") : new Intl.NumberFormat(locale).format(x));
  const orNa = (text: string) => (text === "–" ? t("notAvailable") : text);

  const problemText = (f: AbField, p: AbProblem): string => {
    if (p === "notNumber") {
      const example = f === "confidence" ? "95%" : `${new Intl.NumberFormat(numbers || locale).format(1234)}, 1234`;
      return t("abProblem_notNumber", { example });
    }
    if (p === "overVisitors") {
      const visitors = new Intl.NumberFormat(locale).format(
        parseLocaleNumber(f === "cc" ? v.cv : v.vv, numbers || locale),
      );
      return t("abProblem_overVisitors", { visitors });
    }
    return t(`abProblem_${p}`);
  };

  const input = (key: AbField) => {
    const problem = form.problems[key];
    return (
      <Field
        key={key}
        label={t(LABELS[key])}
        size="small"
        className={styles.field}
        validationState={problem ? "error" : "none"}
        validationMessage={problem ? problemText(key, problem) : undefined}
      >
        <Input
          className={styles.input}
          input={{ className: styles.inputElement }}
          value={v[key]}
          inputMode="decimal"
          name={key}
          onChange={(_, d) => {
            setCopied(null);
            setV((old) => ({ ...old, [key]: d.value }));
          }}
        />
      </Field>
    );
  };

  const copyable = (label: StringKey, shown: string, exact: number | null) => (
    <>
      <span data-testid={`ab-${label}`}>{shown}</span>
      {exact !== null && Number.isFinite(exact) && (
        <Button
          size="small"
          appearance="transparent"
          className={styles.copy}
          aria-label={t("copyLabel", { what: t(label), value: exactText(exact) })}
          title={exactText(exact)}
          onClick={() => {
            const text = exactText(exact);
            void copyText(text).then((ok) =>
              setCopied(ok ? t("copied", { value: text }) : t("copyFailed", { value: text })),
            );
          }}
        >
          {t("copy")}
        </Button>
      )}
    </>
  );

  const list = (rows: [StringKey, string][]) =>
    rows.map(([label, value]) => (
      <div key={label} style={{ display: "contents" }}>
        <dt className={styles.dt}>{t(label)}</dt>
        <dd className={styles.dd} data-testid={`ab-${label}`}>
          {value}
        </dd>
      </div>
    ));

  const engine = (title: StringKey, rows: [string, ReactNode][]) => (
    <section className={styles.engine} aria-label={t(title)} data-testid={`ab-engine-${title}`}>
      <Text as="h3" weight="semibold" size={200} className={styles.engineTitle}>
        {t(title)}
      </Text>
      <dl className={styles.stacked}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className={styles.stackedDt}>{label}</dt>
            <dd className={styles.stackedDd}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );

  const missingText = () => {
    // "Enter control visitors and variant conversions": English labels in lower case inside the sentence.
    const names = form.missing.map((f) => {
      const label = t(LABELS[f]);
      return locale === "en-US" ? label.charAt(0).toLowerCase() + label.slice(1) : label;
    });
    const fields = new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(names);
    return t("abMissing", { fields });
  };

  let body: ReactNode;
  if (result && form.input) {
    const level = new Intl.NumberFormat(locale, { style: "percent", maximumSignificantDigits: 4 }).format(
      form.input.confidence,
    );
    const nf = new Intl.NumberFormat(locale);
    body = (
      <div data-testid="ab-results">
        {result.srmPValue < SRM_ALPHA && (
          <MessageBar intent="warning" className={styles.srm} data-testid="ab-srm">
            <MessageBarBody>
              {t("srmWarning", {
                control: nf.format(form.input.controlVisitors),
                variant: nf.format(form.input.variantVisitors),
                p: formatPValue(result.srmPValue, locale),
              })}
            </MessageBarBody>
          </MessageBar>
        )}
        <dl className={styles.results}>
          {list([
            ["controlRate", formatRate(result.controlRate, locale)],
            ["variantRate", formatRate(result.variantRate, locale)],
            ["absLift", t("abPoints", { value: formatPoints(result.absoluteLift, locale) })],
            ["relLift", orNa(formatRelative(result.relativeLift, locale))],
          ])}
        </dl>
        <div className={styles.engines}>
          {engine("frequentist", [
            [t("pValue"), copyable("pValue", formatPValue(result.pValue, locale), result.pValue)],
            [
              t("significantAt", { level }),
              <span key="s" data-testid="ab-significant" aria-live="polite">
                {result.significant ? t("yes") : t("no")}
              </span>,
            ],
          ])}
          {engine("bayesian", [
            [
              t("chanceToWin"),
              copyable(
                "chanceToWin",
                result.chanceToWin === null ? t("notAvailable") : formatProbability(result.chanceToWin, locale),
                result.chanceToWin,
              ),
            ],
            [
              t("riskVariant"),
              copyable(
                "riskVariant",
                result.riskVariant === null ? t("notAvailable") : formatRisk(result.riskVariant, locale),
                result.riskVariant,
              ),
            ],
          ])}
        </div>
        {copied && (
          <Text as="p" size={200} role="status" className={styles.note} data-testid="ab-copied">
            {copied}
          </Text>
        )}
        <dl className={styles.results}>
          {list([
            ["sampleSize", count(result.sampleSize)],
            ["daysNeeded", count(result.days)],
          ])}
        </dl>
        {onInsert && (
          <div className={styles.actions}>
            <Button
              size="small"
              aria-label={t("insertAbLabel")}
              onClick={() => onInsert(abSummaryFormula(form.input!))}
            >
              {t("insertAbFormula")}
            </Button>
          </div>
        )}
        {insertNote}
      </div>
    );
  } else if (form.missing.length > 0) {
    body = (
      <Text className={styles.missing} role="status" data-testid="ab-missing">
        {missingText()}
      </Text>
    );
  } else {
    // Nothing is missing: each problem is shown under its box; this line says why there is no result.
    body = (
      <Text className={styles.missing} role="status" data-testid="ab-missing">
        {t("abFix")}
      </Text>
    );
  }

  return (
    <div>
      <div className={styles.inputs}>{COUNTS.map((f) => input(f.key))}</div>
      <div className={styles.inputs}>
        {input("confidence")}
        {input("daily")}
      </div>
      {body}
    </div>
  );
}
