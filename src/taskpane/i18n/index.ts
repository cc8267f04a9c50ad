/**
 * The pane's language: en-US or zh-CN, following Office's display language and switchable in the pane.
 * `t(key, vars)` fills "{name}" placeholders with plain text (never HTML).
 */
import { createContext, useContext } from "react";
import { enUS, type StringKey, type Strings } from "./en-US";
import { zhCN } from "./zh-CN";

export type Locale = "en-US" | "zh-CN";
export type { StringKey, Strings };

const TABLES: Record<Locale, Strings> = { "en-US": enUS, "zh-CN": zhCN };

/** "zh", "zh-CN", "zh-TW"… → zh-CN; anything else → en-US. */
export function pickLocale(displayLanguage: string | undefined | null): Locale {
  return displayLanguage && /^zh\b/i.test(displayLanguage.trim()) ? "zh-CN" : "en-US";
}

/** The core's bilingual records ({ en, zh }) are keyed by this. */
export function coreLang(locale: Locale): "en" | "zh" {
  return locale === "zh-CN" ? "zh" : "en";
}

export function translate(locale: Locale, key: StringKey, vars?: Record<string, string | number>): string {
  const template = TABLES[locale][key] ?? enUS[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

/** Keys with plural forms: `${base}_one`, `${base}_other` (and any other Intl.PluralRules category present). */
export type PluralBase = {
  [K in StringKey]: K extends `${infer B}_other` ? B : never;
}[StringKey];

/**
 * A count in words: the form Intl.PluralRules picks for `n` in the UI locale ("1 cell", "42 cells"), with `{n}`
 * written by Intl.NumberFormat ("1,234").
 */
export function plural(
  locale: Locale,
  base: PluralBase,
  n: number,
  vars: Record<string, string | number> = {},
): string {
  const category = new Intl.PluralRules(locale).select(n);
  const table = TABLES[locale] as Record<string, string>;
  const key = (`${base}_${category}` in table ? `${base}_${category}` : `${base}_other`) as StringKey;
  return translate(locale, key, { ...vars, n: new Intl.NumberFormat(locale).format(n) });
}

export interface I18n {
  locale: Locale;
  lang: "en" | "zh";
  t: Translate;
  /** Plural-aware count text, see plural(). */
  tn: (base: PluralBase, n: number, vars?: Record<string, string | number>) => string;
}

export function makeI18n(locale: Locale): I18n {
  return {
    locale,
    lang: coreLang(locale),
    t: (key, vars) => translate(locale, key, vars),
    tn: (base, n, vars) => plural(locale, base, n, vars),
  };
}

export const I18nContext = createContext<I18n>(makeI18n("en-US"));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
