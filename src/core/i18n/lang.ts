/** The languages Entente speaks, and which one a page is shown in. */
export type Lang = "en" | "fa";
export const LANGS: readonly Lang[] = ["en", "fa"];

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "fa";
}

/** The first supported language among language tags (BCP 47: "fa-IR", "en-GB"), or null. */
function supported(tags: readonly string[]): Lang | null {
  for (const tag of tags) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLang(primary)) return primary;
  }
  return null;
}

/**
 * The interface's language: the one asked for in the address, else the
 * dataset's own (its source's language), else the first of the browser's
 * preferred languages that Entente speaks, else English.
 */
export function chooseLang(asked: Lang | null, datasetLanguage: string | undefined, browserLanguages: readonly string[]): Lang {
  return asked ?? supported(datasetLanguage ? [datasetLanguage] : []) ?? supported(browserLanguages) ?? "en";
}

/**
 * The languages a page may be shown in before its dataset is read (which decides it when the
 * address does not), the likeliest first: the one asked for alone, else the reader's first, then the rest.
 */
export function likelyLangs(asked: string | null, browserLanguages: readonly string[]): Lang[] {
  if (isLang(asked)) return [asked];
  const first = chooseLang(null, undefined, browserLanguages);
  return [first, ...LANGS.filter((lang) => lang !== first)];
}

export function direction(lang: Lang): "rtl" | "ltr" {
  return lang === "fa" ? "rtl" : "ltr";
}
