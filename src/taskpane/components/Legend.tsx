/**
 * The legend of the three-colour warning system: severity word and the palette's colour name → each rule with its
 * threshold as set now → recommended action, with the level's shape beside the swatch. Swatches keep their colour
 * and a border in forced-colours (high contrast) mode, where the shape and the words carry the meaning.
 * Open on first use (issue 19 §8); once the user closes it the pane remembers that (localStorage) and keeps it shut.
 */
import { useState } from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { WARNING_COLOURS } from "../../core/colours";
import type { RulesConfig } from "../../core/rules/types";
import { RULE_ACTIONS, RULE_COLOUR, RULE_IDS, ruleThreshold } from "../../core/rules/catalog";
import { useI18n } from "../i18n";
import { levelColourName } from "../levels";
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

/** Where the pane remembers that the user closed the legend. */
export const LEGEND_CLOSED_KEY = "growth-signals.legend-closed";

function storedClosed(): boolean {
  try {
    return window.localStorage.getItem(LEGEND_CLOSED_KEY) === "1";
  } catch {
    return false; // storage refused (a locked-down webview): open, as on first use
  }
}

function storeClosed(closed: boolean): void {
  try {
    if (closed) window.localStorage.setItem(LEGEND_CLOSED_KEY, "1");
    else window.localStorage.removeItem(LEGEND_CLOSED_KEY);
  } catch {
    // nothing to remember with
  }
}

export function Legend({ config }: { config: RulesConfig }) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const fills = config.fills;
  const [open, setOpen] = useState(() => !storedClosed());
  return (
    <details
      className={styles.details}
      data-testid="legend"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now === open) return;
        setOpen(now);
        storeClosed(!now);
      }}
    >
      <summary className={styles.summary}>{t("legendTitle")}</summary>
      <ul className={styles.list}>
        {WARNING_COLOURS.map((colour) => (
          <li key={colour} className={styles.level} data-colour={colour}>
            <span className={styles.swatch} style={{ backgroundColor: fills[colour] }} aria-hidden="true" />
            <SeverityIcon colour={colour} fill={fills[colour]} size={14} />
            <span className={styles.text}>
              <span className={styles.word} data-testid="level-word">
                {[t(`severity_${colour}`), levelColourName(fills, colour, lang)].filter(Boolean).join(" · ")}
              </span>
              <ul className={styles.rules}>
                {RULE_IDS.filter((id) => RULE_COLOUR[id] === colour).map((id) => (
                  <li key={id}>
                    <Caption1>
                      {ruleThreshold(id, config)[lang]} → {RULE_ACTIONS[id][lang]}
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
