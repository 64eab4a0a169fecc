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
  /** Every relation drawn by one program, for a small graph (see relation-program.ts). */
  oneEdgeProgram: boolean;
  /** The camera's moves move the picture last drawn, sigma drawing once the camera rests (see moving-picture.ts). */
  pictureMoves: boolean;
  /** Nodes drawn as points (one vertex each) rather than as sigma's discs (three each): see renderer.ts. */
  pointNodes: boolean;
  labelRenderedSizeThreshold: number;
  zIndex: boolean;
}

/** Above this many relations a graph is drawn in the large profile. */
export const LARGE_GRAPH_EDGES = 5000;

/**
 * Up to this many relations, one program draws them all: it saves the first frame the compiling
 * and pipelines of four more (about 0.1 s on a software WebGL), but each relation costs it more to
 * draw than the program for its shape would (4,000 relations: 0.1 s a frame against 0.04 s), so a
 * bigger graph, drawn again at every move, is better served by one program a shape.
 */
export const ONE_PROGRAM_EDGES = 300;

/** `actors`, when known, sets which discs are big enough for a label at first (see nodeSizeScale). */
export function renderProfile(edges: number, actors = 0): RenderProfile {
  const large = edges > LARGE_GRAPH_EDGES;
  return {
    large,
    enableEdgeEvents: !large,
    simpleEdges: large,
    oneEdgeProgram: edges <= ONE_PROGRAM_EDGES,
    pictureMoves: large,
    pointNodes: large,
    // On a large graph only the biggest discs are labelled at first (sigma's label grid keeps labels apart); more as one zooms in.
    labelRenderedSizeThreshold: large ? Math.min(10, 0.8 * nodeSizeScale(actors).max) : 4,
    zIndex: !large,
  };
}
