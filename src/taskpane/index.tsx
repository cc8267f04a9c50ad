/** Task pane entry: waits for Office, picks the language and theme from Office, renders the pane. */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createExcelGateway } from "./excel/adapter";
import { browserRulesRunner } from "./excel/browserRules";
import { pickLocale } from "./i18n";
import { officeIsDark } from "./theme";

function start(): void {
  const context = typeof Office !== "undefined" ? Office.context : undefined;
  let theme: Office.OfficeTheme | undefined;
  try {
    theme = context?.officeTheme;
  } catch {
    theme = undefined; // officeTheme throws on hosts without theme support.
  }
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <App
      // The engine runs off the main thread, so a long run keeps the pane responsive and Cancel immediate.
      gateway={createExcelGateway({ runRules: browserRulesRunner() })}
      initialLocale={pickLocale(context?.displayLanguage)}
      dark={officeIsDark(theme)}
    />,
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => start());
} else {
  start();
}
