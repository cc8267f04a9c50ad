/** The rules engine in a Web Worker for the pane and the preview (browser only: webpack bundles the worker). */
import { yieldToHost } from "./adapter";
import { workerRunner, type RulesRunner } from "./rulesRunner";

export function browserRulesRunner(): RulesRunner {
  // Every host Office supports for add-ins has Web Workers; the pane carries no in-thread engine (issue 19).
  if (typeof Worker === "undefined")
    return async () => {
      throw new Error("This browser cannot run the rules: it has no Web Workers. Update Office or the browser.");
    };
  return workerRunner(
    () => new Worker(/* webpackChunkName: "rules-worker" */ new URL("./rulesWorker.ts", import.meta.url)),
    yieldToHost,
  );
}
