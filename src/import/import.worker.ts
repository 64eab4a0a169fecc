/// <reference lib="webworker" />
/** Parses and validates an imported file off the main thread, so the page never freezes. */
import { importFile, type ImportFile, type ImportOptions, type ImportResult } from "../core/import";
import { splitResult } from "./handover";

declare const self: DedicatedWorkerGlobalScope;

export interface ImportRequest {
  file: ImportFile;
  options?: ImportOptions;
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  let result: ImportResult;
  try {
    result = importFile(event.data.file, event.data.options ?? {});
  } catch (cause) {
    // The importers return problems rather than throw; this is the last safety net.
    result = {
      ok: false,
      format: null,
      problems: [{ path: "", message: `the importer failed: ${cause instanceof Error ? cause.message : String(cause)}`, severity: "error" }],
    };
  }
  // A big dataset crosses in pieces: the page unpacks each in its own task and stays responsive.
  for (const part of splitResult(result)) self.postMessage(part);
};
