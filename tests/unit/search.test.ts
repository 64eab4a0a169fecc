/** Actor search: one spelling per letter, then ranked matches over labels and aliases. */
import { describe, expect, it } from "vitest";
import { lookup, validateDataset, type Dataset } from "../../src/core/dataset";
import { normalizeForSearch, searchActors } from "../../src/core/search";
import { actor, bundledJson, datasetWith, relation, relationType } from "./fixtures";

describe("normalizeForSearch", () => {
  it.each([
    ["RUSSIA", "russia"],
    ["  Islamic \n\t State  ", "islamic state"],
    ["\u00A0a\u2003b\u3000", "a b"],
    ["Ｆｒａｎçois", "francois"],
    ["François Hollande", "francois hollande"],
    ["Türkiye", "turkiye"],
    ["İstanbul", "istanbul"],
    ["ẞ", "ß"],
    ["ﻻ", "لا"],
    ["한국어", "한국어"],
  ])("Latin and compatibility forms: %j → %j", (text, expected) => {
    expect(normalizeForSearch(text)).toBe(expected);
  });

  it.each([
    ["ترکيه", "ترکیه"], // Arabic yeh
    ["موسى", "موسی"], // alef maksura
    ["كيف", "کیف"], // Arabic kaf
    ["مدرسة", "مدرسه"], // teh marbuta
    ["خانۀ", "خانه"], // heh with yeh above
    ["خانهٔ", "خانه"], // heh followed by a combining hamza
    ["آلمان", "المان"], // alef with madda
    ["أحمد", "احمد"],
    ["إسلام", "اسلام"],
    ["ٱلله", "الله"], // alef wasla
    ["مُحَمَّد", "محمد"], // harakat
    ["هٰذا", "هذا"], // superscript alef
    ["جنگنده\u200cی", "جنگندهی"], // ZWNJ
    ["ز\u200Dر", "زر"], // ZWJ
    ["\u200Fabc\u200E\uFEFF", "abc"], // direction marks and BOM
    ["ســـلام", "سلام"], // tatweel
    ["۱۳۹۴", "1394"], // Persian digits
    ["٢٠١٥", "2015"], // Arabic-Indic digits
  ])("Arabic-script variants: %j → %j", (text, expected) => {
    expect(normalizeForSearch(text)).toBe(expected);
  });

  it("folds the three spellings of a compound that joins without a space", () => {
    const variants = ["رئیس\u200cجمهور", "رئیسجمهور", "رئيسجمهور"].map(normalizeForSearch);
    expect(new Set(variants).size).toBe(1);
    // A space is a word break and stays one.
    expect(normalizeForSearch("رئیس جمهور")).not.toBe(variants[0]);
  });

  it("gives the empty string for blank and invisible-only text", () => {
    for (const text of ["", "   ", "\u200C\u200F", "ـ"]) expect(normalizeForSearch(text)).toBe("");
  });
});

describe("searchActors: the bundled dataset", () => {
  const result = validateDataset(bundledJson());
  if (!result.ok) throw new Error("the bundled dataset is invalid");
  const data = lookup(result.value);

  it("finds Russia by its Persian and English names, whatever the case", () => {
    expect(searchActors(data, "روسیه", "fa")).toEqual([{ actor: "russia", label: "روسیه", rank: 0 }]);
    expect(searchActors(data, "russia", "en")).toEqual([{ actor: "russia", label: "Russia", rank: 0 }]);
    expect(searchActors(data, "RUSSIA", "fa")).toEqual([{ actor: "russia", label: "روسیه", rank: 0, matched: "Russia" }]);
    expect(searchActors(data, "Rus", "en")).toEqual([{ actor: "russia", label: "Russia", rank: 1 }]);
  });

  it("finds an actor by an alias, and says which", () => {
    expect(searchActors(data, "مسکو", "fa")).toEqual([{ actor: "russia", label: "روسیه", rank: 0, matched: "مسکو" }]);
    expect(searchActors(data, "داعش", "en")).toEqual([{ actor: "islamic-state", label: "Islamic State", rank: 0, matched: "داعش" }]);
    expect(searchActors(data, "daesh", "fa")).toEqual([{ actor: "islamic-state", label: "دولت اسلامی", rank: 0, matched: "Daesh" }]);
  });

  it("finds Turkey when typed with an Arabic yeh", () => {
    expect(searchActors(data, "ترکيه", "fa")).toEqual([{ actor: "turkey", label: "ترکیه", rank: 0 }]);
  });

  it("finds Germany without the madda", () => {
    expect(searchActors(data, "المان", "fa")).toEqual([{ actor: "germany", label: "آلمان", rank: 0 }]);
  });

  it("finds Hollande with or without the cedilla", () => {
    const hollande = { actor: "hollande", label: "François Hollande", rank: 1 };
    expect(searchActors(data, "Françoi", "en")).toEqual([hollande]);
    expect(searchActors(data, "francoi", "en")).toEqual([hollande]);
    expect(searchActors(data, "francoi", "fa")).toEqual([{ actor: "hollande", label: "فرانسوا اولاند", rank: 1, matched: "François Hollande" }]);
  });

  it("ranks an exact alias before substrings", () => {
    expect(searchActors(data, "is", "en")).toEqual([
      { actor: "islamic-state", label: "Islamic State", rank: 0, matched: "IS" },
      { actor: "france", label: "France", rank: 3, matched: "Paris" },
      { actor: "hollande", label: "François Hollande", rank: 3 },
    ]);
  });

  it("matches the start of a later word", () => {
    expect(searchActors(data, "st", "en")).toEqual([
      { actor: "islamic-state", label: "Islamic State", rank: 2 },
      { actor: "usa", label: "United States", rank: 2 },
    ]);
    expect(searchActors(data, "پوتین", "fa")).toEqual([{ actor: "putin", label: "ولادیمیر پوتین", rank: 0, matched: "پوتین" }]);
  });

  it("honours the limit, keeping the best", () => {
    const all = searchActors(data, "a", "en", 100);
    expect(all.map((h) => h.actor)).toEqual([
      "merkel",
      "turkey",
      "usa",
      "nato",
      "obama",
      "france",
      "hollande",
      "germany",
      "islamic-state",
      "russia",
      "syria",
      "uk",
      "putin",
    ]);
    expect(all.map((h) => h.rank)).toEqual([1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(searchActors(data, "a", "en")).toEqual(all.slice(0, 8));
    expect(searchActors(data, "a", "en", 2)).toEqual(all.slice(0, 2));
    expect(searchActors(data, "a", "en", 0)).toEqual([]);
  });

  it("gives nothing for a blank query or no match", () => {
    for (const query of ["", "  ", "\u200C", "zzz"]) expect(searchActors(data, query, "fa")).toEqual([]);
  });
});

describe("searchActors: ranking", () => {
  const data = lookup(
    datasetWith({
      actors: [
        actor("substring", "state", { label: { en: "Xab" } }),
        actor("word", "state", { label: { en: "X ab" } }),
        actor("prefix-z", "state", { label: { en: "Abz" } }),
        actor("prefix-c", "state", { label: { en: "Abc" } }),
        actor("exact", "state", { label: { en: "Ab" } }),
        actor("word-hyphen", "state", { label: { en: "X-ab" } }),
        actor("late-word", "state", { label: { en: "Xab yab ab" } }),
        actor("persian-only", "person", { label: { fa: "ابراهیم" } }),
        actor("__proto__", "region", { label: { en: "Proto" }, aliases: ["ab ab"] }),
        actor("none", "state", { label: { en: "Nothing" } }),
      ],
      relationTypes: [relationType("ally")],
      relations: [relation("r", "exact", "word", "ally")],
    }) as Dataset,
  );

  it("puts exact before prefix before word prefix before substring, then sorts by label", () => {
    expect(searchActors(data, "AB", "en", 20)).toEqual([
      { actor: "exact", label: "Ab", rank: 0 },
      { actor: "prefix-c", label: "Abc", rank: 1 },
      { actor: "prefix-z", label: "Abz", rank: 1 },
      { actor: "__proto__", label: "Proto", rank: 1, matched: "ab ab" },
      { actor: "word", label: "X ab", rank: 2 },
      { actor: "word-hyphen", label: "X-ab", rank: 2 },
      { actor: "late-word", label: "Xab yab ab", rank: 2 },
      { actor: "substring", label: "Xab", rank: 3 },
    ]);
  });

  it("labels a hit in the reader's language, falling back to the dataset's and then any", () => {
    expect(searchActors(data, "ابر", "en")).toEqual([{ actor: "persian-only", label: "ابراهیم", rank: 1 }]);
    expect(searchActors(data, "proto", "fa")).toEqual([{ actor: "__proto__", label: "Proto", rank: 0 }]);
  });
});
