import { formatDate } from "../core/i18n";
import { h, replace, safeHref } from "./dom";
import { text, textLang, type UiContext } from "./context";

/** The title, its source and the counts: "16 actors · 24 relations". */
export function renderSummary(root: HTMLElement, ctx: UiContext): void {
  const { dataset } = ctx.data;
  const source = dataset.meta.source;
  const href = safeHref(source.url);
  const publisher = text(ctx, source.publisher);
  const sourceLine = ctx.t("summary.source", { publisher, date: formatDate(source.published, ctx.lang) });
  replace(
    root,
    h("h1", { className: "title", lang: textLang(ctx, dataset.meta.title) ?? ctx.lang, dir: "auto" }, text(ctx, dataset.meta.title)),
    h(
      "p",
      { className: "summary" },
      href ? h("a", { href, attrs: { rel: "noopener noreferrer", target: "_blank" } }, sourceLine) : sourceLine,
      " · ",
      h("span", { className: "count", dataset: { count: "actors" } }, ctx.t("summary.actors", { n: dataset.actors.length })),
      " · ",
      h("span", { className: "count", dataset: { count: "relations" } }, ctx.t("summary.relations", { n: dataset.relations.length })),
    ),
  );
}
