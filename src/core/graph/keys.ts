/**
 * graphology keeps each node's neighbours, and sigma its drawing data, in
 * plain objects keyed by node and edge keys. A dataset id named like a
 * property of Object.prototype ("__proto__", "constructor", "toString") would
 * corrupt those objects, and "__proto__" would even change Object.prototype
 * for the whole page. So no dataset id is used as a key directly: every key
 * is the id behind a prefix that no such property name starts with.
 */
const PREFIX = "#";

/** The key in graphology and sigma of an actor or relation id. */
export function graphKey(id: string): string {
  return PREFIX + id;
}

/** The actor or relation id behind a graphology or sigma key. */
export function datasetId(key: string): string {
  return key.slice(PREFIX.length);
}
