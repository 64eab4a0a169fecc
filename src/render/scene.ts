/**
 * What the renderer shows right now, as plain data for the SVG export:
 * visible nodes and edges in the graph area's pixel coordinates, as drawn.
 */
import type { SvgEdge, SvgNode } from "../core/export";
import { datasetId } from "../core/graph";
import { drawnNodes } from "./drawn-nodes";
import type { GraphRenderer } from "./renderer";

export interface DrawnScene {
  width: number;
  height: number;
  nodes: SvgNode[];
  edges: SvgEdge[];
}

export function drawnScene(renderer: GraphRenderer, isHostile: (edge: string) => boolean): DrawnScene {
  const sigma = renderer.sigma;
  const { width, height } = sigma.getDimensions();
  const drawn = drawnNodes(sigma);
  const nodes: SvgNode[] = [];
  for (const [node, { at, size, data }] of drawn) nodes.push({ id: datasetId(node), x: at.x, y: at.y, size, color: data.color, label: data.label ?? "" });
  const edges: SvgEdge[] = [];
  renderer.forEachDrawnRelation((edge, data, attributes, source, target) => {
    const a = drawn.get(source)?.at;
    const b = drawn.get(target)?.at;
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
