/**
 * A dataset's text fetched from an address, or why there is none: what the page does, and what the
 * worker that fetches a dataset named in the address does (fetch.worker.ts), alike. Plain data, so
 * that it crosses postMessage.
 */
export type Fetched =
  | { kind: "text"; text: string }
  | { kind: "status"; status: number }
  | { kind: "too big" }
  | { kind: "timeout" }
  | { kind: "network" };

/**
 * Reads a response's body as text, giving up once it passes `limit` bytes: a server that sends
 * 200 MB must not fill the page's memory first. A failed read throws, for the caller to tell a
 * timeout from a broken connection.
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

function failure(cause: unknown): Fetched {
  return cause instanceof DOMException && cause.name === "TimeoutError" ? { kind: "timeout" } : { kind: "network" };
}

/**
 * The text of `response` (a request under way), at most `limit` bytes of it. `onHeaders` is told of a
 * successful response as soon as its headers come, before its body is read.
 */
export async function fetchText(response: Promise<Response>, limit: number, onHeaders?: (response: Response) => void): Promise<Fetched> {
  let answered: Response;
  try {
    answered = await response;
  } catch (cause) {
    return failure(cause);
  }
  if (!answered.ok) return { kind: "status", status: answered.status };
  onHeaders?.(answered);
  try {
    const text = await readLimited(answered, limit);
    if (text === "too big") return { kind: "too big" };
    return text === null ? { kind: "network" } : { kind: "text", text };
  } catch (cause) {
    return failure(cause);
  }
}

/**
 * Whether a response may hold a dataset large enough to check in a worker (see CHECK_ASIDE_FROM in
 * checker.ts): no declared length, or one over 100 kB (a megabyte of JSON is sent compressed to a
 * fifth or less of it). Below that the page checks the text itself, sooner than a worker could start.
 */
export function mayBeLarge(response: Response): boolean {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  return !(declared >= 0) || declared >= 100_000;
}
