/**
 * Rule thresholds and colours: the seed article's defaults, and the one validator used by the CLI's --config and
 * the task pane's settings panel.
 */
import type { WarningColour } from "../colours";
import { DEFAULT_FILLS, PALETTES, PALETTE_NAMES, WARNING_COLOURS, type PaletteName } from "../colours";
import { parseDecimal } from "../table/values";
import { CONFIG_CHOICES, CONFIG_FIELDS, type ChoiceField, type ConfigField, type ConfigFieldName } from "./catalog";
import type { Bilingual, RulesConfig } from "./types";

/**
 * The seed's three-colour warning system: yellow when ROI stays below the benchmark 3 days running; orange when the
 * complaint rate tops 1% in a day or traffic drops more than 30%; red when repurchase falls 2 weeks running or
 * LTV/CAC stays below 1.5 for 2 weeks. The numbers are the catalogue's defaults.
 */
export const DEFAULT_CONFIG: RulesConfig = Object.freeze({
  ...Object.fromEntries(CONFIG_FIELDS.map((f) => [f.name, f.default])),
  ...Object.fromEntries(CONFIG_CHOICES.map((c) => [c.name, c.default])),
  fills: Object.freeze({ ...DEFAULT_FILLS }) as Record<WarningColour, string>,
}) as RulesConfig;

type NumericField = ConfigFieldName;

const FIELD_RULES = new Map<string, ConfigField>(CONFIG_FIELDS.map((f) => [f.name, f]));
const CHOICE_RULES = new Map<string, ChoiceField>(CONFIG_CHOICES.map((c) => [c.name, c]));

export const CONFIG_FIELD_LABELS: Readonly<Record<keyof RulesConfig, Bilingual>> = {
  ...Object.fromEntries(CONFIG_FIELDS.map((f) => [f.name, f.label])),
  ...Object.fromEntries(CONFIG_CHOICES.map((c) => [c.name, c.label])),
  fills: { en: "Fill colors", zh: "填充颜色" },
} as Record<keyof RulesConfig, Bilingual>;

const COLOUR_NAMES: Record<WarningColour, Bilingual> = {
  yellow: { en: "Yellow fill", zh: "黄色填充" },
  orange: { en: "Orange fill", zh: "橙色填充" },
  red: { en: "Red fill", zh: "红色填充" },
};

const HEX = /^#?([0-9a-fA-F]{6})$/;

export interface ConfigError {
  field: string;
  message: Bilingual;
}

function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  if (v === null || v === undefined || typeof v === "number" || typeof v === "boolean") return String(v);
  return Array.isArray(v) ? "a list" : "an object";
}

function rangeText(r: ConfigField): Bilingual {
  const kind = r.integer ? { en: "a whole number", zh: "整数" } : { en: "a number", zh: "数字" };
  const lo = r.minExclusive
    ? { en: `greater than ${r.min}`, zh: `大于 ${r.min}` }
    : { en: `at least ${r.min}`, zh: `不小于 ${r.min}` };
  const hi = r.maxExclusive
    ? { en: `less than ${r.max}`, zh: `小于 ${r.max}` }
    : { en: `at most ${r.max}`, zh: `不大于 ${r.max}` };
  return { en: `${kind.en} ${lo.en} and ${hi.en}`, zh: `${lo.zh}且${hi.zh}的${kind.zh}` };
}

/** A number or a plain numeric string ("1.5", as a text box gives it); NaN otherwise. */
function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  return typeof v === "string" ? parseDecimal(v) : NaN;
}

function checkNumber(field: NumericField, v: unknown): { value?: number; error?: ConfigError } {
  const r = FIELD_RULES.get(field) as ConfigField;
  const n = toNumber(v);
  const ok =
    Number.isFinite(n) &&
    (!r.integer || Number.isInteger(n)) &&
    (r.minExclusive ? n > r.min : n >= r.min) &&
    (r.maxExclusive ? n < r.max : n <= r.max);
  if (ok) return { value: n };
  const range = rangeText(r);
  return {
    error: {
      field,
      message: {
        en: `${r.label.en} must be ${range.en} (got ${show(v)}).${r.hint?.en ?? ""}`,
        zh: `${r.label.zh}必须是${range.zh}（当前为 ${show(v)}）。${r.hint?.zh ?? ""}`,
      },
    },
  };
}

/**
 * Checks settings from a file or a form. Missing fields take the defaults; a bad field is reported (in English and
 * Chinese) and takes its default too, so `config` is always usable. Numbers may be numeric strings; colours are
 * "#RRGGBB" (returned upper case). Unknown fields are reported (a typo would otherwise be silently ignored), except
 * names starting with "$" such as "$schema".
 */
export function validateConfig(input: unknown): { config: RulesConfig; errors: ConfigError[] } {
  const config: RulesConfig = { ...DEFAULT_CONFIG, fills: { ...DEFAULT_CONFIG.fills } };
  const errors: ConfigError[] = [];
  if (input === undefined || input === null) return { config, errors };
  if (typeof input !== "object" || Array.isArray(input)) {
    errors.push({
      field: "",
      message: {
        en: `Settings must be an object such as {"roiBenchmark": 1.5} (got ${show(input)}).`,
        zh: `设置必须是一个对象，例如 {"roiBenchmark": 1.5}（当前为 ${show(input)}）。`,
      },
    });
    return { config, errors };
  }
  const obj = input as Record<string, unknown>;
  // A named palette first, so "fills" given beside it refine the preset whatever the key order.
  if (obj.palette !== undefined) checkPalette(obj.palette, config, errors);
  for (const [key, v] of Object.entries(obj)) {
    if (key === "palette") continue;
    if (key === "fills") {
      checkFills(v, config, errors);
    } else if (CHOICE_RULES.has(key)) {
      if (v === undefined) continue;
      const c = CHOICE_RULES.get(key) as ChoiceField;
      if (typeof v === "string" && c.options.includes(v)) (config as unknown as Record<string, string>)[key] = v;
      else {
        const list = c.options.map((o) => `"${o}"`).join(", ");
        errors.push({
          field: key,
          message: {
            en: `${c.label.en} must be one of ${list} (got ${show(v)}).`,
            zh: `${c.label.zh}必须是 ${list} 之一（当前为 ${show(v)}）。`,
          },
        });
      }
    } else if (FIELD_RULES.has(key)) {
      if (v === undefined) continue;
      const { value, error } = checkNumber(key as NumericField, v);
      if (error) errors.push(error);
      else config[key as NumericField] = value as number;
    } else if (!key.startsWith("$")) {
      errors.push({
        field: key,
        message: {
          en: `Unknown setting "${key}" (ignored). Known settings: ${Object.keys(CONFIG_FIELD_LABELS).join(", ")}.`,
          zh: `未知的设置项 "${key}"（已忽略）。可用设置项：${Object.keys(CONFIG_FIELD_LABELS).join("、")}。`,
        },
      });
    }
  }
  return { config, errors };
}

/** "palette": "seed" | "okabe-ito" (src/core/colours.ts PALETTES) sets the three fills. */
function checkPalette(v: unknown, config: RulesConfig, errors: ConfigError[]): void {
  if (typeof v === "string" && (PALETTE_NAMES as readonly string[]).includes(v)) {
    config.fills = { ...PALETTES[v as PaletteName] };
    return;
  }
  errors.push({
    field: "palette",
    message: {
      en: `Palette must be one of ${PALETTE_NAMES.map((n) => `"${n}"`).join(", ")} (got ${show(v)}).`,
      zh: `调色板必须是 ${PALETTE_NAMES.map((n) => `"${n}"`).join("、")} 之一（当前为 ${show(v)}）。`,
    },
  });
}

function checkFills(v: unknown, config: RulesConfig, errors: ConfigError[]): void {
  if (v === undefined) return;
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    errors.push({
      field: "fills",
      message: {
        en: `Fill colors must be an object such as {"red": "#FF7C80"} (got ${show(v)}).`,
        zh: `填充颜色必须是一个对象，例如 {"red": "#FF7C80"}（当前为 ${show(v)}）。`,
      },
    });
    return;
  }
  const fills = v as Record<string, unknown>;
  for (const [key, c] of Object.entries(fills)) {
    if (!(WARNING_COLOURS as readonly string[]).includes(key)) {
      errors.push({
        field: `fills.${key}`,
        message: {
          en: `Unknown fill color "${key}" (ignored); use yellow, orange or red.`,
          zh: `未知的填充颜色 "${key}"（已忽略）；可用 yellow、orange、red。`,
        },
      });
      continue;
    }
    const colour = key as WarningColour;
    const m = typeof c === "string" ? HEX.exec(c.trim()) : null;
    if (m) config.fills[colour] = `#${m[1].toUpperCase()}`;
    else if (c !== undefined)
      errors.push({
        field: `fills.${colour}`,
        message: {
          en: `${COLOUR_NAMES[colour].en} must be a color written #RRGGBB, e.g. "${DEFAULT_FILLS[colour]}" (got ${show(c)}).`,
          zh: `${COLOUR_NAMES[colour].zh}必须写成 #RRGGBB 格式，例如 "${DEFAULT_FILLS[colour]}"（当前为 ${show(c)}）。`,
        },
      });
  }
}
