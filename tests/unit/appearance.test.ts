/** Appearance as data: kinds and types become colours, degrees become sizes, parallels bend. */
import { describe, expect, it } from "vitest";
import { validateDataset, type Dataset } from "../../src/core/dataset";
import { buildGraph, datasetId, graphKey as k } from "../../src/core/graph";
import {
  applyAppearance,
  curvature,
  DEFAULT_EDGE_COLOR,
  edgeProgram,
  KIND_COLORS,
  NODE_SIZE,
  nodeSize,
  nodeSizeScale,
} from "../../src/render/appearance";
import { renderProfile } from "../../src/render/profile";
import { actorNumbers, metricSizes } from "../../src/core/analysis";
import { lookup } from "../../src/core/dataset/lookup";
import { actor, bundledJson, datasetWith, minimalDataset, relation, type Loose, valid } from "./fixtures";


describe("nodeSize", () => {
  it("runs from the scale's min at the lowest degree to its max at the highest", () => {
    expect(nodeSize(0, { low: 0, high: 11 })).toBe(NODE_SIZE.min);
    expect(nodeSize(11, { low: 0, high: 11 })).toBe(NODE_SIZE.max);
    expect(nodeSize(2, { low: 2, high: 11 })).toBe(NODE_SIZE.min);
    expect([NODE_SIZE.min, NODE_SIZE.max]).toEqual([6, 18]);
  });

  it("follows the square root of the degree's place between the lowest and the highest", () => {
    expect(nodeSize(1, { low: 0, high: 4 })).toBe(12);
    expect(nodeSize(4, { low: 0, high: 16 }, { min: 0, max: 100 })).toBe(50);
    expect(nodeSize(5, { low: 1, high: 17 }, { min: 0, max: 100 })).toBe(50);
  });

  it("grows with the degree and stays within bounds", () => {
    let previous = -Infinity;
    for (let degree = 1; degree <= 40; degree++) {
      const size = nodeSize(degree, { low: 1, high: 40 });
      expect(size).toBeGreaterThan(previous);
      expect(size).toBeGreaterThanOrEqual(NODE_SIZE.min);
      expect(size).toBeLessThanOrEqual(NODE_SIZE.max);
      previous = size;
    }
  });

  it("gives the min size when every actor has as many relations, and stays in bounds outside the range", () => {
    expect(nodeSize(0, { low: 0, high: 0 })).toBe(6);
    expect(nodeSize(3, { low: 3, high: 3 })).toBe(6);
    expect(nodeSize(3, { low: Infinity, high: -Infinity })).toBe(6);
    expect(nodeSize(-5, { low: 0, high: 10 })).toBe(6);
    expect(nodeSize(50, { low: 0, high: 10 })).toBe(18);
  });

  it("gives the sizes a reader gets by choosing to size by relations (the same function)", () => {
    const dataset = valid(bundledJson());
    const graph = buildGraph(dataset, "en");
    applyAppearance(graph, dataset);
    const numbers = actorNumbers(lookup(dataset), undefined, { betweenness: false });
    const chosen = metricSizes(numbers, "degree", NODE_SIZE.min, NODE_SIZE.max);
    for (const actor of dataset.actors) expect(graph.getNodeAttribute(k(actor.id), "size"), actor.id).toBe(chosen.get(actor.id));
  });
});

describe("nodeSizeScale", () => {
  it("keeps the full range up to 300 actors, then shrinks it with the square root of their number", () => {
    expect(nodeSizeScale(0)).toEqual(NODE_SIZE);
    expect(nodeSizeScale(13)).toEqual(NODE_SIZE);
    expect(nodeSizeScale(300)).toEqual(NODE_SIZE);
    expect(nodeSizeScale(1200)).toEqual({ min: 3, max: 9 });
  });

  it("never goes below 2 to 5 pixels, however many actors", () => {
    expect(nodeSizeScale(4941)).toEqual({ min: 2, max: 5 });
    expect(nodeSizeScale(1_000_000)).toEqual({ min: 2, max: 5 });
  });

  it("sizes a large graph's actors within its range, the most connected at its top", () => {
    // 1,200 actors in a ring, the first one also tied to ten others.
    const actors = Array.from({ length: 1200 }, (_, i) => actor(`a${i}`, "state"));
    const relations = actors.map((_, i) => relation(`r${i}`, `a${i}`, `a${(i + 1) % 1200}`, "ally"));
    for (let i = 0; i < 10; i++) relations.push(relation(`hub${i}`, "a0", `a${600 + i}`, "ally"));
    const dataset = valid(datasetWith({ actors, relationTypes: minimalDataset().relationTypes, relations }));
    const graph = buildGraph(dataset, "en");
    applyAppearance(graph, dataset);
    const sizes = graph.mapNodes((_node, attributes) => attributes.size!);
    expect(Math.max(...sizes)).toBe(9);
    expect(graph.getNodeAttribute(k("a0"), "size")).toBe(9);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3);
  });

  it("labels only the biggest discs of a large graph at first", () => {
    expect(renderProfile(40_000, 10_000).labelRenderedSizeThreshold).toBe(4);
    expect(renderProfile(6_000, 60).labelRenderedSizeThreshold).toBe(10);
    expect(renderProfile(100, 13).labelRenderedSizeThreshold).toBe(4);
  });

  it("draws a large graph's nodes as points and a small graph's as sigma's discs", () => {
    expect(renderProfile(40_000, 10_000)).toMatchObject({ large: true, pointNodes: true, simpleEdges: true, enableEdgeEvents: false });
    expect(renderProfile(5_001, 1_200)).toMatchObject({ large: true, pointNodes: true });
    expect(renderProfile(5_000, 1_200)).toMatchObject({ large: false, pointNodes: false, enableEdgeEvents: true });
    expect(renderProfile(26, 13)).toMatchObject({ large: false, pointNodes: false, simpleEdges: false });
  });

  it("draws a small graph's relations with one program, and a bigger graph's with one a shape", () => {
    expect(renderProfile(26, 13)).toMatchObject({ oneEdgeProgram: true, simpleEdges: false });
    expect(renderProfile(300, 100)).toMatchObject({ oneEdgeProgram: true });
    expect(renderProfile(301, 100)).toMatchObject({ oneEdgeProgram: false, simpleEdges: false });
    expect(renderProfile(40_000, 10_000)).toMatchObject({ oneEdgeProgram: false, simpleEdges: true });
  });
});

describe("curvature", () => {
  it("is 0 for a relation with no parallel", () => {
    expect(curvature(0, 1, false)).toBe(0);
    expect(curvature(0, 1, true)).toBe(0);
    expect(curvature(0, 0, false)).toBe(0);
  });

  it("bends two parallels symmetrically apart", () => {
    const [a, b] = [curvature(0, 2, false), curvature(1, 2, false)];
    expect(a).toBeCloseTo(-0.225, 12);
    expect(b).toBeCloseTo(0.225, 12);
    expect(a).toBe(-b);
  });

  it("bends three parallels symmetrically about a straight middle one", () => {
    expect([0, 1, 2].map((i) => curvature(i, 3, false))).toEqual([-0.45, 0, 0.45]);
  });

  it("gives every parallel its own bend, in order, balanced about 0", () => {
    for (const count of [2, 3, 4, 5, 8]) {
      const bends = Array.from({ length: count }, (_, i) => curvature(i, count, false));
      expect(new Set(bends).size).toBe(count);
      expect(Math.max(...bends.map(Math.abs))).toBeCloseTo(count === 2 ? 0.225 : 0.45, 12);
      expect(bends.reduce((sum, b) => sum + b, 0)).toBeCloseTo(0, 12);
      expect(bends).toEqual([...bends].sort((x, y) => x - y));
    }
  });

  it("flips the sign for a relation drawn the other way", () => {
    for (const [index, count] of [[0, 2], [1, 2], [0, 3], [2, 3], [3, 4]] as const) {
      expect(curvature(index, count, true)).toBe(-curvature(index, count, false));
    }
  });
});

describe("edgeProgram", () => {
  it("picks the program for each direction and bend", () => {
    expect(edgeProgram(false, false)).toBe("line");
    expect(edgeProgram(true, false)).toBe("arrow");
    expect(edgeProgram(false, true)).toBe("curved");
    expect(edgeProgram(true, true)).toBe("curvedArrow");
  });

  it("draws a small graph's relations with one program whatever their shape, which reads their bend and direction", () => {
    for (const [directed, curved] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      expect(edgeProgram(directed, curved, { oneEdgeProgram: true })).toBe("relation");
    }
  });

  it("draws the large profile's relations as one-pixel lines whatever their shape", () => {
    expect(edgeProgram(true, true, { simpleEdges: true })).toBe("thin");
    expect(edgeProgram(false, false, { simpleEdges: true, oneEdgeProgram: true })).toBe("thin");
  });
});

describe("applyAppearance on the bundled graph", () => {
  const dataset = valid(bundledJson());
  const graph = buildGraph(dataset, "en");
  // As the page draws it: a small graph, every relation in one program.
  applyAppearance(graph, dataset, renderProfile(graph.size, graph.order));

  it("colours every actor by its kind", () => {
    for (const actor of dataset.actors) {
      expect(graph.getNodeAttribute(k(actor.id), "color"), actor.id).toBe(KIND_COLORS[actor.kind]);
    }
    expect(graph.getNodeAttribute(k("russia"), "color")).toBe("#4477AA");
    expect(graph.getNodeAttribute(k("islamic-state"), "color")).toBe("#EE6677");
  });

  it("sizes actors by degree: the busiest at the max", () => {
    expect(graph.getNodeAttribute(k("france"), "size")).toBe(18);
    expect(graph.getNodeAttribute(k("russia"), "size")).toBe(18);
    // The least related actors get the min size.
    expect(graph.getNodeAttribute(k("syria"), "size")).toBe(6);
    // Germany has 3 relations, the least related 1 and France and Russia 11.
    expect(graph.getNodeAttribute(k("germany"), "size")).toBeCloseTo(6 + 12 * Math.sqrt((3 - 1) / (11 - 1)), 12);
  });

  it("colours every relation by its type", () => {
    const colors = new Map(dataset.relationTypes.map((t) => [t.id, t.color]));
    for (const relation of dataset.relations) {
      expect(graph.getEdgeAttribute(k(relation.id), "color"), relation.id).toBe(colors.get(relation.type));
      expect(graph.getEdgeAttribute(k(relation.id), "size")).toBe(3);
    }
    expect(graph.getEdgeAttribute(k("russia-turkey-tension-jet"), "color")).toBe("#D55E00");
  });

  it("curves exactly the relations whose pair has more than one, except a middle one", () => {
    for (const relation of dataset.relations) {
      const { parallelCount, parallelIndex, type, curvature: bend } = graph.getEdgeAttributes(k(relation.id));
      const straight = parallelCount === 1 || parallelIndex * 2 === parallelCount - 1;
      expect(bend === 0, relation.id).toBe(straight);
      expect(type, relation.id).toBe("relation");
    }
    const curved = graph.filterEdges((_e, a) => a.curvature !== 0).map(datasetId).sort();
    expect(curved).toEqual(
      [
        "france-russia-cooperation-is",
        "france-russia-military-coordination",
        "france-russia-tension-disputes",
        "france-russia-mediation-jet",
        "hollande-putin-tension",
        "putin-hollande-support-coalition",
        "russia-turkey-tension-jet",
        "turkey-russia-conflict-jet",
      ].sort(),
    );
  });

  it("bends the two Russia–Turkey relations, drawn opposite ways, to opposite sides", () => {
    const there = graph.getEdgeAttribute(k("russia-turkey-tension-jet"), "curvature");
    const back = graph.getEdgeAttribute(k("turkey-russia-conflict-jet"), "curvature");
    // Same number, but measured from opposite ends: the curves lie on opposite sides.
    expect(there).toBeCloseTo(-0.225, 12);
    expect(back).toBeCloseTo(-0.225, 12);
    // The program draws a head on the directed one only.
    expect(graph.getEdgeAttributes(k("turkey-russia-conflict-jet"))).toMatchObject({ type: "relation", directed: true });
    expect(graph.getEdgeAttributes(k("russia-turkey-tension-jet"))).toMatchObject({ type: "relation", directed: false });
  });

  it("dashes exactly the hostile relations", () => {
    for (const relation of dataset.relations) {
      const hostile = graph.getEdgeAttribute(k(relation.id), "sign") === -1;
      expect(graph.getEdgeAttribute(k(relation.id), "dashed"), relation.id).toBe(hostile);
    }
    expect(graph.getEdgeAttribute(k("russia-nato-tension"), "dashed")).toBe(true);
    expect(graph.getEdgeAttribute(k("france-nato-membership"), "dashed")).toBe(false);
  });

  it("in the large profile, draws one-pixel straight lines, the hostile ones dashed", () => {
    const big = buildGraph(dataset, "en");
    applyAppearance(big, dataset, { simpleEdges: true });
    for (const relation of dataset.relations) {
      const { sign, type, dashed, size } = big.getEdgeAttributes(k(relation.id));
      expect([type, dashed, size], relation.id).toEqual(["thin", sign === -1, 1]);
    }
  });

  it("draws single relations straight, with an arrow when directed", () => {
    expect(graph.getEdgeAttributes(k("france-syria-mediation-peace"))).toMatchObject({ type: "relation", curvature: 0, directed: true });
    expect(graph.getEdgeAttributes(k("russia-nato-tension"))).toMatchObject({ type: "relation", curvature: 0, directed: false });
  });
});

describe("applyAppearance on small graphs", () => {
  it("gives an unknown relation type the default colour", () => {
    const dataset = valid(minimalDataset());
    const graph = buildGraph(dataset, "en");
    applyAppearance(graph, { ...dataset, relationTypes: dataset.relationTypes.slice(1) });
    expect(graph.getEdgeAttribute(k("r1"), "color")).toBe(DEFAULT_EDGE_COLOR);
    expect(graph.getEdgeAttribute(k("r2"), "color")).toBe("#aa0000");
  });

  it("places curves by geometry: same-direction parallels differ, a reversed one is negated", () => {
    const d: Loose = minimalDataset();
    d.relations = [relation("ab1", "a", "b", "ally"), relation("ab2", "a", "b", "ally"), relation("ba", "b", "a", "attack")];
    const dataset = valid(d);
    const graph = buildGraph(dataset, "en");
    applyAppearance(graph, dataset);
    expect(["ab1", "ab2", "ba"].map((e) => graph.getEdgeAttribute(k(e), "curvature"))).toEqual([-0.45, 0, -0.45]);
    expect(["ab1", "ab2", "ba"].map((e) => graph.getEdgeAttribute(k(e), "directed"))).toEqual([false, false, true]);
    // With one program a shape (a graph of middling size), each relation's shape picks its program.
    expect(["ab1", "ab2", "ba"].map((e) => graph.getEdgeAttribute(k(e), "type"))).toEqual(["curved", "line", "curvedArrow"]);
    applyAppearance(graph, dataset, { oneEdgeProgram: true });
    expect(["ab1", "ab2", "ba"].map((e) => graph.getEdgeAttribute(k(e), "type"))).toEqual(["relation", "relation", "relation"]);
  });

  it("keeps every attribute it does not own", () => {
    const dataset = valid(minimalDataset());
    const graph = buildGraph(dataset, "fa");
    applyAppearance(graph, dataset);
    expect(graph.getNodeAttributes(k("a"))).toMatchObject({ label: "آلفا", kind: "state", degree: 2, x: 0, y: 0 });
    expect(graph.getEdgeAttributes(k("r2"))).toMatchObject({ relationType: "attack", sign: -1, directed: true, parallelIndex: 0, parallelCount: 1 });
  });

  it("gives every actor the min size when there is no relation", () => {
    const d: Loose = minimalDataset();
    d.relations = [];
    const dataset = valid(d);
    const graph = buildGraph(dataset, "en");
    applyAppearance(graph, dataset);
    expect(graph.mapNodes((_n, a) => a.size)).toEqual([6, 6, 6]);
  });
});
