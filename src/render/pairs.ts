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
 *
 * While a large graph's layout runs, sigma draws its actors alone. Lines added
 * then to the graph sigma listens to cost it twice each, one event at a time
 * (0.4-0.6 s for 20,000 lines in the task that drew the settled layout): a copy
 * of the drawn graph with every line is built instead a step at a time while the
 * page is idle (prepareLines), and handed whole to sigma when the lines are to
 * be drawn (withLines).
 */
import Graph from "graphology";
import { pairRepresentatives, type ActorNode, type EntenteGraph, type PairedEdges } from "../core/graph";

export interface PairLine {
  pair: number;
  /** The program and thickness of the pair's relations: fixed, so that a line never changes program (which would need sigma to index again). */
  type: string;
  size: number;
  [key: string]: unknown;
}

export type LinesGraph = Graph<ActorNode, PairLine>;

interface Line {
  source: string;
  target: string;
  attributes: PairLine;
}

/** Lines (and, before them, actors) added per call of prepareLines at most. */
export const PREPARE_STEP = 250;

export class PairGraph {
  /** The graph sigma draws: the actors alone until the lines are added, then one with them (see withLines). */
  get graph(): LinesGraph {
    return this.drawn;
  }
  private drawn: LinesGraph;
  /** The copy of the drawn graph that takes the lines, as far as prepareLines has built it: its next actor, then its next line. */
  private prepared: { graph: LinesGraph; nodes: string[]; node: number; line: number } | null = null;
  private readonly edges: PairedEdges;
  private readonly index = new Map<string, number>();
  private readonly lines: Line[] = [];
  private readonly keys: string[] = [];
  /** For each pair, the relation drawn for it when nothing else is preferred (an index into `relations`). */
  private chosen: Int32Array;
  private added = false;
  private stopFollowing: () => void;

  /** `relations`: the data graph's edges, in one fixed order that every index here refers to. */
  constructor(
    private readonly data: EntenteGraph,
    readonly relations: readonly string[],
  ) {
    const count = relations.length;
    this.edges = { pairs: new Int32Array(count), strengths: new Float64Array(count), pairCount: 0 };
    relations.forEach((relation, i) => {
      const attributes = data.getEdgeAttributes(relation);
      this.index.set(relation, i);
      this.edges.pairs[i] = attributes.pair;
      this.edges.strengths[i] = attributes.strength;
      this.edges.pairCount = Math.max(this.edges.pairCount, attributes.pair + 1);
      // The large profile draws every relation with one program, at one thickness: the first relation's are the pair's.
      this.lines[attributes.pair] ??= {
        source: data.source(relation),
        target: data.target(relation),
        attributes: { pair: attributes.pair, type: attributes.type ?? "thin", size: attributes.size ?? 1 },
      };
    });
    for (let pair = 0; pair < this.edges.pairCount; pair++) this.keys.push(String(pair));
    this.chosen = pairRepresentatives(this.edges, () => true);

    this.drawn = PairGraph.emptyGraph();
    data.forEachNode((node, attributes) => this.drawn.addNode(node, attributes));
    this.stopFollowing = this.follow();
  }

  private static emptyGraph(): LinesGraph {
    return new Graph<ActorNode, PairLine>({ type: "undirected", multi: false, allowSelfLoops: true });
  }

  /** Passes the data graph's node updates on, so that sigma, listening to the drawn graph, hears of them. */
  private follow(): () => void {
    const data = this.data;
    const each = (payload: { hints: { attributes?: (keyof ActorNode)[] } | null }) => {
      this.drawn.updateEachNodeAttributes((node) => data.getNodeAttributes(node), payload.hints ?? undefined);
    };
    const one = (payload: { key: string }) => {
      this.drawn.replaceNodeAttributes(payload.key, data.getNodeAttributes(payload.key));
    };
    data.on("eachNodeAttributesUpdated", each);
    data.on("nodeAttributesUpdated", one);
    return () => {
      data.off("eachNodeAttributesUpdated", each);
      data.off("nodeAttributesUpdated", one);
    };
  }

  /**
   * Adds the lines to the drawn graph (once), for a graph drawn with its lines from the start: before
   * sigma listens to it (each line heard on its own costs sigma dearly, see above).
   */
  addLines(): void {
    if (this.added) return;
    this.added = true;
    this.lines.forEach((line, pair) => this.addLine(this.drawn, pair));
  }

  private addLine(graph: LinesGraph, pair: number): void {
    const line = this.lines[pair]!;
    graph.addUndirectedEdgeWithKey(this.keys[pair]!, line.source, line.target, { ...line.attributes });
  }

  /**
   * Builds on the copy of the drawn graph that takes the lines: up to `count` more of its actors,
   * then of its lines. True once it is whole (or the lines are drawn already).
   */
  prepareLines(count = PREPARE_STEP): boolean {
    if (this.added) return true;
    const prepared = (this.prepared ??= { graph: PairGraph.emptyGraph(), nodes: this.drawn.nodes(), node: 0, line: 0 });
    let left = count;
    for (; left > 0 && prepared.node < prepared.nodes.length; left--, prepared.node++) {
      const node = prepared.nodes[prepared.node]!;
      prepared.graph.addNode(node, this.drawn.getNodeAttributes(node));
    }
    for (; left > 0 && prepared.line < this.lines.length; left--, prepared.line++) this.addLine(prepared.graph, prepared.line);
    return prepared.line === this.lines.length && prepared.node === prepared.nodes.length;
  }

  /**
   * The drawn graph with every line, once: the prepared copy, finished, with the actors' attributes
   * as they are now and the data graph's node updates followed into it from now on (what sigma drew
   * before no longer hears of them). For sigma to be given in place of the graph it drew.
   */
  withLines(): LinesGraph {
    if (this.added) return this.drawn;
    while (!this.prepareLines(Number.POSITIVE_INFINITY));
    const graph = this.prepared!.graph;
    this.prepared = null;
    // A look or a drag may have given an actor a new attribute object since it was copied.
    graph.updateEachNodeAttributes((node) => this.drawn.getNodeAttributes(node));
    this.stopFollowing();
    this.drawn = graph;
    this.stopFollowing = this.follow();
    this.added = true;
    return graph;
  }

  /** The lines' keys in the drawn graph (every pair has one: pairs are numbered as they first appear), none before addLines(). */
  lineKeys(): string[] {
    return this.added ? this.keys : [];
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
    return this.index.get(relation);
  }

  pairOf(relation: number): number {
    return this.edges.pairs[relation]!;
  }

  /**
   * The lines (keys in the drawn graph) whose look may differ after the choice
   * changed or the filters did: another relation chosen, or the chosen one shown
   * before and not after or the reverse. None before addLines().
   */
  changedLines(before: Int32Array, wasShown: (relation: number) => boolean, isShown: (relation: number) => boolean): string[] {
    if (!this.added) return [];
    const out: string[] = [];
    for (let pair = 0; pair < this.chosen.length; pair++) {
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
