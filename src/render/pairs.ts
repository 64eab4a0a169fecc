/**
 * What sigma is given to draw for a large graph: one line per pair of actors
 * instead of one edge per relation. Parallel relations there are one-pixel
 * straight lines on top of each other (see core/graph/representatives), and
 * sigma's cost, on the main thread and on the GPU, grows with every edge it
 * holds, drawn or hidden: a 100,000-event GDELT export has 76,000 relations
 * between 20,000 pairs.
 *
 * The drawn graph holds the data graph's own node attribute objects and
 * follows its node updates (layout, sizes, drags); a line holds only its pair,
 * and which relation it shows is the renderer's to say at each repaint.
 */
import Graph from "graphology";
import type { Dataset } from "../core/dataset";
import { pairRepresentatives, relationStrength, type ActorNode, type EntenteGraph, type GraphUnderway, type PairedEdges } from "../core/graph";
import { edgeProgram, THIN_SIZE } from "./appearance";

export interface PairLine {
  pair: number;
  /** The program and thickness of the pair's relations: fixed, so that a line never changes program (which would need sigma to index again). */
  type: string;
  size: number;
  [key: string]: unknown;
}

export type LinesGraph = Graph<ActorNode, PairLine>;

/** A line's attributes, always built in this order: sigma's copies of them all share one shape (see PairGraph.copyShape). */
function lineAttributes(pair: number, type: string, size: number): PairLine {
  return { pair, type, size };
}

interface Line {
  source: string;
  target: string;
  attributes: PairLine;
}

/** What a PairGraph is made of: each relation's pair and weight, in one fixed order, and each pair's line. */
interface PairPlan {
  relations: readonly string[];
  edges: PairedEdges;
  lines: Line[];
}

export class PairGraph {
  readonly graph: LinesGraph;
  readonly relations: readonly string[];
  private readonly edges: PairedEdges;
  /** Each relation's place in `relations`, made when first asked for: not on the way to the first frame. */
  private index: Map<string, number> | null = null;
  private readonly lines: Line[];
  /** The keys of the lines in the drawn graph, as they are added: the first pairs' (in pair order). */
  private readonly keys: string[] = [];
  /** For each pair, the relation drawn for it when nothing else is preferred (an index into `relations`). */
  private chosen: Int32Array;
  /** The lines being added, or added (see addLinesInSteps). */
  private addition: Generator<void, void> | null = null;
  private readonly stopFollowing: () => void;
  /**
   * An object shaped as sigma's copy of a line's attributes (Object.assign({}, attributes)), kept
   * for as long as the lines may be drawn. V8 gives an object built from `{}` the shape its first
   * property leads to from the empty object's, and that one can lead to some thousands only;
   * graphology's lists of neighbours are objects keyed by actor, and a large graph's relations,
   * added after this graph was made (app/mount.ts), used them all up. Sigma's 40,000 copies of the
   * lines' attributes then each became a dictionary, and handing them to sigma took two to three
   * times as long (0.65-1 s against 0.3 s in the page here). Kept alive, this one keeps their shape
   * reachable.
   */
  private readonly copyShape = Object.assign({}, lineAttributes(0, "", 0));

  /**
   * From a graph with its relations and their look (render/appearance.ts); `relations`: its edges,
   * in one fixed order that every index here refers to.
   */
  static of(data: EntenteGraph, relations: readonly string[]): PairGraph {
    const count = relations.length;
    const edges: PairedEdges = { pairs: new Int32Array(count), strengths: new Float64Array(count), pairCount: 0 };
    const lines: Line[] = [];
    relations.forEach((relation, i) => {
      const attributes = data.getEdgeAttributes(relation);
      edges.pairs[i] = attributes.pair;
      edges.strengths[i] = attributes.strength;
      edges.pairCount = Math.max(edges.pairCount, attributes.pair + 1);
      // The large profile draws every relation with one program, at one thickness: the first relation's are the pair's.
      lines[attributes.pair] ??= {
        source: data.source(relation),
        target: data.target(relation),
        attributes: lineAttributes(attributes.pair, attributes.type ?? "thin", attributes.size ?? 1),
      };
    });
    return new PairGraph(data, { relations, edges, lines });
  }

  /**
   * From a graph whose relations are still to be added (core/graph/build's startGraph), in the
   * order they will be: the pairs come from the dataset, and every line is the large profile's.
   */
  static ahead(underway: GraphUnderway, dataset: Dataset): PairGraph {
    const count = dataset.relations.length;
    const edges: PairedEdges = { pairs: underway.pairOf, strengths: new Float64Array(count), pairCount: underway.pairCount };
    const lines: Line[] = [];
    const type = edgeProgram(false, false, { simpleEdges: true });
    dataset.relations.forEach((relation, i) => {
      const pair = underway.pairOf[i]!;
      edges.strengths[i] = relationStrength(relation);
      lines[pair] ??= { source: underway.nodeKey(relation.source), target: underway.nodeKey(relation.target), attributes: lineAttributes(pair, type, THIN_SIZE) };
    });
    return new PairGraph(underway.graph, { relations: underway.relationKeys, edges, lines });
  }

  private constructor(
    private readonly data: EntenteGraph,
    plan: PairPlan,
  ) {
    this.relations = plan.relations;
    this.edges = plan.edges;
    this.lines = plan.lines;
    this.chosen = pairRepresentatives(this.edges, () => true);

    this.graph = new Graph<ActorNode, PairLine>({ type: "undirected", multi: false, allowSelfLoops: true });
    data.forEachNode((node, attributes) => this.graph.addNode(node, attributes));
    this.stopFollowing = this.follow();
  }

  /** Passes the data graph's node updates on, so that sigma, listening to the drawn graph, hears of them. */
  private follow(): () => void {
    const data = this.data;
    const each = (payload: { hints: { attributes?: (keyof ActorNode)[] } | null }) => {
      this.graph.updateEachNodeAttributes((node) => data.getNodeAttributes(node), payload.hints ?? undefined);
    };
    const one = (payload: { key: string }) => {
      this.graph.replaceNodeAttributes(payload.key, data.getNodeAttributes(payload.key));
    };
    data.on("eachNodeAttributesUpdated", each);
    data.on("nodeAttributesUpdated", one);
    return () => {
      data.off("eachNodeAttributesUpdated", each);
      data.off("nodeAttributesUpdated", one);
    };
  }

  /** Adds the lines to the drawn graph, or those still to come, at once (see addLinesInSteps). */
  addLines(): void {
    const steps = this.addLinesInSteps(Infinity);
    while (!steps.next().done);
  }

  /**
   * Adds the lines to the drawn graph, in pair order, pausing after every `step` of them: sigma,
   * listening, indexes each as it comes, about 5 µs each on a slow machine. The lines are added
   * once: a later call goes on with the same addition.
   */
  addLinesInSteps(step: number): Generator<void, void> {
    this.addition ??= this.add(step);
    return this.addition;
  }

  private *add(step: number): Generator<void, void> {
    const count = this.edges.pairCount;
    for (let pair = 0; pair < count; pair++) {
      if (pair > 0 && pair % step === 0) yield;
      const line = this.lines[pair]!;
      const key = String(pair);
      // The line's own attributes, made with the plan: the lines are added once, and a copy made now
      // was 40,000 more objects for the garbage collector to move, as the settled layout is drawn.
      this.graph.addUndirectedEdgeWithKey(key, line.source, line.target, line.attributes);
      this.keys.push(key);
    }
  }

  /** The keys of the lines added so far (every pair has one: pairs are numbered as they first appear). */
  lineKeys(): string[] {
    return this.keys;
  }

  /** Chooses again which relation stands for each pair, among those `isShown` lets through. */
  choose(isShown: (relation: number) => boolean): void {
    this.chosen = pairRepresentatives(this.edges, isShown);
  }

  /** The relation a pair shows by default (an index into `relations`). */
  chosenFor(pair: number): number {
    return this.chosen[pair]!;
  }

  /** A relation's place in `relations`, or undefined for a key that is not one. */
  indexOf(relation: string): number | undefined {
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.relations.length; i++) this.index.set(this.relations[i]!, i);
    }
    return this.index.get(relation);
  }

  pairOf(relation: number): number {
    return this.edges.pairs[relation]!;
  }

  /**
   * The lines (keys in the drawn graph) whose look may differ after the choice
   * changed or the filters did: another relation chosen, or the chosen one shown
   * before and not after or the reverse: among the lines added so far.
   */
  changedLines(before: Int32Array, wasShown: (relation: number) => boolean, isShown: (relation: number) => boolean): string[] {
    const out: string[] = [];
    // The lines not added yet are given their look by sigma as they come.
    for (let pair = 0; pair < this.keys.length; pair++) {
      const now = this.chosen[pair]!;
      if (now < 0) continue;
      if (before[pair] !== now || wasShown(now) !== isShown(now)) out.push(this.keys[pair]!);
    }
    return out;
  }

  /** The current choice, to compare with after the next one (see changedLines). */
  choice(): Int32Array {
    return this.chosen;
  }

  dispose(): void {
    this.stopFollowing();
  }
}
