/**
 * How much drawing a graph can afford. Small graphs get everything (curves,
 * arrows, edge hover and click); large ones trade decoration for frames:
 * one-pixel lines, no edge picking pass, edges hidden while the camera moves.
 */
export interface RenderProfile {
  large: boolean;
  enableEdgeEvents: boolean;
  simpleEdges: boolean;
  hideEdgesOnMove: boolean;
  labelRenderedSizeThreshold: number;
  zIndex: boolean;
}

/** Above this many relations a graph is drawn in the large profile. */
export const LARGE_GRAPH_EDGES = 5000;

export function renderProfile(edges: number): RenderProfile {
  const large = edges > LARGE_GRAPH_EDGES;
  return {
    large,
    enableEdgeEvents: !large,
    simpleEdges: large,
    hideEdgesOnMove: large,
    labelRenderedSizeThreshold: large ? 10 : 4,
    zIndex: !large,
  };
}
