/** The graph model: one node per actor, one edge per relation, keyed by the dataset's ids. */
import { describe, expect, it } from "vitest";
import { validateDataset, type ActorKind, type Dataset } from "../../src/core/dataset";
import { BUILD_STEP, buildGraph, buildGraphInSteps, isDirected, datasetId, graphKey as k, startGraph } from "../../src/core/graph";
import { applyAppearance, KIND_COLORS } from "../../src/render/appearance";
import { bundledJson, minimalDataset, relation, type Loose, valid } from "./fixtures";


const bundled = valid(bundledJson());

describe("buildGraph on the bundled dataset", () => {
  const graph = buildGraph(bundled, "fa");

  it("has one node per actor and one edge per relation", () => {
    expect(graph.order).toBe(bundled.actors.length);
    expect(graph.size).toBe(bundled.relations.length);
    expect(graph.order).toBe(13);
    expect(graph.size).toBe(26);
  });

  it("keys nodes by actor id and edges by relation id, in dataset order", () => {
    expect(graph.nodes().map(datasetId)).toEqual(bundled.actors.map((a) => a.id));
    expect(graph.edges().map(datasetId)).toEqual(bundled.relations.map((r) => r.id));
    for (const relation of bundled.relations) {
      expect(graph.source(k(relation.id))).toBe(k(relation.source));
      expect(graph.target(k(relation.id))).toBe(k(relation.target));
      expect(graph.getEdgeAttribute(k(relation.id), "relationType")).toBe(relation.type);
    }
  });

  it("gives every actor a degree equal to the number of its relations", () => {
    for (const actor of bundled.actors) {
      const count = bundled.relations.filter((r) => r.source === actor.id || r.target === actor.id).length;
      expect(graph.getNodeAttribute(k(actor.id), "degree"), actor.id).toBe(count);
    }
    expect(graph.getNodeAttribute(k("france"), "degree")).toBe(11);
    expect(graph.getNodeAttribute(k("syria"), "degree")).toBe(1);
  });

  it("takes each edge's sign from its relation type", () => {
    expect(graph.getEdgeAttribute(k("france-russia-cooperation-is"), "sign")).toBe(1);
    expect(graph.getEdgeAttribute(k("france-syria-mediation-peace"), "sign")).toBe(0);
    expect(graph.getEdgeAttribute(k("russia-turkey-tension-jet"), "sign")).toBe(-1);
  });

  it("makes edges directed exactly where isDirected says so", () => {
    for (const relation of bundled.relations) {
      expect(graph.isDirected(k(relation.id)), relation.id).toBe(isDirected(relation, bundled));
      expect(graph.getEdgeAttribute(k(relation.id), "directed")).toBe(isDirected(relation, bundled));
    }
    expect(graph.isDirected(k("putin-hollande-support-coalition"))).toBe(true);
    expect(graph.isUndirected(k("hollande-putin-cooperation"))).toBe(true);
  });

  it("labels actors in Persian or in English", () => {
    expect(graph.getNodeAttribute(k("france"), "label")).toBe("فرانسه");
    expect(buildGraph(bundled, "en").getNodeAttribute(k("france"), "label")).toBe("France");
    expect(graph.getNodeAttribute(k("france"), "kind")).toBe("state");
    expect(graph.getNodeAttribute(k("nato"), "kind")).toBe("organization");
  });

  it("numbers the four France–Russia relations 0..3 of 4, whichever way they point", () => {
    const pair = bundled.relations.filter(
      (r) => [r.source, r.target].sort().join() === "france,russia",
    );
    expect(pair.map((r) => [graph.getEdgeAttribute(k(r.id), "parallelIndex"), graph.getEdgeAttribute(k(r.id), "parallelCount")])).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
  });

  it("gives a relation with no parallel an index 0 of 1", () => {
    expect(graph.getEdgeAttributes(k("france-syria-mediation-peace"))).toMatchObject({ parallelIndex: 0, parallelCount: 1 });
  });

  it("starts every node at the origin", () => {
    graph.forEachNode((_node, attributes) => {
      expect([attributes.x, attributes.y]).toEqual([0, 0]);
    });
  });
});

describe("buildGraph on small datasets", () => {
  it("follows the relation's directed flag over its type's default", () => {
    const d: Loose = minimalDataset();
    d.relations[0].directed = true; // type "ally" is undirected
    d.relations[1].directed = false; // type "attack" is directed
    d.relations.push(relation("r3", "b", "c", "attack")); // the type's default: directed
    d.relations.push(relation("r4", "b", "c", "ally")); // the type's default: undirected
    const graph = buildGraph(valid(d), "en");
    expect(["r1", "r2", "r3", "r4"].map((e) => graph.isDirected(k(e)))).toEqual([true, false, true, false]);
    expect(["r1", "r2", "r3", "r4"].map((e) => graph.getEdgeAttribute(k(e), "directed"))).toEqual([true, false, true, false]);
  });

  it("falls back from the requested language as pickText does", () => {
    const d: Loose = minimalDataset();
    d.actors.push({ id: "d", kind: "region", label: { de: "Delta" } });
    d.relations.push(relation("r3", "d", "a", "ally"));
    const dataset = valid(d);
    const fa = buildGraph(dataset, "fa");
    const en = buildGraph(dataset, "en");
    expect(fa.nodes().map((n) => fa.getNodeAttribute(n, "label"))).toEqual(["آلفا", "Beta", "سه", "Delta"]);
    expect(en.nodes().map((n) => en.getNodeAttribute(n, "label"))).toEqual(["Alpha", "Beta", "سه", "Delta"]);
  });

  it("falls back to the dataset's language before English", () => {
    const d: Loose = minimalDataset();
    d.meta.source.language = "fa";
    d.actors[0].label = { en: "Alpha", fa: "آلفا", de: "Alfa" };
    expect(buildGraph(valid(d), "ar").getNodeAttribute(k("a"), "label")).toBe("آلفا");
    d.meta.source.language = "de";
    expect(buildGraph(valid(d), "ar").getNodeAttribute(k("a"), "label")).toBe("Alfa");
  });

  it("numbers three relations of one pair 0, 1, 2 of 3, including opposite directions", () => {
    const d: Loose = minimalDataset();
    d.relations = [
      relation("p1", "a", "b", "ally"),
      relation("x", "b", "c", "ally"),
      relation("p2", "b", "a", "attack"),
      relation("p3", "a", "b", "attack"),
    ];
    const graph = buildGraph(valid(d), "en");
    expect(["p1", "p2", "p3", "x"].map((e) => graph.getEdgeAttributes(k(e))).map((a) => [a.parallelIndex, a.parallelCount])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [0, 1],
    ]);
    expect(graph.source(k("p2"))).toBe(k("b"));
    expect(graph.target(k("p2"))).toBe(k("a"));
    expect(graph.getNodeAttribute(k("a"), "degree")).toBe(3);
    expect(graph.getNodeAttribute(k("b"), "degree")).toBe(4);
    expect(graph.getNodeAttribute(k("c"), "degree")).toBe(1);
  });

  it("numbers pairs in order of first appearance and weighs relations by their event count", () => {
    const d: Loose = minimalDataset();
    d.relations = [
      relation("p1", "a", "b", "ally"),
      relation("x", "b", "c", "ally"),
      { ...relation("p2", "b", "a", "attack"), count: 7 },
    ];
    const graph = buildGraph(valid(d), "en");
    expect(["p1", "x", "p2"].map((e) => [graph.getEdgeAttribute(k(e), "pair"), graph.getEdgeAttribute(k(e), "strength")])).toEqual([
      [0, 1],
      [1, 1],
      [0, 7],
    ]);
  });

  it("keeps pairs apart whatever characters their ids hold", () => {
    const d: Loose = minimalDataset();
    d.actors = ["x\u0000y", "z", "x", "y\u0000z"].map((id, i) => ({ id, kind: "state", label: { en: String(i) } }));
    d.relations = [relation("r1", "x\u0000y", "z", "ally"), relation("r2", "x", "y\u0000z", "ally")];
    const graph = buildGraph(valid(d), "en");
    expect([graph.getEdgeAttribute(k("r1"), "pair"), graph.getEdgeAttribute(k("r2"), "pair")]).toEqual([0, 1]);
  });

  it("does not confuse pairs whose ids would join the same way", () => {
    const d: Loose = minimalDataset();
    d.actors = [
      { id: "a,b", kind: "state", label: { en: "1" } },
      { id: "c", kind: "state", label: { en: "2" } },
      { id: "a", kind: "state", label: { en: "3" } },
      { id: "b,c", kind: "state", label: { en: "4" } },
    ];
    d.relations = [relation("r1", "a,b", "c", "ally"), relation("r2", "a", "b,c", "ally")];
    const graph = buildGraph(valid(d), "en");
    expect(graph.getEdgeAttribute(k("r1"), "parallelCount")).toBe(1);
    expect(graph.getEdgeAttribute(k("r2"), "parallelCount")).toBe(1);
  });

  it("allows a relation of an actor with itself and counts it once in the degree", () => {
    const d: Loose = minimalDataset();
    d.relations.push(relation("self", "b", "b", "attack"));
    const graph = buildGraph(valid(d), "en");
    expect(graph.hasEdge(k("self"))).toBe(true);
    expect(graph.source(k("self"))).toBe(k("b"));
    expect(graph.target(k("self"))).toBe(k("b"));
    expect(graph.getEdgeAttributes(k("self"))).toMatchObject({ directed: true, parallelIndex: 0, parallelCount: 1, sign: -1 });
    expect(graph.getNodeAttribute(k("b"), "degree")).toBe(2);
  });

  it("gives an actor with no relation degree 0", () => {
    const d: Loose = minimalDataset();
    d.actors.push({ id: "loner", kind: "person", label: { en: "Loner" } });
    const graph = buildGraph(valid(d), "en");
    expect(graph.getNodeAttribute(k("loner"), "degree")).toBe(0);
    expect(graph.order).toBe(4);
  });

  it("copies a relation's date, and leaves it out when the relation has none", () => {
    const graph = buildGraph(valid(minimalDataset()), "en");
    expect(graph.getEdgeAttribute(k("r1"), "date")).toBe("2015-11-26");
    expect("date" in graph.getEdgeAttributes(k("r2"))).toBe(false);
  });

  it("takes ids such as __proto__ and constructor as plain keys", () => {
    const d: Loose = minimalDataset();
    d.actors = [
      { id: "__proto__", kind: "state", label: { en: "P" } },
      { id: "constructor", kind: "state", label: { en: "C" } },
    ];
    d.relations = [relation("toString", "__proto__", "constructor", "ally"), relation("hasOwnProperty", "constructor", "__proto__", "attack")];
    const graph = buildGraph(valid(d), "en");
    expect(graph.nodes().map(datasetId)).toEqual(["__proto__", "constructor"]);
    expect(graph.edges().map(datasetId)).toEqual(["toString", "hasOwnProperty"]);
    expect(graph.getNodeAttribute(k("__proto__"), "degree")).toBe(2);
    expect(graph.getEdgeAttribute(k("hasOwnProperty"), "parallelIndex")).toBe(1);
  });

  it("builds an empty graph from an empty dataset", () => {
    const d: Loose = minimalDataset();
    d.actors = [];
    d.relations = [];
    const graph = buildGraph(valid(d), "en");
    expect([graph.order, graph.size]).toEqual([0, 0]);
  });
});

describe("isDirected", () => {
  const dataset = valid(minimalDataset());
  it("uses the type's default when the relation says nothing", () => {
    expect(isDirected(relation("x", "a", "b", "ally"), dataset)).toBe(false);
    expect(isDirected(relation("x", "a", "b", "attack"), dataset)).toBe(true);
  });
  it("is undirected for an unknown type", () => {
    expect(isDirected(relation("x", "a", "b", "nope"), dataset)).toBe(false);
  });
});

describe("positions and colours from the dataset", () => {
  it("place an actor where the file put it and keep its colour; others start unplaced", () => {
    const input = minimalDataset();
    input.actors[0].position = { x: 12.5, y: -3 };
    input.actors[0].color = "#123456";
    const result = validateDataset(input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const graph = buildGraph(result.value, "en");
    const first = input.actors[0].id as string;
    const second = input.actors[1].id as string;
    expect(graph.getNodeAttributes(k(first))).toMatchObject({ x: 12.5, y: -3, placed: true, ownColor: "#123456" });
    expect(graph.getNodeAttributes(k(second))).toMatchObject({ x: 0, y: 0, placed: false });
    expect(graph.getNodeAttribute(k(second), "ownColor")).toBeUndefined();
    applyAppearance(graph, result.value);
    expect(graph.getNodeAttribute(k(first), "color")).toBe("#123456");
    expect(graph.getNodeAttribute(k(second), "color")).toBe(KIND_COLORS[input.actors[1].kind as ActorKind]);
  });
});

describe("buildGraph: disguised names", () => {
  it("draws a name without the controls that would make it pass for another", () => {
    const d = minimalDataset();
    d.actors[0].label = { en: "\u202Eaissur", fa: "ایران\u200B" };
    const graph = buildGraph(valid(d), "en");
    expect(graph.getNodeAttribute(k(d.actors[0].id), "label")).toBe("aissur");
    expect(buildGraph(valid(d), "fa").getNodeAttribute(k(d.actors[0].id), "label")).toBe("ایران");
    // A name of nothing but such characters shows its id.
    d.actors[0].label = { en: "\u202E\u200B" };
    expect(buildGraph(valid(d), "en").getNodeAttribute(k(d.actors[0].id), "label")).toBe(d.actors[0].id);
  });
});

describe("buildGraphInSteps", () => {
  it("builds the very graph buildGraph builds, pausing after every `step` relations", () => {
    const dataset = valid(bundledJson());
    const steps = buildGraphInSteps(dataset, "fa", 5);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses += 1;
      step = steps.next();
    }
    // 26 relations in steps of 5: a pause once the actors and pairs are made, then after the 5th, 10th, 15th, 20th and 25th.
    expect(dataset.relations.length).toBe(26);
    expect(pauses).toBe(6);
    expect(step.value.export()).toEqual(buildGraph(dataset, "fa").export());
  });

  it("does not pause when the relations fit in one step, nor for a dataset without relations", () => {
    const whole = buildGraphInSteps(valid(bundledJson()), "en", 26).next();
    expect(whole.done).toBe(true);
    const d = minimalDataset();
    d.relations = [];
    const empty = buildGraphInSteps(valid(d), "en").next();
    expect(empty.done && empty.value.size).toBe(0);
    expect(BUILD_STEP).toBe(10_000);
  });
});

describe("startGraph", () => {
  it("puts the actors in, with their degrees, and tells each relation's key and pair before any relation is added", () => {
    const dataset = valid(bundledJson());
    const whole = buildGraph(dataset, "en");
    const underway = startGraph(dataset, "en");
    expect(underway.graph.size).toBe(0);
    expect(underway.graph.order).toBe(13);
    expect(underway.graph.mapNodes((node, attributes) => [node, attributes])).toEqual(whole.mapNodes((node, attributes) => [node, attributes]));
    expect(underway.relationKeys).toEqual(whole.edges());
    expect([...underway.pairOf]).toEqual(whole.mapEdges((_edge, attributes) => attributes.pair));
    expect(underway.pairCount).toBe(new Set(whole.mapEdges((_edge, attributes) => attributes.pair)).size);
    expect(underway.nodeKey("russia")).toBe(k("russia"));
  });

  it("adds the relations once, a step at a time, into the very graph buildGraph builds", () => {
    const dataset = valid(bundledJson());
    const underway = startGraph(dataset, "fa");
    const steps = underway.addRelations(10);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses += 1;
      // Each pause comes after another ten relations.
      expect(underway.graph.size).toBe(10 * pauses);
      step = steps.next();
    }
    expect(pauses).toBe(2);
    expect(step.value).toBe(underway.graph);
    expect(step.value.export()).toEqual(buildGraph(dataset, "fa").export());
    expect(() => underway.addRelations().next()).toThrow("once");
  });

  it("numbers the pairs as they first appear, both directions one pair, and counts a self relation once", () => {
    const d = minimalDataset();
    d.relations = [
      relation("r1", "b", "a", "ally"),
      relation("r2", "a", "c", "ally"),
      relation("r3", "a", "b", "attack"),
      relation("r4", "c", "c", "ally"),
      relation("r5", "c", "a", "attack"),
    ];
    const underway = startGraph(valid(d), "en");
    expect([...underway.pairOf]).toEqual([0, 1, 0, 2, 1]);
    expect(underway.pairCount).toBe(3);
    expect(underway.graph.mapNodes((node, attributes) => [node, attributes.degree])).toEqual([
      [k("a"), 4],
      [k("b"), 2],
      [k("c"), 3],
    ]);
  });

  it("reads an unchecked dataset whose relations name actors it does not list (the worker's verdict turns it down later)", () => {
    const d = minimalDataset() as unknown as Dataset;
    d.relations = [
      relation("r1", "a", "ghost", "ally"),
      relation("r2", "ghost", "a", "ally"),
      relation("r3", "b", "phantom", "ally"),
      relation("r4", "a", "b", "ally"),
      // Numbered by the actors' count alone (3), b–b and a–phantom (the fifth place) would make one pair.
      relation("r5", "b", "b", "ally"),
      relation("r6", "a", "phantom", "ally"),
    ] as unknown as Dataset["relations"];
    const underway = startGraph(d, "en");
    expect([...underway.pairOf]).toEqual([0, 0, 1, 2, 3, 4]);
    expect(underway.pairCount).toBe(5);
    expect(underway.graph.nodes()).toEqual([k("a"), k("b"), k("c")]);
    expect(underway.graph.getNodeAttribute(k("a"), "degree")).toBe(4);
    expect(underway.graph.getNodeAttribute(k("b"), "degree")).toBe(3);
    expect(underway.nodeKey("ghost")).toBe(k("ghost"));
  });
});
