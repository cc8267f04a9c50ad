/**
 * A shape per warning level, so colour is never the only signal: red an octagon (stop), orange a triangle (warning),
 * yellow a circle (watch). Filled with the warning colour and outlined; in forced-colours mode drawn in the
 * system text colour, where the shape alone tells the levels apart.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { WarningColour } from "../../core/colours";

const useStyles = makeStyles({
  icon: {
    flexShrink: 0,
    stroke: tokens.colorNeutralForeground1,
    strokeWidth: "1.2",
    "@media (forced-colors: active)": { fill: "CanvasText", stroke: "CanvasText" },
  },
});

const SHAPES: Record<WarningColour, string> = {
  red: "4.7,1 11.3,1 15,4.7 15,11.3 11.3,15 4.7,15 1,11.3 1,4.7",
  orange: "8,1.2 15,14.6 1,14.6",
  yellow: "",
};

export function SeverityIcon({ colour, fill, size = 16 }: { colour: WarningColour; fill: string; size?: number }) {
  const styles = useStyles();
  return (
    <svg
      className={styles.icon}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      data-shape={colour}
      style={{ fill }}
    >
      {colour === "yellow" ? <circle cx="8" cy="8" r="6.8" /> : <polygon points={SHAPES[colour]} />}
    </svg>
  );
}
