/**
 * The filter pipeline: which relations and actors the view leaves visible,
 * and how many each legend entry would show. Linear in the dataset, with
 * nothing cached between calls, so it stays correct whatever the view.
 */
import { ACTOR_KINDS, type ActorKind, type Relation } from "../dataset/schema";
import type { DatasetLookup } from "../dataset/lookup";
import type { ViewState } from "../view/types";
import type { FilterResult } from "./types";

export type FilterView = Pick<ViewState, "types" | "kinds" | "from" | "to" | "focus">;

interface Visible {
  relations: Set<string>;
  actors: Set<string>;
  /** Actors within the focus depth; null without a (known) focus. */
  neighbourhood: Set<string> | null;
}

export function applyFilters(data: DatasetLookup, view: FilterView): FilterResult {
  const kinds = view.kinds === null ? null : new Set<ActorKind>(view.kinds);
  const current = visible(data, view, kinds);

  const typeCounts = new Map<string, number>();
  for (const type of data.types.keys()) typeCounts.set(type, 0);
  const kindAndDate = (r: Relation) => passesKinds(data, r, kinds) && passesDates(r, view.from, view.to);
  for (const relation of data.dataset.relations) {
    const count = typeCounts.get(relation.type);
    if (count === undefined || !kindAndDate(relation)) continue;
    if (current.neighbourhood && !bothIn(relation, current.neighbourhood)) continue;
    typeCounts.set(relation.type, count + 1);
  }

  const kindCounts = new Map<ActorKind, number>();
  for (const kind of ACTOR_KINDS) {
    // An unchecked kind tells how many actors checking it would bring, so it needs its own run.
    const result = kinds === null || kinds.has(kind) ? current : visible(data, view, new Set([...kinds, kind]));
    kindCounts.set(kind, countOfKind(data, result.actors, kind));
  }

  return {
    relations: current.relations,
    actors: current.actors,
    typeCounts,
    kindCounts,
    dates: distinctDates(data.dataset.relations),
  };
}

function visible(data: DatasetLookup, view: FilterView, kinds: ReadonlySet<ActorKind> | null): Visible {
  const types = view.types === null ? null : new Set(view.types);
  const passes = (r: Relation) =>
    (types === null || types.has(r.type)) && passesKinds(data, r, kinds) && passesDates(r, view.from, view.to);

  const focus = view.focus && data.actors.has(view.focus.actor) ? view.focus : null;
  const neighbourhood = focus ? reach(data, focus.actor, focus.depth, passes) : null;

  const relations = new Set<string>();
  const actors = new Set<string>();
  for (const relation of data.dataset.relations) {
    if (!passes(relation) || (neighbourhood && !bothIn(relation, neighbourhood))) continue;
    relations.add(relation.id);
    actors.add(relation.source);
    actors.add(relation.target);
  }
  if (focus) actors.add(focus.actor);
  else {
    for (const actor of data.dataset.actors) {
      if ((kinds === null || kinds.has(actor.kind)) && data.relationsOf(actor.id).length === 0) actors.add(actor.id);
    }
  }
  return { relations, actors, neighbourhood };
}

/** Breadth-first, ignoring direction, along relations that pass the other filters. */
function reach(data: DatasetLookup, start: string, depth: number, passes: (r: Relation) => boolean): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const actor of frontier) {
      for (const relation of data.relationsOf(actor)) {
        if (!passes(relation)) continue;
        const other = relation.source === actor ? relation.target : relation.source;
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** A relation whose endpoint is missing from the dataset has nothing to be drawn between, so it never passes. */
function passesKinds(data: DatasetLookup, relation: Relation, kinds: ReadonlySet<ActorKind> | null): boolean {
  const source = data.actors.get(relation.source);
  const target = data.actors.get(relation.target);
  if (!source || !target) return false;
  return kinds === null || (kinds.has(source.kind) && kinds.has(target.kind));
}

/**
 * YYYY-MM-DD strings compare as dates. An undated relation always passes: it
 * is neither inside nor outside a range, and hiding it whenever a bound is
 * set would silently drop evidence the reader has no way to bring back.
 */
function passesDates(relation: Relation, from: string | null, to: string | null): boolean {
  const date = relation.date;
  if (date === undefined) return true;
  return (from === null || date >= from) && (to === null || date <= to);
}

function bothIn(relation: Relation, actors: ReadonlySet<string>): boolean {
  return actors.has(relation.source) && actors.has(relation.target);
}

function countOfKind(data: DatasetLookup, actors: ReadonlySet<string>, kind: ActorKind): number {
  let n = 0;
  for (const id of actors) if (data.actors.get(id)?.kind === kind) n++;
  return n;
}

function distinctDates(relations: readonly Relation[]): string[] {
  const dates = new Set<string>();
  for (const relation of relations) if (relation.date !== undefined) dates.add(relation.date);
  return [...dates].sort();
}
