/**
 * One spelling per letter, so a query matches whatever keyboard or source
 * the text came from: Arabic and Persian letter variants, invisible joiners,
 * diacritics, digits and case are all folded away.
 */

// ZWNJ, ZWJ, LRM, RLM, BOM and tatweel: invisible or decorative, typed inconsistently.
const INVISIBLE = /[\u200C\u200D\u200E\u200F\uFEFF\u0640]/g;
// \p{M} after NFD covers Latin diacritics, Arabic harakat U+064B–U+065F and superscript alef U+0670.
const MARKS = /\p{M}/gu;

const LETTERS = new Map<string, string>([
  ["\u064A", "\u06CC"], // Arabic yeh → Persian yeh
  ["\u0649", "\u06CC"], // alef maksura → Persian yeh
  ["\u0643", "\u06A9"], // Arabic kaf → keheh
  ["\u0629", "\u0647"], // teh marbuta → heh
  ["\u0671", "\u0627"], // alef wasla → alef
]);
const LETTER = /[\u064A\u0649\u0643\u0629\u0671]/g;
// Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits.
const DIGIT = /[\u06F0-\u06F9\u0660-\u0669]/g;

export function normalizeForSearch(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(INVISIBLE, "")
      // NFD would turn ۀ into U+06D5 (a Kurdish letter) plus hamza; Persian means heh.
      .replace(/\u06C0/g, "\u0647")
      // NFD splits آ أ إ ؤ ئ into a base letter and a mark, so alef variants become plain alef here.
      .normalize("NFD")
      .replace(MARKS, "")
      .replace(LETTER, (c) => LETTERS.get(c) ?? c)
      .replace(DIGIT, (d) => String(d.charCodeAt(0) - (d >= "\u06F0" ? 0x06f0 : 0x0660)))
      // Recomposes what NFD split and has no mark to lose, such as Hangul syllables.
      .normalize("NFC")
      .replace(/\s+/g, " ")
      .trim()
  );
}
