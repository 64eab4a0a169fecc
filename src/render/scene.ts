/**
 * What the renderer shows right now, as plain data for the SVG export:
 * visible nodes and edges in the graph area's pixel coordinates, as drawn.
 */
import type { SvgEdge, SvgNode } from "../core/export";
import { datasetId } from "../core/graph";
import type { GraphRenderer } from "./renderer";

export interface DrawnScene {
  width: number;
  height: number;
  nodes: SvgNode[];
  edges: SvgEdge[];
}

export function drawnScene(renderer: GraphRenderer, isHostile: (edge: string) => boolean): DrawnScene {
  const sigma = renderer.sigma;
  const graph = sigma.getGraph();
  const { width, height } = sigma.getDimensions();
  const nodes: SvgNode[] = [];
  const at = new Map<string, { x: number; y: number; size: number }>();
  graph.forEachNode((node) => {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.hidden) return;
    const p = sigma.framedGraphToViewport(data);
    const size = sigma.scaleSize(data.size);
    at.set(node, { x: p.x, y: p.y, size });
    nodes.push({ id: datasetId(node), x: p.x, y: p.y, size, color: data.color, label: data.label ?? "" });
  });
  const edges: SvgEdge[] = [];
  renderer.forEachDrawnRelation((edge, data, attributes, source, target) => {
    const a = at.get(source);
    const b = at.get(target);
    if (!a || !b) return;
    edges.push({
      id: datasetId(edge),
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      color: data.color,
      width: Math.max(1, data.size * 0.75),
      directed: attributes.directed,
      curvature: typeof attributes.curvature === "number" ? attributes.curvature : 0,
      dashed: isHostile(datasetId(edge)),
    });
  });
  return { width, height, nodes, edges };
}
