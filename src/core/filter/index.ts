export { applyFilters, prepareFilters, type FilterView } from "./apply";
export type { FilterResult } from "./types";
