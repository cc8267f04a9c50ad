/**
 * What the adapter writes and how it groups it: the Growth Signals state parts (read, split under the budget,
 * replaced), and writes queued into syncs that each stay under the request budget (fills per colour through
 * getRanges(), the state parts of a flag plan).
 */
import {
  parseState,
  serializeState,
  interimState,
  STATE_NAMESPACE,
  type FlagPlan,
  type GrowthSignalsState,
  type SavedFill,
} from "../../core";
import { applySavedFill, fillKey } from "./fills";
import { packAddresses, verticalRuns } from "./ranges";
import { FILL_CALL_BYTES, FILL_SET_BYTES, utf8Bytes } from "./wire";

/** A state part's XML is at most this share of the budget, so its JSON-escaped copy fits a request or response. */
export const STATE_PART_SHARE = 0.6;

/** Queues the list of Growth Signals state parts (their ids; read them with readStateXml after the sync). */
export function queueStatePartList(ctx: Excel.RequestContext): Excel.CustomXmlPartScopedCollection {
  return ctx.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load("items/id");
}

/**
 * The parts' XML, one part a sync: each part was written under the budget, several together may not be
 * (a response over 5 MB fails).
 */
export async function readStateXml(
  sync: () => Promise<void>,
  list: Excel.CustomXmlPartScopedCollection,
): Promise<{ parts: Excel.CustomXmlPart[]; xml: string[] }> {
  const parts = list.items;
  const xml: string[] = [];
  for (const p of parts) {
    const x = p.getXml();
    await sync();
    xml.push(x.value);
  }
  return { parts, xml };
}

/** The Growth Signals states among the parts' XML (a part that is not one is left out). */
export function statesOf(xml: string[]): GrowthSignalsState[] {
  return xml.map(parseState).filter((s): s is GrowthSignalsState => s !== null);
}

/** Queued writes grouped into syncs that each stay under the request budget. */
export class WritePlan {
  readonly batches: { bytes: number; queue: (() => void)[] }[] = [];
  constructor(private readonly budget: number) {}

  add(bytes: number, queue: () => void): void {
    let last = this.batches[this.batches.length - 1];
    if (!last || (last.bytes + bytes > this.budget && last.queue.length > 0)) {
      last = { bytes: 0, queue: [] };
      this.batches.push(last);
    }
    last.bytes += bytes;
    last.queue.push(queue);
  }

  get totalBytes(): number {
    return this.batches.reduce((n, b) => n + b.bytes, 0);
  }
}

export interface CellTarget {
  sheet: string;
  row: number;
  col: number;
}

/** Adds to `plan` the writes that give each cell its fill, grouped by fill and packed into getRanges() calls. */
export function planFills(
  plan: WritePlan,
  ctx: Excel.RequestContext,
  cells: Iterable<CellTarget & { fill: SavedFill }>,
): void {
  const groups = new Map<string, { sheet: string; fill: SavedFill; cells: { row: number; col: number }[] }>();
  for (const c of cells) {
    const k = `${c.sheet}\u0000${fillKey(c.fill)}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { sheet: c.sheet, fill: c.fill, cells: [] }));
    g.cells.push({ row: c.row, col: c.col });
  }
  for (const g of groups.values())
    for (const address of packAddresses(verticalRuns(g.cells)))
      plan.add(address.length + utf8Bytes(g.sheet) + FILL_CALL_BYTES + 3 * FILL_SET_BYTES, () =>
        applySavedFill(ctx.workbook.worksheets.getItem(g.sheet).getRanges(address).format.fill, g.fill),
      );
}

/**
 * The state as one or more parts, each under `maxBytes`: a big flag's originals are split over several parts of the
 * same namespace (the CLI and mergeStates read them all). The first part carries the settings and added sheets.
 */
export function stateXmlParts(state: GrowthSignalsState, maxBytes: number): string[] {
  const whole = serializeState(state);
  const bytes = utf8Bytes(whole);
  if (bytes <= maxBytes || state.originals.length <= 1) return [whole];
  const perCell = bytes / state.originals.length;
  const size = Math.max(1, Math.floor((maxBytes * 0.9) / perCell));
  const out: string[] = [];
  for (let i = 0; i < state.originals.length; i += size) {
    const originals = state.originals.slice(i, i + size);
    out.push(serializeState(i === 0 ? { ...state, originals } : { version: 1, originals, addedSheets: [] }));
  }
  return out;
}

/** Adds the parts, then deletes the ones they replace (so an interruption never leaves the workbook without state). */
export function planParts(
  plan: WritePlan,
  ctx: Excel.RequestContext,
  replaced: () => Excel.CustomXmlPart[],
  xml: string[],
): Excel.CustomXmlPart[] {
  const added: Excel.CustomXmlPart[] = [];
  // The XML travels as a JSON string: its quotes are escaped, so it is measured as JSON.
  for (const x of xml)
    plan.add(utf8Bytes(JSON.stringify(x)) + 1000, () => added.push(ctx.workbook.customXmlParts.add(x)));
  plan.add(300, () => {
    for (const p of replaced()) p.delete();
  });
  return added;
}

/** A flag's fills: the previous flag's cells it leaves uncoloured back to their originals, then its colours. */
export function planFlagFills(plan: WritePlan, ctx: Excel.RequestContext, flag: FlagPlan): void {
  planFills(
    plan,
    ctx,
    flag.restore.map((c) => ({ ...c, fill: c.saved.fill })),
  );
  planFills(
    plan,
    ctx,
    [...flag.colour.values()].map((c) => ({ ...c, fill: { pattern: "solid", color: c.fill } })),
  );
}

/**
 * A flag's state parts, replacing `replaced`. When the flag takes several syncs, an interim state goes first
 * (interimState: every cell that may change), so an interruption can still be cleared.
 */
export function planFlagState(
  plan: WritePlan,
  ctx: Excel.RequestContext,
  budget: number,
  flag: FlagPlan,
  finalState: GrowthSignalsState,
  replaced: Excel.CustomXmlPart[],
): void {
  const finalXml = stateXmlParts(finalState, budget * STATE_PART_SHARE);
  const finalBytes = finalXml.reduce((n, x) => n + utf8Bytes(x), 0);
  if (plan.batches.length <= 1 && plan.totalBytes + finalBytes < budget) {
    planParts(plan, ctx, () => replaced, finalXml);
    return;
  }
  const first = new WritePlan(budget);
  const interimParts = planParts(
    first,
    ctx,
    () => replaced,
    stateXmlParts(interimState(flag, finalState), budget * STATE_PART_SHARE),
  );
  plan.batches.unshift(...first.batches);
  planParts(plan, ctx, () => interimParts, finalXml);
}
