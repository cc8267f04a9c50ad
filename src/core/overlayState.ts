/**
 * The workbook state of the overlay design (issue 15 §1), shared by the CLI and the task pane. It is the same custom
 * XML part as before (namespace STATE_NAMESPACE), its root element holding JSON text, now version 2:
 *
 *   <state xmlns="urn:growth-signals:state:v1" version="2">{ …OverlayState as JSON… }</state>
 *
 * The state is a record, not a key: Clear finds our conditional formats by their marker formula and our report
 * sheet by its marker name (src/core/overlay.ts), so a state part a user's tool dropped (openpyxl) or damaged costs
 * nothing but the settings and the fingerprint. What it holds:
 * - settings / settingsSaved: the rules' thresholds and colours, and whether a user saved them on purpose.
 * - rules: what the last flag wrote (sheet as named then, colour, fill, ranges as written) — shown to people and
 *   tools; Clear does not need it.
 * - fingerprint: the flagged rows' fingerprint (overlay.ts), to tell when the table changed since.
 * - findings / findingsCapped: the last flag's findings as runs of periods (findingChanges.ts), so the next flag can
 *   say what is new, continuing or resolved (issue 19); bounded; Clear removes it with the colors.
 * - legacy: what a workbook flagged by the previous release (fills written into the cells, version 1) still owes:
 *   the originals Clear has not been able to put back, and its report sheets. Never dropped until applied.
 *
 * readStatePart validates everything it reads: a part that does not validate is ignored with a sentence, never a
 * crash. Version 1 parts read as a version 2 state whose `legacy` holds their originals.
 */
import { parseRange } from "./a1";
import { DEFAULT_FILLS, WARNING_COLOURS, type WarningColour } from "./colours";
import type { RowsFingerprint } from "./overlay";
import {
  MAX_CHANNEL_KEY,
  MAX_RECORDED_FINDINGS,
  MAX_RECORDED_RUNS,
  parseRun,
  type FindingRecord,
} from "./findingChanges";
import { RULE_IDS, type RuleId } from "./rules/catalog";
import { validateConfig } from "./rules/config";
import type { Bilingual, RulesConfig } from "./rules/types";
import { STATE_NAMESPACE, type SavedCell, type SavedFill } from "./state";
import { escapeXmlText, unescapeXml } from "./xml";

export const STATE_VERSION = 2;

/** A rule the last flag wrote, as it wrote it. */
export interface OverlayRuleRecord {
  /** The sheet's name at flag time (it may have been renamed since). */
  sheet: string;
  colour: WarningColour;
  /** "#RRGGBB". */
  fill: string;
  /** The rule's ranges at flag time, as a SpreadsheetML sqref ("G115:G117 E5:F7"). */
  ranges: string;
}

/** What a workbook flagged by the previous release still owes its user. */
export interface LegacyFlag {
  /** The warning fills that flag wrote ("#RRGGBB"): a cell is restored only while it holds exactly one of them. */
  fills: Record<WarningColour, string>;
  /** The fills the cells had before, keyed by the sheet's name then and the A1 address. */
  originals: SavedCell[];
  /** The report sheets it added, by name (version 1 had no marker). */
  reportSheets: string[];
}

export interface OverlayState {
  version: 2;
  settings?: RulesConfig;
  settingsSaved?: boolean;
  /** ISO timestamp of the last flag. */
  flaggedAt?: string;
  rules: OverlayRuleRecord[];
  fingerprint?: RowsFingerprint;
  /** The report sheet's name at flag time (Clear goes by its marker). */
  reportSheet?: string;
  /** The last flag's findings (issue 19), for the next flag's new / continuing / resolved. */
  findings?: FindingRecord[];
  /** The record left out whole findings (its bound): a finding without a record is then not called new. */
  findingsCapped?: true;
  legacy?: LegacyFlag;
  /**
   * The CLI's flagged copy opens on the report (issue 19 §6): the view start tags it changed, as they were (`was`)
   * and as it wrote them (`tag`): the workbook's workbookView (no `sheet`: activeTab) and a sheet's first sheetView
   * (tabSelected removed). Clear puts back each one it finds as written, so a view the user changed since stays.
   */
  views?: ViewRecord[];
}

export interface ViewRecord {
  sheet?: string;
  was: string;
  tag: string;
}

/** What reading a custom XML part gives: our state, a state that does not validate, or not ours at all. */
export type StateReading = { state: OverlayState } | { problem: Bilingual } | null;

/** At most this many entries in any list of a state (a 100,000-row flag writes far fewer rules). */
export const MAX_STATE_ENTRIES = 1_000_000;
/** At most this long, any string of a state (sheet names are 31 characters; a rule's sqref can be long). */
const MAX_STRING = 1_000_000;

const HEX = /^#[0-9A-Fa-f]{6}$/;

class Invalid extends Error {}

function fail(what: string): never {
  throw new Invalid(what);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown, what: string, max = MAX_STRING): string {
  if (typeof v !== "string" || v.length > max) fail(what);
  return v;
}

function list(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v) || v.length > MAX_STATE_ENTRIES) fail(what);
  return v;
}

function colour(v: unknown, what: string): WarningColour {
  if (typeof v !== "string" || !(WARNING_COLOURS as readonly string[]).includes(v)) fail(what);
  return v as WarningColour;
}

function hex(v: unknown, what: string): string {
  if (typeof v !== "string" || !HEX.test(v)) fail(what);
  return v;
}

/** A rule's ranges may be long: a million-row sheet flagged every other row is 500,000 areas. */
const MAX_SQREF = 16_000_000;

/** A sqref: space-separated A1 cells or ranges. */
function sqref(v: unknown, what: string): string {
  const s = str(v, what, MAX_SQREF);
  const parts = s.trim().split(/\s+/);
  if (s.trim() === "" || parts.some((p) => parseRange(p) === null || p.includes("!"))) fail(what);
  return s;
}

function settings(v: unknown): RulesConfig {
  const { config, errors } = validateConfig(v);
  if (errors.length) fail(`settings (${errors[0].message.en})`);
  return config;
}

function savedFill(v: unknown, what: string): SavedFill {
  if (!isObject(v)) fail(what);
  const pattern = str(v.pattern, what, 40);
  if (pattern === "none") return { pattern: "none" };
  const out: { pattern: string; color?: string; patternColor?: string; tintAndShade?: number } = { pattern };
  if (v.color !== undefined) out.color = hex(v.color, what);
  if (v.patternColor !== undefined) out.patternColor = hex(v.patternColor, what);
  if (v.tintAndShade !== undefined) {
    if (typeof v.tintAndShade !== "number" || !(v.tintAndShade >= -1 && v.tintAndShade <= 1)) fail(what);
    out.tintAndShade = v.tintAndShade;
  }
  if (pattern === "solid" && out.color === undefined) fail(what);
  return out as SavedFill;
}

function savedCell(v: unknown, i: number): SavedCell {
  const what = `saved cell ${i + 1}`;
  if (!isObject(v)) fail(what);
  const address = str(v.address, what, 20);
  if (!/^\$?[A-Za-z]{1,3}\$?\d{1,7}$/.test(address) || parseRange(address) === null) fail(what);
  const out: SavedCell = { sheet: str(v.sheet, what, 255), address, fill: savedFill(v.fill, what) };
  if (v.xf !== undefined) {
    if (typeof v.xf !== "number" || !Number.isInteger(v.xf) || v.xf < 0 || v.xf > 64_000_000) fail(what);
    out.xf = v.xf;
  }
  if (v.xfExplicit === true) out.xfExplicit = true;
  return out;
}

function ruleRecord(v: unknown, i: number): OverlayRuleRecord {
  const what = `rule ${i + 1}`;
  if (!isObject(v)) fail(what);
  return {
    sheet: str(v.sheet, what, 255),
    colour: colour(v.colour, what),
    fill: hex(v.fill, what),
    ranges: sqref(v.ranges, what),
  };
}

function fingerprint(v: unknown): RowsFingerprint {
  if (!isObject(v)) fail("fingerprint");
  const { rows, hash } = v;
  if (typeof rows !== "number" || !Number.isInteger(rows) || rows < 0 || rows > 1e9) fail("fingerprint");
  if (typeof hash !== "string" || !/^[0-9a-f]{16}$/.test(hash)) fail("fingerprint");
  return { rows, hash };
}

function fills(v: unknown): Record<WarningColour, string> {
  if (!isObject(v)) fail("legacy fills");
  const out = {} as Record<WarningColour, string>;
  for (const c of WARNING_COLOURS) out[c] = hex(v[c], "legacy fills");
  return out;
}

function legacy(v: unknown): LegacyFlag {
  if (!isObject(v)) fail("legacy");
  return {
    fills: fills(v.fills),
    originals: list(v.originals, "legacy originals").map(savedCell),
    reportSheets: list(v.reportSheets, "legacy report sheets").map((s) => str(s, "legacy report sheet", 255)),
  };
}

function findingRecord(v: unknown, i: number, budget: { runs: number }): FindingRecord {
  const what = `finding ${i + 1}`;
  if (!isObject(v)) fail(what);
  if (typeof v.rule !== "string" || !(RULE_IDS as readonly string[]).includes(v.rule)) fail(what);
  const runs = list(v.runs, what);
  budget.runs -= runs.length;
  if (runs.length === 0 || budget.runs < 0) fail(what);
  const out: FindingRecord = {
    sheet: str(v.sheet, what, 255),
    rule: v.rule as RuleId,
    channel: str(v.channel, what, MAX_CHANNEL_KEY),
    runs: runs.map((r) => {
      if (typeof r !== "string" || r.length > 40 || parseRun(r) === null) fail(what);
      return r;
    }),
  };
  if (v.earlier === true) out.earlier = true;
  return out;
}

/** The last flag's findings: at most MAX_RECORDED_FINDINGS, MAX_RECORDED_RUNS runs in all. */
function recordedFindings(v: unknown): FindingRecord[] {
  const records = list(v, "findings");
  if (records.length > MAX_RECORDED_FINDINGS) fail("findings");
  const budget = { runs: MAX_RECORDED_RUNS };
  return records.map((r, i) => findingRecord(r, i, budget));
}

function timestamp(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const s = str(v, "flaggedAt", 40);
  if (Number.isNaN(Date.parse(s))) fail("flaggedAt");
  return s;
}

/** A version 2 state object, validated; throws Invalid. */
function overlayState(raw: Record<string, unknown>): OverlayState {
  const out: OverlayState = { version: 2, rules: list(raw.rules, "rules").map(ruleRecord) };
  if (raw.settings !== undefined) out.settings = settings(raw.settings);
  if (raw.settingsSaved === true && out.settings) out.settingsSaved = true;
  const at = timestamp(raw.flaggedAt);
  if (at !== undefined) out.flaggedAt = at;
  if (raw.fingerprint !== undefined) out.fingerprint = fingerprint(raw.fingerprint);
  if (raw.reportSheet !== undefined) out.reportSheet = str(raw.reportSheet, "reportSheet", 255);
  if (raw.findings !== undefined) out.findings = recordedFindings(raw.findings);
  if (raw.findingsCapped === true && out.findings) out.findingsCapped = true;
  if (raw.legacy !== undefined) out.legacy = legacy(raw.legacy);
  if (raw.views !== undefined) out.views = list(raw.views, "views").map(viewRecord);
  return out;
}

function viewRecord(v: unknown): ViewRecord {
  if (!isObject(v)) fail("view");
  const out: ViewRecord = { was: str(v.was, "view", 10_000), tag: str(v.tag, "view", 10_000) };
  if (v.sheet !== undefined) out.sheet = str(v.sheet, "view sheet", 255);
  return out;
}

/**
 * A version 1 state (the previous release: fills in the cells, originals by sheet name and A1 address) as a
 * version 2 state whose legacy part holds everything Clear still has to undo.
 */
function fromVersion1(raw: Record<string, unknown>): OverlayState {
  const out: OverlayState = { version: 2, rules: [] };
  if (raw.settings !== undefined) out.settings = settings(raw.settings);
  if (raw.settingsSaved === true && out.settings) out.settingsSaved = true;
  const at = timestamp(raw.flaggedAt);
  if (at !== undefined) out.flaggedAt = at;
  const originals = list(raw.originals, "originals").map(savedCell);
  const reportSheets =
    raw.addedSheets === undefined ? [] : list(raw.addedSheets, "added sheets").map((s) => str(s, "added sheet", 255));
  if (originals.length || reportSheets.length)
    out.legacy = { fills: { ...(out.settings?.fills ?? DEFAULT_FILLS) }, originals, reportSheets };
  return out;
}

const DAMAGED = (what: string): Bilingual => ({
  en: `The workbook's Growth Signals record is damaged (${what}), so it was ignored; the warning colors are still found by their marker.`,
  zh: `工作簿中的增长信号记录已损坏（${what}），已忽略；预警颜色仍按其标记查找。`,
});

/**
 * The text inside the part's root element when it is `state` (any prefix), found in one pass from each end (no
 * pattern that could backtrack over a crafted part): null when the root is something else or is not closed.
 */
function stateText(xml: string): string | null {
  let i = 0;
  for (;;) {
    i = xml.indexOf("<", i);
    if (i < 0) return null;
    if (xml.startsWith("<?", i)) i = xml.indexOf("?>", i + 2);
    else if (xml.startsWith("<!--", i)) i = xml.indexOf("-->", i + 4);
    else if (xml.startsWith("<!", i)) i = xml.indexOf(">", i + 2);
    else break;
    if (i < 0) return null;
  }
  const nameEnd = xml.slice(i + 1, i + 256).search(/[\s/>]/);
  if (nameEnd <= 0) return null;
  const name = xml.slice(i + 1, i + 1 + nameEnd);
  if (name !== "state" && !/^[\w.-]+:state$/.test(name)) return null;
  const open = xml.indexOf(">", i);
  const close = xml.lastIndexOf(`</${name}`);
  if (open < 0 || close <= open || xml[open - 1] === "/" || !/^\s*>\s*$/.test(xml.slice(close + name.length + 2)))
    return null;
  return xml.slice(open + 1, close);
}

/**
 * Reads a custom XML part: null when it is not a Growth Signals state at all; { problem } when it is one that does
 * not validate (unknown version, not JSON, a value of the wrong kind or size); else the state. Never throws.
 */
export function readStatePart(xml: string): StateReading {
  if (!xml.includes(STATE_NAMESPACE)) return null;
  const text = stateText(xml);
  if (text === null) return { problem: DAMAGED("no state element") };
  let raw: unknown;
  try {
    raw = JSON.parse(unescapeXml(text));
  } catch {
    return { problem: DAMAGED("not JSON") };
  }
  if (!isObject(raw)) return { problem: DAMAGED("not an object") };
  try {
    if (raw.version === 2) return { state: overlayState(raw) };
    if (raw.version === 1) return { state: fromVersion1(raw) };
    return { problem: DAMAGED(`version ${JSON.stringify(raw.version)?.slice(0, 20) ?? "missing"}`) };
  } catch (e) {
    if (e instanceof Invalid) return { problem: DAMAGED(e.message) };
    return { problem: DAMAGED("unreadable") };
  }
}

/**
 * The part's XML. Every value is escaped: JSON escapes control characters and lone surrogates, and the two
 * characters XML 1.0 cannot hold that JSON leaves (U+FFFE, U+FFFF) are written as JSON escapes, so the part is
 * well-formed whatever a sheet or a channel is called.
 */
export function serializeOverlayState(state: OverlayState): string {
  const json = JSON.stringify(state).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<state xmlns="${STATE_NAMESPACE}" version="${STATE_VERSION}">${escapeXmlText(json)}</state>`
  );
}

/**
 * All state parts of a workbook as one (normally there is one): the first part's settings, fingerprint and rules;
 * the legacy originals of every part (the first saved original of a cell wins: it is the oldest, the user's own).
 */
export function mergeOverlayStates(states: readonly OverlayState[]): OverlayState | null {
  if (states.length === 0) return null;
  const first = states[0];
  const out: OverlayState = { ...first, rules: states.flatMap((s) => s.rules) };
  const withSettings = states.find((s) => s.settings);
  if (withSettings) out.settings = withSettings.settings;
  if (states.some((s) => s.settingsSaved) && out.settings) out.settingsSaved = true;
  const legacies = states.map((s) => s.legacy).filter((l): l is LegacyFlag => l !== undefined);
  if (legacies.length) {
    const seen = new Set<string>();
    const originals: SavedCell[] = [];
    for (const l of legacies)
      for (const c of l.originals) {
        const k = `${c.sheet.toLowerCase()}\u0000${c.address.replace(/\$/g, "").toUpperCase()}`;
        if (seen.has(k)) continue;
        seen.add(k);
        originals.push(c);
      }
    out.legacy = {
      fills: legacies[0].fills,
      originals,
      reportSheets: [...new Set(legacies.flatMap((l) => l.reportSheets))],
    };
  } else delete out.legacy;
  return out;
}

/**
 * What Clear leaves of a state: settings a user saved on purpose, and legacy originals Clear could not put back
 * (never dropped); null when nothing is left (the part goes). The last flag's findings go with the colors (issue 19:
 * the comparison is Flag on a flagged workbook; after Clear the workbook holds nothing of ours but saved settings).
 */
export function overlayStateAfterClear(
  state: OverlayState | null,
  legacyLeft: LegacyFlag | undefined,
): OverlayState | null {
  const keepSettings = state?.settingsSaved === true && state.settings !== undefined;
  const keepLegacy =
    legacyLeft !== undefined && (legacyLeft.originals.length > 0 || legacyLeft.reportSheets.length > 0);
  if (!keepSettings && !keepLegacy) return null;
  const out: OverlayState = { version: 2, rules: [] };
  if (keepSettings) {
    out.settings = state!.settings;
    out.settingsSaved = true;
  }
  if (keepLegacy) out.legacy = legacyLeft;
  return out;
}

// ------------------------------------------------------------------ legacy Clear (previous release)

/**
 * A cell flagged by the previous release is restored only while it holds exactly a warning fill that flag wrote:
 * a solid fill of one of `fills` (no tint). Anything else is the user's since (their own fill, or a row moved under
 * the address) and is left as it is.
 */
export function holdsLegacyWarningFill(current: SavedFill, fills: Readonly<Record<WarningColour, string>>): boolean {
  if (current.pattern !== "solid") return false;
  const c = current as { color?: string; tintAndShade?: number };
  if (c.tintAndShade !== undefined && c.tintAndShade !== 0) return false;
  const color = c.color?.toUpperCase();
  return color !== undefined && WARNING_COLOURS.some((w) => fills[w].toUpperCase() === color);
}

/** The sentences of Clear and Flag (both hosts say the same). */
export const STATE_MESSAGES = {
  dropped: {
    en: "The workbook's Growth Signals record was removed by a program that saved it (openpyxl does this); the warning colors were found by their marker instead.",
    zh: "保存此工作簿的程序删除了增长信号记录（openpyxl 会这样做）；已改为按标记查找预警颜色。",
  },
  legacyLeft: (n: number, sample: string): Bilingual => ({
    en: `${n} ${n === 1 ? "cell" : "cells"} colored by the previous version no longer ${n === 1 ? "holds" : "hold"} the warning fill or ${n === 1 ? "is" : "are"} on a sheet that is gone (${sample}), so ${n === 1 ? "it was" : "they were"} left as ${n === 1 ? "it is" : "they are"}; the original fills stay saved in the workbook.`,
    zh: `${n} 个由旧版本着色的单元格已不再是预警填充或所在工作表已不存在（${sample}），已保持原样；原始填充仍保存在工作簿中。`,
  }),
  legacySheetLeft: (name: string): Bilingual => ({
    en: `Sheet "${name}" was added by the previous version but no longer looks like its report, so it was kept.`,
    zh: `工作表“${name}”由旧版本添加，但已不像其报告，因此保留。`,
  }),
} as const;
