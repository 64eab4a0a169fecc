/**
 * The format's fixed vocabularies and date rule, without the schema library:
 * the app's light paths (the embed, the filters) need these, not the validator.
 */
export const ACTOR_KINDS = ["state", "organization", "person", "armed-group", "region"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Relation type ids every Entente dataset vocabulary is expected to know. */
export const CORE_RELATION_TYPES = [
  "cooperation",
  "support",
  "membership",
  "mediation",
  "leadership",
  "tension",
  "conflict",
] as const;

/** A real calendar date written YYYY-MM-DD (2015-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
