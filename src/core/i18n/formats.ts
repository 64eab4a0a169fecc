/**
 * Intl's formatters, made once per locale and kind: making one loads the locale's data, a
 * millisecond or more each, and a page formats hundreds of numbers and dates as it opens.
 * The first one a page makes costs far more (25-35 ms in Chromium on a slow machine): it
 * starts the internationalisation library itself, whatever the locale.
 */
import type { Lang } from "./lang";

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const dateFormatLists = new Map<Lang, Intl.DateTimeFormat[]>();

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
const numberFormat = (lang: Lang) => cached(numberFormats, lang === "fa" ? "fa-IR" : "en-US", (l) => new Intl.NumberFormat(l));

export function formatNumber(n: number, lang: Lang): string {
  return numberFormat(lang).format(n);
}

/** Intl's plural category of `n` in `lang` ("one", "other", …). */
export function pluralCategory(n: number, lang: Lang): Intl.LDMLPluralRule {
  return cached(pluralRules, lang, (l) => new Intl.PluralRules(l)).select(n);
}

/** The date formatters a language uses, in the order formatDate uses them. */
function dateFormatsOf(lang: Lang): Intl.DateTimeFormat[] {
  return cached(dateFormatLists, lang, () => (lang === "fa" ? [dateFormat("fa-IR-u-ca-persian"), dateFormat("fa-IR-u-ca-gregory")] : [dateFormat("en-GB")]));
}

/** A YYYY-MM-DD date in the reader's language; Persian readers also get the Solar Hijri date. */
export function formatDate(isoDate: string, lang: Lang): string {
  const [y, m, d] = (/^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate) ?? []).slice(1).map(Number);
  if (y === undefined || m === undefined || d === undefined) return isoDate;
  const date = new Date(Date.UTC(y, m - 1, d));
  // Not a calendar date (2015-02-30, 2015-13-01): show it as written rather than a shifted one.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return isoDate;
  const [first, second] = dateFormatsOf(lang);
  const text = first!.format(date);
  return second === undefined ? text : `${text} (${second.format(date)})`;
}

/**
 * Makes a language's formatters ahead of their first use: a page that does so while it waits for
 * its downloads does not pay for them in the work before its first frame.
 */
export function prepareFormats(lang: Lang): void {
  numberFormat(lang);
  dateFormatsOf(lang);
}
