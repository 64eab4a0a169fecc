/**
 * CSV import: what a spreadsheet export becomes, and where each problem is
 * reported (rows counted as a spreadsheet shows them, the header being row 1).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateDataset } from "../../src/core/dataset/validate";
import { importCsv } from "../../src/core/import/csv";
import type { ImportFile, ImportOptions, ImportResult } from "../../src/core/import/types";
import { CORE_TYPES, STATEMENT_TYPE, UNKNOWN_TYPE_COLOR } from "../../src/core/import/vocabulary";
import type { Dataset } from "../../src/core/dataset/schema";
import { bundledJson } from "./fixtures";

const fixture = (name: string): ImportFile => ({
  name,
  text: readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), "utf8"),
});

/** Imports and checks that what came out is a dataset the validator accepts. */
function imported(file: ImportFile, options?: ImportOptions): { dataset: Dataset; result: ImportResult } {
  const result = importCsv(file, options);
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  expect(validateDataset(result.dataset).ok).toBe(true);
  return { dataset: result.dataset, result };
}

const csv = (text: string, name = "test.csv"): ImportFile => ({ name, text });

describe("vocabulary", () => {
  it("is the bundled dataset's relation types, labels, signs, directions and colours included", () => {
    const bundled = validateDataset(bundledJson());
    if (!bundled.ok) throw new Error("the bundled dataset does not validate");
    expect(CORE_TYPES).toEqual(bundled.value.relationTypes);
  });
});

describe("importCsv: good.csv with actors.csv", () => {
  const { dataset, result } = imported(fixture("good.csv"), { actors: fixture("actors.csv") });

  it("reads the actors file, completes it from the relations, and defaults an unknown kind to state", () => {
    expect(dataset.actors).toEqual([
      { id: "russia", kind: "state", label: { en: "Russia", fa: "روسیه" } },
      { id: "france", kind: "state", label: { en: "France", fa: "فرانسه" } },
      { id: "nato", kind: "state", label: { en: "NATO", fa: "ناتو" } },
      { id: "putin", kind: "person", label: { fa: "پوتین" } },
      { id: "turkey", kind: "state", label: { en: "turkey" } },
    ]);
  });

  it("reads every relation with its evidence, id, date and direction", () => {
    expect(dataset.relations).toEqual([
      {
        id: "ru-fr",
        source: "russia",
        target: "france",
        type: "cooperation",
        directed: false,
        date: "2015-11-26",
        evidence: [
          {
            quote: "روسیه آماده همکاری با فرانسه است",
            translation: { en: "Russia is ready to cooperate with France" },
            reportedBy: "AFP",
            url: "https://p.dw.com/p/1HDEF",
          },
        ],
      },
      {
        id: "r3",
        source: "russia",
        target: "turkey",
        type: "tension",
        date: "2015-11-24",
        evidence: [{ quote: "good.csv, row 3", reportedBy: "good.csv" }],
      },
      {
        id: "r4",
        source: "turkey",
        target: "nato",
        type: "membership",
        directed: true,
        date: "2015-11-24",
        evidence: [{ quote: 'Turkey, a NATO member, "called" a meeting', reportedBy: "DW", url: "http://example.org/nato" }],
      },
      {
        id: "r5",
        source: "france",
        target: "russia",
        type: "support",
        evidence: [{ quote: "good.csv, row 5", reportedBy: "good.csv" }],
      },
    ]);
  });

  it("offers the whole core vocabulary and nothing else", () => {
    expect(dataset.relationTypes).toEqual(CORE_TYPES);
  });

  it("takes meta from the file: its name, the first url, the latest date", () => {
    expect(dataset.meta).toEqual({
      title: { en: "good.csv" },
      source: {
        publisher: { en: "good.csv" },
        url: "https://p.dw.com/p/1HDEF",
        published: "2015-11-26",
        language: "en",
      },
    });
  });

  it("reports each warning once, where it is, and the validator's warnings after", () => {
    expect(result.problems).toEqual([
      {
        path: 'actors.csv, row 4, column "kind"',
        message: '"alliance" is not one of state, organization, person, armed-group, region; taken as "state"',
        severity: "warning",
      },
      {
        path: 'row 5, column "url"',
        message: '"ftp://example.org/file" is not an http or https address; it is dropped',
        severity: "warning",
      },
      {
        path: 'row 5, column "directed"',
        message: "\"maybe\" is not true or false (nor 1/0, yes/no); the type's default is used",
        severity: "warning",
      },
      {
        path: "",
        message:
          "1 actor named in relations but not in the actors file was added as a state labelled with its id: turkey",
        severity: "warning",
      },
      { path: "actors[3]", message: 'actor "putin" has no relation', severity: "warning" },
    ]);
  });
});

describe("importCsv: relations alone", () => {
  it("creates every actor as a state labelled with its id, without a warning", () => {
    const { dataset, result } = imported(fixture("good.csv"));
    expect(dataset.actors.map((a) => [a.id, a.kind, a.label])).toEqual([
      ["russia", "state", { en: "russia" }],
      ["france", "state", { en: "france" }],
      ["turkey", "state", { en: "turkey" }],
      ["nato", "state", { en: "nato" }],
    ]);
    expect(result.problems.map((p) => p.path)).toEqual(['row 5, column "url"', 'row 5, column "directed"']);
  });

  it("uses the given title, and no address or date when the file has none", () => {
    const { dataset } = imported(csv("source,target,type\na,b,conflict\n", ""), { title: " War " });
    expect(dataset.meta).toEqual({
      title: { en: "War" },
      source: {
        publisher: { en: "CSV file" },
        language: "en",
      },
    });
    expect(dataset.relations[0]?.evidence).toEqual([{ quote: "CSV, row 2", reportedBy: "unknown" }]);
  });

  it("reads semicolons, a BOM, CRLF line ends and header names in any case or spacing", () => {
    const { dataset, result } = imported(fixture("semicolon.csv"));
    expect(result.problems).toEqual([]);
    expect(dataset.relations).toEqual([
      {
        id: "r2",
        source: "russia",
        target: "france",
        type: "cooperation",
        date: "2015-11-26",
        evidence: [{ quote: "Moscow and Paris agree, in principle", reportedBy: "semicolon.csv" }],
      },
      {
        id: "r3",
        source: "russia",
        target: "turkey",
        type: "tension",
        date: "2015-11-24",
        evidence: [{ quote: "semicolon.csv, row 3", reportedBy: "semicolon.csv" }],
      },
    ]);
  });

  it("reads tabs", () => {
    const { dataset } = imported(csv("source\ttarget\ttype\tquote\na\tb\tsupport\tsaid so, loudly\n"));
    expect(dataset.relations[0]).toMatchObject({ source: "a", target: "b", type: "support" });
    expect(dataset.relations[0]?.evidence[0]?.quote).toBe("said so, loudly");
  });

  it("reads every spelling of directed", () => {
    const spellings = ["true", "FALSE", "1", "0", "Yes", "no", "", "constructor"];
    const text = ["source,target,type,directed", ...spellings.map((d) => `a,b,tension,${d}`)].join("\n");
    const { dataset, result } = imported(csv(text));
    expect(dataset.relations.map((r) => r.directed)).toEqual([true, false, true, false, true, false, undefined, undefined]);
    expect(result.problems.map((p) => p.path)).toEqual(['row 9, column "directed"']);
  });

  it("knows GDELT's statement type, adding it only when a row uses it", () => {
    const { dataset, result } = imported(csv("source,target,type\nUSA,RUS,Statement\nUSA,RUS,statement\n"));
    expect(result.problems).toEqual([]);
    expect(dataset.relations.map((r) => r.type)).toEqual(["statement", "statement"]);
    expect(dataset.relationTypes).toEqual([...CORE_TYPES, STATEMENT_TYPE]);
  });

  it("reads a file as the BigQuery query in docs/gdelt.md writes it", () => {
    const text = [
      "source,target,type,date,directed,quote,reportedBy,url",
      'USA,RUS,cooperation,2015-11-01,true,"42 GDELT events in November 2015 (cooperation), mean Goldstein 1.93",www.reuters.com,https://www.reuters.com/a',
      'RUSGOV,TUR,tension,2015-11-01,true,"17 GDELT events in November 2015 (tension), mean Goldstein -2.41",GDELT Project,',
    ].join("\n");
    const { dataset, result } = imported(csv(text, "bq-results.csv"));
    expect(result.problems).toEqual([]);
    expect(dataset.relations[1]).toEqual({
      id: "r3",
      source: "RUSGOV",
      target: "TUR",
      type: "tension",
      directed: true,
      date: "2015-11-01",
      evidence: [{ quote: "17 GDELT events in November 2015 (tension), mean Goldstein -2.41", reportedBy: "GDELT Project" }],
    });
    expect(dataset.meta.source.url).toBe("https://www.reuters.com/a");
  });

  it("matches core types ignoring case and skips blank rows without renumbering", () => {
    const { dataset } = imported(csv("source,target,type\n\na,b, Conflict \n,,\nb,c,TENSION\n"));
    expect(dataset.relations.map((r) => [r.id, r.type])).toEqual([
      ["r3", "conflict"],
      ["r5", "tension"],
    ]);
  });
});

describe("importCsv: unknown relation types", () => {
  const { dataset, result } = imported(fixture("unknown-type.csv"));

  it("reports each unknown type once, with all its rows", () => {
    expect(result.problems).toEqual([
      {
        path: 'row 2, column "type"',
        message: 'unknown relation type "arms-deal" (rows 2, 4, 6); it is added as a neutral, undirected type',
        severity: "warning",
      },
      {
        path: 'row 5, column "type"',
        message: 'unknown relation type "sanctions" (row 5); it is added as a neutral, undirected type',
        severity: "warning",
      },
    ]);
  });

  it("imports the relations with a neutral, undirected, grey type labelled with its id", () => {
    expect(dataset.relations.map((r) => r.type)).toEqual(["arms-deal", "tension", "arms-deal", "sanctions", "arms-deal"]);
    expect(dataset.relationTypes.slice(CORE_TYPES.length)).toEqual([
      { id: "arms-deal", label: { en: "arms-deal" }, sign: 0, directed: false, color: UNKNOWN_TYPE_COLOR },
      { id: "sanctions", label: { en: "sanctions" }, sign: 0, directed: false, color: UNKNOWN_TYPE_COLOR },
    ]);
    expect(UNKNOWN_TYPE_COLOR).toBe("#A0A0A0");
  });
});

describe("importCsv: errors", () => {
  const failed = (file: ImportFile, options?: ImportOptions) => {
    const result = importCsv(file, options);
    expect(result.ok).toBe(false);
    expect(result.format).toBe("csv");
    return result.problems;
  };

  it("reports an unterminated quote on the row it opens", () => {
    expect(failed(fixture("broken-quote.csv"))).toEqual([
      { path: "row 2", message: 'a quoted field is never closed: a " opens it and no " ends it', severity: "error" },
    ]);
  });

  it("names every missing required column in one error on row 1", () => {
    expect(failed(fixture("missing-columns.csv"))).toEqual([
      { path: 'row 1, column "Kind"', message: 'unknown column "Kind" is ignored', severity: "warning" },
      {
        path: "row 1",
        message: 'missing required columns "target", "type" (the header reads: Source, Kind, Quote)',
        severity: "error",
      },
    ]);
  });

  it("reports empty ends, bad dates and duplicate ids on their rows, all at once", () => {
    const text = [
      "id,source,target,type,date",
      "x,a,,tension,2015-11-24",
      "x,a,b,tension,2015-02-30",
      ",a,b,,24/11/2015",
      "r4,a,b,tension,",
    ].join("\n");
    expect(failed(csv(text))).toEqual([
      { path: 'row 2, column "target"', message: "the target is empty", severity: "error" },
      { path: 'row 3, column "date"', message: '"2015-02-30" is not a date written YYYY-MM-DD', severity: "error" },
      { path: 'row 3, column "id"', message: 'duplicate id "x" (already used by row 2)', severity: "error" },
      { path: 'row 4, column "type"', message: "the type is empty", severity: "error" },
      { path: 'row 4, column "date"', message: '"24/11/2015" is not a date written YYYY-MM-DD', severity: "error" },
      { path: 'row 5, column "id"', message: 'duplicate id "r4" (already used by row 4)', severity: "error" },
    ]);
  });

  it("reports a broken actors file by its name, and an empty file", () => {
    const actors = csv("id,kind\nrussia,state\nrussia,state\n,person\n", "people.csv");
    expect(failed(fixture("good.csv"), { actors })).toContainEqual({
      path: 'people.csv, row 3, column "id"',
      message: 'duplicate id "russia" (already used by row 2)',
      severity: "error",
    });
    expect(failed(fixture("good.csv"), { actors })).toContainEqual({
      path: 'people.csv, row 4, column "id"',
      message: "the id is empty",
      severity: "error",
    });
    expect(failed(csv(""))).toEqual([
      { path: "row 1", message: 'missing required columns "source", "target", "type" (the file has no header row)', severity: "error" },
    ]);
  });

  it("warns when the actors file has no kind column, and about extra fields and orphan translations", () => {
    const actors = csv("ID,Label_EN\na,Alpha\n", "");
    const { result } = imported(csv("source,target,type,translation\na,b,tension,hello,extra\n"), { actors });
    expect(result.problems).toEqual([
      { path: "row 2", message: "row 2 has 5 fields, the header 4; the extra ones are ignored", severity: "warning" },
      { path: "actors file, row 1", message: 'there is no "kind" column: every actor is taken as a state', severity: "warning" },
      { path: 'row 2, column "translation"', message: "a translation without a quote is ignored", severity: "warning" },
      {
        path: "",
        message: "1 actor named in relations but not in the actors file was added as a state labelled with its id: b",
        severity: "warning",
      },
    ]);
  });
});

describe("importCsv: never throws", () => {
  const inputs = ["", "\uFEFF", "\u0000", '"', '"""', "source,target,type", "source,target,type\n\n\n", "a\tb;c,d\r\r\n", "x".repeat(10_000)];
  it.each(inputs)("returns a result for input %#", (text) => {
    const result = importCsv({ name: "", text }, { actors: { name: "", text } });
    expect(typeof result.ok).toBe("boolean");
    if (result.ok) expect(validateDataset(result.dataset).ok).toBe(true);
  });

  it("says so when the file has a header and no rows", () => {
    const { result, dataset } = imported(csv("source,target,type\n"));
    expect(dataset.relations).toEqual([]);
    expect(result.problems).toEqual([{ path: "", message: "the file has a header but no relations", severity: "warning" }]);
  });
});
