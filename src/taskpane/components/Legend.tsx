/**
 * The legend of the three-colour warning system: colour → severity word → rules → recommended action, with the
 * level's shape beside the swatch. Swatches keep their colour and a border in forced-colours (high contrast) mode,
 * where the shape and the words carry the meaning.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { WARNING_COLOURS } from "../../core/colours";
import type { RulesConfig } from "../../core/rules/types";
import { RULE_ACTIONS, RULE_COLOUR, RULE_IDS, RULE_NAMES } from "../../core/rules/catalog";
import { useI18n } from "../i18n";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  details: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  level: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  swatch: {
    width: "14px",
    height: "14px",
    flexShrink: 0,
    marginTop: "1px",
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    forcedColorAdjust: "none",
    "@media (forced-colors: active)": { border: "2px solid CanvasText" },
  },
  text: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  word: { fontWeight: tokens.fontWeightSemibold },
  rules: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function Legend({ fills }: { fills: RulesConfig["fills"] }) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  return (
    <details className={styles.details} data-testid="legend">
      <summary className={styles.summary}>{t("legendTitle")}</summary>
      <ul className={styles.list}>
        {WARNING_COLOURS.map((colour) => (
          <li key={colour} className={styles.level} data-colour={colour}>
            <span className={styles.swatch} style={{ backgroundColor: fills[colour] }} aria-hidden="true" />
            <SeverityIcon colour={colour} fill={fills[colour]} size={14} />
            <span className={styles.text}>
              <span className={styles.word}>{t(`severity_${colour}`)}</span>
              <ul className={styles.rules}>
                {RULE_IDS.filter((id) => RULE_COLOUR[id] === colour).map((id) => (
                  <li key={id}>
                    <Caption1>
                      {RULE_NAMES[id][lang]} → {RULE_ACTIONS[id][lang]}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
