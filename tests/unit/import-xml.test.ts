/**
 * GEXF and GraphML import: small hand-made files whose every actor, relation,
 * type, colour and position is known, broken files reported at the line and
 * column a person looks at, and nothing thrown on any input.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateDataset } from "../../src/core/dataset/validate";
import { CORE_TYPES } from "../../src/core/import/vocabulary";
import {
  XML_TYPE_PALETTE,
  detectXmlGraph,
  importGexf,
  importGraphml,
} from "../../src/core/import/xml-graph";
import type { ImportFile, ImportResult } from "../../src/core/import/types";
import type { Dataset } from "../../src/core/dataset/schema";

function fixture(name: string): ImportFile {
  return { name, text: readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), "utf8") };
}

function okDataset(result: ImportResult): Dataset & { typeCandidates: readonly string[] | undefined } {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  return { ...result.dataset, typeCandidates: result.typeCandidates };
}

const core = (id: string) => {
  const type = CORE_TYPES.find((t) => t.id === id);
  if (!type) throw new Error(`no core type ${id}`);
  return type;
};

const evidence = (file: string, id: string) => [{ quote: `${file}: edge ${id}`, reportedBy: file }];

describe("importGexf: labels in several languages", () => {
  const gexf = (nodes: string) =>
    `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
      <attributes class="node"><attribute id="0" title="label_fa" type="string"/><attribute id="1" title="label_en" type="string"/></attributes>
      <nodes>${nodes}</nodes><edges/></graph></gexf>`;
  const labels = (nodes: string) => okDataset(importGexf({ name: "l.gexf", text: gexf(nodes) })).actors.map((a) => a.label);

  it("keeps a plain label beside a label_fa: the plain one is English", () => {
    expect(labels('<node id="ru" label="Russia"><attvalues><attvalue for="0" value="روسیه"/></attvalues></node>')).toEqual([
      { fa: "روسیه", en: "Russia" },
    ]);
  });

  it("takes label_en over the plain label, and does not repeat a plain label that is one of the languages'", () => {
    expect(
      labels(
        '<node id="ru" label="Rossiya"><attvalues><attvalue for="1" value="Russia"/><attvalue for="0" value="روسیه"/></attvalues></node>' +
          '<node id="ir" label="ایران"><attvalues><attvalue for="0" value="ایران"/></attvalues></node>',
      ),
    ).toEqual([{ en: "Russia", fa: "روسیه" }, { fa: "ایران" }]);
  });

  it("falls back to the plain label, then to the id", () => {
    expect(labels('<node id="tr" label="Turkey"/><node id="nato"/>')).toEqual([{ en: "Turkey" }, { en: "nato" }]);
  });
});

describe("importGexf: tiny.gexf", () => {
  const result = importGexf(fixture("tiny.gexf"));
  const dataset = okDataset(result);

  it("reads the meta from the file's own title, description and date", () => {
    expect(dataset.meta).toEqual({
      title: { en: "Tiny alliances" },
      description: { en: "Three states and an organization" },
      source: {
        publisher: { en: "tiny.gexf" },
        published: "2015-11-26",
        language: "en",
      },
    });
  });

  it("maps nodes to actors with labels, kinds, viz colours and positions", () => {
    expect(dataset.actors).toEqual([
      { id: "fr", kind: "state", label: { en: "France" }, position: { x: 10.5, y: -20 }, color: "#0055a4" },
      { id: "ru", kind: "state", label: { en: "Russia" }, position: { x: -30, y: 40.25 }, color: "#d52b1e" },
      // No label: the key; a GEXF 1.3 hex colour, lower-cased.
      { id: "nato", kind: "organization", label: { en: "nato" }, color: "#1d3f8f" },
      // An unknown kind reads as a state; an x without a y is no position.
      { id: "tr", kind: "state", label: { en: "Turkey" } },
    ]);
  });

  it("uses the edge attribute `type`: a core id takes the core type, another value makes a new type", () => {
    expect(dataset.relationTypes).toEqual([
      core("tension"),
      { id: "trade", label: { en: "trade" }, sign: 0, directed: true, color: XML_TYPE_PALETTE[0] },
    ]);
    expect(XML_TYPE_PALETTE[0]).toBe("#332288");
  });

  it("maps edges to relations: unique ids, direction, date, weight, evidence", () => {
    expect(dataset.relations).toEqual([
      {
        id: "e1",
        source: "ru",
        target: "tr",
        type: "tension",
        directed: false,
        date: "2015-11-24",
        weight: 2.5,
        evidence: evidence("tiny.gexf", "e1"),
      },
      { id: "e2", source: "fr", target: "ru", type: "trade", directed: true, evidence: evidence("tiny.gexf", "e2") },
      // No id: e2 by position, taken, so e2-2; "Tension" is the core type; the date is GEXF's start attribute.
      {
        id: "e2-2",
        source: "tr",
        target: "nato",
        type: "tension",
        directed: false,
        date: "2015-11-25",
        evidence: evidence("tiny.gexf", "e2-2"),
      },
      // A repeated id is renamed, not merged into the first edge.
      { id: "e1-2", source: "fr", target: "nato", type: "trade", directed: false, evidence: evidence("tiny.gexf", "e1-2") },
    ]);
  });

  it("offers the edge attributes as type candidates, without weight", () => {
    expect(dataset.typeCandidates).toEqual(["label", "type", "date"]);
  });

  it("says what it changed, and the dataset passes validation", () => {
    expect(result.problems).toEqual([
      {
        path: "line 56, column 7",
        message: 'the edge id "e1" is used twice; this edge is read as "e1-2"',
        severity: "warning",
      },
      {
        path: "actors[3].kind",
        message:
          'the kind "kingdom" is not one of state, organization, person, armed-group, region; nodes of that kind are read as states',
        severity: "warning",
      },
    ]);
    const { typeCandidates: _, ...plain } = dataset;
    expect(validateDataset(plain)).toMatchObject({ ok: true, problems: [] });
  });

  it("takes options.title before the file's own title", () => {
    const titled = okDataset(importGexf(fixture("tiny.gexf"), { title: "Chosen title" }));
    expect(titled.meta.title).toEqual({ en: "Chosen title" });
  });

  it("uses options.typeAttribute instead: values become types, edges without one are 'related'", () => {
    const byLabel = okDataset(importGexf(fixture("tiny.gexf"), { typeAttribute: "label" }));
    expect(byLabel.relationTypes).toEqual([
      { id: "jet downed", label: { en: "jet downed" }, sign: 0, directed: false, color: "#332288" },
      { id: "related", label: { en: "related" }, sign: 0, directed: true, color: "#88ccee" },
    ]);
    expect(byLabel.relations.map((r) => [r.id, r.type])).toEqual([
      ["e1", "jet downed"],
      ["e2", "related"],
      ["e2-2", "related"],
      ["e1-2", "related"],
    ]);
    expect(byLabel.typeCandidates).toEqual(["label", "type", "date"]);
  });

  it("warns when the chosen type attribute is on no edge, and types every relation 'related'", () => {
    const result = importGexf(fixture("tiny.gexf"), { typeAttribute: "colour" });
    const none = okDataset(result);
    expect(none.relationTypes).toEqual([
      { id: "related", label: { en: "related" }, sign: 0, directed: false, color: "#332288" },
    ]);
    expect(none.relations.every((r) => r.type === "related")).toBe(true);
    expect(result.problems).toContainEqual({
      path: "",
      message: 'no edge has the attribute "colour"; every relation has the type "related"',
      severity: "warning",
    });
  });
});

describe("importGraphml: tiny.graphml", () => {
  const result = importGraphml(fixture("tiny.graphml"));
  const dataset = okDataset(result);

  it("reads the graph's title and defaults the rest of the meta", () => {
    expect(dataset.meta).toEqual({
      title: { en: "Tiny GraphML" },
      source: {
        publisher: { en: "tiny.graphml" },
        language: "en",
      },
    });
  });

  it("maps nodes: label key, kind, x/y, r/g/b and a colour key declared for all", () => {
    expect(dataset.actors).toEqual([
      { id: "a", kind: "person", label: { en: "Alpha" }, position: { x: 1, y: 2 }, color: "#ff0080" },
      { id: "b", kind: "state", label: { en: "Beta" }, color: "#00ff00" },
      { id: "c", kind: "state", label: { en: "c" } },
    ]);
  });

  it("maps edges with the `type` key, honouring directed=\"false\" against edgedefault=\"directed\"", () => {
    expect(dataset.relationTypes).toEqual([
      core("support"),
      { id: "trade", label: { en: "trade" }, sign: 0, directed: false, color: "#332288" },
      core("conflict"),
    ]);
    expect(dataset.relations).toEqual([
      {
        id: "e0",
        source: "a",
        target: "b",
        type: "support",
        directed: true,
        date: "2020-02-29",
        weight: 3,
        evidence: evidence("tiny.graphml", "e0"),
      },
      { id: "ab2", source: "b", target: "c", type: "trade", directed: false, evidence: evidence("tiny.graphml", "ab2") },
      { id: "e2", source: "a", target: "a", type: "conflict", directed: true, evidence: evidence("tiny.graphml", "e2") },
    ]);
    expect(dataset.typeCandidates).toEqual(["type", "date", "note"]);
  });

  it("allows a self loop, which the validator warns about", () => {
    expect(result.problems).toEqual([
      { path: "relations[2].target", message: 'relates actor "a" to itself', severity: "warning" },
    ]);
  });

  it("falls back on 'GraphML file' and 'file' when the file has no name", () => {
    const text = '<graphml><graph><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>';
    const unnamed = okDataset(importGraphml({ name: "", text }));
    expect(unnamed.meta.title).toEqual({ en: "GraphML file" });
    expect(unnamed.meta.source.publisher).toEqual({ en: "GraphML file" });
    expect(unnamed.relations[0]?.evidence).toEqual([{ quote: "GraphML file: edge e0", reportedBy: "file" }]);
    expect(unnamed.relations[0]?.directed).toBe(false);
  });
});

describe("GEXF and GraphML problems", () => {
  it("reports an unclosed tag at the line and column of the end tag that gives it away", () => {
    expect(importGexf(fixture("broken.gexf"))).toEqual({
      ok: false,
      format: "gexf",
      problems: [
        {
          path: "line 7, column 5",
          message:
            "the XML is broken: the end tag </nodes> does not close <node>, opened at line 5, column 7 and never closed",
          severity: "error",
        },
      ],
    });
  });

  it("reports xmldom's own complaints where xmldom puts them", () => {
    const text = '<gexf>\n  <graph>\n    <nodes><node id="a" label="&foo;"/></nodes>\n  </graph>\n</gexf>';
    expect(importGexf({ name: "x.gexf", text }).problems).toEqual([
      { path: "line 3, column 12", message: "the XML is broken: entity not found:&foo;", severity: "error" },
    ]);
  });

  it("refuses a file whose root is not <gexf> or <graphml>", () => {
    expect(importGexf(fixture("not-a-graph.xml"))).toEqual({
      ok: false,
      format: "gexf",
      problems: [
        {
          path: "line 2, column 1",
          message: "not a GEXF file: its root element is <svg>, where GEXF has <gexf>",
          severity: "error",
        },
      ],
    });
    expect(importGraphml(fixture("tiny.gexf")).problems).toEqual([
      {
        path: "line 2, column 1",
        message:
          "not a GraphML file: its root element is <gexf>, where GraphML has <graphml> (this looks like a GEXF file)",
        severity: "error",
      },
    ]);
  });

  it("reports an edge to a node the file does not define, at the edge", () => {
    expect(importGexf(fixture("dangling-edge.gexf"))).toEqual({
      ok: false,
      format: "gexf",
      problems: [
        {
          path: "line 10, column 7",
          message: 'an edge\'s target is the node "zz", which the file does not define',
          severity: "error",
        },
      ],
    });
  });

  it("reports repeated and missing node ids", () => {
    const text = '<gexf><graph><nodes><node id="a"/><node id="a"/><node/></nodes></graph></gexf>';
    expect(importGexf({ name: "", text }).problems).toEqual([
      { path: "line 1, column 35", message: 'the node id "a" is used twice', severity: "error" },
      { path: "line 1, column 49", message: "a node has no id", severity: "error" },
    ]);
  });

  it("reports a file with no <graph> and an empty file", () => {
    expect(importGexf({ name: "", text: "<gexf/>" }).problems).toEqual([
      { path: "line 1, column 1", message: "the GEXF file has no <graph> element", severity: "error" },
    ]);
    expect(importGraphml({ name: "", text: "" }).problems).toEqual([
      { path: "", message: "the XML is broken: the file holds no XML element", severity: "error" },
    ]);
  });

  it("never throws, whatever the input", () => {
    const inputs = [
      "",
      "hello",
      "\u0000\u0001<<<>>>",
      "<gexf>",
      "<gexf><graph/>",
      '<gexf><graph defaultedgetype="sideways"><nodes><node id="a"/></nodes><edges><edge source="a" target="a" type="odd"/></edges></graph></gexf>',
      '<gexf><graph><attributes class="edge"><attribute/></attributes><nodes><node id="a"><attvalues><attvalue for="x"/></attvalues></node></nodes></graph></gexf>',
      '<graphml><key for="hyperedge"/><key id="k" for="node" attr.type="weird"/><graph><node id="a"><data key="k">1</data><data key="zz">2</data></node></graph></graphml>',
      '<graphml><graph edgedefault="undirected"><node id="a"/><edge source="a" target="a" directed="true"/><edge source="a" target="a"/></graph></graphml>',
      '<graphml><graph><node id=" "/><edge source=" " target=" "/></graph></graphml>',
      "<a x='1' x='2'/>",
      "<?xml version='1.0'?><!DOCTYPE gexf [<!ENTITY e 'x'>]><gexf><graph/></gexf>",
      "<gexf><![CDATA[ <node> ]]><graph/></gexf>",
    ];
    for (const text of inputs) {
      for (const run of [importGexf, importGraphml]) {
        let result: ImportResult | undefined;
        expect(() => (result = run({ name: "f", text }))).not.toThrow();
        expect(result?.problems).toBeInstanceOf(Array);
        if (result && !result.ok) expect(result.problems.some((p) => p.severity === "error")).toBe(true);
      }
    }
  });
});

describe("detectXmlGraph", () => {
  it("tells GEXF from GraphML by the root element, past the prolog", () => {
    expect(detectXmlGraph(fixture("tiny.gexf").text)).toBe("gexf");
    expect(detectXmlGraph(fixture("tiny.graphml").text)).toBe("graphml");
    expect(detectXmlGraph("\uFEFF<?xml version='1.0'?>\n<!-- <gexf> -->\n<!DOCTYPE x [<!ELEMENT x ANY>]>\n<graphml/>")).toBe(
      "graphml",
    );
    expect(detectXmlGraph('<g:gexf xmlns:g="http://gexf.net/1.3"/>')).toBe("gexf");
  });

  it("says null for other XML and for what is not XML", () => {
    expect(detectXmlGraph(fixture("not-a-graph.xml").text)).toBeNull();
    expect(detectXmlGraph("id,label\n1,a")).toBeNull();
    expect(detectXmlGraph("")).toBeNull();
  });
});
