/**
 * Dataset validation: every kind of problem is reported with its exact path and
 * a plain message, all at once, and nothing throws on any input.
 */
import { describe, expect, it } from "vitest";
import { parseDatasetJson, validateDataset } from "../../src/core/dataset";
import { validateDatasetInParts, type DatasetPart } from "../../src/core/dataset/validate";
import type { Result } from "../../src/core/problems";
import { locateJsonError } from "../../src/core/dataset/json-error";
import type { Problem } from "../../src/core/problems";
import { bundledJson, minimalDataset, relation, type Loose } from "./fixtures";

const DOCUMENT_MESSAGE = "the document must be a JSON object with meta, actors, relationTypes and relations";

function problemsOf(input: unknown): readonly Problem[] {
  return validateDataset(input).problems;
}

/** The single error a mutation causes, checked to be the only problem. */
function onlyProblem(mutate: (d: Loose) => void): Problem {
  const d = minimalDataset();
  mutate(d);
  const result = validateDataset(d);
  expect(result.ok).toBe(false);
  expect(result.problems).toHaveLength(1);
  const [problem] = result.problems;
  if (!problem) throw new Error("no problem reported");
  expect(problem.severity).toBe("error");
  return problem;
}

describe("validateDataset: valid documents", () => {
  it("accepts the bundled dataset with no problem at all, not even a warning", () => {
    const result = validateDataset(bundledJson());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("accepts the minimal fixture and returns its content", () => {
    const result = validateDataset(minimalDataset());
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.value.actors.map((a) => a.id)).toEqual(["a", "b", "c"]);
    expect(result.value.relations.map((r) => r.id)).toEqual(["r1", "r2"]);
  });

  it("accepts ids that are names of Object.prototype members", () => {
    const d = minimalDataset();
    d.actors = [
      { id: "__proto__", kind: "state", label: { en: "P" } },
      { id: "constructor", kind: "state", label: { en: "C" } },
      { id: "toString", kind: "state", label: { en: "T" } },
    ];
    d.relationTypes[0].id = "hasOwnProperty";
    d.relations = [
      relation("__proto__", "__proto__", "constructor", "hasOwnProperty"),
      relation("valueOf", "toString", "__proto__", "attack"),
    ];
    const result = validateDataset(d);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.actors.map((a) => a.id)).toEqual(["__proto__", "constructor", "toString"]);
    expect(result.value.relations[0]).toMatchObject({ id: "__proto__", source: "__proto__", target: "constructor" });
  });

  it("does not take an id that names an Object.prototype member for a known actor", () => {
    const d = minimalDataset();
    d.relations[0].target = "toString";
    d.relations.push(relation("r3", "a", "b", "ally"));
    expect(problemsOf(d)).toEqual([{ path: "relations[0].target", message: 'unknown actor "toString"', severity: "error" }]);
  });
});

describe("validateDataset: one problem, its path and message", () => {
  it("reports a missing label", () => {
    expect(onlyProblem((d) => delete d.actors[0].label)).toEqual({
      path: "actors[0].label",
      message: "is required but missing",
      severity: "error",
    });
  });

  it("reports a missing list at the top level", () => {
    expect(onlyProblem((d) => delete d.relations)).toMatchObject({ path: "relations", message: "is required but missing" });
  });

  it("reports a localized text with no language", () => {
    expect(onlyProblem((d) => (d.actors[1].label = {}))).toMatchObject({
      path: "actors[1].label",
      message: "needs text in at least one language",
    });
  });

  it("reports a localized text whose only entry is blank", () => {
    expect(onlyProblem((d) => (d.meta.title = { en: "   " }))).toMatchObject({
      path: "meta.title.en",
      message: "must not be empty",
    });
  });

  it("reports a key that is not a language code at the key's path", () => {
    expect(onlyProblem((d) => (d.actors[0].label = { English: "Alpha" }))).toMatchObject({
      path: "actors[0].label.English",
      message: "has a key that is not a language code such as fa or en",
    });
  });

  it("writes a non-identifier key in brackets", () => {
    expect(onlyProblem((d) => (d.actors[0].label = { "en us": "Alpha" }))).toMatchObject({
      path: 'actors[0].label["en us"]',
      message: "has a key that is not a language code such as fa or en",
    });
  });

  it("drops a __proto__ language key from JSON text instead of crashing or polluting", () => {
    const d = minimalDataset();
    d.actors[0].label = JSON.parse('{"__proto__": "Alpha"}');
    expect(problemsOf(d)).toEqual([
      { path: "actors[0].label", message: "needs text in at least one language", severity: "error" },
    ]);
    d.actors[0].label = JSON.parse('{"__proto__": "Alpha", "en": "A"}');
    const result = validateDataset(d);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.actors[0]?.label).toEqual({ en: "A" });
    expect(Object.getPrototypeOf(result.value.actors[0]?.label)).toBe(Object.prototype);
  });

  it("reports constructor as a key that is not a language code", () => {
    expect(onlyProblem((d) => (d.actors[0].label = JSON.parse('{"constructor": "A"}')))).toMatchObject({
      path: "actors[0].label.constructor",
      message: "has a key that is not a language code such as fa or en",
    });
  });

  it("reports an unknown source actor and names it", () => {
    const problem = onlyProblem((d) => {
      d.relations[0].source = "ghost";
      d.relations.push(relation("r3", "a", "b", "ally"));
    });
    expect(problem.path).toBe("relations[0].source");
    expect(problem.message).toContain('"ghost"');
    expect(problem.message).toBe('unknown actor "ghost"');
  });

  it("reports an unknown target actor", () => {
    const problem = onlyProblem((d) => {
      d.relations[1].target = "nobody";
      d.relations.push(relation("r3", "a", "b", "ally"));
    });
    expect(problem).toMatchObject({ path: "relations[1].target", message: 'unknown actor "nobody"' });
  });

  it("reports a duplicate actor id at the second one, naming the first", () => {
    const problem = onlyProblem((d) => d.actors.push({ id: "b", kind: "region", label: { en: "B again" } }));
    expect(problem).toEqual({
      path: "actors[3].id",
      message: 'duplicate id "b" (already used by actors[1])',
      severity: "error",
    });
  });

  it("reports a duplicate relation type id", () => {
    const problem = onlyProblem((d) => d.relationTypes.push({ ...d.relationTypes[0], label: { en: "Twin" } }));
    expect(problem).toMatchObject({ path: "relationTypes[2].id", message: 'duplicate id "ally" (already used by relationTypes[0])' });
  });

  it("reports a duplicate relation id", () => {
    const problem = onlyProblem((d) => d.relations.push(relation("r1", "b", "c", "ally")));
    expect(problem).toMatchObject({ path: "relations[2].id", message: 'duplicate id "r1" (already used by relations[0])' });
  });

  it("reports an unknown relation type", () => {
    expect(onlyProblem((d) => (d.relations[1].type = "hug"))).toMatchObject({
      path: "relations[1].type",
      message: 'unknown relation type "hug"',
    });
  });

  it.each([["2015-02-30"], ["26/11/2015"], ["2015-11-26T00:00:00Z"], ["2015-13-01"], [""]])(
    "reports the bad date %j",
    (date) => {
      expect(onlyProblem((d) => (d.relations[0].date = date))).toMatchObject({
        path: "relations[0].date",
        message: "must be a date written YYYY-MM-DD",
      });
    },
  );

  it("accepts 29 February in a leap year", () => {
    const d = minimalDataset();
    d.relations[0].date = "2016-02-29";
    expect(problemsOf(d)).toEqual([]);
  });

  it("reports a bad publication date", () => {
    expect(onlyProblem((d) => (d.meta.source.published = "2015-02-30"))).toMatchObject({
      path: "meta.source.published",
      message: "must be a date written YYYY-MM-DD",
    });
  });

  it("reports a relation with no evidence", () => {
    expect(onlyProblem((d) => (d.relations[1].evidence = []))).toMatchObject({
      path: "relations[1].evidence",
      message: "needs at least one piece of evidence",
    });
  });

  it("reports evidence with a blank quote", () => {
    expect(onlyProblem((d) => (d.relations[0].evidence[0].quote = " "))).toMatchObject({
      path: "relations[0].evidence[0].quote",
      message: "must not be empty",
    });
  });

  it.each([["red"], ["#12345"], ["#1234567"], ["#ggg000"], ["112233"]])("reports the bad colour %j", (color) => {
    expect(onlyProblem((d) => (d.relationTypes[0].color = color))).toMatchObject({
      path: "relationTypes[0].color",
      message: "must be a colour written #rrggbb",
    });
  });

  it.each([[2], [-2], [0.5], ["1"], [null]])("reports the bad sign %j", (sign) => {
    expect(onlyProblem((d) => (d.relationTypes[1].sign = sign))).toMatchObject({
      path: "relationTypes[1].sign",
      message: "must be 1 (friendly), 0 (neutral) or -1 (hostile)",
    });
  });

  it("reports a bad kind and lists the good ones", () => {
    expect(onlyProblem((d) => (d.actors[2].kind = "country"))).toMatchObject({
      path: "actors[2].kind",
      message: "must be one of state, organization, person, armed-group, region",
    });
  });

  it("reports a directed flag that is not a boolean", () => {
    expect(onlyProblem((d) => (d.relationTypes[0].directed = "yes"))).toMatchObject({
      path: "relationTypes[0].directed",
      message: "must be true or false",
    });
  });

  it.each([["javascript:alert(1)"], ["data:text/html,hi"], ["ftp://example.org/x"], ["not a url"]])(
    "reports the source address %j",
    (url) => {
      expect(onlyProblem((d) => (d.meta.source.url = url))).toMatchObject({
        path: "meta.source.url",
        message: "must be an http or https address",
      });
    },
  );

  it("reports a javascript: evidence address", () => {
    expect(onlyProblem((d) => (d.relations[1].evidence[0].url = "javascript:alert(1)"))).toMatchObject({
      path: "relations[1].evidence[0].url",
      message: "must be an http or https address",
    });
  });

  it("reports a wrongly typed value with the type it must have", () => {
    expect(onlyProblem((d) => (d.actors = {}))).toMatchObject({ path: "actors", message: "must be a list" });
    expect(onlyProblem((d) => (d.actors[0] = null))).toMatchObject({ path: "actors[0]", message: "must be an object" });
    expect(onlyProblem((d) => (d.relations[0].id = 7))).toMatchObject({ path: "relations[0].id", message: "must be a string" });
  });
});

describe("validateDataset: several problems at once", () => {
  it("reports every shape problem, each at its path", () => {
    const d = minimalDataset();
    delete d.actors[0].label;
    d.actors[1].kind = "country";
    d.relationTypes[0].sign = 2;
    d.relationTypes[1].color = "red";
    d.relations[0].date = "26/11/2015";
    d.relations[1].evidence = [];
    const problems = problemsOf(d);
    expect(problems).toHaveLength(6);
    expect(problems.map((p) => p.path)).toEqual([
      "actors[0].label",
      "actors[1].kind",
      "relationTypes[0].sign",
      "relationTypes[1].color",
      "relations[0].date",
      "relations[1].evidence",
    ]);
    expect(problems.every((p) => p.severity === "error")).toBe(true);
  });

  it("reports every link problem, each at its path", () => {
    const d = minimalDataset();
    d.actors.push({ id: "a", kind: "state", label: { en: "A again" } });
    d.relations[0].source = "x";
    d.relations[1].type = "y";
    d.relations.push(relation("r1", "b", "c", "ally"));
    const problems = problemsOf(d);
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ["actors[3].id", 'duplicate id "a" (already used by actors[0])'],
      ["relations[2].id", 'duplicate id "r1" (already used by relations[0])'],
      ["relations[0].source", 'unknown actor "x"'],
      ["relations[1].type", 'unknown relation type "y"'],
    ]);
    expect(validateDataset(d).ok).toBe(false);
  });

  it("checks links only once the shape is right", () => {
    const d = minimalDataset();
    d.relations[0].source = "x";
    d.relationTypes[0].color = "red";
    expect(problemsOf(d).map((p) => p.path)).toEqual(["relationTypes[0].color"]);
  });
});

describe("validateDataset: warnings", () => {
  it("warns about a relation of an actor with itself and still accepts the dataset", () => {
    const d = minimalDataset();
    d.relations.push(relation("self", "b", "b", "ally"));
    const result = validateDataset(d);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      { path: "relations[2].target", message: 'relates actor "b" to itself', severity: "warning" },
    ]);
  });

  it("warns about an actor with no relation and still accepts the dataset", () => {
    const d = minimalDataset();
    d.actors.push({ id: "loner", kind: "region", label: { en: "Loner" } });
    const result = validateDataset(d);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([{ path: "actors[3]", message: 'actor "loner" has no relation', severity: "warning" }]);
  });

  it("keeps the warnings next to the errors when there are errors", () => {
    const d = minimalDataset();
    d.actors.push({ id: "loner", kind: "region", label: { en: "Loner" } });
    d.relations[0].type = "nope";
    const result = validateDataset(d);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.path, p.severity])).toEqual([
      ["relations[0].type", "error"],
      ["actors[3]", "warning"],
    ]);
  });
});

describe("validateDataset: not a dataset at all", () => {
  it.each([[null], [[]], [42], ["x"], [undefined], [true], [[minimalDataset()]]])(
    "reports %j as one problem of the whole document",
    (input) => {
      const result = validateDataset(input);
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([{ path: "", message: DOCUMENT_MESSAGE, severity: "error" }]);
    },
  );

  it("reports an empty object as four missing parts", () => {
    expect(problemsOf({}).map((p) => [p.path, p.message])).toEqual([
      ["meta", "is required but missing"],
      ["actors", "is required but missing"],
      ["relationTypes", "is required but missing"],
      ["relations", "is required but missing"],
    ]);
  });

  it("never throws on odd values", () => {
    const huge = "x".repeat(2_000_000);
    const deep: Loose = {};
    let here = deep;
    for (let i = 0; i < 5_000; i++) here = here.next = {};
    const cyclic: Loose = minimalDataset();
    cyclic.meta.self = cyclic;
    const oddities: unknown[] = [
      undefined,
      Symbol("s"),
      () => 1,
      new Date(0),
      new Map(),
      Object.create(null),
      { meta: null, actors: null, relationTypes: null, relations: null },
      { meta: { title: null, source: { publisher: null } }, actors: [null], relationTypes: [null], relations: [null] },
      { meta: huge, actors: huge, relationTypes: huge, relations: huge },
      { ...minimalDataset(), actors: [{ id: huge, kind: huge, label: { [huge]: huge } }] },
      { ...minimalDataset(), meta: deep },
      cyclic,
      JSON.parse('{"__proto__": {"meta": 1}, "constructor": 1}'),
    ];
    for (const input of oddities) {
      const result = validateDataset(input);
      expect(typeof result.ok).toBe("boolean");
      expect(Array.isArray(result.problems)).toBe(true);
    }
  });

  it("accepts a huge label without trouble", () => {
    const d = minimalDataset();
    d.actors[0].label = { en: "x".repeat(1_000_000) };
    expect(validateDataset(d).ok).toBe(true);
  });
});

describe("parseDatasetJson", () => {
  it("parses and validates the bundled dataset text", () => {
    const result = parseDatasetJson(JSON.stringify(bundledJson()));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it("validates what it parsed", () => {
    const d = minimalDataset();
    d.relationTypes[0].sign = 2;
    expect(parseDatasetJson(JSON.stringify(d)).problems.map((p) => p.path)).toEqual(["relationTypes[0].sign"]);
    expect(parseDatasetJson("null").problems).toEqual([{ path: "", message: DOCUMENT_MESSAGE, severity: "error" }]);
  });

  it.each([
    ['{"a": 1,\n  "b": }', 'not valid JSON at line 2, column 8: unexpected "}"'],
    ["", "not valid JSON at line 1, column 1: unexpected end of text"],
    ["{", "not valid JSON at line 1, column 2: unexpected end of text"],
    ['{"meta": 1}\n\n  x', 'not valid JSON at line 3, column 3: unexpected "x"'],
    ["[1, 2,]", 'not valid JSON at line 1, column 7: unexpected "]"'],
    ["{'meta': 1}", "not valid JSON at line 1, column 2: expected a property name in double quotes"],
    ['{"a" 1}', 'not valid JSON at line 1, column 6: expected ":"'],
    ['[1 2]', 'not valid JSON at line 1, column 4: expected "," or "]"'],
    ['{\n"a": "x\ty"}', "not valid JSON at line 2, column 8: control character in a string"],
    ['"\\x"', "not valid JSON at line 1, column 3: bad escape in a string"],
    ['"\\u12g4"', "not valid JSON at line 1, column 6: bad \\u escape in a string"],
    ["-", "not valid JSON at line 1, column 2: unexpected end of text"],
    ["1.e5", "not valid JSON at line 1, column 3: expected a digit"],
    ["nul", "not valid JSON at line 1, column 4: unexpected end of text"],
    ["\uFEFF{}", 'not valid JSON at line 1, column 1: unexpected "\uFEFF"'],
  ])("reports %j with its line and column", (text, message) => {
    const result = parseDatasetJson(text);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ path: "", message, severity: "error" }]);
  });

  it("gives the line and column of an error deep in the bundled dataset", () => {
    const lines = JSON.stringify(bundledJson(), null, 2).split("\n");
    const at = 99;
    lines[at] = `${lines[at]} oops`;
    const [problem] = parseDatasetJson(lines.join("\n")).problems;
    expect(problem?.message).toMatch(new RegExp(`^not valid JSON at line ${at + 1}, column ${(lines[at] ?? "").length - 3}: `));
  });

  it("locates the error where JSON.parse does, for many broken texts", () => {
    const base = JSON.stringify(bundledJson(), null, 2).slice(0, 4000);
    const alphabet = '{}[]",:0123456789-+.eEtrufalsn \n\\u\t\u0001x';
    let state = 12345;
    const next = (n: number): number => {
      state = (Math.imul(1664525, state) + 1013904223) >>> 0;
      return state % n;
    };
    let broken = 0;
    for (let k = 0; k < 400; k++) {
      let text = base;
      for (let e = 0; e < 2; e++) {
        const pos = next(text.length);
        const ch = alphabet[next(alphabet.length)] ?? "x";
        text = text.slice(0, pos) + ch + text.slice(pos + next(2));
      }
      let engine: string | undefined;
      try {
        JSON.parse(text);
      } catch (cause) {
        engine = (cause as Error).message;
      }
      const located = locateJsonError(text);
      expect(located === undefined, text).toBe(engine === undefined);
      const position = engine ? /position (\d+)/.exec(engine)?.[1] : undefined;
      if (located && position !== undefined) expect(located.offset).toBe(Number(position));
      if (located) broken += 1;
    }
    expect(broken).toBeGreaterThan(100);
  });

  it("never throws, even on nesting too deep to scan", () => {
    const result = parseDatasetJson("[".repeat(200_000));
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/^not valid JSON/);
  });
});

describe("unknown fields", () => {
  it("are dropped with a warning that names the field and where it is", () => {
    const input = minimalDataset();
    input.extra = 1;
    input.actors[0].lable = { en: "typo" };
    input.relations[0].evidence[0]["reported by"] = "AFP";
    input.meta.source.author = "someone";
    const result = validateDataset(input);
    expect(result.ok).toBe(true);
    const unknown = result.problems.filter((p) => p.message.startsWith("unknown field"));
    expect(unknown).toEqual([
      { path: "extra", message: 'unknown field "extra" is ignored', severity: "warning" },
      { path: "meta.source.author", message: 'unknown field "author" is ignored', severity: "warning" },
      { path: "actors[0].lable", message: 'unknown field "lable" is ignored', severity: "warning" },
      { path: 'relations[0].evidence[0]["reported by"]', message: 'unknown field "reported by" is ignored', severity: "warning" },
    ]);
  });

  it("are told in the order the document has them, a relation's own before its evidence's, relation after relation", () => {
    const input = minimalDataset();
    input.relations.push({ ...input.relations[0], id: "r-second", evidence: [{ ...input.relations[0].evidence[0] }] });
    input.relations[0].note = "first";
    input.relations[0].evidence[0].page = 3;
    input.relations[1].note = "second";
    input.relations[1].evidence[0].page = 4;
    const paths = validateDataset(input)
      .problems.filter((p) => p.message.startsWith("unknown field"))
      .map((p) => p.path);
    expect(paths).toEqual(["relations[0].note", "relations[0].evidence[0].page", "relations[1].note", "relations[1].evidence[0].page"]);
  });

  it("accompany errors when the document is invalid", () => {
    const input = minimalDataset();
    input.actors[0].colour = "#fff";
    delete input.actors[0].label;
    const result = validateDataset(input);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.path, p.severity])).toEqual([
      ["actors[0].label", "error"],
      ["actors[0].colour", "warning"],
    ]);
  });
});

describe("validateDatasetInParts", () => {
  /** The result, and what was said of the part before it. */
  function inParts(input: unknown): { part: Result<DatasetPart>; whole: Result<unknown>; calls: number } {
    const said: Result<DatasetPart>[] = [];
    const whole = validateDatasetInParts(input, (part) => said.push(part));
    expect(said).toHaveLength(1);
    return { part: said[0]!, whole, calls: said.length };
  }

  it("says the part of a valid dataset valid, without its relations, and gives the whole dataset after", () => {
    const d = minimalDataset();
    const { part, whole } = inParts(d);
    expect(part.ok && Object.keys(part.value).sort()).toEqual(["actors", "meta", "relationTypes"]);
    expect(whole.ok && whole.value).toEqual(d);
  });

  it("finds the part valid whatever its relations hold, and the whole then as one pass would", () => {
    const d = minimalDataset();
    d.relations[0].source = "x";
    d.relations[1].evidence = [];
    d.relations[1].note = "unknown";
    const { part, whole } = inParts(d);
    expect(part).toMatchObject({ ok: true, problems: [] });
    expect(whole.ok).toBe(false);
    // A shape problem stops the links' check, as in one pass; the unknown field is said all the same.
    expect(whole.problems.map((p) => p.path)).toEqual(["relations[1].evidence", "relations[1].note"]);
  });

  it("says the part's own problems with it, and the whole's problems in the document's order", () => {
    const d = minimalDataset();
    d.meta.title = {};
    d.actors.push({ id: "a", kind: "state", label: { en: "A again" }, lable: "typo" });
    d.relations[0].date = "26/11/2015";
    const { part, whole } = inParts(d);
    expect(part.ok).toBe(false);
    expect(part.problems.map((p) => p.path)).toEqual(["meta.title", "actors[3].lable"]);
    expect(whole.problems.map((p) => p.path)).toEqual(["meta.title", "relations[0].date", "actors[3].lable"]);
    // Once the part's shape is right, its duplicate ids are the part's problems, before the relations are looked at.
    delete d.meta.title;
    d.meta.title = { en: "Fixed" };
    d.relations[0].date = "2015-11-26";
    const again = inParts(d);
    expect(again.part.ok).toBe(false);
    expect(again.part.problems.map((p) => [p.path, p.severity])).toEqual([
      ["actors[3].id", "error"],
      ["actors[3].lable", "warning"],
    ]);
  });

  it("says a document that is not an object twice the same", () => {
    for (const input of [null, [], "text", 3]) {
      const { part, whole } = inParts(input);
      expect(part).toEqual(whole);
      expect(whole.problems.map((p) => p.message)).toEqual([DOCUMENT_MESSAGE]);
    }
  });

  it("reports relations that are missing or not a list as one pass does", () => {
    const d = minimalDataset();
    delete d.relations;
    expect(inParts(d).part.ok).toBe(true);
    expect(inParts(d).whole.problems.map((p) => [p.path, p.message])).toEqual([["relations", "is required but missing"]]);
    d.relations = {};
    expect(inParts(d).whole.problems.map((p) => [p.path, p.message])).toEqual([["relations", "must be a list"]]);
  });
});
