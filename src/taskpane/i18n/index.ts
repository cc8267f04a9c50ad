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

export interface I18n {
  locale: Locale;
  lang: "en" | "zh";
  t: Translate;
}

export function makeI18n(locale: Locale): I18n {
  return { locale, lang: coreLang(locale), t: (key, vars) => translate(locale, key, vars) };
}

export const I18nContext = createContext<I18n>(makeI18n("en-US"));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
