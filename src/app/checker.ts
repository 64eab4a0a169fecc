/**
 * Workers that check a dataset's text while the page goes on (see load.ts): one given the text by
 * the page (check.worker.ts), and one that fetches a dataset named in the address itself and checks
 * it as soon as it has come (fetch.worker.ts).
 */
import type { DatasetVerdict } from "../core/dataset/verdict";
import type { Fetched } from "./fetch-text";

export interface Checker {
  /** The verdict on `text`, or null if the worker failed or was disposed of (the page then checks the text itself). */
  judge(text: string): Promise<DatasetVerdict | null>;
  dispose(): void;
}

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

/** What fetch.worker.ts reports, in this order: the text (or why there is none), then its verdict, null when it checked nothing. */
export type FetchReport = { kind: "fetched"; fetched: Fetched } | { kind: "verdict"; verdict: DatasetVerdict | null };

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
  let settle: ((verdict: DatasetVerdict | null) => void) | null = null;
  const finish = (verdict: DatasetVerdict | null) => {
    done = true;
    worker.terminate();
    settle?.(verdict);
    settle = null;
  };
  worker.onmessage = (event: MessageEvent<DatasetVerdict>) => finish(event.data);
  worker.onmessageerror = () => finish(null);
  worker.onerror = (event) => {
    event.preventDefault();
    finish(null);
  };
  return {
    judge: (text) =>
      new Promise((resolve) => {
        if (done) return resolve(null);
        settle = resolve;
        worker.postMessage(text);
      }),
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
  let haveVerdict!: (verdict: DatasetVerdict | null) => void;
  const fetched = new Promise<Fetched | null>((resolve) => (haveFetched = resolve));
  const verdict = new Promise<DatasetVerdict | null>((resolve) => (haveVerdict = resolve));
  const deadline = AbortSignal.timeout(timeoutMs);
  const timedOut = () => end({ kind: "timeout" });
  // A promise settles once: whatever comes after the first outcome changes nothing.
  const end = (outcome: Fetched | null) => {
    deadline.removeEventListener("abort", timedOut);
    haveFetched(outcome);
    haveVerdict(null);
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
    haveVerdict(report.verdict);
    worker.terminate();
  };
  worker.onmessageerror = () => end(null);
  worker.onerror = (event) => {
    event.preventDefault();
    end(null);
  };
  worker.postMessage({ url, sizeLimit, checkFrom: CHECK_ASIDE_FROM } satisfies FetchOrder);
  return { fetched, checker: { judge: () => verdict, dispose: () => end(null) } };
}
