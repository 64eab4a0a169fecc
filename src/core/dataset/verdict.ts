/**
 * The validator's verdict on a dataset's text, as a worker gives it to the page while the page
 * builds the graph from its own parse of the same text (see app/load.ts). It carries the problems,
 * plain so they cross postMessage, and whether the validated dataset is the very document that was
 * parsed: zod trims strings and drops unknown fields, and only when it did neither may the page
 * keep its own parse.
 *
 * The verdict comes in two parts (see validateDatasetInParts): on everything but the relations, which
 * is all a large graph's first frame shows, then on the whole.
 */
import { plainProblem, type Problem } from "../problems";
import { parseDatasetJson, validateDatasetInParts } from "./validate";

export interface DatasetVerdict {
  ok: boolean;
  problems: Problem[];
  /** Valid, and deeply equal to the parsed text: the page's own parse is the dataset. */
  sameAsParsed: boolean;
}

/**
 * The verdict on `text`, and first (to `onPart`, when given) the verdict on all of it but its
 * relations: `sameAsParsed` there says that part is exactly as parsed.
 */
export function judgeDatasetText(text: string, onPart?: (verdict: DatasetVerdict) => void): DatasetVerdict {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    // parseDatasetJson says where the syntax breaks.
    const verdict: DatasetVerdict = { ok: false, problems: parseDatasetJson(text).problems.map(plainProblem), sameAsParsed: false };
    onPart?.(verdict);
    return verdict;
  }
  const result = validateDatasetInParts(
    input,
    onPart &&
      ((part) =>
        onPart({
          ok: part.ok,
          problems: part.problems.map(plainProblem),
          sameAsParsed: part.ok && sameJson(withoutRelations(input), part.value),
        })),
  );
  return {
    ok: result.ok,
    problems: result.problems.map(plainProblem),
    sameAsParsed: result.ok && sameJson(input, result.value),
  };
}

/** A parsed document without its relations, to compare with a checked part (the document is an object when its part is valid). */
function withoutRelations(input: unknown): unknown {
  const { relations: _relations, ...part } = input as Record<string, unknown>;
  return part;
}

/** Deep equality of two JSON values, whatever the order of their keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Key by key, without a list of keys made for each of the dataset's objects (tens of thousands).
  let keys = 0;
  for (const key in x) {
    if (!hasOwn(x, key)) continue;
    keys += 1;
    if (!hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (hasOwn(y, key)) keys -= 1;
  return keys === 0;
}

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);
