/**
 * The full app: the graph with the legend and filters, search, details,
 * focus, sharing and export, in a page of its own.
 */
import { analyseBalance } from "../core/analysis";
import type { Dataset } from "../core/dataset";
import { pickText } from "../core/dataset/text";
import { datasetId, graphKey } from "../core/graph";
import type { Problem } from "../core/problems";
import { addAppWords, direction, type Lang, type MessageKey, type Translate } from "../core/i18n";
import { appWords } from "../core/i18n/app-words";
import { searchActors } from "../core/search";
import { DEFAULT_VIEW, serializeView, type ViewState } from "../core/view";
import type { Cover } from "../render/renderer";
import { LIGHT } from "../render/theme";
import { renderDetails } from "../ui/details";
import { h } from "../ui/dom";
import { FilterPanel } from "../ui/filters";
import { renderFocusBar } from "../ui/focus-bar";
import { renderMessage, renderNotices, renderProblems } from "../ui/problems";
import { ImportUi } from "../ui/import";
import { InsightsPanel } from "../ui/insights";
import { RelationTable } from "../ui/table";
import { MAX_BETWEENNESS_ACTORS, NodeLook } from "./look";
import { SearchBox } from "../ui/search";
import { nodeKey } from "../ui/node-key";
import { ShareDialog } from "../ui/share";
import { renderSummary } from "../ui/summary";
import { actorLabel, type UiContext } from "../ui/context";
import { mountGraph, type Mounted, type Prepared, type Rechecked } from "./mount";
import { afterNextFrame, nextTask } from "./next-task";
import { shownAgain, start } from "./start";

function setState(state: "loading" | "ready" | "settled" | "error"): void {
  document.body.dataset.state = state;
}

/** The page's chrome, with the ids the panels and the tests know. */
function shell(t: Translate, lang: Lang) {
  const other: Lang = lang === "fa" ? "en" : "fa";
  const el = {
    summary: h("div", { id: "summary", className: "summary-block" }),
    searchBox: h("div", { id: "search-box", className: "search-box" }),
    copy: h("button", { id: "copy-link", className: "tool-button", type: "button" }, t("share.copy")),
    share: h("button", { id: "share-open", className: "tool-button", type: "button", attrs: { "aria-haspopup": "dialog" } }, t("share.open")),
    reset: h("button", { id: "reset-view", className: "tool-button", type: "button" }, t("view.reset")),
    openFile: h("button", { id: "open-file", className: "tool-button", type: "button" }, t("import.open")),
    insightsOpen: h("button", { id: "insights-open", className: "tool-button", type: "button", attrs: { "aria-controls": "insights" } }, t("insights.open")),
    tableOpen: h("button", { id: "table-open", className: "tool-button", type: "button", attrs: { "aria-controls": "table-view", "aria-keyshortcuts": "T" } }, t("table.open")),
    table: h("section", { id: "table-view", className: "table-view panel", hidden: true, attrs: { "aria-label": t("table.open") } }),
    insights: h("aside", { id: "insights", className: "details panel insights", hidden: true, attrs: { "aria-labelledby": "insights-open" } }),
    importPanel: h("section", { id: "import-panel", className: "import-panel panel", hidden: true, attrs: { "aria-live": "polite" } }),
    lang: h("a", { id: "lang-switch", className: "lang-switch", lang: other, title: t("lang.switchLabel"), attrs: { hreflang: other } }, t("lang.switch")),
    legend: h("aside", { id: "legend", className: "legend", attrs: { "aria-label": t("filters.title") } }),
    graph: h("div", { id: "graph", className: "graph", role: "img", dir: "ltr" }),
    status: h("p", { id: "status", className: "status", role: "status" }),
    focusBar: h("div", { id: "focus-bar", className: "focus-bar", hidden: true }),
    notices: h("div", { id: "notices", className: "notices", role: "status", hidden: true }),
    announce: h("p", { id: "announce", className: "visually-hidden", attrs: { "aria-live": "polite" } }),
    details: h("aside", { id: "details", className: "details panel", hidden: true, attrs: { "aria-live": "polite" } }),
    problems: h("section", { id: "problems", className: "problems panel", hidden: true, role: "alert" }),
  };
  document.body.replaceChildren(
    h(
      "header",
      { className: "top" },
      h("div", { className: "brand" }, h("span", { className: "app-name", id: "app-name" }, t("app.name"))),
      el.summary,
      h("nav", { className: "tools" }, el.searchBox, el.insightsOpen, el.tableOpen, el.copy, el.share, el.reset, el.openFile, el.lang),
    ),
    h(
      "main",
      { className: "stage" },
      el.legend,
      h("div", { className: "canvas-area" }, el.graph, el.status, el.focusBar, el.notices, el.announce, el.table, el.insights, el.details, el.problems, el.importPanel),
    ),
  );
  return el;
}

type Shell = ReturnType<typeof shell>;

const ARROWS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The actors a selection is about: the actor, or a relation's two ends. */
function selectedActors(ctx: UiContext, selected: NonNullable<ViewState["selected"]>): string[] {
  if (selected.kind === "actor") return [selected.id];
  const relation = ctx.data.relations.get(selected.id);
  return relation ? [relation.source, relation.target] : [];
}

/**
 * The neighbour an arrow key points at: among the actors linked to `actor` by a
 * visible relation, the nearest one within 60° of the arrow's direction on screen.
 */
function neighbourToward(mounted: Mounted, actor: string, key: string): string | null {
  const direction = ARROWS[key];
  const from = mounted.renderer.nodeViewportPosition(actor);
  if (!direction || !from) return null;
  const visible = mounted.filtered().relations;
  let best: { id: string; score: number } | null = null;
  for (const edge of mounted.graph.edges(graphKey(actor))) {
    if (!visible.has(datasetId(edge))) continue;
    const other = datasetId(mounted.graph.opposite(graphKey(actor), edge));
    const to = mounted.renderer.nodeViewportPosition(other);
    if (!to || other === actor) continue;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const distance = Math.hypot(dx, dy) || 1;
    const cos = (dx * direction[0] + dy * direction[1]) / distance;
    if (cos < 0.5) continue;
    const score = distance / cos;
    if (!best || score < best.score) best = { id: other, score };
  }
  return best?.id ?? null;
}

/** What a screen reader hears when an actor is selected: who, what, and to whom it is linked. */
function announceActor(ctx: UiContext, actor: string, visible: ReadonlySet<string>): string {
  const data = ctx.data;
  const found = data.actors.get(actor);
  if (!found) return "";
  const relations = data.relationsOf(actor).filter((r) => visible.has(r.id));
  const linked = [...new Set(relations.map((r) => (r.source === actor ? r.target : r.source)))].map((id) => actorLabel(ctx, id));
  return ctx.t("announce.actor", {
    label: actorLabel(ctx, actor),
    kind: ctx.t(`kind.${found.kind}` as MessageKey),
    n: relations.length,
    linked: linked.join(ctx.lang === "fa" ? "، " : ", "),
  });
}

/** Everything that belongs to one dataset on screen; `destroy` clears the way for the next. */
interface Shown {
  destroy(): void;
}

async function showDataset(
  el: Shell,
  signal: AbortSignal,
  dataset: Dataset,
  view: ViewState,
  lang: Lang,
  t: Translate,
  warnings: readonly Problem[],
  notices: readonly Problem[],
  prepared?: Prepared,
): Promise<Shown | Rechecked | null> {
  const showNotices = (data: readonly Problem[]) =>
    renderNotices(
      el.notices,
      [
        { title: t("notices.url"), problems: notices },
        { title: t("notices.data"), problems: data },
      ],
      t,
    );
  showNotices(warnings);
  const datasetLang = dataset.meta.source.language;
  document.title = `${pickText(dataset.meta.title, lang, datasetLang)} · ${t("app.name")}`;
  setState("loading");
  el.problems.hidden = true;

  const made: { look?: NodeLook } = {};
  // What to do once the layout has settled, set when the panels exist.
  const after = { settled: () => {} };
  const mounted = await mountGraph({
    signal,
    prepared,
    prepare: (graph, graphCtx) => {
      // The title decides the header's height, so it is there before the graph's box is measured.
      renderSummary(el.summary, graphCtx);
      // Sizes before the layout too: its collisions use them.
      made.look = new NodeLook(graphCtx, graph);
      made.look.apply(view.size, view.color);
    },
    container: el.graph,
    dataset,
    view,
    lang,
    t,
    theme: LIGHT,
    pushHistory: true,
    onSettled: () => {
      el.status.textContent = "";
      setState("settled");
      after.settled();
    },
    onLayoutError: (message) => {
      el.status.textContent = message;
    },
  });
  if (mounted === null || "rechecked" in mounted) return mounted;
  if ("error" in mounted) {
    console.warn("the graph cannot be drawn", mounted.error);
    return showWithoutGraph(el, mounted.ctx);
  }
  // The graph's first frame goes on screen before the panels are made, a frame later: made in the
  // same task as sigma's start, they held it back by about 0.1 s (the article, and 10,000 actors).
  // The graph's box is the same with and without them.
  await afterNextFrame();
  if (signal.aborted) {
    mounted.destroy();
    return null;
  }
  const { ctx, store, renderer, reducedMotion } = mounted;
  // The relations were checked once the graph was on screen, and their warnings with them.
  if (mounted.warnings) showNotices(mounted.warnings);
  const listening = new AbortController();
  const on = { signal: listening.signal };

  const filters = new FilterPanel(el.legend, ctx, mounted.filtered().dates, {
    types: (types) => store.update({ types }),
    kinds: (kinds) => store.update({ kinds }),
    range: (from, to) => store.update({ from, to }),
    hidden: (hidden) => store.update({ hidden }),
    size: (size) => store.update({ size }),
    color: (color) => store.update({ color }),
  }, { betweenness: mounted.graph.order <= MAX_BETWEENNESS_ACTORS });
  // mountGraph calls prepare before it returns a mounted graph.
  const look = made.look!;
  const table = new RelationTable(el.table, ctx, (selected) => store.update({ selected }, "push"));
  const search = new SearchBox(el.searchBox, ctx, {
    search: (query) => searchActors(ctx.data, query, lang),
    isShown: (actor) => mounted.filtered().actors.has(actor),
    choose: (actor) => {
      store.update({ selected: { kind: "actor", id: actor } }, "push");
      // Centred in what the details panel leaves free (its reveal, started by the update above, gives way to this).
      renderer.focusCamera(actor, !reducedMotion, coveredBy(el.details));
    },
  });
  const detailHandlers = {
    select: (selected: ViewState["selected"]) => store.update({ selected }, "push"),
    focus: (actor: string, depth: 1 | 2) => store.update({ focus: { actor, depth } }, "push"),
  };
  const share = new ShareDialog(ctx, mounted, () => {
    const { color } = store.get();
    return nodeKey(ctx, color, look.communityLegend(color));
  });
  const insights = new InsightsPanel(el.insights, ctx, {
    highlight: (group) => {
      renderer.setHighlight(group);
      if (!group) return;
      // Bring the group into the part of the graph the panel does not cover.
      renderer.frameNodes(group.nodes, coveredBy(el.insights), !reducedMotion);
    },
    select: (selected) => store.update({ selected }, "push"),
  });

  /** How much of the graph a panel covers: a side panel on the right (in Persian, the left), or one across the bottom of a narrow screen. */
  const coveredBy = (panel: HTMLElement): Cover => {
    const p = panel.getBoundingClientRect();
    const graph = el.graph.getBoundingClientRect();
    if (p.width >= graph.width * 0.8) {
      const bottom = graph.bottom - p.top;
      // A panel over most of the graph leaves no part to show the actors in: the view stays as it is.
      return { side: 0, bottom: bottom > 0 && bottom <= graph.height * 0.7 ? bottom : 0 };
    }
    const inset = lang === "fa" ? -(p.right - graph.left) : graph.right - p.left;
    return { side: Math.max(-graph.width, Math.min(graph.width, inset)), bottom: 0 };
  };

  const revealSelection = () => {
    const selected = store.get().selected;
    if (selected && !el.details.hidden) renderer.revealNodes(selectedActors(ctx, selected), coveredBy(el.details), !reducedMotion);
  };
  // A large graph's actors find their places only when its layout settles: one chosen from the
  // address was revealed at its starting place, and may now sit under the panel. Sigma places them
  // on screen at its next frame (asked for when they moved): the reveal comes in the frame after it.
  after.settled = () => requestAnimationFrame(revealSelection);

  mounted.subscribe((next, filtered, previous) => {
    renderSummary(el.summary, ctx, { actors: filtered.actors.size, relations: filtered.relations.size });
    insights.update(filtered.relations);
    table.update(filtered.relations, next.selected);
    if (!previous || next.size !== previous.size || next.color !== previous.color) {
      // The first view's look was applied in prepare, before the first frame.
      if (previous) look.apply(next.size, next.color);
      filters.showCommunities(look.communityLegend(next.color));
    }
    filters.update(next, filtered);
    if (!previous || next.selected !== previous.selected) {
      renderDetails(el.details, ctx, next.selected, detailHandlers, () => look.numbers(), (actor) =>
        analyseBalance(ctx.data, { visibleRelations: filtered.relations }).perActor.get(actor),
      );
      if (next.selected?.kind === "actor") el.announce.textContent = announceActor(ctx, next.selected.id, filtered.relations);
      // What was chosen must not sit under the panel that tells about it.
      revealSelection();
    }
    renderFocusBar(el.focusBar, ctx, next.focus, () => store.update({ focus: null }, "push"));
    el.lang.href = mounted.urlFor({ ...next, lang: lang === "fa" ? "en" : "fa" });
  });

  el.reset.addEventListener(
    "click",
    () => {
      store.set({ ...DEFAULT_VIEW, lang: store.get().lang, data: store.get().data }, "push");
      search.input.value = "";
      renderer.sigma.getCamera().animatedReset({ duration: reducedMotion ? 0 : 300 });
    },
    on,
  );
  el.copy.addEventListener(
    "click",
    () => {
      navigator.clipboard
        .writeText(location.href)
        .then(() => t("share.copied"))
        .catch(() => t("share.failed"))
        .then((message) => {
          el.announce.textContent = message;
          el.copy.textContent = message;
          setTimeout(() => (el.copy.textContent = t("share.copy")), 2000);
        });
    },
    on,
  );
  el.share.addEventListener("click", () => share.open(), on);
  const toggleTable = () => {
    table.toggle();
    el.tableOpen.setAttribute("aria-expanded", String(table.isOpen()));
  };
  el.tableOpen.addEventListener("click", toggleTable, on);
  el.insightsOpen.addEventListener(
    "click",
    () => {
      insights.toggle();
      el.insightsOpen.setAttribute("aria-expanded", String(insights.isOpen()));
    },
    on,
  );
  document.addEventListener(
    "keydown",
    (event) => {
      const target = event.target as HTMLElement | null;
      const typing = target !== null && target.closest("input, textarea, select, [contenteditable]") !== null;
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        search.focus();
      } else if (event.key.startsWith("Arrow") && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        const current = store.get().selected;
        if (current?.kind !== "actor") return;
        const next = neighbourToward(mounted, current.id, event.key);
        if (next === null) return;
        event.preventDefault();
        store.update({ selected: { kind: "actor", id: next } }, "push");
      } else if ((event.key === "t" || event.key === "T") && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        toggleTable();
      } else if (event.key === "Escape" && !share.isOpen()) {
        const current = store.get();
        if (current.selected || current.focus) store.update({ selected: null, focus: null }, "push");
      }
    },
    on,
  );

  const destroy = () => {
    listening.abort();
    filters.stop();
    insights.close();
    share.destroy();
    mounted.destroy();
    renderDetails(el.details, ctx, null, detailHandlers);
    renderFocusBar(el.focusBar, ctx, null, () => undefined);
  };
  // A large graph's panels were made in this task; the view's first rendering in them and the
  // layout's start (its input: every relation's ends) come in the next (together some 60 ms at
  // 10,000 actors on a slow machine, the longest task while its layout ran).
  if (!renderer.relationsShown()) {
    await nextTask();
    if (signal.aborted) {
      destroy();
      return null;
    }
  }
  el.status.textContent = t(renderer.relationsShown() ? "layout.running" : "layout.runningLarge");
  setState("ready");
  mounted.start();
  return { destroy };
}

/**
 * Without WebGL there is no graph, but the relations are still there to read:
 * the table lists them all, a row opens its evidence, and a notice says why the
 * graph is missing. Nothing else of the page depends on the renderer.
 */
function showWithoutGraph(el: Shell, ctx: UiContext): Shown {
  const { t } = ctx;
  const all = new Set(ctx.data.relations.keys());
  renderMessage(el.notices, [t("graph.noWebgl"), t("graph.tableInstead")], t);
  renderSummary(el.summary, ctx, { actors: ctx.data.actors.size, relations: all.size });
  const handlers = {
    select: (selection: ViewState["selected"]) => choose(selection),
    focus: () => undefined,
  };
  const table = new RelationTable(el.table, ctx, (selection) => choose(selection));
  const choose = (selection: ViewState["selected"]) => {
    table.update(all, selection);
    renderDetails(el.details, ctx, selection, handlers);
  };
  table.update(all, null);
  if (!table.isOpen()) table.toggle();
  const listening = new AbortController();
  el.tableOpen.addEventListener("click", () => table.toggle(), { signal: listening.signal });
  document.body.dataset.graph = "unavailable";
  setState("settled");
  return {
    destroy: () => {
      listening.abort();
      delete document.body.dataset.graph;
      if (table.isOpen()) table.toggle();
      renderDetails(el.details, ctx, null, handlers);
    },
  };
}

export async function runFull(): Promise<void> {
  addAppWords(appWords);
  const started = await start();
  const { lang, t } = started;
  document.documentElement.lang = lang;
  document.documentElement.dir = direction(lang);
  const el = shell(t, lang);
  let current: Shown | null = null;
  // Showing a large dataset takes more than one task: a later dataset may arrive meanwhile, and wins.
  let showing = new AbortController();
  const show = async (dataset: Dataset, view: ViewState, warnings: readonly Problem[], notices: readonly Problem[], prepared?: Prepared) => {
    showing.abort();
    const mine = (showing = new AbortController());
    current?.destroy();
    current = null;
    const shown = await showDataset(el, mine.signal, dataset, view, lang, t, warnings, notices, prepared);
    if (shown && "rechecked" in shown) {
      // Shown on the check of all but its relations, the dataset is not what the whole check gave.
      const { rechecked } = shown;
      if (mine.signal.aborted) return;
      if (rechecked.ok) {
        const again = shownAgain(rechecked.value);
        return show(rechecked.value, again.view, rechecked.problems, again.notices, again.prepared);
      }
      // Nothing of the dataset stays: its title and summary came with its first frame.
      el.summary.replaceChildren();
      document.title = t("app.name");
      renderProblems(el.problems, rechecked.problems, t);
      setState("error");
      return;
    }
    if (!mine.signal.aborted) current = shown;
    else shown?.destroy();
  };

  const importer = new ImportUi(el.openFile, el.importPanel, t, {
    // A new dataset replaces the old only once it has been read, parsed and validated.
    loaded: (dataset, warnings) => {
      const view: ViewState = { ...DEFAULT_VIEW, lang: started.ok ? started.view.lang : null };
      history.pushState(null, "", `${location.pathname}${serializeView(view)}`);
      void show(dataset, view, warnings, []);
    },
  });
  importer.listenForDrops(document.body);

  if (!started.ok) {
    renderNotices(el.notices, [{ title: t("notices.url"), problems: started.notices }], t);
    renderProblems(el.problems, started.problems, t);
    setState("error");
    return;
  }
  await show(started.dataset, started.view, started.warnings, started.notices, started.prepared);
}
