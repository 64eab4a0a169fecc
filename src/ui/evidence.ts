/** How a relation and its evidence read, in the full app's panel and the embed's card alike. */
import type { Evidence, Relation } from "../core/dataset";
import { bidi, h } from "./dom";
import { actorLabel, text, textLang, type UiContext } from "./context";

/** "France — Cooperation — Russia", or with an arrow for a one-way relation. */
export function relationLine(ctx: UiContext, relation: Relation): HTMLElement {
  const type = ctx.data.types.get(relation.type);
  const directed = relation.directed ?? type?.directed ?? false;
  return h(
    "span",
    { className: "relation-line" },
    bidi(actorLabel(ctx, relation.source)),
    ` ${directed ? ctx.t("relation.arrow") : ctx.t("relation.both")} `,
    bidi(actorLabel(ctx, relation.target)),
    " · ",
    h("span", { className: "type" }, type ? text(ctx, type.label) : relation.type),
  );
}

export function quoteBlock(ctx: UiContext, evidence: Evidence, compact: boolean): HTMLElement {
  const quoteLang = ctx.data.dataset.meta.source.language;
  return h(
    "figure",
    { className: compact ? "evidence compact" : "evidence" },
    h("blockquote", { className: "quote", lang: quoteLang, dir: "auto" }, evidence.quote),
    !compact && evidence.translation
      ? h("p", { className: "translation", lang: textLang(ctx, evidence.translation) ?? "en", dir: "auto" }, text(ctx, evidence.translation))
      : null,
    h("figcaption", { className: "reported-by" }, `${ctx.t("details.reportedBy")}: `, bidi(evidence.reportedBy)),
  );
}

