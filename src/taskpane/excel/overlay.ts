/**
 * The warning colours as an overlay (issue 15 §1) through Office.js: our conditional formats (a custom rule whose
 * formula is the marker N("growth-signals")=0, src/core/overlay.ts) and our report sheet's marker name, found on
 * every sheet wherever they are now, and the rules a flag adds — on RangeAreas (ExcelApi 1.9), each call's address
 * under Excel's 8,192 characters and each sync under the request budget.
 *
 * Office.js has no worksheet-level list of conditional formats: a sheet's rules are those of
 * worksheet.getRange() (the whole sheet). Loading `items/custom/…` fails when any rule of the sheet is not a custom
 * one (office-js#2180), so the types are read first and only custom rules' formulas after.
 */
import {
  chunkAreas,
  isOverlayFormula,
  OVERLAY_FORMULA,
  REPORT_SHEET_MARKER,
  rangeAddress,
  type OverlayRule,
} from "../../core";
import { MAX_ADDRESS_CHARS, quoteSheetName } from "./ranges";
import { supports } from "./reportSheet";
import type { Session } from "./session";
import type { WritePlan } from "./writes";

/**
 * Request bytes of one rule added beyond its address: the sheet, getRanges, conditionalFormats.add and the
 * custom/rule/format/fill paths with three property sets, 1,820 bytes a call as the simulated host counts them
 * (calibrated within 1% of Office.js's serialiser, tests/tools/excel-sim/calibration.test.ts), with a margin.
 */
export const RULE_ADD_CALL_BYTES = 2_000;
/** Request bytes of one rule deleted by id (getRange, conditionalFormats, getItem, delete): 900 measured. */
export const RULE_DELETE_CALL_BYTES = 1_000;

/** "Priorities greater than the bounds will get and set to the maximum" (ConditionalFormat.priority). */
const LAST_PRIORITY = 1_000_000;

/** One of our rules as found in the workbook now. */
export interface FoundRule {
  sheet: string;
  id: string;
  /** Its ranges now, "Data!E5:E7,Data!G9" (Office.js RangeAreas.address). */
  address: string;
  cellCount: number;
}

export interface OverlayScan {
  rules: FoundRule[];
  /** Sheets that carry our report marker, as spelled now. */
  reportSheets: string[];
  /** Custom rules that are not ours, per sheet (kept, never edited). */
  userRules: number;
}

/**
 * Finds our rules and marked sheets on every sheet: two syncs (types and marker names, then the custom rules'
 * formulas and ranges).
 */
export async function scanOverlay(s: Session, sheetNames: readonly string[]): Promise<OverlayScan> {
  const { ctx } = s;
  const areas = supports("1.9");
  const perSheet = sheetNames.map((name) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    const cfs = ws.getRange().conditionalFormats.load("items/id, items/type");
    const marker = ws.names.getItemOrNullObject(REPORT_SHEET_MARKER);
    return { name, cfs, marker };
  });
  await s.sync();
  const custom = perSheet.flatMap(({ name, cfs }) =>
    cfs.items
      .filter((cf) => cf.type === "Custom")
      .map((cf) => ({
        sheet: name,
        id: cf.id,
        rule: cf.custom.rule.load("formula"),
        // getRanges (ExcelApi 1.9) gives a multi-area rule's ranges; before it, a rule has one range or none known
        ranges: (areas ? cf.getRanges() : cf.getRangeOrNullObject()).load("address, cellCount"),
      })),
  );
  if (custom.length) await s.sync();
  const rules = custom
    .filter((c) => isOverlayFormula(c.rule.formula))
    .map((c) => {
      const known = !c.ranges.isNullObject;
      return {
        sheet: c.sheet,
        id: c.id,
        address: known ? c.ranges.address : "",
        cellCount: known ? c.ranges.cellCount : 0,
      };
    });
  return {
    rules,
    reportSheets: perSheet.filter((p) => !p.marker.isNullObject).map((p) => p.name),
    userRules: custom.length - rules.length,
  };
}

/** Deletes the rules found (by id, on the sheet they are on now). */
export function planDeleteRules(plan: WritePlan, ctx: Excel.RequestContext, rules: readonly FoundRule[]): void {
  for (const r of rules)
    plan.add(RULE_DELETE_CALL_BYTES + r.sheet.length + r.id.length, () =>
      ctx.workbook.worksheets.getItem(r.sheet).getRange().conditionalFormats.getItem(r.id).delete(),
    );
}

/**
 * Adds our rules: per rule, its areas in chunks whose address stays under Excel's limit, each chunk one custom
 * conditional format with the marker formula and the warning fill. Excel puts a new rule at the top priority; each of
 * ours is moved to the bottom at once (a priority past the end clamps to the last), so the user's rules keep their
 * priorities and order, as the CLI writes ours after every priority a sheet uses. Our rules never overlap (a cell has
 * one colour); they end in overlayRules' order, red first, as the CLI numbers them.
 */
export function planAddRules(plan: WritePlan, ctx: Excel.RequestContext, rules: readonly OverlayRule[]): number {
  let calls = 0;
  // Without RangeAreas.conditionalFormats (ExcelApi 1.9: Excel 2016 and 2019 volume licences) each area is a rule.
  const areas = supports("1.9");
  for (const rule of rules)
    for (const chunk of areas ? chunkAreas(rule.areas, MAX_ADDRESS_CHARS) : rule.areas.map((a) => [a])) {
      const address = chunk.map(rangeAddress).join(",");
      calls++;
      plan.add(RULE_ADD_CALL_BYTES + address.length + rule.sheet.length, () => {
        const ws = ctx.workbook.worksheets.getItem(rule.sheet);
        const target = areas ? ws.getRanges(address) : ws.getRange(address);
        const cf = target.conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = `=${OVERLAY_FORMULA}`;
        cf.custom.format.fill.color = rule.fill;
        cf.priority = LAST_PRIORITY;
      });
    }
  return calls;
}

/** Marks the report sheet with a hidden sheet-scoped name that moves with it (a rename rewrites its reference). */
export function markReportSheet(ctx: Excel.RequestContext, sheet: string): void {
  const item = ctx.workbook.worksheets.getItem(sheet).names.add(REPORT_SHEET_MARKER, `=${quoteSheetName(sheet)}!$A$1`);
  item.visible = false;
}
