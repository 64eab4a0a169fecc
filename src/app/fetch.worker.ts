/// <reference lib="webworker" />
/**
 * Fetches a dataset named in the page's address (see startFetching in checker.ts), and checks it
 * when it is large, as check.worker.ts would. The validator loads only for a response that may be
 * large, while its text comes in.
 */
import type { FetchOrder, FetchReport } from "./checker";
import { fetchText, mayBeLarge } from "./fetch-text";

declare const self: DedicatedWorkerGlobalScope;

const post = (report: FetchReport) => self.postMessage(report);

self.onmessage = async (event: MessageEvent<FetchOrder>) => {
  const { url, sizeLimit, checkFrom } = event.data;
  const loading: { validator?: Promise<typeof import("../core/dataset/verdict")> } = {};
  const fetched = await fetchText(fetch(url), sizeLimit, (response) => {
    if (mayBeLarge(response)) loading.validator = import("../core/dataset/verdict");
  });
  post({ kind: "fetched", fetched });
  if (fetched.kind !== "text" || fetched.text.length < checkFrom) return post({ kind: "verdict", verdict: null });
  try {
    const { judgeDatasetText } = await (loading.validator ?? import("../core/dataset/verdict"));
    const verdict = judgeDatasetText(fetched.text, (part) => post({ kind: "part", verdict: part }));
    post({ kind: "verdict", verdict });
  } catch {
    // The validator's chunk did not load: the page checks the text itself.
    post({ kind: "verdict", verdict: null });
  }
};
