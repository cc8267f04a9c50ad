/**
 * The columns recognised in a selected table, each with a dropdown to re-map its role
 * (date, channel, ROI, complaint rate, repurchase rate, LTV/CAC, traffic, the counts and amounts behind a metric,
 * or not used). Giving a role to one column takes it away from any other column.
 *
 * Below them, the metrics derived from two columns (ROI = revenue ÷ cost…: core/table/derived.ts), each with a
 * switch: off takes the two roles away (nothing derives it), on gives them back to the columns detection found.
 */
import { Dropdown, Field, Option, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DERIVATIONS, derivedMetrics } from "../../core/table/derived";
import { COLUMN_ROLES, type CellValue, type ColumnMapping, type ColumnRole } from "../../core/rules/types";
import { columnLetters } from "../../core/a1";
import { COLUMN_NAMES } from "../../core/i18n/rules";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "1fr", gap: tokens.spacingVerticalXS },
  dropdown: { minWidth: "0", width: "100%" },
});

const NONE = "none";

export function roleOfColumn(mapping: ColumnMapping, col: number): ColumnRole | undefined {
  return COLUMN_ROLES.find((r) => mapping[r] === col);
}

/** The mapping after giving `role` (or no role) to column `col`. */
export function assignRole(mapping: ColumnMapping, col: number, role: ColumnRole | undefined): ColumnMapping {
  const next: ColumnMapping = {};
  for (const r of COLUMN_ROLES) {
    const c = mapping[r];
    if (c !== undefined && c !== col && r !== role) next[r] = c;
  }
  if (role) next[role] = col;
  return next;
}

function headerText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** The mapping with a derived metric on (its parts as `detected` has them) or off (its parts taken away). */
export function setDerived(
  mapping: ColumnMapping,
  detected: ColumnMapping,
  metric: (typeof DERIVATIONS)[number]["metric"],
  on: boolean,
): ColumnMapping {
  const d = DERIVATIONS.find((x) => x.metric === metric);
  if (!d) return mapping;
  if (!on) {
    const next = { ...mapping };
    delete next[d.numerator];
    delete next[d.denominator];
    return next;
  }
  const a = detected[d.numerator];
  const b = detected[d.denominator];
  if (a === undefined || b === undefined) return mapping;
  return assignRole(assignRole(mapping, a, d.numerator), b, d.denominator);
}

export interface ColumnMapperProps {
  header: CellValue[];
  mapping: ColumnMapping;
  /** What detection found: a derived metric switched off is switched on again with these columns. */
  detected?: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  disabled?: boolean;
}

export function ColumnMapper({ header, mapping, detected, onChange, disabled }: ColumnMapperProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const roleLabel = (r: ColumnRole | undefined) => (r ? COLUMN_NAMES[r][lang] : t("roleNone"));
  const derived = derivedMetrics(mapping);
  const available = detected ? derivedMetrics(detected) : {};
  // a metric shown: derived now, or derivable from what detection found while the table has no column of its own
  const shown = DERIVATIONS.filter(
    (d) => derived[d.metric] !== undefined || (available[d.metric] !== undefined && mapping[d.metric] === undefined),
  );
  const nameOf = (col: number | undefined) =>
    col === undefined ? "" : headerText(header[col]) || t("emptyHeader", { col: columnLetters(col) });
  return (
    <div className={styles.grid}>
      {header.map((cell, col) => {
        const name = headerText(cell) || t("emptyHeader", { col: columnLetters(col) });
        const role = roleOfColumn(mapping, col);
        return (
          <Field key={col} label={name} orientation="horizontal" size="small">
            <Dropdown
              className={styles.dropdown}
              size="small"
              aria-description={t("columnRoleFor", { header: name })}
              disabled={disabled}
              value={roleLabel(role)}
              selectedOptions={[role ?? NONE]}
              onOptionSelect={(_, data) => {
                const v = data.optionValue;
                onChange(assignRole(mapping, col, v && v !== NONE ? (v as ColumnRole) : undefined));
              }}
            >
              <Option value={NONE}>{t("roleNone")}</Option>
              {COLUMN_ROLES.map((r) => (
                <Option key={r} value={r}>
                  {COLUMN_NAMES[r][lang]}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
      {shown.length > 0 && (
        <div role="group" aria-label={t("derivedTitle")} className={styles.grid}>
          <Text size={200} weight="semibold">
            {t("derivedTitle")}
          </Text>
          {shown.map((d) => {
            const parts = derived[d.metric] ?? available[d.metric];
            const vars = {
              metric: COLUMN_NAMES[d.metric][lang],
              numerator: nameOf(parts?.numerator),
              denominator: nameOf(parts?.denominator),
            };
            return (
              <Switch
                key={d.metric}
                data-testid={`derived-${d.metric}`}
                disabled={disabled}
                checked={derived[d.metric] !== undefined}
                label={t("derivedUse", vars)}
                aria-label={t("derivedUseLabel", vars)}
                onChange={(_, data) => onChange(setDerived(mapping, detected ?? {}, d.metric, data.checked))}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}
