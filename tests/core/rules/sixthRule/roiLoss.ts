/**
 * A sixth rule, written as a new rule is: this detector file plus one catalogue entry (in roiLoss.test.ts, which a
 * real rule would add to RULES in src/core/rules/catalog.ts). Orange: ROI below `roiFloor` (default 1: revenue
 * below cost) in any single period.
 */
import type { Bilingual } from "../../../../src/core/i18n/format";
import { formatNumber } from "../../../../src/core/i18n/format";
import { atText } from "../../../../src/core/i18n/rules";
import { lessThan } from "../../../../src/core/rules/compare";
import { atOf, type RuleInput } from "../../../../src/core/rules/detector";

export interface RoiLossConfig {
  roiFloor: number;
}

export function roiLoss(input: RuleInput<RoiLossConfig>): void {
  const { table, column, config, sink } = input;
  const floor = config.roiFloor;
  table.series.forEach((series, seriesIndex) => {
    const values = column.series(series);
    for (let position = 0; position < series.rows.length; position++) {
      const value = values[position];
      if (!lessThan(value, floor)) continue;
      const at = atOf(series, position);
      const reason: Bilingual = {
        en: `ROI ${formatNumber(value)} < ${formatNumber(floor)}: spend not earned back (${atText(at, "en", table.latestYear)})`,
        zh: `ROI ${formatNumber(value)} < ${formatNumber(floor)}，投入未收回（${atText(at, "zh", table.latestYear)}）`,
      };
      sink.add({ series: seriesIndex, position, value, threshold: floor, reason });
    }
  });
}
