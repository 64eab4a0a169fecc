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

export class PairGraph {
  readonly graph: LinesGraph;
  private readonly edges: PairedEdges;
  private readonly index = new Map<string, number>();
  private readonly lines: Line[] = [];
  private readonly keys: string[] = [];
  /** For each pair, the relation drawn for it when nothing else is preferred (an index into `relations`). */
  private chosen: Int32Array;
  private added = false;
  private readonly stopFollowing: () => void;

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

  /** Adds the lines to the drawn graph (once): sigma indexes them and draws them at its next frame. */
  addLines(): void {
    if (this.added) return;
    this.added = true;
    this.lines.forEach((line, pair) => {
      this.graph.addUndirectedEdgeWithKey(this.keys[pair]!, line.source, line.target, { ...line.attributes });
    });
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
