/** The interface's words in each language, and number and date formatting. */
import { en, type SharedKey } from "./en";
import type { AppKey } from "./en-app";
import { fa } from "./fa";
import { formatNumber, pluralCategory } from "./formats";
import { LANGS, type Lang } from "./lang";

/** Any sentence of the interface: both entry points' (en.ts) or the full app's own (en-app.ts). */
export type MessageKey = SharedKey | AppKey;
export type { AppKey, SharedKey };
export { chooseLang, direction, isLang, LANGS, likelyLangs, type Lang } from "./lang";
export { formatDate, formatNumber, prepareFormats } from "./formats";

type Catalogue = Partial<Record<MessageKey, string>>;

/**
 * Each language's words: both entry points' from the start, the full app's once it adds them. The
 * embed never downloads the full app's (about 4 kB compressed, of its 90 kB).
 */
const catalogues: Record<Lang, Catalogue> = { en: { ...en }, fa: { ...fa } };

/** Adds the full app's own words to both languages (its entry point does, before it shows anything). */
export function addAppWords(words: Readonly<Record<Lang, Readonly<Record<AppKey, string>>>>): void {
  for (const lang of LANGS) Object.assign(catalogues[lang], words[lang]);
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * A message may have plural forms separated by "|", in the order "one|other"
 * (English needs both; Persian one). The form is chosen by the number `n`.
 */
function pluralForm(message: string, lang: Lang, n: unknown): string {
  if (!message.includes("|")) return message;
  const [one = "", other = one] = message.split("|");
  if (typeof n !== "number") return other;
  return pluralCategory(n, lang) === "one" ? one : other;
}

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  return (key, values) =>
    // A sentence the page has no words for (one of the full app's, asked for in the embed) reads as its key, rather than breaking the page.
    pluralForm(catalogue[key] ?? key, lang, values?.n).replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = values?.[name];
      if (value === undefined) return match;
      return typeof value === "number" ? formatNumber(value, lang) : value;
    });
}

/** The words a language has now (see addAppWords). */
export function catalogue(lang: Lang): Readonly<Catalogue> {
  return catalogues[lang];
}
