/**
 * GDELT 2.0 event export import: one event a row, many rows a day. Events
 * from one actor to another that map to the same relation type become one
 * relation, so that years of news fit in a graph a person can read.
 */
import { isIsoDate, type ActorKind } from "../dataset/kinds";
import type { Actor, Dataset, Evidence, Relation, RelationType } from "../dataset/schema";
import { validateDataset } from "../dataset/validate";
import { error, hasErrors, msg, warning, type Message, type Problem } from "../problems";
import type { ImportFile, ImportOptions, ImportResult } from "./types";
import { CORE_TYPES, STATEMENT_TYPE } from "./vocabulary";

const GEO_FIELDS = [
  "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
] as const;
const actorFields = <P extends string>(p: P) =>
  [
    `${p}Code`, `${p}Name`, `${p}CountryCode`, `${p}KnownGroupCode`, `${p}EthnicCode`,
    `${p}Religion1Code`, `${p}Religion2Code`, `${p}Type1Code`, `${p}Type2Code`, `${p}Type3Code`,
  ] as const;
const geoFields = <P extends string>(p: P) => GEO_FIELDS.map((f) => `${p}Geo_${f}` as const);

/**
 * The 61 tab-separated columns of a GDELT 2.0 event export, in order, as the
 * GDELT Event Codebook V2.0 lists them
 * (http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf).
 */
export const GDELT_COLUMNS = [
  "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
  ...actorFields("Actor1"),
  ...actorFields("Actor2"),
  "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
  "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
  ...geoFields("Actor1"),
  ...geoFields("Actor2"),
  ...geoFields("Action"),
  "DATEADDED", "SOURCEURL",
] as const;

const columnIndex = (name: (typeof GDELT_COLUMNS)[number]) => GDELT_COLUMNS.indexOf(name);

/** The columns this importer reads; indexes into a row split on tabs. */
export const COLUMN = {
  GLOBALEVENTID: columnIndex("GLOBALEVENTID"),
  SQLDATE: columnIndex("SQLDATE"),
  Actor1Code: columnIndex("Actor1Code"),
  Actor1Name: columnIndex("Actor1Name"),
  Actor1CountryCode: columnIndex("Actor1CountryCode"),
  Actor1Type1Code: columnIndex("Actor1Type1Code"),
  Actor2Code: columnIndex("Actor2Code"),
  Actor2Name: columnIndex("Actor2Name"),
  Actor2CountryCode: columnIndex("Actor2CountryCode"),
  Actor2Type1Code: columnIndex("Actor2Type1Code"),
  EventCode: columnIndex("EventCode"),
  EventRootCode: columnIndex("EventRootCode"),
  GoldsteinScale: columnIndex("GoldsteinScale"),
  SOURCEURL: columnIndex("SOURCEURL"),
} as const;

/** CAMEO root code (two digits, a string: "01" keeps its zero) → relation type id. */
const CAMEO_ROOTS = new Map<string, string>([
  ["01", "statement"], ["02", "statement"],
  ["03", "cooperation"], ["04", "cooperation"], ["05", "cooperation"],
  ["06", "support"], ["07", "support"], ["08", "support"],
  ["09", "tension"], ["10", "tension"], ["11", "tension"], ["12", "tension"], ["13", "tension"],
  ["14", "conflict"], ["15", "conflict"], ["16", "conflict"], ["17", "conflict"],
  ["18", "conflict"], ["19", "conflict"], ["20", "conflict"],
]);

/** The relation type for a CAMEO root code ("01"…"20", "1" read as "01"); "" when it is none of them. */
export function cameoRootToType(root: string): string {
  return CAMEO_ROOTS.get(root.trim().padStart(2, "0")) ?? "";
}

/**
 * Whether text looks like a GDELT event export: its first line has tabbed fields
 * starting with an id and a YYYYMMDD date. Short rows (GDELT 1.0 has 57 or 58)
 * still count, so that the import can say which rows lack columns.
 */
export function detectGdelt(text: string): boolean {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start < 0) return false;
  const end = body.indexOf("\n", start);
  const fields = body.slice(start, end < 0 ? undefined : end).replace(/\r$/, "").split("\t");
  return (
    fields.length >= 55 && /^\d+$/.test(fields[0] ?? "") && /^\d{8}$/.test(fields[1] ?? "")
  );
}

const ARMED_TYPES = new Set(["REB", "INS", "SEP"]);
const ORGANIZATION_TYPES = new Set(["IGO", "NGO"]);

/**
 * GDELT codes states, their organs (GOV, MIL, COP…) and the groups within them;
 * Entente's kinds are coarser. See docs/gdelt.md.
 */
function actorKind(code: string, country: string, type1: string): ActorKind {
  if (code === country && /^[A-Z]{3}$/.test(code)) return "state";
  if (ORGANIZATION_TYPES.has(type1) || ORGANIZATION_TYPES.has(code.slice(0, 3))) return "organization";
  if (ARMED_TYPES.has(type1)) return "armed-group";
  return country !== "" ? "state" : "organization";
}

/** GDELT writes names in capitals ("UNITED STATES"), which read as shouting in a graph. */
function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s\-/(])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** YYYYMMDD → YYYY-MM-DD, or undefined when it is not a real date. */
function sqlDate(value: string): string | undefined {
  if (!/^\d{8}$/.test(value)) return undefined;
  const date = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  return isIsoDate(date) ? date : undefined;
}

function httpHost(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.hostname || undefined : undefined;
  } catch {
    return undefined;
  }
}

const MAX_EVIDENCE = 20;
/** A file of wrong rows would otherwise bury the reader in one error per row. */
const MAX_ROW_PROBLEMS = 20;
const SHOWN_ROWS = 10;

interface Group {
  relation: Relation;
  goldsteinSum: number;
  goldsteinCount: number;
  urls: Set<string>;
  dropped: number;
}

/** Row errors, each named until there are too many, then counted. */
class RowErrors {
  private readonly shown: Problem[] = [];
  private more = 0;
  constructor(private readonly summary: (n: number) => Message) {}
  add(path: string, message: Message): void {
    if (this.shown.length < MAX_ROW_PROBLEMS) this.shown.push(error(path, message));
    else this.more += 1;
  }
  problems(): Problem[] {
    return this.more > 0 ? [...this.shown, error("", this.summary(this.more))] : this.shown;
  }
}

function evidenceOf(fields: readonly string[], url: string): Evidence {
  const get = (index: number) => fields[index]?.trim() ?? "";
  const a1 = get(COLUMN.Actor1Name) || get(COLUMN.Actor1Code);
  const a2 = get(COLUMN.Actor2Name) || get(COLUMN.Actor2Code);
  const host = httpHost(url);
  const evidence: Evidence = {
    quote: `GDELT event ${get(COLUMN.GLOBALEVENTID)}: ${a1} → ${a2}, CAMEO ${get(COLUMN.EventCode)}`,
    // Some GDELT sources are named, not linked ("BBC Monitoring"): the name is then the reporter.
    reportedBy: host ?? (url || "GDELT"),
  };
  if (host) evidence.url = url;
  return evidence;
}

interface Tally {
  rows: number;
  wellFormed: number;
  withoutActors: number;
  unknownRoots: number[];
  columnErrors: RowErrors;
  dateErrors: RowErrors;
  actors: Map<string, Actor>;
  groups: Map<string, Group>;
  /** Relation ids given so far. */
  ids: Set<string>;
}

/** One pass over the rows, linear in the file: a hundred thousand events are a normal export. */
function tally(text: string): Tally {
  const t: Tally = {
    rows: 0,
    wellFormed: 0,
    withoutActors: 0,
    unknownRoots: [],
    columnErrors: new RowErrors((n) => msg("problem.gdelt.moreColumnErrors", { n })),
    dateErrors: new RowErrors((n) => msg("problem.gdelt.moreDateErrors", { n })),
    actors: new Map(),
    groups: new Map(),
    ids: new Set(),
  };
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split("\n");
  lines.forEach((raw, i) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() !== "") readRow(t, line.split("\t"), i + 1);
  });
  return t;
}

function readRow(t: Tally, fields: readonly string[], row: number): void {
  t.rows += 1;
  if (fields.length !== GDELT_COLUMNS.length) {
    const expected = GDELT_COLUMNS.length;
    t.columnErrors.add(`row ${row}`, msg("problem.gdelt.columnCount", { row, fields: fields.length, expected }));
    return;
  }
  t.wellFormed += 1;
  const get = (index: number) => fields[index]?.trim() ?? "";
  const a1 = get(COLUMN.Actor1Code);
  const a2 = get(COLUMN.Actor2Code);
  if (a1 === "" || a2 === "") {
    t.withoutActors += 1;
    return;
  }
  // A row without its root still has the event code, whose first two digits are the root.
  const type = cameoRootToType(get(COLUMN.EventRootCode) || get(COLUMN.EventCode).slice(0, 2));
  if (type === "") {
    t.unknownRoots.push(row);
    return;
  }
  const date = sqlDate(get(COLUMN.SQLDATE));
  if (date === undefined) {
    const value = get(COLUMN.SQLDATE);
    t.dateErrors.add(`row ${row}, column "SQLDATE"`, msg("problem.gdelt.badDate", { value }));
    return;
  }
  addActor(t.actors, a1, get(COLUMN.Actor1Name), get(COLUMN.Actor1CountryCode), get(COLUMN.Actor1Type1Code));
  addActor(t.actors, a2, get(COLUMN.Actor2Name), get(COLUMN.Actor2CountryCode), get(COLUMN.Actor2Type1Code));
  addEvent(t.groups, t.ids, a1, a2, type, date, fields);
}

/** The first row that names an actor gives its label and kind; GDELT codes an actor the same way throughout. */
function addActor(
  actors: Map<string, Actor>,
  code: string,
  name: string,
  country: string,
  type1: string,
): void {
  if (actors.has(code)) return;
  const label = { en: name ? titleCase(name) : code };
  actors.set(code, { id: code, kind: actorKind(code, country, type1), label });
}

function tallyProblems(t: Tally): Problem[] {
  const problems = [...t.columnErrors.problems(), ...t.dateErrors.problems()];
  if (t.withoutActors > 0) {
    problems.push(warning("", msg("problem.gdelt.withoutActors", { n: t.withoutActors })));
  }
  if (t.unknownRoots.length > 0) {
    const n = t.unknownRoots.length;
    const rows = t.unknownRoots.slice(0, SHOWN_ROWS).join(", ") + (n > SHOWN_ROWS ? ", …" : "");
    problems.push(warning("", msg("problem.gdelt.unknownRoots", { n, rows })));
  }
  const cut = [...t.groups.values()].filter((g) => g.dropped > 0);
  if (cut.length > 0) {
    const urls = cut.reduce((n, g) => n + g.dropped, 0);
    // Two counts in one sentence: the key carries the relations' plural, {n} the URLs'.
    const key = cut.length === 1 ? "problem.gdelt.droppedUrls" : "problem.gdelt.droppedUrlsRelations";
    problems.push(warning("", msg(key, { n: urls, max: MAX_EVIDENCE, relations: cut.length })));
  }
  return problems;
}

/** Reads a GDELT 2.0 event export (tab-separated, no header) into a dataset of aggregated relations. */
export function importGdelt(file: ImportFile, options: ImportOptions = {}): ImportResult {
  const t = tally(file.text);
  if (t.rows === 0) return { ok: false, format: "gdelt", problems: [error("", msg("problem.gdelt.noRows"))] };
  const problems = tallyProblems(t);
  const relations = [...t.groups.values()].map(finish);
  // Wrong rows are dropped and reported; the import fails only when nothing usable is left.
  if (t.wellFormed === 0 || (hasErrors(problems) && relations.length === 0)) {
    return { ok: false, format: "gdelt", problems };
  }
  const dataset: Dataset = {
    meta: {
      title: { en: options.title?.trim() || "GDELT events" },
      source: {
        publisher: { en: "GDELT Project" },
        url: "https://www.gdeltproject.org/",
        published: lastDate(relations),
        language: "en",
      },
    },
    actors: [...t.actors.values()],
    relationTypes: [...CORE_TYPES, STATEMENT_TYPE],
    relations,
  };
  const checked = validateDataset(dataset);
  const all = [...problems, ...checked.problems];
  return checked.ok
    ? { ok: true, format: "gdelt", dataset: checked.value, problems: all }
    : { ok: false, format: "gdelt", problems: all };
}

function addEvent(
  groups: Map<string, Group>,
  ids: Set<string>,
  a1: string,
  a2: string,
  type: string,
  date: string,
  fields: readonly string[],
): void {
  // The fields were split on tabs, so a tab cannot be inside a code and the key is unambiguous.
  const key = `${a1}\t${a2}\t${type}`;
  let group = groups.get(key);
  if (!group) {
    // Codes may hold "-": "A-B"→"C" and "A"→"B-C" would share an id. A suffixed id ends in a digit,
    // never in a type, so it cannot meet a plain one later.
    let id = `${a1}-${a2}-${type}`;
    for (let n = 2; ids.has(id); n++) id = `${a1}-${a2}-${type}-${n}`;
    ids.add(id);
    group = {
      relation: {
        id,
        source: a1,
        target: a2,
        type,
        directed: true,
        date,
        endDate: date,
        count: 0,
        evidence: [],
      },
      goldsteinSum: 0,
      goldsteinCount: 0,
      urls: new Set(),
      dropped: 0,
    };
    groups.set(key, group);
  }
  const r = group.relation;
  r.count = (r.count ?? 0) + 1;
  if (date < (r.date ?? date)) r.date = date;
  if (date > (r.endDate ?? date)) r.endDate = date;
  const goldstein = fields[COLUMN.GoldsteinScale]?.trim() ?? "";
  // The scale is a measurement, unlike the codes, so it is read as a number.
  const value = goldstein === "" ? NaN : Number(goldstein);
  if (Number.isFinite(value)) {
    group.goldsteinSum += value;
    group.goldsteinCount += 1;
  }
  const url = fields[COLUMN.SOURCEURL]?.trim() ?? "";
  if (group.urls.has(url)) return;
  group.urls.add(url);
  if (r.evidence.length < MAX_EVIDENCE) r.evidence.push(evidenceOf(fields, url));
  else group.dropped += 1;
}

/** The newest event dates the file. */
function lastDate(relations: readonly Relation[]): string | undefined {
  return relations.reduce<string | undefined>((last, r) => {
    const date = r.endDate ?? r.date;
    return date !== undefined && (last === undefined || date > last) ? date : last;
  }, undefined);
}

function finish(group: Group): Relation {
  const r = group.relation;
  if (r.endDate === r.date) delete r.endDate;
  if (group.goldsteinCount > 0) {
    // Adding 0 turns a -0 from rounding a small negative mean into 0.
    r.weight = Math.round((group.goldsteinSum / group.goldsteinCount) * 100) / 100 + 0;
  }
  return r;
}
