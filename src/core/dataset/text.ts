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

// Made on first use: making it loads the segmentation rules, about 10 ms, and most texts are short enough to need none.
let graphemes: Intl.Segmenter | null = null;

/**
 * A text cut to `max` characters with an ellipsis, for places with room for a
 * label but not a paragraph (the canvas, headings, lists). Characters are
 * grapheme clusters, so a flag or a family emoji is never cut in half.
 */
export function shorten(text: string, max = LABEL_MAX): string {
  if (text.length <= max) return text;
  const parts: string[] = [];
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const { segment } of graphemes.segment(text)) {
    if (parts.length === max) return `${parts.join("").trimEnd()}…`;
    parts.push(segment);
  }
  return text;
}

/**
 * Characters that change how the text around them is ordered (embeddings,
 * overrides, isolates) or that show as nothing while joining nothing: in a
 * name they only serve to make it pass for another ("\u202Eaissur" shows as
 * "russia"). The zero-width joiner and non-joiner, which Persian words and
 * emoji need, the left-to-right and right-to-left marks, and the tag characters
 * of subdivision flags stay.
 */
const DISGUISING = /[\u202A-\u202E\u2066-\u2069\u200B\u2060-\u2064\u206A-\u206F\u00AD\u034F\u115F\u1160\u180E\u3164\uFEFF\uFFA0]/g;

/** A name without the characters that could disguise it as another. */
export function undisguised(text: string): string {
  return text.replace(DISGUISING, "");
}

/** A name as shown on the canvas and in lists: undisguised, then cut to LABEL_MAX ("" when nothing visible is left). */
export function displayName(text: string, max = LABEL_MAX): string {
  return shorten(undisguised(text), max);
}
