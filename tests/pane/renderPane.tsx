/** Renders a pane component inside the providers the pane uses (Fluent theme, i18n). */
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { I18nContext, makeI18n, type Locale } from "../../src/taskpane/i18n";

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one. A no-op stand-in is enough here.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export function renderPane(ui: ReactElement, locale: Locale = "en-US") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n(locale)}>{ui}</I18nContext.Provider>
    </FluentProvider>,
  );
}
