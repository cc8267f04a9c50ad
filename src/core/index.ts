/**
 * The public core API: pure TypeScript shared by the task pane, the custom functions and the CLI.
 */
export * from "./rules/types";
export * from "./colours";
export * from "./a1";
export * from "./state";
export * from "./flagPlan";
export * from "./overlay";
export * from "./overlayState";
export { detectColumns, hasMetricColumn, normaliseHeader, recogniseHeader } from "./table/headers";
export { findHeaderRow, findTable, type FoundTable, type FindTableOptions } from "./table/findTable";
export { parseNumber, parseNumberText } from "./table/values";
export { parseDay, dayFromSerial, dayFromText, formatIsoDay, isoWeekIndex } from "./table/dates";
export { DEFAULT_CONFIG, validateConfig, CONFIG_FIELD_LABELS, type ConfigError } from "./rules/config";
export { runRules, type RunOptions } from "./rules/engine";
export * from "./i18n/rules";
export * from "./rules/catalog";
export { formatNumber, formatPercent } from "./i18n/format";
export { buildReport, type ReportSheet, type ReportTable } from "./report";
// The statistics (./stats) and the GROWTH metrics (./metrics) are imported from their own modules, so the
// custom-functions bundle takes only what it uses.
