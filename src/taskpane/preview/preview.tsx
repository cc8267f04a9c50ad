/**
 * The browser preview (npm run preview → /preview.html): the simulated workbook as a grid next to the real task
 * pane, which talks to it through the real Excel adapter and the simulated Office.js host. No Excel, no network.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, makeStaticStyles, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { installSimulatedOffice } from "../sim";
import { App } from "../App";
import { createExcelGateway } from "../excel/adapter";
import { pickLocale } from "../i18n";
import { sampleWorkbook } from "./sampleData";
import { WorkbookGrid } from "./WorkbookGrid";

// A short delay per sync so the progress bar is visible, as it would be against a real workbook.
const sim = installSimulatedOffice(globalThis, sampleWorkbook(), { syncDelayMs: 20 });
// For the browser tests and the curious: the simulated host's inspector.
(globalThis as unknown as { growthSignalsSim: unknown }).growthSignalsSim = sim.host;

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
  },
});

function Preview() {
  useStaticStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <section className={styles.grid} aria-label="Simulated workbook">
          <WorkbookGrid host={sim.host} />
        </section>
        <aside className={styles.pane} aria-label="Growth Signals task pane">
          <App gateway={createExcelGateway()} initialLocale={pickLocale(Office.context.displayLanguage)} />
        </aside>
      </div>
    </FluentProvider>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Preview />);
