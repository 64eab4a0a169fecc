/**
 * What both entry points do first: read the view from the URL, load the
 * dataset it names (or the bundled one) and check the view against it.
 * Every failure comes back as problems.
 */
import type { Dataset } from "../core/dataset";
import { lookup } from "../core/dataset/lookup";
import { chooseLang, translator, type Lang, type Translate } from "../core/i18n";
import type { Problem } from "../core/problems";
import { parseView, reconcileView, type ViewState } from "../core/view";
import { renderProfile } from "../render/profile";
import { loadDataset } from "./load";
import { buildInSteps, type Prepared } from "./mount";
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

export async function start(): Promise<Started> {
  const parsed = parseView(location.search, location.href);
  // Until the dataset is read, its language is unknown: a failure to load it is told in the reader's.
  const readerLang = chooseLang(parsed.view.lang, undefined, navigator.languages);
  const url = parsed.view.data ?? bundledDatasetUrl;
  const early = takeEarly(url);
  // A large dataset's graph is built while a worker checks it; the parsed text may be anything then.
  const whileChecking = async (text: unknown, useful: () => boolean) => {
    const unchecked = text as Dataset;
    if (!renderProfile(unchecked.relations.length).large) return null;
    const lang = chooseLang(parsed.view.lang, unchecked.meta.source.language, navigator.languages);
    const graph = await buildInSteps(unchecked, lang, () => nextTask().then(useful));
    return graph && { lang, graph };
  };
  const [result] = await Promise.all([
    loadDataset(url, translator(readerLang), { trusted: parsed.view.data === null, response: early?.response, checker: early?.checker, whileChecking }),
    fontsReady(),
  ]);
  if (!result.ok) return { ok: false, lang: readerLang, t: translator(readerLang), notices: parsed.notices, problems: result.problems };
  // Reading a large dataset was one long task and building its graph is the next: the page gets a turn between.
  if (renderProfile(result.value.relations.length).large) await nextTask();
  const lang = chooseLang(parsed.view.lang, result.value.meta.source.language, navigator.languages);
  const t = translator(lang);
  const data = lookup(result.value);
  const reconciled = reconcileView(parsed.view, data);
  return {
    ok: true,
    dataset: result.value,
    view: reconciled.view,
    lang,
    t,
    notices: [...parsed.notices, ...reconciled.notices],
    warnings: result.problems,
    prepared: { data, graph: result.built?.lang === lang ? result.built.graph : null },
  };
}
