/// <reference lib="webworker" />
/** Checks a dataset's text off the main thread, while the page builds its graph (see load.ts). */
import { judgeDatasetText, type DatasetVerdict } from "../core/dataset/verdict";

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<string>) => {
  const verdict: DatasetVerdict = judgeDatasetText(event.data);
  self.postMessage(verdict);
};
