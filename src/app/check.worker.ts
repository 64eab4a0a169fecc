/// <reference lib="webworker" />
/** Checks a dataset's text off the main thread, while the page builds its graph (see load.ts). */
import { judgeDatasetText } from "../core/dataset/verdict";
import type { CheckReport } from "./checker";

declare const self: DedicatedWorkerGlobalScope;

const post = (report: CheckReport) => self.postMessage(report);

self.onmessage = (event: MessageEvent<string>) => {
  const verdict = judgeDatasetText(event.data, (part) => post({ kind: "part", verdict: part }));
  post({ kind: "whole", verdict });
};
