/**
 * Odd but valid data works through the whole core: ids that are names of
 * Object.prototype, self relations, an actor alone, 10,000 relations between
 * one pair, labels of 10,000 characters, right-to-left and emoji text,
 * duplicate evidence. Empty labels are not valid Entente JSON; the importers
 * fall back on the id instead.
 */
import { describe, expect, it } from "vitest";
import { actorNumbers, analyseBalance, friendlyCommunities } from "../../src/core/analysis";
import { lookup, validateDataset, type Dataset } from "../../src/core/dataset";
import { buildSvg, toCsv, toEntenteJson, toGexf } from "../../src/core/export";
import { applyFilters } from "../../src/core/filter";
import { buildGraph, graphKey } from "../../src/core/graph";
import { importFile } from "../../src/core/import";
import { searchActors } from "../../src/core/search";
import { DEFAULT_VIEW, parseView, reconcileView, serializeView } from "../../src/core/view";
import { minimalDataset, relation, type Loose } from "./fixtures";

const PROTO_IDS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
const LONG = "Ω".repeat(5_000) + "long label end".padEnd(5_000, ".");
const RTL = "\u0627\u06CC\u0631\u0627\u0646 \u05E2\u05D1\u05E8\u05D9\u05EA";
const EMOJI = "🇫🇷 France 👩‍👩‍👧 🕊️";

function oddDataset(): Loose {
  const d = minimalDataset();
  d.actors.push(
    ...PROTO_IDS.map((id) => ({ id, kind: "state", label: { en: `Actor ${id}`, fa: `بازیگر ${id}` } })),
    { id: "alone", kind: "person", label: { en: "Nobody's friend" } },
    { id: "long", kind: "region", label: { en: LONG } },
    { id: "rtl", kind: "organization", label: { fa: RTL, en: RTL } },
    { id: "emoji", kind: "state", label: { en: EMOJI } },
  );
  d.relationTypes.push({ id: "__proto__", label: { en: "Proto type" }, sign: 0, directed: true, color: "#123456" });
  d.relations.push(
    relation("constructor", "__proto__", "constructor", "ally"),
    relation("toString", "toString", "__proto__", "__proto__"),
    relation("self", "hasOwnProperty", "hasOwnProperty", "attack"),
    relation("rtl-emoji", "rtl", "emoji", "ally", { evidence: [{ quote: `${RTL} ${EMOJI}`, reportedBy: "\u202EWD" }] }),
    relation("long-rel", "long", "a", "ally"),
    // Duplicate evidence: the same quote from the same agency twice.
    relation("twice", "valueOf", "a", "ally", {
      evidence: [
        { quote: "Said once.", reportedBy: "DW", url: "https://example.org/x" },
        { quote: "Said once.", reportedBy: "DW", url: "https://example.org/x" },
      ],
    }),
  );
  return d;
}

/**
 * The odd dataset without actors named like Object.prototype's properties: graphology keeps
 * adjacency in plain objects, so such a node pollutes Object.prototype (README, Security).
 */
function withoutPrototypeIds(): Loose {
  const d = oddDataset();
  d.actors = d.actors.filter((a: Loose) => !PROTO_IDS.includes(a.id));
  d.relations = d.relations.filter((r: Loose) => !PROTO_IDS.includes(r.source) && !PROTO_IDS.includes(r.target));
  return d;
}

function accepted(input: unknown): Dataset {
  const result = validateDataset(input);
  expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  if (!result.ok) throw new Error("rejected");
  return result.value;
}

describe("odd but valid data", () => {
  it("validates, with warnings only for the self relation and the lone actor", () => {
    const result = validateDataset(oddDataset());
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => p.message).sort()).toEqual([
      'actor "alone" has no relation',
      'relates actor "hasOwnProperty" to itself',
    ]);
    // Nothing leaked onto Object.prototype on the way.
    expect(({} as Record<string, unknown>).en).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "label")).toBe(false);
  });

  it("filters, searches, finds communities and exports with prototype names as ids", () => {
    const dataset = accepted(oddDataset());
    const data = lookup(dataset);
    expect(data.actors.get("__proto__")?.label.en).toBe("Actor __proto__");
    expect(data.relationsOf("constructor").map((r) => r.id)).toEqual(["constructor"]);
    // A self relation is listed once for its one actor.
    expect(data.relationsOf("hasOwnProperty").filter((r) => r.id === "self")).toHaveLength(1);
    const shown = applyFilters(data, { ...DEFAULT_VIEW, types: ["__proto__"] });
    expect([...shown.relations]).toEqual(["toString"]);
    expect(searchActors(data, "__proto__", "en").map((h) => h.actor)).toContain("__proto__");
    expect(searchActors(data, "constructor", "en")[0]?.actor).toBe("constructor");
    expect(() => analyseBalance(data)).not.toThrow();
    // friendlyCommunities used to throw "an edge linking "a" to "constructor" already exists" (graphology's plain-object adjacency).
    const communities = friendlyCommunities(data);
    expect(communities.of.get("valueOf")).toBe(communities.of.get("a"));
    expect(communities.of.get("__proto__")).toBe(communities.of.get("constructor"));
    expect(communities.sizes.reduce((x, y) => x + y, 0)).toBe(dataset.actors.length);

    const back = importFile({ name: "odd.json", text: toEntenteJson(dataset) });
    expect(back.ok && back.dataset).toEqual(dataset);
    const csv = toCsv(dataset);
    const fromCsv = importFile({ name: "odd.csv", text: csv.relations }, { actors: { name: "actors.csv", text: csv.actors } });
    expect(fromCsv.ok && fromCsv.dataset.actors.map((a) => a.id).sort()).toEqual(dataset.actors.map((a) => a.id).sort());
    // Nothing leaked onto Object.prototype on the way.
    const inherited: string[] = [];
    for (const key in {}) inherited.push(key);
    expect(inherited).toEqual([]);
  });

  it("builds a graph, numbers and GEXF for prototype names, self relations, a lone actor, RTL, emoji and long labels", () => {
    const d = oddDataset();
    d.relations.push(relation("self-b", "b", "b", "attack"));
    const dataset = accepted(d);
    const graph = buildGraph(dataset, "en");
    expect(graph.order).toBe(dataset.actors.length);
    expect(graph.size).toBe(dataset.relations.length);
    expect(graph.getNodeAttribute(graphKey("alone"), "degree")).toBe(0);
    // Drawn on the canvas cut short; the dataset keeps it whole.
    expect(graph.getNodeAttribute(graphKey("long"), "label")).toHaveLength(81);
    expect(dataset.actors.find((a) => a.id === "long")?.label.en).toHaveLength(10_000);
    const data = lookup(dataset);
    expect(actorNumbers(data, undefined, { betweenness: true }).get("alone")?.degree).toBe(0);
    const numbers = actorNumbers(data, undefined, { betweenness: true });
    expect(numbers.get("__proto__")?.degree).toBe(2);
    expect(numbers.get("constructor")?.degree).toBe(1);
    expect(graph.getNodeAttribute(graphKey("__proto__"), "degree")).toBe(2);
    expect(graph.neighbors(graphKey("__proto__")).sort()).toEqual([graphKey("constructor"), graphKey("toString")]);
    // The graph keeps its data to itself: nothing was set on Object.prototype.
    const inherited: string[] = [];
    for (const key in {}) inherited.push(key);
    expect(inherited).toEqual([]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    const exported = toGexf(dataset);
    expect(exported).toContain('<node id="__proto__"');
    const plain = accepted(withoutPrototypeIds());
    const gexf = importFile({ name: "odd.gexf", text: toGexf(plain) });
    expect(gexf.ok && gexf.dataset.actors.map((a) => a.label.en)).toEqual(plain.actors.map((a) => a.label.en));
  });

  it("keeps prototype names, RTL and emoji ids in the URL", () => {
    const dataset = accepted(oddDataset());
    for (const id of [...PROTO_IDS, "rtl", "emoji"]) {
      const written = serializeView({ ...DEFAULT_VIEW, selected: { kind: "actor", id }, focus: { actor: id, depth: 2 } });
      const { view } = reconcileView(parseView(written, "https://x.example/").view, lookup(dataset));
      expect(view.selected).toEqual({ kind: "actor", id });
      expect(view.focus).toEqual({ actor: id, depth: 2 });
    }
    const { view } = reconcileView(parseView("?selected=toString", "https://x.example/").view, lookup(dataset));
    // "toString" is both an actor and a relation id here; the actor comes first.
    expect(view.selected?.id).toBe("toString");
  });

  it("10,000 relations between one pair validate, build and filter quickly, each its own parallel edge", () => {
    const d = minimalDataset();
    d.relations = Array.from({ length: 10_000 }, (_, i) =>
      relation(`p${i}`, i % 2 ? "a" : "b", i % 2 ? "b" : "a", i % 3 ? "ally" : "attack", { date: "2015-11-26" }),
    );
    d.actors = d.actors.filter((a: Loose) => a.id !== "c");
    const start = performance.now();
    const dataset = accepted(d);
    const graph = buildGraph(dataset, "en");
    const data = lookup(dataset);
    const shown = applyFilters(data, { ...DEFAULT_VIEW, types: ["attack"] });
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(graph.size).toBe(10_000);
    expect(graph.getEdgeAttribute(graphKey("p9999"), "parallelCount")).toBe(10_000);
    expect(graph.getEdgeAttribute(graphKey("p9999"), "parallelIndex")).toBe(9_999);
    expect(shown.relations.size).toBe(3_334);
    expect(actorNumbers(data).get("a")?.degree).toBe(10_000);
  });

  it("a label of 10,000 characters is kept whole in the data and in the SVG export", () => {
    const dataset = accepted(oddDataset());
    expect(dataset.actors.find((a) => a.id === "long")?.label.en).toHaveLength(10_000);
    const svg = buildSvg({
      width: 400, height: 300, background: "#fff", textColor: "#000", fontFamily: "sans-serif",
      title: LONG, sourceLine: RTL, legendTitle: EMOJI, legend: [{ kind: "node", color: "#123456", label: LONG }],
      nodes: [{ id: "long", x: 10, y: 10, size: 5, color: "#123456", label: LONG }], edges: [], dir: "ltr", lang: "en",
    });
    expect(svg).toContain("long label end");
    // The title wraps into lines instead of running off the page.
    expect(svg.match(/<text/g)!.length).toBeGreaterThan(10);
  });

  it("keeps right-to-left and emoji text exactly, and finds actors by it", () => {
    const dataset = accepted(withoutPrototypeIds());
    const data = lookup(dataset);
    expect(searchActors(data, "ایران", "fa").map((h) => h.actor)).toEqual(["rtl"]);
    expect(searchActors(data, "France", "en").map((h) => h.actor)).toContain("emoji");
    expect(buildGraph(dataset, "en").getNodeAttribute(graphKey("emoji"), "label")).toBe(EMOJI);
    expect(dataset.relations.find((r) => r.id === "rtl-emoji")?.evidence[0]?.quote).toBe(`${RTL} ${EMOJI}`);
  });

  it("an empty label is a problem with its path in Entente JSON, and the id in CSV and GEXF", () => {
    const d = minimalDataset();
    d.actors[0].label = { en: "" };
    d.actors[1].label = { en: "   " };
    d.actors[2].label = {};
    const result = validateDataset(d);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.path)).toEqual(["actors[0].label.en", "actors[1].label.en", "actors[2].label"]);

    const csv = importFile({ name: "r.csv", text: "source,target,type\nx,y,tension\n" }, { actors: { name: "a.csv", text: "id,kind,label_en,label_fa\nx,state,,\n" } });
    expect(csv.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(csv.ok && csv.dataset.actors.map((a) => a.label)).toEqual([{ en: "x" }, { en: "y" }]);
    const gexf = importFile({
      name: "g.gexf",
      text: '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="x" label=""/><node id="y"/></nodes><edges><edge source="x" target="y"/></edges></graph></gexf>',
    });
    expect(gexf.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(gexf.ok && gexf.dataset.actors.map((a) => a.label)).toEqual([{ en: "x" }, { en: "y" }]);
  });
});

describe("prototype names in graph files", () => {
  it("GEXF and GraphML nodes and edges named __proto__ or constructor import as plain ids and leave Object.prototype alone", () => {
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
<nodes><node id="__proto__" label="Proto"/><node id="constructor" label="Maker"/><node id="toString" label="Text"/></nodes>
<edges><edge id="hasOwnProperty" source="__proto__" target="constructor"/><edge id="valueOf" source="toString" target="__proto__"/></edges>
</graph></gexf>`;
    const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">
<node id="__proto__"/><node id="constructor"/>
<edge id="toString" source="constructor" target="__proto__"/>
</graph></graphml>`;
    for (const [name, text] of [["odd.gexf", gexf], ["odd.graphml", graphml]] as const) {
      const result = importFile({ name, text });
      expect(result.ok, name).toBe(true);
      if (!result.ok) continue;
      expect(result.dataset.actors.map((a) => a.id).sort(), name).toEqual(name.endsWith("gexf") ? ["__proto__", "constructor", "toString"] : ["__proto__", "constructor"]);
      expect(result.dataset.relations.map((r) => [r.id, r.source, r.target]), name).toEqual(
        name.endsWith("gexf")
          ? [["hasOwnProperty", "__proto__", "constructor"], ["valueOf", "toString", "__proto__"]]
          : [["toString", "constructor", "__proto__"]],
      );
      const inherited: string[] = [];
      for (const key in {}) inherited.push(key);
      expect(inherited, name).toEqual([]);
    }
  });
});
