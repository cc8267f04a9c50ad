/**
 * Issue 19, the pane's side on the simulated host: flag, sort the data, add rows, flag again → each finding marked
 * new or continuing, and the runs gone listed as resolved. Expected marks worked by hand from SMALL_ROWS
 * (helpers.ts: Search's ROI 1.2, 1.3, 1.4 on 2–4 Mar is the yellow run; Search's complaint rate 2% on 3 Mar the
 * orange one; Social's ROI is below 1.5 on only two days).
 */
import { DEFAULT_CONFIG, readStatePart, STATE_NAMESPACE, type OverlayState } from "../../../src/core";
import type { FlagOutcome } from "../../../src/taskpane/excel/types";
import { flagSelection, setup, SMALL_ROWS } from "./helpers";

function marks(out: FlagOutcome): Record<string, string | null | undefined> {
  const m: Record<string, string | null | undefined> = {};
  for (const t of out.tables) t.result.findings.forEach((f, i) => (m[`${f.channel} ${f.ruleId}`] = t.marks?.[i]));
  return m;
}

function stateOf(host: ReturnType<typeof setup>["host"]): OverlayState {
  const part = host.customXmlParts().find((p) => p.namespaceUri === STATE_NAMESPACE)!;
  const r = readStatePart(part.xml);
  if (!r || !("state" in r)) throw new Error("no valid state");
  return r.state;
}

describe("what changed since the last flag, in the pane", () => {
  it("flag; sort; add a week of rows; flag again; correct a value; flag again", async () => {
    const { host, gateway } = setup({
      sheets: [{ name: "Data", rows: SMALL_ROWS }],
      selection: { sheet: "Data", address: "A1:D7" },
    });
    const first = await flagSelection(gateway);
    expect(first.changes?.compared).toBe(false);
    expect(marks(first)).toEqual({ "Search complaint-rate-high": null, "Search roi-below-benchmark": null });
    expect(stateOf(host).findings).toEqual([
      { sheet: "Data", rule: "complaint-rate-high", channel: "Search", runs: ["2026-03-03"] },
      { sheet: "Data", rule: "roi-below-benchmark", channel: "Search", runs: ["2026-03-02/2026-03-04"] },
    ]);

    // Data → Sort by ROI, ascending (every row moves), then four rows inserted above the data and typed in:
    // Search's ROI 1.1, 1.2, 1.3 on 6–8 Mar (a fresh run: 5 Mar, 2.0, lies between) and Social's 1.2 on 4 Mar
    // (its third day below 1.5 running: 2–4 Mar)
    host.sort("Data", "A2:D7", [{ key: 2, ascending: true }], false);
    host.insertRows("Data", 2, 4);
    host.setValues("Data", "A2", [
      ["2026-03-06", "Search", 1.1, 0.003],
      ["2026-03-07", "Search", 1.2, 0.003],
      ["2026-03-08", "Search", 1.3, 0.003],
      ["2026-03-04", "Social", 1.2, 0.001],
    ]);
    host.select("Data", "A1:D11");
    const second = await flagSelection(gateway);
    expect(marks(second)).toEqual({
      "Search complaint-rate-high": "continuing",
      "Search roi-below-benchmark": "new", // 2–4 Mar continues, 6–8 Mar is a fresh incident
      "Social roi-below-benchmark": "new",
    });
    expect(second.changes).toMatchObject({ compared: true, counts: { new: 2, continuing: 1, resolved: 0 } });
    expect(second.changes?.resolved).toEqual([]);
    const secondAt = stateOf(host).flaggedAt;
    expect(second.changes?.since).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // A colleague corrects Search's ROI on 2 Mar (1.2 → 1.6): the run 2–4 Mar is gone (3–4 Mar is two days)
    const row = host.values("Data", "A1:D11").findIndex((r) => String(r[0]) === "2026-03-02" && r[1] === "Search");
    expect(row).toBeGreaterThan(0);
    host.setValues("Data", `C${row + 1}`, [[1.6]]);
    const third = await flagSelection(gateway);
    expect(marks(third)).toEqual({
      "Search complaint-rate-high": "continuing",
      "Search roi-below-benchmark": "continuing", // 6–8 Mar, as flagged last time
      "Social roi-below-benchmark": "continuing",
    });
    expect(third.changes?.resolved).toEqual([
      { sheet: "Data", rule: "roi-below-benchmark", channel: "Search", first: "2026-03-02", last: "2026-03-04" },
    ]);
    // compared with the second flag, not the first
    expect(third.changes?.since).toBe(secondAt);
  });

  it("Clear forgets the record: the workbook holds nothing of ours, and the next flag compares with nothing", async () => {
    const { host, gateway } = setup({
      sheets: [{ name: "Data", rows: SMALL_ROWS }],
      selection: { sheet: "Data", address: "A1:D7" },
    });
    await flagSelection(gateway);
    await gateway.clear();
    expect(host.customXmlParts().filter((p) => p.namespaceUri === STATE_NAMESPACE)).toEqual([]);
    const again = await flagSelection(gateway, { config: DEFAULT_CONFIG });
    expect(again.changes?.compared).toBe(false);
  });
});
