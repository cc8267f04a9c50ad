/**
 * The rule catalogue is the one description of the rules: the README's table, the config defaults and the settings
 * fields all agree with it.
 */
import fs from "fs";
import path from "path";
import { DEFAULT_FILLS } from "../../../src/core/colours";
import { CONFIG_CHOICES, CONFIG_FIELDS, RULES, RULE_IDS } from "../../../src/core/rules/catalog";
import { CONFIG_FIELD_LABELS, DEFAULT_CONFIG } from "../../../src/core/rules/config";

const README = fs.readFileSync(path.join(__dirname, "..", "..", "..", "README.md"), "utf8");

/** The rows of README's rule table (the one under "## The warning system"), as trimmed cells. */
function readmeRuleRows(): string[][] {
  const section = README.slice(README.indexOf("## The warning system"));
  const lines = section.split("\n");
  const start = lines.findIndex((l) => l.startsWith("| color"));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

describe("rule catalogue", () => {
  it("is what README's rule table says, in order, with the default settings", () => {
    const rows = readmeRuleRows();
    expect(rows).toHaveLength(RULES.length);
    RULES.forEach((rule, i) => {
      const [colour, text, action] = rows[i];
      expect(colour).toBe(`${rule.colour} \`${DEFAULT_FILLS[rule.colour]}\``);
      expect(text.startsWith(rule.threshold(DEFAULT_CONFIG).en)).toBe(true);
      expect(action).toBe(`${rule.actionBrief.en} (${rule.actionBrief.zh})`);
    });
  });

  it("gives every rule a unique id, and every setting a unique name, a default within its bounds and labels", () => {
    expect(new Set(RULE_IDS).size).toBe(RULES.length);
    expect(new Set(CONFIG_FIELDS.map((f) => f.name)).size).toBe(CONFIG_FIELDS.length);
    for (const f of CONFIG_FIELDS) {
      expect(DEFAULT_CONFIG[f.name]).toBe(f.default);
      expect(f.minExclusive ? f.default > f.min : f.default >= f.min).toBe(true);
      expect(f.maxExclusive ? f.default < f.max : f.default <= f.max).toBe(true);
      if (f.integer) expect(Number.isInteger(f.default)).toBe(true);
      expect(CONFIG_FIELD_LABELS[f.name]).toEqual(f.label);
      expect(f.paneLabel.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(DEFAULT_CONFIG)).toEqual([
      ...CONFIG_FIELDS.map((f) => f.name),
      ...CONFIG_CHOICES.map((c) => c.name),
      "fills",
    ]);
    for (const c of CONFIG_CHOICES) expect(c.options).toContain(c.default);
  });
});
