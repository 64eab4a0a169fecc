/**
 * Checks a parsed view against the dataset it will show: only now can an id
 * be known or unknown, and a selected id be told to be an actor or a relation.
 */
import type { DatasetLookup } from "../dataset/lookup";
import { msg, warning, type Problem } from "../problems";
import type { Selection, ViewState } from "./types";

export function reconcileView(view: ViewState, data: DatasetLookup): { view: ViewState; notices: Problem[] } {
  const notices: Problem[] = [];
  const next: ViewState = { ...view };

  if (view.types !== null) {
    next.types = view.types.filter((type) => {
      if (data.types.has(type)) return true;
      notices.push(warning("types", msg("problem.url.unknownType", { type })));
      return false;
    });
  }

  if (view.focus !== null && !data.actors.has(view.focus.actor)) {
    notices.push(warning("focus", msg("problem.url.unknownActor", { id: view.focus.actor })));
    next.focus = null;
  }

  next.selected = resolveSelection(view.selected, data, notices);
  return { view: next, notices };
}

function resolveSelection(selected: Selection, data: DatasetLookup, notices: Problem[]): Selection {
  if (selected === null) return null;
  const { id } = selected;
  // An explicit relation selection wins when an actor happens to share its id.
  if (selected.kind === "relation" && data.relations.has(id)) return selected;
  if (data.actors.has(id)) return { kind: "actor", id };
  if (data.relations.has(id)) return { kind: "relation", id };
  notices.push(warning("selected", msg("problem.url.unknownSelection", { id })));
  return null;
}
