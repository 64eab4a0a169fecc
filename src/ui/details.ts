/**
 * The details panel: an actor with all its relations grouped by type, or one
 * relation with its evidence (the original quote, its translation, who reported
 * it, when, and a link to the source).
 */
import type { ActorNumbers } from "../core/analysis";
import type { Relation } from "../core/dataset";
import { formatDate, type MessageKey } from "../core/i18n";
import { displayName } from "../core/dataset/text";
import { bidi, closeButton, h, safeHref, showPanel } from "./dom";
import { quoteBlock, relationLine } from "./evidence";
import { actorLabel, heading, text, textLang, type UiContext } from "./context";
import type { FocusDepth, Selection } from "../core/view/types";

export interface DetailsHandlers {
  select(selection: Selection): void;
  focus(actor: string, depth: FocusDepth): void;
}

export function renderDetails(
  root: HTMLElement,
  ctx: UiContext,
  selection: Selection,
  handlers: DetailsHandlers,
  /** Asked for only when an actor is shown: working them out for every actor is not free on a large graph. */
  numbers?: () => ReadonlyMap<string, ActorNumbers>,
  balance?: (actor: string) => { balanced: number; unbalanced: number; mixed: number } | undefined,
): void {
  const body = !selection
    ? null
    : selection.kind === "actor"
      ? actorDetails(ctx, selection.id, handlers, numbers?.(), balance?.(selection.id))
      : relationDetails(ctx, selection.id, handlers);
  showPanel(root, body ? [closeButton(ctx.t("details.close"), () => handlers.select(null)), body] : null);
}

/** An actor's numbers: its relations by sign, and where it ranks. */
function actorNumbersLine(ctx: UiContext, id: string, numbers: ReadonlyMap<string, ActorNumbers> | undefined): HTMLElement | null {
  const mine = numbers?.get(id);
  if (!mine) return null;
  const n = numbers?.size ?? 0;
  const anyBetweenness = [...(numbers?.values() ?? [])].some((x) => x.betweenness > 0);
  return h(
    "div",
    { className: "actor-numbers" },
    h("p", { className: "by-sign" }, ctx.t("details.numbers", mine.bySign)),
    h("p", { className: "rank" }, ctx.t("details.rankDegree", { rank: mine.rank.degree, n })),
    anyBetweenness ? h("p", { className: "rank" }, ctx.t("details.rankBetweenness", { rank: mine.rank.betweenness, n })) : null,
  );
}

function actorDetails(
  ctx: UiContext,
  id: string,
  handlers: DetailsHandlers,
  numbers?: ReadonlyMap<string, ActorNumbers>,
  balance?: { balanced: number; unbalanced: number; mixed: number },
): HTMLElement | null {
  const actor = ctx.data.actors.get(id);
  if (!actor) return null;
  const relations = ctx.data.relationsOf(id);
  const groups = new Map<string, Relation[]>();
  for (const relation of relations) {
    const list = groups.get(relation.type);
    if (list) list.push(relation);
    else groups.set(relation.type, [relation]);
  }
  const aliases = (actor.aliases ?? []).map((alias) => displayName(alias)).filter(Boolean);
  return h(
    "article",
    { className: "actor", dataset: { actor: id } },
    heading(ctx, actor.label),
    h("p", { className: "kind" }, ctx.t(`kind.${actor.kind}` as MessageKey)),
    actor.description ? h("p", { className: "description", dir: "auto" }, text(ctx, actor.description)) : null,
    aliases.length > 0
      ? h("p", { className: "aliases" }, `${ctx.t("details.aliases")}: `, ...aliases.flatMap((a, i) => [i > 0 ? (ctx.lang === "fa" ? "، " : ", ") : null, bidi(a)]))
      : null,
    actorNumbersLine(ctx, id, numbers),
    balance && balance.balanced + balance.unbalanced + balance.mixed > 0
      ? h("p", { className: "actor-balance" }, ctx.t("details.balance", balance))
      : null,
    relations.length > 0
      ? h(
          "p",
          { className: "focus-actions" },
          ctx.t("focus.prompt"),
          " ",
          ...([1, 2] as const).map((depth) =>
            h(
              "button",
              { type: "button", className: "mini", dataset: { depth: String(depth) }, on: { click: () => handlers.focus(id, depth) } },
              ctx.t("focus.depth", { n: depth }),
            ),
          ),
        )
      : null,
    h("h3", {}, ctx.t("details.relations")),
    relations.length === 0 ? h("p", {}, ctx.t("details.noRelations")) : null,
    ...[...groups].map(([typeId, list]) => {
      const type = ctx.data.types.get(typeId);
      return h(
        "section",
        { className: "relation-group", dataset: { type: typeId } },
        h(
          "h4",
          {},
          h("span", { className: "swatch edge", style: { backgroundColor: type?.color ?? "#888" }, attrs: { "aria-hidden": "true" } }),
          type ? text(ctx, type.label) : typeId,
        ),
        h(
          "ul",
          {},
          ...list.map((relation) => {
            const first = relation.evidence[0];
            return h(
              "li",
              {},
              h(
                "button",
                { type: "button", className: "relation-link", on: { click: () => handlers.select({ kind: "relation", id: relation.id }) } },
                relationLine(ctx, relation),
              ),
              first ? quoteBlock(ctx, first, true) : null,
            );
          }),
        ),
      );
    }),
  );
}

function relationDetails(ctx: UiContext, id: string, handlers: DetailsHandlers): HTMLElement | null {
  const relation = ctx.data.relations.get(id);
  if (!relation) return null;
  const type = ctx.data.types.get(relation.type);
  const source = ctx.data.dataset.meta.source;
  return h(
    "article",
    { className: "relation", dataset: { relation: id } },
    h("p", { className: "kind" }, ctx.t("details.relation"), type ? ` · ${ctx.t(`sign.${type.sign}` as MessageKey)}` : ""),
    h(
      "h2",
      {},
      h("button", { type: "button", className: "actor-link", on: { click: () => handlers.select({ kind: "actor", id: relation.source }) } }, bidi(actorLabel(ctx, relation.source))),
      ` ${(relation.directed ?? type?.directed) ? ctx.t("relation.arrow") : ctx.t("relation.both")} `,
      h("button", { type: "button", className: "actor-link", on: { click: () => handlers.select({ kind: "actor", id: relation.target }) } }, bidi(actorLabel(ctx, relation.target))),
    ),
    h(
      "p",
      { className: "type" },
      h("span", { className: "swatch edge", style: { backgroundColor: type?.color ?? "#888" }, attrs: { "aria-hidden": "true" } }),
      type ? text(ctx, type.label) : relation.type,
    ),
    relation.date ? h("p", { className: "date" }, `${ctx.t("details.date")}: `, formatDate(relation.date, ctx.lang)) : null,
    h("h3", {}, ctx.t("details.evidence")),
    ...relation.evidence.map((evidence) => {
      const href = safeHref(evidence.url ?? source.url);
      return h(
        "div",
        { className: "evidence-item" },
        quoteBlock(ctx, evidence, false),
        href ? h("a", { className: "source-link", href, attrs: { rel: "noopener noreferrer", target: "_blank" } }, ctx.t("details.readSource")) : null,
      );
    }),
  );
}
