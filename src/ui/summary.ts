import { h, replace, safeHref } from "./dom";
import { text, textLang, type UiContext } from "./context";
import { sourceName } from "./source";

/** Counts shown in the summary: what is visible, out of how many. */
export interface Shown {
  actors: number;
  relations: number;
}

/** The title, its source and the counts: "16 actors · 24 relations", or "9 of 16 actors · 7 of 24 relations" when filtered. */
export function renderSummary(root: HTMLElement, ctx: UiContext, shown?: Shown): void {
  const { dataset } = ctx.data;
  const source = dataset.meta.source;
  const href = safeHref(source.url);
  const sourceLine = ctx.t("summary.source", { source: sourceName(ctx) });
  replace(
    root,
    h("h1", { className: "title", lang: textLang(ctx, dataset.meta.title) ?? ctx.lang, dir: "auto" }, text(ctx, dataset.meta.title)),
    h(
      "p",
      { className: "summary" },
      href ? h("a", { href, attrs: { rel: "noopener noreferrer", target: "_blank" } }, sourceLine) : sourceLine,
      " · ",
      h("span", { className: "count", dataset: { count: "actors" } }, count(ctx, "actors", shown?.actors, dataset.actors.length)),
      " · ",
      h("span", { className: "count", dataset: { count: "relations" } }, count(ctx, "relations", shown?.relations, dataset.relations.length)),
    ),
  );
}

function count(ctx: UiContext, what: "actors" | "relations", shown: number | undefined, total: number): string {
  if (shown === undefined || shown === total) {
    return ctx.t(what === "actors" ? "summary.actors" : "summary.relations", { n: total });
  }
  return ctx.t(what === "actors" ? "summary.visibleActors" : "summary.visibleRelations", { shown, n: total });
}
