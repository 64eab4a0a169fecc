/** Actor centrality (degree, evidence, betweenness, ranks), node sizes from them, and friendly communities. */
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate";
import {
  actorNumbers,
  COMMUNITY_COLORS,
  communityColor,
  friendlyCommunities,
  metricSizes,
  SINGLETON_COLOR,
  type ActorNumbers,
  type Communities,
} from "../../src/core/analysis";
import { lookup, validateDataset, type Dataset, type DatasetLookup } from "../../src/core/dataset";
import { actor, bundledJson, datasetWith, relation, relationType, type Loose } from "./fixtures";

const TYPES = [relationType("ally"), relationType("war", -1, true), relationType("talk", 0)];

/** States with the given ids (and any other the relations name), with the three types above. */
function states(ids: string[], relations: Loose[]): DatasetLookup {
  const all = new Set(ids);
  for (const r of relations) all.add(r.source).add(r.target);
  return lookup(
    datasetWith({ actors: [...all].map((id) => actor(id, "state")), relationTypes: TYPES, relations }) as Dataset,
  );
}

/** A relation with `count` evidence items. */
function evidenced(id: string, source: string, target: string, type: string, count: number): Loose {
  const evidence = Array.from({ length: count }, (_, i) => ({ quote: `${id} ${i}.`, reportedBy: "DW" }));
  return relation(id, source, target, type, { evidence });
}

function pick(numbers: Map<string, ActorNumbers>, key: "degree" | "weighted" | "betweenness"): Record<string, number> {
  return Object.fromEntries([...numbers].map(([id, n]) => [id, n[key]]));
}

function ranks(numbers: Map<string, ActorNumbers>, key: "degree" | "weighted" | "betweenness"): Record<string, number> {
  return Object.fromEntries([...numbers].map(([id, n]) => [id, n.rank[key]]));
}

/** Members of each community, in community order. */
function groups(communities: Communities): string[][] {
  const members: string[][] = Array.from({ length: communities.count }, () => []);
  for (const [id, index] of communities.of) members[index]!.push(id);
  return members.map((list) => list.sort());
}

describe("actor numbers", () => {
  const data = states(
    ["a", "b", "c", "d"],
    [
      evidenced("r1", "a", "b", "ally", 1),
      evidenced("r2", "a", "c", "war", 3),
      evidenced("r3", "a", "a", "talk", 1),
      evidenced("r4", "b", "c", "talk", 2),
    ],
  );

  it("counts relations once per actor, a self relation once, and sums their evidence", () => {
    const numbers = actorNumbers(data);
    expect(pick(numbers, "degree")).toEqual({ a: 3, b: 2, c: 2, d: 0 });
    expect(pick(numbers, "weighted")).toEqual({ a: 5, b: 3, c: 5, d: 0 });
  });

  it("splits the relations by their type's sign", () => {
    const numbers = actorNumbers(data);
    expect(numbers.get("a")!.bySign).toEqual({ friendly: 1, neutral: 1, hostile: 1 });
    expect(numbers.get("b")!.bySign).toEqual({ friendly: 1, neutral: 1, hostile: 0 });
    expect(numbers.get("c")!.bySign).toEqual({ friendly: 0, neutral: 1, hostile: 1 });
    expect(numbers.get("d")!.bySign).toEqual({ friendly: 0, neutral: 0, hostile: 0 });
  });

  it("ranks highest first, equal values sharing the best rank (1, 2, 2, 4)", () => {
    const numbers = actorNumbers(data);
    expect(ranks(numbers, "degree")).toEqual({ a: 1, b: 2, c: 2, d: 4 });
    expect(ranks(numbers, "weighted")).toEqual({ a: 1, b: 3, c: 1, d: 4 });
    // A triangle and an isolated actor: nobody lies between two others.
    expect(pick(numbers, "betweenness")).toEqual({ a: 0, b: 0, c: 0, d: 0 });
    expect(ranks(numbers, "betweenness")).toEqual({ a: 1, b: 1, c: 1, d: 1 });
  });

  it("ranks every actor one more than how many have a higher value, on a large generated dataset", () => {
    const numbers = actorNumbers(lookup(generateDataset(2000) as Dataset), undefined, { betweenness: false });
    for (const metric of ["degree", "weighted"] as const) {
      const values = [...numbers.values()].map((n) => n[metric]);
      for (const [id, entry] of numbers) {
        expect(entry.rank[metric], `${id} by ${metric}`).toBe(1 + values.filter((v) => v > entry[metric]).length);
      }
    }
  });

  it("counts only the visible relations when given them", () => {
    const numbers = actorNumbers(data, new Set(["r1", "r3"]));
    expect(pick(numbers, "degree")).toEqual({ a: 2, b: 1, c: 0, d: 0 });
    expect(pick(numbers, "weighted")).toEqual({ a: 2, b: 1, c: 0, d: 0 });
    expect(numbers.get("a")!.bySign).toEqual({ friendly: 1, neutral: 1, hostile: 0 });
    expect(ranks(numbers, "degree")).toEqual({ a: 1, b: 2, c: 3, d: 3 });
  });
});

describe("betweenness", () => {
  it("puts the middle of a path a–b–c highest, at graphology's normalized value", () => {
    const numbers = actorNumbers(states([], [relation("r1", "a", "b", "ally"), relation("r2", "b", "c", "war")]));
    expect(pick(numbers, "betweenness")).toEqual({ a: 0, b: 1, c: 0 });
    expect(ranks(numbers, "betweenness")).toEqual({ a: 2, b: 1, c: 2 });
  });

  it("normalizes by (n-1)(n-2) over every actor: a–b–c–d gives the inner two 2/3", () => {
    const numbers = actorNumbers(
      states([], [relation("r1", "a", "b", "ally"), relation("r2", "b", "c", "ally"), relation("r3", "c", "d", "ally")]),
    );
    const values = pick(numbers, "betweenness");
    expect(values.a).toBe(0);
    expect(values.b).toBeCloseTo(2 / 3, 12);
    expect(values.c).toBeCloseTo(2 / 3, 12);
    expect(values.d).toBe(0);
  });

  it("gives a star's centre 1 and its leaves 0", () => {
    const numbers = actorNumbers(
      states([], ["w", "x", "y", "z"].map((leaf, i) => relation(`r${i}`, "hub", leaf, "talk"))),
    );
    expect(pick(numbers, "betweenness")).toEqual({ hub: 1, w: 0, x: 0, y: 0, z: 0 });
  });

  it("sees one undirected tie per pair, whatever the direction, sign and number of relations", () => {
    const numbers = actorNumbers(
      states(
        [],
        [
          relation("r1", "a", "b", "ally"),
          relation("r2", "b", "a", "war"),
          relation("r3", "a", "b", "talk"),
          relation("r4", "c", "b", "war"),
          relation("r5", "c", "c", "talk"),
        ],
      ),
    );
    expect(pick(numbers, "betweenness")).toEqual({ a: 0, b: 1, c: 0 });
  });

  it("follows the visible relations and can be skipped", () => {
    const data = states([], [relation("r1", "a", "b", "ally"), relation("r2", "b", "c", "ally"), relation("r3", "a", "c", "ally")]);
    expect(pick(actorNumbers(data), "betweenness")).toEqual({ a: 0, b: 0, c: 0 });
    expect(pick(actorNumbers(data, new Set(["r1", "r2"])), "betweenness")).toEqual({ a: 0, b: 1, c: 0 });
    const skipped = actorNumbers(data, new Set(["r1", "r2"]), { betweenness: false });
    expect(pick(skipped, "betweenness")).toEqual({ a: 0, b: 0, c: 0 });
    expect(pick(skipped, "degree")).toEqual({ a: 1, b: 2, c: 1 });
  });
});

describe("sizes from a metric", () => {
  const data = states(
    ["e"],
    [
      relation("r1", "a", "b", "ally"),
      relation("r2", "a", "c", "ally"),
      relation("r3", "a", "d", "ally"),
      relation("r4", "a", "e", "ally"),
      relation("r5", "b", "c", "ally"),
    ],
  );

  it("spans min..max, square-root scaled, and grows with the metric", () => {
    const numbers = actorNumbers(data, new Set(["r1", "r2", "r3", "r5"]));
    // Degrees: a 3, b 2, c 2, d 1, e 0.
    const sizes = metricSizes(numbers, "degree", 4, 20);
    expect(sizes.get("e")).toBe(4);
    expect(sizes.get("a")).toBe(20);
    expect(sizes.get("b")).toBeCloseTo(4 + 16 * Math.sqrt(2 / 3), 12);
    expect(sizes.get("d")).toBeCloseTo(4 + 16 * Math.sqrt(1 / 3), 12);
    const order = [...numbers].sort(([, x], [, y]) => x.degree - y.degree).map(([id]) => sizes.get(id)!);
    for (let i = 1; i < order.length; i++) expect(order[i]!).toBeGreaterThanOrEqual(order[i - 1]!);
    for (const size of sizes.values()) {
      expect(size).toBeGreaterThanOrEqual(4);
      expect(size).toBeLessThanOrEqual(20);
    }
  });

  it("gives every actor min when all values are equal", () => {
    // With no relation visible every degree is 0.
    expect([...metricSizes(actorNumbers(data, new Set()), "degree", 4, 20).values()]).toEqual([4, 4, 4, 4, 4]);
    expect(metricSizes(actorNumbers(data), "betweenness", 4, 20).get("a")).toBe(20);
    expect(metricSizes(new Map(), "weighted", 4, 20).size).toBe(0);
  });
});

describe("friendly communities", () => {
  const cliques = [
    relation("r1", "a", "b", "ally"),
    relation("r2", "a", "c", "ally"),
    relation("r3", "b", "c", "ally"),
    relation("r4", "d", "e", "ally"),
    relation("r5", "d", "f", "ally"),
    relation("r6", "e", "f", "ally"),
  ];

  it("finds two friendly cliques joined by a hostile relation", () => {
    const communities = friendlyCommunities(states([], [...cliques, relation("r7", "c", "d", "war")]));
    expect(groups(communities)).toEqual([
      ["a", "b", "c"],
      ["d", "e", "f"],
    ]);
    expect(communities.count).toBe(2);
    expect(communities.sizes).toEqual([3, 3]);
    expect(communities.of.get("a")).toBe(0);
  });

  it("numbers larger communities first, then by their smallest actor id", () => {
    const communities = friendlyCommunities(
      states([], [relation("r1", "x", "y", "ally"), ...cliques.slice(3), relation("r9", "e", "g", "ally")]),
    );
    expect(groups(communities)).toEqual([
      ["d", "e", "f", "g"],
      ["x", "y"],
    ]);
    expect(communities.sizes).toEqual([4, 2]);
  });

  it("leaves out a pair that is both friendly and hostile, and keeps one with a neutral relation too", () => {
    const mixed = friendlyCommunities(
      states([], [relation("r1", "a", "b", "ally"), relation("r2", "b", "a", "war"), relation("r3", "c", "d", "ally"), relation("r4", "c", "d", "talk")]),
    );
    expect(groups(mixed)).toEqual([["c", "d"], ["a"], ["b"]]);
  });

  it("does not let a mixed pair merge two cliques", () => {
    const communities = friendlyCommunities(
      states([], [...cliques, relation("r7", "c", "d", "ally"), relation("r8", "c", "d", "ally"), relation("r9", "d", "c", "war")]),
    );
    expect(groups(communities)).toEqual([
      ["a", "b", "c"],
      ["d", "e", "f"],
    ]);
  });

  it("puts actors with no friendly tie alone, after the others, by id", () => {
    const communities = friendlyCommunities(
      states(["q", "p"], [relation("r1", "a", "b", "ally"), relation("r2", "z", "a", "war"), relation("r3", "m", "m", "ally")]),
    );
    expect(groups(communities)).toEqual([["a", "b"], ["m"], ["p"], ["q"], ["z"]]);
    expect(communities.sizes).toEqual([2, 1, 1, 1, 1]);
    expect(communities.count).toBe(5);
  });

  it("never throws: no friendly tie at all, no relation, no actor", () => {
    expect(groups(friendlyCommunities(states(["b", "a"], [relation("r1", "a", "b", "war")])))).toEqual([["a"], ["b"]]);
    expect(groups(friendlyCommunities(states(["a"], [])))).toEqual([["a"]]);
    const none = friendlyCommunities(states([], []));
    expect(none).toEqual({ of: new Map(), count: 0, sizes: [] });
  });

  it("follows the visible relations", () => {
    const data = states([], [...cliques, relation("r7", "c", "d", "war")]);
    expect(groups(friendlyCommunities(data, { visibleRelations: new Set(["r1", "r4"]) }))).toEqual([
      ["a", "b"],
      ["d", "e"],
      ["c"],
      ["f"],
    ]);
  });

  it("is deterministic", () => {
    const data = lookup(generateDataset(500));
    const first = friendlyCommunities(data);
    const second = friendlyCommunities(data);
    expect([...second.of]).toEqual([...first.of]);
    expect(second.sizes).toEqual(first.sizes);
    expect(friendlyCommunities(data, { seed: 7 })).toEqual(friendlyCommunities(data, { seed: 7 }));
    // Sizes never grow along the numbering.
    for (let i = 1; i < first.sizes.length; i++) expect(first.sizes[i]!).toBeLessThanOrEqual(first.sizes[i - 1]!);
  });
});

describe("community colours", () => {
  it("cycles through a palette free of the relation-type edge colours", () => {
    const edges = ["#009E73", "#56B4E9", "#0072B2", "#E69F00", "#7F7F7F", "#D55E00", "#A50026"];
    expect(COMMUNITY_COLORS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(COMMUNITY_COLORS).size).toBe(COMMUNITY_COLORS.length);
    for (const colour of COMMUNITY_COLORS) expect(edges).not.toContain(colour.toUpperCase());
    expect(communityColor(0)).toBe(COMMUNITY_COLORS[0]);
    expect(communityColor(COMMUNITY_COLORS.length + 2)).toBe(COMMUNITY_COLORS[2]);
  });

  it("greys a community of one actor", () => {
    const communities = { sizes: [3, 2, 1] };
    expect(communityColor(0, communities)).toBe(COMMUNITY_COLORS[0]);
    expect(communityColor(1, communities)).toBe(COMMUNITY_COLORS[1]);
    expect(communityColor(2, communities)).toBe(SINGLETON_COLOR);
    expect(SINGLETON_COLOR).toBe("#9a9a9a");
  });
});

describe("the bundled dataset", () => {
  const result = validateDataset(bundledJson());
  if (!result.ok) throw new Error("the bundled dataset does not validate");
  const data = lookup(result.value);

  it("has France and Russia sharing the first rank by degree", () => {
    const numbers = actorNumbers(data);
    expect(numbers.get("france")!.degree).toBe(11);
    expect(numbers.get("russia")!.degree).toBe(11);
    expect(numbers.get("france")!.rank.degree).toBe(1);
    expect(numbers.get("russia")!.rank.degree).toBe(1);
    expect(numbers.get("turkey")!.rank.degree).toBe(3);
    // More is reported about Russia; France lies between more actors.
    expect(numbers.get("russia")!.rank.weighted).toBe(1);
    expect(numbers.get("france")!.rank.betweenness).toBe(1);
    expect(numbers.get("russia")!.bySign).toEqual({ friendly: 2, neutral: 4, hostile: 5 });
  });

  it("groups France with its supporters and Turkey with NATO; the mixed France–Russia pair stays apart", () => {
    const communities = friendlyCommunities(data);
    expect(groups(communities)).toEqual([
      ["france", "uk", "usa"],
      ["nato", "turkey"],
      ["germany"],
      ["hollande"],
      ["islamic-state"],
      ["merkel"],
      ["obama"],
      ["putin"],
      ["russia"],
      ["syria"],
    ]);
    expect(communities.sizes).toEqual([3, 2, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe("a large dataset", () => {
  it("gets numbers and communities for 10,000 actors without throwing", () => {
    const data = lookup(generateDataset(10000));
    const numbers = actorNumbers(data, undefined, { betweenness: false });
    expect(numbers.size).toBe(10000);
    const communities = friendlyCommunities(data);
    expect(communities.of.size).toBe(10000);
    expect(communities.sizes.reduce((x, y) => x + y, 0)).toBe(10000);
  }, 60_000);

  it("computes betweenness for 1,000 actors", () => {
    const numbers = actorNumbers(lookup(generateDataset(1000)));
    const top = [...numbers.values()].filter((n) => n.rank.betweenness === 1);
    expect(top.length).toBeGreaterThanOrEqual(1);
    expect(top[0]!.betweenness).toBeGreaterThan(0);
  }, 60_000);
});
