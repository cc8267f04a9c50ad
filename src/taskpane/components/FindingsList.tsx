/**
 * The findings of a flag run, grouped by colour (red, orange, yellow): channel, rule, periods, latest value
 * vs threshold and the seed's recommended action. Clicking a finding selects its cells in the sheet.
 * Every piece of cell text is rendered as a React text node, never as HTML.
 */
import { Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { WARNING_COLOURS, type WarningColour } from "../../core/colours";
import type { ChannelFinding, RulesConfig } from "../../core/rules/types";
import type { TableOutcome } from "../excel/types";
import { COLOUR_NAMES, COLUMN_NAMES, formatMetric } from "../../core/i18n/rules";
import { RULE_METRIC, RULE_NAMES } from "../../core/rules/catalog";
import { findingAddresses } from "../format";
import { useI18n } from "../i18n";
import { Sparkline } from "./Sparkline";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  groupTitle: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  swatch: {
    width: "14px",
    height: "14px",
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    flexShrink: 0,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  finding: {
    display: "flex",
    width: "100%",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    fontFamily: tokens.fontFamilyBase,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  body: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0, flexGrow: 1 },
  channel: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface FindingsListProps {
  tables: TableOutcome[];
  fills: RulesConfig["fills"];
  onSelect: (sheet: string, addresses: string[]) => void;
}

interface Located {
  table: TableOutcome;
  finding: ChannelFinding;
  key: string;
}

export function FindingsList({ tables, fills, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const all: Located[] = tables.flatMap((table, ti) =>
    table.result.findings.map((finding, fi) => ({ table, finding, key: `${ti}:${fi}` })),
  );
  if (all.length === 0) return <Text>{t("noFindings")}</Text>;
  return (
    <div>
      {WARNING_COLOURS.map((colour: WarningColour) => {
        const items = all.filter((x) => x.finding.colour === colour);
        if (items.length === 0) return null;
        const headingId = `findings-${colour}`;
        return (
          <section key={colour} className={styles.group} aria-labelledby={headingId} data-colour={colour}>
            <div className={styles.groupTitle}>
              <span className={styles.swatch} style={{ backgroundColor: fills[colour] }} aria-hidden="true" />
              <Subtitle2 id={headingId}>
                {COLOUR_NAMES[colour][lang]} · {t("findingCount", { n: items.length })}
              </Subtitle2>
            </div>
            <ul className={styles.list}>
              {items.map(({ table, finding, key }) => {
                const metric = RULE_METRIC[finding.ruleId];
                const trend = table.trends[`${finding.channel}|${finding.ruleId}`] ?? [];
                const rule = RULE_NAMES[finding.ruleId][lang];
                return (
                  <li key={key}>
                    <button
                      type="button"
                      className={mergeClasses(styles.finding)}
                      style={{ borderLeftColor: fills[colour] }}
                      title={t("selectCellsHint")}
                      onClick={() => onSelect(table.sheet, findingAddresses(table.address, finding.rows, finding.col))}
                      data-testid="finding"
                    >
                      <span className={styles.body}>
                        <Text className={styles.channel}>{finding.channel}</Text>
                        <Caption1>{rule}</Caption1>
                        <Caption1 className={styles.muted}>
                          {finding.firstPeriod === finding.lastPeriod
                            ? t("onePeriod", { first: finding.firstPeriod })
                            : t("periods", {
                                n: finding.periodsFlagged,
                                first: finding.firstPeriod,
                                last: finding.lastPeriod,
                              })}
                        </Caption1>
                        <Caption1 className={styles.muted}>
                          {t("latestVsThreshold", {
                            value: finding.latestValue === null ? "–" : formatMetric(metric, finding.latestValue),
                            threshold: formatMetric(metric, finding.threshold),
                          })}
                        </Caption1>
                        <Caption1>{t("actionLine", { action: finding.action[lang] })}</Caption1>
                      </span>
                      <Sparkline
                        values={trend}
                        threshold={finding.threshold}
                        label={t("trendOf", { metric: COLUMN_NAMES[metric][lang], channel: finding.channel })}
                      />
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
