export { normalizeForSearch } from "./normalize";
export { searchActors } from "./search";
export type { SearchHit } from "./types";
