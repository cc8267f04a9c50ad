/**
 * Every rule threshold and warning colour, editable and validated by the core's validateConfig (the same
 * check as the CLI's --config). A bad value shows its message next to the field and disables Save.
 * Saved in the workbook, so a colleague who opens the file gets the same rules.
 */
import { useMemo, useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { WARNING_COLOURS, type WarningColour } from "../../core/colours";
import { CONFIG_FIELDS } from "../../core/rules/catalog";
import { DEFAULT_CONFIG, validateConfig } from "../../core/rules/config";
import type { RulesConfig } from "../../core/rules/types";
import { parseDecimal } from "../../core/table/values";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: tokens.spacingVerticalS },
  swatch: {
    width: "16px",
    height: "16px",
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
});

type Draft = Record<string, string>;

function toDraft(config: RulesConfig): Draft {
  const d: Draft = {};
  for (const f of CONFIG_FIELDS) d[f.name] = String(config[f.name]);
  for (const c of WARNING_COLOURS) d[`fills.${c}`] = config.fills[c];
  return d;
}

const HEX_COLOUR = /^#?[0-9a-f]{6}$/i;

/** The draft as the plain object validateConfig reads: numbers where the text is a number, the raw text otherwise. */
function draftToInput(d: Draft): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const { name } of CONFIG_FIELDS) {
    const s = d[name].trim();
    const n = parseDecimal(s);
    input[name] = Number.isNaN(n) ? s : n;
  }
  const fills: Record<string, string> = {};
  for (const c of WARNING_COLOURS) fills[c] = d[`fills.${c}`].trim();
  input.fills = fills;
  return input;
}

export interface SettingsPanelProps {
  config: RulesConfig;
  onSave: (config: RulesConfig) => Promise<void>;
  disabled?: boolean;
}

export function SettingsPanel({ config, onSave, disabled }: SettingsPanelProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => toDraft(config));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const { valid, messages } = useMemo(() => {
    const { config: checked, errors } = validateConfig(draftToInput(draft));
    const msgs: Record<string, string> = {};
    for (const e of errors) {
      if (!msgs[e.field]) msgs[e.field] = e.message[lang];
    }
    return { valid: errors.length === 0 ? checked : null, messages: msgs };
  }, [draft, lang]);

  const set = (key: string, value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const save = async () => {
    if (!valid) return;
    setSaving(true);
    try {
      await onSave(valid);
      setSaved(true);
    } finally {
      setSaving(false);
    }
  };

  const field = (key: string, label: string, swatch?: WarningColour) => {
    const msg = messages[key];
    return (
      <Field key={key} label={label} validationState={msg ? "error" : "none"} validationMessage={msg} size="small">
        <Input
          value={draft[key]}
          onChange={(_, data) => set(key, data.value)}
          inputMode={swatch ? "text" : "decimal"}
          name={key}
          disabled={disabled}
          contentAfter={
            swatch && HEX_COLOUR.test(draft[key].trim()) ? (
              <span
                className={styles.swatch}
                style={{ backgroundColor: `#${draft[key].trim().replace(/^#/, "")}` }}
                aria-hidden="true"
              />
            ) : undefined
          }
        />
      </Field>
    );
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      aria-label={t("settingsTitle")}
    >
      {CONFIG_FIELDS.map((f) => field(f.name, f.paneLabel[lang]))}
      {WARNING_COLOURS.map((c) => field(`fills.${c}`, t(`field_fill_${c}`), c))}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={!valid || saving || disabled}>
          {t("save")}
        </Button>
        <Button type="button" onClick={() => setDraft(toDraft(DEFAULT_CONFIG))} disabled={saving || disabled}>
          {t("resetDefaults")}
        </Button>
      </div>
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{t("settingsSaved")}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
