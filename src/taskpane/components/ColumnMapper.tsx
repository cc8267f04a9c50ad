/**
 * The columns recognised in a selected table, each with a dropdown to re-map its role
 * (date, channel, ROI, complaint rate, repurchase rate, LTV/CAC, traffic, or not used).
 * Giving a role to one column takes it away from any other column.
 */
import { Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
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

export interface ColumnMapperProps {
  header: CellValue[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  disabled?: boolean;
}

export function ColumnMapper({ header, mapping, onChange, disabled }: ColumnMapperProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const roleLabel = (r: ColumnRole | undefined) => (r ? COLUMN_NAMES[r][lang] : t("roleNone"));
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
    </div>
  );
}
