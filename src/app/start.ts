/**
 * What both entry points do first: read the view from the URL, load the
 * dataset it names (or the bundled one) and check the view against it.
 * Every failure comes back as problems.
 */
import type { Dataset } from "../core/dataset";
import { lookup, type DatasetLookup } from "../core/dataset/lookup";
import { startGraph, type GraphUnderway } from "../core/graph";
import { filtersNothing, prepareFilters } from "../core/filter";
import { chooseLang, translator, type Lang, type Translate } from "../core/i18n";
import type { Problem, Result } from "../core/problems";
import { parseView, reconcileView, type ViewState } from "../core/view";
import { seedSpiral } from "../layout/supervisor";
import { applyActorLook } from "../render/appearance";
import { PairGraph } from "../render/pairs";
import { renderProfile } from "../render/profile";
import { loadDataset } from "./load";
import type { Prepared } from "./mount";
import { nextTask } from "./next-task";
import { bundledDatasetUrl, fontsReady, takeEarly } from "./preload";

export type Started =
  | {
      ok: true;
      dataset: Dataset;
      view: ViewState;
      lang: Lang;
      t: Translate;
      notices: Problem[];
      warnings: readonly Problem[];
      /** The dataset's lookup, and its graph in `lang` when it was built while the dataset was checked (see load.ts). */
      prepared: Prepared;
    }
  | { ok: false; lang: Lang; t: Translate; notices: Problem[]; problems: readonly Problem[] };

/** What was made from the parsed text while the worker checked it. */
interface Speculated {
  lang: Lang;
  /** The graph's actors, its relations still to come. */
  underway: GraphUnderway;
  data: DatasetLookup;
  pairs: PairGraph;
}

/** The view the address asks for (as parsed already, or read now), checked against a dataset's lookup, with what of it could not be kept. */
export function addressView(data: DatasetLookup, parsed = parseView(location.search, location.href)): { view: ViewState; notices: Problem[] } {
  const reconciled = reconcileView(parsed.view, data);
  return { view: reconciled.view, notices: [...parsed.notices, ...reconciled.notices] };
}

/**
 * A dataset to show again as its whole check left it (see mount.ts's Rechecked): its lookup, the
 * address's view checked against it, and nothing prepared ahead.
 */
export function shownAgain(dataset: Dataset): { view: ViewState; notices: Problem[]; prepared: Prepared } {
  const data = lookup(dataset);
  return { ...addressView(data), prepared: { data, graph: null, relations: null, pairs: null, checked: null } };
}

export async function start(): Promise<Started> {
  const parsed = parseView(location.search, location.href);
  // Until the dataset is read, its language is unknown: a failure to load it is told in the reader's.
  const readerLang = chooseLang(parsed.view.lang, undefined, navigator.languages);
  const url = parsed.view.data ?? bundledDatasetUrl;
  const early = takeEarly(url);
  // A large dataset's actors (with their look, and the pairs sigma draws of them), lookup and filters'
  // index are made while a worker checks it: the page would otherwise wait idle for the verdict,
  // then make them. The relations join the graph after its first frame, which has none of them to
  // draw (see mount.ts). The parsed text may be anything then.
  const whileChecking = async (text: unknown, useful: () => boolean): Promise<Speculated | null> => {
    const unchecked = text as Dataset;
    if (!renderProfile(unchecked.relations.length).large) return null;
    const lang = chooseLang(parsed.view.lang, unchecked.meta.source.language, navigator.languages);
    const turn = () => nextTask().then(useful);
    if (!(await turn())) return null;
    const underway = startGraph(unchecked, lang);
    if (!(await turn())) return null;
    applyActorLook(underway.graph);
    const data = lookup(unchecked);
    if (!(await turn())) return null;
    // A view that filters nothing shows every actor in the first frame: the filters are needed only after it (see mount.ts).
    if (!filtersNothing(parsed.view)) {
      prepareFilters(data);
      if (!(await turn())) return null;
    }
    // The actors where the layout starts them, before the pairs copy their places: placed after the
    // verdict, they were copied again, on the way to the first frame.
    seedSpiral(underway.graph);
    return { lang, underway, data, pairs: PairGraph.ahead(underway, unchecked) };
  };
  const [result] = await Promise.all([
    loadDataset(url, translator(readerLang), { trusted: parsed.view.data === null, response: early?.response, fetched: early?.fetched, checker: early?.checker, whileChecking }),
    fontsReady(),
  ]);
  const failed = (problems: readonly Problem[]): Started => ({ ok: false, lang: readerLang, t: translator(readerLang), notices: parsed.notices, problems });
  if (!result.ok) return failed(result.problems);
  // Reading a large dataset was one long task and building its graph is the next: the page gets a turn between.
  if (renderProfile(result.value.relations.length).large) await nextTask();
  const lang = chooseLang(parsed.view.lang, result.value.meta.source.language, navigator.languages);
  const t = translator(lang);
  const kept = result.built?.lang === lang ? result.built : null;
  // A graph built in another language is dropped, and the pairs following it with it.
  if (result.built && !kept) result.built.pairs.dispose();
  let checked: Result<Dataset> = result;
  // Without the graph built meanwhile, the graph is built with its relations before the first frame: from the dataset checked whole.
  if (!kept && result.rest) checked = await result.rest;
  if (!checked.ok) return failed(checked.problems);
  // The lookup does not depend on the language; the graph's labels do.
  const data = result.built && checked.value === result.value ? result.built.data : lookup(checked.value);
  const { view, notices } = addressView(data, parsed);
  return {
    ok: true,
    dataset: checked.value,
    view,
    lang,
    t,
    notices,
    warnings: checked.problems,
    prepared: kept
      ? { data, graph: kept.underway.graph, relations: kept.underway, pairs: kept.pairs, checked: result.rest ?? null }
      : { data, graph: null, relations: null, pairs: null, checked: null },
  };
}
