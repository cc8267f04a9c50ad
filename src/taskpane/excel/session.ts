/** One Excel.run's syncs, counted, each followed by a turn for the browser. */

/**
 * Gives the browser its turn: a paint, and input such as a click on Cancel. Office.js (and the simulated host) can
 * resolve syncs without a macrotask, so without this a whole flag is one main-thread task (2.45 s at 100k rows).
 */
export function yieldToHost(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Counts the syncs one Excel.run makes, and yields to the browser after each. */
export class Session {
  syncs = 0;
  constructor(readonly ctx: Excel.RequestContext) {}
  async sync(): Promise<void> {
    this.syncs++;
    await this.ctx.sync();
    await yieldToHost();
  }
}
