/**
 * The benchmark's d3 page, written the way the classic force-directed examples
 * are: a d3-force simulation ticking on the main thread, one SVG line and
 * circle per relation and actor updated on every tick, d3-zoom and d3-drag.
 */
import { select } from "d3-selection";
import { zoom, zoomIdentity, type ZoomTransform } from "d3-zoom";
import { drag } from "d3-drag";
import { forceCenter, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from "d3-force";
import { afterNextFrame, filterCheckbox, frameLog, loadPeerData } from "./data";

interface Node extends SimulationNodeDatum {
  id: string;
  color: string;
}
interface Link {
  source: string | Node;
  target: string | Node;
  type: string;
  color: string;
}

const data = await loadPeerData();
const { frames, drawn } = frameLog();
const frameDrawn = () => afterNextFrame(drawn);

const width = window.innerWidth;
const height = window.innerHeight;
const nodes: Node[] = data.nodes.map((n) => ({ id: n.id, color: n.color }));
const links: Link[] = data.edges.map((e) => ({ source: e.source, target: e.target, type: e.type, color: e.color }));

const svg = select("svg").attr("viewBox", [0, 0, width, height].join(" "));
const g = svg.append("g");
const link = g.append("g").attr("stroke-opacity", 0.6).selectAll<SVGLineElement, Link>("line").data(links).join("line").attr("stroke", (d) => d.color);
const node = g
  .append("g")
  .attr("stroke", "#fff")
  .attr("stroke-width", 1)
  .selectAll<SVGCircleElement, Node>("circle")
  .data(nodes)
  .join("circle")
  .attr("r", 4)
  .attr("fill", (d) => d.color);

const simulation = forceSimulation(nodes)
  .force("link", forceLink<Node, Link>(links).id((d) => d.id))
  .force("charge", forceManyBody())
  .force("center", forceCenter(width / 2, height / 2))
  .on("tick", ticked)
  .on("end", () => afterNextFrame(() => performance.mark("peer:layout-settled")));

function ticked(): void {
  link
    .attr("x1", (d) => (d.source as Node).x!)
    .attr("y1", (d) => (d.source as Node).y!)
    .attr("x2", (d) => (d.target as Node).x!)
    .attr("y2", (d) => (d.target as Node).y!);
  node.attr("cx", (d) => d.x!).attr("cy", (d) => d.y!);
  frameDrawn();
}

let transform: ZoomTransform = zoomIdentity;
svg.call(
  zoom<SVGSVGElement, unknown>().on("zoom", (event: { transform: ZoomTransform }) => {
    transform = event.transform;
    g.attr("transform", String(transform));
    frameDrawn();
  }) as never,
);
node.call(
  drag<SVGCircleElement, Node>()
    .on("start", (event, d) => {
      if (!event.active) simulation.alphaTarget(0.3).restart();
      d.fx = d.x;
      d.fy = d.y;
    })
    .on("drag", (event, d) => {
      d.fx = event.x;
      d.fy = event.y;
    })
    .on("end", (event, d) => {
      if (!event.active) simulation.alphaTarget(0);
      d.fx = null;
      d.fy = null;
    }),
);

filterCheckbox(data.filterType, (shown) => {
  link.filter((d) => d.type === data.filterType).style("display", shown ? "inline" : "none");
  frameDrawn();
});
const neighbours = new Map<Node, Set<Node>>();
for (const l of links) {
  const [s, t] = [l.source as Node, l.target as Node];
  if (!neighbours.has(s)) neighbours.set(s, new Set([s]));
  if (!neighbours.has(t)) neighbours.set(t, new Set([t]));
  neighbours.get(s)!.add(t);
  neighbours.get(t)!.add(s);
}
node
  .on("mouseover", (_event, d) => {
    const near = neighbours.get(d) ?? new Set([d]);
    node.style("opacity", (n) => (near.has(n) ? 1 : 0.15));
    link.style("opacity", (l) => (l.source === d || l.target === d ? 1 : 0.15));
    frameDrawn();
  })
  .on("mouseout", () => {
    node.style("opacity", null);
    link.style("opacity", null);
    frameDrawn();
  });

const byId = new Map(nodes.map((n) => [n.id, n]));
window.peer = {
  lastFrame: () => ({ ...frames, recent: [...frames.recent] }),
  nodePosition: (id) => {
    const n = byId.get(id);
    if (!n || n.x === undefined || n.y === undefined) return null;
    const [x, y] = transform.apply([n.x, n.y]);
    return { x, y };
  },
  stopLayout: () => {
    simulation.stop();
  },
};
