import type { ActorKind } from "../dataset/schema";

/** What the filters leave visible, and the numbers the legend and summary show. */
export interface FilterResult {
  /** Relation ids that pass every filter. */
  readonly relations: ReadonlySet<string>;
  /** Actor ids shown: of an allowed kind, and with a visible relation (or, outside a focus, no relation at all). */
  readonly actors: ReadonlySet<string>;
  /**
   * Per relation type: how many relations of that type pass every filter except
   * the type filter, so an unchecked type still says how many it would add.
   */
  readonly typeCounts: ReadonlyMap<string, number>;
  /** Per actor kind: how many actors of that kind are shown if that kind is allowed. */
  readonly kindCounts: ReadonlyMap<ActorKind, number>;
  /** Sorted distinct relation dates in the dataset. */
  readonly dates: readonly string[];
  /** The same relations as `relations`, as 1 or 0 for each of the dataset's relations in its order: read where hashing ids is too slow. */
  readonly relationMask: Uint8Array;
  /** The same actors as `actors`, likewise in the dataset's order. */
  readonly actorMask: Uint8Array;
}
