import type { LocalizedText } from "./schema";

/**
 * The text to show: the reader's language, else the dataset's, else English,
 * else whatever language the text has.
 */
export function pickText(
  text: LocalizedText | undefined,
  lang: string,
  datasetLang?: string,
): string {
  if (!text) return "";
  for (const candidate of [lang, datasetLang, "en"]) {
    if (candidate !== undefined && Object.prototype.hasOwnProperty.call(text, candidate)) {
      const value = text[candidate];
      if (value) return value;
    }
  }
  for (const value of Object.values(text)) if (value) return value;
  return "";
}

/** The language a text was actually shown in, so it can be marked up with the right direction. */
export function pickLanguage(
  text: LocalizedText | undefined,
  lang: string,
  datasetLang?: string,
): string | undefined {
  if (!text) return undefined;
  for (const candidate of [lang, datasetLang, "en"]) {
    if (candidate !== undefined && Object.prototype.hasOwnProperty.call(text, candidate) && text[candidate]) {
      return candidate;
    }
  }
  return Object.keys(text).find((key) => text[key]);
}
