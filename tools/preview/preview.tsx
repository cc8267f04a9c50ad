/**
 * The browser preview (npm run preview → /preview.html): the simulated workbook as a grid next to the real task
 * pane, which talks to it through the real Excel adapter and the simulated Office.js host. No Excel, no network.
 * office-sim.js's URL parameters work here too: ?simRows=100000 (a large report), ?simLang=zh-CN, ?simDelay=50,
 * ?simTheme=dark (Office's dark theme: the pane follows Office.context.officeTheme as in Excel, and so does the page).
 */
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { createExcelGateway } from "../../src/taskpane/excel/adapter";
import { browserRulesRunner } from "../../src/taskpane/excel/browserRules";
import { pickLocale } from "../../src/taskpane/i18n";
import { officeIsDark } from "../../src/taskpane/theme";
import type { SimHost } from "../excel-sim";
import { WorkbookGrid } from "./WorkbookGrid";

// office-sim.js (loaded first by preview.html) installed the simulated Office.js globals and its inspector.
const host = window.__simHost;

const useStaticStyles = makeStaticStyles({ body: { margin: 0 } });
const useStyles = makeStyles({
  page: {
    display: "flex",
    height: "100vh",
    boxSizing: "border-box",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  grid: { flexGrow: 1, minWidth: 0 },
  pane: {
    width: "360px",
    flexShrink: 0,
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** Office's theme as the pane's entry (src/taskpane/index.tsx) reads it: officeTheme throws on hosts without themes. */
function officeTheme(): Office.OfficeTheme | undefined {
  try {
    return Office.context.officeTheme;
  } catch {
    return undefined;
  }
}

function Preview({ host, dark }: { host: SimHost; dark: boolean }) {
  useStaticStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={styles.page}>
        <section className={styles.grid} aria-label="Simulated workbook">
          <WorkbookGrid host={host} />
        </section>
        {/* Not a landmark: the pane's own <main> must stay a top-level landmark (axe landmark-main-is-top-level). */}
        <div className={styles.pane} data-testid="preview-pane">
          <App
            gateway={createExcelGateway({ runRules: browserRulesRunner() })}
            initialLocale={pickLocale(Office.context.displayLanguage)}
            dark={dark}
          />
        </div>
      </div>
    </FluentProvider>
  );
}

const root = document.getElementById("root");
if (root) {
  if (host) createRoot(root).render(<Preview host={host} dark={officeIsDark(officeTheme())} />);
  else root.textContent = "office-sim.js did not load: run `npm run preview` (it builds build/preview/ and serves it).";
}
