/**
 * GDELT 2.0 event import: the column layout, the CAMEO mapping, how events
 * aggregate into relations, and that a hundred thousand rows go through.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateDataset } from "../../src/core/dataset/validate";
import { GDELT_COLUMNS, cameoRootToType, detectGdelt, importGdelt } from "../../src/core/import/gdelt";
import type { ImportFile, ImportResult } from "../../src/core/import/types";
import { CORE_TYPES, STATEMENT_TYPE } from "../../src/core/import/vocabulary";
import type { Dataset } from "../../src/core/dataset/schema";

type Column = (typeof GDELT_COLUMNS)[number];

const sample: ImportFile = {
  name: "gdelt-sample.tsv",
  text: readFileSync(new URL("../fixtures/import/gdelt-sample.tsv", import.meta.url), "utf8"),
};

/** One export row: every column empty but those given. */
function row(values: Partial<Record<Column, string>>): string {
  return GDELT_COLUMNS.map((name) => values[name] ?? "").join("\t");
}

/** A plausible event: USA consults RUS on 2015-11-24 unless told otherwise. */
function event(values: Partial<Record<Column, string>> = {}): string {
  return row({
    GLOBALEVENTID: "1",
    SQLDATE: "20151124",
    Actor1Code: "USA",
    Actor1Name: "UNITED STATES",
    Actor1CountryCode: "USA",
    Actor2Code: "RUS",
    Actor2Name: "RUSSIA",
    Actor2CountryCode: "RUS",
    EventCode: "040",
    EventRootCode: "04",
    GoldsteinScale: "1.0",
    SOURCEURL: "https://example.org/a",
    ...values,
  });
}

const file = (rows: readonly string[]): ImportFile => ({ name: "events.tsv", text: rows.join("\n") + "\n" });

function dataset(result: ImportResult): Dataset {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  expect(validateDataset(result.dataset).ok).toBe(true);
  return result.dataset;
}

describe("GDELT 2.0 column layout", () => {
  it("has 61 columns with DATEADDED at 59 and SOURCEURL at 60", () => {
    expect(GDELT_COLUMNS).toHaveLength(61);
    const at = (name: Column) => GDELT_COLUMNS.indexOf(name);
    expect([at("SQLDATE"), at("Actor1Code"), at("Actor2Code"), at("EventCode"), at("EventRootCode")]).toEqual([1, 5, 15, 26, 28]);
    expect([at("GoldsteinScale"), at("Actor1Geo_Type"), at("Actor1Geo_ADM2Code"), at("ActionGeo_FeatureID")]).toEqual([30, 35, 39, 58]);
    expect([at("DATEADDED"), at("SOURCEURL")]).toEqual([59, 60]);
  });
});

describe("cameoRootToType", () => {
  it("maps every root 01–20", () => {
    const roots = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0"));
    expect(Object.fromEntries(roots.map((r) => [r, cameoRootToType(r)]))).toEqual({
      "01": "statement", "02": "statement",
      "03": "cooperation", "04": "cooperation", "05": "cooperation",
      "06": "support", "07": "support", "08": "support",
      "09": "tension", "10": "tension", "11": "tension", "12": "tension", "13": "tension",
      "14": "conflict", "15": "conflict", "16": "conflict", "17": "conflict", "18": "conflict", "19": "conflict", "20": "conflict",
    });
  });

  it("reads a root without its zero and knows nothing else", () => {
    expect(cameoRootToType("4")).toBe("cooperation");
    expect(["", "00", "21", "010", "abc", "constructor", "__proto__"].map(cameoRootToType)).toEqual(["", "", "", "", "", "", ""]);
  });
});

describe("detectGdelt", () => {
  it("knows an export by its first line", () => {
    expect(detectGdelt(sample.text)).toBe(true);
    expect(detectGdelt(`\n${event()}`)).toBe(true);
    expect(detectGdelt("source,target,type\na,b,c\n")).toBe(false);
    expect(detectGdelt('{"meta":{}}')).toBe(false);
    expect(detectGdelt("")).toBe(false);
    expect(detectGdelt(event({ SQLDATE: "2015-11-24" }))).toBe(false);
  });
});

describe("importGdelt: the sample file", () => {
  const result = importGdelt(sample);
  const d = dataset(result);

  it("makes one actor per code, titled from its name, of the kind its codes say", () => {
    expect(d.actors).toEqual([
      { id: "USA", kind: "state", label: { en: "United States" } },
      { id: "RUS", kind: "state", label: { en: "Russia" } },
      { id: "TUR", kind: "state", label: { en: "Turkey" } },
      { id: "RUSGOV", kind: "state", label: { en: "Kremlin" } },
      { id: "FRA", kind: "state", label: { en: "France" } },
      { id: "IGONAT", kind: "organization", label: { en: "Nato" } },
      { id: "SYRREB", kind: "armed-group", label: { en: "Rebel" } },
      { id: "SYRGOV", kind: "state", label: { en: "Damascus" } },
      { id: "NGOHRW", kind: "organization", label: { en: "Human Rights Watch" } },
    ]);
  });

  it("aggregates events per actor pair and type, with dates, counts, weights and one evidence per URL", () => {
    const ev = (id: string, a1: string, a2: string, code: string, url: string) => ({
      quote: `GDELT event ${id}: ${a1} → ${a2}, CAMEO ${code}`,
      reportedBy: new URL(url).hostname,
      url,
    });
    expect(d.relations).toEqual([
      {
        id: "USA-RUS-cooperation", source: "USA", target: "RUS", type: "cooperation", directed: true,
        date: "2015-11-24", endDate: "2015-11-26", count: 3, weight: 2.9,
        evidence: [
          ev("498000001", "UNITED STATES", "RUSSIA", "042", "https://www.reuters.com/article/us-russia-usa-talks"),
          ev("498000002", "UNITED STATES", "RUSSIA", "043", "https://apnews.com/article/kerry-lavrov-call"),
        ],
      },
      {
        id: "TUR-RUS-conflict", source: "TUR", target: "RUS", type: "conflict", directed: true,
        date: "2015-11-24", count: 1, weight: -10,
        evidence: [ev("498000004", "TURKEY", "RUSSIA", "190", "http://www.bbc.co.uk/news/world-europe-34907983")],
      },
      {
        id: "RUSGOV-TUR-tension", source: "RUSGOV", target: "TUR", type: "tension", directed: true,
        date: "2015-11-25", count: 2, weight: -2,
        evidence: [
          ev("498000005", "KREMLIN", "TURKEY", "111", "https://www.theguardian.com/world/2015/nov/25/russia-turkey"),
          ev("498000006", "KREMLIN", "TURKEY", "112", "https://www.aljazeera.com/news/2015/11/25/russia-accuses-turkey"),
        ],
      },
      {
        id: "FRA-RUS-statement", source: "FRA", target: "RUS", type: "statement", directed: true,
        date: "2015-11-26", count: 1, weight: 0,
        evidence: [ev("498000007", "FRANCE", "RUSSIA", "010", "https://www.france24.com/en/20151126-hollande-moscow")],
      },
      {
        id: "IGONAT-TUR-cooperation", source: "IGONAT", target: "TUR", type: "cooperation", directed: true,
        date: "2015-11-26", count: 1, weight: 8,
        evidence: [ev("498000008", "NATO", "TURKEY", "057", "https://www.nato.int/cps/en/natohq/news_125052.htm")],
      },
      {
        id: "SYRREB-SYRGOV-conflict", source: "SYRREB", target: "SYRGOV", type: "conflict", directed: true,
        date: "2015-11-27", count: 1, weight: -10,
        evidence: [ev("498000009", "REBEL", "DAMASCUS", "190", "https://www.reuters.com/article/us-mideast-crisis-syria")],
      },
      {
        id: "USA-FRA-support", source: "USA", target: "FRA", type: "support", directed: true,
        date: "2015-11-27", count: 1, weight: 7,
        evidence: [{ quote: "GDELT event 498000012: UNITED STATES → FRANCE, CAMEO 070", reportedBy: "BBC Monitoring" }],
      },
      {
        id: "NGOHRW-SYRGOV-tension", source: "NGOHRW", target: "SYRGOV", type: "tension", directed: true,
        date: "2015-11-28", count: 1, weight: -2,
        evidence: [ev("498000014", "HUMAN RIGHTS WATCH", "DAMASCUS", "112", "https://www.hrw.org/news/2015/11/28/syria")],
      },
    ]);
  });

  it("keeps codes as strings, leading zeros included", () => {
    const quotes = d.relations.flatMap((r) => r.evidence.map((e) => e.quote));
    expect(quotes).toContain("GDELT event 498000001: UNITED STATES → RUSSIA, CAMEO 042");
    expect(quotes).toContain("GDELT event 498000007: FRANCE → RUSSIA, CAMEO 010");
    expect(d.actors.every((a) => typeof a.id === "string")).toBe(true);
  });

  it("reports the short row and the bad date, skips the row without a second actor, and goes on", () => {
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      { path: "row 11", message: "row 11 has 60 columns, expected 61", severity: "error" },
      { path: 'row 13, column "SQLDATE"', message: '"20151131" is not a date written YYYYMMDD', severity: "error" },
      { path: "", message: "1 row without Actor1Code or Actor2Code skipped", severity: "warning" },
    ]);
  });

  it("uses the core vocabulary and a statement type, and GDELT as the source", () => {
    expect(d.relationTypes).toEqual([...CORE_TYPES, STATEMENT_TYPE]);
    expect(STATEMENT_TYPE).toMatchObject({ id: "statement", label: { en: "Statement", fa: "بیانیه" }, sign: 0, directed: true });
    expect(d.meta).toEqual({
      title: { en: "GDELT events" },
      source: { publisher: { en: "GDELT Project" }, url: "https://www.gdeltproject.org/", published: "2015-11-28", language: "en" },
    });
    expect(dataset(importGdelt(sample, { title: "Syria, November 2015" })).meta.title).toEqual({ en: "Syria, November 2015" });
  });
});

describe("importGdelt: rules", () => {
  it("rounds the mean Goldstein scale to two decimals and ignores a missing one", () => {
    const d = dataset(
      importGdelt(file([
        event({ GoldsteinScale: "1" }),
        event({ GoldsteinScale: "2", SQLDATE: "20151201" }),
        event({ GoldsteinScale: "2" }),
        event({ GoldsteinScale: "" }),
      ])),
    );
    expect(d.relations).toMatchObject([{ count: 4, weight: 1.67, date: "2015-11-24", endDate: "2015-12-01" }]);
    expect(d.relations[0]?.evidence).toHaveLength(1);
  });

  it("takes the root from the event code when the root column is empty, and skips unknown roots", () => {
    const result = importGdelt(file([event({ EventRootCode: "", EventCode: "190" }), event({ EventRootCode: "99" }), event({ EventRootCode: "00" })]));
    expect(dataset(result).relations.map((r) => r.id)).toEqual(["USA-RUS-conflict"]);
    expect(result.problems).toEqual([
      { path: "", message: "2 rows with a CAMEO root code outside 01–20 skipped (rows 2, 3)", severity: "warning" },
    ]);
  });

  it("keeps at most 20 pieces of evidence per relation and says how many URLs were dropped", () => {
    const rows = Array.from({ length: 25 }, (_, i) => event({ GLOBALEVENTID: String(i), SOURCEURL: `https://example.org/${i}` }));
    const result = importGdelt(file([...rows, event({ SOURCEURL: "https://example.org/24" })]));
    const [relation] = dataset(result).relations;
    expect(relation?.count).toBe(26);
    expect(relation?.evidence).toHaveLength(20);
    expect(relation?.evidence[19]?.url).toBe("https://example.org/19");
    expect(result.problems).toEqual([
      { path: "", message: "5 source URLs beyond the first 20 of a relation dropped (in 1 relation)", severity: "warning" },
    ]);
  });

  it("sorts actors into kinds by their codes", () => {
    const pair = (code: string, country: string, type1: string) =>
      event({ Actor1Code: code, Actor1Name: "", Actor1CountryCode: country, Actor1Type1Code: type1 });
    const d = dataset(importGdelt(file([
      pair("RUSMIL", "RUS", "MIL"),
      pair("AFGINS", "AFG", "INS"),
      pair("PHLSEP", "PHL", "SEP"),
      pair("IGOEUREU", "", "IGO"),
      pair("NGOAMN", "", ""),
      pair("CVL", "", "CVL"),
    ])));
    expect(d.actors.filter((a) => a.id !== "RUS").map((a) => [a.id, a.kind, a.label.en])).toEqual([
      ["RUSMIL", "state", "RUSMIL"],
      ["AFGINS", "armed-group", "AFGINS"],
      ["PHLSEP", "armed-group", "PHLSEP"],
      ["IGOEUREU", "organization", "IGOEUREU"],
      ["NGOAMN", "organization", "NGOAMN"],
      ["CVL", "organization", "CVL"],
    ]);
  });

  it("fails only when no row can be read", () => {
    expect(importGdelt({ name: "", text: "" })).toEqual({ ok: false, format: "gdelt", problems: [{ path: "", message: "the file has no rows", severity: "error" }] });
    const short = importGdelt(file(["1\t20151124\tUSA", "2\t20151124"]));
    expect(short.ok).toBe(false);
    expect(short.problems).toEqual([
      { path: "row 1", message: "row 1 has 3 columns, expected 61", severity: "error" },
      { path: "row 2", message: "row 2 has 2 columns, expected 61", severity: "error" },
    ]);
    expect(importGdelt(file([event({ SQLDATE: "2015" })])).ok).toBe(false);
  });

  it("names the first 20 wrong rows and counts the rest", () => {
    const result = importGdelt(file([...Array.from({ length: 25 }, () => "x\ty"), event()]));
    expect(result.ok).toBe(true);
    expect(result.problems).toHaveLength(21);
    expect(result.problems[20]).toEqual({ path: "", message: "5 more rows with the wrong number of columns", severity: "error" });
  });

  it.each(["\u0000", "\t".repeat(60), "\uFEFF\r\n\r\n", "a\tb\nc", event().replace("USA", "\t")])("never throws (input %#)", (text) => {
    const result = importGdelt({ name: "", text });
    if (result.ok) expect(validateDataset(result.dataset).ok).toBe(true);
  });
});

describe("importGdelt: a hundred thousand rows", () => {
  it("aggregates them all", () => {
    const actors = ["USA", "RUS", "FRA", "TUR", "IRN", "SYR", "DEU", "GBR", "CHN", "ISR"];
    const rows: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const a1 = actors[i % 10] ?? "USA";
      const a2 = actors[(i * 7 + 3) % 10] ?? "RUS";
      const root = String((i % 20) + 1).padStart(2, "0");
      rows.push(
        event({
          GLOBALEVENTID: String(500_000_000 + i),
          SQLDATE: `2015${String((i % 12) + 1).padStart(2, "0")}${String((i % 28) + 1).padStart(2, "0")}`,
          Actor1Code: a1, Actor1CountryCode: a1, Actor1Name: a1,
          Actor2Code: a2, Actor2CountryCode: a2, Actor2Name: a2,
          EventRootCode: root, EventCode: `${root}0`,
          GoldsteinScale: "1.5",
          SOURCEURL: `https://news.example.org/${i % 1000}`,
        }),
      );
    }
    const d = dataset(importGdelt(file(rows)));
    expect(d.actors).toHaveLength(10);
    expect(d.relations.reduce((n, r) => n + (r.count ?? 0), 0)).toBe(100_000);
    // i mod 10 fixes both actors and i mod 20 fixes the root, so the groups are the 20 residues mod 20, each mapped to its type.
    expect(d.relations).toHaveLength(new Set(Array.from({ length: 20 }, (_, r) => `${r % 10}-${cameoRootToType(String(r + 1))}`)).size);
    expect(d.relations.every((r) => r.weight === 1.5 && r.evidence.length === 20)).toBe(true);
    expect(d.meta.source.published).toBe("2015-12-28");
  });
});
