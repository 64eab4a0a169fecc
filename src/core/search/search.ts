/**
 * Actor suggestions for a search box: every label in every language and every
 * alias is searched, so a reader can type in either script whatever the
 * interface language.
 */
import type { Actor } from "../dataset/schema";
import type { DatasetLookup } from "../dataset/lookup";
import { pickText } from "../dataset/text";
import type { Lang } from "../i18n";
import { normalizeForSearch } from "./normalize";
import type { SearchHit } from "./types";

interface Candidate {
  text: string;
  normalized: string;
}

// Normalising every name on each keystroke would dominate on large datasets; a
// dataset never changes once loaded, so its names are normalised once.
const indexes = new WeakMap<DatasetLookup, Map<Actor, Candidate[]>>();

export function searchActors(data: DatasetLookup, query: string, lang: Lang, limit = 8): SearchHit[] {
  const q = normalizeForSearch(query);
  if (q === "" || limit <= 0) return [];
  const datasetLang = data.dataset.meta.source.language;
  const hits: SearchHit[] = [];
  for (const [actor, candidates] of candidatesOf(data)) {
    const label = pickText(actor.label, lang, datasetLang);
    let best: { rank: number; text: string } | undefined;
    for (const candidate of candidates) {
      const rank = rankOf(candidate.normalized, q);
      // On a tie the shown label wins, so `matched` only appears when it tells the reader something.
      if (rank !== undefined && (!best || rank < best.rank || (rank === best.rank && candidate.text === label))) {
        best = { rank, text: candidate.text };
      }
    }
    if (!best) continue;
    const hit: SearchHit = { actor: actor.id, label, rank: best.rank };
    if (best.text !== label) hit.matched = best.text;
    hits.push(hit);
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.label.localeCompare(b.label, lang) ||
      (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0),
  );
  return hits.slice(0, limit);
}

/** 0 the whole text, 1 its start, 2 the start of a later word, 3 anywhere else; undefined when absent. */
function rankOf(text: string, query: string): number | undefined {
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  let at = text.indexOf(query, 1);
  if (at < 0) return undefined;
  for (; at >= 0; at = text.indexOf(query, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text.charAt(at - 1))) return 2;
  }
  return 3;
}

function candidatesOf(data: DatasetLookup): Map<Actor, Candidate[]> {
  let index = indexes.get(data);
  if (!index) {
    index = new Map();
    for (const actor of data.dataset.actors) {
      const texts = new Set([...Object.values(actor.label), ...(actor.aliases ?? [])]);
      index.set(
        actor,
        [...texts].map((text) => ({ text, normalized: normalizeForSearch(text) })),
      );
    }
    indexes.set(data, index);
  }
  return index;
}
