export * from "./types";
export { parseView, serializeView, withParam, type ParsedView } from "./url";
export { resolveHttpUrl } from "./query";
export { reconcileView } from "./reconcile";
