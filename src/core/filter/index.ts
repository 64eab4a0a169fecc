export { applyFilters, type FilterView } from "./apply";
export type { FilterResult } from "./types";
