/**
 * Problems in the reader's language: the core builds them from catalogue keys,
 * the English text stays their `message`, and the UI says them (and where they
 * are) in Persian with Persian digits.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDatasetJson, validateDataset } from "../../src/core/dataset/validate";
import { translator } from "../../src/core/i18n";
import { en } from "../../src/core/i18n/en";
import { fa } from "../../src/core/i18n/fa";
import { importCsv } from "../../src/core/import/csv";
import { GDELT_COLUMNS, importGdelt } from "../../src/core/import/gdelt";
import { importFile } from "../../src/core/import";
import { english, error, msg, plainProblem, type Problem } from "../../src/core/problems";
import { parseView } from "../../src/core/view";
import { ResultAssembler, splitResult, type HandoverPart } from "../../src/import/handover";
import { problemPlace, problemText } from "../../src/ui/problems";
import { minimalDataset } from "./fixtures";

const faT = translator("fa");
const enT = translator("en");
const LATIN_DIGIT = /[0-9]/;
const PERSIAN_DIGIT = /[۰-۹]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const SRC = new URL("../../src/", import.meta.url).pathname;
// The catalogues themselves list every key: what counts is the code that uses them.
const sources = sourceFiles(SRC)
  .filter((path) => !path.includes(join("core", "i18n")))
  .map((path) => readFileSync(path, "utf8"));
const usedKeys = new Set(sources.flatMap((text) => [...text.matchAll(/"(problem\.\w+\.\w+)"/g)].map((m) => m[1]!)));

function only(problems: readonly Problem[], key: string): Problem {
  const found = problems.filter((p) => p.key === key);
  expect(found, key).toHaveLength(1);
  return found[0]!;
}

describe("problem keys", () => {
  it("every problem key the code uses is in both catalogues", () => {
    expect(usedKeys.size).toBeGreaterThan(100);
    for (const key of usedKeys) {
      expect(Object.prototype.hasOwnProperty.call(en, key), `en ${key}`).toBe(true);
      expect(Object.prototype.hasOwnProperty.call(fa, key), `fa ${key}`).toBe(true);
    }
  });

  it("every problem key in the catalogue is used somewhere", () => {
    const listed = Object.keys(en).filter((key) => key.startsWith("problem."));
    expect(listed.filter((key) => !usedKeys.has(key))).toEqual([]);
  });

  it("keep the key out of a problem's comparison, and plainProblem() keeps it across a structured clone", () => {
    const p = error("row 2", msg("problem.csv.emptyId"));
    expect(p).toEqual({ path: "row 2", message: "the id is empty", severity: "error" });
    expect(p.key).toBe("problem.csv.emptyId");
    expect(structuredClone(p).key).toBeUndefined();
    expect(structuredClone(plainProblem(p))).toMatchObject({ key: "problem.csv.emptyId", message: "the id is empty" });
  });

  it("render English without grouping digits, as the core always wrote them", () => {
    expect(english(msg("problem.gdelt.columnCount", { row: 12345, fields: 60, expected: 61 }))).toBe(
      "row 12345 has 60 columns, expected 61",
    );
    expect(english(msg("problem.gdelt.withoutActors", { n: 1 }))).toBe("1 row without Actor1Code or Actor2Code skipped");
    expect(english(msg("problem.gdelt.withoutActors", { n: 2 }))).toBe("2 rows without Actor1Code or Actor2Code skipped");
  });
});

describe("problems in Persian", () => {
  it("a CSV with an unknown column: the message stays English, the reader reads Persian, the place too", () => {
    const result = importCsv({
      name: "r.csv",
      text: "source,target,type,colour\natlantis,borduria,tension,red\n",
    });
    const p = only(result.problems, "problem.csv.unknownColumn");
    expect(p.message).toBe('unknown column "colour" is ignored');
    expect(p.path).toBe('row 1, column "colour"');
    expect(problemText(p, faT)).toBe("ستون ناشناختهٔ «colour» نادیده گرفته شد");
    expect(problemPlace(p, faT)).toEqual({ text: "ردیف ۱، ستون «colour»", localized: true });
    expect(problemText(p, enT)).toBe(p.message);
    expect(problemPlace(p, enT).text).toBe(p.path);
  });

  it("a CSV missing its columns, with the actors file's name before the place", () => {
    const result = importCsv(
      { name: "r.csv", text: "source,target,type\na,b,tension\n" },
      { actors: { name: "actors.csv", text: "name\nx\n" } },
    );
    const p = only(result.problems, "problem.csv.missingColumns");
    expect(p.message).toBe('missing required column "id" (the header reads: name)');
    expect(problemText(p, faT)).toBe('ستون‌های لازم "id" نیستند (سطر عنوان: name)');
    expect(problemPlace(p, faT).text).toBe("actors.csv، ردیف ۱");
  });

  it("a GDELT file with a row of the wrong length: Persian digits, no Latin ones", () => {
    const short = GDELT_COLUMNS.slice(1).map(() => "1").join("\t");
    const result = importGdelt({ name: "events.tsv", text: `${short}\n${short}\n${short}\n` });
    const p = result.problems.find((q) => q.path === "row 3")!;
    expect(p.message).toBe("row 3 has 60 columns, expected 61");
    const text = problemText(p, faT);
    expect(text).toBe("ردیف ۳ دارای ۶۰ ستون است؛ باید ۶۱ ستون داشته باشد");
    expect(text).not.toMatch(LATIN_DIGIT);
    expect(problemPlace(p, faT).text).toBe("ردیف ۳");
  });

  it("broken JSON: the line and column in Persian", () => {
    const p = parseDatasetJson('{\n  "meta": {\n    "title": { "en": "x" }\n  },\n  "actors": [\n}').problems[0]!;
    expect(p.message).toMatch(/^not valid JSON at line 6, column 1: /);
    expect(problemText(p, faT)).toMatch(/^JSON در سطر ۶، ستون ۱ معتبر نیست: /);
  });

  it("broken XML: the place and the sentence", () => {
    const result = importFile({ name: "g.gexf", text: '<?xml version="1.0"?>\n<gexf>\n  <graph>\n</gexf>' });
    const p = result.problems[0]!;
    expect(p.path).toBe("line 4, column 1");
    expect(p.message).toBe("the XML is broken: the end tag </gexf> does not close <graph>, opened at line 3, column 3 and never closed");
    expect(problemPlace(p, faT).text).toBe("سطر ۴، ستون ۱");
    expect(problemText(p, faT)).toContain("سطر ۳، ستون ۳");
  });

  it("zod's issues and the schema's own rules", () => {
    const input = minimalDataset();
    input.actors[0].kind = "alliance";
    input.relations[0].date = "2015-02-30";
    input.relations[0].count = 1.5;
    const problems = validateDataset(input).problems;
    const kind = only(problems, "problem.dataset.oneOf");
    expect(kind.message).toBe("must be one of state, organization, person, armed-group, region");
    expect(problemText(kind, faT)).toBe("باید یکی از state, organization, person, armed-group, region باشد");
    expect(problemText(only(problems, "problem.dataset.isoDate"), faT)).toBe("باید تاریخی به شکل YYYY-MM-DD باشد");
    expect(only(problems, "problem.dataset.mustBeWholeNumber").message).toBe("must be a whole number");
    // A JSON path stays as written, left to right.
    expect(problemPlace(kind, faT)).toEqual({ text: "actors[0].kind", localized: false });
  });

  it("a bad address parameter", () => {
    const { notices } = parseView("?kinds=xyz&from=2021-05-01&to=2020-01-01", "https://example.org/");
    const kind = only(notices, "problem.url.kind");
    expect(kind.message).toBe('unknown actor kind "xyz": use state, organization, person, armed-group, region');
    expect(problemText(kind, faT)).toBe("نوع بازیگر ناشناختهٔ «xyz»: یکی از state, organization, person, armed-group, region را به کار ببرید");
    expect(problemPlace(kind, faT).text).toBe("kinds");
    expect(problemText(only(notices, "problem.url.swapped"), faT)).toBe("from «2021-05-01» پس از to «2020-01-01» است: جایشان عوض شد");
  });

  it("counts in Persian digits", () => {
    const p = error("", msg("problem.gdelt.moreColumnErrors", { n: 1234 }));
    expect(p.message).toBe("1234 more rows with the wrong number of columns");
    expect(problemText(p, faT)).toBe("۱٬۲۳۴ ردیف دیگر با تعداد ستون نادرست");
    expect(problemText(p, faT)).toMatch(PERSIAN_DIGIT);
  });

  it("a problem without a key is shown as the core wrote it", () => {
    const p = error("", "the importer failed: boom");
    expect(problemText(p, faT)).toBe("the importer failed: boom");
    expect(problemPlace(p, faT).text).toBe("(کل سند)");
  });

  it("keys survive the crossing from the import worker", () => {
    const result = importCsv({ name: "r.csv", text: "source,target,type,colour\na,b,tension,red\n" });
    const assembler = new ResultAssembler();
    let whole = null;
    for (const part of splitResult(result)) whole = assembler.add(structuredClone(part) as HandoverPart);
    const p = whole!.problems.find((q) => q.path === 'row 1, column "colour"')!;
    expect(problemText(p, faT)).toBe("ستون ناشناختهٔ «colour» نادیده گرفته شد");
  });
});
