/** Which language a text is shown in: the reader's, the dataset's, English, then any. */
import { describe, expect, it } from "vitest";
import { pickLanguage, pickText, type LocalizedText } from "../../src/core/dataset";
import { displayName, LABEL_MAX, shorten, undisguised } from "../../src/core/dataset/text";

const all: LocalizedText = { fa: "فارسی", en: "English", de: "Deutsch" };

describe("pickText and pickLanguage: fallback order", () => {
  it.each<[string, LocalizedText, string, string | undefined, string, string]>([
    ["the reader's language first", all, "de", "fa", "Deutsch", "de"],
    ["fa for a Persian reader", all, "fa", "en", "فارسی", "fa"],
    ["the dataset's language second", { fr: "Français", de: "Deutsch", en: "English" }, "fa", "de", "Deutsch", "de"],
    ["English third", { fr: "Français", en: "English" }, "fa", "de", "English", "en"],
    ["English when there is no dataset language", { fr: "Français", en: "English" }, "fa", undefined, "English", "en"],
    ["any language last, the first one written", { fr: "Français", it: "Italiano" }, "fa", "de", "Français", "fr"],
    ["skips an empty entry", { fa: "", en: "English" } as LocalizedText, "fa", "fa", "English", "en"],
    ["skips an empty entry in the last resort too", { de: "", fr: "Français" } as LocalizedText, "fa", "en", "Français", "fr"],
  ])("%s", (_name, text, lang, datasetLang, shown, language) => {
    expect(pickText(text, lang, datasetLang)).toBe(shown);
    expect(pickLanguage(text, lang, datasetLang)).toBe(language);
  });

  it("does not match a language by prefix", () => {
    expect(pickText({ "fa-AF": "دری", en: "English" }, "fa")).toBe("English");
  });
});

describe("pickText and pickLanguage: missing and odd text", () => {
  it("gives an empty string and no language for undefined text", () => {
    expect(pickText(undefined, "fa", "en")).toBe("");
    expect(pickLanguage(undefined, "fa", "en")).toBeUndefined();
  });

  it("gives an empty string and no language for text with no entry", () => {
    expect(pickText({}, "en")).toBe("");
    expect(pickLanguage({}, "en")).toBeUndefined();
  });

  it("gives an empty string and no language when every entry is empty", () => {
    const empty = { fa: "", en: "" } as LocalizedText;
    expect(pickText(empty, "fa")).toBe("");
    expect(pickLanguage(empty, "fa")).toBeUndefined();
  });

  it("takes a __proto__ key from JSON as a plain key", () => {
    const text = JSON.parse('{"__proto__": "Proto", "en": "English"}') as LocalizedText;
    expect(pickText(text, "__proto__")).toBe("Proto");
    expect(pickLanguage(text, "__proto__")).toBe("__proto__");
    expect(pickText(text, "fa")).toBe("English");
  });

  it("does not read Object.prototype members as languages", () => {
    for (const lang of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
      expect(pickText({ en: "English" }, lang, lang)).toBe("English");
      expect(pickLanguage({ en: "English" }, lang, lang)).toBe("en");
    }
    expect(pickText({ de: "Deutsch" }, "constructor", "toString")).toBe("Deutsch");
  });

  it("reads a text without a prototype", () => {
    const text = Object.assign(Object.create(null) as LocalizedText, { en: "English" });
    expect(pickText(text, "fa")).toBe("English");
    expect(pickLanguage(text, "fa")).toBe("en");
  });
});

describe("shorten", () => {
  it("leaves a label up to the limit as it is", () => {
    expect(shorten("Russia")).toBe("Russia");
    expect(shorten("x".repeat(LABEL_MAX))).toBe("x".repeat(LABEL_MAX));
  });

  it("cuts a longer one to the limit, with an ellipsis and no trailing space", () => {
    expect(shorten("x".repeat(LABEL_MAX + 1))).toBe(`${"x".repeat(LABEL_MAX)}…`);
    expect(shorten("abcd efgh", 5)).toBe("abcd…");
    expect(shorten("Ω".repeat(10_000))).toHaveLength(LABEL_MAX + 1);
  });

  it("counts characters as a reader does: a flag or a family emoji is one, never cut in half", () => {
    const flags = "🇫🇷".repeat(10);
    expect(shorten(flags, 3)).toBe("🇫🇷🇫🇷🇫🇷…");
    expect(shorten("👩‍👩‍👧👩‍👩‍👧", 1)).toBe("👩‍👩‍👧…");
    // A short text of many code units but few characters stays whole.
    expect(shorten("👩‍👩‍👧".repeat(5), 5)).toBe("👩‍👩‍👧".repeat(5));
  });

  it("keeps Persian letters joined up to the cut", () => {
    expect(shorten("جمهوری اسلامی ایران", 6)).toBe("جمهوری…");
  });
});

describe("names that could pass for others", () => {
  it("loses the controls that reorder text, and the invisible characters that join nothing", () => {
    // Shown as "russia" by a right-to-left override.
    expect(undisguised("\u202Eaissur")).toBe("aissur");
    expect(undisguised("\u2067Turkey\u2069")).toBe("Turkey");
    expect(undisguised("\u202Aleft\u202C \u202Bright\u202C \u202Doverride\u202C \u2066iso\u2069 \u2068first\u2069")).toBe("left right override iso first");
    expect(undisguised("Fr\u200Bance\u2060\uFEFF\u00AD\u180E")).toBe("France");
    expect(undisguised("A\u034F\u2061\u2064\u206A\u206F\u115F\u1160\u3164\uFFA0B")).toBe("AB");
  });

  it("keeps what Persian and emoji need: the zero-width non-joiner and joiner, and the direction marks", () => {
    expect(undisguised("می\u200Cشود")).toBe("می\u200Cشود");
    expect(undisguised("👩\u200D👩\u200D👧")).toBe("👩\u200D👩\u200D👧");
    expect(undisguised("\u200FNATO\u200E")).toBe("\u200FNATO\u200E");
    const scotland = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
    expect(undisguised(scotland)).toBe(scotland);
  });

  it("is what the canvas and the lists show: undisguised, then cut", () => {
    expect(displayName("\u202Eaissur")).toBe("aissur");
    expect(displayName(`\u202E${"x".repeat(LABEL_MAX)}`)).toBe("x".repeat(LABEL_MAX));
    expect(displayName("\u202Eabcdef", 3)).toBe("abc…");
    // Nothing visible left: the caller falls back to the id.
    expect(displayName("\u202E\u200B")).toBe("");
  });
});
