/**
 * How an import's result crosses from the worker to the page. Unpacking a
 * message is one uninterruptible task on the receiving side, and a dataset of
 * tens of thousands of relations takes a second or more to unpack at once; in
 * parts of a few thousand items each part is a short task and the page keeps
 * answering clicks and painting its progress in between.
 */
import type { Actor, Relation } from "../core/dataset";
import type { ImportResult } from "../core/import/types";
import { plainProblem } from "../core/problems";

/** Items per part: a few tens of milliseconds to unpack on a slow machine. */
export const PART_SIZE = 2000;

export type HandoverPart =
  /** The result with its actors and relations left out (when it succeeded), and how many follow. */
  | { kind: "head"; result: ImportResult; actors: number; relations: number }
  | { kind: "actors"; items: Actor[] }
  | { kind: "relations"; items: Relation[] };

export function* splitResult(whole: ImportResult, size = PART_SIZE): Generator<HandoverPart> {
  // A problem's catalogue key would not survive structured cloning as it is (see core/problems).
  const result = { ...whole, problems: whole.problems.map(plainProblem) };
  if (!result.ok) {
    yield { kind: "head", result, actors: 0, relations: 0 };
    return;
  }
  const { actors, relations } = result.dataset;
  yield { kind: "head", result: { ...result, dataset: { ...result.dataset, actors: [], relations: [] } }, actors: actors.length, relations: relations.length };
  for (let i = 0; i < actors.length; i += size) yield { kind: "actors", items: actors.slice(i, i + size) };
  for (let i = 0; i < relations.length; i += size) yield { kind: "relations", items: relations.slice(i, i + size) };
}

/** Puts the parts back together; `add` returns the whole result once the last part is in, else null. */
export class ResultAssembler {
  private head: Extract<HandoverPart, { kind: "head" }> | null = null;
  private readonly actors: Actor[] = [];
  private readonly relations: Relation[] = [];

  add(part: HandoverPart): ImportResult | null {
    if (part.kind === "head") this.head = part;
    else if (part.kind === "actors") this.actors.push(...part.items);
    else this.relations.push(...part.items);
    return this.complete();
  }

  /** How much of the dataset has arrived, 0..1 (1 when there is nothing to wait for). */
  fraction(): number {
    if (!this.head) return 0;
    const total = this.head.actors + this.head.relations;
    return total === 0 ? 1 : (this.actors.length + this.relations.length) / total;
  }

  private complete(): ImportResult | null {
    const head = this.head;
    if (!head || this.actors.length < head.actors || this.relations.length < head.relations) return null;
    if (!head.result.ok) return head.result;
    return { ...head.result, dataset: { ...head.result.dataset, actors: this.actors, relations: this.relations } };
  }
}
