/**
 * The validator and the JSON reader against random values, random text and
 * mutations of the bundled dataset: always a dataset or problems, never a throw.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDatasetJson, validateDataset } from "../../../src/core/dataset/validate";
import { buildGraph } from "../../../src/core/graph";
import { BUNDLED_TEXT, FC_OPTIONS, TEST_TIMEOUT, expectResult, mutated, nastyString, timed } from "./support";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON tree where a value sits: its parent and its key. */
function slots(root: Json): { parent: Json[] | { [key: string]: Json }; key: string | number }[] {
  const out: { parent: Json[] | { [key: string]: Json }; key: string | number }[] = [];
  const walk = (value: Json) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        out.push({ parent: value, key: i });
        walk(item);
      });
    } else if (value !== null && typeof value === "object") {
      for (const key of Object.keys(value)) {
        out.push({ parent: value, key });
        walk(value[key]!);
      }
    }
  };
  walk(root);
  return out;
}

type TreeEdit =
  | { kind: "replace"; at: number; value: Json }
  | { kind: "text"; at: number; value: string }
  | { kind: "delete"; at: number }
  | { kind: "duplicate"; at: number }
  | { kind: "add-key"; at: number; key: string; value: Json };

const weirdKey = fc.oneof(fc.constantFrom("__proto__", "constructor", "toString", "id", "en", "fa", "evidence", "lable"), nastyString);
const anyJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;

const treeEdit: fc.Arbitrary<TreeEdit> = fc.oneof(
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: anyJson }),
  // Replacing a string with another keeps most documents valid: weird text must then be carried through.
  { arbitrary: fc.record({ kind: fc.constant("text" as const), at: fc.nat(), value: nastyString }), weight: 3 },
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("add-key" as const), at: fc.nat(), key: weirdKey, value: anyJson }),
);

function applyTreeEdits(edits: readonly TreeEdit[]): Json {
  const root = JSON.parse(BUNDLED_TEXT) as Json;
  for (const edit of edits) {
    const all = slots(root);
    const slot = all[edit.at % all.length]!;
    const { parent, key } = slot;
    const get = () => (parent as Record<string | number, Json>)[key]!;
    const set = (value: Json) => {
      // defineProperty, as JSON.parse does, so "__proto__" becomes an own key and not the prototype.
      Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
    };
    switch (edit.kind) {
      case "replace":
        set(edit.value);
        break;
      case "text":
        if (typeof get() === "string") set(edit.value);
        break;
      case "delete":
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
        break;
      case "duplicate":
        if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(get()));
        break;
      case "add-key": {
        const target = get();
        if (target !== null && typeof target === "object" && !Array.isArray(target)) {
          Object.defineProperty(target, edit.key, { value: edit.value, enumerable: true, writable: true, configurable: true });
        }
        break;
      }
    }
  }
  return root;
}

const mutatedTree = fc.array(treeEdit, { minLength: 1, maxLength: 5 }).map(applyTreeEdits);

describe("fuzz: validateDataset", { timeout: TEST_TIMEOUT }, () => {
  it("any JS value gives a dataset or problems", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withSparseArray: true, withBigInt: true, withMap: true, withDate: true, withTypedArray: true }), (value) => {
        expectResult(timed(() => validateDataset(value)));
      }),
      FC_OPTIONS,
    );
  });

  it("the bundled dataset, mutated in its structure, gives a dataset (that builds a graph) or problems", () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutatedTree, (document) => {
        const result = timed(() => validateDataset(document));
        expectResult(result);
        if (result.ok) {
          accepted += 1;
          const graph = buildGraph(result.value, "fa");
          expect(graph.order).toBe(result.value.actors.length);
        }
      }),
      FC_OPTIONS,
    );
    // The mutations must not all break the document, or the valid path goes untested.
    expect(accepted).toBeGreaterThan(0);
  });
});

describe("fuzz: parseDatasetJson", { timeout: TEST_TIMEOUT }, () => {
  it("any text gives a dataset or problems", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.json(), nastyString), (text) => {
        expectResult(timed(() => parseDatasetJson(text)));
      }),
      FC_OPTIONS,
    );
  });

  it("the bundled dataset's text, mutated, gives a dataset or problems with a line and column for syntax errors", () => {
    fc.assert(
      fc.property(mutated(BUNDLED_TEXT, '{}[],:"\\ \n0123456789.-+eEtrufalsn'), (text) => {
        const result = timed(() => parseDatasetJson(text));
        expectResult(result);
        let syntaxOk = true;
        try {
          JSON.parse(text);
        } catch {
          syntaxOk = false;
        }
        if (!syntaxOk) {
          expect(result.ok).toBe(false);
          expect(result.problems[0]?.message).toMatch(/^not valid JSON/);
        }
      }),
      FC_OPTIONS,
    );
  });

  it("deeply nested JSON is reported, not a stack overflow", () => {
    for (const depth of [1_000, 100_000]) {
      for (const text of ["[".repeat(depth) + "]".repeat(depth), `{"meta":${"[".repeat(depth)}${"]".repeat(depth)}}`, "[".repeat(depth)]) {
        expectResult(timed(() => parseDatasetJson(text)));
      }
    }
  });
});
