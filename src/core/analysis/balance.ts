/**
 * Structural balance (Heider): reduce the relations to one signed tie per
 * pair of actors, find every triangle of signed ties, and tell which ones are
 * balanced ("the enemy of my enemy is my friend") and which are not.
 */
import type { DatasetLookup } from "../dataset/lookup";
import type { Sign } from "../dataset/schema";

/** A tie's sign: friendly, hostile, neutral, or "mixed" when the pair is both friendly and hostile. */
export type TieSign = 1 | -1 | 0 | "mixed";

export interface SignedTie {
  /** The pair's actor ids, a < b in code-unit order, so a pair has one spelling. */
  a: string;
  b: string;
  sign: TieSign;
  /** Ids of the relations between a and b, in dataset order (neutral ones too). */
  relations: string[];
  /** Friendly only because both are members of the same organization(s). */
  implied?: boolean;
  /** For an implied tie: the organizations a and b are both members of. */
  organizations?: string[];
  /** For an implied tie: the membership relations that imply it. */
  membership?: string[];
}

export type TriangleKind = "balanced" | "unbalanced" | "mixed";

export interface Triangle {
  /** Sorted by id. */
  actors: [string, string, string];
  /** The ties actors[0]–actors[1], actors[0]–actors[2], actors[1]–actors[2]. */
  ties: [SignedTie, SignedTie, SignedTie];
  kind: TriangleKind;
  /** Evidence items over the distinct relations behind the three ties (membership ones included). */
  evidence: number;
}

export interface BalanceCounts {
  balanced: number;
  unbalanced: number;
  mixed: number;
  /** balanced / (balanced + unbalanced); null without such triangles. Mixed triangles take no part. */
  ratio: number | null;
}

export interface BalanceReport extends BalanceCounts {
  /** One tie per pair of actors with at least one relation (or an implied alliance). */
  ties: SignedTie[];
  /** Most evidenced first, then by actor ids; filtering by kind keeps that order. */
  triangles: Triangle[];
  /** Every actor of the dataset, with zeros when it is in no triangle. */
  perActor: Map<string, BalanceCounts>;
}

export interface BalanceOptions {
  /** Only these relations count (the ones the filters leave visible). */
  visibleRelations?: ReadonlySet<string>;
  /** Two members of the same organization are friends, where they have no signed tie of their own. */
  alliedByMembership?: boolean;
}

/** The relation type whose relations go from a member to its organization. */
export const MEMBERSHIP_TYPE = "membership";

const FRIENDLY = 1;
const HOSTILE = 2;
const NEUTRAL = 4;

/**
 * How the signs of all relations between two actors (either direction) make
 * one tie. Both friendly and hostile relations give "mixed": France and
 * Russia cooperating against one enemy while in tension over another is
 * neither friendship nor enmity, and forcing a sign would decide a triangle's
 * balance by the arbitrary weight given to one side. Otherwise any friendly
 * relation makes the tie friendly, any hostile one hostile; neutral relations
 * (mediation, leadership) only count when nothing else does, and give a
 * neutral tie, which takes part in no triangle.
 */
export function combineSigns(signs: Iterable<Sign>): TieSign {
  let flags = 0;
  for (const sign of signs) flags |= flagOf(sign);
  return signFromFlags(flags);
}

function flagOf(sign: Sign): number {
  return sign > 0 ? FRIENDLY : sign < 0 ? HOSTILE : NEUTRAL;
}

function signFromFlags(flags: number): TieSign {
  if (flags & FRIENDLY && flags & HOSTILE) return "mixed";
  if (flags & FRIENDLY) return 1;
  if (flags & HOSTILE) return -1;
  return 0;
}

/** The dataset as indices, computed once per lookup: the options change per call, the dataset does not. */
interface Compiled {
  actorIds: string[];
  relationIds: string[];
  /** Actor index of each end; -1 when the actor is missing (such a relation never counts). */
  source: Int32Array;
  target: Int32Array;
  /** Sign flag of the relation's type; 0 for an unknown type (such a relation never counts). */
  flag: Uint8Array;
  evidence: Int32Array;
  membership: Uint8Array;
}

const compiledCache = new WeakMap<DatasetLookup, Compiled>();

function compile(data: DatasetLookup): Compiled {
  const cached = compiledCache.get(data);
  if (cached) return cached;
  const { actors, relations } = data.dataset;
  const actorIndex = new Map<string, number>();
  const actorIds: string[] = [];
  // With duplicate ids the first actor stands for all, as in the filter pipeline.
  for (const actor of actors) {
    if (actorIndex.has(actor.id)) continue;
    actorIndex.set(actor.id, actorIds.length);
    actorIds.push(actor.id);
  }
  const n = relations.length;
  const compiled: Compiled = {
    actorIds,
    relationIds: relations.map((r) => r.id),
    source: new Int32Array(n),
    target: new Int32Array(n),
    flag: new Uint8Array(n),
    evidence: new Int32Array(n),
    membership: new Uint8Array(n),
  };
  relations.forEach((r, i) => {
    compiled.source[i] = actorIndex.get(r.source) ?? -1;
    compiled.target[i] = actorIndex.get(r.target) ?? -1;
    const type = data.types.get(r.type);
    compiled.flag[i] = type ? flagOf(type.sign) : 0;
    compiled.evidence[i] = r.evidence.length;
    compiled.membership[i] = r.type === MEMBERSHIP_TYPE ? 1 : 0;
  });
  compiledCache.set(data, compiled);
  return compiled;
}

/** Ties under construction, one slot per pair; parallel arrays keep 40,000 pairs cheap. */
class Pairs {
  readonly lo: number[] = [];
  readonly hi: number[] = [];
  readonly flags: number[] = [];
  readonly relations: number[][] = [];
  readonly implied: number[] = [];
  /** Per implied pair: organization index → membership relation indices. */
  readonly via = new Map<number, Map<number, number[]>>();
  private readonly index = new Map<number, number>();

  constructor(private readonly actorCount: number) {}

  find(x: number, y: number): number | undefined {
    const [lo, hi] = x < y ? [x, y] : [y, x];
    return this.index.get(lo * this.actorCount + hi);
  }

  get(x: number, y: number): number {
    const [lo, hi] = x < y ? [x, y] : [y, x];
    const key = lo * this.actorCount + hi;
    let p = this.index.get(key);
    if (p === undefined) {
      p = this.lo.length;
      this.index.set(key, p);
      this.lo.push(lo);
      this.hi.push(hi);
      this.flags.push(0);
      this.relations.push([]);
      this.implied.push(0);
    }
    return p;
  }

  get size(): number {
    return this.lo.length;
  }
}

export function analyseBalance(data: DatasetLookup, options: BalanceOptions = {}): BalanceReport {
  const c = compile(data);
  const n = c.actorIds.length;
  const visible = options.visibleRelations;
  const counts = (r: number): boolean => {
    const s = c.source[r]!;
    const t = c.target[r]!;
    return s >= 0 && t >= 0 && s !== t && c.flag[r] !== 0 && (visible === undefined || visible.has(c.relationIds[r]!));
  };

  const pairs = new Pairs(n);
  for (let r = 0; r < c.relationIds.length; r++) {
    if (!counts(r)) continue;
    const p = pairs.get(c.source[r]!, c.target[r]!);
    pairs.flags[p]! |= c.flag[r]!;
    pairs.relations[p]!.push(r);
  }
  if (options.alliedByMembership) imply(c, pairs, counts);

  const ties: SignedTie[] = [];
  const tieEvidence = new Int32Array(pairs.size);
  for (let p = 0; p < pairs.size; p++) {
    ties.push(toTie(c, pairs, p));
    let sum = 0;
    for (const r of pairs.relations[p]!) sum += c.evidence[r]!;
    tieEvidence[p] = sum;
  }

  const triangles = findTriangles(c, pairs, ties, tieEvidence);
  triangles.sort(
    (x, y) =>
      y.evidence - x.evidence ||
      compareIds(x.actors[0], y.actors[0]) ||
      compareIds(x.actors[1], y.actors[1]) ||
      compareIds(x.actors[2], y.actors[2]),
  );

  const perKind = { balanced: new Int32Array(n), unbalanced: new Int32Array(n), mixed: new Int32Array(n) };
  const total = { balanced: 0, unbalanced: 0, mixed: 0 };
  const actorIndex = new Map(c.actorIds.map((id, i) => [id, i]));
  for (const triangle of triangles) {
    total[triangle.kind] += 1;
    for (const id of triangle.actors) perKind[triangle.kind][actorIndex.get(id)!]! += 1;
  }
  const perActor = new Map<string, BalanceCounts>();
  c.actorIds.forEach((id, i) => {
    perActor.set(id, withRatio(perKind.balanced[i]!, perKind.unbalanced[i]!, perKind.mixed[i]!));
  });

  return { ties, triangles, ...withRatio(total.balanced, total.unbalanced, total.mixed), perActor };
}

/**
 * Members of one organization, pairwise. An organization with k members
 * gives k(k-1)/2 pairs, which is why the option is off by default.
 */
function imply(c: Compiled, pairs: Pairs, counts: (r: number) => boolean): void {
  const members = new Map<number, Map<number, number[]>>();
  for (let r = 0; r < c.relationIds.length; r++) {
    if (!c.membership[r] || !counts(r)) continue;
    const member = c.source[r]!;
    const organization = c.target[r]!;
    let ofOrganization = members.get(organization);
    if (!ofOrganization) members.set(organization, (ofOrganization = new Map()));
    const list = ofOrganization.get(member);
    if (list) list.push(r);
    else ofOrganization.set(member, [r]);
  }
  for (const [organization, ofOrganization] of members) {
    const list = [...ofOrganization.keys()];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i]!;
        const y = list[j]!;
        const existing = pairs.find(x, y);
        // A tie of their own, friendly or hostile, says more than a shared membership; a neutral one says less.
        if (existing !== undefined && !pairs.implied[existing] && pairs.flags[existing]! & (FRIENDLY | HOSTILE)) continue;
        const p = pairs.get(x, y);
        pairs.implied[p] = 1;
        pairs.flags[p]! |= FRIENDLY;
        let via = pairs.via.get(p);
        if (!via) pairs.via.set(p, (via = new Map()));
        via.set(organization, [...ofOrganization.get(x)!, ...ofOrganization.get(y)!]);
      }
    }
  }
}

function toTie(c: Compiled, pairs: Pairs, p: number): SignedTie {
  const x = c.actorIds[pairs.lo[p]!]!;
  const y = c.actorIds[pairs.hi[p]!]!;
  const [a, b] = compareIds(x, y) < 0 ? [x, y] : [y, x];
  const tie: SignedTie = {
    a,
    b,
    sign: signFromFlags(pairs.flags[p]!),
    relations: pairs.relations[p]!.map((r) => c.relationIds[r]!),
  };
  const via = pairs.via.get(p);
  if (pairs.implied[p] && via) {
    tie.implied = true;
    tie.organizations = [...via.keys()].map((o) => c.actorIds[o]!);
    tie.membership = [...via.values()].flat().map((r) => c.relationIds[r]!);
  }
  return tie;
}

/**
 * Each signed tie points from its lower-degree end to its higher-degree end
 * (index breaks equal degrees), so every triangle is found exactly once, from
 * its lowest vertex, and no vertex has more than O(√m) out-neighbours: the
 * whole enumeration is O(m·√m).
 */
function findTriangles(c: Compiled, pairs: Pairs, ties: SignedTie[], tieEvidence: Int32Array): Triangle[] {
  const n = c.actorIds.length;
  const degree = new Int32Array(n);
  const signed: number[] = [];
  for (let p = 0; p < pairs.size; p++) {
    if (ties[p]!.sign === 0) continue;
    signed.push(p);
    degree[pairs.lo[p]!]! += 1;
    degree[pairs.hi[p]!]! += 1;
  }
  const before = (u: number, v: number): boolean => degree[u]! < degree[v]! || (degree[u] === degree[v] && u < v);

  const start = new Int32Array(n + 1);
  for (const p of signed) {
    const from = before(pairs.lo[p]!, pairs.hi[p]!) ? pairs.lo[p]! : pairs.hi[p]!;
    start[from + 1]! += 1;
  }
  for (let u = 0; u < n; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, n);
  const to = new Int32Array(signed.length);
  const via = new Int32Array(signed.length);
  for (const p of signed) {
    const lo = pairs.lo[p]!;
    const hi = pairs.hi[p]!;
    const [from, end] = before(lo, hi) ? [lo, hi] : [hi, lo];
    const slot = fill[from]!++;
    to[slot] = end;
    via[slot] = p;
  }

  const triangles: Triangle[] = [];
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    for (let k = start[u]!; k < start[u + 1]!; k++) mark[to[k]!] = via[k]!;
    for (let k = start[u]!; k < start[u + 1]!; k++) {
      const v = to[k]!;
      for (let l = start[v]!; l < start[v + 1]!; l++) {
        const w = to[l]!;
        const uw = mark[w]!;
        if (uw >= 0) triangles.push(triangle(c, pairs, ties, tieEvidence, [u, v, w], [via[l]!, uw, via[k]!]));
      }
    }
    for (let k = start[u]!; k < start[u + 1]!; k++) mark[to[k]!] = -1;
  }
  return triangles;
}

/** `opposite[i]` is the pair of the two vertices other than `vertices[i]`. */
function triangle(
  c: Compiled,
  pairs: Pairs,
  ties: SignedTie[],
  tieEvidence: Int32Array,
  vertices: [number, number, number],
  opposite: [number, number, number],
): Triangle {
  const order = ([0, 1, 2] as const).slice().sort((i, j) => compareIds(c.actorIds[vertices[i]]!, c.actorIds[vertices[j]]!));
  const [i0, i1, i2] = order as [0 | 1 | 2, 0 | 1 | 2, 0 | 1 | 2];
  const sorted: [SignedTie, SignedTie, SignedTie] = [ties[opposite[i2]]!, ties[opposite[i1]]!, ties[opposite[i0]]!];
  return {
    actors: [c.actorIds[vertices[i0]]!, c.actorIds[vertices[i1]]!, c.actorIds[vertices[i2]]!],
    ties: sorted,
    kind: kindOf(sorted),
    evidence: evidenceOf(c, pairs, opposite, tieEvidence),
  };
}

function kindOf(ties: readonly SignedTie[]): TriangleKind {
  let product = 1;
  for (const tie of ties) {
    if (tie.sign === "mixed") return "mixed";
    product *= tie.sign;
  }
  return product > 0 ? "balanced" : "unbalanced";
}

/** Membership relations behind an implied tie are often also the other two ties' relations: count each once. */
function evidenceOf(c: Compiled, pairs: Pairs, opposite: readonly number[], own: Int32Array): number {
  if (!opposite.some((p) => pairs.via.has(p))) return own[opposite[0]!]! + own[opposite[1]!]! + own[opposite[2]!]!;
  const relations = new Set<number>();
  for (const p of opposite) {
    for (const r of pairs.relations[p]!) relations.add(r);
    for (const list of pairs.via.get(p)?.values() ?? []) for (const r of list) relations.add(r);
  }
  let sum = 0;
  for (const r of relations) sum += c.evidence[r]!;
  return sum;
}

function withRatio(balanced: number, unbalanced: number, mixed: number): BalanceCounts {
  const signed = balanced + unbalanced;
  return { balanced, unbalanced, mixed, ratio: signed === 0 ? null : balanced / signed };
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
