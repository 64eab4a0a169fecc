/** What sigma draws for a large graph: one line per pair of actors, following the data graph's nodes. */
import { describe, expect, it } from "vitest";
import { buildGraph, graphKey as k, startGraph } from "../../src/core/graph";
import { applyAppearance } from "../../src/render/appearance";
import { PairGraph } from "../../src/render/pairs";
import { minimalDataset, relation, valid } from "./fixtures";

/** a–b: an alliance and an attack (one pair, either direction); a–c: two alliances, the second counted twice; c–c: a self relation. */
function pairedDataset() {
  const d = minimalDataset();
  d.relations = [
    relation("r1", "a", "b", "ally"),
    relation("r2", "b", "a", "attack"),
    relation("r3", "a", "c", "ally"),
    relation("r4", "c", "a", "ally", { count: 2 }),
    relation("r5", "c", "c", "ally"),
  ];
  return valid(d);
}

function paired() {
  const dataset = pairedDataset();
  const data = buildGraph(dataset, "en");
  applyAppearance(data, dataset, { simpleEdges: true });
  const pairs = PairGraph.of(data, data.edges());
  const pairOf = (id: string) => pairs.pairOf(pairs.indexOf(k(id))!);
  return { data, pairs, pairOf };
}

describe("PairGraph", () => {
  it("holds the data graph's actors, with their own attribute objects, and no line until addLines()", () => {
    const { data, pairs } = paired();
    expect(pairs.graph.nodes()).toEqual(data.nodes());
    for (const node of data.nodes()) expect(pairs.graph.getNodeAttributes(node)).toBe(data.getNodeAttributes(node));
    expect(pairs.graph.size).toBe(0);
    expect(pairs.lineKeys()).toEqual([]);
  });

  it("draws one line per pair of actors, whatever the direction, a self relation being a pair of its own", () => {
    const { pairs, pairOf } = paired();
    pairs.addLines();
    pairs.addLines();
    expect(pairs.graph.size).toBe(3);
    expect(pairs.lineKeys()).toHaveLength(3);
    expect(pairOf("r1")).toBe(pairOf("r2"));
    expect(pairOf("r3")).toBe(pairOf("r4"));
    const ends = pairs.graph.mapEdges((_line, attributes, source, target) => [attributes.pair, [source, target].sort().join("–")]);
    expect(Object.fromEntries(ends)).toEqual({
      [pairOf("r1")]: `${k("a")}–${k("b")}`,
      [pairOf("r3")]: `${k("a")}–${k("c")}`,
      [pairOf("r5")]: `${k("c")}–${k("c")}`,
    });
  });

  it("gives each line the program and thickness of its pair's relations: one-pixel lines in the large profile", () => {
    const { pairs } = paired();
    pairs.addLines();
    expect(pairs.graph.mapEdges((_line, attributes) => [attributes.type, attributes.size])).toEqual([
      ["thin", 1],
      ["thin", 1],
      ["thin", 1],
    ]);
  });

  it("chooses each pair's strongest relation that is shown, else its strongest", () => {
    const { pairs, pairOf } = paired();
    const at = (id: string) => pairs.indexOf(k(id));
    expect(pairs.chosenFor(pairOf("r1"))).toBe(at("r1"));
    expect(pairs.chosenFor(pairOf("r3"))).toBe(at("r4"));
    pairs.choose((i) => i !== at("r1") && i !== at("r4"));
    expect(pairs.chosenFor(pairOf("r1"))).toBe(at("r2"));
    expect(pairs.chosenFor(pairOf("r3"))).toBe(at("r3"));
    pairs.choose(() => false);
    expect(pairs.chosenFor(pairOf("r3"))).toBe(at("r4"));
    expect(pairs.indexOf("not a relation")).toBeUndefined();
  });

  it("tells which lines changed: another relation chosen, or the chosen one shown or hidden", () => {
    const { pairs, pairOf } = paired();
    const at = (id: string) => pairs.indexOf(k(id))!;
    const all = () => true;
    const before = pairs.choice();
    pairs.choose(all);
    // Nothing is drawn yet: nothing to repaint.
    expect(pairs.changedLines(before, all, all)).toEqual([]);
    pairs.addLines();
    const allShown = pairs.choice();
    pairs.choose(all);
    expect(pairs.changedLines(allShown, all, all)).toEqual([]);
    // r1 hidden: its pair shows r2 now; the self relation hidden too, and still chosen (nothing else): shown → faded.
    const shown = (i: number) => i !== at("r1") && i !== at("r5");
    pairs.choose(shown);
    expect(pairs.changedLines(allShown, all, shown).sort()).toEqual([String(pairOf("r1")), String(pairOf("r5"))].sort());
  });

  it("adds the lines a step at a time, in pair order, telling only those added; a later call goes on with the same", () => {
    const { pairs, pairOf } = paired();
    const at = (id: string) => pairs.indexOf(k(id))!;
    const all = () => true;
    const heard: string[] = [];
    pairs.graph.on("edgeAdded", ({ key }) => heard.push(key));
    const steps = pairs.addLinesInSteps(2);
    expect(pairs.graph.size).toBe(0);
    expect(steps.next().done).toBe(false);
    expect(heard).toEqual(["0", "1"]);
    expect(pairs.lineKeys()).toEqual(["0", "1"]);
    // Only the lines added so far can be repainted: the third pair's (the self relation) is not among them yet.
    const before = pairs.choice();
    const noSelf = (i: number) => i !== at("r5");
    pairs.choose(noSelf);
    expect(pairs.changedLines(before, all, noSelf)).toEqual([]);
    expect(pairs.addLinesInSteps(2)).toBe(steps);
    // All at once: the rest.
    pairs.addLines();
    expect(heard).toEqual(["0", "1", "2"]);
    expect(pairs.lineKeys()).toEqual(["0", "1", "2"]);
    expect(steps.next().done).toBe(true);
    expect(pairs.changedLines(before, all, noSelf)).toEqual([String(pairOf("r5"))]);
    pairs.addLines();
    expect(pairs.graph.size).toBe(3);
  });

  it("follows the data graph's node updates, batched or one at a time, until disposed of", () => {
    const { data, pairs } = paired();
    const heard: string[] = [];
    pairs.graph.on("eachNodeAttributesUpdated", () => heard.push("each"));
    pairs.graph.on("nodeAttributesUpdated", ({ key }) => heard.push(key));
    data.updateEachNodeAttributes((_node, attributes) => ({ ...attributes, x: 7 }), { attributes: ["x"] });
    expect(pairs.graph.mapNodes((_node, attributes) => attributes.x)).toEqual([7, 7, 7]);
    data.mergeNodeAttributes(k("b"), { y: 3 });
    expect(pairs.graph.getNodeAttribute(k("b"), "y")).toBe(3);
    expect(heard).toEqual(["each", k("b")]);
    pairs.dispose();
    data.updateEachNodeAttributes((_node, attributes) => ({ ...attributes, x: 9 }));
    expect(pairs.graph.getNodeAttribute(k("a"), "x")).toBe(7);
    expect(heard).toHaveLength(2);
  });

  it("is the same made ahead, from a graph whose relations are still to come, as from the whole graph", () => {
    const { pairs } = paired();
    const dataset = pairedDataset();
    const underway = startGraph(dataset, "en");
    const ahead = PairGraph.ahead(underway, dataset);
    expect(underway.graph.size).toBe(0);
    expect(ahead.relations).toEqual(pairs.relations);
    for (let i = 0; i < dataset.relations.length; i++) expect(ahead.pairOf(i)).toBe(pairs.pairOf(i));
    expect([...ahead.choice()]).toEqual([...pairs.choice()]);
    // Strengths: with r3 and r4 hidden, a–c shows its stronger one, r4, in both.
    const shown = (i: number) => i < 2 || i === 4;
    ahead.choose(shown);
    pairs.choose(shown);
    expect([...ahead.choice()]).toEqual([...pairs.choice()]);
    ahead.addLines();
    pairs.addLines();
    const lines = (graph: typeof pairs.graph) => graph.mapEdges((line, attributes, source, target) => [line, attributes, source, target]);
    expect(lines(ahead.graph)).toEqual(lines(pairs.graph));
    expect(ahead.graph.nodes()).toEqual(pairs.graph.nodes());
  });
});
