/**
 * The one documented format in which Growth Signals keeps its state inside a workbook, shared by the
 * CLI and the task pane (a workbook flagged by one can be cleared by the other).
 *
 * It is a custom XML part (namespace STATE_NAMESPACE) whose root element holds JSON text:
 *
 *   <state xmlns="urn:growth-signals:state:v1" version="1">{ …GrowthSignalsState as JSON… }</state>
 *
 * - settings: the rule thresholds and colours, so a colleague who opens the file gets the same rules.
 * - settingsSaved: true once a user saved those settings on purpose (the pane's Settings → Save). Clear keeps
 *   such settings in a settings-only part; otherwise Clear removes the part, so flag → clear gives back the
 *   workbook exactly as it was.
 * - originals: the fill every coloured cell had before Growth Signals coloured it.
 * - addedSheets: the sheets Growth Signals added (the visible "Growth Signals" report), removed by Clear.
 */
import type { RulesConfig } from "./rules/types";
import { escapeXmlText, unescapeXml } from "./xml";

export const STATE_NAMESPACE = "urn:growth-signals:state:v1";
export const REPORT_SHEET_NAME = "Growth Signals";

/** A cell's fill as it was. "none" is no fill (not white: a white fill hides gridlines). */
export type SavedFill =
  | { pattern: "none" }
  | { pattern: "solid"; color: string; tintAndShade?: number }
  /** Any other pattern (gray125, darkGrid…), with its colours when known. */
  | { pattern: string; color?: string; patternColor?: string; tintAndShade?: number };

export interface SavedCell {
  sheet: string;
  /** A1 address of one cell, e.g. "E5". */
  address: string;
  fill: SavedFill;
  /** CLI only: the cell's original style index (the `s` attribute), restored exactly when present. */
  xf?: number;
  /** CLI only: the cell carried an explicit s="0" (xf 0 otherwise means no `s` attribute, as Excel writes it). */
  xfExplicit?: true;
}

export interface GrowthSignalsState {
  version: 1;
  settings?: RulesConfig;
  settingsSaved?: boolean;
  originals: SavedCell[];
  addedSheets: string[];
  /** ISO timestamp of the last flag. */
  flaggedAt?: string;
}

export function emptyState(settings?: RulesConfig): GrowthSignalsState {
  return { version: 1, settings, originals: [], addedSheets: [] };
}

export function serializeState(state: GrowthSignalsState): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<state xmlns="${STATE_NAMESPACE}" version="1">${escapeXmlText(JSON.stringify(state))}</state>`
  );
}

/** Reads a state part; null when the XML is not a Growth Signals state of a known version. */
export function parseState(xml: string): GrowthSignalsState | null {
  const m = /<(?:\w+:)?state\b[^>]*>([\s\S]*)<\/(?:\w+:)?state>/.exec(xml);
  if (!m || !xml.includes(STATE_NAMESPACE)) return null;
  try {
    const raw = JSON.parse(unescapeXml(m[1])) as Partial<GrowthSignalsState>;
    if (raw.version !== 1 || !Array.isArray(raw.originals)) return null;
    return {
      version: 1,
      settings: raw.settings,
      ...(raw.settingsSaved === true ? { settingsSaved: true } : {}),
      originals: raw.originals,
      addedSheets: Array.isArray(raw.addedSheets) ? raw.addedSheets : [],
      flaggedAt: raw.flaggedAt,
    };
  } catch {
    return null;
  }
}

/**
 * What Clear leaves of a state: the settings a user saved on purpose, as a settings-only state, or nothing
 * (null: remove the part).
 */
export function stateAfterClear(state: GrowthSignalsState): GrowthSignalsState | null {
  return state.settingsSaved && state.settings ? { ...emptyState(state.settings), settingsSaved: true } : null;
}
