/** The GROWTH function list with an Insert button per function, and the A/B test calculator. */
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { GROWTH_FUNCTIONS, formulaSkeleton } from "../functionsList";
import { useI18n } from "../i18n";
import { AbCalculator } from "./AbCalculator";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  text: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  section: {
    marginBottom: tokens.spacingVerticalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

export function FunctionsTab({ onInsert }: { onInsert: (formula: string) => void }) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  return (
    <div>
      <section className={styles.section} aria-labelledby="functions-title">
        <Subtitle2 id="functions-title">{t("functionsTitle")}</Subtitle2>
        <ul className={styles.list}>
          {GROWTH_FUNCTIONS.map((f) => (
            <li key={f.id} className={styles.item}>
              <span className={styles.text}>
                <Text className={styles.name}>GROWTH.{f.id}</Text>
                <Caption1>{f[lang]}</Caption1>
              </span>
              <Button
                size="small"
                onClick={() => onInsert(formulaSkeleton(f.id))}
                aria-label={t("insertLabel", { name: `GROWTH.${f.id}` })}
                title={`GROWTH.${f.id}(${f.args})`}
              >
                {t("insert")}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="ab-title">
        <Subtitle2 id="ab-title">{t("abTitle")}</Subtitle2>
        <AbCalculator />
      </section>
    </div>
  );
}
