/**
 * Real graph files written by other tools (Gephi Lite's sample set), kept
 * outside the project in ../shared/fixtures/real/ and never copied into it.
 * Each must import whole: every node and edge, counted from the file itself
 * and against the known numbers, into a dataset that passes validation.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { validateDataset } from "../../src/core/dataset/validate";
import type { ImportFile, ImportOptions, ImportResult } from "../../src/core/import/types";
import { importGexf, importGraphml } from "../../src/core/import/xml-graph";

const REAL = new URL("../../../shared/fixtures/real/", import.meta.url);
const present = existsSync(fileURLToPath(REAL));

interface RealFile {
  name: string;
  importer: (file: ImportFile, options?: ImportOptions) => ImportResult;
  nodes: number;
  edges: number;
}

const FILES: RealFile[] = [
  { name: "les-miserables.gexf", importer: importGexf, nodes: 77, edges: 254 },
  { name: "power-grid.gexf", importer: importGexf, nodes: 4_941, edges: 6_594 },
  { name: "airlines.graphml", importer: importGraphml, nodes: 235, edges: 2_101 },
];

/** Elements counted in the text, apart from the importer: `<node ` and `<edge ` (and their self-closing forms). */
const countElements = (text: string, tag: string) => text.match(new RegExp(`<${tag}[\\s/>]`, "g"))?.length ?? 0;

describe("real files from other tools", () => {
  if (!present) {
    it("is not run when ../shared/fixtures/real is absent", () => {
      console.warn("compatibility test not run: ../shared/fixtures/real is absent");
      expect(existsSync(fileURLToPath(REAL))).toBe(false);
    });
    return;
  }

  for (const { name, importer, nodes, edges } of FILES) {
    it(`imports ${name} whole: ${nodes} nodes, ${edges} edges`, () => {
      const text = readFileSync(new URL(name, REAL), "utf8");
      expect(countElements(text, "node")).toBe(nodes);
      expect(countElements(text, "edge")).toBe(edges);

      const result = importer({ name, text });
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems.slice(0, 5))}`);
      expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(result.dataset.actors).toHaveLength(nodes);
      expect(result.dataset.relations).toHaveLength(edges);
      expect(new Set(result.dataset.relations.map((r) => r.id)).size).toBe(edges);
      // Every real file here carries a layout.
      expect(result.dataset.actors.every((a) => a.position !== undefined)).toBe(true);

      const checked = validateDataset(result.dataset);
      expect(checked.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(checked.ok).toBe(true);
    });
  }

  it("reads Les Misérables' viz colours and its edge attribute as a type candidate", () => {
    const text = readFileSync(new URL("les-miserables.gexf", REAL), "utf8");
    const result = importGexf({ name: "les-miserables.gexf", text });
    if (!result.ok) throw new Error("import failed");
    expect(result.dataset.actors[0]).toEqual({
      id: "11",
      kind: "state",
      label: { en: "Valjean" },
      position: { x: -87.93029, y: 6.8120565 },
      color: "#f55b5b",
    });
    expect(result.typeCandidates).toEqual(["cooccurrence"]);
    expect(result.dataset.relationTypes.map((t) => t.id)).toEqual(["related"]);
  });
});
