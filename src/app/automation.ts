/**
 * A small read-only window into the running app for automation (browser tests,
 * the benchmark): where a node is drawn, and whether the layout is still moving.
 */
import type { EntenteGraph } from "../core/graph";
import type { LayoutSupervisor } from "../layout/supervisor";
import type { GraphRenderer } from "../render/renderer";

export interface Automation {
  /** Pixel position of an actor's node relative to the graph container, or null. */
  nodePosition(id: string): { x: number; y: number } | null;
  layoutRunning(): boolean;
  nodeCount(): number;
  edgeCount(): number;
}

declare global {
  interface Window {
    entente?: Automation;
  }
}

export function exposeAutomation(parts: { renderer: GraphRenderer; layout: LayoutSupervisor; graph: EntenteGraph }): void {
  window.entente = {
    nodePosition: (id) => parts.renderer.nodeViewportPosition(id),
    layoutRunning: () => parts.layout.isRunning(),
    nodeCount: () => parts.graph.order,
    edgeCount: () => parts.graph.size,
  };
}
