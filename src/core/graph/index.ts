export { BUILD_STEP, buildGraph, buildGraphInSteps, isDirected, relationStrength, startGraph } from "./build";
export type { ActorNode, RelationEdge, EntenteGraph, GraphUnderway } from "./build";
export { pairRepresentatives, type PairedEdges } from "./representatives";
export { datasetId, graphKey } from "./keys";
