/**
 * What the actors' colours mean, as a legend lists it where the colours are not also a filter (the
 * embed's legend, an exported picture's): a colour and a name for each kind of actor present, or for
 * each community of allies.
 */
import { ACTOR_KINDS } from "../core/dataset/kinds";
import type { MessageKey } from "../core/i18n";
import type { ColorBy } from "../core/view/types";
import { KIND_COLORS } from "../render/appearance";
import type { UiContext } from "./context";

export interface NodeKeyEntry {
  color: string;
  label: string;
  /** The key to the actors in no community: a short legend that lists a few communities keeps it. */
  alone?: true;
}

/** A community of allies, as the legend has it: its colour and its members' names; or the actors in none (`alone`). */
export interface CommunityGroup {
  color: string;
  members: readonly string[];
  alone?: boolean;
}

/** A community's name in a legend: its first three members, and an ellipsis for more; the actors in none are named so. */
export function communityName(group: CommunityGroup, ctx: Pick<UiContext, "lang" | "t">): string {
  if (group.alone) return ctx.t("legend.alone");
  const { members } = group;
  return `${members.slice(0, 3).join(ctx.lang === "fa" ? "، " : ", ")}${members.length > 3 ? "…" : ""}`;
}

/**
 * The key to the colours `color` gives: each kind of actor the dataset has, in the legend's order;
 * or each community (`communities`: those of more than one actor, then the actors in none), when
 * the colours are theirs.
 */
export function nodeKey(ctx: UiContext, color: ColorBy, communities: readonly CommunityGroup[] | null): NodeKeyEntry[] {
  if (color === "community") {
    return (communities ?? []).map((group) => ({ color: group.color, label: communityName(group, ctx), ...(group.alone ? { alone: true as const } : {}) }));
  }
  const present = new Set(ctx.data.dataset.actors.map((actor) => actor.kind));
  return ACTOR_KINDS.filter((kind) => present.has(kind)).map((kind) => ({ color: KIND_COLORS[kind], label: ctx.t(`kind.${kind}` as MessageKey) }));
}
