/**
 * The layering of src/ (scripts/import-graph.js, type-only imports included): no import cycle; src/core imports
 * nothing outside src/core (no host: React, Office.js, files); nothing in src/ imports tools/ (the simulated host
 * and the preview); the rule detectors reach neither the catalogue nor the engine.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { importGraph, cycles, layeringProblems } = require("../../scripts/import-graph.js") as {
  importGraph: (dirs?: string[]) => Map<string, string[]>;
  cycles: (graph: Map<string, string[]>) => string[][];
  layeringProblems: (graph: Map<string, string[]>) => string[];
};

const graph = importGraph();

describe("import graph", () => {
  it("reads the source tree", () => {
    expect(graph.get("src/core/rules/engine.ts")).toContain("src/core/rules/catalog.ts");
    expect(graph.get("src/core/rules/engine.ts")).toContain("src/core/rules/detectorTable.ts");
    expect(graph.get("src/core/rules/detectorTable.ts")).toContain("src/core/rules/detectors/roi.ts");
  });

  it("has no cycle", () => {
    expect(cycles(graph).map((c) => c.join(" → "))).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const cyclic = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cycles(cyclic)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });

  it("keeps src/core free of hosts and src/ free of tools/", () => {
    expect(layeringProblems(graph)).toEqual([]);
  });

  it("lets detectors import only the detector contract, the series and shared helpers", () => {
    const forbidden = ["catalog", "engine", "config", "types", "flagSink", "column"].map(
      (m) => `src/core/rules/${m}.ts`,
    );
    const detectors = [...graph.keys()].filter((f) => f.startsWith("src/core/rules/detectors/"));
    expect(detectors.length).toBeGreaterThanOrEqual(5);
    for (const f of detectors)
      expect({ f, bad: (graph.get(f) ?? []).filter((d) => forbidden.includes(d)) }).toEqual({ f, bad: [] });
  });
});
