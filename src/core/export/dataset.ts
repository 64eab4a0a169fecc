/**
 * "Ways out": the whole dataset, or the part the filters leave visible, as
 * Entente JSON, as the CSV pair the CSV importer reads, or as GEXF for Gephi.
 * Pure string builders, like the SVG export: the app turns them into downloads.
 *
 * What each format keeps:
 * - JSON keeps everything (except `$schema`, see toEntenteJson).
 * - CSV keeps one piece of evidence per relation, the first: the importer
 *   reads one relation a row and rejects a repeated id, so a second row per
 *   relation cannot be read back. Relation types, meta, endDate, count, weight,
 *   positions, colours, aliases and descriptions are lost.
 * - GEXF keeps actors (label, kind, colour, position), relations (type, date,
 *   endDate, count, weight, direction) and all evidence as edge attributes;
 *   the type vocabulary survives only as each edge's label and colour.
 */
import Papa from "papaparse";
import { MultiGraph } from "graphology";
import { write as writeGexfGraph } from "graphology-gexf";
import { CORE_RELATION_TYPES } from "../dataset/kinds";
import { datasetId, graphKey } from "../graph/keys";
import type { Dataset, Evidence, LocalizedText, Relation } from "../dataset/schema";

export interface VisibleIds {
  actors: ReadonlySet<string>;
  relations: ReadonlySet<string>;
}

const CORE_TYPE_IDS: ReadonlySet<string> = new Set(CORE_RELATION_TYPES);

/**
 * The current view as a dataset of its own. An endpoint of a visible relation
 * is kept even when `visible.actors` lacks it: the format has no room for a
 * relation to a missing actor, and the filters never show one without its ends.
 * Types: those a kept relation uses, plus the core ones, so that the subset
 * still offers the vocabulary people expect when they add to it.
 */
export function subsetDataset(dataset: Dataset, visible: VisibleIds): Dataset {
  const relations = dataset.relations.filter((r) => visible.relations.has(r.id));
  const actorIds = new Set(visible.actors);
  const typeIds = new Set(CORE_TYPE_IDS);
  for (const r of relations) {
    actorIds.add(r.source);
    actorIds.add(r.target);
    typeIds.add(r.type);
  }
  return {
    meta: dataset.meta,
    actors: dataset.actors.filter((a) => actorIds.has(a.id)),
    relationTypes: dataset.relationTypes.filter((t) => typeIds.has(t.id)),
    relations,
  };
}

/**
 * Entente JSON, pretty-printed. `$schema` is left out: the bundled file's
 * "./schema.json" is relative to where it was stored and would point nowhere
 * next to a downloaded copy.
 */
export function toEntenteJson(dataset: Dataset): string {
  const { meta, actors, relationTypes, relations } = dataset;
  return `${JSON.stringify({ meta, actors, relationTypes, relations }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// CSV

const RELATION_HEADER = ["id", "source", "target", "type", "date", "directed", "quote", "translation", "reportedBy", "url"];
const ACTOR_HEADER = ["id", "kind", "label_en", "label_fa"];

/**
 * A BOM in front: Excel reads a CSV without one in the machine's legacy code
 * page and garbles Persian text; the CSV importer skips it.
 */
const BOM = "\uFEFF";

function csvText(rows: string[][]): string {
  // "\n" between rows: the importer guesses the line end, and a lone style throughout keeps the guess safe.
  return `${BOM}${Papa.unparse(rows, { newline: "\n" })}\n`;
}

/** Some text from a localized record: the given language, else none (a wrong language tag is worse than a gap). */
const textIn = (text: LocalizedText | undefined, lang: string): string => text?.[lang] ?? "";

/** Any text of a localized record, English first: where a reader needs a name more than a language tag. */
const anyText = (text: LocalizedText): string => text.en ?? Object.values(text)[0] ?? "";

/**
 * The relations file and the actors file the CSV importer reads (pass the
 * latter as `options.actors`). One row per relation, with its first piece of
 * evidence only. `lang` picks the translation written to the "translation"
 * column (default "en"); the importer reads that column back as English.
 * Cells starting with "=" are written as they are, not defused for
 * spreadsheets, so that the file reads back unchanged.
 */
export function toCsv(dataset: Dataset, lang = "en"): { relations: string; actors: string } {
  const relations = dataset.relations.map((r) => {
    const first: Evidence | undefined = r.evidence[0];
    return [
      r.id,
      r.source,
      r.target,
      r.type,
      r.date ?? "",
      r.directed === undefined ? "" : String(r.directed),
      first?.quote ?? "",
      textIn(first?.translation, lang),
      first?.reportedBy ?? "",
      first?.url ?? "",
    ];
  });
  const actors = dataset.actors.map((a) => {
    let en = textIn(a.label, "en");
    const fa = textIn(a.label, "fa");
    // An actor named only in another language keeps its name, under the English column, rather than becoming its id.
    if (en === "" && fa === "") en = anyText(a.label);
    return [a.id, a.kind, en, fa];
  });
  return { relations: csvText([RELATION_HEADER, ...relations]), actors: csvText([ACTOR_HEADER, ...actors]) };
}

// ---------------------------------------------------------------------------
// GEXF

interface NodeAttributes {
  label: string;
  color?: string;
  x?: number;
  y?: number;
  /** kind and label_<lang>: shown as columns in Gephi's data laboratory. */
  data: Record<string, string>;
}

interface EdgeAttributes {
  label: string;
  color?: string;
  weight?: number;
  data: Record<string, string | number>;
}

/**
 * Characters XML 1.0 cannot hold at all, escaped or not: a quote pasted with
 * one would make the whole file unreadable, in Gephi and in our importer.
 * The `evidence` attribute keeps them, JSON-escaped.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const xml = (text: string): string => text.replace(NOT_XML, "");

const HEX6 = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})(?:[0-9a-f]{2})?$/i;
const HEX3 = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i;
const RGB = /^\s*rgba?\s*\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(?:,\s*[.0-9]+\s*)?\)\s*$/i;

/**
 * A colour as rgb(r,g,b), which the writer turns into viz:color r/g/b
 * attributes: valid in every GEXF version and read by every Gephi, where the
 * 1.3-only hex attribute is not. Anything else is no colour at all, since the
 * writer would emit an empty viz:color for it.
 */
function rgbOf(color: string | undefined): string | undefined {
  if (color === undefined) return undefined;
  const hex = HEX6.exec(color) ?? HEX3.exec(color);
  if (hex) {
    const channels = hex.slice(1, 4).map((h) => parseInt(h.length === 1 ? h + h : h, 16));
    return `rgb(${channels.join(",")})`;
  }
  return RGB.test(color) ? color : undefined;
}

function isPoint(value: { x: number; y: number } | undefined): value is { x: number; y: number } {
  return value !== undefined && Number.isFinite(value.x) && Number.isFinite(value.y);
}

function edgeData(relation: Relation): Record<string, string | number> {
  const data: Record<string, string | number> = { type: xml(relation.type) };
  if (relation.date !== undefined) data.date = relation.date;
  if (relation.endDate !== undefined) data.endDate = relation.endDate;
  if (relation.count !== undefined) data.count = relation.count;
  const first = relation.evidence[0];
  if (first) {
    data.quote = xml(first.quote);
    if (first.translation) data.translation = xml(anyText(first.translation));
    data.reportedBy = xml(first.reportedBy);
    if (first.url !== undefined) data.url = xml(first.url);
  }
  data.evidence = JSON.stringify(relation.evidence);
  return data;
}

/**
 * GEXF 1.3 for Gephi: a mixed graph, one node per actor and one edge per
 * relation. Positions come from `positions` (the layout on screen), else from
 * the actor; node colours from the actor, else from `colors`, else none.
 * Edges carry the type as the `type` attribute (the importer's default type
 * attribute), its English label as the label and its colour as viz:color.
 */
export function toGexf(
  dataset: Dataset,
  positions?: ReadonlyMap<string, { x: number; y: number }>,
  colors?: ReadonlyMap<string, string>,
): string {
  const graph = new MultiGraph<NodeAttributes, EdgeAttributes>();
  const { meta } = dataset;
  graph.setAttribute("creator", "Entente");
  graph.setAttribute("title", xml(anyText(meta.title)));
  if (meta.description) graph.setAttribute("description", xml(anyText(meta.description)));
  // No clock in the core: the source's date is the best "last modified" there is, and the importer reads it back as such.
  graph.setAttribute("lastModifiedDate", meta.source.published);

  for (const actor of dataset.actors) {
    const data: Record<string, string> = { kind: actor.kind };
    for (const [lang, text] of Object.entries(actor.label)) data[`label_${lang}`] = xml(text);
    const attributes: NodeAttributes = { label: xml(anyText(actor.label)), data };
    const color = rgbOf(actor.color) ?? rgbOf(colors?.get(actor.id));
    if (color) attributes.color = color;
    const position = positions?.get(actor.id);
    const point = isPoint(position) ? position : isPoint(actor.position) ? actor.position : undefined;
    if (point) {
      attributes.x = point.x;
      attributes.y = point.y;
    }
    // Merged, not added: stripping characters XML cannot hold may make two ids one, and the export must not throw.
    graph.mergeNode(graphKey(xml(actor.id)), attributes);
  }

  const types = new Map(dataset.relationTypes.map((t) => [t.id, t]));
  for (const relation of dataset.relations) {
    const key = graphKey(xml(relation.id));
    if (graph.hasEdge(key)) continue;
    const type = types.get(relation.type);
    const attributes: EdgeAttributes = { label: xml(type ? anyText(type.label) : relation.type), data: edgeData(relation) };
    const color = rgbOf(type?.color);
    if (color) attributes.color = color;
    if (relation.weight !== undefined && Number.isFinite(relation.weight)) attributes.weight = relation.weight;
    const source = graphKey(xml(relation.source));
    const target = graphKey(xml(relation.target));
    // A relation to an actor the list lacks is invalid data; a bare node keeps the export whole instead of throwing.
    if (!graph.hasNode(source)) graph.addNode(source, { label: datasetId(source), data: {} });
    if (!graph.hasNode(target)) graph.addNode(target, { label: datasetId(target), data: {} });
    const directed = relation.directed ?? type?.directed ?? false;
    if (directed) graph.addDirectedEdgeWithKey(key, source, target, attributes);
    else graph.addUndirectedEdgeWithKey(key, source, target, attributes);
  }

  const written = writeGexfGraph(graph, {
    version: "1.3",
    formatNode: (_key, a) => {
      const viz: { color?: string; x?: number; y?: number } = {};
      if (a.color !== undefined) viz.color = a.color;
      if (a.x !== undefined && a.y !== undefined) {
        viz.x = a.x;
        viz.y = a.y;
      }
      return { label: a.label, attributes: a.data, ...(Object.keys(viz).length > 0 ? { viz } : {}) };
    },
    formatEdge: (_key, a) => ({
      label: a.label,
      attributes: a.data,
      ...(a.color !== undefined ? { viz: { color: a.color } } : {}),
      ...(a.weight !== undefined ? { weight: a.weight } : {}),
    }),
  });
  return withoutKeyPrefix(written);
}

/**
 * The writer names nodes and edges by their graph keys; the file must carry
 * the dataset's ids. Inside a node or edge tag, attribute values are escaped
 * (a label cannot hold a quote), so only the id, source and target attributes
 * can start with the prefix.
 */
function withoutKeyPrefix(gexf: string): string {
  const prefix = graphKey("");
  // A quoted value may hold ">" (the writer escapes only "<", "&" and quotes), so quoted values are skipped whole.
  return gexf.replace(/<(?:node|edge)\b(?:[^>"]|"[^"]*")*>/g, (tag) => tag.replace(/ (id|source|target)="([^"]*)"/g, (_m, name: string, value: string) => ` ${name}="${value.startsWith(prefix) ? datasetId(value) : value}"`));
}
