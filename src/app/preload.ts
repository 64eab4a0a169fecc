/**
 * What the page will need before it can draw, asked for as soon as its first
 * script runs: the label font and the dataset (the bundled one, or the one the
 * address names). Without this they were requested only once the app's chunks
 * had loaded and run, a tenth to a fifth of a second later.
 */
import bundledDatasetUrl from "../../data/russia-france-coalition.json?url";
import { prepareFormats } from "../core/i18n/formats";
import { likelyLangs } from "../core/i18n/lang";
import { datasetAddress } from "../core/view/query";
import { startChecker, startFetching, type Checker } from "./checker";
import { mayBeLarge, type Fetched } from "./fetch-text";
import { offerCanvas } from "../render/canvas-ahead";

export const FONT = "Vazirmatn";
export { bundledDatasetUrl };

let fonts: Promise<void> | null = null;

/** Resolves once both weights of the label font are loaded (or failed: the labels then use a fallback). */
export function fontsReady(): Promise<void> {
  // Labels are drawn on a canvas, which does not wait for web fonts by itself.
  fonts ??= Promise.all([
    document.fonts.load(`400 13px ${FONT}`, "Russia روسیه"),
    document.fonts.load(`700 13px ${FONT}`, "Russia روسیه"),
  ]).then(
    () => undefined,
    () => undefined,
  );
  return fonts;
}

/** How long a dataset's download may take, from the request to the last byte. */
export const DATASET_TIMEOUT_MS = 20_000;

/** The most a dataset address may send, as for a file opened from disk. */
export const LOAD_SIZE_LIMIT = 50 * 1024 * 1024;

/** What preload() started for a dataset's address: a worker fetching it, or else a request of the page's own. */
export interface Early {
  fetched?: Promise<Fetched | null>;
  response?: Promise<Response>;
  checker: Promise<Checker | null>;
}

let early: (Early & { url: string }) | null = null;

/**
 * What preload() started for `url`, once: null if it started nothing for that address (the app then
 * fetches it itself).
 */
export function takeEarly(url: string): Early | null {
  if (early?.url !== url) {
    // Not what the app asks for after all: let go of the request and the worker.
    void early?.checker.then((checker) => checker?.dispose());
    void early?.response?.then((response) => response.body?.cancel()).catch(() => undefined);
    early = null;
    return null;
  }
  const taken = early;
  early = null;
  return taken;
}

/**
 * Starts the downloads. The app's own fetch of the bundled dataset is served from the preload. A
 * dataset named in the address is fetched by a worker (see startFetching), within its size limit, so
 * that a server sending too much is cut off as before (a preload link would read it all); where no
 * worker starts, it is fetched here and its body read by the app.
 */
export function preload(search: string, href: string): void {
  void fontsReady();
  prepareFormatsWhenIdle(search);
  if (new URLSearchParams(search).has("data")) {
    const url = datasetAddress(search, href);
    if (url === undefined) return;
    const fetching = startFetching(url, DATASET_TIMEOUT_MS, LOAD_SIZE_LIMIT);
    if (fetching) {
      early = { url, fetched: fetching.fetched, checker: Promise.resolve(fetching.checker) };
      warmCanvasWhile(fetching.fetched);
      return;
    }
    const response = fetch(url, { signal: AbortSignal.timeout(DATASET_TIMEOUT_MS) });
    warmCanvasWhile(response);
    // Its failure is the app's to report, when it takes the response.
    response.catch(() => undefined);
    // The worker that checks a large dataset (see load.ts) loads while the text comes in, on a thread of its own.
    const checker = response.then((r) => (mayBeLarge(r) ? startChecker() : null)).catch(() => null);
    early = { url, response, checker };
    return;
  }
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = bundledDatasetUrl;
  document.head.append(link);
}

/**
 * Dates and numbers are formatted before the first frame (the summary's source line), and the first
 * formatter a page makes starts the internationalisation library: 25-35 ms on a slow machine, while
 * the page is otherwise idle waiting for its chunks, its font and its dataset.
 */
function prepareFormatsWhenIdle(search: string): void {
  if (typeof requestIdleCallback !== "function") return;
  // Each its own idle task: an idle period too short for both leaves the second to the next.
  for (const lang of likelyLangs(new URLSearchParams(search).get("lang"), navigator.languages)) {
    requestIdleCallback(() => prepareFormats(lang));
  }
}

/**
 * While a dataset comes from the network, the page makes sigma's canvas and has the compositor read
 * it a few times (see render/warm-canvas.ts), until the dataset has come.
 */
function warmCanvasWhile(coming: Promise<unknown>): void {
  let waiting = true;
  const done = () => (waiting = false);
  coming.then(done, done);
  import("../render/warm-canvas").then(
    (warming) => {
      const canvas = warming.warmCanvas(() => waiting);
      if (canvas) offerCanvas(canvas);
    },
    // Only a head start is lost.
    () => undefined,
  );
}
