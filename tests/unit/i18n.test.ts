/** Interface strings in both languages, number and date formatting, writing direction. */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addAppWords, catalogue, chooseLang, direction, formatDate, formatNumber, isLang, LANGS, likelyLangs, translator, type MessageKey } from "../../src/core/i18n";
import { appWords } from "../../src/core/i18n/app-words";
import { en } from "../../src/core/i18n/en";
import { enApp } from "../../src/core/i18n/en-app";
import { fa } from "../../src/core/i18n/fa";
import { faApp } from "../../src/core/i18n/fa-app";
import { embedCode, embedKeys, embedModules, keysUsed } from "./embed-words";

/** Every sentence in each language, both entry points' and the full app's. */
const all = { en: { ...en, ...enApp }, fa: { ...fa, ...faApp } } as const;

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ""))].sort();
const PERSIAN_DIGITS = /^[۰-۹]+$/;

describe("catalogues", () => {
  it("have the same keys in en and fa, both entry points' and the full app's alike", () => {
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(faApp).sort()).toEqual(Object.keys(enApp).sort());
  });

  it("give each sentence to one of the two: both entry points' or the full app's", () => {
    expect(Object.keys(enApp).filter((key) => key in en)).toEqual([]);
  });

  it("have no empty or blank value", () => {
    for (const lang of LANGS) {
      for (const [key, value] of Object.entries(all[lang])) {
        expect(value.trim(), `${lang} ${key}`).not.toBe("");
      }
    }
  });

  it("use the same placeholders in both languages for every key", () => {
    for (const key of Object.keys(all.en) as MessageKey[]) {
      expect(placeholders(all.fa[key]), key).toEqual(placeholders(all.en[key]));
    }
    expect(placeholders(en["graph.label"])).toEqual(["actors", "relations"]);
    expect(placeholders(fa["load.failed"])).toEqual(["reason", "url"]);
  });

  it("leave no brace unmatched", () => {
    for (const lang of LANGS) {
      for (const [key, value] of Object.entries(all[lang])) {
        expect(value.replace(/\{\w+\}/g, ""), `${lang} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it("hold both entry points' words, then the full app's once it adds them", () => {
    expect(catalogue("en")).toEqual(en);
    expect(catalogue("fa")).toEqual(fa);
    // What only the full app says reads as its key where its words are not (no page asks for it).
    expect(translator("en")("summary.actors", { n: 2 })).toBe("summary.actors");
    addAppWords(appWords);
    expect(catalogue("en")).toEqual(all.en);
    expect(catalogue("fa")).toEqual(all.fa);
    expect(translator("en")("summary.actors", { n: 2 })).toBe("2 actors");
  });
});

describe("the embed's words", () => {
  it("are found by following the embed's imports from the page's script, the full app's left out", () => {
    const modules = embedModules().map((file) => file.replace(/^.*\/src\//, ""));
    expect(modules).toEqual(expect.arrayContaining(["app/boot.ts", "app/embed.ts", "app/mount.ts", "ui/compact-legend.ts", "ui/problems.ts", "core/i18n/index.ts"]));
    expect(modules).not.toContain("app/full.ts");
    expect(modules).not.toContain("ui/filters.ts");
    // A type's import loads nothing: the full app's words are not reached through their key's type.
    expect(modules).not.toContain("core/i18n/en-app.ts");
  });

  it("are all among both entry points' words: the embed never loads the full app's", () => {
    const keys = Object.keys(all.en);
    const needed = embedKeys(keys);
    expect([...needed].filter((key) => !(key in en))).toEqual([]);
    // The check sees what it looks for: the embed's own words, a kind's (from a template), every problem's.
    expect([...needed]).toEqual(expect.arrayContaining(["embed.openFull", "kind.armed-group", "problem.xml.noGraph", "load.failed"]));
    // And what it leaves out is the full app's: its filters are not the embed's.
    expect(keysUsed(embedCode(), keys).has("filters.title")).toBe(false);
  });
});

describe("translator", () => {
  beforeAll(() => addAppWords(appWords));

  it("interpolates a number with Persian digits in fa", () => {
    expect(translator("fa")("summary.actors", { n: 13 })).toBe("۱۳ بازیگر");
  });

  it("interpolates a number with Latin digits and grouping in en", () => {
    expect(translator("en")("summary.actors", { n: 13 })).toBe("13 actors");
    expect(translator("en")("summary.relations", { n: 1234 })).toBe("1,234 relations");
  });

  it("interpolates several values and leaves strings as they are", () => {
    expect(translator("en")("graph.label", { actors: 13, relations: 26 })).toBe("Relations graph: 13 actors and 26 relations");
    expect(translator("fa")("graph.label", { actors: 13, relations: 26 })).toBe("گراف روابط: ۱۳ بازیگر و ۲۶ رابطه");
    expect(translator("fa")("details.date")).toBe("تاریخ");
    expect(translator("fa")("summary.visibleRelations", { shown: 7, n: 26 })).toBe("۷ از ۲۶ رابطه");
  });

  it("leaves a placeholder without a value in place", () => {
    expect(translator("en")("summary.actors")).toBe("{n} actors");
    expect(translator("en")("graph.label", { actors: 2 })).toBe("Relations graph: 2 actors and {relations} relations");
  });

  it("does not treat a value as a pattern", () => {
    expect(translator("en")("load.failed", { url: "$&{reason}$1", reason: "x" })).toBe("The dataset could not be loaded from $&{reason}$1: x");
  });

  it("ignores values for placeholders the message does not have", () => {
    expect(translator("en")("app.name", { n: 1 })).toBe("Entente");
  });

  it("gives a message without placeholders as it is", () => {
    expect(translator("fa")("app.name")).toBe("آنتانت");
    expect(translator("en")("relation.arrow")).toBe("→");
  });
});

describe("formatNumber", () => {
  it("writes Persian digits for fa", () => {
    expect(formatNumber(13, "fa")).toBe("۱۳");
    expect(formatNumber(0, "fa")).toMatch(PERSIAN_DIGITS);
    expect(formatNumber(2015, "fa").replace(/[٬,]/g, "")).toBe("۲۰۱۵");
  });

  it("writes Latin digits for en", () => {
    expect(formatNumber(13, "en")).toBe("13");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });
});

describe("formatDate", () => {
  it("writes an English date in day-month-year order", () => {
    expect(formatDate("2015-11-26", "en")).toBe("26 November 2015");
    expect(formatDate("2016-02-29", "en")).toBe("29 February 2016");
  });

  it("gives Persian readers the Solar Hijri date and the Gregorian one", () => {
    const text = formatDate("2015-11-26", "fa");
    expect(text).toContain("۵ آذر ۱۳۹۴");
    expect(text).toContain("۲۶");
    expect(text).toContain("۲۰۱۵");
    expect(text).toBe("۵ آذر ۱۳۹۴ (۲۶ نوامبر ۲۰۱۵)");
  });

  it("does not shift the day with the time zone", () => {
    expect(formatDate("2015-01-01", "en")).toBe("1 January 2015");
    expect(formatDate("2015-12-31", "en")).toBe("31 December 2015");
    expect(formatDate("2016-03-20", "fa")).toContain("۱ فروردین ۱۳۹۵");
  });

  it("gives back text that is not a full date as it is", () => {
    expect(formatDate("2015", "en")).toBe("2015");
    expect(formatDate("", "fa")).toBe("");
    expect(formatDate("2015-11", "en")).toBe("2015-11");
    expect(formatDate("2015-11-26-1", "en")).toBe("2015-11-26-1");
    expect(formatDate("26/11/2015", "fa")).toBe("26/11/2015");
  });

  it("never throws, and gives back what is not a calendar date as it is", () => {
    for (const text of ["a-b-c", "2015-13-45", "2015-02-30", "0000-00-00", "--", "2015-1-1", "x".repeat(10_000)]) {
      expect(formatDate(text, "en")).toBe(text);
      expect(formatDate(text, "fa")).toBe(text);
    }
  });
});

describe("prepareFormats", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  /** A fresh copy of the formats module (its formatters not made yet), with Intl's constructors counted. */
  async function freshFormats() {
    vi.resetModules();
    const { DateTimeFormat, NumberFormat } = Intl;
    // Written with `function`: a spy called with `new` runs its implementation as a constructor.
    const dates = vi.spyOn(Intl, "DateTimeFormat").mockImplementation(function (locale, options) {
      return new DateTimeFormat(locale, options);
    });
    const numbers = vi.spyOn(Intl, "NumberFormat").mockImplementation(function (locale, options) {
      return new NumberFormat(locale, options);
    });
    const formats = await import("../../src/core/i18n/formats");
    return { formats, dates, numbers };
  }

  it("makes a language's date and number formatters, which formatting then uses without making more", async () => {
    const { formats, dates, numbers } = await freshFormats();
    formats.prepareFormats("fa");
    expect(dates.mock.calls.map((call) => call[0])).toEqual(["fa-IR-u-ca-persian", "fa-IR-u-ca-gregory"]);
    expect(numbers.mock.calls.map((call) => call[0])).toEqual(["fa-IR"]);
    expect(formats.formatDate("2015-11-26", "fa")).toBe("۵ آذر ۱۳۹۴ (۲۶ نوامبر ۲۰۱۵)");
    expect(formats.formatNumber(13, "fa")).toBe("۱۳");
    expect(dates).toHaveBeenCalledTimes(2);
    expect(numbers).toHaveBeenCalledTimes(1);
  });

  it("makes only the language's own: an English page's Persian formatters wait for a Persian date", async () => {
    const { formats, dates } = await freshFormats();
    formats.prepareFormats("en");
    expect(dates.mock.calls.map((call) => call[0])).toEqual(["en-GB"]);
    formats.prepareFormats("en");
    expect(dates).toHaveBeenCalledTimes(1);
    expect(formats.formatDate("2015-11-26", "en")).toBe("26 November 2015");
    expect(dates).toHaveBeenCalledTimes(1);
    formats.formatDate("2015-11-26", "fa");
    expect(dates).toHaveBeenCalledTimes(3);
  });
});

describe("likelyLangs", () => {
  it("is only the language the address asks for, when it asks for one Entente speaks", () => {
    expect(likelyLangs("fa", ["en-US", "en"])).toEqual(["fa"]);
    expect(likelyLangs("en", ["fa-IR"])).toEqual(["en"]);
  });

  it("is every language, the reader's first, when the address asks for none (the dataset may decide)", () => {
    expect(likelyLangs(null, ["fa-IR", "en"])).toEqual(["fa", "en"]);
    expect(likelyLangs(null, ["en-GB"])).toEqual(["en", "fa"]);
    expect(likelyLangs(null, ["de-DE", "fa"])).toEqual(["fa", "en"]);
  });

  it("falls back to English first for a reader whose languages Entente does not speak, or an unknown ask", () => {
    expect(likelyLangs(null, ["de-DE"])).toEqual(["en", "fa"]);
    expect(likelyLangs(null, [])).toEqual(["en", "fa"]);
    expect(likelyLangs("de", ["fa"])).toEqual(["fa", "en"]);
  });
});

describe("direction and isLang", () => {
  it("is right-to-left for fa and left-to-right for en", () => {
    expect(direction("fa")).toBe("rtl");
    expect(direction("en")).toBe("ltr");
  });

  it("knows exactly en and fa", () => {
    expect(LANGS).toEqual(["en", "fa"]);
    expect(["en", "fa", "EN", "fa-IR", "de", "", null, undefined, 1, "__proto__"].map(isLang)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("plural forms", () => {
  it("chooses the English form by the number", () => {
    const t = translator("en");
    expect(t("summary.relations", { n: 1 })).toBe("1 relation");
    expect(t("summary.relations", { n: 0 })).toBe("0 relations");
    expect(t("summary.relations", { n: 26 })).toBe("26 relations");
    expect(t("summary.actors", { n: 1 })).toBe("1 actor");
    expect(t("problems.intro", { n: 1 })).toBe("1 problem was found. Fix it and load the file again:");
  });

  it("has one form in Persian, with Persian digits", () => {
    const t = translator("fa");
    expect(t("summary.relations", { n: 1 })).toBe("۱ رابطه");
    expect(t("summary.relations", { n: 26 })).toBe("۲۶ رابطه");
  });

  it("never shows the separator", () => {
    for (const lang of LANGS) {
      const t = translator(lang);
      for (const key of Object.keys(catalogue(lang)) as MessageKey[]) {
        for (const n of [0, 1, 2, 5]) expect(t(key, { n }), `${lang} ${key}`).not.toContain("|");
      }
    }
  });
});

describe("chooseLang", () => {
  it("takes the language asked for in the address first", () => {
    expect(chooseLang("en", "fa", ["fa-IR"])).toBe("en");
    expect(chooseLang("fa", "en", ["en-US"])).toBe("fa");
  });

  it("else the dataset's language, when Entente speaks it", () => {
    expect(chooseLang(null, "fa", ["en-US", "en"])).toBe("fa");
    expect(chooseLang(null, "en", ["fa-IR"])).toBe("en");
    expect(chooseLang(null, "fa-IR", [])).toBe("fa");
  });

  it("else the first of the browser's languages that Entente speaks, by primary subtag", () => {
    expect(chooseLang(null, "de", ["de-DE", "FA-ir", "en"])).toBe("fa");
    expect(chooseLang(null, undefined, ["en_GB", "fa"])).toBe("en");
    expect(chooseLang(null, undefined, ["fr", "ar"])).toBe("en");
    // "far" is not Persian; "english" is not a tag for English.
    expect(chooseLang(null, "far", ["english"])).toBe("en");
  });

  it("falls back to English with nothing to go on", () => {
    expect(chooseLang(null, undefined, [])).toBe("en");
    expect(chooseLang(null, "", [""])).toBe("en");
  });
});
