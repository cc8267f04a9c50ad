/** The rules engine in the calling thread: for hosts without Web Workers (tests in Node). The pane uses the worker. */
import { runRules } from "../../core/rules/engine";
import type { RulesRunner } from "./rulesRunner";

export const runInThread: RulesRunner = async (table, options) => runRules(table, options);
