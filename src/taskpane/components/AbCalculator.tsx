/** A/B test calculator: visitors and conversions → rates, lift, two-sided p-value, significance, sample size. */
import { useMemo, useState } from "react";
import { Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { computeAbTest } from "../abCalc";
import { formatNumber } from "../format";
import { useI18n, type StringKey } from "../i18n";

const useStyles = makeStyles({
  inputs: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  results: {
    display: "grid",
    gridTemplateColumns: "auto auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    margin: `${tokens.spacingVerticalS} 0 0 0`,
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, fontVariantNumeric: "tabular-nums", textAlign: "end" },
});

type Key = "cv" | "cc" | "vv" | "vc" | "confidence";
const FIELDS: { key: Key; label: StringKey }[] = [
  { key: "cv", label: "controlVisitors" },
  { key: "cc", label: "controlConversions" },
  { key: "vv", label: "variantVisitors" },
  { key: "vc", label: "variantConversions" },
];

export function AbCalculator() {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [v, setV] = useState<Record<Key, string>>({ cv: "1000", cc: "100", vv: "1000", vc: "120", confidence: "0.95" });
  const result = useMemo(
    () =>
      computeAbTest({
        controlVisitors: Number(v.cv),
        controlConversions: Number(v.cc),
        variantVisitors: Number(v.vv),
        variantConversions: Number(v.vc),
        confidence: Number(v.confidence),
      }),
    [v],
  );
  const pct = (x: number) =>
    Number.isFinite(x)
      ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(x)
      : t("notAvailable");
  const input = (key: Key, label: StringKey) => (
    <Field key={key} label={t(label)} size="small">
      <Input
        value={v[key]}
        inputMode="decimal"
        name={key}
        onChange={(_, d) => setV((old) => ({ ...old, [key]: d.value }))}
      />
    </Field>
  );
  const rows: [StringKey, string][] = result
    ? [
        ["controlRate", pct(result.controlRate)],
        ["variantRate", pct(result.variantRate)],
        ["absLift", pct(result.absoluteLift)],
        ["relLift", pct(result.relativeLift)],
        ["pValue", formatNumber(result.pValue, locale, 6)],
        ["significant", result.significant ? t("yes") : t("no")],
        [
          "sampleSize",
          result.sampleSize === null ? t("notAvailable") : new Intl.NumberFormat(locale).format(result.sampleSize),
        ],
      ]
    : [];
  return (
    <div>
      <div className={styles.inputs}>{FIELDS.map((f) => input(f.key, f.label))}</div>
      {input("confidence", "confidence")}
      {result ? (
        <dl className={styles.results} aria-live="polite" data-testid="ab-results">
          {rows.map(([label, value]) => (
            <div key={label} style={{ display: "contents" }}>
              <dt className={styles.dt}>{t(label)}</dt>
              <dd className={styles.dd} data-testid={`ab-${label}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <Text role="alert">{t("abInvalid")}</Text>
      )}
    </div>
  );
}
