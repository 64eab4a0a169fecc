/**
 * The embed (`?embed=1`): the graph, its title, a compact legend that still
 * filters, a card for what is tapped, and the attribution. It leaves the
 * article's scrolling alone and tells its host page how tall it is.
 */
import "./embed.css";
import { pickText } from "../core/dataset/text";
import { parseEmbedParams } from "../core/embed";
import { direction } from "../core/i18n";
import { serializeView } from "../core/view";
import { APPEARANCE_LOOK } from "../render/appearance";
import { DARK, LIGHT } from "../render/theme";
import { renderCard } from "../ui/card";
import { CompactLegend } from "../ui/compact-legend";
import { h, safeHref } from "../ui/dom";
import { nodeKey } from "../ui/node-key";
import { renderProblems } from "../ui/problems";
import { sourceName } from "../ui/source";
import { guardScroll } from "../ui/scroll-guard";
import type { NodeLook } from "./look";
import { mountGraph, type MountOptions } from "./mount";
import { shownAgain, start } from "./start";

const DEFAULT_HEIGHT = 440;

/** Posts the document's height to the host page whenever it changes: the message carries nothing else. */
function reportHeight(): void {
  if (window.parent === window) return;
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "entente:resize", height }, "*");
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}

export async function runEmbed(): Promise<void> {
  const { params } = parseEmbedParams(location.search);
  document.documentElement.classList.add("embed-page");
  document.documentElement.dataset.theme = params.theme;
  const started = await start();
  const { lang, t } = started;
  document.documentElement.lang = lang;
  document.documentElement.dir = direction(lang);

  const graph = h("div", { id: "graph", className: "graph", role: "img", dir: "ltr" });
  const hint = h("p", { className: "scroll-hint", hidden: true, role: "status" });
  const card = h("aside", { id: "card", className: "embed-card panel", hidden: true, attrs: { "aria-live": "polite" } });
  const status = h("p", { id: "status", className: "status", role: "status" });
  const problems = h("section", { id: "problems", className: "problems panel", hidden: true, role: "alert" });
  const stage = h("div", { className: "embed-stage" }, graph, status, hint, card, problems);
  stage.style.height = `${params.height ?? (window.innerWidth < 480 ? 360 : DEFAULT_HEIGHT)}px`;
  const title = h("h1", { className: "embed-title", dir: "auto" });
  const legend = h("div", { className: "embed-legend", role: "group", attrs: { "aria-label": t("legend.title") } });
  const foot = h("footer", { className: "embed-foot" });
  document.body.replaceChildren(h("div", { className: "embed" }, title, stage, legend, foot));
  reportHeight();

  if (!started.ok) {
    renderProblems(problems, started.problems, t);
    document.body.dataset.state = "error";
    return;
  }
  const { dataset } = started;
  const datasetLang = dataset.meta.source.language;
  title.textContent = pickText(dataset.meta.title, lang, datasetLang);
  title.lang = lang;
  document.title = `${title.textContent} · ${t("app.name")}`;

  const view = started.view;
  // A shared view sized or coloured otherwise than the graph's first look is shown so, as in the
  // full app; the code that computes it (betweenness, communities) is fetched only then.
  const look = view.size !== APPEARANCE_LOOK.size || view.color !== APPEARANCE_LOOK.color ? await import("./look") : null;
  const made: { look?: NodeLook } = {};
  const options: MountOptions = {
    prepared: started.prepared,
    prepare: look
      ? (graph, ctx) => {
          made.look = new look.NodeLook(ctx, graph);
          made.look.apply(view.size, view.color);
        }
      : undefined,
    container: graph,
    dataset,
    view,
    lang,
    t,
    theme: params.theme === "dark" ? DARK : LIGHT,
    extraQuery: params.query,
    pushHistory: false,
    onSettled: () => {
      status.textContent = "";
      document.body.dataset.state = "settled";
    },
    onLayoutError: (message) => {
      status.textContent = message;
    },
  };
  let mounted = await mountGraph(options);
  if (mounted && "rechecked" in mounted) {
    // Shown on the check of all but its relations, the dataset is not what the whole check gave.
    const { rechecked } = mounted;
    if (!rechecked.ok) {
      // Nothing of the dataset stays: its title came before its first frame.
      title.textContent = "";
      document.title = t("app.name");
      renderProblems(problems, rechecked.problems, t);
      document.body.dataset.state = "error";
      return;
    }
    const { view: again, prepared } = shownAgain(rechecked.value);
    mounted = await mountGraph({ ...options, dataset: rechecked.value, view: again, prepared });
  }
  // Nothing aborts an embed's one mount, and a dataset mounted with nothing still to check is not rechecked.
  if (mounted === null || "rechecked" in mounted) return;
  if ("error" in mounted) {
    console.error(mounted.error);
    renderProblems(problems, [{ path: "", message: t("graph.noWebgl"), severity: "error" }], t, t("graph.noWebgl"));
    document.body.dataset.state = "error";
    return;
  }
  const { ctx, store } = mounted;
  const compact = new CompactLegend(legend, ctx, (types) => store.update({ types }));
  // The embed's colours stay as the view says: their key is made once.
  compact.showNodeKey(nodeKey(ctx, view.color, made.look?.communityLegend(view.color) ?? null));
  guardScroll(stage, graph, hint, { wheel: t("embed.wheelHint"), touch: t("embed.touchHint") });

  const source = dataset.meta.source;
  const sourceHref = safeHref(source.url);
  const sourceText = sourceName(ctx);
  const full = h("a", { className: "attribution-full", attrs: { target: "_blank", rel: "noopener" } }, t("embed.openFull"));
  foot.append(
    h("span", {}, `${t("embed.source")} `),
    sourceHref ? h("a", { className: "attribution-source", href: sourceHref, attrs: { target: "_blank", rel: "noopener noreferrer" } }, sourceText) : sourceText,
    " · ",
    full,
  );

  mounted.subscribe((view, _filtered, previous) => {
    compact.update(view);
    if (!previous || view.selected !== previous.selected) renderCard(card, ctx, view.selected, (selected) => store.update({ selected }));
    full.href = new URL(`${location.pathname}${serializeView(view)}`, location.href).href;
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && store.get().selected) store.update({ selected: null });
  });
  status.textContent = t(mounted.renderer.relationsShown() ? "layout.running" : "layout.runningLarge");
  document.body.dataset.state = "ready";
  mounted.start();
}
