/**
 * Generated signed relation datasets for the benchmark: actors grouped into
 * alliances (friendly inside, mostly hostile between), a fixed seed, and on
 * average `relationsPerActor` relations per actor.
 */
import { ACTOR_KINDS, CORE_RELATION_TYPES, type Dataset } from "../src/core/dataset";
import { seededRandom } from "../src/core/random";

const TYPE_SIGN: Record<(typeof CORE_RELATION_TYPES)[number], -1 | 0 | 1> = {
  cooperation: 1,
  support: 1,
  membership: 1,
  mediation: 0,
  leadership: 0,
  tension: -1,
  conflict: -1,
};
const COLORS = ["#009E73", "#56B4E9", "#0072B2", "#E69F00", "#7F7F7F", "#D55E00", "#A50026"];

export function generateDataset(actors: number, relationsPerActor = 4, seed = 42): Dataset {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const alliances = Math.max(2, Math.round(Math.sqrt(actors) / 2));
  const members: number[][] = Array.from({ length: alliances }, () => []);
  const allianceOf: number[] = [];
  for (let i = 0; i < actors; i++) {
    const a = Math.floor(random() * alliances);
    allianceOf.push(a);
    members[a]!.push(i);
  }
  const friendly = CORE_RELATION_TYPES.filter((t) => TYPE_SIGN[t] > 0);
  const hostile = CORE_RELATION_TYPES.filter((t) => TYPE_SIGN[t] < 0);
  const neutral = CORE_RELATION_TYPES.filter((t) => TYPE_SIGN[t] === 0);
  const relations: Dataset["relations"] = [];
  const total = actors * relationsPerActor;
  for (let r = 0; r < total; r++) {
    const source = Math.floor(random() * actors);
    const roll = random();
    let target: number;
    let type: string;
    if (roll < 0.7) {
      target = pick(members[allianceOf[source]!]!);
      type = pick(friendly);
    } else if (roll < 0.9) {
      target = Math.floor(random() * actors);
      type = pick(hostile);
    } else {
      target = Math.floor(random() * actors);
      type = pick(neutral);
    }
    if (target === source) target = (source + 1) % actors;
    const day = 1 + Math.floor(random() * 28);
    relations.push({
      id: `r${r}`,
      source: `a${source}`,
      target: `a${target}`,
      type,
      date: `2020-02-${String(day).padStart(2, "0")}`,
      evidence: [{ quote: `Relation ${r}`, reportedBy: "Generated" }],
    });
  }
  return {
    meta: {
      title: { en: `Generated: ${actors} actors, ${total} relations` },
      source: { publisher: { en: "Entente benchmark" }, url: "https://example.org/generated", published: "2020-02-28", language: "en" },
    },
    actors: Array.from({ length: actors }, (_, i) => ({
      id: `a${i}`,
      kind: i % 17 === 0 ? pick(ACTOR_KINDS) : "state",
      label: { en: `Actor ${i}` },
    })),
    relationTypes: CORE_RELATION_TYPES.map((id, i) => ({
      id,
      label: { en: id[0]!.toUpperCase() + id.slice(1) },
      sign: TYPE_SIGN[id],
      directed: id === "support" || id === "membership" || id === "leadership",
      color: COLORS[i]!,
    })),
    relations,
  };
}
