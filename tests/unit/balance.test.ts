/** Structural balance: signed ties per pair, triangles, their classes, and the sentences telling them. */
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate";
import {
  analyseBalance,
  combineSigns,
  describeTriangle,
  type BalanceReport,
  type SignedTie,
  type Triangle,
} from "../../src/core/analysis";
import { lookup, validateDataset, type Dataset, type DatasetLookup } from "../../src/core/dataset";
import { actor, bundledJson, datasetWith, relation, relationType, type Loose } from "./fixtures";

const TYPES = [
  relationType("ally"),
  relationType("war", -1),
  relationType("talk", 0, true),
  relationType("membership", 1, true),
];

/** A dataset of states a, b, c, d (and any other ids the relations name), with the four types above. */
function signed(relations: Loose[], extraActors: Loose[] = []): DatasetLookup {
  const ids = new Set<string>(["a", "b", "c", "d"]);
  for (const r of relations) ids.add(r.source).add(r.target);
  for (const x of extraActors) ids.delete(x.id);
  return lookup(
    datasetWith({
      actors: [...[...ids].map((id) => actor(id, "state")), ...extraActors],
      relationTypes: TYPES,
      relations,
    }) as Dataset,
  );
}

/** Triangles as "x-y-z kind evidence" lines, in report order. */
function summary(report: BalanceReport): string[] {
  return report.triangles.map((t) => `${t.actors.join("-")} ${t.kind} ${t.evidence}`);
}

function tieOf(report: BalanceReport, a: string, b: string): SignedTie | undefined {
  return report.ties.find((t) => t.a === a && t.b === b);
}

describe("combining the relations of a pair", () => {
  it("is mixed with friendly and hostile relations, else friendly, hostile or neutral", () => {
    expect(combineSigns([1, -1])).toBe("mixed");
    expect(combineSigns([1, 0, -1, 1])).toBe("mixed");
    expect(combineSigns([1, 0])).toBe(1);
    expect(combineSigns([-1, 0, -1])).toBe(-1);
    expect(combineSigns([0, 0])).toBe(0);
    expect(combineSigns([])).toBe(0);
  });

  it("ignores direction and merges both ways into one tie, keeping every relation", () => {
    const report = analyseBalance(
      signed([relation("r1", "b", "a", "ally"), relation("r2", "a", "b", "talk"), relation("r3", "a", "b", "war")]),
    );
    expect(report.ties).toEqual([{ a: "a", b: "b", sign: "mixed", relations: ["r1", "r2", "r3"] }]);
  });

  it("ignores self relations, relations to unknown actors and of unknown types", () => {
    const data = lookup(
      datasetWith({
        actors: [actor("a", "state"), actor("b", "state")],
        relationTypes: TYPES,
        relations: [
          relation("self", "a", "a", "war"),
          relation("ghost", "a", "nobody", "war"),
          relation("odd", "a", "b", "no-such-type"),
          relation("r1", "a", "b", "ally"),
        ],
      }) as Dataset,
    );
    const report = analyseBalance(data);
    expect(report.ties).toEqual([{ a: "a", b: "b", sign: 1, relations: ["r1"] }]);
  });
});

describe("triangles", () => {
  it("all friendly: balanced, ratio 1", () => {
    const report = analyseBalance(
      signed([relation("ab", "a", "b", "ally"), relation("bc", "b", "c", "ally"), relation("ca", "c", "a", "ally")]),
    );
    expect(summary(report)).toEqual(["a-b-c balanced 3"]);
    expect([report.balanced, report.unbalanced, report.mixed, report.ratio]).toEqual([1, 0, 0, 1]);
    const [t] = report.triangles as [Triangle];
    expect(t.ties.map((tie) => `${tie.a}-${tie.b}`)).toEqual(["a-b", "a-c", "b-c"]);
  });

  // The sign of each triangle by the signs of its ties a-b, b-c and a-c (Heider: balanced when their product is positive).
  // Counts are [balanced, unbalanced, mixed, ratio].
  it.each([
    ["two enemies with a common friend (+, +, −)", ["ally", "ally", "war"], "unbalanced", [0, 1, 0, 0]],
    ["the enemy of my enemy is my friend (−, −, +)", ["war", "war", "ally"], "balanced", [1, 0, 0, 1]],
    ["three enemies (−, −, −)", ["war", "war", "war"], "unbalanced", [0, 1, 0, 0]],
  ] as const)("%s: %s", (_name, [ab, bc, ac], verdict, counts) => {
    const report = analyseBalance(signed([relation("ab", "a", "b", ab), relation("bc", "b", "c", bc), relation("ac", "a", "c", ac)]));
    expect(summary(report)).toEqual([`a-b-c ${verdict} 3`]);
    expect([report.balanced, report.unbalanced, report.mixed, report.ratio]).toEqual(counts);
  });

  it("a mixed pair makes a mixed triangle, left out of the ratio", () => {
    const report = analyseBalance(
      signed([
        relation("ab1", "a", "b", "ally"),
        relation("ab2", "a", "b", "war"),
        relation("bc", "b", "c", "ally"),
        relation("ac", "a", "c", "ally"),
        // A balanced triangle b-c-d next to it: the ratio is 1, not 1/2.
        relation("bd", "b", "d", "ally"),
        relation("cd", "c", "d", "ally"),
      ]),
    );
    expect(summary(report)).toEqual(["a-b-c mixed 4", "b-c-d balanced 3"]);
    expect([report.balanced, report.unbalanced, report.mixed, report.ratio]).toEqual([1, 0, 1, 1]);
    expect(report.perActor.get("a")).toEqual({ balanced: 0, unbalanced: 0, mixed: 1, ratio: null });
    expect(report.perActor.get("b")).toEqual({ balanced: 1, unbalanced: 0, mixed: 1, ratio: 1 });
  });

  it("without triangles the ratio is null", () => {
    const report = analyseBalance(signed([relation("ab", "a", "b", "ally"), relation("bc", "b", "c", "war")]));
    expect(report.triangles).toEqual([]);
    expect([report.balanced, report.unbalanced, report.mixed, report.ratio]).toEqual([0, 0, 0, null]);
    expect(report.perActor.get("d")).toEqual({ balanced: 0, unbalanced: 0, mixed: 0, ratio: null });
  });

  it("a neutral-only pair breaks the triangle; a neutral relation beside a signed one does not", () => {
    const broken = analyseBalance(
      signed([relation("ab", "a", "b", "ally"), relation("bc", "b", "c", "ally"), relation("ac", "a", "c", "talk")]),
    );
    expect(broken.triangles).toEqual([]);
    expect(tieOf(broken, "a", "c")).toEqual({ a: "a", b: "c", sign: 0, relations: ["ac"] });

    const kept = analyseBalance(
      signed([
        relation("ab", "a", "b", "ally"),
        relation("bc", "b", "c", "ally"),
        relation("ac", "a", "c", "talk"),
        relation("ca", "c", "a", "war"),
      ]),
    );
    expect(summary(kept)).toEqual(["a-b-c unbalanced 4"]);
  });

  it("self relations take no part", () => {
    const report = analyseBalance(
      signed([
        relation("aa", "a", "a", "war"),
        relation("ab", "a", "b", "ally"),
        relation("bc", "b", "c", "ally"),
        relation("ac", "a", "c", "ally"),
      ]),
    );
    expect(summary(report)).toEqual(["a-b-c balanced 3"]);
    expect(report.ties.some((t) => t.a === t.b)).toBe(false);
  });

  it("visibleRelations restricts the relations that count", () => {
    const data = signed([
      relation("ab", "a", "b", "ally"),
      relation("bc", "b", "c", "ally"),
      relation("ac1", "a", "c", "ally"),
      relation("ac2", "a", "c", "war"),
    ]);
    expect(summary(analyseBalance(data))).toEqual(["a-b-c mixed 4"]);
    expect(summary(analyseBalance(data, { visibleRelations: new Set(["ab", "bc", "ac2"]) }))).toEqual([
      "a-b-c unbalanced 3",
    ]);
    expect(summary(analyseBalance(data, { visibleRelations: new Set(["ab", "bc", "ac1"]) }))).toEqual([
      "a-b-c balanced 3",
    ]);
    const none = analyseBalance(data, { visibleRelations: new Set(["ab", "bc"]) });
    expect(none.triangles).toEqual([]);
    expect(none.ties.map((t) => t.relations)).toEqual([["ab"], ["bc"]]);
  });

  it("works with ids such as __proto__ and constructor", () => {
    const report = analyseBalance(
      signed([
        relation("r1", "__proto__", "constructor", "war"),
        relation("r2", "constructor", "toString", "war"),
        relation("r3", "__proto__", "toString", "ally"),
      ]),
    );
    expect(summary(report)).toEqual(["__proto__-constructor-toString balanced 3"]);
    expect(report.perActor.get("__proto__")).toEqual({ balanced: 1, unbalanced: 0, mixed: 0, ratio: 1 });
  });

  it("weighs triangles by their evidence, most evidenced first, then by actor ids", () => {
    const twice = { evidence: [{ quote: "One.", reportedBy: "DW" }, { quote: "Two.", reportedBy: "AFP" }] };
    const report = analyseBalance(
      signed([
        // b-c-d: unbalanced, 4 items; a-b-c and c-d-e: unbalanced, 3 each; c-e-f: balanced, 3.
        relation("ab", "a", "b", "ally"),
        relation("bc", "b", "c", "ally"),
        relation("ac", "a", "c", "war"),
        relation("bd", "b", "d", "war", twice),
        relation("cd", "c", "d", "ally"),
        relation("ce", "c", "e", "war"),
        relation("de", "d", "e", "ally"),
        relation("ef", "e", "f", "war"),
        relation("cf", "c", "f", "ally"),
      ]),
    );
    expect(summary(report)).toEqual([
      "b-c-d unbalanced 4",
      "a-b-c unbalanced 3",
      "c-d-e unbalanced 3",
      "c-e-f balanced 3",
    ]);
    expect(report.ratio).toBe(1 / 4);
    expect(report.perActor.get("c")).toEqual({ balanced: 1, unbalanced: 3, mixed: 0, ratio: 1 / 4 });
  });
});

describe("alliance through membership", () => {
  /*
   * a, b and c are members of o; a and b are at war; a and c only talk.
   * Without the option: o-a-b is the only triangle (unbalanced).
   * With it: a-c and b-c become implied friendly ties (a-b keeps its own,
   * hostile tie), so a-c-o and b-c-o are balanced and a-b-c is unbalanced.
   */
  const data = signed(
    [
      relation("ao", "a", "o", "membership"),
      relation("bo", "b", "o", "membership"),
      relation("co", "c", "o", "membership", {
        evidence: [{ quote: "C joins.", reportedBy: "DW" }, { quote: "C is in.", reportedBy: "AFP" }],
      }),
      relation("ab", "a", "b", "war"),
      relation("ac", "a", "c", "talk"),
    ],
    [actor("o", "organization")],
  );

  it("is off by default", () => {
    const report = analyseBalance(data);
    expect(summary(report)).toEqual(["a-b-o unbalanced 3"]);
    expect(report.ties.some((t) => t.implied)).toBe(false);
    expect(tieOf(report, "a", "o")?.sign).toBe(1);
  });

  it("adds implied friendly ties where members have no signed tie, and changes the count exactly", () => {
    const report = analyseBalance(data, { alliedByMembership: true });
    expect(summary(report)).toEqual([
      "a-b-c unbalanced 6",
      "a-c-o balanced 4",
      "a-b-o unbalanced 3",
      "b-c-o balanced 3",
    ]);
    expect([report.balanced, report.unbalanced, report.mixed, report.ratio]).toEqual([2, 2, 0, 1 / 2]);
    expect(tieOf(report, "a", "c")).toEqual({
      a: "a",
      b: "c",
      sign: 1,
      relations: ["ac"],
      implied: true,
      organizations: ["o"],
      membership: ["ao", "co"],
    });
    expect(tieOf(report, "b", "c")).toEqual({
      a: "b",
      b: "c",
      sign: 1,
      relations: [],
      implied: true,
      organizations: ["o"],
      membership: ["bo", "co"],
    });
    expect(tieOf(report, "a", "b")).toEqual({ a: "a", b: "b", sign: -1, relations: ["ab"] });
    expect(report.ties.filter((t) => t.implied)).toHaveLength(2);
  });

  it("counts only visible membership relations", () => {
    const report = analyseBalance(data, {
      alliedByMembership: true,
      visibleRelations: new Set(["ao", "bo", "ab", "ac"]),
    });
    expect(summary(report)).toEqual(["a-b-o unbalanced 3"]);
  });
});

describe("the bundled dataset", () => {
  const result = validateDataset(bundledJson());
  if (!result.ok) throw new Error("the bundled dataset does not validate");
  const data = lookup(result.value);

  it("has membership as a friendly type and leadership as a neutral one", () => {
    expect(data.types.get("membership")?.sign).toBe(1);
    expect(data.types.get("leadership")?.sign).toBe(0);
    expect(data.types.get("mediation")?.sign).toBe(0);
  });

  /*
   * Signed ties, read from the relations:
   *   France–Russia     mixed (two cooperation, one tension, one mediation)
   *   Hollande–Putin    mixed (tension, cooperation, support)
   *   France–IS, Russia–IS, Russia–Turkey (tension + conflict), Russia–NATO   hostile
   *   France–NATO, Turkey–NATO (membership), UK–France, USA–France (support)   friendly
   * Neutral only: France–Turkey, France–Syria, the other mediations, and the
   * four leader–state leadership ties, so the leaders and Syria are in no triangle.
   */
  it("has three triangles without the membership alliance", () => {
    const report = analyseBalance(data);
    expect(summary(report)).toEqual([
      "france-islamic-state-russia mixed 13",
      "france-nato-russia mixed 11",
      "nato-russia-turkey balanced 6",
    ]);
    expect([report.balanced, report.unbalanced, report.mixed, report.ratio]).toEqual([1, 0, 2, 1]);
    expect(tieOf(report, "france", "russia")).toEqual({
      a: "france",
      b: "russia",
      sign: "mixed",
      relations: [
        "france-russia-cooperation-is",
        "france-russia-military-coordination",
        "france-russia-tension-disputes",
        "france-russia-mediation-jet",
      ],
    });
    expect(tieOf(report, "france", "turkey")?.sign).toBe(0);
    expect(tieOf(report, "hollande", "putin")?.sign).toBe("mixed");
    expect(tieOf(report, "putin", "russia")?.sign).toBe(0);
    expect(tieOf(report, "france", "hollande")?.sign).toBe(0);
    expect(report.ties).toHaveLength(20);
    expect(report.ties.filter((t) => t.sign !== 0)).toHaveLength(10);
    expect(report.perActor.get("france")).toEqual({ balanced: 0, unbalanced: 0, mixed: 2, ratio: null });
    expect(report.perActor.get("russia")).toEqual({ balanced: 1, unbalanced: 0, mixed: 2, ratio: 1 });
    expect(report.perActor.get("nato")).toEqual({ balanced: 1, unbalanced: 0, mixed: 1, ratio: 1 });
    expect(report.perActor.get("turkey")).toEqual({ balanced: 1, unbalanced: 0, mixed: 0, ratio: 1 });
    expect(report.perActor.get("islamic-state")).toEqual({ balanced: 0, unbalanced: 0, mixed: 1, ratio: null });
    for (const leader of ["putin", "hollande", "merkel", "obama"]) {
      expect(report.perActor.get(leader)).toEqual({ balanced: 0, unbalanced: 0, mixed: 0, ratio: null });
    }
  });

  /*
   * France and Turkey, both NATO members with only a (neutral) mediation
   * between them, become implied allies: France–Russia–Turkey appears (mixed,
   * through France–Russia) and France–NATO–Turkey (all friendly, balanced).
   */
  it("has five triangles with the membership alliance", () => {
    const report = analyseBalance(data, { alliedByMembership: true });
    expect(summary(report)).toEqual([
      "france-russia-turkey mixed 16",
      "france-islamic-state-russia mixed 13",
      "france-nato-russia mixed 11",
      "nato-russia-turkey balanced 6",
      "france-nato-turkey balanced 3",
    ]);
    expect([report.balanced, report.unbalanced, report.mixed, report.ratio]).toEqual([2, 0, 3, 1]);
    expect(report.ties.filter((t) => t.implied)).toEqual([
      {
        a: "france",
        b: "turkey",
        sign: 1,
        relations: ["france-turkey-mediation-jet"],
        implied: true,
        organizations: ["nato"],
        membership: ["france-nato-membership", "turkey-nato-membership"],
      },
    ]);
    expect(report.ties).toHaveLength(20);
    expect(report.perActor.get("turkey")).toEqual({ balanced: 2, unbalanced: 0, mixed: 1, ratio: 1 });
    expect(report.perActor.get("putin")).toEqual({ balanced: 0, unbalanced: 0, mixed: 0, ratio: null });
  });

  it("describes a triangle in English and Persian", () => {
    const balanced = analyseBalance(data).triangles.find((t) => t.actors.join() === "nato,russia,turkey")!;
    expect(describeTriangle(balanced, data, "en")).toBe(
      "NATO and Russia are at odds, Russia and Turkey are at odds, and Turkey is a member of NATO" +
        " — a balanced triangle: the enemy of my enemy is my friend.",
    );
    expect(describeTriangle(balanced, data, "fa")).toBe(
      "ناتو و روسیه با هم سر ناسازگاری دارند، روسیه و ترکیه با هم سر ناسازگاری دارند و ترکیه عضو ناتو است" +
        " — مثلثی متوازن: دشمنِ دشمنِ من، دوستِ من است.",
    );

    const mixed = analyseBalance(data, { alliedByMembership: true }).triangles[0]!;
    expect(describeTriangle(mixed, data, "en")).toBe(
      "France and Turkey are allies in NATO, Turkey and Russia are at odds, and France and Russia both cooperate and clash" +
        " — a mixed triangle: at least one tie is both friendly and hostile, so it is neither balanced nor unbalanced.",
    );
    expect(describeTriangle(mixed, data, "fa")).toBe(
      "فرانسه و ترکیه در ناتو هم\u200cپیمان\u200cاند، ترکیه و روسیه با هم سر ناسازگاری دارند" +
        " و فرانسه و روسیه هم با هم همکاری می\u200cکنند و هم درگیرند" +
        " — مثلثی آمیخته: دست\u200cکم یکی از پیوندها هم دوستانه است و هم خصمانه، پس نه متوازن است و نه نامتوازن.",
    );
  });
});

describe("sentences", () => {
  it("puts the odd tie last and names the unbalanced verdict", () => {
    const data = lookup(
      datasetWith({
        actors: [
          actor("a", "state", { label: { en: "Alpha", fa: "آلفا" } }),
          actor("b", "state", { label: { en: "Beta", fa: "بتا" } }),
          actor("c", "state", { label: { en: "Gamma", fa: "گاما" } }),
        ],
        relationTypes: TYPES,
        relations: [relation("ab", "a", "b", "ally"), relation("bc", "b", "c", "ally"), relation("ac", "a", "c", "war")],
      }) as Dataset,
    );
    const [triangle] = analyseBalance(data).triangles as [Triangle];
    expect(describeTriangle(triangle, data, "en")).toBe(
      "Alpha and Beta are friends, Beta and Gamma are friends, and Alpha and Gamma are at odds" +
        " — an unbalanced triangle: the friend of a friend is an enemy.",
    );
    expect(describeTriangle(triangle, data, "fa")).toBe(
      "آلفا و بتا دوست\u200cاند، بتا و گاما دوست\u200cاند و آلفا و گاما با هم سر ناسازگاری دارند" +
        " — مثلثی نامتوازن: دوستِ دوست، دشمن است.",
    );
  });
});

describe("a generated dataset of 10,000 actors and 40,000 relations", () => {
  const data = lookup(generateDataset(10000));

  /** Independent, plain count: every signed pair, every common neighbour above both ends. */
  function reference(report: BalanceReport): Map<string, Triangle["kind"]> {
    const neighbours = new Map<string, Map<string, SignedTie>>();
    for (const tie of report.ties) {
      if (tie.sign === 0) continue;
      for (const [x, y] of [
        [tie.a, tie.b],
        [tie.b, tie.a],
      ] as const) {
        let map = neighbours.get(x);
        if (!map) neighbours.set(x, (map = new Map()));
        map.set(y, tie);
      }
    }
    const found = new Map<string, Triangle["kind"]>();
    for (const tie of report.ties) {
      if (tie.sign === 0) continue;
      const ofB = neighbours.get(tie.b)!;
      for (const [c, ac] of neighbours.get(tie.a)!) {
        const bc = ofB.get(c);
        if (!bc || !(c > tie.b)) continue;
        const signs = [tie.sign, ac.sign, bc.sign];
        const kind = signs.includes("mixed")
          ? "mixed"
          : (signs as number[]).reduce((p, s) => p * s, 1) > 0
            ? "balanced"
            : "unbalanced";
        found.set([tie.a, tie.b, c].join(" "), kind);
      }
    }
    return found;
  }

  for (const alliedByMembership of [false, true]) {
    it(`finds every triangle once, with consistent counts (alliedByMembership: ${alliedByMembership})`, () => {
      const report = analyseBalance(data, { alliedByMembership });
      const expected = reference(report);
      expect(report.triangles.length).toBeGreaterThan(100);
      expect(report.balanced + report.unbalanced + report.mixed).toBe(report.triangles.length);
      expect(new Map(report.triangles.map((t) => [t.actors.join(" "), t.kind]))).toEqual(expected);
      expect(report.ratio).toBe(report.balanced / (report.balanced + report.unbalanced));

      let perActorTotal = 0;
      for (const counts of report.perActor.values()) perActorTotal += counts.balanced + counts.unbalanced + counts.mixed;
      expect(perActorTotal).toBe(3 * report.triangles.length);
      expect(report.perActor.size).toBe(10000);

      const pairs = new Set(report.ties.map((t) => `${t.a} ${t.b}`));
      expect(pairs.size).toBe(report.ties.length);
      for (let i = 1; i < report.triangles.length; i++) {
        expect(report.triangles[i - 1]!.evidence).toBeGreaterThanOrEqual(report.triangles[i]!.evidence);
      }
      expect(report.ties.some((t) => t.implied)).toBe(alliedByMembership);
    });
  }
});
