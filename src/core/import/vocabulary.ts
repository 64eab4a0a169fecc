/**
 * The relation types importers fall back on, identical to the bundled
 * dataset's, so an imported graph reads and colours like the one shipped.
 */
import type { RelationType } from "../dataset/schema";

export const CORE_TYPES: RelationType[] = [
  {
    id: "cooperation",
    label: { en: "Cooperation", fa: "همکاری" },
    sign: 1,
    directed: false,
    color: "#009E73",
    description: {
      en: "The two sides work together or have agreed to cooperate.",
      fa: "دو طرف با هم همکاری می‌کنند یا برای همکاری توافق کرده‌اند.",
    },
  },
  {
    id: "support",
    label: { en: "Support", fa: "حمایت" },
    sign: 1,
    directed: true,
    color: "#56B4E9",
    description: {
      en: "One side backs the other or the other's effort.",
      fa: "یک طرف از طرف دیگر یا از تلاش او پشتیبانی می‌کند.",
    },
  },
  {
    id: "membership",
    label: { en: "Membership", fa: "عضویت" },
    sign: 1,
    directed: true,
    color: "#0072B2",
    description: {
      en: "One side is a member of the other, an organization or alliance.",
      fa: "یک طرف عضو سازمان یا پیمان طرف دیگر است.",
    },
  },
  {
    id: "mediation",
    label: { en: "Mediation", fa: "میانجی‌گری" },
    sign: 0,
    directed: true,
    color: "#E69F00",
    description: {
      en: "One side tries to ease or settle a tension or dispute the other is part of.",
      fa: "یک طرف می‌کوشد تنش یا مناقشه‌ای را که طرف دیگر درگیر آن است کاهش دهد یا حل کند.",
    },
  },
  {
    id: "leadership",
    label: { en: "Leadership", fa: "رهبری" },
    sign: 0,
    directed: true,
    color: "#7F7F7F",
    description: {
      en: "A person leads or holds the top office of a state or organization.",
      fa: "یک شخص رهبر یا مقام ارشد یک کشور یا سازمان است.",
    },
  },
  {
    id: "tension",
    label: { en: "Tension", fa: "تنش" },
    sign: -1,
    directed: false,
    color: "#D55E00",
    description: {
      en: "Relations between the two sides are strained, or they disagree on issues.",
      fa: "روابط دو طرف تیره است یا بر سر مسائلی اختلاف دارند.",
    },
  },
  {
    id: "conflict",
    label: { en: "Conflict", fa: "درگیری" },
    sign: -1,
    directed: false,
    color: "#A50026",
    description: {
      en: "The two sides are at war or in armed confrontation.",
      fa: "دو طرف در جنگ یا درگیری نظامی با یکدیگرند.",
    },
  },
];

/**
 * GDELT's CAMEO roots 01 (make public statement) and 02 (appeal) carry no
 * friend or foe. Not core, but known: a CSV made from GDELT (docs/gdelt.md)
 * uses it too, and should get the same type as the GDELT importer gives.
 */
export const STATEMENT_TYPE: RelationType = {
  id: "statement",
  label: { en: "Statement", fa: "بیانیه" },
  sign: 0,
  directed: true,
  color: "#CC79A7",
  description: {
    en: "One side made a public statement or an appeal about the other (GDELT CAMEO 01–02).",
    fa: "یک طرف درباره‌ی طرف دیگر بیانیه‌ای داد یا درخواستی کرد (GDELT CAMEO 01–02).",
  },
};

/** Types importers know beyond the core, added to a dataset only when a relation uses them. */
export const EXTRA_TYPES: RelationType[] = [STATEMENT_TYPE];

/** Lighter than leadership's #7F7F7F, so a type the importer made up does not pass for a core one. */
export const UNKNOWN_TYPE_COLOR = "#A0A0A0";

/**
 * A type a file names but the vocabulary lacks: neutral and undirected, because
 * nothing says whether it is friendly or which way it points.
 */
export function unknownType(id: string): RelationType {
  return { id, label: { en: id }, sign: 0, directed: false, color: UNKNOWN_TYPE_COLOR };
}

/** The core or extra type whose id matches, ignoring case and surrounding spaces. */
export function findKnownType(name: string): RelationType | undefined {
  const key = name.trim().toLowerCase();
  return CORE_TYPES.find((t) => t.id === key) ?? EXTRA_TYPES.find((t) => t.id === key);
}

/** The core type whose id matches, ignoring case and surrounding spaces. */
export function findCoreType(name: string): RelationType | undefined {
  const key = name.trim().toLowerCase();
  return CORE_TYPES.find((t) => t.id === key);
}
