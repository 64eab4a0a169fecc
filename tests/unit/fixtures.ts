/**
 * A fresh, minimal, valid dataset for tests to mutate: three actors, two
 * relation types (one friendly and undirected, one hostile and directed), two
 * relations. Typed loosely on purpose so a test can break it in any way.
 */
import { readFileSync } from "node:fs";
import { validateDataset, type Dataset } from "../../src/core/dataset";

// Tests break datasets in arbitrary ways (delete fields, wrong types), so the fixture is untyped on purpose.
export type Loose = any;

export function minimalDataset(): Loose {
  return {
    meta: {
      title: { en: "Test", fa: "آزمون" },
      source: {
        publisher: { en: "Publisher" },
        url: "https://example.org/article",
        published: "2015-11-26",
        language: "en",
      },
    },
    actors: [
      { id: "a", kind: "state", label: { en: "Alpha", fa: "آلفا" } },
      { id: "b", kind: "organization", label: { en: "Beta" } },
      { id: "c", kind: "person", label: { fa: "سه" } },
    ],
    relationTypes: [
      { id: "ally", label: { en: "Ally" }, sign: 1, directed: false, color: "#112233" },
      { id: "attack", label: { en: "Attack" }, sign: -1, directed: true, color: "#aa0000" },
    ],
    relations: [
      {
        id: "r1",
        source: "a",
        target: "b",
        type: "ally",
        date: "2015-11-26",
        evidence: [{ quote: "A and B agree.", reportedBy: "DW" }],
      },
      {
        id: "r2",
        source: "c",
        target: "a",
        type: "attack",
        evidence: [{ quote: "C attacks A.", reportedBy: "AFP", url: "https://example.org/x" }],
      },
    ],
  };
}

/** One more relation, with one piece of evidence. */
export function relation(id: string, source: string, target: string, type: string, extra: Loose = {}): Loose {
  return { id, source, target, type, evidence: [{ quote: `${id}.`, reportedBy: "DW" }], ...extra };
}

export const BUNDLED_PATH = new URL("../../data/russia-france-coalition.json", import.meta.url);

/** The bundled dataset as untrusted JSON, freshly parsed. */
export function bundledJson(): unknown {
  return JSON.parse(readFileSync(BUNDLED_PATH, "utf8"));
}

/** A dataset around the given lists, with the meta of minimalDataset(). */
export function datasetWith(parts: { actors: Loose[]; relationTypes: Loose[]; relations: Loose[] }): Loose {
  return { meta: minimalDataset().meta, ...parts };
}

/** An actor with an English label (and more, through `extra`). */
export function actor(id: string, kind: string, extra: Loose = {}): Loose {
  return { id, kind, label: { en: id }, ...extra };
}

/** A relation type with an English label equal to its id. */
export function relationType(id: string, sign = 1, directed = false): Loose {
  return { id, label: { en: id }, sign, directed, color: "#123456" };
}

/** A dataset the validator accepts, typed; throws (failing the test) with the problems otherwise. */
export function valid(input: unknown): Dataset {
  const result = validateDataset(input);
  if (!result.ok) throw new Error(`invalid dataset: ${JSON.stringify(result.problems)}`);
  return result.value;
}
