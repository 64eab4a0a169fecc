/**
 * The embed's compact card: what a tap on a node or a line shows. An actor
 * lists its relations; a relation shows its evidence.
 */
import type { MessageKey } from "../core/i18n";
import { formatDate } from "../core/i18n";
import type { Selection } from "../core/view/types";
import { closeButton, h, safeHref, showPanel } from "./dom";
import { quoteBlock, relationLine } from "./evidence";
import { heading, text, textLang, type UiContext } from "./context";

export function renderCard(root: HTMLElement, ctx: UiContext, selection: Selection, select: (s: Selection) => void): void {
  const body = selection?.kind === "actor" ? actorCard(ctx, selection.id, select) : selection?.kind === "relation" ? relationCard(ctx, selection.id) : null;
  showPanel(root, body ? [closeButton(ctx.t("details.close"), () => select(null)), body] : null);
}

function actorCard(ctx: UiContext, id: string, select: (s: Selection) => void): HTMLElement | null {
  const actor = ctx.data.actors.get(id);
  if (!actor) return null;
  return h(
    "article",
    { className: "card actor", dataset: { actor: id } },
    heading(ctx, actor.label),
    h("p", { className: "kind" }, ctx.t(`kind.${actor.kind}` as MessageKey)),
    h(
      "ul",
      {},
      ...ctx.data.relationsOf(id).map((relation) =>
        h(
          "li",
          {},
          h("button", { type: "button", className: "relation-link", on: { click: () => select({ kind: "relation", id: relation.id }) } }, relationLine(ctx, relation)),
        ),
      ),
    ),
  );
}

function relationCard(ctx: UiContext, id: string): HTMLElement | null {
  const relation = ctx.data.relations.get(id);
  if (!relation) return null;
  const first = relation.evidence[0];
  const href = safeHref(first?.url ?? ctx.data.dataset.meta.source.url);
  return h(
    "article",
    { className: "card relation", dataset: { relation: id } },
    h("h2", {}, relationLine(ctx, relation)),
    relation.date ? h("p", { className: "date" }, formatDate(relation.date, ctx.lang)) : null,
    ...relation.evidence.map((evidence) => quoteBlock(ctx, evidence, false)),
    href ? h("a", { className: "source-link", href, attrs: { rel: "noopener noreferrer", target: "_blank" } }, ctx.t("details.readSource")) : null,
  );
}
