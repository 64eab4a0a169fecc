/** The full app's (and a shared embed's) node look: sizes and colours as the view says, from the graph's first look. */
import { describe, expect, it } from "vitest";
import { lookup } from "../../src/core/dataset/lookup";
import { buildGraph, datasetId, graphKey, type EntenteGraph } from "../../src/core/graph";
import { translator } from "../../src/core/i18n";
import { NodeLook } from "../../src/app/look";
import { applyAppearance, KIND_COLORS } from "../../src/render/appearance";
import { bundledJson, valid } from "./fixtures";

const dataset = valid(bundledJson());
const ctx = { data: lookup(dataset), lang: "en" as const, t: translator("en") };

function fresh(): EntenteGraph {
  const graph = buildGraph(dataset, "en");
  applyAppearance(graph, dataset);
  return graph;
}
const looks = (graph: EntenteGraph) => graph.mapNodes((node, a) => [datasetId(node), a.size, a.color] as const);

describe("NodeLook", () => {
  it("leaves the graph's first look alone when the view asks for it: no update, no numbers yet", () => {
    const graph = fresh();
    let updates = 0;
    graph.on("eachNodeAttributesUpdated", () => (updates += 1));
    const look = new NodeLook(ctx, graph);
    look.apply("degree", "kind");
    expect(updates).toBe(0);
    expect(looks(graph)).toEqual(looks(fresh()));
  });

  it("sizes by betweenness and colours by community, then back to exactly the first look", () => {
    const graph = fresh();
    const look = new NodeLook(ctx, graph);
    look.apply("betweenness", "community");
    const changed = looks(graph);
    const first = looks(fresh());
    expect(changed.filter(([, size], i) => size !== first[i]![1]).length).toBeGreaterThan(3);
    expect(changed.filter(([, , color], i) => color !== first[i]![2]).length).toBeGreaterThan(3);
    // The most between: France.
    const biggest = Math.max(...changed.map(([, size]) => size!));
    expect(changed.filter(([, size]) => size === biggest).map(([id]) => id).sort()).toEqual(["france"]);
    look.apply("degree", "kind");
    expect(looks(graph)).toEqual(first);
    expect(graph.getNodeAttribute(graphKey("nato"), "color")).toBe(KIND_COLORS.organization);
  });

  it("applies a look once: asking for the same again changes nothing", () => {
    const graph = fresh();
    const look = new NodeLook(ctx, graph);
    look.apply("weighted", "kind");
    let updates = 0;
    graph.on("eachNodeAttributesUpdated", () => (updates += 1));
    look.apply("weighted", "kind");
    expect(updates).toBe(0);
    look.apply("degree", "kind");
    expect(updates).toBe(1);
  });
});
