/** The interface's words in each language, and number and date formatting. */
import { en, type MessageKey } from "./en";
import { fa } from "./fa";

export type Lang = "en" | "fa";
export const LANGS: readonly Lang[] = ["en", "fa"];
export type { MessageKey };

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, fa };

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

export function direction(lang: Lang): "rtl" | "ltr" {
  return lang === "fa" ? "rtl" : "ltr";
}

/**
 * Intl's formatters, made once per locale and kind: making one loads the locale's data, a
 * millisecond or more each, and a page formats hundreds of numbers and dates as it opens.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function cached<T>(cache: Map<string, T>, locale: string, make: (locale: string) => T): T {
  let made = cache.get(locale);
  if (made === undefined) {
    made = make(locale);
    cache.set(locale, made);
  }
  return made;
}

const DATE_OPTIONS: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
const dateFormat = (locale: string) => cached(dateFormats, locale, (l) => new Intl.DateTimeFormat(l, DATE_OPTIONS));

export function formatNumber(n: number, lang: Lang): string {
  return cached(numberFormats, lang === "fa" ? "fa-IR" : "en-US", (l) => new Intl.NumberFormat(l)).format(n);
}

/** A YYYY-MM-DD date in the reader's language; Persian readers also get the Solar Hijri date. */
export function formatDate(isoDate: string, lang: Lang): string {
  const [y, m, d] = (/^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate) ?? []).slice(1).map(Number);
  if (y === undefined || m === undefined || d === undefined) return isoDate;
  const date = new Date(Date.UTC(y, m - 1, d));
  // Not a calendar date (2015-02-30, 2015-13-01): show it as written rather than a shifted one.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return isoDate;
  if (lang === "fa") {
    const solar = dateFormat("fa-IR-u-ca-persian").format(date);
    const gregorian = dateFormat("fa-IR-u-ca-gregory").format(date);
    return `${solar} (${gregorian})`;
  }
  return dateFormat("en-GB").format(date);
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
  return cached(pluralRules, lang, (l) => new Intl.PluralRules(l)).select(n) === "one" ? one : other;
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
