/**
 * The bundled dataset against the article it was built from: every quote must be a passage of
 * data/sources/dw-fa-2015-11-26.txt, and the claims the article makes must all be in the graph.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORE_RELATION_TYPES, datasetSchema, type Dataset, type Relation } from "../../src/core/dataset/schema";

const ZWNJ = /\u200c/g;
const AGENCIES = ["AFP", "DPA", "Reuters", "DW"] as const;
type Agency = (typeof AGENCIES)[number];

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), "utf8");

const raw: unknown = JSON.parse(read("../../data/russia-france-coalition.json"));
const article = read("../../data/sources/dw-fa-2015-11-26.txt");
const sourcesReadme = read("../../data/sources/README.md");
const articleFlat = article.replace(ZWNJ, "");

const parsed = datasetSchema.safeParse(raw);
const dataset: Dataset = parsed.success
  ? parsed.data
  : { meta: { title: {}, source: { publisher: {}, url: "", published: "", language: "" } }, actors: [], relationTypes: [], relations: [] };

function typeOf(relation: Relation) {
  return dataset.relationTypes.find((t) => t.id === relation.type);
}

/** A relation's direction: its own `directed`, else its type's default. */
function isDirected(relation: Relation): boolean {
  return relation.directed ?? typeOf(relation)?.directed ?? false;
}

function bothLanguages(text: Record<string, string> | undefined): boolean {
  return !!text && !!text.fa?.trim() && !!text.en?.trim();
}

describe("bundled dataset: shape and links", () => {
  it("passes the dataset schema", () => {
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues, null, 2)).toBe(true);
  });

  it("points at the JSON Schema and at the DW Persian article", () => {
    expect(dataset.$schema).toBe("./schema.json");
    expect(dataset.meta.source).toEqual({
      publisher: { fa: "دویچه وله فارسی", en: "DW Persian" },
      url: "https://p.dw.com/p/1HDEF",
      published: "2015-11-26",
      language: "fa",
    });
  });

  it("has fa and en text for the title, every actor and every relation type", () => {
    expect(bothLanguages(dataset.meta.title)).toBe(true);
    expect(bothLanguages(dataset.meta.description)).toBe(true);
    for (const actor of dataset.actors) {
      expect(bothLanguages(actor.label), `actor ${actor.id} label`).toBe(true);
      if (actor.description) expect(bothLanguages(actor.description), `actor ${actor.id} description`).toBe(true);
    }
    for (const type of dataset.relationTypes) {
      expect(bothLanguages(type.label), `relation type ${type.id} label`).toBe(true);
      if (type.description) expect(bothLanguages(type.description), `relation type ${type.id} description`).toBe(true);
    }
  });

  it("defines the seven core relation types with their colour-blind-aware colours", () => {
    const types = new Map(dataset.relationTypes.map((t) => [t.id, t]));
    for (const id of CORE_RELATION_TYPES) expect(types.has(id), `relation type ${id}`).toBe(true);
    const expected = {
      cooperation: [1, false, "#009E73"],
      support: [1, true, "#56B4E9"],
      membership: [1, true, "#0072B2"],
      mediation: [0, true, "#E69F00"],
      leadership: [0, true, "#7F7F7F"],
      tension: [-1, false, "#D55E00"],
      conflict: [-1, false, "#A50026"],
    } as const;
    for (const [id, [sign, directed, color]] of Object.entries(expected)) {
      const type = types.get(id);
      expect([type?.sign, type?.directed, type?.color], id).toEqual([sign, directed, color]);
    }
  });

  it("has unique ids and relations that only use defined actors and types", () => {
    for (const list of [dataset.actors, dataset.relationTypes, dataset.relations]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const actorIds = new Set(dataset.actors.map((a) => a.id));
    const typeIds = new Set(dataset.relationTypes.map((t) => t.id));
    for (const relation of dataset.relations) {
      expect(actorIds.has(relation.source), `${relation.id} source ${relation.source}`).toBe(true);
      expect(actorIds.has(relation.target), `${relation.id} target ${relation.target}`).toBe(true);
      expect(typeIds.has(relation.type), `${relation.id} type ${relation.type}`).toBe(true);
      expect(relation.source, `${relation.id} relates an actor to itself`).not.toBe(relation.target);
    }
    const related = new Set(dataset.relations.flatMap((r) => [r.source, r.target]));
    for (const actor of dataset.actors) expect(related.has(actor.id), `actor ${actor.id} has no relation`).toBe(true);
    expect(dataset.relations.length).toBeGreaterThanOrEqual(25);
  });
});

describe("bundled dataset: evidence", () => {
  const evidence = dataset.relations.flatMap((relation) =>
    relation.evidence.map((item, i) => ({ at: `${relation.id} evidence[${i}]`, item })),
  );

  it("has evidence to check", () => {
    expect(evidence.length).toBeGreaterThanOrEqual(dataset.relations.length);
  });

  it("quotes the article verbatim (ignoring U+200C on both sides)", () => {
    const missing = evidence
      .filter(({ item }) => !articleFlat.includes(item.quote.replace(ZWNJ, "")))
      .map(({ at, item }) => `${at}: ${item.quote}`);
    expect(missing, `quotes not found in the article:\n${missing.join("\n")}`).toEqual([]);
  });

  it("translates every quote into English and names an agency the article credits", () => {
    for (const { at, item } of evidence) {
      expect(item.translation?.en?.trim(), `${at} translation.en`).toBeTruthy();
      expect(AGENCIES as readonly string[], `${at} reportedBy`).toContain(item.reportedBy);
    }
  });

  it("credits the agencies where the article does", () => {
    for (const { at, item } of evidence) {
      const flat = item.quote.replace(ZWNJ, "");
      if (flat.includes("خبرگزاری فرانسه")) expect(item.reportedBy, at).toBe("AFP");
      if (flat.includes("خبرگزاری آلمان")) expect(item.reportedBy, at).toBe("DPA");
      if (flat.includes("رویترز")) expect(item.reportedBy, at).toBe("Reuters");
    }
  });

  it("does not repeat a quote within one relation", () => {
    for (const relation of dataset.relations) {
      const quotes = relation.evidence.map((e) => e.quote);
      expect(new Set(quotes).size, relation.id).toBe(quotes.length);
    }
  });
});

interface Claim {
  what: string;
  source: string | readonly string[];
  target: string | readonly string[];
  type: string;
  /** The claim has a direction even though its type has none (the Turkish army's attack). */
  directed?: boolean;
  /** Agencies that must each back the claim with at least one piece of evidence. */
  agencies?: readonly Agency[];
  /** Phrases (U+200C removed) that must each occur in some evidence quote of the claim. */
  quotes?: readonly string[];
}

const anyOf = (ids: string | readonly string[]): readonly string[] => (typeof ids === "string" ? [ids] : ids);

/** The claims the article makes, as read by hand. */
const CLAIMS: readonly Claim[] = [
  {
    what: "France and Russia agree to cooperate against Islamic State",
    source: "france",
    target: "russia",
    type: "cooperation",
    agencies: ["AFP", "DPA", "DW"],
    quotes: ["دشمن مشترک", "جلب مشارکت روسیه در جنگ علیه", "عملیات نظامی علیه داعش را هماهنگ میکنند"],
  },
  {
    what: "Reuters: unfriendly atmosphere between the two leaders",
    source: ["hollande", "france"],
    target: ["putin", "russia"],
    type: "tension",
    agencies: ["Reuters"],
    quotes: ["غیردوستانه"],
  },
  {
    what: "France and Russia at odds over Ukraine, Crimea and the Middle East",
    source: "france",
    target: "russia",
    type: "tension",
    agencies: ["DW"],
    quotes: ["بحران کریمه"],
  },
  {
    what: "Russia–Turkey tension over the downed jet",
    source: "russia",
    target: "turkey",
    type: "tension",
    agencies: ["DW"],
    quotes: ["تنش میان مسکو و ترکیه"],
  },
  {
    what: "the Turkish army shot down a Russian fighter jet",
    source: "turkey",
    target: "russia",
    type: "conflict",
    directed: true,
    agencies: ["DW"],
    quotes: ["توسط ارتش ترکیه"],
  },
  { what: "France is a NATO member", source: "france", target: "nato", type: "membership", agencies: ["DW"], quotes: ["(ناتو)"] },
  { what: "Turkey is a NATO member", source: "turkey", target: "nato", type: "membership", agencies: ["DW"], quotes: ["(ناتو)"] },
  {
    what: "Moscow's relations with NATO face serious challenges",
    source: "russia",
    target: "nato",
    type: "tension",
    agencies: ["DW"],
    quotes: ["روابط مسکو با ناتو"],
  },
  ...(["uk", "usa"] as const).map(
    (backer): Claim => ({
      what: `${backer} backs France's fight against Daesh`,
      source: backer,
      target: "france",
      type: "support",
      agencies: ["DW"],
      quotes: ["از مبارزه فرانسه با داعش حمایت کرد"],
    }),
  ),
  ...(["france", "germany", "usa"] as const).flatMap((mediator) =>
    (["russia", "turkey"] as const).map(
      (side): Claim => ({
        what: `${mediator} tries to ease the Russia–Turkey tension (${side})`,
        source: mediator,
        target: side,
        type: "mediation",
        agencies: ["DW"],
        quotes: ["تنش دیپلماتیک جدی میان روسیه و ترکیه"],
      }),
    ),
  ),
  {
    what: "France at war with Islamic State",
    source: "france",
    target: "islamic-state",
    type: "conflict",
    quotes: ["دشمن ما داعش است"],
  },
  { what: "Russia at war with Islamic State", source: "russia", target: "islamic-state", type: "conflict" },
  { what: "Putin leads Russia", source: "putin", target: "russia", type: "leadership", quotes: ["ولادیمیر پوتین، رئیسجمهور روسیه"] },
  { what: "Hollande leads France", source: "hollande", target: "france", type: "leadership", quotes: ["فرانسوا اولاند، رئیسجمهور فرانسه"] },
  { what: "Merkel leads Germany", source: "merkel", target: "germany", type: "leadership", quotes: ["آنگلا مرکل، صدراعظم آلمان"] },
  { what: "Obama leads the USA", source: "obama", target: "usa", type: "leadership", quotes: ["باراک اوباما، رئیسجمهور امریکا"] },
  {
    what: "Putin praises Hollande's effort for a grand coalition",
    source: "putin",
    target: "hollande",
    type: "support",
    agencies: ["DPA", "DW"],
    quotes: ["قدردانی کرد"],
  },
  {
    what: "Hollande seeks Putin's cooperation",
    source: "hollande",
    target: "putin",
    type: "cooperation",
    agencies: ["DW"],
    quotes: ["جلب همکاری ولادیمیر پوتین"],
  },
  {
    what: "France seeks peace in Syria",
    source: "france",
    target: "syria",
    type: "mediation",
    agencies: ["DW"],
    quotes: ["صلح در سوریه"],
  },
];

function matches(relation: Relation, claim: Claim): boolean {
  if (relation.type !== claim.type) return false;
  const sources = anyOf(claim.source);
  const targets = anyOf(claim.target);
  const forward = sources.includes(relation.source) && targets.includes(relation.target);
  const backward = sources.includes(relation.target) && targets.includes(relation.source);
  const claimDirected = claim.directed ?? dataset.relationTypes.find((t) => t.id === claim.type)?.directed ?? false;
  // An undirected claim may be stored either way round; a directed one must run from source to target.
  if (claimDirected) return forward && isDirected(relation);
  return forward || backward;
}

describe("bundled dataset: the article's claims", () => {
  it.each(CLAIMS.map((claim) => [claim.what, claim] as const))("%s", (_what, claim) => {
    const found = dataset.relations.filter((relation) => matches(relation, claim));
    expect(found.length, `no ${claim.type} relation ${anyOf(claim.source).join("|")} → ${anyOf(claim.target).join("|")}`).toBeGreaterThan(0);
    const items = found.flatMap((relation) => relation.evidence);
    for (const agency of claim.agencies ?? []) {
      expect(items.map((e) => e.reportedBy), `${claim.what}: evidence reported by ${agency}`).toContain(agency);
    }
    for (const phrase of claim.quotes ?? []) {
      expect(
        items.some((e) => e.quote.replace(ZWNJ, "").includes(phrase)),
        `${claim.what}: a quote containing ${phrase}`,
      ).toBe(true);
    }
    for (const relation of found) expect(relation.date, relation.id).toBe("2015-11-26");
  });

  it("keeps undirected relations undirected, except the Turkish army's attack", () => {
    const overridden = dataset.relations.filter((r) => isDirected(r) !== typeOf(r)?.directed).map((r) => r.id);
    expect(overridden).toEqual(["turkey-russia-conflict-jet"]);
  });
});

describe("data/sources", () => {
  it("holds the article the README describes", () => {
    expect(article).toContain(dataset.meta.title.fa);
    expect(article).toContain("https://p.dw.com/p/1HDEF");
    expect(article.includes("\u200c")).toBe(false);
    expect(sourcesReadme).toContain("dw-fa-2015-11-26.txt");
    expect(sourcesReadme).toContain("https://p.dw.com/p/1HDEF");
    expect(sourcesReadme).toContain("2015-11-26");
    expect(sourcesReadme).toContain(dataset.meta.title.fa);
  });
});
