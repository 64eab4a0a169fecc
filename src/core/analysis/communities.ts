/**
 * Groups of actors held together by friendly ties: Louvain modularity
 * clustering on the graph of friendly pairs, seeded so that one dataset
 * always gives the same groups, numbered the same way.
 */
import { UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import type { DatasetLookup } from "../dataset/lookup";
import type { Sign } from "../dataset/schema";
import { seededRandom } from "../random";
import { combineSigns, compareIds } from "./balance";

export interface Communities {
  /** Actor id → community, 0..count-1. */
  of: Map<string, number>;
  count: number;
  /** Members per community; largest first, equal sizes by their smallest actor id. */
  sizes: number[];
}

export interface CommunityOptions {
  /** Only these relations count (the ones the filters leave visible). */
  visibleRelations?: ReadonlySet<string>;
  seed?: number;
}

/**
 * A pair is a friendly tie when it has a friendly relation and no hostile
 * one. A mixed pair (France and Russia cooperating against one enemy while in
 * tension over another) is left out rather than weighted down: a pair at odds
 * is not a community tie, and counting it would merge the very rivals the
 * grouping should keep apart. Neutral relations neither make nor break a tie.
 * The weight is the pair's number of friendly relations, so a pair reported
 * allied in many ways holds together more strongly.
 */
export function friendlyCommunities(data: DatasetLookup, options: CommunityOptions = {}): Communities {
  const visible = options.visibleRelations;
  const actorIds: string[] = [];
  const known = new Set<string>();
  for (const actor of data.dataset.actors) {
    if (known.has(actor.id)) continue;
    known.add(actor.id);
    actorIds.push(actor.id);
  }

  // Keyed by JSON so that ids holding any character stay distinct pairs.
  const pairs = new Map<string, { a: string; b: string; signs: Sign[]; friendly: number }>();
  for (const relation of data.dataset.relations) {
    if (visible !== undefined && !visible.has(relation.id)) continue;
    const { source, target } = relation;
    if (source === target || !known.has(source) || !known.has(target)) continue;
    const type = data.types.get(relation.type);
    if (!type) continue;
    const [a, b] = compareIds(source, target) < 0 ? [source, target] : [target, source];
    const key = JSON.stringify([a, b]);
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { a, b, signs: [], friendly: 0 }));
    pair.signs.push(type.sign);
    if (type.sign > 0) pair.friendly += 1;
  }

  // Nodes are keyed by the actor's position, not its id: graphology's simple graphs and louvain's
  // result are plain objects, where ids such as "constructor" or "__proto__" find Object.prototype.
  const keyOf = new Map(actorIds.map((id, i) => [id, String(i)]));
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const { a, b, signs, friendly } of pairs.values()) {
    if (combineSigns(signs) !== 1) continue;
    const [ka, kb] = [keyOf.get(a)!, keyOf.get(b)!];
    graph.mergeNode(ka);
    graph.mergeNode(kb);
    graph.addEdge(ka, kb, { weight: friendly });
  }

  // Louvain's result depends on the order it walks the nodes in; a fresh seeded rng makes that order repeatable.
  const found: Record<string, number> =
    graph.size > 0 ? louvain(graph, { getEdgeWeight: "weight", rng: seededRandom(options.seed ?? 1) }) : {};

  const groups = new Map<number, string[]>();
  const alone: string[][] = [];
  for (const id of actorIds) {
    const key = keyOf.get(id)!;
    const community = Object.prototype.hasOwnProperty.call(found, key) ? found[key] : undefined;
    if (community === undefined) {
      alone.push([id]);
      continue;
    }
    const members = groups.get(community);
    if (members) members.push(id);
    else groups.set(community, [id]);
  }

  const smallest = (members: string[]): string => members.reduce((x, y) => (compareIds(x, y) <= 0 ? x : y));
  const ordered = [...groups.values(), ...alone].sort(
    (x, y) => y.length - x.length || compareIds(smallest(x), smallest(y)),
  );
  const of = new Map<string, number>();
  ordered.forEach((members, index) => {
    for (const id of members) of.set(id, index);
  });
  return { of, count: ordered.length, sizes: ordered.map((members) => members.length) };
}

/**
 * Paul Tol's "muted" scheme, told apart under the common colour-vision
 * deficiencies and sharing no colour with the relation-type edge colours
 * (Okabe–Ito), so a node's community is never mistaken for an edge's type.
 * Tol's pale grey is left out: grey means "no community" here.
 */
export const COMMUNITY_COLORS: readonly string[] = [
  "#332288",
  "#88CCEE",
  "#44AA99",
  "#117733",
  "#999933",
  "#DDCC77",
  "#CC6677",
  "#882255",
  "#AA4499",
];

/** An actor alone in its community belongs to no group worth a colour of its own. */
export const SINGLETON_COLOR = "#9a9a9a";

/**
 * The colour of community `index`; cycles past the palette's end. With the
 * communities given, a community of one actor is grey.
 */
export function communityColor(index: number, communities?: Pick<Communities, "sizes">): string {
  if (communities && (communities.sizes[index] ?? 0) <= 1) return SINGLETON_COLOR;
  const n = COMMUNITY_COLORS.length;
  return COMMUNITY_COLORS[((Math.floor(index) % n) + n) % n]!;
}
