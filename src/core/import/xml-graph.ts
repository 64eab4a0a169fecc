/**
 * GEXF (Gephi) and GraphML import: the file is read into a graphology graph by
 * graphology-gexf / graphology-graphml, then mapped to an Entente dataset.
 *
 * Parsing runs on @xmldom/xmldom everywhere, in Node and in the browser alike:
 * the packages' main entry builds its parser on xmldom, and we hand it a
 * Document that xmldom parsed for us (the same module, so the packages'
 * `instanceof Document` check holds). No DOM global is touched.
 *
 * xmldom is lenient: it silently repairs a tag left open. A small scanner
 * checks that tags nest first, so a broken file is reported at the line and
 * column a person looks at; xmldom's own complaints (through its errorHandler)
 * come next. Nothing here throws: every failure is a problem.
 */
import { DOMParser } from "@xmldom/xmldom";
import { MultiGraph } from "graphology";
import { parse as parseGexfDocument } from "graphology-gexf";
import { parse as parseGraphmlDocument } from "graphology-graphml";
import type { Attributes } from "graphology-types";
import { ACTOR_KINDS, isIsoDate, type ActorKind } from "../dataset/kinds";
import { evidenceSchema, type Actor, type Dataset, type Evidence, type Meta, type Relation, type RelationType } from "../dataset/schema";
import { validateDataset } from "../dataset/validate";
import { datasetId, graphKey } from "../graph/keys";
import { error, hasErrors, msg, warning, type Message, type Problem } from "../problems";
import type { ImportFile, ImportOptions, ImportResult } from "./types";
import { findCoreType } from "./vocabulary";

const evidenceListSchema = evidenceSchema.array().min(1);

type XmlGraphFormat = "gexf" | "graphml";

const FORMAT_NAMES: Record<XmlGraphFormat, string> = { gexf: "GEXF", graphml: "GraphML" };

/** Where the source URL points: the format requires an http(s) address and a local file has none. */
/** The type every relation gets when the chosen attribute is absent. */
const DEFAULT_TYPE = "related";

/**
 * Colours for types the file makes up: Paul Tol's "muted" scheme, safe for
 * colour-blind readers and apart from the core types' Okabe–Ito colours.
 */
export const XML_TYPE_PALETTE = [
  "#332288",
  "#88ccee",
  "#44aa99",
  "#117733",
  "#999933",
  "#ddcc77",
  "#cc6677",
  "#882255",
  "#aa4499",
] as const;

/** Edge attributes that draw the edge rather than say what it is: never offered as the type. */
const NOT_TYPE_ATTRIBUTES = new Set(["x", "y", "z", "size", "color", "weight", "thickness", "shape"]);

/** Past this many types from one attribute, the reader is told another attribute may suit better. */
const MANY_TYPES = 30;
/** Problems of one kind shown before they are summed up. */
const SHOWN_PROBLEMS = 20;

// ---------------------------------------------------------------------------
// Detection

const PROLOG_PARTS = [
  /\s+/y,
  /<\?[\s\S]*?\?>/y,
  /<!--[\s\S]*?-->/y,
  /<!DOCTYPE\b[^[>]*(?:\[[\s\S]*?\])?\s*>/iy,
];
const ROOT_NAME = /<([A-Za-z_][\w.:-]*)/y;

/** The root element's name, past the XML declaration, comments and doctype; null when there is none. */
function rootElementName(text: string): string | null {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let moved = true; moved; ) {
    moved = false;
    for (const part of PROLOG_PARTS) {
      part.lastIndex = at;
      if (part.exec(text) && part.lastIndex > at) {
        at = part.lastIndex;
        moved = true;
      }
    }
  }
  ROOT_NAME.lastIndex = at;
  return ROOT_NAME.exec(text)?.[1] ?? null;
}

const localName = (name: string): string => name.slice(name.lastIndexOf(":") + 1).toLowerCase();

/** "gexf" or "graphml" when the text's root element says so, else null. */
export function detectXmlGraph(text: string): XmlGraphFormat | null {
  const name = rootElementName(text);
  if (name === null) return null;
  const local = localName(name);
  return local === "gexf" || local === "graphml" ? local : null;
}

// ---------------------------------------------------------------------------
// Well-formedness and locations

interface Position {
  line: number;
  column: number;
}

const where = (p: Position): string => `line ${p.line}, column ${p.column}`;

/** Line and column (from 1) of an offset, counting \r\n, \n and a lone \r as one line break. */
function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const START_TAG = /<([^\s/>!?="'<]+)(?:\s+[^\s=/>"'<]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>/y;
const END_TAG = /<\/([^\s>]+)\s*>/y;
const DOCTYPE = /<!DOCTYPE\b[^[>]*(?:\[[\s\S]*?\])?\s*>/iy;
const NON_SPACE = /\S/g;

interface Broken {
  /** null when the problem has no single place (an empty file). */
  offset: number | null;
  /** The whole sentence, "the XML is broken: …" included. */
  message: Message;
}

/**
 * Checks that tags are well-formed and nest, with one root element: the part
 * of XML well-formedness xmldom does not report. Linear in the text.
 */
function checkTags(text: string): Broken | null {
  const open: { name: string; offset: number }[] = [];
  let rootSeen = false;
  let at = 0;
  const strayText = (from: number, to: number): Broken | null => {
    if (open.length > 0) return null;
    NON_SPACE.lastIndex = from;
    const found = NON_SPACE.exec(text);
    if (!found || found.index >= to) return null;
    return {
      offset: found.index,
      message: msg(rootSeen ? "problem.xml.textAfterRoot" : "problem.xml.textBeforeRoot"),
    };
  };
  while (at < text.length) {
    const lt = text.indexOf("<", at);
    const stray = strayText(at, lt === -1 ? text.length : lt);
    if (stray) return stray;
    if (lt === -1) break;
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end === -1) return { offset: lt, message: msg("problem.xml.commentUnclosed") };
      at = end + 3;
    } else if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      if (end === -1) return { offset: lt, message: msg("problem.xml.cdataUnclosed") };
      if (open.length === 0) return { offset: lt, message: msg("problem.xml.cdataOutside") };
      at = end + 3;
    } else if (text.startsWith("<?", lt)) {
      const end = text.indexOf("?>", lt + 2);
      if (end === -1) return { offset: lt, message: msg("problem.xml.instructionUnclosed") };
      at = end + 2;
    } else if (text.startsWith("<!", lt)) {
      DOCTYPE.lastIndex = lt;
      if (rootSeen || !DOCTYPE.exec(text)) {
        return { offset: lt, message: msg("problem.xml.unexpectedBang") };
      }
      at = DOCTYPE.lastIndex;
    } else if (text.startsWith("</", lt)) {
      END_TAG.lastIndex = lt;
      const match = END_TAG.exec(text);
      if (!match) return { offset: lt, message: msg("problem.xml.endTagUnclosed") };
      const name = match[1] ?? "";
      const top = open.pop();
      if (!top) return { offset: lt, message: msg("problem.xml.endTagClosesNothing", { name }) };
      if (top.name !== name) {
        const opened = positionAt(text, top.offset);
        return {
          offset: lt,
          message: msg("problem.xml.endTagMismatch", { name, open: top.name, line: opened.line, column: opened.column }),
        };
      }
      at = END_TAG.lastIndex;
    } else {
      START_TAG.lastIndex = lt;
      const match = START_TAG.exec(text);
      if (!match) {
        const name = /^<([^\s/>]*)/.exec(text.slice(lt, lt + 100))?.[1] ?? "";
        return { offset: lt, message: msg("problem.xml.badTag", { name }) };
      }
      const name = match[1] ?? "";
      if (open.length === 0 && rootSeen) {
        return { offset: lt, message: msg("problem.xml.secondRoot", { name }) };
      }
      rootSeen = true;
      if (match[2] !== "/") open.push({ name, offset: lt });
      at = START_TAG.lastIndex;
    }
  }
  const unclosed = open.pop();
  if (unclosed) {
    return { offset: unclosed.offset, message: msg("problem.xml.neverClosed", { name: unclosed.name }) };
  }
  if (!rootSeen) return { offset: null, message: msg("problem.xml.brokenNoElement") };
  return null;
}

/** An element as xmldom builds it: with the place it started, when a locator was given. */
type LocatedElement = Element & { lineNumber?: number; columnNumber?: number };

function elementPath(element: Element): string {
  const { lineNumber, columnNumber } = element as LocatedElement;
  return typeof lineNumber === "number" && typeof columnNumber === "number" && lineNumber > 0
    ? where({ line: lineNumber, column: columnNumber })
    : "";
}

/** Parses with xmldom, turning its complaints into problems at the line and column it reports. */
function parseXml(text: string): { doc: Document | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const locator: { lineNumber?: number; columnNumber?: number } = {};
  const report = (severity: "warning" | "error") => (raw: string) => {
    const reason = String(raw)
      .replace(/^\[xmldom [a-zA-Z]+\]\s*/, "")
      .replace(/\n@[^\n]*#\[line:[^\]]*\]\s*$/, "")
      .trim();
    const { lineNumber: line, columnNumber: column } = locator;
    const path =
      typeof line === "number" && typeof column === "number" && line > 0 ? where({ line, column }) : "";
    problems.push(
      severity === "error"
        ? error(path, msg("problem.xml.broken", { reason }))
        : warning(path, msg("problem.xml.mayBeBroken", { reason })),
    );
  };
  const parser = new DOMParser({
    locator,
    errorHandler: { warning: report("warning"), error: report("error"), fatalError: report("error") },
  });
  const doc = parser.parseFromString(text, "application/xml");
  return { doc: doc ?? null, problems };
}

// ---------------------------------------------------------------------------
// Preparing the document for the parsers

/** What we read from the XML ourselves, per edge (by its final id). */
interface EdgeFacts {
  directed: boolean;
  /** GEXF's `start` XML attribute (dynamic graphs). */
  start?: string;
}

/** Collects problems of one kind, keeping the first few and summing up the rest. */
class Limited {
  private count = 0;
  constructor(
    private readonly problems: Problem[],
    private readonly summary: (hidden: number) => Problem,
  ) {}
  add(problem: Problem): void {
    this.count++;
    if (this.count <= SHOWN_PROBLEMS) this.problems.push(problem);
  }
  finish(): void {
    if (this.count > SHOWN_PROBLEMS) this.problems.push(this.summary(this.count - SHOWN_PROBLEMS));
  }
}

function elements(root: Document | Element, tag: string): Element[] {
  const list = root.getElementsByTagName(tag);
  const out: Element[] = [];
  for (let i = 0, n = list.length; i < n; i++) {
    const element = list[i];
    if (element) out.push(element);
  }
  return out;
}

const GRAPHML_CASTS = new Set(["boolean", "int", "long", "float", "double", "string"]);

/**
 * graphology-graphml crashes on keys `for` "all" or "port", without attr.name
 * or with an unknown attr.type: rewrite them into what it reads.
 */
function prepareGraphmlKeys(doc: Document): void {
  for (const key of elements(doc, "key")) {
    const domain = key.getAttribute("for") ?? "";
    if (!key.getAttribute("attr.name")) key.setAttribute("attr.name", key.getAttribute("id") ?? "");
    if (!GRAPHML_CASTS.has(key.getAttribute("attr.type") ?? "string")) key.setAttribute("attr.type", "string");
    if (domain === "all") {
      key.setAttribute("for", "node");
      for (const other of ["edge", "graph"]) {
        const copy = key.cloneNode(true) as Element;
        copy.setAttribute("for", other);
        key.parentNode?.insertBefore(copy, key.nextSibling);
      }
    } else if (domain !== "" && domain !== "node" && domain !== "edge" && domain !== "graph") {
      key.parentNode?.removeChild(key);
    }
  }
}

const EDGE_END = {
  source: { missing: "problem.xml.edgeWithoutSource", undefined: "problem.xml.danglingSource" },
  target: { missing: "problem.xml.edgeWithoutTarget", undefined: "problem.xml.danglingTarget" },
} as const;

/**
 * Checks nodes and edges before the parsers see them (they throw on a
 * dangling edge or a repeated node id, without saying where), gives every
 * edge a unique id, and records each edge's direction.
 *
 * GraphML: graphology-graphml ignores directed="false" and copies the whole
 * graph once per edge when directions are mixed; so we record directions
 * here and let it read every edge as directed.
 */
function prepare(
  doc: Document,
  graphElement: Element,
  format: XmlGraphFormat,
  problems: Problem[],
): Map<string, EdgeFacts> {
  const facts = new Map<string, EdgeFacts>();
  const nodeIds = new Set<string>();
  const badNodes = new Limited(problems, (n) => error("", msg("problem.xml.moreBadNodes", { n })));
  for (const node of elements(doc, "node")) {
    const id = node.getAttribute("id") ?? "";
    if (id.trim() === "") badNodes.add(error(elementPath(node), msg("problem.xml.nodeWithoutId")));
    else if (nodeIds.has(id)) badNodes.add(error(elementPath(node), msg("problem.xml.nodeIdTwice", { id })));
    else nodeIds.add(id);
  }
  badNodes.finish();
  for (const node of elements(doc, "node")) node.setAttribute("id", graphKey(node.getAttribute("id") ?? ""));

  const edges = elements(doc, "edge");
  const claimed = new Set<string>();
  for (const edge of edges) {
    const id = edge.getAttribute("id") ?? "";
    if (id.trim() !== "") claimed.add(id);
  }
  const used = new Set<string>();
  // Where the search for a free suffix stopped, per base: without it 10,000 edges sharing one id take quadratic time.
  const nextSuffix = new Map<string, number>();
  const unique = (base: string): string => {
    if (!used.has(base)) return base;
    let n = nextSuffix.get(base) ?? 2;
    let id = `${base}-${n}`;
    while (used.has(id) || claimed.has(id)) id = `${base}-${++n}`;
    nextSuffix.set(base, n + 1);
    return id;
  };

  const graphDirected =
    format === "gexf"
      ? (graphElement.getAttribute("defaultedgetype") ?? "").toLowerCase() === "directed"
      : (graphElement.getAttribute("edgedefault") ?? "").toLowerCase() === "directed";
  if (format === "gexf") {
    graphElement.setAttribute("defaultedgetype", graphDirected ? "directed" : "undirected");
  } else {
    graphElement.setAttribute("edgedefault", "directed");
  }

  const dangling = new Limited(problems, (n) => error("", msg("problem.xml.moreDangling", { n })));
  const renamed = new Limited(problems, (n) => warning("", msg("problem.xml.moreRenamed", { n })));
  edges.forEach((edge, index) => {
    const path = elementPath(edge);
    for (const end of ["source", "target"] as const) {
      const node = edge.getAttribute(end) ?? "";
      if (node === "") dangling.add(error(path, msg(EDGE_END[end].missing)));
      else if (!nodeIds.has(node)) dangling.add(error(path, msg(EDGE_END[end].undefined, { node })));
    }
    const given = edge.getAttribute("id") ?? "";
    let id: string;
    if (given.trim() === "") id = unique(`e${index}`);
    else if (used.has(given)) {
      id = unique(given);
      renamed.add(warning(path, msg("problem.xml.edgeIdTwice", { id: given, renamed: id })));
    } else id = given;
    used.add(id);
    // graphology keys its adjacency by these: prefixed, no id can be "__proto__" there (core/graph/keys.ts).
    edge.setAttribute("id", graphKey(id));
    for (const end of ["source", "target"] as const) edge.setAttribute(end, graphKey(edge.getAttribute(end) ?? ""));

    let directed: boolean;
    if (format === "gexf") {
      const type = (edge.getAttribute("type") ?? "").toLowerCase();
      directed = type === "" ? graphDirected : type === "directed";
      const normal = directed ? "directed" : "undirected";
      if (type !== "" && edge.getAttribute("type") !== normal) edge.setAttribute("type", normal);
    } else {
      const flag = (edge.getAttribute("directed") ?? "").toLowerCase();
      directed = flag === "true" ? true : flag === "false" ? false : graphDirected;
    }
    const start = format === "gexf" ? edge.getAttribute("start") : null;
    facts.set(graphKey(id), start ? { directed, start } : { directed });
  });
  dangling.finish();
  renamed.finish();
  if (format === "graphml") prepareGraphmlKeys(doc);
  return facts;
}

// ---------------------------------------------------------------------------
// Mapping the graph to a dataset

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join(", ") || undefined;
  return undefined;
}

function finite(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

const hexByte = (n: number): string =>
  Math.min(255, Math.max(0, Math.round(n))).toString(16).padStart(2, "0");

const RGB = /^rgba?\(\s*([^,\s]+)\s*,\s*([^,\s]+)\s*,\s*([^,\s)]+)\s*(?:,\s*[^,\s)]+\s*)?\)$/i;

/** A colour as #rrggbb from #rgb, #rrggbb, #rrggbbaa, rgb(…) or rgba(…); undefined otherwise. */
function colourOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const long = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(text);
  if (long) return `#${long[1]!.toLowerCase()}`;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  if (short) return `#${short.slice(1, 4).map((c) => c + c).join("")}`.toLowerCase();
  const rgb = RGB.exec(text);
  if (rgb) return rgbColour(rgb[1], rgb[2], rgb[3]);
  return undefined;
}

function rgbColour(r: unknown, g: unknown, b: unknown): string | undefined {
  const parts = [finite(r), finite(g), finite(b)];
  if (parts.some((p) => p === undefined)) return undefined;
  return `#${parts.map((p) => hexByte(p!)).join("")}`;
}

const isActorKind = (value: string): value is ActorKind => (ACTOR_KINDS as readonly string[]).includes(value);

function dateOf(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === "string" && isIsoDate(value.trim())) return value.trim();
  }
  return undefined;
}

function mapActors(graph: MultiGraph, problems: Problem[]): Actor[] {
  const actors: Actor[] = [];
  const badKinds = new Set<string>();
  graph.forEachNode((key, attrs: Attributes) => {
    let kind: ActorKind = "state";
    const given = textOf(attrs.kind)?.toLowerCase();
    if (given !== undefined) {
      if (isActorKind(given)) kind = given;
      else if (!badKinds.has(given)) {
        badKinds.add(given);
        problems.push(
          warning(`actors[${actors.length}].kind`, msg("problem.xml.badKind", { kind: given, kinds: ACTOR_KINDS.join(", ") })),
        );
      }
    }
    const actor: Actor = { id: datasetId(key), kind, label: labelsOf(attrs, datasetId(key)) };
    const x = finite(attrs.x);
    const y = finite(attrs.y);
    if (x !== undefined && y !== undefined) actor.position = { x, y };
    const color = colourOf(attrs.color) ?? rgbColour(attrs.r, attrs.g, attrs.b);
    if (color) actor.color = color;
    actors.push(actor);
  });
  return actors;
}

/** Edge attribute names, in order of first appearance, that could name a relation's type. */
function typeCandidatesOf(graph: MultiGraph): string[] {
  const names = new Set<string>();
  graph.forEachEdge((_key, attrs: Attributes) => {
    for (const name of Object.keys(attrs)) if (!NOT_TYPE_ATTRIBUTES.has(name)) names.add(name);
  });
  return [...names];
}

interface Mapped {
  relationTypes: RelationType[];
  relations: Relation[];
}

/**
 * The node's label. Entente's own export writes one `label_fa`-style attribute
 * per language; the plain label is English unless a `label_en` says otherwise,
 * and is not repeated when it is one of the languages' labels already (a file
 * with a plain label and only `label_fa` keeps both names).
 */
function labelsOf(attrs: Attributes, key: string): Actor["label"] {
  const byLanguage: Actor["label"] = {};
  for (const [name, value] of Object.entries(attrs)) {
    const lang = /^label_([a-z]{2,3})$/.exec(name)?.[1];
    const text = textOf(value);
    if (lang && text) byLanguage[lang] = text;
  }
  const plain = textOf(attrs.label);
  if (byLanguage.en === undefined && plain !== undefined && !Object.values(byLanguage).includes(plain)) byLanguage.en = plain;
  return Object.keys(byLanguage).length > 0 ? byLanguage : { en: key };
}

/**
 * Evidence a file carries for an edge: Entente's own GEXF export keeps every
 * item as JSON in an `evidence` attribute, and the first one as plain
 * `quote` / `reportedBy` / `translation` / `url` attributes for other tools.
 */
function evidenceOf(attrs: Attributes): Evidence[] | undefined {
  const json = textOf(attrs.evidence);
  if (json) {
    try {
      const parsed = evidenceListSchema.safeParse(JSON.parse(json));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: fall through to the plain attributes.
    }
  }
  const quote = textOf(attrs.quote);
  if (!quote) return undefined;
  const item: Evidence = { quote, reportedBy: textOf(attrs.reportedBy) || "file" };
  const translation = textOf(attrs.translation);
  if (translation) item.translation = { en: translation };
  const url = textOf(attrs.url);
  if (url && /^https?:\/\//i.test(url)) item.url = url;
  return [item];
}

function mapRelations(
  graph: MultiGraph,
  facts: Map<string, EdgeFacts>,
  typeAttribute: string | undefined,
  evidenceName: string,
  reportedBy: string,
): Mapped {
  const types = new Map<string, RelationType>();
  let made = 0;
  const relations: Relation[] = [];
  graph.forEachEdge((key, attrs: Attributes, source, target) => {
    const fact = facts.get(key);
    const directed = fact?.directed ?? graph.isDirected(key);
    const value = typeAttribute === undefined ? undefined : textOf(attrs[typeAttribute]);
    const core = value === undefined ? undefined : findCoreType(value);
    const typeId = core?.id ?? value ?? DEFAULT_TYPE;
    if (!types.has(typeId)) {
      types.set(
        typeId,
        core
          ? { ...core }
          : {
              id: typeId,
              label: { en: typeId },
              sign: 0,
              directed,
              color: XML_TYPE_PALETTE[made++ % XML_TYPE_PALETTE.length]!,
            },
      );
    }
    const relation: Relation = {
      id: datasetId(key),
      source: datasetId(source),
      target: datasetId(target),
      type: typeId,
      directed,
      evidence: evidenceOf(attrs) ?? [{ quote: `${evidenceName}: edge ${datasetId(key)}`, reportedBy }],
    };
    const date = dateOf(attrs.date, attrs.start, fact?.start);
    if (date) relation.date = date;
    const weight = finite(attrs.weight);
    if (weight !== undefined) relation.weight = weight;
    relations.push(relation);
  });
  return { relationTypes: [...types.values()], relations };
}

function metaOf(graph: MultiGraph, file: ImportFile, options: ImportOptions, fileLabel: string): Meta {
  const own = graph.getAttributes();
  const ownTitle = textOf(own.title);
  const ownDescription = textOf(own.description);
  const title = options.title?.trim() || ownTitle || ownDescription || file.name.trim() || fileLabel;
  const meta: Meta = {
    title: { en: title },
    source: { publisher: { en: file.name.trim() || fileLabel }, language: "en" },
  };
  const published = dateOf(own.lastModifiedDate);
  if (published !== undefined) meta.source.published = published;
  if (ownDescription && ownDescription !== title) meta.description = { en: ownDescription };
  return meta;
}

// ---------------------------------------------------------------------------
// The importers

function failed(format: XmlGraphFormat, problems: Problem[]): ImportResult {
  return { ok: false, format, problems };
}

const reasonOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

function importXmlGraph(format: XmlGraphFormat, file: ImportFile, options: ImportOptions): ImportResult {
  const name = FORMAT_NAMES[format];
  const fileLabel = `${name} file`;
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;

  const broken = checkTags(text);
  if (broken) {
    const path = broken.offset === null ? "" : where(positionAt(text, broken.offset));
    return failed(format, [error(path, broken.message)]);
  }
  const parsed = parseXml(text);
  const problems: Problem[] = parsed.problems;
  const doc = parsed.doc;
  if (hasErrors(problems)) return failed(format, problems);
  const root = doc?.documentElement;
  if (!doc || !root) return failed(format, [...problems, error("", msg("problem.xml.noElement"))]);

  const rootName = localName(root.tagName);
  if (rootName !== format) {
    const values = { format: name, root: root.tagName, expected: format };
    problems.push(
      error(
        elementPath(root),
        rootName === "gexf" || rootName === "graphml"
          ? msg("problem.xml.wrongRootOther", { ...values, other: FORMAT_NAMES[rootName] })
          : msg("problem.xml.wrongRoot", values),
      ),
    );
    return failed(format, problems);
  }
  const graphElement = elements(doc, "graph")[0];
  if (!graphElement) {
    problems.push(error(elementPath(root), msg("problem.xml.noGraph", { format: name })));
    return failed(format, problems);
  }

  const facts = prepare(doc, graphElement, format, problems);
  if (hasErrors(problems)) return failed(format, problems);

  let graph: MultiGraph;
  try {
    graph =
      format === "gexf"
        ? parseGexfDocument(MultiGraph, doc, { allowUndeclaredAttributes: true, addMissingNodes: false })
        : parseGraphmlDocument(MultiGraph, doc, { addMissingNodes: false });
  } catch (cause) {
    problems.push(error("", msg("problem.xml.unreadable", { format: name, reason: reasonOf(cause) })));
    return failed(format, problems);
  }

  const typeCandidates = typeCandidatesOf(graph);
  const wanted = options.typeAttribute?.trim();
  let typeAttribute: string | undefined;
  if (wanted) {
    typeAttribute = wanted;
    if (!typeCandidates.includes(wanted)) {
      problems.push(
        warning("", msg("problem.xml.noTypeAttribute", { name: wanted, type: DEFAULT_TYPE })),
      );
    }
  } else if (typeCandidates.includes("type")) typeAttribute = "type";
  else if (typeCandidates.includes("label")) typeAttribute = "label";

  const actors = mapActors(graph, problems);
  if (actors.length === 0) problems.push(warning("", msg("problem.xml.noNodes", { format: name })));
  const evidenceName = file.name.trim() || fileLabel;
  const reportedBy = file.name.trim() || "file";
  const { relationTypes, relations } = mapRelations(graph, facts, typeAttribute, evidenceName, reportedBy);
  if (typeAttribute !== undefined && relationTypes.length > MANY_TYPES) {
    problems.push(
      warning("", msg("problem.xml.manyTypes", { name: typeAttribute, n: relationTypes.length })),
    );
  }
  const dataset: Dataset = { meta: metaOf(graph, file, options, fileLabel), actors, relationTypes, relations };

  const checked = validateDataset(dataset);
  problems.push(...checked.problems);
  if (!checked.ok || hasErrors(problems)) return failed(format, problems);
  return { ok: true, format, dataset: checked.value, problems, typeCandidates };
}

function guarded(format: XmlGraphFormat, file: ImportFile, options: ImportOptions = {}): ImportResult {
  try {
    return importXmlGraph(format, file, options);
  } catch (cause) {
    return failed(format, [
      error("", msg("problem.xml.unreadable", { format: FORMAT_NAMES[format], reason: reasonOf(cause) })),
    ]);
  }
}

/** Reads a GEXF file (Gephi's format): nodes become actors, edges relations. */
export function importGexf(file: ImportFile, options?: ImportOptions): ImportResult {
  return guarded("gexf", file, options);
}

/** Reads a GraphML file: nodes become actors, edges relations. */
export function importGraphml(file: ImportFile, options?: ImportOptions): ImportResult {
  return guarded("graphml", file, options);
}
