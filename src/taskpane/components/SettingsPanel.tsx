/**
 * Every rule threshold and warning colour, editable and validated by the core's validateConfig (the same
 * check as the CLI's --config). A bad value shows its message next to the field and disables Save.
 * Saved in the workbook, so a colleague who opens the file gets the same rules.
 */
import { useMemo, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  PALETTES,
  PALETTE_NAMES,
  WARNING_COLOURS,
  paletteOf,
  type PaletteName,
  type WarningColour,
} from "../../core/colours";
import { CONFIG_CHOICES, CONFIG_FIELDS } from "../../core/rules/catalog";
import { DEFAULT_CONFIG, validateConfig } from "../../core/rules/config";
import type { RulesConfig } from "../../core/rules/types";
import { parseDecimal } from "../../core/table/values";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: tokens.spacingVerticalS },
  // Long option labels must not widen the form past a 270 px pane: the select shrinks and its text is cut.
  choiceField: { minWidth: 0 },
  choice: { minWidth: 0, maxWidth: "100%" },
  choiceElement: { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
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
  for (const c of CONFIG_CHOICES) d[c.name] = String(config[c.name]);
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
  for (const { name } of CONFIG_CHOICES) input[name] = d[name];
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
      {CONFIG_CHOICES.map((c) => (
        <Field key={c.name} label={c.paneLabel[lang]} size="small" className={styles.choiceField}>
          <Select
            className={styles.choice}
            select={{ className: styles.choiceElement }}
            size="small"
            name={c.name}
            disabled={disabled}
            value={draft[c.name]}
            onChange={(_, data) => set(c.name, data.value)}
          >
            {c.options.map((o) => (
              <option key={o} value={o}>
                {c.optionLabels[o][lang]}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Field label={t("paletteLabel")} size="small" className={styles.choiceField}>
        <Select
          className={styles.choice}
          select={{ className: styles.choiceElement }}
          size="small"
          name="palette"
          disabled={disabled}
          value={
            paletteOf(
              Object.fromEntries(WARNING_COLOURS.map((c) => [c, draft[`fills.${c}`].trim()])) as Record<
                WarningColour,
                string
              >,
            ) ?? "custom"
          }
          onChange={(_, data) => {
            if (!(PALETTE_NAMES as string[]).includes(data.value)) return;
            const preset = PALETTES[data.value as PaletteName];
            setSaved(false);
            setDraft((d) => ({ ...d, ...Object.fromEntries(WARNING_COLOURS.map((c) => [`fills.${c}`, preset[c]])) }));
          }}
        >
          {PALETTE_NAMES.map((n) => (
            <option key={n} value={n}>
              {t(`palette_${n}`)}
            </option>
          ))}
          <option value="custom" disabled>
            {t("palette_custom")}
          </option>
        </Select>
      </Field>
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
