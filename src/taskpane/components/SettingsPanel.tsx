/**
 * Every rule threshold and warning colour, editable and validated by the core's validateConfig (the same
 * check as the CLI's --config). A bad value shows its message next to the field and disables Save.
 * Saved in the workbook, so a colleague who opens the file gets the same rules.
 *
 * Rates are taken as people write them: "1%", "0.01" or "1" (rule: a number of 1 or more is a percentage, below 1 a
 * fraction). Choices are radio buttons whose labels wrap, so no option is cut at 270–350 px. After a save the panel
 * says that the findings on screen need another Flag.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
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
import { CONFIG_CHOICES, CONFIG_FIELDS, type ConfigField } from "../../core/rules/catalog";
import { DEFAULT_CONFIG, validateConfig } from "../../core/rules/config";
import type { RulesConfig } from "../../core/rules/types";
import { useI18n } from "../i18n";
import { parseLocaleNumber } from "../numberInput";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: tokens.spacingVerticalS },
  // The palette select shrinks with a 270 px pane (its longest option, 116 px of text, fits at every width).
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

const isRate = (f: ConfigField) => f.unit === "fraction";

/** A fraction as the box shows it: 0.01 → "1%", 0.3 → "30%" (12 digits, so 0.07 is not "7.000000000000001%"). */
function rateText(x: number): string {
  return `${Number((x * 100).toPrecision(12))}%`;
}

/**
 * A rate as the user writes it → a fraction, or NaN: "1%" → 0.01, "0.01" → 0.01, "1" → 0.01, "30" → 0.3.
 * Rule: a trailing % divides by 100; without it a number of 1 or more is a percentage, below 1 a fraction.
 */
export function parseRate(text: string, locale: string): number {
  const hadPercent = /[%％]\s*$/.test(text);
  const v = parseLocaleNumber(text, locale, { percent: true });
  if (Number.isNaN(v) || hadPercent) return v;
  return v >= 1 ? v / 100 : v;
}

function toDraft(config: RulesConfig): Draft {
  const d: Draft = {};
  for (const f of CONFIG_FIELDS) d[f.name] = isRate(f) ? rateText(config[f.name]) : String(config[f.name]);
  for (const c of CONFIG_CHOICES) d[c.name] = String(config[c.name]);
  for (const c of WARNING_COLOURS) d[`fills.${c}`] = config.fills[c];
  return d;
}

const HEX_COLOUR = /^#?[0-9a-f]{6}$/i;

/** The draft as the plain object validateConfig reads: numbers where the text is a number, the raw text otherwise. */
function draftToInput(d: Draft, locale: string): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of CONFIG_FIELDS) {
    const s = d[f.name].trim();
    const n = isRate(f) ? parseRate(s, locale) : parseLocaleNumber(s, locale);
    input[f.name] = Number.isNaN(n) ? s : n;
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
  /** Shows the Analyze tab, where Flag applies the saved settings; offered after a save. */
  onShowAnalyze?: () => void;
  /** How the user writes numbers (navigator.language by default). */
  numberLocale?: string;
}

export function SettingsPanel({ config, onSave, disabled, onShowAnalyze, numberLocale }: SettingsPanelProps) {
  const styles = useStyles();
  const { t, lang, locale } = useI18n();
  const numbers = numberLocale || (typeof navigator !== "undefined" ? navigator.language : "") || locale;
  const [draft, setDraft] = useState<Draft>(() => toDraft(config));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);

  // Save sits at the bottom of a long form: bring "Flag again to apply" into view rather than below the fold.
  useEffect(() => {
    if (saved) savedRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [saved]);

  const { valid, messages } = useMemo(() => {
    const { config: checked, errors } = validateConfig(draftToInput(draft, numbers));
    const msgs: Record<string, string> = {};
    for (const e of errors) {
      const field = CONFIG_FIELDS.find((f) => f.name === e.field);
      // The core's message asks for a fraction (the CLI's JSON); the pane takes a rate as people write it.
      const message =
        field && isRate(field)
          ? t("rateProblem", { name: field.label[lang], min: rateText(field.min), max: rateText(field.max) })
          : e.message[lang];
      if (!msgs[e.field]) msgs[e.field] = message;
    }
    return { valid: errors.length === 0 ? checked : null, messages: msgs };
  }, [draft, lang, numbers, t]);

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

  // "Write 1%, 0.01 or 1": the bare number only where the rule reads it as that rate (1% and up).
  const rateHint = (x: number) => {
    const points = Number((x * 100).toPrecision(12));
    return points >= 1
      ? t("rateHint", { percent: rateText(x), fraction: String(x), number: String(points) })
      : t("rateHintSmall", { percent: rateText(x), fraction: String(x) });
  };

  const field = (key: string, label: string, swatch?: WarningColour, hint?: string) => {
    const msg = messages[key];
    return (
      <Field
        key={key}
        label={label}
        validationState={msg ? "error" : "none"}
        validationMessage={msg}
        hint={msg ? undefined : hint}
        size="small"
      >
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
      aria-labelledby="settings-title"
    >
      <Subtitle2 as="h2" id="settings-title" className={styles.heading}>
        {t("settingsTitle")}
      </Subtitle2>
      {CONFIG_FIELDS.map((f) =>
        field(f.name, f.paneLabel[lang], undefined, isRate(f) ? rateHint(f.default) : undefined),
      )}
      {CONFIG_CHOICES.map((c) => (
        <Field key={c.name} label={c.paneLabel[lang]} size="small" className={styles.choiceField}>
          <RadioGroup
            name={c.name}
            disabled={disabled}
            value={draft[c.name]}
            onChange={(_, data) => set(c.name, data.value)}
          >
            {c.options.map((o) => (
              <Radio key={o} value={o} label={c.optionLabels[o][lang]} />
            ))}
          </RadioGroup>
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
        <MessageBar ref={savedRef} intent="success" layout="multiline" data-testid="settings-saved">
          <MessageBarBody>{t("settingsSaved")}</MessageBarBody>
          {onShowAnalyze && (
            <MessageBarActions>
              <Button size="small" onClick={onShowAnalyze}>
                {t("goToAnalyze")}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </form>
  );
}
