/**
 * Build-time helpers for the GROWTH custom-function metadata (plain CommonJS, required by webpack.config.js):
 *   translateMetadata(functionsJson, table)       → the zh-CN functions.json (same ids, names and parameters; only
 *                                                    descriptions translated through src/functions/functions.zh-CN.json)
 *   renderReference(functionsJson, zhFunctionsJson[, details]) → the standalone function reference page (HTML),
 *                                                    one anchor per function ID (the @helpurl targets) in English and
 *                                                    "zh-<ID>" in Chinese; details from functions.reference.json.
 * Every text is HTML-escaped: descriptions are data, never markup.
 */
"use strict";

const DEFAULT_DETAILS = require("./functions.reference.json");

/** Accepts the metadata as an object or as JSON text. */
function asObject(json) {
  return typeof json === "string" ? JSON.parse(json) : json;
}

/** Translates one description; a missing entry is a build error rather than silently English text. */
function translate(text, table, where) {
  if (text === undefined) return undefined;
  if (!Object.prototype.hasOwnProperty.call(table, text)) {
    throw new Error(`functions.zh-CN.json has no translation for ${where}: "${text}"`);
  }
  return table[text];
}

/** Every description string of a functions.json, in order (functions, then their parameters and results). */
function descriptionsOf(functionsJson) {
  const out = [];
  for (const f of asObject(functionsJson).functions) {
    if (f.description !== undefined) out.push(f.description);
    for (const p of f.parameters || []) if (p.description !== undefined) out.push(p.description);
    if (f.result && f.result.description !== undefined) out.push(f.result.description);
  }
  return out;
}

/** A deep copy of functions.json with descriptions replaced by their translations; ids, names and types unchanged. */
function translateMetadata(functionsJson, table) {
  const copy = JSON.parse(JSON.stringify(asObject(functionsJson)));
  for (const f of copy.functions) {
    if (f.description !== undefined) f.description = translate(f.description, table, f.id);
    for (const p of f.parameters || []) {
      if (p.description !== undefined) p.description = translate(p.description, table, `${f.id}.${p.name}`);
    }
    if (f.result && f.result.description !== undefined) {
      f.result.description = translate(f.result.description, table, `${f.id} result`);
    }
  }
  return copy;
}

function escapeHtml(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** An example argument as Excel formula text: numbers, "text", {array;constants}; null = omitted. */
function formulaArg(value) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return `{${value.map((row) => [].concat(row).map(formulaArg).join(", ")).join("; ")}}`;
  if (typeof value === "string") return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

const LABELS = {
  en: {
    heading: "English",
    formula: "Formula",
    args: "Arguments",
    name: "Name",
    required: "Required",
    yes: "yes",
    optional: "optional",
    description: "Description",
    errors: "Errors",
    example: "Example",
    precedence:
      "Errors: when several conditions hold, #VALUE! (an argument that is not a number) comes first, then #DIV/0!, then #NUM!. An omitted optional argument uses its default. No function returns NaN or infinity: an out-of-range result is #NUM!.",
  },
  zh: {
    heading: "中文",
    formula: "公式",
    args: "参数",
    name: "名称",
    required: "必填",
    yes: "是",
    optional: "可选",
    description: "说明",
    errors: "错误",
    example: "示例",
    precedence:
      "错误：多个条件同时成立时，先返回 #VALUE!（参数不是数字），其次 #DIV/0!，再次 #NUM!。省略的可选参数取默认值。函数不会返回 NaN 或无穷大：超出范围的结果为 #NUM!。",
  },
};

function renderFunction(f, lang, details, anchor) {
  const L = LABELS[lang];
  const d = details[f.id] || {};
  const rows = (f.parameters || [])
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${p.optional ? L.optional : L.yes}</td><td>${escapeHtml(p.description || "")}</td></tr>`,
    )
    .join("\n");
  const errors = ((d.errors && d.errors[lang]) || []).map((e) => `<li>${escapeHtml(e)}</li>`).join("");
  const example = d.example
    ? `<h4>${L.example}</h4>\n<pre>${escapeHtml(`=GROWTH.${f.name}(${d.example.args.map(formulaArg).join(", ")})  →  ${d.example.result}`)}</pre>`
    : "";
  return `<article id="${escapeHtml(anchor)}">
<h3>GROWTH.${escapeHtml(f.name)}</h3>
<p>${escapeHtml(f.description || "")}</p>
${d.formula ? `<h4>${L.formula}</h4>\n<p class="formula"><code>${escapeHtml(d.formula)}</code></p>` : ""}
<h4>${L.args}</h4>
<table><thead><tr><th>${L.name}</th><th>${L.required}</th><th>${L.description}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${errors ? `<h4>${L.errors}</h4>\n<ul>${errors}</ul>` : ""}
${example}
</article>`;
}

function renderSection(functionsJson, lang, details) {
  const fns = asObject(functionsJson).functions;
  const prefix = lang === "en" ? "" : "zh-";
  const toc = fns.map((f) => `<a href="#${escapeHtml(prefix + f.id)}">${escapeHtml(f.name)}</a>`).join(" · ");
  return `<section id="${lang}" lang="${lang === "en" ? "en" : "zh-CN"}">
<h2>${LABELS[lang].heading}</h2>
<p class="toc">${toc}</p>
<p class="note">${escapeHtml(LABELS[lang].precedence)}</p>
${fns.map((f) => renderFunction(f, lang, details, prefix + f.id)).join("\n")}
</section>`;
}

/** The complete standalone HTML reference page (no scripts, no external resources). */
function renderReference(functionsJson, zhFunctionsJson, details = DEFAULT_DETAILS) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Growth Signals — GROWTH function reference</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.5; color: #242424; }
article { border-top: 1px solid #d1d1d1; padding: 0.5rem 0 1rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #d1d1d1; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
code, pre { font-family: Consolas, "Courier New", monospace; } pre { background: #f5f5f5; padding: 0.5rem; overflow-x: auto; }
.toc { line-height: 2; } .note { background: #f0f6ff; padding: 0.5rem; }
</style>
</head>
<body>
<h1>GROWTH custom functions · GROWTH 自定义函数</h1>
<p><a href="#en">English</a> · <a href="#zh">中文</a></p>
${renderSection(functionsJson, "en", details)}
${renderSection(zhFunctionsJson, "zh", details)}
</body>
</html>
`;
}

module.exports = { translateMetadata, renderReference, descriptionsOf, escapeHtml };
