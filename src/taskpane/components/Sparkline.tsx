/** A small inline SVG trend line of one channel's metric, with the rule's threshold as a dashed line. */
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  svg: { display: "block", flexShrink: 0 },
  line: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: "1.5" },
  threshold: { stroke: tokens.colorNeutralStroke1, strokeWidth: "1", strokeDasharray: "3 2" },
});

export interface SparklineProps {
  values: number[];
  threshold?: number;
  label: string;
  width?: number;
  height?: number;
}

export function Sparkline({ values, threshold, label, width = 96, height = 24 }: SparklineProps) {
  const styles = useStyles();
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2) return null;
  const all = threshold !== undefined && Number.isFinite(threshold) ? [...finite, threshold] : finite;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const pad = 2;
  // y = top padding + (max − v) / span × drawable height; x evenly spaced.
  const y = (v: number) => pad + ((max - v) / span) * (height - 2 * pad);
  const step = (width - 2 * pad) / (finite.length - 1);
  const points = finite.map((v, i) => `${(pad + i * step).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  return (
    <svg className={styles.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img">
      <title>{label}</title>
      {threshold !== undefined && Number.isFinite(threshold) && (
        <line className={styles.threshold} x1={pad} x2={width - pad} y1={y(threshold)} y2={y(threshold)} />
      )}
      <polyline className={styles.line} points={points} />
    </svg>
  );
}
