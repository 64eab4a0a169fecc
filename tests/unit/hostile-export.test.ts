/**
 * The hostile corpus (tests/fixtures/hostile/): every text in it tries to run
 * script. It must import as data, and every export must carry it as text:
 * no raw <script in SVG or GEXF, XML that parses back, strings that survive.
 */
import { readFileSync } from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/core/dataset/schema";
import { pickText } from "../../src/core/dataset/text";
import { buildSvg, toCsv, toEntenteJson, toGexf, type SvgScene } from "../../src/core/export";
import { importFile } from "../../src/core/import";

const read = (name: string): string => readFileSync(new URL(`../fixtures/hostile/${name}`, import.meta.url), "utf8");

function imported(name: string, options: Parameters<typeof importFile>[1] = {}): Dataset {
  const result = importFile({ name, text: read(name) }, options);
  if (!result.ok) throw new Error(`${name} did not import: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

const corpus = (): [string, Dataset][] => [
  ["hostile.json", imported("hostile.json")],
  ["hostile.csv", imported("hostile.csv", { actors: { name: "hostile-actors.csv", text: read("hostile-actors.csv") } })],
  ["hostile.gexf", imported("hostile.gexf")],
];

/** Parses XML with xmldom, failing on any complaint it has (xmldom repairs rather than rejects otherwise). */
function parseStrict(text: string): Document {
  const complaints: string[] = [];
  const report = (message: string) => complaints.push(message);
  const doc = new DOMParser({ errorHandler: { warning: report, error: report, fatalError: report } }).parseFromString(text, "application/xml");
  expect(complaints).toEqual([]);
  return doc;
}

function elementNames(doc: Document): Set<string> {
  const names = new Set<string>();
  const all = doc.getElementsByTagName("*");
  for (let i = 0; i < all.length; i++) names.add(all[i]!.localName);
  return names;
}

function attributeNames(doc: Document): string[] {
  const names: string[] = [];
  const all = doc.getElementsByTagName("*");
  for (let i = 0; i < all.length; i++) {
    const attributes = all[i]!.attributes;
    for (let j = 0; j < attributes.length; j++) names.push(attributes[j]!.name);
  }
  return names;
}

function sceneOf(dataset: Dataset): SvgScene {
  const lang = "en";
  return {
    width: 800,
    height: 600,
    background: "#ffffff",
    textColor: "#222222",
    fontFamily: 'Vazirmatn, "><script>window.__pwned=1</script>',
    title: pickText(dataset.meta.title, lang),
    sourceLine: pickText(dataset.meta.source.publisher, lang),
    legendTitle: "Relations",
    legend: dataset.relationTypes.map((t) => ({ kind: "edge" as const, color: t.color, label: pickText(t.label, lang) })),
    nodes: dataset.actors.map((a, i) => ({ id: a.id, x: 50 + i * 40, y: 100, size: 6, color: a.color ?? "#336699", label: pickText(a.label, lang) })),
    edges: dataset.relations.map((r, i) => ({ id: r.id, x1: 10, y1: 10 + i, x2: 200, y2: 300, color: '#"><script>', width: 1, directed: true, curvature: 0, dashed: false })),
    dir: "ltr",
    lang: 'en"><script>window.__pwned=1</script>',
  };
}

describe("the hostile corpus", () => {
  it("imports as data: every payload is kept as text, in labels, quotes and ids", () => {
    for (const [name, dataset] of corpus()) {
      const texts = JSON.stringify(dataset);
      expect(texts, name).toContain("<script>window.__pwned=1</script>");
      expect(texts, name).toContain("onerror");
      expect(dataset.actors.map((a) => a.id), name).toContain("fr\u200Bance");
      expect(dataset.actors.map((a) => a.id), name).toContain("\u202Eaissur");
    }
  });

  it("javascript: and data: addresses never become evidence links", () => {
    for (const [name, dataset] of corpus()) {
      for (const evidence of dataset.relations.flatMap((r) => r.evidence)) {
        if (evidence.url !== undefined) expect(evidence.url, name).toMatch(/^https?:\/\//);
      }
    }
  });
});

describe("exports of the hostile corpus", () => {
  it("SVG: no raw markup from the data, well-formed, and the labels read back as written", () => {
    for (const [name, dataset] of corpus()) {
      const scene = sceneOf(dataset);
      const svg = buildSvg(scene);
      expect(svg, name).not.toMatch(/<script/i);
      expect(svg, name).not.toMatch(/<(img|iframe|object|style|a|details|math|link)\b/i);
      const doc = parseStrict(svg);
      // onerror= may stand in a label's text; it must never become an attribute.
      expect(attributeNames(doc).filter((a) => /^on/i.test(a) || a === "href" || a === "xlink:href"), name).toEqual([]);
      expect([...elementNames(doc)].sort()).toEqual(expect.arrayContaining(["svg", "text"]));
      for (const element of ["script", "foreignObject", "a", "image", "use", "iframe", "img"]) {
        expect(elementNames(doc).has(element), `${name}: <${element}>`).toBe(false);
      }
      const texts = doc.getElementsByTagName("text");
      const shown: string[] = [];
      for (let i = 0; i < texts.length; i++) shown.push(texts[i]!.textContent ?? "");
      const labels = scene.nodes.map((n) => n.label).filter((label) => label.trim() !== "");
      // Labels are cleaned of control characters only: the hostile text itself is there, as text.
      for (const label of labels) expect(shown.some((text) => text.includes(label.slice(0, 20))), `${name}: ${label}`).toBe(true);
    }
  });

  it("GEXF: no raw <script, well-formed, and it imports back with the same ids and labels", () => {
    for (const [name, dataset] of corpus()) {
      const gexf = toGexf(dataset);
      expect(gexf, name).not.toMatch(/<script/i);
      expect(gexf, name).not.toMatch(/<(img|iframe|object|style|svg)\b/i);
      const doc = parseStrict(gexf);
      expect([...elementNames(doc)].every((n) => !["script", "img", "iframe", "svg"].includes(n))).toBe(true);
      expect(attributeNames(doc).filter((a) => /^on/i.test(a)), name).toEqual([]);
      const back = importFile({ name: "back.gexf", text: gexf }, {});
      expect(back.ok, name).toBe(true);
      if (!back.ok) continue;
      expect(back.dataset.actors.map((a) => a.id).sort()).toEqual(dataset.actors.map((a) => a.id).sort());
      expect(back.dataset.actors.map((a) => a.label.en).sort()).toEqual(dataset.actors.map((a) => a.label.en).sort());
      expect(back.dataset.relations.map((r) => r.evidence)).toEqual(dataset.relations.map((r) => r.evidence));
    }
  });

  it("JSON and CSV: the payloads are data, and the files read back as the same dataset", () => {
    const [, dataset] = corpus()[0]!;
    const json = importFile({ name: "back.json", text: toEntenteJson(dataset) });
    expect(json.ok && json.dataset).toEqual(dataset);
    const csv = toCsv(dataset);
    const back = importFile({ name: "back.csv", text: csv.relations }, { actors: { name: "a.csv", text: csv.actors } });
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.dataset.relations.map((r) => r.id)).toEqual(dataset.relations.map((r) => r.id));
  });
});
