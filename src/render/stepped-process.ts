/**
 * Sigma's processing of its graph, a step at a time.
 *
 * At the frame after its graph changed, sigma processes all of it in one call (`process`): every
 * node framed, placed in the label grid and written into its program's buffer, then every edge
 * written into its own. For a large graph's settled layout (10,000 actors, 39,600 lines) that call
 * took 0.1-0.2 s here, the longest task left in the settling once its frame is drawn aside (see
 * frame-aside.ts). Done here beforehand, in tasks of a bounded size, with sigma's frames held, the
 * frame then finds nothing to process.
 *
 * The work is sigma 3.0.3's `process`, in the same order: the same buffers, the same label grid. A
 * browser test compares the frame drawn after it with the one sigma's own processing draws, pixel
 * for pixel. Anything that asks sigma for another processing meanwhile (a filter, a resize, a frame
 * drawn) ends it unfinished, and sigma then processes in the frame as before.
 */
import { Camera } from "sigma";
import { createNormalizationFunction, graphExtent, matrixFromCamera, zIndexOrdering } from "sigma/utils";
import type { SharedCanvasSigma } from "./shared-canvas";

type Extent = [number, number];

interface Item {
  type: string;
  x: number;
  y: number;
  size: number;
  label?: string | null;
  hidden: boolean;
  zIndex: number;
}

interface Program {
  reallocate(capacity: number): void;
}

/** Sigma's members the processing reads and writes (private in its published types). */
interface SigmaProcessing {
  graph: { nodes(): string[]; edges(): string[]; getNodeAttributes(node: string): { x: number; y: number } };
  settings: { autoRescale: boolean; labelGridCellSize: number; zIndex: boolean };
  nodeDataCache: Record<string, Item>;
  edgeDataCache: Record<string, Item>;
  nodeExtent: { x: Extent; y: Extent };
  nodeZExtent: Extent;
  edgeZExtent: Extent;
  customBBox: { x: Extent; y: Extent } | null;
  normalizationFunction: ReturnType<typeof createNormalizationFunction>;
  labelGrid: { resizeAndClear(dimensions: { width: number; height: number }, cellSize: number): void; add(node: string, size: number, at: { x: number; y: number }): void; organize(): void };
  nodePrograms: Record<string, Program>;
  edgePrograms: Record<string, Program>;
  itemIDsIndex: Record<number, { type: "node" | "edge"; id: string }>;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  needToProcess: boolean;
  addNodeToProgram(node: string, index: number, programIndex: number): void;
  addEdgeToProgram(edge: string, index: number, programIndex: number): void;
  getGraphDimensions(): { width: number; height: number };
}

// `any`: only sigma's internals are read here, whatever its attribute types.
type AnySharedSigma = SharedCanvasSigma<any, any>;

/** Processes a sigma's graph a step at a time (see processInSteps); true if it got to the end. */
export type SteppedProcess = (sigma: AnySharedSigma, step: number) => Generator<void, boolean>;

/**
 * Processes `sigma`'s graph as its `process` would, `step` edges a task (the nodes in two: framed
 * and placed in the label grid, then written into their program): yields
 * between tasks, and marks the graph processed at the end, telling sigma's `afterProcess` listeners.
 * Ends early (false), leaving sigma to process in its next frame, once sigma has been asked to
 * process or draw meanwhile (its `changes` count moved), or its container's size changed.
 */
export function* processInSteps(sigma: AnySharedSigma, step: number): Generator<void, boolean> {
  const self = sigma as unknown as SigmaProcessing;
  const changes = sigma.changes;
  const untouched = () => sigma.changes === changes;
  sigma.emit("beforeProcess");
  const { graph, settings } = self;
  const dimensions = sigma.getDimensions();

  self.nodeExtent = graphExtent(graph as never);
  if (!settings.autoRescale) {
    const { x, y } = self.nodeExtent;
    self.nodeExtent = {
      x: [(x[0] + x[1]) / 2 - dimensions.width / 2, (x[0] + x[1]) / 2 + dimensions.width / 2],
      y: [(y[0] + y[1]) / 2 - dimensions.height / 2, (y[0] + y[1]) / 2 + dimensions.height / 2],
    };
  }
  self.normalizationFunction = createNormalizationFunction(self.customBBox ?? self.nodeExtent);
  // After the extent: the graph's dimensions are read from it.
  const nullCameraMatrix = matrixFromCamera(new Camera().getState(), dimensions, self.getGraphDimensions(), sigma.getStagePadding());
  self.labelGrid.resizeAndClear(dimensions, settings.labelGridCellSize);
  const nodesPerProgram: Record<string, number> = {};
  const nodeIndices: Record<string, number> = {};
  const edgeIndices: Record<string, number> = {};
  let id = 1;
  let nodes = graph.nodes();
  for (const node of nodes) {
    const data = self.nodeDataCache[node]!;
    const attributes = graph.getNodeAttributes(node);
    data.x = attributes.x;
    data.y = attributes.y;
    self.normalizationFunction.applyTo(data);
    if (typeof data.label === "string" && !data.hidden) self.labelGrid.add(node, data.size, sigma.framedGraphToViewport(data, { matrix: nullCameraMatrix }));
    nodesPerProgram[data.type] = (nodesPerProgram[data.type] ?? 0) + 1;
  }
  self.labelGrid.organize();

  yield;
  if (!untouched()) return false;
  for (const type of Object.keys(self.nodePrograms)) {
    self.nodePrograms[type]!.reallocate(nodesPerProgram[type] ?? 0);
    nodesPerProgram[type] = 0;
  }
  if (settings.zIndex && self.nodeZExtent[0] !== self.nodeZExtent[1]) nodes = zIndexOrdering(self.nodeZExtent, (node) => self.nodeDataCache[node]!.zIndex, nodes);
  for (const node of nodes) {
    nodeIndices[node] = id;
    id++;
    const type = self.nodeDataCache[node]!.type;
    self.addNodeToProgram(node, nodeIndices[node], nodesPerProgram[type]!++);
  }

  yield;
  if (!untouched()) return false;
  const edgesPerProgram: Record<string, number> = {};
  let edges = graph.edges();
  for (const edge of edges) {
    const type = self.edgeDataCache[edge]!.type;
    edgesPerProgram[type] = (edgesPerProgram[type] ?? 0) + 1;
  }
  if (settings.zIndex && self.edgeZExtent[0] !== self.edgeZExtent[1]) edges = zIndexOrdering(self.edgeZExtent, (edge) => self.edgeDataCache[edge]!.zIndex, edges);
  for (const type of Object.keys(self.edgePrograms)) {
    self.edgePrograms[type]!.reallocate(edgesPerProgram[type] ?? 0);
    edgesPerProgram[type] = 0;
  }
  for (let from = 0; from < edges.length; from += step) {
    if (from > 0) {
      yield;
      if (!untouched()) return false;
    }
    for (let at = from; at < Math.min(from + step, edges.length); at++) {
      const edge = edges[at]!;
      edgeIndices[edge] = id;
      id++;
      const type = self.edgeDataCache[edge]!.type;
      self.addEdgeToProgram(edge, edgeIndices[edge], edgesPerProgram[type]!++);
    }
  }
  self.itemIDsIndex = itemsByIndex(nodes, edges);
  self.nodeIndices = nodeIndices;
  self.edgeIndices = edgeIndices;
  // Framed for a stage of this size: sigma's frame sizes it anew, and a new size needs its own processing.
  const container = sigma.getContainer();
  if (container.offsetWidth !== dimensions.width || container.offsetHeight !== dimensions.height) return false;
  self.needToProcess = false;
  sigma.emit("afterProcess");
  return true;
}

/**
 * What sigma's `itemIDsIndex` holds after its processing (each item's kind and key by the index
 * it was given, actors from 1 then lines, in the order above), looked up when asked for: sigma asks
 * only for the item under the pointer, and 50,000 entries made here were some 2 MB more for the
 * garbage collector to move as the settled layout is drawn.
 */
function itemsByIndex(nodes: readonly string[], edges: readonly string[]): SigmaProcessing["itemIDsIndex"] {
  const at = (index: number): { type: "node" | "edge"; id: string } | undefined => {
    if (!Number.isInteger(index) || index < 1) return undefined;
    if (index <= nodes.length) return { type: "node", id: nodes[index - 1]! };
    const edge = edges[index - 1 - nodes.length];
    return edge === undefined ? undefined : { type: "edge", id: edge };
  };
  return new Proxy({}, { get: (_target, key) => (typeof key === "string" ? at(Number(key)) : undefined) });
}
