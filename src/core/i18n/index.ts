/** The interface's words in each language, and number and date formatting. */
import { en, type MessageKey } from "./en";
import { fa } from "./fa";
import { formatNumber, pluralCategory } from "./formats";
import type { Lang } from "./lang";

export type { MessageKey };
export { chooseLang, direction, isLang, LANGS, likelyLangs, type Lang } from "./lang";
export { formatDate, formatNumber, prepareFormats } from "./formats";

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, fa };

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
    pluralForm(catalogue[key], lang, values?.n).replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = values?.[name];
      if (value === undefined) return match;
      return typeof value === "number" ? formatNumber(value, lang) : value;
    });
}

export function catalogue(lang: Lang): Readonly<Record<MessageKey, string>> {
  return catalogues[lang];
}
