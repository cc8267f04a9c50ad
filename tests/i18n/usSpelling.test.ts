/**
 * en-US spelling in every English string a user reads (issue 19 item 5): the pane's string table, every string and
 * template literal in src/ that is not Chinese (the core's bilingual records' `en`, the CLI's help and summary, the
 * report sheet, validation messages), the custom functions' JSDoc (Excel shows it as help) and README.md's prose.
 * Found with the TypeScript scanner, so comments and identifiers (WarningColour, COLOUR_NAMES) are not text; keys
 * that are one lower-case token ("analyse" as a phase name) are identifiers too.
 */
import fs from "fs";
import path from "path";
import ts from "typescript";

const ROOT = path.join(__dirname, "..", "..");

/** British spellings and their en-US forms (Merriam-Webster). */
const BRITISH: [RegExp, string][] = [
  [/colour/i, "color"],
  [/favour/i, "favor"],
  [/behaviour/i, "behavior"],
  [/\bcentre/i, "center"],
  [/\bcancell(ed|ing)\b/i, "canceled, canceling"],
  [/\banalys(e|ed|es|ing)\b/i, "analyze"],
  [
    /\b(recogn|optim|organ|summar|priorit|normal|util|minim|maxim|visual|custom|initial|standard|categor|character|emphas)is(e|ed|es|ing|ation|ations)\b/i,
    "-ize",
  ],
  [/\bcatalogue/i, "catalog"],
  [/\b(label|model|travel|signal|total)l(ed|ing)\b/i, "one l"],
  [/\bgrey/i, "gray"],
  [/\blicence/i, "license"],
  [/\bartefact/i, "artifact"],
  [/\bjudgement/i, "judgment"],
  [/\bprogramme/i, "program"],
  [/\b(whilst|amongst)\b/i, "while, among"],
];

function british(text: string): string[] {
  return BRITISH.filter(([re]) => re.test(text)).map(([re, us]) => `${re.exec(text)![0]} → ${us}`);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The text of every string a user could read in a source file, with its line. */
function readableStrings(file: string): { line: number; text: string }[] {
  const src = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
    // The Chinese half of a bilingual record.
    if (ts.isPropertyAssignment(node) && node.name.getText(src).replace(/["']/g, "") === "zh") return;
    const isText =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node);
    if (isText) {
      const parent = node.parent;
      const isKey = parent && ts.isPropertyAssignment(parent) && parent.name === node;
      const text = (node as ts.LiteralLikeNode).text ?? node.getText(src);
      // One token starting in lower case (a key, a JSON field such as cellsColoured, a phase, a CSS value) is an
      // identifier, not a sentence.
      if (!isKey && !/^[a-z][A-Za-z0-9_.-]*$/.test(text.trim()))
        out.push({ line: src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

describe("en-US spelling in English text", () => {
  it("finds British spellings when they are there (the check can fail)", () => {
    expect(british("Cancelled. The cells are coloured.")).toEqual([
      "colour → color",
      "Cancelled → canceled, canceling",
    ]);
    expect(british("Recognised columns; analyse; catalogue")).toHaveLength(3);
    expect(british("Canceled. The cells are colored; recognized; analyze; catalog; otherwise; raise")).toEqual([]);
    const sample = path.join(__dirname, "__british.tmp.ts");
    fs.writeFileSync(
      sample,
      'const a = { en: "Fill colours", zh: "填充 colour", field: "cellsColoured" }; // colour\ntype WarningColour = "red";\n',
    );
    try {
      expect(readableStrings(sample).map((s) => s.text)).toEqual(["Fill colours"]);
    } finally {
      fs.unlinkSync(sample);
    }
  });

  it("has none in the strings of src/ (pane, core, CLI, report, functions)", () => {
    const found: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, "src"))) {
      if (file.endsWith(path.join("i18n", "zh-CN.ts"))) continue;
      for (const { line, text } of readableStrings(file)) {
        const hits = british(text);
        if (hits.length) found.push(`${path.relative(ROOT, file)}:${line} ${hits.join(", ")}: ${text.slice(0, 80)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("has none in the custom functions' help (the JSDoc Excel shows) or the English keys of their Chinese table", () => {
    const jsdoc = fs
      .readFileSync(path.join(ROOT, "src", "functions", "functions.ts"), "utf8")
      .match(/\/\*\*[\s\S]*?\*\//g)!;
    const zhKeys = Object.keys(
      JSON.parse(fs.readFileSync(path.join(ROOT, "src", "functions", "functions.zh-CN.json"), "utf8")),
    );
    expect([...jsdoc, ...zhKeys].flatMap(british)).toEqual([]);
  });

  it("has none in README.md's prose (code spans, code blocks and file paths are names, not prose)", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const prose = readme
      .replace(/```[\s\S]*?```/g, "")
      .replace(/`[^`]*`/g, "")
      .replace(/\([^)\s]*\/[^)\s]*\)/g, "") // link targets: paths
      .split("\n");
    const found = prose.flatMap((line, i) =>
      british(line).map((h) => `README.md:${i + 1} ${h}: ${line.trim().slice(0, 80)}`),
    );
    expect(found).toEqual([]);
  });
});
