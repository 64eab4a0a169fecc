/**
 * Validation of an untrusted document against the dataset format: the shape
 * (zod) and then the links between parts (ids, references). Every problem is
 * reported at once, each with its path; nothing here throws.
 */
import type { z } from "zod";
import {
  actorSchema,
  datasetSchema,
  evidenceSchema,
  metaSchema,
  relationSchema,
  relationTypeSchema,
  sourceSchema,
  type Dataset,
} from "./schema";
import { locateJsonError } from "./json-error";
import { error, formatPath, hasErrors, warning, type Problem, type Result } from "../problems";

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue, input: unknown): string {
  if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) {
    return "is required but missing";
  }
  if (issue.code === "invalid_type") return `must be ${article(issue.expected)}`;
  if (issue.code === "unrecognized_keys") return `has unknown field ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_key") return "has a key that is not a language code such as fa or en";
  return issue.message;
}

function article(expected: string): string {
  if (expected === "array") return "a list";
  if (expected === "object" || expected === "record") return "an object";
  if (expected === "undefined") return "absent";
  if (expected === "boolean") return "true or false";
  return `a ${expected}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = root;
  for (const key of path) {
    if (here === null || typeof here !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(here, key)) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** Problems of shape, one per zod issue, in document order. */
function shapeProblems(input: unknown, issues: readonly Issue[]): Problem[] {
  return issues.map((issue) => {
    // A key that is not a language code is the key's problem, not its value's.
    const path = formatPath(issue.path);
    return error(path, describeIssue(issue, input));
  });
}

function duplicateIds(items: readonly { id: string }[], list: string): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else
      problems.push(
        error(`${list}[${i}].id`, `duplicate id "${item.id}" (already used by ${list}[${first}])`),
      );
  });
  return problems;
}

/** Problems that the shape alone cannot see: references, duplicates, oddities. */
export function linkProblems(dataset: Dataset): Problem[] {
  const problems: Problem[] = [
    ...duplicateIds(dataset.actors, "actors"),
    ...duplicateIds(dataset.relationTypes, "relationTypes"),
    ...duplicateIds(dataset.relations, "relations"),
  ];
  const actorIds = new Set(dataset.actors.map((a) => a.id));
  const typeIds = new Set(dataset.relationTypes.map((t) => t.id));
  const related = new Set<string>();
  dataset.relations.forEach((relation, i) => {
    const at = `relations[${i}]`;
    for (const end of ["source", "target"] as const) {
      const actor = relation[end];
      if (!actorIds.has(actor)) problems.push(error(`${at}.${end}`, `unknown actor "${actor}"`));
      related.add(actor);
    }
    if (!typeIds.has(relation.type)) {
      problems.push(error(`${at}.type`, `unknown relation type "${relation.type}"`));
    }
    if (relation.source === relation.target) {
      problems.push(warning(`${at}.target`, `relates actor "${relation.source}" to itself`));
    }
  });
  dataset.actors.forEach((actor, i) => {
    if (!related.has(actor.id)) {
      problems.push(warning(`actors[${i}]`, `actor "${actor.id}" has no relation`));
    }
  });
  return problems;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const childPath = (path: string, key: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

const fieldsOf = (schema: { shape: object }) => new Set(Object.keys(schema.shape));
const KNOWN = {
  document: fieldsOf(datasetSchema),
  meta: fieldsOf(metaSchema),
  source: fieldsOf(sourceSchema),
  actor: fieldsOf(actorSchema),
  relationType: fieldsOf(relationTypeSchema),
  relation: fieldsOf(relationSchema),
  evidence: fieldsOf(evidenceSchema),
};

/**
 * Fields the format does not know are dropped, but said, so that a misspelt
 * field ("lable") does not vanish without a word.
 */
export function unknownFieldProblems(input: unknown): Problem[] {
  const problems: Problem[] = [];
  const check = (value: unknown, known: Set<string>, path: string) => {
    if (!isRecord(value)) return;
    for (const key of Object.keys(value)) {
      if (!known.has(key)) {
        problems.push(warning(childPath(path, key), `unknown field "${key}" is ignored`));
      }
    }
  };
  const each = (list: unknown, known: Set<string>, path: string, inner?: (item: unknown, at: string) => void) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      check(item, known, `${path}[${i}]`);
      inner?.(item, `${path}[${i}]`);
    });
  };
  if (!isRecord(input)) return problems;
  check(input, KNOWN.document, "");
  check(input.meta, KNOWN.meta, "meta");
  if (isRecord(input.meta)) check(input.meta.source, KNOWN.source, "meta.source");
  each(input.actors, KNOWN.actor, "actors");
  each(input.relationTypes, KNOWN.relationType, "relationTypes");
  each(input.relations, KNOWN.relation, "relations", (relation, at) => {
    if (isRecord(relation)) each(relation.evidence, KNOWN.evidence, `${at}.evidence`);
  });
  return problems;
}

/** Validates an untrusted value; errors stop it, warnings travel with the dataset. */
export function validateDataset(input: unknown): Result<Dataset> {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) {
    const problems =
      input === null || typeof input !== "object" || Array.isArray(input)
        ? [error("", "the document must be a JSON object with meta, actors, relationTypes and relations")]
        : [...shapeProblems(input, parsed.error.issues), ...unknownFieldProblems(input)];
    return { ok: false, problems };
  }
  const problems = [...linkProblems(parsed.data), ...unknownFieldProblems(input)];
  if (hasErrors(problems)) return { ok: false, problems };
  return { ok: true, value: parsed.data, problems };
}

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseDatasetJson(text: string): Result<Dataset> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return { ok: false, problems: [error("", jsonSyntaxMessage(text, cause))] };
  }
  return validateDataset(value);
}

function jsonSyntaxMessage(text: string, cause: unknown): string {
  const at = locateJsonError(text);
  if (at) return `not valid JSON at line ${at.line}, column ${at.column}: ${at.reason}`;
  return `not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`;
}
