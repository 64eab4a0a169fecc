/**
 * How much drawing a graph can afford. Small graphs get everything (curves,
 * arrows, edge hover and click); large ones trade decoration for frames:
 * one-pixel lines, no edge picking pass, the picture moved while the camera moves.
 */
import { nodeSizeScale } from "./appearance";

export interface RenderProfile {
  large: boolean;
  enableEdgeEvents: boolean;
  simpleEdges: boolean;
  /** The camera's moves move the picture last drawn, sigma drawing once the camera rests (see moving-picture.ts). */
  pictureMoves: boolean;
  /** Nodes drawn as points (one vertex each) rather than as sigma's discs (three each): see renderer.ts. */
  pointNodes: boolean;
  labelRenderedSizeThreshold: number;
  zIndex: boolean;
}

/** Above this many relations a graph is drawn in the large profile. */
export const LARGE_GRAPH_EDGES = 5000;

/** `actors`, when known, sets which discs are big enough for a label at first (see nodeSizeScale). */
export function renderProfile(edges: number, actors = 0): RenderProfile {
  const large = edges > LARGE_GRAPH_EDGES;
  return {
    large,
    enableEdgeEvents: !large,
    simpleEdges: large,
    pictureMoves: large,
    pointNodes: large,
    // On a large graph only the biggest discs are labelled at first (sigma's label grid keeps labels apart); more as one zooms in.
    labelRenderedSizeThreshold: large ? Math.min(10, 0.8 * nodeSizeScale(actors).max) : 4,
    zIndex: !large,
  };
}
