/**
 * The verdict a worker gives on a dataset's text while the page builds from its own parse: the same
 * problems the page would find, and whether the page's parse is the dataset itself.
 */
import { describe, expect, it } from "vitest";
import { parseDatasetJson } from "../../src/core/dataset";
import { judgeDatasetText, sameJson } from "../../src/core/dataset/verdict";
import { plainProblem } from "../../src/core/problems";
import { bundledJson, minimalDataset, relation, type Loose } from "./fixtures";

const judgeOf = (value: unknown) => judgeDatasetText(JSON.stringify(value));

describe("judgeDatasetText", () => {
  it("finds the bundled dataset valid, and exactly the text parsed", () => {
    expect(judgeOf(bundledJson())).toEqual({ ok: true, problems: [], sameAsParsed: true });
  });

  it("gives the very problems the page's own check gives, as plain data", () => {
    const broken = minimalDataset();
    (broken.relations as Loose[]).push(relation("r-ghost", "nowhere", "nobody", "ally"));
    (broken.actors as Loose[])[0]!.colour = "red";
    const text = JSON.stringify(broken);
    const verdict = judgeDatasetText(text);
    expect(verdict.ok).toBe(false);
    expect(verdict.sameAsParsed).toBe(false);
    expect(verdict.problems).toEqual(parseDatasetJson(text).problems.map(plainProblem));
    expect(verdict.problems.map((p) => p.path)).toEqual(expect.arrayContaining(["relations[2].source", "relations[2].target", "actors[0].colour"]));
    // Plain: a structured clone keeps the catalogue key the UI translates.
    expect(structuredClone(verdict.problems)).toEqual(verdict.problems);
    expect(verdict.problems.every((p) => typeof p.key === "string")).toBe(true);
  });

  it("says where a syntax error is, as the page's own parse does", () => {
    const text = '{"meta": {}, "actors": [,]}';
    const verdict = judgeDatasetText(text);
    expect(verdict).toEqual({ ok: false, problems: parseDatasetJson(text).problems.map(plainProblem), sameAsParsed: false });
    expect(verdict.problems[0]!.message).toMatch(/line 1, column \d+/);
  });

  it("tells a valid dataset the check changed from the text: a trimmed label, a dropped unknown field", () => {
    const padded = minimalDataset();
    const label = (padded.actors as Loose[])[0]!.label as Record<string, string>;
    label.en = `  ${label.en}  `;
    expect(judgeOf(padded)).toMatchObject({ ok: true, sameAsParsed: false });

    const extra = minimalDataset();
    (extra.relations as Loose[])[0]!.note = "kept by nobody";
    const verdict = judgeOf(extra);
    expect(verdict).toMatchObject({ ok: true, sameAsParsed: false });
    expect(verdict.problems.map((p) => [p.path, p.severity])).toEqual([["relations[0].note", "warning"]]);
  });

  it("keeps a dataset with warnings that change nothing the same as its text", () => {
    const lonely = minimalDataset();
    (lonely.actors as Loose[]).push({ id: "alone", kind: "state", label: { en: "Alone" } });
    const verdict = judgeOf(lonely);
    expect(verdict.ok).toBe(true);
    expect(verdict.sameAsParsed).toBe(true);
    expect(verdict.problems.map((p) => p.severity)).toEqual(["warning"]);
  });
});

describe("judgeDatasetText in two parts", () => {
  /** The verdicts on a value's text: on all but its relations, then on the whole. */
  function judgedInParts(value: unknown) {
    const parts: ReturnType<typeof judgeDatasetText>[] = [];
    const whole = judgeDatasetText(JSON.stringify(value), (part) => {
      // The part comes before the whole's verdict is made.
      expect(parts).toHaveLength(0);
      parts.push(part);
    });
    expect(parts).toHaveLength(1);
    return { part: parts[0]!, whole };
  }

  it("gives the part of a valid dataset as exactly parsed, then the same verdict as in one", () => {
    const { part, whole } = judgedInParts(bundledJson());
    expect(part).toEqual({ ok: true, problems: [], sameAsParsed: true });
    expect(whole).toEqual(judgeOf(bundledJson()));
  });

  it("finds the part right and the same as parsed when only the relations are wrong or changed", () => {
    const broken = minimalDataset();
    (broken.relations as Loose[])[0]!.source = "nowhere";
    expect(judgedInParts(broken)).toMatchObject({ part: { ok: true, sameAsParsed: true }, whole: { ok: false, sameAsParsed: false } });
    const extra = minimalDataset();
    (extra.relations as Loose[])[0]!.note = "dropped";
    (extra.relations as Loose[])[1]!.id = " r2 ";
    expect(judgedInParts(extra)).toMatchObject({ part: { ok: true, problems: [], sameAsParsed: true }, whole: { ok: true, sameAsParsed: false } });
  });

  it("tells a part the check changed, or found wrong", () => {
    const padded = minimalDataset();
    ((padded.actors as Loose[])[0]!.label as Record<string, string>).en = " A ";
    expect(judgedInParts(padded).part).toMatchObject({ ok: true, sameAsParsed: false });
    const extra = minimalDataset();
    (extra.meta as Loose).editor = "me";
    expect(judgedInParts(extra).part).toMatchObject({ ok: true, sameAsParsed: false, problems: [{ path: "meta.editor", severity: "warning" }] });
    const wrong = minimalDataset();
    (wrong.actors as Loose[])[1]!.kind = "country";
    const { part, whole } = judgedInParts(wrong);
    expect(part).toMatchObject({ ok: false, sameAsParsed: false });
    expect(part.problems).toEqual(whole.problems);
  });

  it("gives a syntax error as the part's verdict too", () => {
    const parts: unknown[] = [];
    const whole = judgeDatasetText("{", (part) => parts.push(part));
    expect(parts).toEqual([whole]);
    expect(whole.ok).toBe(false);
  });
});

describe("sameJson", () => {
  it("compares JSON values deeply, whatever the order of keys", () => {
    expect(sameJson({ a: 1, b: [1, { c: "x" }] }, { b: [1, { c: "x" }], a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({}, [])).toBe(false);
    expect(sameJson("1", 1)).toBe(false);
    expect(sameJson(null, null)).toBe(true);
    expect(sameJson({ a: [{}] }, { a: [{}] })).toBe(true);
    // Only own fields count: an inherited one is not the document's.
    expect(sameJson(Object.create({ a: 1 }) as object, {})).toBe(true);
    expect(sameJson({ a: undefined }, {})).toBe(false);
  });
});
