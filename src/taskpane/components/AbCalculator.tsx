/**
 * A/B test calculator: visitors and conversions → rates and lift, the frequentist and the Bayesian read-out side by
 * side, and the sample size with the days to reach it at the test's daily traffic. Built for a 270–350 px pane:
 * the two read-outs share the width in two columns, each label above its value.
 */
import { useMemo, useState } from "react";
import { Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { computeAbTest } from "../abCalc";
import { formatNumber } from "../format";
import { useI18n, type StringKey } from "../i18n";

const useStyles = makeStyles({
  // minmax(0, 1fr) and min-width 0 let the inputs shrink below their intrinsic 20-character width (270 px pane).
  inputs: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
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
  stackedDd: { margin: `0 0 ${tokens.spacingVerticalXS} 0`, fontVariantNumeric: "tabular-nums" },
});

type Key = "cv" | "cc" | "vv" | "vc" | "confidence" | "daily";
const FIELDS: { key: Key; label: StringKey }[] = [
  { key: "cv", label: "controlVisitors" },
  { key: "cc", label: "controlConversions" },
  { key: "vv", label: "variantVisitors" },
  { key: "vc", label: "variantConversions" },
];

export function AbCalculator() {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [v, setV] = useState<Record<Key, string>>({
    cv: "1000",
    cc: "100",
    vv: "1000",
    vc: "120",
    confidence: "0.95",
    daily: "500",
  });
  const result = useMemo(
    () =>
      computeAbTest({
        controlVisitors: Number(v.cv),
        controlConversions: Number(v.cc),
        variantVisitors: Number(v.vv),
        variantConversions: Number(v.vc),
        confidence: Number(v.confidence),
        dailyVisitors: v.daily.trim() === "" ? undefined : Number(v.daily),
      }),
    [v],
  );
  const pct = (x: number | null) =>
    x !== null && Number.isFinite(x)
      ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(x)
      : t("notAvailable");
  const count = (x: number | null) => (x === null ? t("notAvailable") : new Intl.NumberFormat(locale).format(x));
  const input = (key: Key, label: StringKey) => (
    <Field key={key} label={t(label)} size="small" className={styles.field}>
      <Input
        className={styles.input}
        input={{ className: styles.inputElement }}
        value={v[key]}
        inputMode="decimal"
        name={key}
        onChange={(_, d) => setV((old) => ({ ...old, [key]: d.value }))}
      />
    </Field>
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
  const engine = (title: StringKey, rows: [StringKey, string][]) => (
    <section className={styles.engine} aria-label={t(title)} data-testid={`ab-engine-${title}`}>
      <Text as="h3" weight="semibold" size={200} className={styles.engineTitle}>
        {t(title)}
      </Text>
      <dl className={styles.stacked}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className={styles.stackedDt}>{t(label)}</dt>
            <dd className={styles.stackedDd} data-testid={`ab-${label}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
  return (
    <div>
      <div className={styles.inputs}>{FIELDS.map((f) => input(f.key, f.label))}</div>
      <div className={styles.inputs}>
        {input("confidence", "confidence")}
        {input("daily", "dailyVisitors")}
      </div>
      {result ? (
        <div aria-live="polite" data-testid="ab-results">
          <dl className={styles.results}>
            {list([
              ["controlRate", pct(result.controlRate)],
              ["variantRate", pct(result.variantRate)],
              ["absLift", pct(result.absoluteLift)],
              ["relLift", pct(result.relativeLift)],
            ])}
          </dl>
          <div className={styles.engines}>
            {engine("frequentist", [
              ["pValue", formatNumber(result.pValue, locale, 6)],
              ["significant", result.significant ? t("yes") : t("no")],
            ])}
            {engine("bayesian", [
              ["chanceToWin", pct(result.chanceToWin)],
              ["riskVariant", pct(result.riskVariant)],
            ])}
          </div>
          <dl className={styles.results}>
            {list([
              ["sampleSize", count(result.sampleSize)],
              ["daysNeeded", count(result.days)],
            ])}
          </dl>
        </div>
      ) : (
        <Text role="alert">{t("abInvalid")}</Text>
      )}
    </div>
  );
}
