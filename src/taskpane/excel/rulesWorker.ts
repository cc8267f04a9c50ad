/**
 * The rules engine in a Web Worker, so a 100,000-row run never holds the pane's main thread (issue 10 §6): rows
 * arrive in chunks ({ rows }), then { run } runs the unchanged core engine and posts its RulesResult back.
 */
import { runRules } from "../../core";
import type { RunOptions } from "../../core/rules/engine";
import type { CellValue } from "../../core/rules/types";

type Message = { rows: CellValue[][] } | { run: { header: CellValue[]; options: RunOptions } };

const rows: CellValue[][] = [];
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Message>) => void) | null;
  postMessage: (m: unknown) => void;
};

scope.onmessage = (e) => {
  const m = e.data;
  if ("rows" in m) {
    for (const r of m.rows) rows.push(r);
    return;
  }
  try {
    scope.postMessage({ result: runRules({ header: m.run.header, rows }, m.run.options) });
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
  rows.length = 0;
};
