/**
 * Validation of an untrusted document against the dataset format: the shape
 * (zod) and then the links between parts (ids, references). Every problem is
 * reported at once, each with its path; nothing here throws.
 */
import { z } from "zod";
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
import { en, type SharedKey } from "../i18n/en";
import { error, formatPath, hasErrors, msg, warning, type Message, type Problem, type Result } from "../problems";

type Issue = z.core.$ZodIssue;

/** Whether zod's message is one of the schema's own rules, which carry their catalogue key (see schema.ts). */
function isSchemaMessage(message: string): message is Extract<SharedKey, `problem.dataset.${string}`> {
  return message.startsWith("problem.dataset.") && Object.prototype.hasOwnProperty.call(en, message);
}

/**
 * A catalogue message for each issue. The schema's own rules carry their key
 * as zod's message; what zod finds by itself is keyed by its code. Anything
 * else zod says stays in zod's words (English).
 */
function describeIssue(issue: Issue, input: unknown): Message | string {
  if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) {
    return msg("problem.dataset.missing");
  }
  if (issue.code === "invalid_type") return expectedType(issue.expected);
  if (issue.code === "unrecognized_keys") return msg("problem.dataset.unknownKeys", { fields: issue.keys.join(", ") });
  if (issue.code === "invalid_key") return msg("problem.dataset.badLanguageKey");
  if (isSchemaMessage(issue.message)) return msg(issue.message);
  if (issue.code === "invalid_value") return msg("problem.dataset.oneOf", { values: issue.values.map(String).join(", ") });
  return issue.message;
}

function expectedType(expected: string): Message {
  if (expected === "array") return msg("problem.dataset.mustBeList");
  if (expected === "object" || expected === "record") return msg("problem.dataset.mustBeObject");
  if (expected === "undefined") return msg("problem.dataset.mustBeAbsent");
  if (expected === "boolean") return msg("problem.dataset.mustBeBoolean");
  if (expected === "string") return msg("problem.dataset.mustBeString");
  if (expected === "number") return msg("problem.dataset.mustBeNumber");
  // zod reports a fraction where .int() wants a whole number as a wrong type.
  if (expected === "int") return msg("problem.dataset.mustBeWholeNumber");
  return msg("problem.dataset.mustBeType", { type: expected });
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
        error(`${list}[${i}].id`, msg("problem.dataset.duplicateId", { id: item.id, first: `${list}[${first}]` })),
      );
  });
  return problems;
}

/** A dataset's every part but its relations: what its graph's first frame shows (see validateDatasetInParts). */
export type DatasetPart = Omit<Dataset, "relations">;

/** The links within a dataset's part (duplicate actors or relation types), which its relations cannot change. */
function partLinkProblems(part: DatasetPart): Problem[] {
  return [...duplicateIds(part.actors, "actors"), ...duplicateIds(part.relationTypes, "relationTypes")];
}

/** Problems that the shape alone cannot see: references, duplicates, oddities. */
export function linkProblems(dataset: Dataset): Problem[] {
  const problems: Problem[] = [...partLinkProblems(dataset), ...duplicateIds(dataset.relations, "relations")];
  const actorIds = new Set(dataset.actors.map((a) => a.id));
  const typeIds = new Set(dataset.relationTypes.map((t) => t.id));
  const related = new Set<string>();
  // Paths are written only for a problem: a valid dataset of 40,000 relations has none to write.
  const ENDS = ["source", "target"] as const;
  dataset.relations.forEach((relation, i) => {
    for (const end of ENDS) {
      const actor = relation[end];
      if (!actorIds.has(actor)) problems.push(error(`relations[${i}].${end}`, msg("problem.dataset.unknownActor", { id: actor })));
      related.add(actor);
    }
    if (!typeIds.has(relation.type)) {
      problems.push(error(`relations[${i}].type`, msg("problem.dataset.unknownType", { type: relation.type })));
    }
    if (relation.source === relation.target) {
      problems.push(warning(`relations[${i}].target`, msg("problem.dataset.selfRelation", { id: relation.source })));
    }
  });
  dataset.actors.forEach((actor, i) => {
    if (!related.has(actor.id)) {
      problems.push(warning(`actors[${i}]`, msg("problem.dataset.lonelyActor", { id: actor.id })));
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
 * field ("lable") does not vanish without a word. `which` says whose: all the document's, those of
 * its part (all but the relations, see validateDatasetInParts), or the relations'; the part's come
 * first in the document's.
 */
export function unknownFieldProblems(input: unknown, which: "all" | "part" | "relations" = "all"): Problem[] {
  const problems: Problem[] = [];
  const report = (unknown: readonly string[], at: string) => {
    for (const key of unknown) problems.push(warning(childPath(at, key), msg("problem.dataset.unknownField", { name: key })));
  };
  // Paths are written only for an unknown field: a dataset of 40,000 relations usually has none.
  const each = (list: unknown, known: Set<string>, path: string, inner?: (item: unknown, i: number) => void) => {
    if (!Array.isArray(list)) return;
    for (let i = 0; i < list.length; i++) {
      const unknown = unknownKeys(list[i], known);
      if (unknown.length > 0) report(unknown, `${path}[${i}]`);
      inner?.(list[i], i);
    }
  };
  if (!isRecord(input)) return problems;
  if (which !== "relations") {
    report(unknownKeys(input, KNOWN.document), "");
    report(unknownKeys(input.meta, KNOWN.meta), "meta");
    if (isRecord(input.meta)) report(unknownKeys(input.meta.source, KNOWN.source), "meta.source");
    each(input.actors, KNOWN.actor, "actors");
    each(input.relationTypes, KNOWN.relationType, "relationTypes");
  }
  if (which === "part") return problems;
  // A relation's evidence right after the relation itself, in document order.
  each(input.relations, KNOWN.relation, "relations", (relation, i) => {
    if (isRecord(relation) && Array.isArray(relation.evidence) && relation.evidence.some(hasUnknownEvidenceField)) {
      each(relation.evidence, KNOWN.evidence, `relations[${i}].evidence`);
    }
  });
  return problems;
}

const hasUnknownEvidenceField = (evidence: unknown): boolean => unknownKeys(evidence, KNOWN.evidence).length > 0;

const NONE: readonly string[] = [];

/** The fields of `value` not among `known`, in the order they come; none when `value` is not an object. */
function unknownKeys(value: unknown, known: Set<string>): readonly string[] {
  if (!isRecord(value)) return NONE;
  let found: string[] | null = null;
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && !known.has(key)) (found ??= []).push(key);
  }
  return found ?? NONE;
}

/** Validates an untrusted value; errors stop it, warnings travel with the dataset. */
export function validateDataset(input: unknown): Result<Dataset> {
  return validateDatasetInParts(input);
}

const partSchema = datasetSchema.omit({ relations: true });
const relationsSchema = z.array(relationSchema);

/**
 * Validates an untrusted value in two steps, telling `onPart` what the first found: every part of
 * the dataset but its relations (the meta, the actors, the relation types: what the graph's first
 * frame shows), then the relations. The result is the whole dataset's, problem for problem what one
 * pass over it would give: zod checks an object's fields in the order of its shape, relations last.
 */
export function validateDatasetInParts(input: unknown, onPart?: (part: Result<DatasetPart>) => void): Result<Dataset> {
  if (!isRecord(input)) {
    const notObject: Result<never> = { ok: false, problems: [error("", msg("problem.dataset.notObject"))] };
    onPart?.(notObject);
    return notObject;
  }
  const part = partSchema.safeParse(input);
  const partUnknown = unknownFieldProblems(input, "part");
  if (onPart) {
    const problems = [...(part.success ? partLinkProblems(part.data) : shapeProblems(input, part.error.issues)), ...partUnknown];
    onPart(part.success && !hasErrors(problems) ? { ok: true, value: part.data, problems } : { ok: false, problems });
  }
  const unknown = [...partUnknown, ...unknownFieldProblems(input, "relations")];
  const relations = relationsSchema.safeParse(input.relations);
  if (!part.success || !relations.success) {
    const issues = [
      ...(part.success ? [] : part.error.issues),
      ...(relations.success ? [] : relations.error.issues.map((issue) => ({ ...issue, path: ["relations", ...issue.path] }))),
    ];
    return { ok: false, problems: [...shapeProblems(input, issues), ...unknown] };
  }
  const dataset: Dataset = { ...part.data, relations: relations.data };
  const problems = [...linkProblems(dataset), ...unknown];
  if (hasErrors(problems)) return { ok: false, problems };
  return { ok: true, value: dataset, problems };
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

function jsonSyntaxMessage(text: string, cause: unknown): Message {
  const at = locateJsonError(text);
  if (at) return msg(at.reason.key, { ...at.reason.values, line: at.line, column: at.column });
  // The engine's own words: too deep for the scanner, which says nothing then.
  return msg("problem.json.invalid", { reason: cause instanceof Error ? cause.message : String(cause) });
}
