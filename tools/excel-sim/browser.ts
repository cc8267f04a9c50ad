/**
 * Browser entry of the simulated host, for `npm run preview` and the e2e tests: loaded in place of office.js, it
 * installs `Office`, `Excel` and `OfficeExtension` on window before the pane script runs, and exposes the
 * inspector as `window.__simHost` (for the preview grid and the tests).
 *
 * The workbook is `window.__GS_SIM_WORKBOOK__` when a page defines it first, else the sample report
 * (sample.ts). URL parameters: simRows=100000 (a large report instead), simLang=zh-CN (Office's display
 * language), simDelay=20 (milliseconds per sync, to watch progress), simTheme=dark or light (Office.context.officeTheme,
 * Office's Black/Dark Gray or White theme colours; without it officeTheme is undefined, as on hosts without themes).
 */
import { installSimulatedOffice, type SimHost, type SimOptions, type SimWorkbookInit } from "./index";
import { createCustomFunctions, type SimCustomFunctions } from "./customFunctions";
import { sampleWorkbook } from "./sample";

declare global {
  interface Window {
    __GS_SIM_WORKBOOK__?: SimWorkbookInit;
    __GS_SIM_OPTIONS__?: SimOptions;
    __simHost?: SimHost;
  }
}

const params = new URLSearchParams(window.location.search);
const workbook = window.__GS_SIM_WORKBOOK__ ?? sampleWorkbook(Number(params.get("simRows")) || 0);
const sim = installSimulatedOffice(window, workbook, {
  displayLanguage: params.get("simLang") ?? undefined,
  syncDelayMs: Number(params.get("simDelay")) || 0,
  ...window.__GS_SIM_OPTIONS__,
});
window.__simHost = sim.host;

/** Office.context.officeTheme as Office reports its themes: "#RRGGBB" colours and isDarkTheme. */
type SimOfficeTheme = Pick<
  Office.OfficeTheme,
  "bodyBackgroundColor" | "bodyForegroundColor" | "controlBackgroundColor" | "controlForegroundColor" | "isDarkTheme"
>;
const OFFICE_THEMES: Record<string, SimOfficeTheme> = {
  dark: {
    bodyBackgroundColor: "#292929",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#1F1F1F",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#000000",
    isDarkTheme: false,
  },
};
const officeTheme = OFFICE_THEMES[params.get("simTheme") ?? ""];
if (officeTheme) Object.defineProperty(sim.Office.context, "officeTheme", { value: officeTheme, enumerable: true });
// office.js also defines the shared runtime's CustomFunctions namespace, used by functions.js at start-up.
(window as unknown as { CustomFunctions: SimCustomFunctions }).CustomFunctions = createCustomFunctions();
