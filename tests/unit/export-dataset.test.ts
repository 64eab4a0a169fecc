/**
 * Dataset export: each format reads back through Entente's own importer, and
 * keeps what its documentation says it keeps.
 */
import { MultiGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { subsetDataset, toCsv, toEntenteJson, toGexf } from "../../src/core/export";
import type { Dataset, LocalizedText } from "../../src/core/dataset/schema";
import { validateDataset } from "../../src/core/dataset/validate";
import { importFile } from "../../src/core/import";
import { importCsv } from "../../src/core/import/csv";
import { importGexf } from "../../src/core/import/xml-graph";
import { CORE_TYPES } from "../../src/core/import/vocabulary";
import { bundledJson, valid } from "./fixtures";


const bundled = (): Dataset => valid(bundledJson());

const tension = CORE_TYPES.find((t) => t.id === "tension")!;
const leadership = CORE_TYPES.find((t) => t.id === "leadership")!;

/** Small, and full of what breaks naive writers: Persian text, commas, quotes, a newline, "&" in a URL, a formula. */
function handMade(): Dataset {
  return valid({
    meta: {
      title: { en: 'Hand-made, "test"', fa: "آزمون دستی" },
      description: { fa: "توضیح" },
      source: { publisher: { en: "DW Persian" }, url: "https://p.dw.com/p/1HDEF", published: "2015-11-26", language: "fa" },
    },
    actors: [
      {
        id: "iran",
        kind: "state",
        label: { en: "Iran", fa: "ایران" },
        color: "#AA3300",
        position: { x: 10.123456789, y: -4.5 },
      },
      { id: "irgc", kind: "armed-group", label: { fa: "سپاه پاسداران, «قدس»" } },
      {
        id: "un",
        kind: "organization",
        label: { en: 'United Nations, "UN"' },
        aliases: ["UN", "سازمان ملل"],
        description: { en: "The organization." },
      },
      { id: "guterres", kind: "person", label: { en: "António Guterres", fa: "گوترش" } },
      { id: "alone", kind: "region", label: { en: "Alone" } },
    ],
    relationTypes: [
      ...CORE_TYPES,
      { id: "arms-deal", label: { en: "Arms deal", fa: "معامله تسلیحاتی" }, sign: 0, directed: true, color: "#123456" },
    ],
    relations: [
      {
        id: "r1",
        source: "iran",
        target: "un",
        type: "tension",
        date: "2015-11-24",
        evidence: [
          {
            quote: 'ایران گفت: "نه"، و سپس, رفت\nخط دوم',
            translation: { en: 'Iran said "no", then left\nsecond line' },
            reportedBy: "DW",
            url: "https://example.org/a?b=1&c=2",
          },
          { quote: "Second piece", reportedBy: "AFP" },
        ],
      },
      {
        id: "r2",
        source: "irgc",
        target: "iran",
        type: "arms-deal",
        directed: false,
        date: "2015-11-25",
        endDate: "2015-12-01",
        count: 3,
        weight: -2.5,
        evidence: [{ quote: "=SUM(A1)", reportedBy: "Reuters, London" }],
      },
      {
        id: "r3",
        source: "guterres",
        target: "un",
        type: "leadership",
        directed: true,
        weight: 0,
        evidence: [{ quote: "He leads it.", translation: { fa: "او رهبر است." }, reportedBy: "UN" }],
      },
    ],
  });
}

const withoutSchema = ({ $schema: _, ...rest }: Dataset): Dataset => rest;

describe("toEntenteJson", () => {
  it("pretty-prints with two spaces and a trailing newline, without $schema", () => {
    const text = toEntenteJson(bundled());
    expect(text.startsWith('{\n  "meta": {\n    "title": {\n      "fa": ')).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).not.toContain("$schema");
  });

  it.each([
    ["the bundled dataset", bundled],
    ["a hand-made dataset", handMade],
  ])("reads back through importFile as %s, unchanged but for $schema", (_name, make) => {
    const dataset = make();
    const result = importFile({ name: "x.json", text: toEntenteJson(dataset) });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.format).toBe("entente-json");
    expect(result.dataset).toEqual(withoutSchema(dataset));
  });
});

describe("toCsv", () => {
  it("writes the columns the importer reads, quoting only where needed, with a BOM and \\n rows", () => {
    const { relations, actors } = toCsv(handMade());
    expect(relations).toBe(
      "\uFEFFid,source,target,type,date,directed,quote,translation,reportedBy,url\n" +
        'r1,iran,un,tension,2015-11-24,,"ایران گفت: ""نه""، و سپس, رفت\nخط دوم","Iran said ""no"", then left\nsecond line",DW,https://example.org/a?b=1&c=2\n' +
        'r2,irgc,iran,arms-deal,2015-11-25,false,=SUM(A1),,"Reuters, London",\n' +
        "r3,guterres,un,leadership,,true,He leads it.,,UN,\n",
    );
    expect(actors).toBe(
      "\uFEFFid,kind,label_en,label_fa\n" +
        'iran,state,Iran,ایران\nirgc,armed-group,,"سپاه پاسداران, «قدس»"\nun,organization,"United Nations, ""UN""",\n' +
        "guterres,person,António Guterres,گوترش\nalone,region,Alone,\n",
    );
  });

  it("writes the translation in the language asked for, and none when the evidence lacks it", () => {
    const { relations } = toCsv(handMade(), "fa");
    expect(relations.split("\n").at(-2)).toBe("r3,guterres,un,leadership,,true,He leads it.,او رهبر است.,UN,");
  });

  it("keeps an actor named only in a third language, under label_en", () => {
    const dataset = handMade();
    dataset.actors[4]!.label = { de: "Allein" };
    expect(toCsv(dataset).actors.split("\n").at(-2)).toBe("alone,region,Allein,");
  });

  const projectActors = (d: Dataset) => d.actors.map((a) => [a.id, a.kind, a.label.en, a.label.fa]);
  const projectRelations = (d: Dataset) => d.relations.map((r) => [r.id, r.source, r.target, r.type, r.date, r.directed]);
  const firstEvidence = (d: Dataset) =>
    d.relations.map((r) => {
      const e = r.evidence[0]!;
      return { quote: e.quote, translation: e.translation?.en, reportedBy: e.reportedBy, url: e.url };
    });

  function reimport(dataset: Dataset): Dataset {
    const { relations, actors } = toCsv(dataset);
    const result = importCsv({ name: "relations.csv", text: relations }, { actors: { name: "actors.csv", text: actors } });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    return result.dataset;
  }

  it("reads back the hand-made dataset's actors, relations and first evidence", () => {
    const back = reimport(handMade());
    expect(projectActors(back)).toEqual([
      ["iran", "state", "Iran", "ایران"],
      ["irgc", "armed-group", undefined, "سپاه پاسداران, «قدس»"],
      ["un", "organization", 'United Nations, "UN"', undefined],
      ["guterres", "person", "António Guterres", "گوترش"],
      ["alone", "region", "Alone", undefined],
    ]);
    expect(projectRelations(back)).toEqual([
      ["r1", "iran", "un", "tension", "2015-11-24", undefined],
      ["r2", "irgc", "iran", "arms-deal", "2015-11-25", false],
      ["r3", "guterres", "un", "leadership", undefined, true],
    ]);
    expect(back.relations.map((r) => r.evidence)).toEqual([
      [
        {
          quote: 'ایران گفت: "نه"، و سپس, رفت\nخط دوم',
          translation: { en: 'Iran said "no", then left\nsecond line' },
          reportedBy: "DW",
          url: "https://example.org/a?b=1&c=2",
        },
      ],
      [{ quote: "=SUM(A1)", reportedBy: "Reuters, London" }],
      [{ quote: "He leads it.", reportedBy: "UN" }],
    ]);
  });

  it("reads back the bundled dataset's actors, relations and first evidence", () => {
    const dataset = bundled();
    const back = reimport(dataset);
    expect(back.actors).toHaveLength(13);
    expect(back.relations).toHaveLength(26);
    expect(projectActors(back)).toEqual(projectActors(dataset));
    expect(projectRelations(back)).toEqual(projectRelations(dataset));
    expect(firstEvidence(back)).toEqual(firstEvidence(dataset));
  });
});

describe("toGexf", () => {
  const positions = new Map([
    ["iran", { x: 1.0000001234, y: -2.5 }],
    ["irgc", { x: -1234.56789012, y: 0.000001 }],
    ["guterres", { x: Number.NaN, y: 3 }],
  ]);
  const colors = new Map([
    ["iran", "#00ff00"],
    ["irgc", "#0F0"],
    ["un", "rgb(1, 2, 3)"],
    ["guterres", "tomato"],
  ]);

  function reimport(text: string): Dataset {
    const result = importGexf({ name: "x.gexf", text });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.dataset;
  }

  it("reads back the hand-made dataset's actors: ids, labels, kinds, positions and colours", () => {
    const back = reimport(toGexf(handMade(), positions, colors));
    // Every language of every label comes back, as it was.
    expect(back.actors.map((a) => [a.id, a.label, a.kind, a.color])).toEqual([
      ["iran", { en: "Iran", fa: "ایران" }, "state", "#aa3300"],
      ["irgc", { fa: "سپاه پاسداران, «قدس»" }, "armed-group", "#00ff00"],
      ["un", { en: 'United Nations, "UN"' }, "organization", "#010203"],
      ["guterres", { en: "António Guterres", fa: "گوترش" }, "person", undefined],
      ["alone", { en: "Alone" }, "region", undefined],
    ]);
    const at = (id: string) => back.actors.find((a) => a.id === id)?.position;
    expect(Math.abs(at("iran")!.x - 1.0000001234)).toBeLessThan(1e-6);
    expect(Math.abs(at("iran")!.y + 2.5)).toBeLessThan(1e-6);
    expect(Math.abs(at("irgc")!.x + 1234.56789012)).toBeLessThan(1e-6);
    expect(Math.abs(at("irgc")!.y - 0.000001)).toBeLessThan(1e-9);
    // A position map entry that is not a point leaves the actor where it was: nowhere, here.
    expect(at("guterres")).toBeUndefined();
    expect(at("un")).toBeUndefined();
  });

  it("falls back on the actor's own position without a map", () => {
    const back = reimport(toGexf(handMade()));
    expect(back.actors.map((a) => a.position)).toEqual([{ x: 10.123456789, y: -4.5 }, undefined, undefined, undefined, undefined]);
  });

  it("reads back the relations: ids, ends, types, directions, dates and weights", () => {
    const back = reimport(toGexf(handMade(), positions));
    expect(back.relations.map((r) => [r.id, r.source, r.target, r.type, r.directed, r.date, r.weight])).toEqual([
      ["r1", "iran", "un", "tension", false, "2015-11-24", undefined],
      ["r2", "irgc", "iran", "arms-deal", false, "2015-11-25", -2.5],
      ["r3", "guterres", "un", "leadership", true, undefined, 0],
    ]);
  });

  it("keeps every piece of evidence, and the importer reads it back", () => {
    const dataset = handMade();
    const text = toGexf(dataset);
    const back = reimport(text);
    expect(back.relations.map((r) => r.evidence)).toEqual(dataset.relations.map((r) => r.evidence));

    const graph = parseGexf(MultiGraph, text);
    const edges = dataset.relations.map((r) => graph.getEdgeAttributes(r.id));
    expect(edges.map((e) => JSON.parse(String(e.evidence)))).toEqual(dataset.relations.map((r) => r.evidence));
    expect(edges[0]).toEqual({
      label: "Tension",
      color: "rgb(213,94,0)",
      type: "tension",
      date: "2015-11-24",
      quote: 'ایران گفت: "نه"، و سپس, رفت\nخط دوم',
      translation: 'Iran said "no", then left\nsecond line',
      reportedBy: "DW",
      url: "https://example.org/a?b=1&c=2",
      evidence: JSON.stringify(dataset.relations[0]!.evidence),
    });
    expect(edges[1]).toMatchObject({ label: "Arms deal", weight: -2.5, endDate: "2015-12-01", count: 3 });
    expect(edges[2]).toMatchObject({ translation: "او رهبر است.", weight: 0 });
    expect(graph.getNodeAttributes("irgc")).toEqual({ label: "سپاه پاسداران, «قدس»", kind: "armed-group", label_fa: "سپاه پاسداران, «قدس»" });
  });

  it("writes GEXF 1.3, a mixed graph, and the title Gephi shows", () => {
    const text = toGexf(handMade());
    expect(text).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"');
    expect(text).toContain('<graph defaultedgetype="directed">');
    expect(text).toContain('<edge id="r1" type="undirected" source="iran" target="un" label="Tension">');
    expect(text).toContain('<edge id="r3" source="guterres" target="un" weight="0" label="Leadership">');
    expect(text).toContain('<viz:color r="170" g="51" b="0"/>');
    expect(text).toContain("<title>Hand-made, \"test\"</title>");
    expect(text).toContain("<description>توضیح</description>");
    expect(reimport(text).meta.title).toEqual({ en: 'Hand-made, "test"' });
  });

  it("drops characters XML cannot hold from the attributes, keeping them in the evidence JSON", () => {
    const dataset = handMade();
    dataset.relations[1]!.evidence[0]!.quote = "bell\u0007 and a lone \uD800 surrogate";
    const text = toGexf(dataset);
    expect(reimport(text).relations).toHaveLength(3);
    const edge = parseGexf(MultiGraph, text).getEdgeAttributes("r2");
    expect(edge.quote).toBe("bell and a lone  surrogate");
    expect(JSON.parse(String(edge.evidence))[0].quote).toBe("bell\u0007 and a lone \uD800 surrogate");
  });

  it("reads back the bundled dataset with the layout's positions", () => {
    const dataset = bundled();
    const layout = new Map(dataset.actors.map((a, i) => [a.id, { x: i * 1.5 - 7.123456, y: Math.sqrt(i + 1) }]));
    const back = reimport(toGexf(dataset, layout));
    const label = (t: LocalizedText) => t.en ?? Object.values(t)[0];
    expect(back.actors.map((a) => [a.id, a.label.en, a.kind])).toEqual(dataset.actors.map((a) => [a.id, label(a.label), a.kind]));
    back.actors.forEach((a) => {
      const want = layout.get(a.id)!;
      expect(Math.abs(a.position!.x - want.x)).toBeLessThan(1e-6);
      expect(Math.abs(a.position!.y - want.y)).toBeLessThan(1e-6);
    });
    const types = new Map(dataset.relationTypes.map((t) => [t.id, t]));
    expect(back.relations.map((r) => [r.id, r.source, r.target, r.type, r.directed, r.date, r.weight])).toEqual(
      dataset.relations.map((r) => [r.id, r.source, r.target, r.type, r.directed ?? types.get(r.type)!.directed, r.date, r.weight]),
    );
    expect(back.relations).toHaveLength(26);
  });
});

describe("subsetDataset", () => {
  const hostile = new Set(["tension", "conflict"]);

  it("keeps the tension and conflict relations of the bundled dataset and their ends, and still validates", () => {
    const dataset = bundled();
    const relations = new Set(dataset.relations.filter((r) => hostile.has(r.type)).map((r) => r.id));
    const actors = new Set(dataset.relations.filter((r) => hostile.has(r.type)).flatMap((r) => [r.source, r.target]));
    const subset = subsetDataset(dataset, { actors, relations });

    expect(subset.relations.map((r) => r.id)).toEqual([
      "hollande-putin-tension",
      "france-russia-tension-disputes",
      "france-islamic-state-conflict",
      "russia-islamic-state-conflict",
      "russia-turkey-tension-jet",
      "turkey-russia-conflict-jet",
      "russia-nato-tension",
    ]);
    expect(subset.relations).toEqual(dataset.relations.filter((r) => relations.has(r.id)));
    expect(subset.actors.map((a) => a.id).sort()).toEqual(
      ["france", "hollande", "islamic-state", "nato", "putin", "russia", "turkey"],
    );
    expect(subset.actors).toEqual(dataset.actors.filter((a) => actors.has(a.id)));
    expect(subset.relationTypes).toEqual(dataset.relationTypes);
    expect(subset.meta).toBe(dataset.meta);

    const checked = validateDataset(subset);
    expect(checked.ok).toBe(true);
    expect(checked.problems).toEqual([]);
  });

  it("keeps a relation's ends even when the visible actors lack them, and keeps visible lone actors", () => {
    const dataset = handMade();
    const subset = subsetDataset(dataset, { actors: new Set(["alone"]), relations: new Set(["r2"]) });
    expect(subset.actors.map((a) => a.id)).toEqual(["iran", "irgc", "alone"]);
    expect(subset.relations.map((r) => r.id)).toEqual(["r2"]);
    expect(subset.relationTypes.map((t) => t.id)).toEqual([...CORE_TYPES.map((t) => t.id), "arms-deal"]);
    expect(validateDataset(subset).ok).toBe(true);
  });

  it("drops types no kept relation uses, unless they are core", () => {
    const subset = subsetDataset(handMade(), { actors: new Set(), relations: new Set(["r1", "r3"]) });
    expect(subset.relationTypes.map((t) => t.id)).toEqual(CORE_TYPES.map((t) => t.id));
    expect(subset.relationTypes).toContainEqual(tension);
    expect(subset.relationTypes).toContainEqual(leadership);
  });
});
