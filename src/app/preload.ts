/**
 * What the page will need before it can draw, asked for as soon as its first
 * script runs: the label font and the bundled dataset. Without this they were
 * requested only once the app's chunks had loaded and run, a tenth of a second later.
 */
import bundledDatasetUrl from "../../data/russia-france-coalition.json?url";

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

/** Starts the downloads; the app's own fetch of the bundled dataset is then served from the preload. */
export function preload(search: string): void {
  void fontsReady();
  if (new URLSearchParams(search).has("data")) return;
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = bundledDatasetUrl;
  document.head.append(link);
}
