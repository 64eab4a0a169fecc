/**
 * Every importer against random text, mutated sample files and generated
 * files full of hostile values: always a dataset or problems, never a throw.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importFile, type ImportFormat } from "../../../src/core/import";
import { GDELT_COLUMNS, COLUMN } from "../../../src/core/import/gdelt";
import { FC_OPTIONS, TEST_TIMEOUT, expectImportResult, fixture, mutated, nastyString, timed } from "./support";

const FORMATS: (ImportFormat | undefined)[] = [undefined, "entente-json", "csv", "gexf", "graphml", "gdelt"];

const SEEDS: { name: string; text: string; format: ImportFormat; structural: string }[] = [
  { name: "good.csv", text: fixture("import/good.csv"), format: "csv", structural: ',;"\t\n\r ' },
  { name: "semicolon.csv", text: fixture("import/semicolon.csv"), format: "csv", structural: ',;"\t\n\r ' },
  { name: "tiny.gexf", text: fixture("import/tiny.gexf"), format: "gexf", structural: "<>/\"'=&;!?[]-: \n" },
  { name: "tiny.graphml", text: fixture("import/tiny.graphml"), format: "graphml", structural: "<>/\"'=&;!?[]-: \n" },
  { name: "gdelt-sample.tsv", text: fixture("import/gdelt-sample.tsv"), format: "gdelt", structural: "\t\n\r0123456789 " },
];

const xmlEscape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\uD800-\uDFFF]/g, "\uFFFD");

describe("fuzz: importFile on any text", { timeout: TEST_TIMEOUT }, () => {
  it("random text, under any name and any forced format, gives a dataset or problems", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary" }), nastyString, fc.json()),
        fc.constantFrom("", "x.json", "x.csv", "x.tsv", "x.txt", "x.gexf", "x.graphml", "x"),
        fc.constantFrom(...FORMATS),
        (text, name, format) => {
          expectImportResult(timed(() => importFile({ name, text }, {}, format)));
        },
      ),
      FC_OPTIONS,
    );
  });

  for (const seed of SEEDS) {
    it(`${seed.name}, mutated, gives a dataset or problems (read as ${seed.format} and as detected)`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(mutated(seed.text, seed.structural), fc.option(nastyString, { nil: undefined }), (text, typeAttribute) => {
          const options = typeAttribute === undefined ? {} : { typeAttribute };
          const forced = timed(() => importFile({ name: seed.name, text }, options, seed.format));
          expectImportResult(forced);
          if (forced.ok) accepted += 1;
          expectImportResult(timed(() => importFile({ name: seed.name, text }, options)));
        }),
        FC_OPTIONS,
      );
      expect(accepted).toBeGreaterThan(0);
    });
  }
});

describe("fuzz: generated files full of hostile values", { timeout: TEST_TIMEOUT }, () => {
  const CSV_COLUMNS = ["source", "target", "type", "date", "directed", "quote", "translation", "reportedBy", "url", "id"];
  const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

  it("CSV: any header and cells, with or without an actors file", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...CSV_COLUMNS, "extra", "Source", ""], { minLength: 1 }),
        fc.array(fc.array(nastyString, { maxLength: 12 }), { maxLength: 15 }),
        fc.option(fc.array(fc.tuple(nastyString, nastyString, nastyString), { maxLength: 8 }), { nil: undefined }),
        fc.constantFrom(",", ";", "\t"),
        fc.boolean(),
        (header, rows, actorRows, delimiter, quoted) => {
          const cell = (value: string) => (quoted ? csvCell(value) : value);
          const text = [header.map(cell), ...rows.map((r) => r.map(cell))].map((r) => r.join(delimiter)).join("\n");
          const actors =
            actorRows === undefined
              ? undefined
              : { name: "actors.csv", text: ["id,kind,label_en", ...actorRows.map((r) => r.map(csvCell).join(","))].join("\n") };
          expectImportResult(timed(() => importFile({ name: "r.csv", text }, actors ? { actors } : {}, "csv")));
        },
      ),
      FC_OPTIONS,
    );
  });

  /** Nodes and edges whose ids, labels and attributes are hostile, written as well-formed XML or not. */
  const xmlGraph = fc.record({
    nodes: fc.array(fc.record({ id: nastyString, label: nastyString, kind: nastyString }), { maxLength: 8 }),
    edges: fc.array(
      fc.record({ id: fc.option(nastyString), source: fc.nat(), target: fc.nat(), type: nastyString, quote: nastyString, url: nastyString, directed: fc.constantFrom("true", "false", "", "TRUE", "x") }),
      { maxLength: 10 },
    ),
    title: nastyString,
    escape: fc.boolean(),
  });

  it("GEXF: hostile ids, labels and attributes", () => {
    fc.assert(
      fc.property(xmlGraph, (g) => {
        const e = g.escape ? xmlEscape : (s: string) => s;
        const nodeId = (i: number) => (g.nodes.length === 0 ? "missing" : g.nodes[i % g.nodes.length]!.id);
        const text = [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
          `<meta><title>${e(g.title)}</title><description>${e(g.title)}</description></meta>`,
          '<graph defaultedgetype="undirected">',
          '<attributes class="node"><attribute id="k" title="kind" type="string"/></attributes>',
          '<attributes class="edge"><attribute id="t" title="type" type="string"/><attribute id="q" title="quote" type="string"/><attribute id="u" title="url" type="string"/><attribute id="ev" title="evidence" type="string"/></attributes>',
          "<nodes>",
          ...g.nodes.map((n) => `<node id="${e(n.id)}" label="${e(n.label)}"><attvalues><attvalue for="k" value="${e(n.kind)}"/></attvalues></node>`),
          "</nodes><edges>",
          ...g.edges.map(
            (d) =>
              `<edge${d.id === null ? "" : ` id="${e(d.id)}"`} source="${e(nodeId(d.source))}" target="${e(nodeId(d.target))}" type="${d.directed === "true" ? "directed" : "undirected"}">` +
              `<attvalues><attvalue for="t" value="${e(d.type)}"/><attvalue for="q" value="${e(d.quote)}"/><attvalue for="u" value="${e(d.url)}"/>` +
              `<attvalue for="ev" value="${e(JSON.stringify([{ quote: d.quote, reportedBy: d.type, url: d.url }]))}"/></attvalues></edge>`,
          ),
          "</edges></graph></gexf>",
        ].join("\n");
        expectImportResult(timed(() => importFile({ name: "g.gexf", text }, {})));
        expectImportResult(timed(() => importFile({ name: "g.gexf", text }, { typeAttribute: "quote" }, "gexf")));
      }),
      FC_OPTIONS,
    );
  });

  it("GraphML: hostile ids, labels and attributes", () => {
    fc.assert(
      fc.property(xmlGraph, fc.constantFrom("string", "int", "double", "boolean", "nonsense"), (g, attrType) => {
        const e = g.escape ? xmlEscape : (s: string) => s;
        const nodeId = (i: number) => (g.nodes.length === 0 ? "missing" : g.nodes[i % g.nodes.length]!.id);
        const text = [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
          '<key id="gt" for="graph" attr.name="title" attr.type="string"/>',
          '<key id="l" for="node" attr.name="label" attr.type="string"/>',
          `<key id="k" for="all" attr.name="kind" attr.type="${attrType}"/>`,
          '<key id="t" for="edge" attr.name="type" attr.type="string"/>',
          '<key id="q" for="edge" attr.name="quote"/>',
          '<graph id="G" edgedefault="undirected">',
          `<data key="gt">${e(g.title)}</data>`,
          ...g.nodes.map((n) => `<node id="${e(n.id)}"><data key="l">${e(n.label)}</data><data key="k">${e(n.kind)}</data></node>`),
          ...g.edges.map(
            (d) =>
              `<edge${d.id === null ? "" : ` id="${e(d.id)}"`} source="${e(nodeId(d.source))}" target="${e(nodeId(d.target))}" directed="${d.directed}">` +
              `<data key="t">${e(d.type)}</data><data key="q">${e(d.quote)}</data></edge>`,
          ),
          "</graph></graphml>",
        ].join("\n");
        expectImportResult(timed(() => importFile({ name: "g.graphml", text }, {})));
        expectImportResult(timed(() => importFile({ name: "g.graphml", text }, { typeAttribute: "kind" }, "graphml")));
      }),
      FC_OPTIONS,
    );
  });

  it("GDELT: rows of 61 fields with hostile codes, names, dates and URLs", () => {
    const code = fc.oneof(fc.constantFrom("USA", "RUS", "FRA", "TUR", "USAGOV", "IGOUNO", "", "__proto__", "constructor", "A-B", "B-C", "A", "C"), nastyString);
    const row = fc.record({
      id: fc.oneof(fc.nat().map(String), nastyString),
      date: fc.oneof(fc.constantFrom("20151124", "20150230", "00000000", "99999999"), nastyString),
      a1: code,
      a2: code,
      name1: nastyString,
      name2: nastyString,
      root: fc.oneof(fc.integer({ min: 0, max: 25 }).map((n) => String(n).padStart(2, "0")), nastyString),
      goldstein: fc.oneof(fc.double().map(String), nastyString),
      url: nastyString,
      extra: fc.integer({ min: -2, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        const text = rows
          .map((r) => {
            const fields: string[] = GDELT_COLUMNS.map(() => "");
            fields[COLUMN.GLOBALEVENTID] = r.id;
            fields[COLUMN.SQLDATE] = r.date;
            fields[COLUMN.Actor1Code] = r.a1;
            fields[COLUMN.Actor1Name] = r.name1;
            fields[COLUMN.Actor2Code] = r.a2;
            fields[COLUMN.Actor2Name] = r.name2;
            fields[COLUMN.EventCode] = r.root;
            fields[COLUMN.EventRootCode] = r.root;
            fields[COLUMN.GoldsteinScale] = r.goldstein;
            fields[COLUMN.SOURCEURL] = r.url;
            // Values may hold tabs and newlines, and rows may gain or lose a field: both are the file's problem.
            const sized = r.extra >= 0 ? [...fields, ...Array<string>(r.extra).fill("")] : fields.slice(0, r.extra);
            return sized.join("\t");
          })
          .join("\n");
        expectImportResult(timed(() => importFile({ name: "events.tsv", text }, {}, "gdelt")));
      }),
      FC_OPTIONS,
    );
  });
});
