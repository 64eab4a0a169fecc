export { buildGraph, isDirected } from "./build";
export type { ActorNode, RelationEdge, EntenteGraph } from "./build";
