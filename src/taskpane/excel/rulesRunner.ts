/**
 * Where the rules engine runs. In the pane: a Web Worker (rulesWorker.ts), fed in row chunks with a turn for the
 * browser between them, so no main-thread task grows with the table; terminated at once on Cancel. Tests in Node
 * run it in the calling thread (rulesInThread.ts). The pane's own bundle never holds the engine (issue 19): only
 * the worker's does, so the first load carries none of the detectors' statistics.
 */
import type { RunOptions } from "../../core/rules/engine";
import type { RulesResult, Table } from "../../core/rules/types";

export type RulesRunner = (table: Table, options: RunOptions, signal?: AbortSignal) => Promise<RulesResult>;

/** Rows posted to the worker per message: a structured clone of about 10,000 × 9 cells takes a few milliseconds. */
const ROWS_PER_MESSAGE = 10_000;

export function workerRunner(makeWorker: () => Worker, yieldToHost: () => Promise<void>): RulesRunner {
  return (table, options, signal) =>
    new Promise<RulesResult>((resolve, reject) => {
      const worker = makeWorker();
      const stop = () => {
        worker.terminate();
        reject(new DOMException("Canceled", "AbortError"));
      };
      signal?.addEventListener("abort", stop, { once: true });
      const done = () => {
        signal?.removeEventListener("abort", stop);
        worker.terminate();
      };
      worker.onmessage = (e: MessageEvent<{ result?: RulesResult; error?: string }>) => {
        done();
        if (e.data.result) resolve(e.data.result);
        else reject(new Error(e.data.error ?? "The rules could not run."));
      };
      worker.onerror = (e) => {
        done();
        reject(new Error(e.message || "The rules could not run."));
      };
      void (async () => {
        for (let i = 0; i < table.rows.length; i += ROWS_PER_MESSAGE) {
          if (signal?.aborted) return;
          worker.postMessage({ rows: table.rows.slice(i, i + ROWS_PER_MESSAGE) });
          await yieldToHost();
        }
        if (!signal?.aborted) worker.postMessage({ run: { header: table.header, options } });
      })();
    });
}
