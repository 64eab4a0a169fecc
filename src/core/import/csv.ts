/**
 * CSV import: a relations file (one relation a row) and an optional actors
 * file, as a spreadsheet exports them. Problems name the row and column a
 * person looks at, counting the header as row 1 as a spreadsheet does.
 */
import Papa from "papaparse";
import { ACTOR_KINDS, isIsoDate, type ActorKind } from "../dataset/kinds";
import type { Actor, Dataset, Evidence, Relation } from "../dataset/schema";
import { validateDataset } from "../dataset/validate";
import { error, hasErrors, msg, warning, type Message, type Problem } from "../problems";
import type { ImportFile, ImportOptions, ImportResult } from "./types";
import { CORE_TYPES, EXTRA_TYPES, findKnownType, unknownType } from "./vocabulary";

const RELATION_COLUMNS = [
  "source",
  "target",
  "type",
  "date",
  "directed",
  "quote",
  "translation",
  "reportedBy",
  "url",
  "id",
] as const;
type RelationColumn = (typeof RELATION_COLUMNS)[number];

const ACTOR_COLUMNS = ["id", "kind", "label_en", "label_fa"] as const;
type ActorColumn = (typeof ACTOR_COLUMNS)[number];

/** Where a fallback source URL points when no row has one: the format requires an http(s) address. */
const SHOWN_IDS = 10;

type Locate = (row: number, column?: string) => string;

const locator =
  (prefix: string): Locate =>
  (row, column) =>
    `${prefix}row ${row}${column === undefined ? "" : `, column "${column}"`}`;

interface Row {
  row: number;
  get: (column: string) => string;
}

interface Table {
  records: Row[];
  has: (column: string) => boolean;
}

const QUOTE_MESSAGES: Partial<Record<Papa.ParseError["code"], Message>> = {
  MissingQuotes: msg("problem.csv.missingQuotes"),
  InvalidQuotes: msg("problem.csv.invalidQuotes"),
};

function parseRows(text: string, locate: Locate, problems: Problem[]): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let parsed: Papa.ParseResult<string[]>;
  try {
    parsed = Papa.parse<string[]>(body, { delimitersToGuess: [",", ";", "\t"] });
  } catch (cause) {
    // Papa does not document throwing on a string; the core promises never to, whatever the library does.
    problems.push(error("", msg("problem.csv.unreadable", { reason: String(cause) })));
    return [];
  }
  for (const e of parsed.errors) {
    // A one-column file has no delimiter to find; comma is then right.
    if (e.type === "Delimiter") continue;
    const path = e.row === undefined ? "" : locate(e.row + 1);
    problems.push(error(path, QUOTE_MESSAGES[e.code] ?? e.message));
  }
  return parsed.data;
}

/**
 * Reads a header and its rows. Column names match ignoring case and spaces;
 * undefined when a required column is missing, which no row can make up for.
 */
function readTable(
  text: string,
  columns: readonly string[],
  required: readonly string[],
  locate: Locate,
  problems: Problem[],
): Table | undefined {
  const rows = parseRows(text, locate, problems);
  const header = rows[0]?.map((cell) => cell.trim()) ?? [];
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const column = columns.find((c) => c.toLowerCase() === name.toLowerCase());
    if (column === undefined) {
      if (name !== "") problems.push(warning(locate(1, name), msg("problem.csv.unknownColumn", { name })));
    } else if (index.has(column)) {
      problems.push(warning(locate(1, name), msg("problem.csv.duplicateColumn", { name: column })));
    } else index.set(column, i);
  });
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    const names = missing.map((c) => `"${c}"`).join(", ");
    const found = header.filter((h) => h !== "").join(", ");
    const n = missing.length;
    problems.push(
      error(
        locate(1),
        found
          ? msg("problem.csv.missingColumns", { n, names, found })
          : msg("problem.csv.missingColumnsNoHeader", { n, names }),
      ),
    );
    return undefined;
  }
  const records: Row[] = [];
  rows.forEach((cells, i) => {
    if (i === 0 || cells.every((c) => c.trim() === "")) return;
    const row = i + 1;
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== "")) {
      problems.push(
        warning(locate(row), msg("problem.csv.extraFields", { row, fields: cells.length, header: header.length })),
      );
    }
    records.push({ row, get: (column) => cells[index.get(column) ?? -1]?.trim() ?? "" });
  });
  return { records, has: (column) => index.has(column) };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The first few ids, and whether some were left out (the message then says how many there are in all). */
function listIds(ids: readonly (string | number)[]): { shown: string; cut: boolean } {
  return { shown: ids.slice(0, SHOWN_IDS).join(", "), cut: ids.length > SHOWN_IDS };
}

function readActors(file: ImportFile, problems: Problem[]): Actor[] | undefined {
  const locate = locator(`${file.name || "actors file"}, `);
  const table = readTable(file.text, ACTOR_COLUMNS, ["id"], locate, problems);
  if (!table) return undefined;
  if (!table.has("kind")) {
    problems.push(warning(locate(1), msg("problem.csv.noKindColumn")));
  }
  const actors: Actor[] = [];
  const seen = new Map<string, number>();
  for (const { row, get } of table.records) {
    const cell = (c: ActorColumn) => get(c);
    const id = cell("id");
    if (id === "") {
      problems.push(error(locate(row, "id"), msg("problem.csv.emptyId")));
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(error(locate(row, "id"), msg("problem.csv.duplicateId", { id, first })));
      continue;
    }
    seen.set(id, row);
    const kind = actorKind(cell("kind"), table.has("kind"), locate(row, "kind"), problems);
    actors.push({ id, kind, label: actorLabel(id, cell) });
  }
  return actors;
}

function actorKind(value: string, hasColumn: boolean, path: string, problems: Problem[]): ActorKind {
  const kind = ACTOR_KINDS.find((k) => k === value.toLowerCase());
  if (kind) return kind;
  if (hasColumn) {
    const said =
      value === "" ? msg("problem.csv.emptyKind") : msg("problem.csv.badKind", { value, kinds: ACTOR_KINDS.join(", ") });
    problems.push(warning(path, said));
  }
  return "state";
}

function actorLabel(id: string, cell: (c: ActorColumn) => string): Actor["label"] {
  const label: Actor["label"] = {};
  if (cell("label_en")) label.en = cell("label_en");
  if (cell("label_fa")) label.fa = cell("label_fa");
  return Object.keys(label).length > 0 ? label : { en: id };
}

/** What reading the relation rows carries from one row to the next. */
interface RelationContext {
  file: ImportFile;
  problems: Problem[];
  /** Each id with the row that first used it. */
  ids: Map<string, number>;
  /** Each type the vocabulary lacks with the rows that use it. */
  unknownTypes: Map<string, number[]>;
  /** Known types beyond the core that some row uses. */
  extraTypes: Set<string>;
}

const at = locator("");

const EMPTY = {
  source: "problem.csv.emptySource",
  target: "problem.csv.emptyTarget",
  type: "problem.csv.emptyType",
} as const;

/** The row's relation, or undefined when an error leaves nothing sound to import. */
function readRelation(ctx: RelationContext, row: number, cell: (c: RelationColumn) => string): Relation | undefined {
  const { problems } = ctx;
  let broken = false;
  for (const column of ["source", "target", "type"] as const) {
    if (cell(column) === "") {
      problems.push(error(at(row, column), msg(EMPTY[column])));
      broken = true;
    }
  }
  const date = cell("date");
  if (date !== "" && !isIsoDate(date)) {
    problems.push(error(at(row, "date"), msg("problem.csv.badDate", { value: date })));
    broken = true;
  }
  const id = cell("id") || `r${row}`;
  const first = ctx.ids.get(id);
  if (first !== undefined) {
    const path = at(row, cell("id") ? "id" : undefined);
    problems.push(error(path, msg("problem.csv.duplicateId", { id, first })));
    broken = true;
  } else ctx.ids.set(id, row);
  if (broken) return undefined;

  const relation: Relation = {
    id,
    source: cell("source"),
    target: cell("target"),
    type: relationType(ctx, row, cell("type")),
    evidence: [evidenceOf(cell, row, ctx.file, problems)],
  };
  const directed = readDirected(cell("directed"), at(row, "directed"), problems);
  if (directed !== undefined) relation.directed = directed;
  if (date !== "") relation.date = date;
  return relation;
}

function relationType(ctx: RelationContext, row: number, name: string): string {
  const known = findKnownType(name);
  if (known) {
    if (!CORE_TYPES.includes(known)) ctx.extraTypes.add(known.id);
    return known.id;
  }
  const rows = ctx.unknownTypes.get(name);
  if (rows) rows.push(row);
  else ctx.unknownTypes.set(name, [row]);
  return name;
}

/** A Map, not an object literal, so that "constructor" is not mistaken for a spelling of true. */
const DIRECTED = new Map<string, boolean>([
  ["true", true], ["1", true], ["yes", true],
  ["false", false], ["0", false], ["no", false],
]);

function readDirected(value: string, path: string, problems: Problem[]): boolean | undefined {
  if (value === "") return undefined;
  const directed = DIRECTED.get(value.toLowerCase());
  if (directed === undefined) {
    problems.push(warning(path, msg("problem.csv.badDirected", { value })));
  }
  return directed;
}

function readRelations(file: ImportFile, table: Table, problems: Problem[]) {
  const ctx: RelationContext = { file, problems, ids: new Map(), unknownTypes: new Map(), extraTypes: new Set() };
  const relations: Relation[] = [];
  for (const { row, get } of table.records) {
    const relation = readRelation(ctx, row, get);
    if (relation) relations.push(relation);
  }
  const customTypes = EXTRA_TYPES.filter((t) => ctx.extraTypes.has(t.id));
  for (const [type, rows] of ctx.unknownTypes) {
    // One warning per type: a file that uses its own vocabulary would otherwise drown in them.
    const { shown, cut } = listIds(rows);
    const n = rows.length;
    const said = cut
      ? msg("problem.csv.unknownTypeMany", { type, rows: shown, n })
      : msg("problem.csv.unknownType", { type, rows: shown, n });
    problems.push(warning(at(rows[0] ?? 1, "type"), said));
    customTypes.push(unknownType(type));
  }
  return { relations, customTypes };
}

function evidenceOf(
  cell: (c: RelationColumn) => string,
  row: number,
  file: ImportFile,
  problems: Problem[],
): Evidence {
  const quote = cell("quote");
  const translation = cell("translation");
  // Evidence is required by the format; a row without a quote still says where it came from.
  const evidence: Evidence = {
    quote: quote || `${file.name || "CSV"}, row ${row}`,
    reportedBy: cell("reportedBy") || file.name || "unknown",
  };
  if (translation !== "") {
    if (quote !== "") evidence.translation = { en: translation };
    else problems.push(warning(at(row, "translation"), msg("problem.csv.translationWithoutQuote")));
  }
  const url = cell("url");
  if (url !== "") {
    if (isHttpUrl(url)) evidence.url = url;
    else problems.push(warning(at(row, "url"), msg("problem.csv.badUrl", { url })));
  }
  return evidence;
}

/** Actors the relations name that the actors file (if any) does not: states, labelled with their id. */
function completeActors(known: Actor[], relations: readonly Relation[]) {
  const ids = new Set(known.map((a) => a.id));
  const created: string[] = [];
  for (const relation of relations) {
    for (const id of [relation.source, relation.target]) {
      if (!ids.has(id)) {
        ids.add(id);
        created.push(id);
      }
    }
  }
  const actors = [...known, ...created.map((id): Actor => ({ id, kind: "state", label: { en: id } }))];
  return { actors, created };
}

function metaOf(file: ImportFile, options: ImportOptions, relations: readonly Relation[]): Dataset["meta"] {
  const url = relations.flatMap((r) => r.evidence).find((e) => e.url)?.url;
  // The newest relation dates the file; without dates it has none.
  const published = relations.reduce<string | undefined>(
    (latest, r) => (r.date !== undefined && (latest === undefined || r.date > latest) ? r.date : latest),
    undefined,
  );
  const source: Dataset["meta"]["source"] = { publisher: { en: file.name || "CSV file" }, language: "en" };
  if (url !== undefined) source.url = url;
  if (published !== undefined) source.published = published;
  return { title: { en: options.title?.trim() || file.name || "CSV file" }, source };
}

/** Reads a relations CSV (and an actors CSV when given) into a dataset, or says which rows are wrong. */
export function importCsv(file: ImportFile, options: ImportOptions = {}): ImportResult {
  const problems: Problem[] = [];
  const table = readTable(file.text, RELATION_COLUMNS, ["source", "target", "type"], at, problems);
  const listed = options.actors ? readActors(options.actors, problems) : [];
  if (!table || !listed) return { ok: false, format: "csv", problems };

  if (table.records.length === 0) problems.push(warning("", msg("problem.csv.noRelations")));
  const { relations, customTypes } = readRelations(file, table, problems);
  const { actors, created } = completeActors(listed, relations);
  if (options.actors && created.length > 0) {
    const { shown, cut } = listIds(created);
    const n = created.length;
    const said = cut
      ? msg("problem.csv.addedActorsMany", { n, ids: shown })
      : msg("problem.csv.addedActors", { n, ids: shown });
    problems.push(warning("", said));
  }
  if (hasErrors(problems)) return { ok: false, format: "csv", problems };

  const dataset: Dataset = {
    meta: metaOf(file, options, relations),
    actors,
    relationTypes: [...CORE_TYPES, ...customTypes],
    relations,
  };
  const checked = validateDataset(dataset);
  const all = [...problems, ...checked.problems];
  return checked.ok
    ? { ok: true, format: "csv", dataset: checked.value, problems: all }
    : { ok: false, format: "csv", problems: all };
}
