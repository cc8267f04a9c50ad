/**
 * The Growth Signals task pane: Analyse, Settings and Functions tabs, in en-US or zh-CN, themed like Office.
 * The first screen is the Analyze tab; Settings and Functions load from their own chunks when first wanted
 * (lazyPart.tsx), so the first load stays within its budget (issue 19, `npm run bench -- bundle`).
 */
import { useEffect, useMemo, useState } from "react";
import {
  AriaLiveAnnouncer,
  FluentProvider,
  Select,
  Subtitle1,
  Tab,
  TabList,
  makeStaticStyles,
  makeStyles,
  tokens,
  useId,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { DEFAULT_CONFIG } from "../core/rules/config";
import type { RulesConfig } from "../core/rules/types";
import type { ExcelGateway } from "./excel/types";
import { AnalyseTab } from "./components/AnalyseTab";
import type { FunctionsTabProps } from "./components/FunctionsTab";
import type { SettingsPanelProps } from "./components/SettingsPanel";
import { I18nContext, makeI18n, type Locale } from "./i18n";
import { lazyPart } from "./lazyPart";

const settingsPart = lazyPart<SettingsPanelProps>(
  async () => (await import(/* webpackChunkName: "pane-settings" */ "./components/SettingsPanel")).SettingsPanel,
);
const functionsPart = lazyPart<FunctionsTabProps>(
  async () => (await import(/* webpackChunkName: "pane-functions" */ "./components/FunctionsTab")).FunctionsTab,
);
const PRELOAD: Partial<Record<TabName, () => void>> = {
  settings: settingsPart.preload,
  functions: functionsPart.preload,
};

const useStaticStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  // The title stays on one line down to 270 px; the language switch keeps its label for screen readers only.
  title: { margin: 0, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", minWidth: 0 },
  lang: { display: "flex", alignItems: "center", flexShrink: 0 },
  hiddenLabel: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  select: { width: "96px" },
});

export interface AppProps {
  gateway: ExcelGateway;
  initialLocale?: Locale;
  dark?: boolean;
}

type TabName = "analyse" | "settings" | "functions";

export function App({ gateway, initialLocale = "en-US", dark = false }: AppProps) {
  useStaticStyles();
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [tab, setTab] = useState<TabName>("analyse");
  // A tab's content mounts when it is first opened and stays (its inputs keep what the user typed).
  const [opened, setOpened] = useState<ReadonlySet<TabName>>(() => new Set(["analyse"]));
  const [config, setConfig] = useState<RulesConfig>(DEFAULT_CONFIG);
  const [configVersion, setConfigVersion] = useState(0);
  const i18n = useMemo(() => makeI18n(locale), [locale]);
  const { t } = i18n;
  const langId = useId("lang");

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    let live = true;
    gateway
      .loadSettings()
      .then((saved) => {
        if (live && saved) {
          setConfig(saved);
          setConfigVersion((v) => v + 1);
        }
      })
      .catch(() => undefined); // No saved settings readable: the defaults apply.
    return () => {
      live = false;
    };
  }, [gateway]);

  const saveSettings = async (next: RulesConfig) => {
    await gateway.saveSettings(next);
    setConfig(next);
  };

  const openTab = (name: TabName) => {
    setTab(name);
    setOpened((o) => (o.has(name) ? o : new Set(o).add(name)));
  };
  /** Pointing at or focusing a tab starts its import, so it is usually in by the click. */
  const warm = (name: TabName) => ({ onPointerEnter: PRELOAD[name], onFocus: PRELOAD[name] });

  const panel = (name: TabName) => ({
    role: "tabpanel",
    id: `panel-${name}`,
    "aria-labelledby": `tab-${name}`,
    hidden: tab !== name,
  });

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <AriaLiveAnnouncer>
        <I18nContext.Provider value={i18n}>
          <main className={styles.root} data-testid="pane-ready">
            <header className={styles.header}>
              <Subtitle1 as="h1" className={styles.title}>
                {t("appTitle")}
              </Subtitle1>
              <span className={styles.lang}>
                <label htmlFor={langId} className={styles.hiddenLabel}>
                  {t("language")}
                </label>
                <Select
                  id={langId}
                  className={styles.select}
                  size="small"
                  value={locale}
                  onChange={(_, d) => setLocale(d.value as Locale)}
                >
                  <option value="en-US">English</option>
                  <option value="zh-CN">中文</option>
                </Select>
              </span>
            </header>
            <TabList
              selectedValue={tab}
              onTabSelect={(_, d) => openTab(d.value as TabName)}
              aria-label={t("tabsLabel")}
              size="small"
            >
              <Tab value="analyse" id="tab-analyse" aria-controls="panel-analyse">
                {t("tabAnalyse")}
              </Tab>
              <Tab value="settings" id="tab-settings" aria-controls="panel-settings" {...warm("settings")}>
                {t("tabSettings")}
              </Tab>
              <Tab value="functions" id="tab-functions" aria-controls="panel-functions" {...warm("functions")}>
                {t("tabFunctions")}
              </Tab>
            </TabList>
            <div {...panel("analyse")}>
              <AnalyseTab gateway={gateway} config={config} />
            </div>
            <div {...panel("settings")}>
              {opened.has("settings") && (
                <settingsPart.View
                  key={configVersion}
                  name={t("partSettings")}
                  config={config}
                  onSave={saveSettings}
                  onShowAnalyze={() => openTab("analyse")}
                />
              )}
            </div>
            <div {...panel("functions")}>
              {opened.has("functions") && (
                <functionsPart.View
                  name={t("partFunctions")}
                  insert={(f, overwrite) => gateway.insertFormula(f, { overwrite })}
                />
              )}
            </div>
          </main>
        </I18nContext.Provider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
