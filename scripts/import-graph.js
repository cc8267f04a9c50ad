#!/usr/bin/env node
/**
 * The import graph of src/ (and tools/), type-only imports included: `node scripts/import-graph.js` prints every
 * cycle and every import that breaks the layering (src/core importing a host, src importing tools/), and exits 1
 * when there is one. tests/core/importGraph.test.ts runs the same check.
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const EXTENSIONS = [".ts", ".tsx", ".js"];

function listFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Relative module specifiers of `import … from`, `export … from`, `import("…")` and `require("…")`. */
function specifiers(source) {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const out = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;
  let m;
  while ((m = re.exec(text))) out.push(m[1]);
  return out;
}

function resolve(from, spec) {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, ...EXTENSIONS.map((x) => base + x), ...EXTENSIONS.map((x) => path.join(base, "index" + x))]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

/** file (relative to the repo) → the repo-relative files it imports. */
function importGraph(dirs = ["src", "tools"]) {
  const graph = new Map();
  for (const d of dirs) {
    const abs = path.join(ROOT, d);
    if (!fs.existsSync(abs)) continue;
    for (const f of listFiles(abs)) {
      const deps = specifiers(fs.readFileSync(f, "utf8"))
        .map((s) => resolve(f, s))
        .filter(Boolean)
        .map((p) => path.relative(ROOT, p).split(path.sep).join("/"));
      graph.set(path.relative(ROOT, f).split(path.sep).join("/"), [...new Set(deps)]);
    }
  }
  return graph;
}

/** Every elementary cycle found by depth-first search (each reported once, from its smallest file). */
function cycles(graph) {
  const found = new Map();
  const state = new Map(); // 1: on the stack, 2: done
  const stack = [];
  const visit = (f) => {
    state.set(f, 1);
    stack.push(f);
    for (const d of graph.get(f) || []) {
      if (state.get(d) === 1) {
        const cycle = stack.slice(stack.indexOf(d));
        const start = cycle.indexOf([...cycle].sort()[0]);
        const key = [...cycle.slice(start), ...cycle.slice(0, start)];
        found.set(key.join(" → "), key);
      } else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
  return [...found.values()];
}

/** Imports that break the layering: src/core reaching outside src/core, src reaching tools/. */
function layeringProblems(graph) {
  const problems = [];
  for (const [f, deps] of graph) {
    for (const d of deps) {
      if (f.startsWith("src/core/") && !d.startsWith("src/core/")) problems.push(`${f} imports ${d} (outside core)`);
      if (f.startsWith("src/") && d.startsWith("tools/")) problems.push(`${f} imports ${d} (a test/preview tool)`);
    }
  }
  return problems;
}

module.exports = { importGraph, cycles, layeringProblems };

if (require.main === module) {
  const graph = importGraph();
  const c = cycles(graph);
  const p = layeringProblems(graph);
  for (const cycle of c) console.log(`cycle: ${cycle.join(" → ")} → ${cycle[0]}`);
  for (const line of p) console.log(line);
  console.log(`${graph.size} files, ${c.length} cycles, ${p.length} layering problems`);
  process.exit(c.length + p.length > 0 ? 1 : 0);
}
