/**
 * The graph model: one node per actor and one edge per relation, keyed by the
 * dataset's own ids behind a prefix (see keys.ts). Appearance (colours, sizes,
 * programs) is not decided here.
 */
import { MultiGraph } from "graphology";
import type { ActorKind, Dataset, Relation, Sign } from "../dataset/schema";
import { displayName, pickText } from "../dataset/text";
import { graphKey } from "./keys";

export interface ActorNode {
  label: string;
  kind: ActorKind;
  /** Number of relations the actor takes part in. */
  degree: number;
  x: number;
  y: number;
  /** Whether x and y come from the dataset (a file laid out elsewhere) rather than from the layout. */
  placed: boolean;
  /** The colour the dataset gives this actor, if any. */
  ownColor?: string;
  /** Drawing attributes, filled in by the renderer's appearance step. */
  size?: number;
  color?: string;
  [key: string]: unknown;
}

export interface RelationEdge {
  relationType: string;
  sign: Sign;
  directed: boolean;
  date?: string;
  /** Position of this edge among the relations of the same pair, 0-based. */
  parallelIndex: number;
  /** How many relations the pair has. */
  parallelCount: number;
  /** The pair of actors, numbered from 0 in order of first appearance (both directions are one pair). */
  pair: number;
  /** How much the relation weighs against its parallels: its event count, else 1. */
  strength: number;
  /** Drawing attributes, filled in by the renderer's appearance step. */
  size?: number;
  color?: string;
  type?: string;
  curvature?: number;
  /** Drawn dashed (hostile relations), by the renderer's edge programs. */
  dashed?: boolean;
  [key: string]: unknown;
}

export type EntenteGraph = MultiGraph<ActorNode, RelationEdge>;

export function isDirected(relation: Relation, dataset: Dataset): boolean {
  if (relation.directed !== undefined) return relation.directed;
  return dataset.relationTypes.find((t) => t.id === relation.type)?.directed ?? false;
}

/** How much a relation weighs against its parallels: its event count, else 1. */
export function relationStrength(relation: Relation): number {
  return relation.count ?? 1;
}

/** Builds the graph; labels are in `lang`, falling back as pickText does. */
export function buildGraph(dataset: Dataset, lang: string): EntenteGraph {
  const steps = buildGraphInSteps(dataset, lang, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Relations added per step of buildGraphInSteps: some tens of milliseconds on a slow machine. */
export const BUILD_STEP = 10_000;

/**
 * The same graph as buildGraph, built a step at a time: the generator pauses
 * after every `step` relations, so a caller can give the page a turn between
 * steps (a graph of 76,000 relations took half a second to build in one go).
 */
export function* buildGraphInSteps(dataset: Dataset, lang: string, step = BUILD_STEP): Generator<void, EntenteGraph> {
  const underway = startGraph(dataset, lang);
  if (dataset.relations.length > step) yield;
  return yield* underway.addRelations(step);
}

/**
 * A graph with its actors in and its relations still to add: what a large graph's first frame
 * needs (its actors; the pairs sigma draws, which come from the dataset), made before the rest.
 */
export interface GraphUnderway {
  /** The actors, each with its degree; no relation until addRelations has run. */
  readonly graph: EntenteGraph;
  /** The key each relation will have, in the dataset's order (which the graph's edges will follow). */
  readonly relationKeys: readonly string[];
  /** Each relation's pair of actors (numbered from 0 in order of first appearance, both directions one pair), in the same order. */
  readonly pairOf: Int32Array;
  readonly pairCount: number;
  /** An actor's key in the graph. */
  nodeKey(id: string): string;
  /** Adds the relations, pausing after every `step`, and returns the graph, whole. Once only. */
  addRelations(step?: number): Generator<void, EntenteGraph>;
}

/** The actors' part of buildGraph, in one go, with what adding the relations will need. */
export function startGraph(dataset: Dataset, lang: string): GraphUnderway {
  const graph: EntenteGraph = new MultiGraph<ActorNode, RelationEdge>({
    type: "mixed",
    allowSelfLoops: true,
  });
  const datasetLang = dataset.meta.source.language;
  const relations = dataset.relations;

  // Actors by their place in the list: the relations' pass below counts in arrays and keys each pair
  // by a number, making no string for a relation's pair and no map entry for its degrees (40,000
  // relations made 80,000 of them on the way to a large graph's first frame). An end that names no
  // actor (an unchecked dataset, which its verdict will turn down) gets a place after the actors'.
  const places = new Map<string, number>();
  const keys: string[] = [];
  for (const actor of dataset.actors) {
    if (!places.has(actor.id)) {
      places.set(actor.id, keys.length);
      keys.push(graphKey(actor.id));
    }
  }
  const placeOf = (id: string): number => {
    let place = places.get(id);
    if (place === undefined) {
      places.set(id, (place = keys.length));
      keys.push(graphKey(id));
    }
    return place;
  };
  const nodeKey = (id: string): string => keys[placeOf(id)]!;

  // Every relation's ends first, so that the pairs' numbering below knows how many places there are;
  // addRelations reads them again rather than looking each end up a second time.
  const sources = new Int32Array(relations.length);
  const targets = new Int32Array(relations.length);
  for (let i = 0; i < relations.length; i++) {
    sources[i] = placeOf(relations[i]!.source);
    targets[i] = placeOf(relations[i]!.target);
  }
  const placeCount = keys.length;
  // What the nodes and edges need of the relations: the degrees, counted per relation and not per
  // edge end (graph.degree() counts a self relation twice), and the pairs.
  const degrees = new Int32Array(placeCount);
  const pairs = new Map<number, number>();
  const pairOf = new Int32Array(relations.length);
  const relationKeys: string[] = new Array<string>(relations.length);
  for (let i = 0; i < relations.length; i++) {
    const source = sources[i]!;
    const target = targets[i]!;
    degrees[source]! += 1;
    if (target !== source) degrees[target]! += 1;
    // Both directions are one pair. The key is a small integer, which a map hashes fastest, up to
    // some 32,000 places; beyond, a number all the same.
    const key = source < target ? source * placeCount + target : target * placeCount + source;
    let pair = pairs.get(key);
    if (pair === undefined) pairs.set(key, (pair = pairs.size));
    pairOf[i] = pair;
    relationKeys[i] = graphKey(relations[i]!.id);
  }
  const pairCount = pairs.size;

  // A loop, not a callback: the degrees would otherwise stay in memory with nodeKey and addRelations.
  for (const actor of dataset.actors) {
    const place = places.get(actor.id)!;
    const node: ActorNode = {
      label: displayName(pickText(actor.label, lang, datasetLang)) || displayName(actor.id) || actor.id,
      kind: actor.kind,
      degree: degrees[place]!,
      x: actor.position?.x ?? 0,
      y: actor.position?.y ?? 0,
      placed: actor.position !== undefined,
    };
    if (actor.color !== undefined) node.ownColor = actor.color;
    graph.addNode(keys[place]!, node);
  }

  let started = false;
  function* addRelations(step = BUILD_STEP): Generator<void, EntenteGraph> {
    if (started) throw new Error("the relations are added once");
    started = true;
    const signs = new Map(dataset.relationTypes.map((t) => [t.id, t.sign]));
    // The first type of an id decides, as isDirected's search does.
    const directedTypes = new Map<string, boolean>();
    for (const type of dataset.relationTypes) if (!directedTypes.has(type.id)) directedTypes.set(type.id, type.directed);
    // Per pair: how many relations it has, then how many of them are added so far.
    const counts = new Int32Array(pairCount);
    for (let i = 0; i < pairOf.length; i++) counts[pairOf[i]!]! += 1;
    const added = new Int32Array(pairCount);
    for (let i = 0; i < relations.length; i++) {
      if (i > 0 && i % step === 0) yield;
      const relation = relations[i]!;
      const pair = pairOf[i]!;
      const attributes: RelationEdge = {
        relationType: relation.type,
        sign: signs.get(relation.type) ?? 0,
        directed: relation.directed ?? directedTypes.get(relation.type) ?? false,
        parallelIndex: added[pair]!,
        parallelCount: counts[pair]!,
        pair,
        strength: relationStrength(relation),
        // Made here, the renderer's appearance step fills them in place: added there, each of 40,000
        // objects had its properties moved to a larger store, and the step took 10-40 ms (in Node,
        // with the garbage it left) against 5-11 ms.
        size: undefined,
        color: undefined,
        type: undefined,
        curvature: undefined,
        dashed: undefined,
      };
      added[pair]! += 1;
      if (relation.date !== undefined) attributes.date = relation.date;
      const source = keys[sources[i]!]!;
      const target = keys[targets[i]!]!;
      if (attributes.directed) graph.addDirectedEdgeWithKey(relationKeys[i]!, source, target, attributes);
      else graph.addUndirectedEdgeWithKey(relationKeys[i]!, source, target, attributes);
    }
    return graph;
  }

  return { graph, relationKeys, pairOf, pairCount, nodeKey, addRelations };
}
