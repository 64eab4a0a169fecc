/**
 * A small read-only window into the running app for automation (browser tests,
 * the benchmark): where a node is drawn, and whether the layout is still moving.
 */
import { datasetId, graphKey, type EntenteGraph } from "../core/graph";
import type { LayoutSupervisor } from "../layout/supervisor";
import type { GraphRenderer } from "../render/renderer";
import type { FilterResult } from "../core/filter";
import type { ViewState } from "../core/view/types";

export interface Automation {
  /** Pixel position of an actor's node relative to the graph container, or null. */
  nodePosition(id: string): { x: number; y: number } | null;
  layoutRunning(): boolean;
  nodeCount(): number;
  edgeCount(): number;
  /** The current view state, as the URL serialises it. */
  view(): ViewState;
  /** Ids of the actors and relations the filters currently show. */
  shown(): { actors: string[]; relations: string[] };
  /** performance.now() at the end of the last drawn frame, how many frames were drawn, and when the last few ended. */
  lastFrame(): { at: number; count: number; recent: number[] };
  /** A node's size as drawn (before zoom), or null. */
  nodeSize(id: string): number | null;
  /** A node's colour as its look gives it (before hover, selection or filters fade it), or null. */
  nodeColor(id: string): string | null;
  /** How many relations are drawn as lines (on large graphs parallel relations share one line). */
  drawnEdges(): number;
  /** How many lines sigma has been given: on a large graph, given a step at a time once its layout settles, none is drawn until all are (render/renderer.ts). */
  linesGiven(): number;
  /** The ids of the relations drawn as lines: on a large graph, the one each pair's line shows. */
  drawnRelations(): string[];
  /** For each relation type, the colours its drawn lines have. */
  drawnColors(): Record<string, string[]>;
  /** How many times sigma has processed (indexed) the whole graph: a repaint in place does not. */
  processed(): number;
  /** Milliseconds to draw one frame as things are (no re-indexing), for the benchmark's profiles. */
  timeDraw(): number;
  /** Whether sigma draws its picking pass yet: only once a pointer has come over the graph (render/picking.ts). */
  picking(): boolean;
  /** Whether the camera's moves move the picture last drawn: always on large graphs, on others once moving was slow (render/slow-moves.ts). */
  picturesMove(): boolean;
  /** How many times sigma processed the whole graph in a frame, rather than finding it processed a step at a time (render/stepped-process.ts). */
  processedInFrames(): number;
  /** How many times sigma has run the renderer's edge reducer so far. */
  edgeReductions(): number;
  /** Whether a frame drawn off the canvas is still to be put on it (render/frame-aside.ts). */
  frameAside(): boolean;
  /**
   * From now on, each frame's pixels are read as it is put on the WebGL canvas: their hash and how
   * many hold anything, for framePixels(). Reading them costs each frame some milliseconds.
   */
  watchFramePixels(): void;
  /** The last frame's pixels, as watchFramePixels() read them; null before. */
  framePixels(): { hash: string; inked: number } | null;
  /** Draws the graph again on the canvas, now, as things are: with `reprocessed`, sigma indexes and processes all of it first itself. */
  drawAgain(reprocessed?: boolean): void;
}

declare global {
  interface Window {
    entente?: Automation;
  }
}

export function exposeAutomation(parts: {
  renderer: GraphRenderer;
  layout: LayoutSupervisor;
  graph: EntenteGraph;
  view: () => ViewState;
  shown: () => FilterResult;
}): void {
  const drawnRelations = () => {
    const ids: string[] = [];
    parts.renderer.forEachDrawnRelation((relation) => ids.push(datasetId(relation)));
    return ids;
  };
  let watchingPixels = false;
  let pixels: { hash: string; inked: number } | null = null;
  window.entente = {
    nodePosition: (id) => parts.renderer.nodeViewportPosition(id),
    layoutRunning: () => parts.layout.isRunning(),
    nodeCount: () => parts.graph.order,
    edgeCount: () => parts.graph.size,
    view: parts.view,
    shown: () => ({ actors: [...parts.shown().actors], relations: [...parts.shown().relations] }),
    lastFrame: () => ({ ...frames, recent: [...frames.recent] }),
    processed: () => processed,
    nodeSize: (id) => (parts.graph.hasNode(graphKey(id)) ? (parts.graph.getNodeAttribute(graphKey(id), "size") ?? null) : null),
    nodeColor: (id) => (parts.graph.hasNode(graphKey(id)) ? (parts.graph.getNodeAttribute(graphKey(id), "color") ?? null) : null),
    drawnEdges: () => drawnRelations().length,
    linesGiven: () => parts.renderer.sigma.getGraph().size,
    drawnRelations: () => drawnRelations(),
    drawnColors: () => {
      const colors = new Map<string, Set<string>>();
      parts.renderer.forEachDrawnRelation((_relation, display, attributes) => {
        const seen = colors.get(attributes.relationType) ?? new Set<string>();
        colors.set(attributes.relationType, seen.add(display.color));
      });
      return Object.fromEntries([...colors].map(([type, seen]) => [type, [...seen].sort()]));
    },
    picking: () => parts.renderer.picking,
    picturesMove: () => parts.renderer.picturesMove(),
    frameAside: () => parts.renderer.isDrawingAside(),
    watchFramePixels: () => {
      if (watchingPixels) return;
      watchingPixels = true;
      parts.renderer.sigma.on("afterRender", () => (pixels = readFramePixels(parts.renderer)));
    },
    framePixels: () => pixels,
    drawAgain: (reprocessed = false) => void parts.renderer.sigma.refresh(reprocessed ? undefined : { partialGraph: { nodes: [] }, skipIndexation: true }),
    processedInFrames: () => parts.renderer.processingsInFrames(),
    edgeReductions: () => parts.renderer.reducedEdges,
    timeDraw: () => {
      const start = performance.now();
      parts.renderer.sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: true });
      // Reading one pixel waits for the GPU (here: SwiftShader) to finish the frame.
      const gl = parts.renderer.sigma.getCanvases().edges?.getContext("webgl2");
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      return performance.now() - start;
    },
  };
  let processed = 0;
  parts.renderer.sigma.on("afterProcess", () => (processed += 1));
  // The last few too: a frame that blocks the page can be followed by another before automation looks.
  const frames = { at: 0, count: 0, recent: [] as number[] };
  parts.renderer.sigma.on("afterRender", () => {
    frames.at = performance.now();
    frames.count += 1;
    frames.recent.push(frames.at);
    if (frames.recent.length > 32) frames.recent.shift();
  });
}

/** The WebGL canvas's drawing buffer as it stands (read in the task that drew it: the page shows it next). */
function readFramePixels(renderer: GraphRenderer): { hash: string; inked: number } | null {
  const gl = renderer.sigma.getCanvases().edges?.getContext("webgl2");
  if (!gl) return null;
  const data = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
  gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, data);
  // FNV-1a over every byte: two frames alike have the same, one pixel apart almost surely not.
  let hash = 0x811c9dc5;
  let inked = 0;
  for (let i = 0; i < data.length; i++) {
    hash = Math.imul(hash ^ data[i]!, 0x01000193);
    if ((i & 3) === 3 && data[i]! > 0) inked += 1;
  }
  return { hash: (hash >>> 0).toString(16), inked };
}
