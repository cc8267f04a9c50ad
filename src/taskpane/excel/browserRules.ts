/** The rules engine in a Web Worker for the pane and the preview (browser only: webpack bundles the worker). */
import { yieldToHost } from "./adapter";
import { workerRunner, type RulesRunner } from "./rulesRunner";

export function browserRulesRunner(): RulesRunner | undefined {
  if (typeof Worker === "undefined") return undefined;
  return workerRunner(() => new Worker(new URL("./rulesWorker.ts", import.meta.url)), yieldToHost);
}
