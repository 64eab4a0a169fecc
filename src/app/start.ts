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
import { nextTask } from "./next-task";
import { bundledDatasetUrl, fontsReady, takeEarlyResponse } from "./preload";

export type Started =
  | { ok: true; dataset: Dataset; view: ViewState; lang: Lang; t: Translate; notices: Problem[]; warnings: readonly Problem[] }
  | { ok: false; lang: Lang; t: Translate; notices: Problem[]; problems: readonly Problem[] };

export async function start(): Promise<Started> {
  const parsed = parseView(location.search, location.href);
  // Until the dataset is read, its language is unknown: a failure to load it is told in the reader's.
  const readerLang = chooseLang(parsed.view.lang, undefined, navigator.languages);
  const url = parsed.view.data ?? bundledDatasetUrl;
  const [result] = await Promise.all([loadDataset(url, translator(readerLang), { trusted: parsed.view.data === null, response: takeEarlyResponse(url) }), fontsReady()]);
  if (!result.ok) return { ok: false, lang: readerLang, t: translator(readerLang), notices: parsed.notices, problems: result.problems };
  // Reading a large dataset was one long task and building its graph is the next: the page gets a turn between.
  if (renderProfile(result.value.relations.length).large) await nextTask();
  const lang = chooseLang(parsed.view.lang, result.value.meta.source.language, navigator.languages);
  const t = translator(lang);
  const reconciled = reconcileView(parsed.view, lookup(result.value));
  return {
    ok: true,
    dataset: result.value,
    view: reconciled.view,
    lang,
    t,
    notices: [...parsed.notices, ...reconciled.notices],
    warnings: result.problems,
  };
}
