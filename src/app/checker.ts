/**
 * Workers that check a dataset's text while the page goes on (see load.ts): one given the text by
 * the page (check.worker.ts), and one that fetches a dataset named in the address itself and checks
 * it as soon as it has come (fetch.worker.ts).
 */
import type { DatasetVerdict } from "../core/dataset/verdict";
import type { Fetched } from "./fetch-text";

export interface Checker {
  /** The verdicts on `text`: each null if the worker failed or was disposed of first (the page then checks the text itself). */
  judge(text: string): Verdicts;
  dispose(): void;
}

/** A worker's two verdicts on a dataset's text (see judgeDatasetText). */
export interface Verdicts {
  /** On all of it but its relations: what a large graph's first frame shows. It comes first. */
  part: Promise<DatasetVerdict | null>;
  whole: Promise<DatasetVerdict | null>;
}

/** What check.worker.ts reports, in this order. */
export type CheckReport = { kind: "part"; verdict: DatasetVerdict } | { kind: "whole"; verdict: DatasetVerdict };

/** From this many characters of text up, a dataset is checked in a worker while the page builds from it (see load.ts). */
export const CHECK_ASIDE_FROM = 1_000_000;

/** What the page asks of fetch.worker.ts. */
export interface FetchOrder {
  url: string;
  /** The most bytes to read (see fetchText). */
  sizeLimit: number;
  /** From this many characters of text up, the worker checks what it fetched. */
  checkFrom: number;
}

/**
 * What fetch.worker.ts reports, in this order: the text (or why there is none), then the verdicts on
 * it (see CheckReport), the whole's null when it checked nothing.
 */
export type FetchReport = { kind: "fetched"; fetched: Fetched } | { kind: "part"; verdict: DatasetVerdict } | { kind: "verdict"; verdict: DatasetVerdict | null };

/** Two verdicts to come, and how to give them: a verdict given settles the part too (null where none came). */
function verdictsToCome(): Verdicts & { givePart(verdict: DatasetVerdict | null): void; give(verdict: DatasetVerdict | null): void } {
  let givePart!: (verdict: DatasetVerdict | null) => void;
  let give!: (verdict: DatasetVerdict | null) => void;
  const part = new Promise<DatasetVerdict | null>((resolve) => (givePart = resolve));
  const whole = new Promise<DatasetVerdict | null>((resolve) => (give = resolve));
  return {
    part,
    whole,
    givePart,
    give: (verdict) => {
      // A promise settles once: a part given before stays.
      givePart(null);
      give(verdict);
    },
  };
}

/** A dataset being fetched by a worker, which then checks it when it is large. */
export interface Fetching {
  /** The text, or why there is none; null if the worker failed (the page then fetches the address itself). */
  fetched: Promise<Fetched | null>;
  /** The worker's verdict on that text: `judge` ignores the text it is given, which is the same. */
  checker: Checker;
}

export function startChecker(): Checker | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./check.worker.ts", import.meta.url), { type: "module" });
  } catch {
    return null;
  }
  let done = false;
  let verdicts: ReturnType<typeof verdictsToCome> | null = null;
  const finish = (verdict: DatasetVerdict | null) => {
    done = true;
    worker.terminate();
    verdicts?.give(verdict);
  };
  worker.onmessage = (event: MessageEvent<CheckReport>) => {
    if (event.data.kind === "part") verdicts?.givePart(event.data.verdict);
    else finish(event.data.verdict);
  };
  worker.onmessageerror = () => finish(null);
  worker.onerror = (event) => {
    event.preventDefault();
    finish(null);
  };
  return {
    judge: (text) => {
      verdicts = verdictsToCome();
      if (done) verdicts.give(null);
      else worker.postMessage(text);
      return verdicts;
    },
    dispose: () => finish(null),
  };
}

/**
 * Fetches `url` in a worker. The page's own thread is busy loading its chunks while a large dataset
 * comes in: a fetch made there reads the text only once they have run, and a worker it then gives
 * the text to starts checking it later still. The deadline is the page's: a worker that never
 * answers counts as a server that did not.
 */
export function startFetching(url: string, timeoutMs: number, sizeLimit: number): Fetching | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./fetch.worker.ts", import.meta.url), { type: "module" });
  } catch {
    return null;
  }
  let haveFetched!: (fetched: Fetched | null) => void;
  const fetched = new Promise<Fetched | null>((resolve) => (haveFetched = resolve));
  const verdicts = verdictsToCome();
  const deadline = AbortSignal.timeout(timeoutMs);
  const timedOut = () => end({ kind: "timeout" });
  // A promise settles once: whatever comes after the first outcome changes nothing.
  const end = (outcome: Fetched | null) => {
    deadline.removeEventListener("abort", timedOut);
    haveFetched(outcome);
    verdicts.give(null);
    worker.terminate();
  };
  deadline.addEventListener("abort", timedOut);
  worker.onmessage = (event: MessageEvent<FetchReport>) => {
    const report = event.data;
    if (report.kind === "fetched") {
      deadline.removeEventListener("abort", timedOut);
      haveFetched(report.fetched);
      return;
    }
    if (report.kind === "part") return verdicts.givePart(report.verdict);
    verdicts.give(report.verdict);
    worker.terminate();
  };
  worker.onmessageerror = () => end(null);
  worker.onerror = (event) => {
    event.preventDefault();
    end(null);
  };
  worker.postMessage({ url, sizeLimit, checkFrom: CHECK_ASIDE_FROM } satisfies FetchOrder);
  return { fetched, checker: { judge: () => verdicts, dispose: () => end(null) } };
}
