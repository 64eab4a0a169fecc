/**
 * Query strings read and written by hand rather than through URLSearchParams,
 * so list values can be split on their literal commas before decoding: an id
 * that itself holds a comma travels as %2C and survives the round trip.
 */

/** Each parameter's raw (still encoded) value; the first occurrence wins, as URLSearchParams.get does. */
export function rawParams(search: string): Map<string, string> {
  const params = new Map<string, string>();
  const query = search.startsWith("?") ? search.slice(1) : search;
  for (const piece of query.split("&")) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    const name = decodeComponent(eq < 0 ? piece : piece.slice(0, eq));
    if (!params.has(name)) params.set(name, eq < 0 ? "" : piece.slice(eq + 1));
  }
  return params;
}

/** Decodes as URLSearchParams does: "+" is a space, and a broken escape stays as written instead of throwing. */
export function decodeComponent(raw: string): string {
  return new URLSearchParams(`v=${raw}`).get("v") ?? "";
}

/**
 * Percent-encodes a value, leaving ":" and "/" readable (both are allowed in
 * a query). A lone surrogate becomes U+FFFD first, since encodeURIComponent
 * throws on it and a link must always be writable.
 */
export function encodeComponent(value: string): string {
  const wellFormed = value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return encodeURIComponent(wellFormed).replace(/%3A/g, ":").replace(/%2F/g, "/");
}

/** An http(s) address resolved against `base`, or undefined for anything else (javascript:, data:, garbage). */
export function resolveHttpUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The address of the dataset a query names (`data`), exactly as parseView reads it; undefined when
 * there is none or it is not an http(s) address. Small on purpose: the page's first script reads it
 * to start the download before the app's chunks have loaded.
 */
export function datasetAddress(search: string, base: string): string | undefined {
  const raw = rawParams(search).get("data");
  if (raw === undefined) return undefined;
  const data = decodeComponent(raw);
  return data === "" ? undefined : resolveHttpUrl(data, base);
}
