/** The nodes sigma draws now, where and how big on screen: for the SVG export (scene.ts) and the poster (poster.ts). */
import type Sigma from "sigma";
import type { NodeDisplayData } from "sigma/types";

/** A node as sigma draws it now: its centre and radius in the viewport's pixels, and its display data. */
export interface DrawnNode {
  at: { x: number; y: number };
  size: number;
  data: NodeDisplayData;
}

// `any`: only sigma's graph and display data are read, whatever its attribute types.
type AnySigma = Sigma<any, any, any>;

/** The nodes sigma draws (not hidden), by key, in its graph's order. */
export function drawnNodes(sigma: AnySigma): Map<string, DrawnNode> {
  const nodes = new Map<string, DrawnNode>();
  sigma.getGraph().forEachNode((node) => {
    const data = sigma.getNodeDisplayData(node);
    if (data && !data.hidden) nodes.set(node, { at: sigma.framedGraphToViewport(data), size: sigma.scaleSize(data.size), data });
  });
  return nodes;
}
