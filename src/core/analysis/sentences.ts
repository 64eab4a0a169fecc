/**
 * A triangle told as one sentence in the reader's language. The phrases live
 * here, both languages side by side, rather than in the catalogues: they are
 * grammar (which pair comes last, where "and" goes), not interface labels.
 */
import type { DatasetLookup } from "../dataset/lookup";
import { displayName, pickText } from "../dataset/text";
import type { Lang, Translate } from "../i18n";
import { MEMBERSHIP_TYPE, type SignedTie, type Triangle } from "./balance";

/** The words of one language; each takes labels already picked in that language. */
interface Phrases {
  friends(x: string, y: string): string;
  allies(x: string, y: string, organizations: string): string;
  member(member: string, organization: string): string;
  atOdds(x: string, y: string): string;
  both(x: string, y: string): string;
  list(items: readonly string[]): string;
  verdict: Record<Verdict, string>;
}

type Verdict = "friendOfFriendIsFriend" | "enemyOfEnemyIsFriend" | "friendOfFriendIsEnemy" | "allEnemies" | "mixed";

const ZWNJ = "\u200c";

export const PHRASES: Record<Lang, Phrases> = {
  en: {
    friends: (x, y) => `${x} and ${y} are friends`,
    allies: (x, y, organizations) => `${x} and ${y} are allies in ${organizations}`,
    member: (member, organization) => `${member} is a member of ${organization}`,
    atOdds: (x, y) => `${x} and ${y} are at odds`,
    both: (x, y) => `${x} and ${y} both cooperate and clash`,
    list: (items) =>
      items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")}, and ${items[items.length - 1]}`,
    verdict: {
      friendOfFriendIsFriend: "a balanced triangle: the friend of my friend is my friend",
      enemyOfEnemyIsFriend: "a balanced triangle: the enemy of my enemy is my friend",
      friendOfFriendIsEnemy: "an unbalanced triangle: the friend of a friend is an enemy",
      allEnemies: "an unbalanced triangle: the enemy of my enemy is also my enemy",
      mixed: "a mixed triangle: at least one tie is both friendly and hostile, so it is neither balanced nor unbalanced",
    },
  },
  fa: {
    friends: (x, y) => `${x} و ${y} دوست${ZWNJ}اند`,
    allies: (x, y, organizations) => `${x} و ${y} در ${organizations} هم${ZWNJ}پیمان${ZWNJ}اند`,
    member: (member, organization) => `${member} عضو ${organization} است`,
    atOdds: (x, y) => `${x} و ${y} با هم سر ناسازگاری دارند`,
    both: (x, y) => `${x} و ${y} هم با هم همکاری می${ZWNJ}کنند و هم درگیرند`,
    // Persian puts no comma before the last "و".
    list: (items) => (items.length <= 2 ? items.join(" و ") : `${items.slice(0, -1).join("، ")} و ${items[items.length - 1]}`),
    verdict: {
      friendOfFriendIsFriend: "مثلثی متوازن: دوستِ دوستِ من، دوستِ من است",
      enemyOfEnemyIsFriend: "مثلثی متوازن: دشمنِ دشمنِ من، دوستِ من است",
      friendOfFriendIsEnemy: "مثلثی نامتوازن: دوستِ دوست، دشمن است",
      allEnemies: "مثلثی نامتوازن: دشمنِ دشمنِ من هم دشمنِ من است",
      mixed: `مثلثی آمیخته: دست${ZWNJ}کم یکی از پیوندها هم دوستانه است و هم خصمانه، پس نه متوازن است و نه نامتوازن`,
    },
  },
};

/**
 * "France and Turkey are allies in NATO, Turkey and Russia are at odds, and
 * France and Russia both cooperate and clash — a mixed triangle: …".
 * `t` is accepted so callers can hand over the interface translator as for
 * other describers; the sentence needs none of its keys.
 */
export function describeTriangle(triangle: Triangle, data: DatasetLookup, lang: Lang, t?: Translate): string {
  void t;
  const words = PHRASES[lang];
  const datasetLang = data.dataset.meta.source.language;
  const label = (id: string): string => displayName(pickText(data.actors.get(id)?.label, lang, datasetLang)) || id;

  // The odd tie last: "A and B…, B and C…, and A and C…" then reads as the contrast the verdict names.
  const last = oddTie(triangle.ties);
  const [x, y] = [last.a, last.b];
  const z = triangle.actors.find((id) => id !== x && id !== y)!;
  const tieOf = (p: string, q: string): SignedTie =>
    triangle.ties.find((tie) => (tie.a === p && tie.b === q) || (tie.a === q && tie.b === p))!;
  const clause = (p: string, q: string): string => {
    const tie = tieOf(p, q);
    const [lp, lq] = [label(p), label(q)];
    if (tie.sign === "mixed") return words.both(lp, lq);
    if (tie.sign === -1) return words.atOdds(lp, lq);
    if (tie.implied && tie.organizations?.length) return words.allies(lp, lq, words.list(tie.organizations.map(label)));
    const member = memberOf(tie, data);
    if (member !== undefined) return member === p ? words.member(lp, lq) : words.member(lq, lp);
    return words.friends(lp, lq);
  };
  const clauses = words.list([clause(x, z), clause(z, y), clause(x, y)]);
  return `${clauses} — ${words.verdict[verdictOf(triangle)]}.`;
}

/** The member, when the tie is friendly only through membership relations, all one way. */
function memberOf(tie: SignedTie, data: DatasetLookup): string | undefined {
  let member: string | undefined;
  for (const id of tie.relations) {
    const relation = data.relations.get(id);
    const sign = relation && data.types.get(relation.type)?.sign;
    if (!relation || sign !== 1) continue;
    if (relation.type !== MEMBERSHIP_TYPE || (member !== undefined && member !== relation.source)) return undefined;
    member = relation.source;
  }
  return member;
}

function oddTie(ties: Triangle["ties"]): SignedTie {
  const single = ties.filter((tie) => ties.filter((other) => other.sign === tie.sign).length === 1);
  if (single.length === 1) return single[0]!;
  // All three different: the mixed tie decides the verdict. All alike: ties[1] gives the chain A–B, B–C, A–C.
  return single.find((tie) => tie.sign === "mixed") ?? ties[1];
}

function verdictOf(triangle: Triangle): Verdict {
  if (triangle.kind === "mixed") return "mixed";
  const hostile = triangle.ties.filter((tie) => tie.sign === -1).length;
  if (hostile === 0) return "friendOfFriendIsFriend";
  if (hostile === 1) return "friendOfFriendIsEnemy";
  if (hostile === 2) return "enemyOfEnemyIsFriend";
  return "allEnemies";
}
