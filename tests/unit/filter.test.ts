/** The filter pipeline: which relations and actors a view leaves visible, and the legend counts. */
import { describe, expect, it } from "vitest";
import { ACTOR_KINDS, CORE_RELATION_TYPES, lookup, validateDataset, type Dataset } from "../../src/core/dataset";
import { applyFilters, filtersNothing, prepareFilters, type FilterResult, type FilterView } from "../../src/core/filter";
import { actor, bundledJson, datasetWith, minimalDataset, relation, relationType } from "./fixtures";

/*
 * s1 ─ally─ s2 ─war─ s3 ─war─ g1 ─war─ __proto__
 *  │ \       │       │
 * talk ally talk    ally
 *  │    \    │       │
 *  o1    p1  o1 ─────┘        p2 and r1 have no relation; no relation has type "constructor".
 */
const small = lookup(
  datasetWith({
    actors: [
      actor("s1", "state"),
      actor("s2", "state"),
      actor("s3", "state"),
      actor("__proto__", "state"),
      actor("o1", "organization"),
      actor("p1", "person"),
      actor("p2", "person"),
      actor("g1", "armed-group"),
      actor("r1", "region"),
    ],
    relationTypes: [relationType("ally"), relationType("war", -1), relationType("talk", 0, true), relationType("constructor")],
    relations: [
      relation("e1", "s1", "s2", "ally", { date: "2015-01-10" }),
      relation("e2", "s2", "s3", "war", { date: "2015-02-01" }),
      relation("e3", "s1", "o1", "talk"),
      relation("e4", "p1", "s1", "ally", { date: "2015-03-01" }),
      relation("e5", "g1", "s3", "war", { date: "2015-02-01" }),
      relation("e6", "s3", "o1", "ally", { date: "2015-01-10" }),
      relation("e7", "__proto__", "g1", "war", { date: "2015-04-01" }),
      relation("e8", "o1", "s2", "talk", { date: "2015-05-05" }),
    ],
  }) as Dataset,
);

const ALL: FilterView = { types: null, kinds: null, from: null, to: null, focus: null };

function run(view: Partial<FilterView>, data = small) {
  const result = applyFilters(data, { ...ALL, ...view });
  return {
    relations: [...result.relations].sort(),
    actors: [...result.actors].sort(),
    typeCounts: Object.fromEntries(result.typeCounts),
    kindCounts: Object.fromEntries(result.kindCounts),
  };
}

const kindCounts = (state: number, organization: number, person: number, armedGroup: number, region: number) => ({
  state,
  organization,
  person,
  "armed-group": armedGroup,
  region,
});
const typeCounts = (ally: number, war: number, talk: number) => ({ ally, war, talk, constructor: 0 });
const EVERY_ACTOR = ["__proto__", "g1", "o1", "p1", "p2", "r1", "s1", "s2", "s3"];

describe("applyFilters: no filter", () => {
  it("shows everything, isolated actors included", () => {
    expect(run({})).toEqual({
      relations: ["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"],
      actors: EVERY_ACTOR,
      typeCounts: typeCounts(3, 3, 2),
      kindCounts: kindCounts(4, 1, 2, 1, 1),
    });
  });

  it("lists the distinct dates in order, and a key for every type and kind", () => {
    const result = applyFilters(small, ALL);
    expect(result.dates).toEqual(["2015-01-10", "2015-02-01", "2015-03-01", "2015-04-01", "2015-05-05"]);
    expect([...result.typeCounts.keys()]).toEqual(["ally", "war", "talk", "constructor"]);
    expect([...result.kindCounts.keys()]).toEqual([...ACTOR_KINDS]);
  });
});

describe("applyFilters: masks", () => {
  it("mark in the dataset's order exactly the relations and actors of the sets", () => {
    const dataset = small.dataset;
    const views: Partial<FilterView>[] = [{}, { types: ["war"] }, { types: [] }, { kinds: ["state"] }, { from: "2015-03-01" }];
    for (const view of views) {
      const result = applyFilters(small, { ...ALL, ...view });
      expect([...result.relationMask], JSON.stringify(view)).toEqual(dataset.relations.map((r) => (result.relations.has(r.id) ? 1 : 0)));
      expect([...result.actorMask], JSON.stringify(view)).toEqual(dataset.actors.map((a) => (result.actors.has(a.id) ? 1 : 0)));
    }
    const war = applyFilters(small, { ...ALL, types: ["war"] });
    expect(dataset.relations.filter((_r, i) => war.relationMask[i] === 1).map((r) => r.id)).toEqual([...war.relations]);
  });
});

describe("applyFilters: relation types", () => {
  it("keeps the relations of the chosen types and the actors they join", () => {
    expect(run({ types: ["ally"] })).toEqual({
      relations: ["e1", "e4", "e6"],
      actors: ["o1", "p1", "p2", "r1", "s1", "s2", "s3"],
      typeCounts: typeCounts(3, 3, 2),
      kindCounts: kindCounts(3, 1, 2, 0, 1),
    });
  });

  it("shows no relation for an empty list, only the actors that have none anyway", () => {
    expect(run({ types: [] })).toEqual({
      relations: [],
      actors: ["p2", "r1"],
      typeCounts: typeCounts(3, 3, 2),
      kindCounts: kindCounts(0, 0, 1, 0, 1),
    });
  });

  it("ignores a type id the dataset does not have", () => {
    expect(run({ types: ["war", "nope"] }).relations).toEqual(["e2", "e5", "e7"]);
  });
});

describe("applyFilters: actor kinds", () => {
  it("keeps relations whose both ends are of a chosen kind", () => {
    expect(run({ kinds: ["state"] })).toEqual({
      relations: ["e1", "e2"],
      actors: ["s1", "s2", "s3"],
      typeCounts: typeCounts(1, 1, 0),
      // Each unchecked kind counts what checking it would add: o1; p1 and the isolated p2; g1; r1.
      kindCounts: kindCounts(3, 1, 2, 1, 1),
    });
  });

  it("shows nothing for an empty list, yet counts what each kind would show", () => {
    expect(run({ kinds: [] })).toEqual({
      relations: [],
      actors: [],
      typeCounts: typeCounts(0, 0, 0),
      kindCounts: kindCounts(3, 0, 1, 0, 1),
    });
  });

  it("drops an isolated actor of an unchosen kind", () => {
    expect(run({ kinds: ["state", "person"] })).toMatchObject({
      relations: ["e1", "e2", "e4"],
      actors: ["p1", "p2", "s1", "s2", "s3"],
    });
  });
});

describe("applyFilters: dates", () => {
  it("keeps relations within the bounds, both inclusive, and every undated relation", () => {
    expect(run({ from: "2015-02-01", to: "2015-03-01" })).toEqual({
      relations: ["e2", "e3", "e4", "e5"],
      actors: ["g1", "o1", "p1", "p2", "r1", "s1", "s2", "s3"],
      typeCounts: typeCounts(1, 2, 1),
      kindCounts: kindCounts(3, 1, 2, 1, 1),
    });
  });

  it("takes a single day when both bounds are that day", () => {
    expect(run({ from: "2015-01-10", to: "2015-01-10" }).relations).toEqual(["e1", "e3", "e6"]);
  });

  it("leaves a bound open when it is null", () => {
    expect(run({ from: "2015-04-01" }).relations).toEqual(["e3", "e7", "e8"]);
    expect(run({ to: "2015-01-09" })).toMatchObject({ relations: ["e3"], actors: ["o1", "p2", "r1", "s1"] });
  });

  it("keeps only undated relations when the bounds are crossed", () => {
    expect(run({ from: "2015-12-31", to: "2015-01-01" }).relations).toEqual(["e3"]);
  });
});

describe("applyFilters: focus", () => {
  it("depth 1 keeps the neighbours and the relations among them", () => {
    expect(run({ focus: { actor: "s1", depth: 1 } })).toEqual({
      // e8 joins two neighbours of s1 (o1 and s2), so it stays.
      relations: ["e1", "e3", "e4", "e8"],
      actors: ["o1", "p1", "s1", "s2"],
      typeCounts: typeCounts(2, 0, 2),
      kindCounts: kindCounts(2, 1, 1, 0, 0),
    });
  });

  it("depth 2 reaches the neighbours' neighbours", () => {
    expect(run({ focus: { actor: "s1", depth: 2 } })).toEqual({
      relations: ["e1", "e2", "e3", "e4", "e6", "e8"],
      actors: ["o1", "p1", "s1", "s2", "s3"],
      typeCounts: typeCounts(3, 1, 2),
      kindCounts: kindCounts(3, 1, 1, 0, 0),
    });
  });

  it("walks only relations that pass the other filters, and counts types within that neighbourhood", () => {
    expect(run({ focus: { actor: "s1", depth: 2 }, types: ["ally"] })).toEqual({
      relations: ["e1", "e4"],
      actors: ["p1", "s1", "s2"],
      // talk relations e3 and e8 touch o1, which the ally-only walk never reached.
      typeCounts: typeCounts(2, 0, 0),
      kindCounts: kindCounts(2, 0, 1, 0, 0),
    });
  });

  it("combines with dates", () => {
    expect(run({ focus: { actor: "s1", depth: 2 }, to: "2015-01-31" })).toMatchObject({
      relations: ["e1", "e3", "e6"],
      actors: ["o1", "s1", "s2", "s3"],
    });
  });

  it("combines with kinds, types and dates at once", () => {
    expect(run({ focus: { actor: "s2", depth: 2 }, kinds: ["state", "armed-group"], types: ["war"], from: "2015-02-01" })).toEqual({
      relations: ["e2", "e5"],
      actors: ["g1", "s2", "s3"],
      typeCounts: typeCounts(0, 2, 0),
      kindCounts: kindCounts(2, 0, 0, 1, 0),
    });
  });

  it("works for an actor called __proto__", () => {
    expect(run({ focus: { actor: "__proto__", depth: 1 } })).toMatchObject({ relations: ["e7"], actors: ["__proto__", "g1"] });
  });

  it("always shows the focus actor, even alone", () => {
    expect(run({ focus: { actor: "r1", depth: 2 } })).toEqual({
      relations: [],
      actors: ["r1"],
      typeCounts: typeCounts(0, 0, 0),
      kindCounts: kindCounts(0, 0, 0, 0, 1),
    });
  });

  it("shows the focus actor even when its kind is not chosen", () => {
    expect(run({ focus: { actor: "p1", depth: 1 }, kinds: ["state"] })).toEqual({
      relations: [],
      actors: ["p1"],
      typeCounts: typeCounts(0, 0, 0),
      kindCounts: kindCounts(0, 0, 1, 0, 0),
    });
  });

  it("ignores a focus on an unknown actor", () => {
    expect(run({ focus: { actor: "nobody", depth: 2 } })).toEqual(run({}));
    expect(run({ focus: { actor: "constructor", depth: 1 } })).toEqual(run({}));
  });
});

describe("applyFilters: the bundled dataset", () => {
  const result = validateDataset(bundledJson());
  if (!result.ok) throw new Error("the bundled dataset is invalid");
  const bundled = lookup(result.value);

  it("shows all 13 actors and 26 relations unfiltered", () => {
    const all = applyFilters(bundled, ALL);
    expect(all.actors.size).toBe(13);
    expect(all.relations.size).toBe(26);
    expect(all.dates).toEqual(["2015-11-26"]);
    expect(Object.fromEntries(all.typeCounts)).toEqual({
      cooperation: 3,
      support: 3,
      membership: 2,
      mediation: 7,
      leadership: 4,
      tension: 4,
      conflict: 3,
    });
    expect(Object.fromEntries(all.kindCounts)).toEqual(kindCounts(6, 1, 4, 1, 1));
  });

  it("states only: the relations between states", () => {
    expect(run({ kinds: ["state"] }, bundled)).toEqual({
      relations: [
        "france-russia-cooperation-is",
        "france-russia-mediation-jet",
        "france-russia-military-coordination",
        "france-russia-tension-disputes",
        "france-turkey-mediation-jet",
        "germany-russia-mediation-jet",
        "germany-turkey-mediation-jet",
        "russia-turkey-tension-jet",
        "turkey-russia-conflict-jet",
        "uk-france-support-daesh",
        "usa-france-support-daesh",
        "usa-russia-mediation-jet",
        "usa-turkey-mediation-jet",
      ],
      actors: ["france", "germany", "russia", "turkey", "uk", "usa"],
      typeCounts: { cooperation: 2, support: 2, membership: 0, mediation: 6, leadership: 0, tension: 2, conflict: 1 },
      kindCounts: kindCounts(6, 1, 4, 1, 1),
    });
  });

  it("focus on Turkey, depth 1, hostile relations only", () => {
    expect(run({ focus: { actor: "turkey", depth: 1 }, types: ["tension", "conflict"] }, bundled)).toMatchObject({
      relations: ["russia-turkey-tension-jet", "turkey-russia-conflict-jet"],
      actors: ["russia", "turkey"],
    });
  });

  it("a range after the article's day hides every relation, and every actor since none is isolated", () => {
    expect(run({ from: "2016-01-01" }, bundled)).toMatchObject({ relations: [], actors: [] });
  });
});

describe("applyFilters: a large generated dataset", () => {
  // 10,000 actors, kinds in turn; each relation joins actors of the same kind, five to fifteen apart.
  const N = 10_000;
  const generated = lookup({
    meta: small.dataset.meta,
    actors: Array.from({ length: N }, (_, i) => ({ id: `a${i}`, kind: ACTOR_KINDS[i % 5]!, label: { en: `Actor ${i}` } })),
    relationTypes: CORE_RELATION_TYPES.map((id) => relationType(id)),
    relations: Array.from({ length: 40_000 }, (_, j) => ({
      id: `r${j}`,
      source: `a${j % N}`,
      target: `a${((j % N) + 5 * (1 + (j % 3))) % N}`,
      type: CORE_RELATION_TYPES[j % 7]!,
      date: `2015-01-${String(1 + (j % 28)).padStart(2, "0")}`,
      evidence: [{ quote: "q", reportedBy: "DW" }],
    })),
  });

  it("filters 40,000 relations by kind and date", () => {
    const result: FilterResult = applyFilters(generated, {
      types: null,
      kinds: ["state"],
      from: "2015-01-01",
      to: "2015-01-14",
      focus: null,
    });
    expect(result.relations.size).toBe(4001);
    expect(result.actors.size).toBe(2000);
    expect(result.dates).toHaveLength(28);
    expect(Object.fromEntries(result.typeCounts)).toEqual({
      cooperation: 572,
      support: 571,
      membership: 572,
      mediation: 571,
      leadership: 572,
      tension: 572,
      conflict: 571,
    });
    expect(Object.fromEntries(result.kindCounts)).toEqual(kindCounts(2000, 2000, 2000, 2000, 2000));
  });
});

describe("relations that span time", () => {
  it("pass when their span meets the period, not only their first date", () => {
    const input = minimalDataset();
    input.relations[0].date = "2020-01-01";
    input.relations[0].endDate = "2020-03-31";
    input.relations[1].date = "2020-02-01";
    const result = validateDataset(input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const data = lookup(result.value);
    const ids = [input.relations[0].id as string, input.relations[1].id as string];
    const shown = (from: string | null, to: string | null) =>
      ids.filter((id) => applyFilters(data, { types: null, kinds: null, from, to, focus: null }).relations.has(id));
    expect(shown("2020-03-01", null)).toEqual([ids[0]]);
    expect(shown("2020-04-01", null)).toEqual([]);
    expect(shown(null, "2020-01-15")).toEqual([ids[0]]);
    expect(shown("2020-02-01", "2020-02-01")).toEqual(ids);
  });
});

describe("a self relation and an actor listed twice (unchecked data reaches the filters' index too)", () => {
  // x ─ally─ x, x ─ally─ y, y ─ally─ z; "y" listed twice; w has no relation.
  const odd = lookup(
    datasetWith({
      actors: [actor("x", "state"), actor("y", "state"), actor("y", "person"), actor("z", "state"), actor("w", "region")],
      relationTypes: [relationType("ally")],
      relations: [relation("t1", "x", "x", "ally"), relation("t2", "x", "y", "ally"), relation("t3", "y", "z", "ally")],
    }) as Dataset,
  );

  it("walks a self relation once, and every relation of the actor's first listing", () => {
    expect(run({ focus: { actor: "x", depth: 1 } }, odd)).toMatchObject({ relations: ["t1", "t2"], actors: ["x", "y"] });
    expect(run({ focus: { actor: "x", depth: 2 } }, odd)).toMatchObject({ relations: ["t1", "t2", "t3"], actors: ["x", "y", "z"] });
    expect(run({ focus: { actor: "z", depth: 1 } }, odd)).toMatchObject({ relations: ["t3"], actors: ["y", "z"] });
  });

  it("shows an actor without relations, and a second listing of an id not as an actor of its own", () => {
    const result = applyFilters(odd, ALL);
    expect([...result.actors].sort()).toEqual(["w", "x", "y", "z"]);
    expect([...result.actorMask]).toEqual([1, 1, 0, 1, 1]);
  });
});

describe("indexing a dataset for filtering ahead of time", () => {
  it("gives every filter the same result as indexing on the first one", () => {
    const dataset = small.dataset;
    const views: Partial<FilterView>[] = [{}, { types: ["war"] }, { kinds: ["person"] }, { from: "2015-02-01", to: "2015-03-31" }, { focus: { actor: "s3", depth: 1 } }];
    const prepared = lookup(dataset);
    prepareFilters(prepared);
    for (const view of views) expect(run(view, prepared), JSON.stringify(view)).toEqual(run(view, lookup(dataset)));
    expect(run({ focus: { actor: "s3", depth: 1 } }, prepared).actors).toEqual(["g1", "o1", "s2", "s3"]);
  });
});

describe("filtersNothing", () => {
  it("is true for a view with no filter, which then shows every relation and every actor, lonely ones too", () => {
    expect(filtersNothing(ALL)).toBe(true);
    for (const data of [small, lookup(bundledJson() as Dataset)]) {
      const shown = applyFilters(data, ALL);
      expect(shown.relations.size).toBe(data.dataset.relations.length);
      expect(shown.actors.size).toBe(new Set(data.dataset.actors.map((a) => a.id)).size);
      expect([...shown.relationMask].every((v) => v === 1)).toBe(true);
      expect([...shown.actorMask].every((v) => v === 1)).toBe(true);
    }
  });

  it("is false as soon as one filter is set, even one that happens to leave everything", () => {
    expect(filtersNothing({ ...ALL, types: ["ally", "war", "talk", "constructor"] })).toBe(false);
    expect(filtersNothing({ ...ALL, kinds: [...ACTOR_KINDS] })).toBe(false);
    expect(filtersNothing({ ...ALL, from: "1900-01-01" })).toBe(false);
    expect(filtersNothing({ ...ALL, to: "2100-01-01" })).toBe(false);
    expect(filtersNothing({ ...ALL, focus: { actor: "s1", depth: 1 } })).toBe(false);
  });
});
