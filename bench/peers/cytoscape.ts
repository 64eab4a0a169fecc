/**
 * The benchmark's cytoscape.js page, written as its documentation suggests:
 * the canvas renderer, a preset layout (positions from Entente's seeded
 * layout, so no layout cost), a filter by relation type and a hover highlight.
 */
import cytoscape from "cytoscape";
import { filterCheckbox, frameLog, loadPeerData } from "./data";

const data = await loadPeerData();
const { frames, drawn } = frameLog();
const container = document.getElementById("cy")!;
const cy = cytoscape({
  container,
  elements: [
    ...data.nodes.map((n) => ({ group: "nodes" as const, data: { id: n.id, color: n.color }, position: { x: n.x, y: n.y } })),
    ...data.edges.map((e) => ({ group: "edges" as const, data: { id: e.id, source: e.source, target: e.target, type: e.type, color: e.color } })),
  ],
  layout: { name: "preset", fit: true, padding: 40 },
  style: [
    { selector: "node", style: { "background-color": "data(color)", width: 8, height: 8 } },
    { selector: "edge", style: { "line-color": "data(color)", width: 1 } },
    { selector: ".faded", style: { opacity: 0.15 } },
  ],
});
cy.on("render", drawn);

filterCheckbox(data.filterType, (shown) => {
  cy.edges(`[type = "${data.filterType}"]`).style("display", shown ? "element" : "none");
});
cy.on("mouseover", "node", (event) => {
  cy.batch(() => {
    cy.elements().addClass("faded");
    event.target.closedNeighborhood().removeClass("faded");
  });
});
cy.on("mouseout", "node", () => {
  cy.batch(() => cy.elements().removeClass("faded"));
});

window.peer = {
  lastFrame: () => ({ ...frames, recent: [...frames.recent] }),
  nodePosition: (id) => {
    const node = cy.getElementById(id);
    if (node.empty()) return null;
    const p = node.renderedPosition();
    const box = container.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  },
  stopLayout: () => {},
};
