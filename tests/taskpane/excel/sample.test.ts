/** The preview's sample report triggers every rule on the cells sample.ts promises. */
import { DEFAULT_CONFIG, RULE_IDS } from "../../../src/core";
import { sampleWorkbook } from "../../../tools/excel-sim/sample";
import { setup } from "./helpers";

it("flags every rule on the sample report, on the channels and columns it was built for", async () => {
  const { gateway } = setup(sampleWorkbook());
  const tables = await gateway.readSelection();
  expect(tables.map((t) => t.address)).toEqual(["A1:I225"]); // 56 days × 4 channels + header
  const out = await gateway.flag({ tables, config: DEFAULT_CONFIG, lang: "en" });
  const found = out.tables[0].result.findings.map((f) => `${f.channel}|${f.ruleId}`).sort();
  expect(found).toEqual(
    [
      "Affiliate|traffic-drop",
      "Search|repurchase-declining",
      "Social|ltv-cac-low",
      "Social|roi-below-benchmark",
      "Video|complaint-rate-high",
    ].sort(),
  );
  expect(new Set(out.tables[0].result.findings.map((f) => f.ruleId))).toEqual(new Set(RULE_IDS));
});
