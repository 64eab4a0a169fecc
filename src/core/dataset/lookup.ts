import type { Actor, Dataset, Relation, RelationType } from "./schema";

/**
 * Quick lookups over a validated dataset. Maps, so ids such as "__proto__" are plain keys. The
 * relations' indices are made on first use, from the dataset as it is then: a dataset is not
 * changed once it has a lookup.
 */
export interface DatasetLookup {
  readonly dataset: Dataset;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly types: ReadonlyMap<string, RelationType>;
  readonly relations: ReadonlyMap<string, Relation>;
  /** Relations an actor takes part in, in dataset order. */
  relationsOf(actorId: string): readonly Relation[];
}

/**
 * The relations' indices are made when first asked for: a large dataset's first frame needs neither
 * (40,000 relations made two maps and 10,000 lists on the way to it), and its panels come after it.
 */
export function lookup(dataset: Dataset): DatasetLookup {
  let byId: Map<string, Relation> | null = null;
  let byActor: Map<string, Relation[]> | null = null;
  const actors = new Map<string, Actor>();
  for (const actor of dataset.actors) actors.set(actor.id, actor);
  const types = new Map<string, RelationType>();
  for (const type of dataset.relationTypes) types.set(type.id, type);
  return {
    dataset,
    actors,
    types,
    get relations() {
      if (!byId) {
        byId = new Map();
        for (const relation of dataset.relations) byId.set(relation.id, relation);
      }
      return byId;
    },
    relationsOf: (actorId) => (byActor ??= relationsByActor(dataset.relations)).get(actorId) ?? [],
  };
}

function relationsByActor(relations: readonly Relation[]): Map<string, Relation[]> {
  const byActor = new Map<string, Relation[]>();
  for (const relation of relations) {
    listUnder(byActor, relation.source, relation);
    // A self relation is listed once.
    if (relation.target !== relation.source) listUnder(byActor, relation.target, relation);
  }
  return byActor;
}

function listUnder(byActor: Map<string, Relation[]>, actorId: string, relation: Relation): void {
  const list = byActor.get(actorId);
  if (list) list.push(relation);
  else byActor.set(actorId, [relation]);
}
