/**
 * The full app's composition root: reads the view from the URL, loads and
 * validates the dataset, builds the graph, and wires the renderer, the layout
 * worker, the panels and the URL to one view state.
 */
import "@fontsource/vazirmatn/400.css";
import "@fontsource/vazirmatn/700.css";
import "./styles.css";
import bundledDatasetUrl from "../../data/russia-france-coalition.json?url";
import { lookup, pickText, type Dataset } from "../core/dataset";
import { applyFilters, type FilterResult } from "../core/filter";
import { buildGraph } from "../core/graph";
import { direction, translator, type Lang, type Translate } from "../core/i18n";
import type { Problem } from "../core/problems";
import { searchActors } from "../core/search";
import { DEFAULT_VIEW, parseView, reconcileView, serializeView, type ViewState } from "../core/view";
import { LayoutSupervisor } from "../layout/supervisor";
import { applyAppearance } from "../render/appearance";
import { renderProfile } from "../render/profile";
import { GraphRenderer } from "../render/renderer";
import type { UiContext } from "../ui/context";
import { renderDetails } from "../ui/details";
import { FilterPanel } from "../ui/filters";
import { renderFocusBar } from "../ui/focus-bar";
import { renderNotices, renderProblems } from "../ui/problems";
import { SearchBox } from "../ui/search";
import { renderSummary } from "../ui/summary";
import { exposeAutomation } from "./automation";
import { loadDataset } from "./load";
import { ViewStore, type Remember } from "./store";

const FONT = "Vazirmatn";

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`entente: the page has no #${id}`);
  return element as T;
}

function setState(state: "loading" | "ready" | "settled" | "error"): void {
  document.body.dataset.state = state;
}

async function fontsReady(): Promise<void> {
  // Labels are drawn on a canvas, which does not wait for web fonts by itself.
  await Promise.all([
    document.fonts.load(`400 13px ${FONT}`, "Russia روسیه"),
    document.fonts.load(`700 13px ${FONT}`, "Russia روسیه"),
  ]).catch(() => undefined);
}

function pageUrl(view: ViewState): string {
  return `${location.pathname}${serializeView(view)}${location.hash}`;
}

function applyLanguage(lang: Lang, t: Translate): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = direction(lang);
  byId("app-name").textContent = t("app.name");
  byId("copy-link").textContent = t("share.copy");
  byId("reset-view").textContent = t("view.reset");
  const switcher = byId<HTMLAnchorElement>("lang-switch");
  const other: Lang = lang === "fa" ? "en" : "fa";
  switcher.textContent = t("lang.switch");
  switcher.lang = other;
  switcher.hreflang = other;
  switcher.title = t("lang.switchLabel");
  byId("legend").setAttribute("aria-label", t("filters.title"));
}

function showProblems(problems: readonly Problem[], t: Translate, heading?: string): void {
  renderProblems(byId("problems"), problems, t, heading);
  setState("error");
}

async function start(): Promise<void> {
  const parsed = parseView(location.search, location.href);
  const lang: Lang = parsed.view.lang ?? "en";
  const t = translator(lang);
  applyLanguage(lang, t);
  const status = byId("status");
  status.textContent = t("load.loading");

  const [result] = await Promise.all([loadDataset(parsed.view.data ?? bundledDatasetUrl, t), fontsReady()]);
  status.textContent = "";
  if (!result.ok) {
    renderNotices(byId("notices"), [{ title: t("notices.url"), problems: parsed.notices }], t);
    showProblems(result.problems, t);
    return;
  }
  const data = lookup(result.value);
  const reconciled = reconcileView(parsed.view, data);
  renderNotices(
    byId("notices"),
    [
      { title: t("notices.url"), problems: [...parsed.notices, ...reconciled.notices] },
      { title: t("notices.data"), problems: result.problems },
    ],
    t,
  );
  show(result.value, reconciled.view, lang);
}

function show(dataset: Dataset, initial: ViewState, lang: Lang): void {
  const t = translator(lang);
  const ctx: UiContext = { data: lookup(dataset), lang, t };
  const datasetLang = dataset.meta.source.language;
  document.title = `${pickText(dataset.meta.title, lang, datasetLang)} · ${t("app.name")}`;

  const graph = buildGraph(dataset, lang);
  const profile = renderProfile(graph.size);
  applyAppearance(graph, dataset, { simpleEdges: profile.simpleEdges });
  const container = byId("graph");
  const announce = byId("announce");

  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const status = byId("status");
  const layout = new LayoutSupervisor(graph, {
    radius: (node) => graph.getNodeAttribute(node, "size") ?? 6,
    finalOnly: reducedMotion,
    schedule: (callback) => requestAnimationFrame(callback),
    onSettled: () => {
      // Milestones in the Performance timeline, for the benchmark and the browser's profiler.
      performance.mark("entente:layout-settled");
      status.textContent = "";
      setState("settled");
    },
    onError: (message) => {
      status.textContent = message;
    },
  });

  const store = new ViewStore(initial);
  let renderer: GraphRenderer;
  try {
    renderer = new GraphRenderer(
      graph,
      container,
      {
        select: (selection) => store.update({ selected: selection }, "push"),
        drag: (node, x, y) => layout.pin(node, x, y),
      },
      { labelFont: `${FONT}, sans-serif`, dimColor: "#e4e4e4", fadedColor: "#eeeeec", labelColor: "#1b1b1b", profile },
    );
  } catch (cause) {
    console.error(cause);
    showProblems([{ path: "", message: t("graph.noWebgl"), severity: "error" }], t, t("graph.noWebgl"));
    return;
  }

  // Sigma draws its first frame while it is constructed.
  performance.mark("entente:first-frame");

  let filtered: FilterResult = applyFilters(ctx.data, initial);
  const filters = new FilterPanel(byId("legend"), ctx, filtered.dates, {
    types: (types) => store.update({ types }),
    kinds: (kinds) => store.update({ kinds }),
    range: (from, to) => store.update({ from, to }),
    hidden: (hidden) => store.update({ hidden }),
  });
  const search = new SearchBox(byId("search-box"), ctx, {
    search: (query) => searchActors(ctx.data, query, lang),
    isShown: (actor) => filtered.actors.has(actor),
    choose: (actor) => {
      store.update({ selected: { kind: "actor", id: actor } }, "push");
      renderer.focusCamera(actor, !reducedMotion);
    },
  });
  const details = byId("details");
  const detailHandlers = {
    select: (selected: ViewState["selected"]) => store.update({ selected }, "push"),
    focus: (actor: string, depth: 1 | 2) => store.update({ focus: { actor, depth } }, "push"),
  };

  const filterKey = (v: ViewState) => JSON.stringify([v.types, v.kinds, v.from, v.to, v.focus]);
  const render = (view: ViewState, previous: ViewState | null, remember: Remember) => {
    if (!previous || filterKey(view) !== filterKey(previous)) {
      filtered = applyFilters(ctx.data, view);
      renderer.setVisibility({ actors: filtered.actors, relations: filtered.relations, mode: view.hidden });
      renderSummary(byId("summary"), ctx, { actors: filtered.actors.size, relations: filtered.relations.size });
      container.setAttribute(
        "aria-label",
        t("graph.label", { actors: filtered.actors.size, relations: filtered.relations.size }),
      );
    } else if (view.hidden !== previous.hidden) {
      renderer.setVisibility({ actors: filtered.actors, relations: filtered.relations, mode: view.hidden });
    }
    filters.update(view, filtered);
    if (!previous || view.selected !== previous.selected) {
      renderer.setSelection(view.selected);
      renderDetails(details, ctx, view.selected, detailHandlers);
      if (view.selected?.kind === "actor") {
        announce.textContent = pickText(ctx.data.actors.get(view.selected.id)?.label, lang, datasetLang);
      }
    }
    renderFocusBar(byId("focus-bar"), ctx, view.focus, () => store.update({ focus: null }, "push"));
    const switcher = byId<HTMLAnchorElement>("lang-switch");
    switcher.href = pageUrl({ ...view, lang: lang === "fa" ? "en" : "fa" });
    const url = pageUrl(view);
    if (remember === "push") history.pushState(null, "", url);
    else if (remember === "replace") history.replaceState(null, "", url);
  };
  store.subscribe(render);
  render(initial, null, "replace");

  window.addEventListener("popstate", () => {
    const next = reconcileView(parseView(location.search, location.href).view, ctx.data).view;
    store.set(next, "restore");
  });

  byId("reset-view").addEventListener("click", () => {
    store.set({ ...DEFAULT_VIEW, lang: store.get().lang, data: store.get().data }, "push");
    search.input.value = "";
    renderer.sigma.getCamera().animatedReset({ duration: reducedMotion ? 0 : 300 });
  });
  const copy = byId<HTMLButtonElement>("copy-link");
  copy.addEventListener("click", () => {
    navigator.clipboard
      .writeText(location.href)
      .then(() => t("share.copied"))
      .catch(() => t("share.failed"))
      .then((message) => {
        announce.textContent = message;
        copy.textContent = message;
        setTimeout(() => (copy.textContent = t("share.copy")), 2000);
      });
  });

  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest("input, textarea, select, [contenteditable]") !== null && target !== null;
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      search.focus();
    } else if (event.key === "Escape") {
      const view = store.get();
      if (view.selected || view.focus) store.update({ selected: null, focus: null }, "push");
    }
  });

  exposeAutomation({ renderer, layout, graph, view: () => store.get(), shown: () => filtered });
  status.textContent = t("layout.running");
  setState("ready");
  layout.start();
}

start().catch((cause: unknown) => {
  console.error(cause);
  const lang: Lang = document.documentElement.lang === "fa" ? "fa" : "en";
  showProblems(
    [{ path: "", message: cause instanceof Error ? cause.message : String(cause), severity: "error" }],
    translator(lang),
  );
});
