export * from "./types";
export { parseView, serializeView, resolveHttpUrl, withParam, type ParsedView } from "./url";
export { reconcileView } from "./reconcile";
