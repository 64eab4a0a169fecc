export { BUILD_STEP, buildGraph, buildGraphInSteps, isDirected } from "./build";
export type { ActorNode, RelationEdge, EntenteGraph } from "./build";
export { pairRepresentatives, type PairedEdges } from "./representatives";
export { datasetId, graphKey } from "./keys";
