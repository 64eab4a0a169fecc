/**
 * A worker that checks a dataset's text while the page goes on (see load.ts). It is started before
 * the text is in, so that its own start-up (loading the validator) overlaps the download.
 */
import type { DatasetVerdict } from "../core/dataset/verdict";

export interface Checker {
  /** The verdict on `text`, or null if the worker failed (the page then checks the text itself). */
  judge(text: string): Promise<DatasetVerdict | null>;
  dispose(): void;
}

export function startChecker(): Checker | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./check.worker.ts", import.meta.url), { type: "module" });
  } catch {
    return null;
  }
  let failed = false;
  let settle: ((verdict: DatasetVerdict | null) => void) | null = null;
  const finish = (verdict: DatasetVerdict | null) => {
    worker.terminate();
    settle?.(verdict);
    settle = null;
  };
  worker.onmessage = (event: MessageEvent<DatasetVerdict>) => finish(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    failed = true;
    finish(null);
  };
  return {
    judge: (text) =>
      new Promise((resolve) => {
        if (failed) return resolve(null);
        settle = resolve;
        worker.postMessage(text);
      }),
    dispose: () => finish(null),
  };
}
