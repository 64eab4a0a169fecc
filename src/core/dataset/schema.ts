/**
 * The Entente dataset format: one zod schema is the single source of truth.
 * `data/schema.json` is generated from it (`npm run schema`) and a unit test
 * fails when the two drift apart.
 */
import { z } from "zod";
import type { SharedKey } from "../i18n/en";
import { ACTOR_KINDS } from "./kinds";

// Before any schema is built: zod otherwise probes `new Function` for a faster parser,
// which the page's Content-Security-Policy forbids and reports as a violation.
z.config({ jitless: true });

export { ACTOR_KINDS, CORE_RELATION_TYPES } from "./kinds";

/**
 * A rule's complaint is a catalogue key, not a sentence: the validator turns it
 * into the reader's language (and English for the problem's message).
 */
const says = (key: Extract<SharedKey, `problem.dataset.${string}`>): string => key;

const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, says("problem.dataset.languageCode"));

/** A calendar date written YYYY-MM-DD; z.iso.date() also rejects 2015-02-30. */
export const isoDate = z.iso.date({ error: says("problem.dataset.isoDate") });

const nonEmpty = z.string().trim().min(1, says("problem.dataset.empty"));

/** Text meant for readers: one entry per language, at least one entry. */
export const localizedText = z
  .record(languageCode, nonEmpty)
  .refine((value) => Object.keys(value).length > 0, says("problem.dataset.noLanguage"))
  .meta({
    id: "LocalizedText",
    minProperties: 1,
    description: "Text for readers, keyed by language code (fa, en, …).",
  });

const httpUrl = z
  .url({ protocol: /^https?$/, error: says("problem.dataset.httpUrl") })
  // The pattern carries the http(s)-only rule into data/schema.json, as `protocol` does not.
  .meta({ format: "uri", pattern: "^[Hh][Tt][Tt][Pp][Ss]?://" });

const id = nonEmpty.meta({ description: "An identifier, unique within its list." });

export const sourceSchema = z.object({
  publisher: localizedText,
  /** Optional: a file a user made (a CSV, a Gephi export) may have no address and no date. */
  url: httpUrl.optional(),
  published: isoDate.optional(),
  language: languageCode,
});

export const metaSchema = z.object({
  title: localizedText,
  description: localizedText.optional(),
  source: sourceSchema,
});

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, says("problem.dataset.colour"));

export const actorSchema = z.object({
  id,
  // The validator names the kinds from zod's issue (invalid_value), in any language.
  kind: z.enum(ACTOR_KINDS),
  label: localizedText,
  aliases: z.array(nonEmpty).optional(),
  description: localizedText.optional(),
  /** A position from the file the data came from (Gephi and the like); the layout starts there. */
  position: z.object({ x: z.number(), y: z.number() }).optional(),
  /** A colour from the file the data came from; the kind's colour otherwise. */
  color: colour.optional(),
});

export const relationTypeSchema = z.object({
  id,
  label: localizedText,
  sign: z.union([z.literal(1), z.literal(0), z.literal(-1)], {
    error: says("problem.dataset.sign"),
  }),
  directed: z.boolean({ error: says("problem.dataset.mustBeBoolean") }),
  color: colour,
  description: localizedText.optional(),
});

export const evidenceSchema = z.object({
  quote: nonEmpty.meta({ description: "The sentence as the source wrote it, verbatim." }),
  translation: localizedText.optional(),
  reportedBy: nonEmpty.meta({
    description: "The agency or outlet the claim is attributed to (AFP, DPA, Reuters, DW…).",
  }),
  url: httpUrl.optional(),
});

export const relationSchema = z.object({
  id,
  source: id,
  target: id,
  type: id,
  directed: z.boolean({ error: says("problem.dataset.mustBeBoolean") }).optional(),
  /** The (first) date the relation was reported. */
  date: isoDate.optional(),
  /** For relations aggregated from several events: the last date, and how many events. */
  endDate: isoDate.optional(),
  count: z.number().int(says("problem.dataset.mustBeWholeNumber")).min(1, says("problem.dataset.atLeastOne")).optional(),
  /** A strength, such as GDELT's Goldstein scale (-10 hostile … +10 friendly). */
  weight: z.number().optional(),
  evidence: z.array(evidenceSchema).min(1, says("problem.dataset.noEvidence")),
});

export const datasetSchema = z
  .object({
    $schema: z.string().optional(),
    meta: metaSchema,
    actors: z.array(actorSchema),
    relationTypes: z.array(relationTypeSchema),
    relations: z.array(relationSchema),
  })
  .meta({
    title: "Entente dataset",
    description: "Actors and the relations between them, each with the evidence it came from.",
  });

export type LocalizedText = z.infer<typeof localizedText>;
export type { ActorKind } from "./kinds";
export type Source = z.infer<typeof sourceSchema>;
export type Meta = z.infer<typeof metaSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type RelationType = z.infer<typeof relationTypeSchema>;
export type Sign = RelationType["sign"];
export type Evidence = z.infer<typeof evidenceSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type Dataset = z.infer<typeof datasetSchema>;

/** The JSON Schema shipped as data/schema.json. */
export function datasetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(datasetSchema, { target: "draft-2020-12", io: "input" }) as Record<
    string,
    unknown
  >;
}
