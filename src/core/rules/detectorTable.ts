/**
 * The detector of each catalogue rule, by id. Kept apart from the catalogue (rules/catalog.ts), so what only
 * describes the rules (names, thresholds, settings: the pane's first screen) does not load the detectors and the
 * statistics they test with; the engine joins the two. The types check each detector against its rule's settings.
 */
import type { RuleConfig, RuleId } from "./catalog";
import type { RuleInput } from "./detector";
import { complaintRateHigh } from "./detectors/complaint";
import { ltvCacLow } from "./detectors/ltvCac";
import { repurchaseDeclining } from "./detectors/repurchase";
import { roiBelowBenchmark } from "./detectors/roi";
import { trafficDrop } from "./detectors/traffic";

export const DETECTORS: { readonly [Id in RuleId]: (input: RuleInput<RuleConfig<Id>>) => void } = {
  "roi-below-benchmark": roiBelowBenchmark,
  "complaint-rate-high": complaintRateHigh,
  "traffic-drop": trafficDrop,
  "repurchase-declining": repurchaseDeclining,
  "ltv-cac-low": ltvCacLow,
};
