/**
 * The view as plain, serialisable data: what is filtered, focused and
 * selected, and in which language. The same value drives the URL, the
 * rendering and the tests.
 */
import type { ActorKind } from "../dataset/schema";
import type { Lang } from "../i18n";

export type Selection = { kind: "actor"; id: string } | { kind: "relation"; id: string } | null;

export type FocusDepth = 1 | 2;

export interface Focus {
  actor: string;
  depth: FocusDepth;
}

/** What a node's size shows. */
export type SizeBy = "degree" | "weighted" | "betweenness";
/** What a node's colour shows. */
export type ColorBy = "kind" | "community";

/** What happens to relations and actors the filters leave out. */
export type HiddenMode = "hide" | "fade";

export interface ViewState {
  /** Relation type ids shown; null means every type. */
  types: readonly string[] | null;
  /** Actor kinds shown; null means every kind. */
  kinds: readonly ActorKind[] | null;
  /** Inclusive date bounds (YYYY-MM-DD); null means open. */
  from: string | null;
  to: string | null;
  focus: Focus | null;
  selected: Selection;
  hidden: HiddenMode;
  size: SizeBy;
  color: ColorBy;
  /** null: not set in the URL (the app picks a default). */
  lang: Lang | null;
  /** Address of a dataset to show instead of the bundled one. */
  data: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  types: null,
  kinds: null,
  from: null,
  to: null,
  focus: null,
  selected: null,
  hidden: "hide",
  size: "degree",
  color: "kind",
  lang: null,
  data: null,
};
