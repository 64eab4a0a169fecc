/**
 * The validator's verdict on a dataset's text, as a worker gives it to the page while the page
 * builds the graph from its own parse of the same text (see app/load.ts). It carries the problems,
 * plain so they cross postMessage, and whether the validated dataset is the very document that was
 * parsed: zod trims strings and drops unknown fields, and only when it did neither may the page
 * keep its own parse.
 */
import { plainProblem, type Problem } from "../problems";
import { parseDatasetJson, validateDataset } from "./validate";

export interface DatasetVerdict {
  ok: boolean;
  problems: Problem[];
  /** Valid, and deeply equal to the parsed text: the page's own parse is the dataset. */
  sameAsParsed: boolean;
}

export function judgeDatasetText(text: string): DatasetVerdict {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    // parseDatasetJson says where the syntax breaks.
    return { ok: false, problems: parseDatasetJson(text).problems.map(plainProblem), sameAsParsed: false };
  }
  const result = validateDataset(input);
  return {
    ok: result.ok,
    problems: result.problems.map(plainProblem),
    sameAsParsed: result.ok && sameJson(input, result.value),
  };
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
