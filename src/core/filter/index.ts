export { applyFilters, filtersNothing, prepareFilters, type FilterView } from "./apply";
export type { FilterResult } from "./types";
