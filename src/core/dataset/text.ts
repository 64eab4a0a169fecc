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

/** Longest label shown whole, in characters as a reader counts them (grapheme clusters). */
export const LABEL_MAX = 80;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * A text cut to `max` characters with an ellipsis, for places with room for a
 * label but not a paragraph (the canvas, headings, lists). Characters are
 * grapheme clusters, so a flag or a family emoji is never cut in half.
 */
export function shorten(text: string, max = LABEL_MAX): string {
  if (text.length <= max) return text;
  const parts: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (parts.length === max) return `${parts.join("").trimEnd()}…`;
    parts.push(segment);
  }
  return text;
}
