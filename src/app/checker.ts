/**
 * A worker that checks a dataset's text while the page goes on (see load.ts). It is started as soon
 * as the response says the text may be large, so that its own start-up (loading the validator)
 * overlaps the download.
 */
import type { DatasetVerdict } from "../core/dataset/verdict";

export interface Checker {
  /** The verdict on `text`, or null if the worker failed or was disposed of (the page then checks the text itself). */
  judge(text: string): Promise<DatasetVerdict | null>;
  dispose(): void;
}

/**
 * Whether a response may hold a dataset large enough to check in a worker (see CHECK_ASIDE_FROM in
 * load.ts): no declared length, or one over 100 kB (a megabyte of JSON is sent compressed to a fifth
 * or less of it). Below that the page checks the text itself, sooner than a worker could start.
 */
export function mayBeLarge(response: Response): boolean {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  return !(declared >= 0) || declared >= 100_000;
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
