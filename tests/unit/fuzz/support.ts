/**
 * What every fuzz test shares: how many inputs to try, strings meant to hurt,
 * ways to mutate a valid seed, and the one property every entry point owes:
 * a dataset or a list of problems, soon, and never an exception.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect } from "vitest";
import { validateDataset } from "../../../src/core/dataset/validate";
import { buildGraph } from "../../../src/core/graph";
import type { ImportResult } from "../../../src/core/import";
import type { Problem, Result } from "../../../src/core/problems";

/**
 * Runs per property. The default keeps `npm test` quick (the whole fuzz suite
 * takes seconds); FUZZ_RUNS=20000 npx vitest run tests/unit/fuzz digs deeper.
 */
export const RUNS = Math.max(1, Number.parseInt(process.env.FUZZ_RUNS ?? "", 10) || 100);

/** Per test: generous for the default runs on a slow machine, and growing with FUZZ_RUNS. */
export const TEST_TIMEOUT = 30_000 + RUNS * 200;

/** A fixed seed unless FUZZ_SEED says otherwise, so a failure in CI replays the same way locally. */
const SEED = Number.parseInt(process.env.FUZZ_SEED ?? "", 10);
export const FC_OPTIONS: fc.Parameters<unknown> = Number.isFinite(SEED)
  ? { numRuns: RUNS, seed: SEED }
  : { numRuns: RUNS };

/** One call on an input of a few kilobytes; far above the milliseconds it takes, far below a hang. */
export const TIME_LIMIT_MS = 3_000;

export const fixture = (path: string): string =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

export const BUNDLED_TEXT = readFileSync(new URL("../../../data/russia-france-coalition.json", import.meta.url), "utf8");

/** Strings that have broken parsers before: prototype keys, markup, separators, odd Unicode. */
export const NASTY = [
  "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype",
  "", " ", "\t", "\n", "\r\n", "\r", ",", ";", '"', "'", '""', "\\", "\0", "\uFEFF",
  "<", ">", "&", "&amp;", "&#0;", "&#x110000;", "&unknown;", "]]>", "<!--", "-->", "<![CDATA[", "<?xml?>",
  "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", "&a;",
  "<script>window.__pwned=1</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
  "\u202E", "\u202Egnp.exe", "\u200B", "\u200D", "\u2028", "\uD800", "\uDC00", "👩‍👩‍👧", "مسکو", "עברית",
  "NaN", "-0", "1e400", "-1", "0", "1", "true", "false", "null", "undefined", "{}", "[]",
  "2015-02-30", "2015-11-26", "20151126", "9999-12-31", "0000-01-01",
  "http://", "https://example.org/", "https://[::1]/", "http://a b", "%", "%zz", "%E0%A4%A", "+",
  "state", "armed-group", "cooperation", "conflict", "related", "label", "type", "kind",
] as const;

/** A string a user's file might hold: usually text, often one of the nasty ones, sometimes long. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY), weight: 4 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary-ascii", maxLength: 30 }), weight: 2 },
  { arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 5 }).map((parts) => parts.join("")), weight: 2 },
  { arbitrary: fc.nat(3000).map((n) => "x".repeat(n)), weight: 1 },
);

/** One edit to a text: what a careless hand or a broken transfer does to a file. */
export type TextEdit =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate"; at: number; length: number }
  | { kind: "swap-lines"; a: number; b: number }
  | { kind: "truncate"; at: number };

export function textEdits(structural: string): fc.Arbitrary<TextEdit[]> {
  const at = fc.nat();
  const edit: fc.Arbitrary<TextEdit> = fc.oneof(
    fc.record({ kind: fc.constant("insert" as const), at, text: nastyString }),
    fc.record({ kind: fc.constant("insert" as const), at, text: fc.string({ unit: fc.constantFrom(...structural), minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant("delete" as const), at, length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant("duplicate" as const), at, length: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ kind: fc.constant("swap-lines" as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ kind: fc.constant("truncate" as const), at }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 });
}

export function applyEdits(seed: string, edits: readonly TextEdit[]): string {
  let text = seed;
  for (const edit of edits) {
    const size = text.length + 1;
    switch (edit.kind) {
      case "insert": {
        const i = edit.at % size;
        text = text.slice(0, i) + edit.text + text.slice(i);
        break;
      }
      case "delete": {
        const i = edit.at % size;
        text = text.slice(0, i) + text.slice(i + edit.length);
        break;
      }
      case "duplicate": {
        const i = edit.at % size;
        text = text.slice(0, i + edit.length) + text.slice(i);
        break;
      }
      case "swap-lines": {
        const lines = text.split("\n");
        const a = edit.a % lines.length;
        const b = edit.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        text = lines.join("\n");
        break;
      }
      case "truncate":
        text = text.slice(0, edit.at % size);
        break;
    }
  }
  return text;
}

/** A seed text, mutated by one to six edits. */
export const mutated = (seed: string, structural: string): fc.Arbitrary<string> =>
  textEdits(structural).map((edits) => applyEdits(seed, edits));

/** Problems are plain values with a path and a message a person can read. */
export function expectProblemsShape(problems: readonly Problem[]): void {
  expect(Array.isArray(problems)).toBe(true);
  for (const problem of problems) {
    expect(typeof problem.path).toBe("string");
    expect(typeof problem.message).toBe("string");
    expect(problem.message.length).toBeGreaterThan(0);
    expect(["error", "warning"]).toContain(problem.severity);
  }
}

/** A validation result: a dataset with no error, or at least one error saying why not. */
export function expectResult(result: Result<unknown>): void {
  expectProblemsShape(result.problems);
  const errors = result.problems.filter((p) => p.severity === "error");
  if (result.ok) expect(errors).toEqual([]);
  else expect(errors.length).toBeGreaterThan(0);
}

/**
 * An importer's result: either a dataset that is valid and can be drawn (the
 * graph builds with one node per actor and one edge per relation), or problems.
 */
export function expectImportResult(result: ImportResult): void {
  expectProblemsShape(result.problems);
  const errors = result.problems.filter((p) => p.severity === "error");
  if (!result.ok) {
    expect(errors.length).toBeGreaterThan(0);
    return;
  }
  // GDELT alone keeps going past wrong rows (they are errors, and dropped) while some rows are sound.
  if (result.format !== "gdelt") expect(errors).toEqual([]);
  const again = validateDataset(result.dataset);
  expect(again.problems.filter((p) => p.severity === "error")).toEqual([]);
  const graph = buildGraph(result.dataset, "en");
  expect(graph.order).toBe(result.dataset.actors.length);
  expect(graph.size).toBe(result.dataset.relations.length);
}

/** Calls `run`, failing the property when one input takes longer than TIME_LIMIT_MS. */
export function timed<T>(run: () => T): T {
  const start = performance.now();
  const value = run();
  const took = performance.now() - start;
  expect(took, `one input took ${Math.round(took)} ms`).toBeLessThan(TIME_LIMIT_MS);
  return value;
}
