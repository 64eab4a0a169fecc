/**
 * The graph view both entry points share: the graph model, its appearance,
 * the WebGL renderer, the layout worker, and one view store whose changes
 * reach the renderer, the URL and whoever subscribes.
 */
import type { Dataset } from "../core/dataset";
import { lookup, type DatasetLookup } from "../core/dataset/lookup";
import { applyFilters, filtersNothing, prepareFilters, type FilterResult } from "../core/filter";
import { buildGraph, buildGraphInSteps, type EntenteGraph, type GraphUnderway } from "../core/graph";
import type { Lang, Translate } from "../core/i18n";
import type { Problem, Result } from "../core/problems";
import { parseView, reconcileView, serializeView, type ViewState } from "../core/view";
import { LayoutSupervisor, settlesUpFront } from "../layout/supervisor";
import { applyAppearance, applyRelationLook } from "../render/appearance";
import type { PairGraph } from "../render/pairs";
import { renderProfile } from "../render/profile";
import { GraphRenderer, type Settling, type Visibility } from "../render/renderer";
import type { Theme } from "../render/theme";
import type { UiContext } from "../ui/context";
import { exposeAutomation } from "./automation";
import { afterNextFrame, nextTask } from "./next-task";
import { FONT } from "./preload";
import { ViewStore, type Remember } from "./store";

export type ViewListener = (view: ViewState, filtered: FilterResult, previous: ViewState | null) => void;

export interface Prepared {
  data: DatasetLookup;
  /**
   * Built while the dataset was checked, its actors with their look and where the layout starts
   * them (seedSpiral), in the language the page shows; its relations are still to be added (`relations`).
   */
  graph: EntenteGraph | null;
  /** The same graph's relations, added here after the graph's first frame (which does not draw them). */
  relations: GraphUnderway | null;
  /** For a large graph, what sigma will draw of it (render/pairs.ts), made with it. */
  pairs: PairGraph | null;
  /**
   * Where the dataset was kept on the verdict on all of it but its relations (see load.ts): the
   * dataset to show once the whole is checked. The relations are added to the graph only then.
   */
  checked: Promise<Result<Dataset>> | null;
}

/**
 * The dataset checked whole is not the one being shown (see Prepared's `checked`): its problems,
 * or the dataset as the check left it, to be shown instead.
 */
export interface Rechecked {
  rechecked: Result<Dataset>;
}

export interface MountOptions {
  container: HTMLElement;
  dataset: Dataset;
  view: ViewState;
  lang: Lang;
  t: Translate;
  theme: Theme;
  /** Parameters of the page's own that the view does not own (embed=1, theme, height), kept in the URL. */
  extraQuery?: string;
  /** An embed must not add entries to its host page's history. */
  pushHistory: boolean;
  onSettled(): void;
  onLayoutError(message: string): void;
  /** Aborted when another dataset is to be shown instead: a mount still under way then stops and returns null. */
  signal?: AbortSignal;
  /** What start() already made of this dataset: its lookup, and its graph in `lang` when it was built while the dataset was checked (see load.ts). */
  prepared?: Prepared;
  /**
   * The entry point's own set-up before the layout and the first frame: sizes and colours from the
   * view, and whatever changes the graph's box (a header that grows after the first frame would leave it stretched).
   */
  prepare?(graph: EntenteGraph, ctx: UiContext): void;
}

export interface Mounted {
  ctx: UiContext;
  graph: EntenteGraph;
  renderer: GraphRenderer;
  layout: LayoutSupervisor;
  store: ViewStore;
  filtered(): FilterResult;
  subscribe(listener: ViewListener): void;
  /** Gives every subscriber the view and starts the layout: once the entry point has subscribed and set its status. */
  start(): void;
  /** The page's address for a view (the current one by default). */
  urlFor(view?: ViewState): string;
  reducedMotion: boolean;
  /** The dataset's warnings, where they came once the graph was on screen (see Prepared's `checked`). */
  warnings: readonly Problem[] | null;
  /** Stops the layout, frees the WebGL contexts and unbinds every listener: before another dataset is shown. */
  destroy(): void;
}

/** `f`, called the first time only. */
function once(f: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    f();
  };
}

/** What the renderer needs of the filters' result. */
function visibilityOf(filtered: FilterResult, mode: ViewState["hidden"]): Visibility {
  const { actors, relations, actorMask, relationMask } = filtered;
  return { actors, relations, actorMask, relationMask, mode };
}

/**
 * Gives a graph its appearance, as its size has it drawn (render/profile.ts): the same whether the
 * page does it while a worker checks the dataset (start.ts) or here.
 */
export function giveLook(graph: EntenteGraph, dataset: Dataset): void {
  applyAppearance(graph, dataset, renderProfile(graph.size, graph.order));
}

/** Relations added per task after a large graph's first frame, while it is on screen: 20-30 ms each on a slow machine (2,500 took 40-55 ms). */
const RELATIONS_STEP = 1500;

/** Lines given to sigma per task once a large graph's layout has settled: 10-20 ms each on a slow machine. */
const LINES_STEP = 2500;

/** Lines sigma's processing writes into its buffers per task, after them (see render/stepped-process.ts). */
const PROCESS_STEP = 10_000;

/**
 * Adds the relations of a graph built while its dataset was checked, and their look (see giveLook),
 * a task at a time; false if a turn says to stop.
 */
async function addRelations(underway: GraphUnderway, dataset: Dataset, turn: () => Promise<boolean>): Promise<boolean> {
  const steps = underway.addRelations(RELATIONS_STEP);
  for (;;) {
    if (!(await turn())) return false;
    const step = steps.next();
    if (step.done) break;
  }
  if (!(await turn())) return false;
  const graph = underway.graph;
  applyRelationLook(graph, dataset, renderProfile(graph.size, graph.order));
  performance.mark("entente:graph-built");
  return true;
}

/** The graph, built a step at a time, `turn` (the page's turn) coming before each; null if a turn says to stop. */
export async function buildInSteps(dataset: Dataset, lang: Lang, turn: () => Promise<boolean>): Promise<EntenteGraph | null> {
  const steps = buildGraphInSteps(dataset, lang);
  for (;;) {
    if (!(await turn())) return null;
    const step = steps.next();
    if (step.done) {
      // A milestone for the profiler and the tests: a large graph built (once, when it was built while its dataset was checked).
      performance.mark("entente:graph-built");
      return step.value;
    }
  }
}

/**
 * On failure (no WebGL), the dataset's lookup comes back too, for a view without the graph.
 * For large graphs the dataset's indices, the graph (a step at a time), its appearance, the filters
 * and sigma's indexing are each a task of their own, the page getting a turn between them; null
 * when `signal` was aborted meanwhile.
 */
export async function mountGraph(options: MountOptions): Promise<Mounted | Rechecked | { error: unknown; ctx: UiContext } | null> {
  const made: Made = {};
  try {
    return await mount(options, made);
  } catch (cause) {
    // Shown before its relations were checked, a dataset may hold relations that trip what reads them first.
    const whole = await options.prepared?.checked;
    const other = whole && recheck(whole, options.dataset);
    if (other) {
      made.layout?.kill();
      made.renderer?.kill();
      return other;
    }
    throw cause;
  }
}

/** The dataset checked whole, where it is not the one shown (see Rechecked); null where it is. */
function recheck(whole: Result<Dataset>, shown: Dataset): Rechecked | null {
  return !whole.ok || whole.value !== shown ? { rechecked: whole } : null;
}

/** What a mount under way has started, to stop if it fails. */
interface Made {
  layout?: LayoutSupervisor;
  renderer?: GraphRenderer;
}

async function mount(options: MountOptions, made: Made): Promise<Mounted | Rechecked | { error: unknown; ctx: UiContext } | null> {
  const { dataset, lang, t } = options;
  const large = renderProfile(dataset.relations.length).large;
  // Each step of showing a large dataset is a task of its own, so the page gets a turn between them.
  const turn = async () => {
    if (large) await nextTask();
    return !options.signal?.aborted;
  };
  if (!(await turn())) return null;
  const ctx: UiContext = { data: options.prepared?.data ?? lookup(dataset), lang, t };
  const graph = options.prepared?.graph ?? (large ? await buildInSteps(dataset, lang, turn) : buildGraph(dataset, lang));
  if (!graph) return null;
  // A graph built while its dataset was checked has no relation yet: they come after its first frame.
  const relationsToCome = options.prepared?.graph === graph ? options.prepared.relations : null;
  const profile = renderProfile(dataset.relations.length, graph.order);
  if (!(await turn())) return null;
  if (!options.prepared?.graph) giveLook(graph, dataset);
  options.prepare?.(graph, ctx);
  if (!(await turn())) return null;
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  let warnings: readonly Problem[] | null = null;
  /** Before the relations join the graph: the verdict on the whole, when the dataset was shown on its part's; null to go on. */
  const checkedWhole = async (): Promise<Rechecked | null> => {
    const whole = await options.prepared?.checked;
    if (!whole) return null;
    const other = recheck(whole, dataset);
    if (!other) warnings = whole.problems;
    return other;
  };

  // A file laid out elsewhere (Gephi) keeps its layout: no simulation moves it.
  const placedAll = graph.order > 0 && graph.everyNode((_node, attributes) => attributes.placed);
  // Its relations are drawn in the first frame: they cannot come after it.
  if (relationsToCome && placedAll) {
    const other = await checkedWhole();
    if (other) return other;
    if (!(await addRelations(relationsToCome, dataset, turn))) return null;
  }
  const addedLater = relationsToCome && !placedAll ? relationsToCome : null;
  // The layout is made before the renderer (a small graph settles before the first frame), but it
  // reports nothing before start() below: the renderer exists by then.
  let renderer!: GraphRenderer;
  // Milestones in the Performance timeline, for the benchmark and the browser's profiler, the first
  // time only (a drag later settles the layout again, which is not the page's load): the settled
  // positions come, and the settled layout is on screen.
  const markPositions = once(() => performance.mark("entente:layout-positions"));
  const settledMarked = once(() => performance.mark("entente:layout-settled"));
  const markSettled = () => void afterNextFrame().then(settledMarked);
  const layout = (made.layout = new LayoutSupervisor(graph, {
    radius: (node) => graph.getNodeAttribute(node, "size") ?? 6,
    // Large graphs show only the settled layout: each intermediate position update made sigma
    // re-process every edge on the main thread (about 2 s per update at 40,000 relations on a
    // shared two-core machine). The actors show at their starting places meanwhile, without their
    // relations (relationsLater), and panning stays fluid.
    finalOnly: reducedMotion || profile.large,
    settleUpFront: settlesUpFront(graph.order, dataset.relations.length),
    seeded: Boolean(options.prepared?.graph),
    schedule: (callback) => requestAnimationFrame(callback),
    onSettling: markPositions,
    onSettled: () => void settle(),
    onError: (message) => {
      const steps = renderer.showRelations();
      while (!steps.next().done);
      options.onLayoutError(message);
    },
  }));
  /**
   * Only a large graph's settling processes in steps and draws its frame aside: their modules are
   * asked for when the layout starts (not on the way to the first frame), and load while it runs.
   */
  let settling: Promise<Settling | null> | null = null;
  const loadSettling = () =>
    Promise.all([import("../render/stepped-process"), import("../render/frame-aside")]).then(
      ([stepped, aside]) => ({ processInSteps: stepped.processInSteps, step: PROCESS_STEP, FrameAside: aside.FrameAside }),
      () => null,
    );
  /** A large graph's relations, held back until now, given to sigma a task at a time (see showRelations), then the settled layout on screen. */
  const settle = async () => {
    const loaded = await settling;
    if (ended) return;
    const steps = renderer.showRelations(LINES_STEP, loaded ?? undefined);
    while (!steps.next().done) {
      await nextTask();
      if (ended) return;
    }
    // Settled once the frame that draws the relations is on screen: it is put on the canvas in
    // sigma's animation frame, or in the task after the one that finds it drawn aside; the next
    // frame's commit shows it.
    await renderer.whenFrameShown();
    await afterNextFrame();
    if (ended) return;
    settledMarked();
    options.onSettled();
  };
  /** Once what this mount made is stopped: another dataset is shown. */
  let ended = false;

  const store = new ViewStore(options.view);
  // A view that filters nothing shows every actor: a first frame that draws only them (its relations
  // come after it) does not wait for the filters, some 0.1 s at 10,000 actors.
  const first = addedLater && filtersNothing(options.view) ? null : applyFilters(ctx.data, options.view);
  if (!(await turn())) {
    layout.kill();
    return null;
  }
  try {
    renderer = new GraphRenderer(
      graph,
      options.container,
      {
        select: (selection) => store.update({ selected: selection }, "push"),
        drag: (node, x, y) => layout.pin(node, x, y),
      },
      {
        labelFont: `${FONT}, sans-serif`,
        theme: options.theme,
        profile,
        relationsLater: profile.large && !placedAll,
        pairs: options.prepared?.pairs,
        initial: {
          visibility: first && visibilityOf(first, options.view.hidden),
          selection: options.view.selected,
        },
      },
    );
    made.renderer = renderer;
  } catch (error) {
    // No graph to lay out: a worker started for it would only use the machine.
    layout.kill();
    options.prepared?.pairs?.dispose();
    return { error, ctx };
  }
  /** Stops what this mount started: another dataset is to be shown. */
  const drop = (): null => {
    ended = true;
    layout.kill();
    renderer.kill();
    return null;
  };
  // Sigma draws its first frame while it is constructed; it is on screen after the next frame's commit.
  void afterNextFrame().then(() => performance.mark("entente:first-frame"));
  // Where WebGL is software, that frame is a 2D picture of sigma's (render/poster.ts); sigma's own follows.
  void renderer.whenWebGLShown().then(afterNextFrame).then(() => performance.mark("entente:webgl-frame"));
  // A layout settled before that frame (or brought by the file) is what it shows: nothing moves after.
  if (placedAll || layout.settledUpFront) markSettled();
  if (addedLater) {
    // The first frame goes on screen before the relations join the graph: it draws none of them
    // (relationsLater), and adding 40,000 of them took about 0.4 s that it waited for.
    await afterNextFrame();
    const other = await checkedWhole();
    if (other) {
      drop();
      return other;
    }
    if (!(await addRelations(addedLater, dataset, turn))) return drop();
    renderer.relationsAdded();
  }
  if (!first && large) {
    // Indexing the filters and filtering, each a task of its own (some 50 ms each at 10,000 actors).
    if (!(await turn())) return drop();
    prepareFilters(ctx.data);
    if (!(await turn())) return drop();
  }
  let filtered = first ?? applyFilters(ctx.data, options.view);
  // Filtering 40,000 relations takes a task of its own too; the panels are made in the next.
  if (!first && large && !(await turn())) return drop();

  const extra = options.extraQuery ? `&${options.extraQuery}` : "";
  const urlFor = (view: ViewState = store.get()) => {
    const query = serializeView(view);
    const search = query ? `${query}${extra}` : extra ? `?${extra.slice(1)}` : "";
    return `${location.pathname}${search}${location.hash}`;
  };

  const listeners: ViewListener[] = [];
  const filterKey = (v: ViewState) => JSON.stringify([v.types, v.kinds, v.from, v.to, v.focus]);
  // The filters' result is computed again only when the filters change: the renderer started with the first one.
  let filteredKey = filterKey(options.view);
  const render = (view: ViewState, previous: ViewState | null, remember: Remember) => {
    const key = filterKey(view);
    if (key !== filteredKey) {
      filtered = applyFilters(ctx.data, view);
      filteredKey = key;
      renderer.setVisibility(visibilityOf(filtered, view.hidden));
    } else if (previous && view.hidden !== previous.hidden) {
      renderer.setVisibility(visibilityOf(filtered, view.hidden));
    }
    if (!previous || key !== filterKey(previous)) {
      options.container.setAttribute(
        "aria-label",
        t("graph.label", { actors: filtered.actors.size, relations: filtered.relations.size }),
      );
    }
    if (!previous || view.selected !== previous.selected) renderer.setSelection(view.selected);
    for (const listener of listeners) listener(view, filtered, previous);
    const url = urlFor(view);
    if (remember === "push" && options.pushHistory) history.pushState(null, "", url);
    else if (remember !== "restore") history.replaceState(null, "", url);
  };
  store.subscribe(render);

  const listening = new AbortController();
  window.addEventListener(
    "popstate",
    () => {
      const next = reconcileView(parseView(location.search, location.href).view, ctx.data).view;
      store.set(next, "restore");
    },
    { signal: listening.signal },
  );

  exposeAutomation({ renderer, layout, graph, view: () => store.get(), shown: () => filtered });
  let started = false;

  return {
    ctx,
    graph,
    renderer,
    layout,
    store,
    filtered: () => filtered,
    subscribe: (listener) => listeners.push(listener),
    start: () => {
      if (started) return;
      started = true;
      render(store.get(), null, "replace");
      if (profile.large) settling = loadSettling();
      if (placedAll) options.onSettled();
      // A large graph's layout starts in a task of its own, after the panels': its input is read from every relation.
      else if (profile.large) {
        void nextTask().then(() => {
          if (!ended) layout.start();
        });
      } else layout.start();
    },
    urlFor,
    reducedMotion,
    warnings,
    destroy: () => {
      ended = true;
      started = true;
      listening.abort();
      listeners.length = 0;
      layout.kill();
      renderer.kill();
    },
  };
}
