/**
 * Reads a file the user chose or dropped and imports it in a worker. Every
 * failure (too big, unreadable, a dead worker) comes back as problems; a
 * cancelled import stops the worker and comes back as "cancelled".
 */
import type { ImportOptions, ImportResult } from "../core/import/types";
import type { ImportRequest } from "./import.worker";
import { ResultAssembler, type HandoverPart } from "./handover";

export const DEFAULT_SIZE_LIMIT = 50 * 1024 * 1024;

export interface ImportProgress {
  stage: "reading" | "parsing" | "receiving";
  /** 0..1 while reading and receiving; null while parsing (the importers cannot tell how far they are). */
  fraction: number | null;
}

export interface ImportMessages {
  tooBig(size: string, limit: string): string;
  unreadable(): string;
  workerFailed(): string;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function fail(message: string): ImportResult {
  return { ok: false, format: null, problems: [{ path: "", message, severity: "error" }] };
}

function readText(file: Blob, onProgress: (p: ImportProgress) => void): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ stage: "reading", fraction: event.loaded / event.total });
    };
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsText(file);
  });
}

export async function importBlob(
  file: File,
  messages: ImportMessages,
  onProgress: (p: ImportProgress) => void,
  options: ImportOptions = {},
  sizeLimit = DEFAULT_SIZE_LIMIT,
  signal?: AbortSignal,
): Promise<ImportResult | "cancelled"> {
  if (file.size > sizeLimit) return fail(messages.tooBig(megabytes(file.size), megabytes(sizeLimit)));
  const text = await readText(file, onProgress);
  if (signal?.aborted) return "cancelled";
  if (text === null) return fail(messages.unreadable());
  onProgress({ stage: "parsing", fraction: null });
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" });
    const done = (result: ImportResult | "cancelled") => {
      worker.terminate();
      signal?.removeEventListener("abort", cancel);
      resolve(result);
    };
    const cancel = () => done("cancelled");
    signal?.addEventListener("abort", cancel);
    const assembler = new ResultAssembler();
    worker.onmessage = (event: MessageEvent<HandoverPart>) => {
      const result = assembler.add(event.data);
      if (result) done(result);
      else onProgress({ stage: "receiving", fraction: assembler.fraction() });
    };
    worker.onerror = () => done(fail(messages.workerFailed()));
    const request: ImportRequest = { file: { name: file.name, text }, options };
    worker.postMessage(request);
  });
}
