/**
 * Appearance as data: how actor kinds, relation types and degrees become
 * colours, sizes and edge programs. Applied to the graph in one batch.
 */
import type { ActorKind, Dataset } from "../core/dataset";
import { scaledSize } from "../core/analysis/scale";
import { datasetId, type EntenteGraph } from "../core/graph";
import type { ColorBy, SizeBy } from "../core/view/types";

/** Paul Tol's "bright" scheme: distinguishable with the common colour-vision deficiencies. */
export const KIND_COLORS: Record<ActorKind, string> = {
  state: "#4477AA",
  organization: "#228833",
  person: "#CCBB44",
  "armed-group": "#EE6677",
  region: "#AA3377",
};

export const DEFAULT_EDGE_COLOR = "#8a8a8a";

/** The look applyAppearance gives a graph, as the view names it: sized by relations (as app/look.ts sizes by them), coloured by kind. */
export const APPEARANCE_LOOK: { readonly size: SizeBy; readonly color: ColorBy } = { size: "degree", color: "kind" };

export interface SizeScale {
  min: number;
  max: number;
}

export const NODE_SIZE: SizeScale = { min: 6, max: 18 };

/** Up to this many actors get NODE_SIZE; more share the same screen, so their discs shrink with the square root of their number. */
export const FULL_SIZE_ACTORS = 300;

/** However many actors there are, a disc stays a target for the pointer and the biggest stand out. */
const SMALLEST: SizeScale = { min: 2, max: 5 };

/**
 * The size range for a graph of `actors`: at the zoom that fits the whole graph, thousands of
 * discs of NODE_SIZE covered each other in one blob (sizes are pixels, and grow as one zooms in).
 */
export function nodeSizeScale(actors: number): SizeScale {
  const factor = Math.min(1, Math.sqrt(FULL_SIZE_ACTORS / Math.max(1, actors)));
  return { min: Math.max(SMALLEST.min, NODE_SIZE.min * factor), max: Math.max(SMALLEST.max, NODE_SIZE.max * factor) };
}

/**
 * Node size from degree, between the graph's least and most related actors: the sizes a reader gets
 * by choosing "relations" (app/look.ts), so that a graph looks the same before and after, and in the
 * full app and its embed.
 */
export function nodeSize(degree: number, degrees: { low: number; high: number }, scale: SizeScale = NODE_SIZE): number {
  return scaledSize(degree, degrees.low, degrees.high, scale.min, scale.max);
}

/**
 * Parallel relations between one pair bend apart. The bend is measured from
 * the pair's own orientation, so A→B and B→A never land on the same curve.
 */
export function curvature(index: number, count: number, reversed: boolean): number {
  if (count <= 1) return 0;
  const offset = index - (count - 1) / 2;
  const value = offset * (0.9 / Math.max(2, count - 1));
  return reversed ? -value : value;
}

/** The large profile's lines are one pixel wide, whatever the zoom (their program ignores the size). */
export const THIN_SIZE = 1;

/**
 * "relation": one program for every relation of a small graph, which reads the bend and the
 * direction (see relation-program.ts); "line", "arrow", "curved", "curvedArrow": one program a
 * shape, for a graph of middling size; "thin": the large profile's one-pixel lines.
 */
export type EdgeProgram = "relation" | "line" | "arrow" | "curved" | "curvedArrow" | "thin";

export interface EdgeDrawing {
  /** One-pixel straight lines (the large profile). */
  simpleEdges?: boolean;
  /** One program for every relation (a small graph). */
  oneEdgeProgram?: boolean;
}

export function edgeProgram(directed: boolean, curved: boolean, drawing: EdgeDrawing = {}): EdgeProgram {
  if (drawing.simpleEdges) return "thin";
  if (drawing.oneEdgeProgram) return "relation";
  if (curved) return directed ? "curvedArrow" : "curved";
  return directed ? "arrow" : "line";
}

/** Sizes and colours chosen in the view (by a metric, by community), in one batched graph update. */
export function applyNodeLook(graph: EntenteGraph, sizes: ReadonlyMap<string, number>, colors: ReadonlyMap<string, string> | null): void {
  graph.updateEachNodeAttributes(
    (node, attributes) => ({
      ...attributes,
      size: sizes.get(datasetId(node)) ?? attributes.size,
      color: colors?.get(datasetId(node)) ?? attributes.ownColor ?? KIND_COLORS[attributes.kind],
    }),
    { attributes: ["size", "color"] },
  );
}

/** How the relations are drawn comes from the graph's profile (render/profile.ts). */
export function applyAppearance(graph: EntenteGraph, dataset: Dataset, options: EdgeDrawing = {}): void {
  applyActorLook(graph);
  applyRelationLook(graph, dataset, options);
}

/** The actors' half of applyAppearance: sized by their relations, coloured by kind. */
export function applyActorLook(graph: EntenteGraph): void {
  const degrees = { low: Infinity, high: -Infinity };
  graph.forEachNode((_node, attributes) => {
    degrees.low = Math.min(degrees.low, attributes.degree);
    degrees.high = Math.max(degrees.high, attributes.degree);
  });
  const scale = nodeSizeScale(graph.order);
  // Written into the attributes in place: copying them made 40,000 objects at 40,000 relations,
  // and their garbage, on the way to a large graph's first frame.
  graph.updateEachNodeAttributes(
    (_node, attributes) => {
      attributes.size = nodeSize(attributes.degree, degrees, scale);
      attributes.color = attributes.ownColor ?? KIND_COLORS[attributes.kind];
      return attributes;
    },
    { attributes: ["size", "color"] },
  );
}

/** The relations' half of applyAppearance: colour by type, program and bend by the profile, dashes for hostility. */
export function applyRelationLook(graph: EntenteGraph, dataset: Dataset, options: EdgeDrawing = {}): void {
  const typeColors = new Map(dataset.relationTypes.map((t) => [t.id, t.color]));
  graph.updateEachEdgeAttributes(
    (_edge, attributes, source, target) => {
      const bend = curvature(attributes.parallelIndex, attributes.parallelCount, source > target);
      attributes.color = typeColors.get(attributes.relationType) ?? DEFAULT_EDGE_COLOR;
      attributes.size = options.simpleEdges ? THIN_SIZE : 3;
      attributes.curvature = bend;
      attributes.type = edgeProgram(attributes.directed, bend !== 0, options);
      // Hostile relations are dashed, colour never being the only cue.
      attributes.dashed = attributes.sign === -1;
      return attributes;
    },
    { attributes: ["color", "size", "curvature", "type", "dashed"] },
  );
}
