/** Fetches a dataset and validates it. Every failure comes back as problems, never as a throw. */
import type { Dataset } from "../core/dataset";
import { error, type Result } from "../core/problems";
import type { Translate } from "../core/i18n";
import { DATASET_TIMEOUT_MS } from "./preload";

/**
 * `trusted`: the dataset bundled with the app, which the test suite validates on
 * every run; it is parsed without loading the validator, which keeps the
 * schema library out of the embed's first download.
 */
/** The most a dataset address may send, as for a file opened from disk. */
export const LOAD_SIZE_LIMIT = 50 * 1024 * 1024;

/**
 * Reads a response's body as text, giving up once it passes `limit` bytes: a
 * server that sends 200 MB must not fill the page's memory first.
 */
async function readLimited(response: Response, limit: number): Promise<string | "too big" | null> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return "too big";
  }
  if (!response.body) return response.text().catch(() => null);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  // A failed read throws to the caller, which tells a timeout from a broken connection.
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      return "too big";
    }
    chunks.push(value);
  }
  const decoder = new TextDecoder();
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join("") + decoder.decode();
}

/**
 * `response`: the same request made earlier (see preload.ts), whose body is read here as if this had
 * made it.
 */
export async function loadDataset(
  url: string,
  t: Translate,
  options: { trusted?: boolean; timeoutMs?: number; sizeLimit?: number; response?: Promise<Response> | null } = {},
): Promise<Result<Dataset>> {
  const timeoutMs = options.timeoutMs ?? DATASET_TIMEOUT_MS;
  const sizeLimit = options.sizeLimit ?? LOAD_SIZE_LIMIT;
  const fail = (reason: string): Result<Dataset> => ({
    ok: false,
    problems: [error("", t("load.failed", { url, reason }))],
  });
  const timedOut = () => fail(t("load.timeout", { seconds: Math.round(timeoutMs / 1000) }));
  // The validator's chunk loads while the dataset comes in (at the page's very start it only slowed the app's own chunks).
  const validator = options.trusted ? null : import("../core/dataset/validate");
  validator?.catch(() => undefined);
  let response: Response;
  try {
    response = await (options.response ?? fetch(url, { signal: AbortSignal.timeout(timeoutMs) }));
  } catch (cause) {
    return cause instanceof DOMException && cause.name === "TimeoutError" ? timedOut() : fail(t("load.network"));
  }
  if (!response.ok) return fail(t("load.httpStatus", { status: String(response.status) }));
  let body: string | "too big" | null;
  try {
    body = await readLimited(response, sizeLimit);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "TimeoutError") return timedOut();
    body = null;
  }
  if (body === "too big") return fail(t("load.tooBig", { limit: Math.round(sizeLimit / 1024 / 1024) }));
  if (body === null) return fail(t("load.network"));
  if (/^\s*</.test(body)) return fail(t("load.notJson"));
  if (options.trusted) {
    try {
      return { ok: true, value: JSON.parse(body) as Dataset, problems: [] };
    } catch {
      return fail(t("load.notJson"));
    }
  }
  const { parseDatasetJson } = await (validator ?? import("../core/dataset/validate"));
  return parseDatasetJson(body);
}
