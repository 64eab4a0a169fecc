/**
 * Fetching a dataset's text within the size limit, as the page and the worker that fetches for it
 * both do: every way it can go wrong comes back as a plain value, never as a throw.
 */
import { describe, expect, it } from "vitest";
import { fetchText, mayBeLarge } from "../../src/app/fetch-text";

/** A response whose body comes in the given pieces. */
function streamed(pieces: Uint8Array[], init: ResponseInit = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  return new Response(body, init);
}

describe("fetchText", () => {
  it("reads the text, a character split between two pieces included", async () => {
    const bytes = new TextEncoder().encode('{"title":"روسیه و فرانسه"}');
    // Cut inside the two bytes of a Persian letter.
    const cut = bytes.indexOf(0xd8) + 1;
    const fetched = await fetchText(Promise.resolve(streamed([bytes.slice(0, cut), bytes.slice(cut)])), 1000);
    expect(fetched).toEqual({ kind: "text", text: '{"title":"روسیه و فرانسه"}' });
  });

  it("tells the headers before it reads the body, and only for a successful response", async () => {
    const seen: string[] = [];
    const ok = await fetchText(Promise.resolve(new Response("{}", { headers: { "content-length": "2" } })), 100, (r) =>
      seen.push(r.headers.get("content-length")!),
    );
    expect(ok).toEqual({ kind: "text", text: "{}" });
    expect(seen).toEqual(["2"]);
    const missing = await fetchText(Promise.resolve(new Response("gone", { status: 404 })), 100, () => seen.push("404"));
    expect(missing).toEqual({ kind: "status", status: 404 });
    expect(seen).toEqual(["2"]);
  });

  it("stops at the limit, whether the length is declared or not", async () => {
    const declared = new Response("x".repeat(50), { headers: { "content-length": "50" } });
    expect(await fetchText(Promise.resolve(declared), 40)).toEqual({ kind: "too big" });
    let pulled = 0;
    const endless = new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(16));
        },
      }),
    );
    expect(await fetchText(Promise.resolve(endless), 100)).toEqual({ kind: "too big" });
    // It read no further than the limit, give or take a piece.
    expect(pulled).toBeLessThanOrEqual(8);
  });

  it("tells a timeout from a connection that failed, while asking or while reading", async () => {
    const timeout = new DOMException("The operation timed out.", "TimeoutError");
    expect(await fetchText(Promise.reject(timeout), 100)).toEqual({ kind: "timeout" });
    expect(await fetchText(Promise.reject(new TypeError("Failed to fetch")), 100)).toEqual({ kind: "network" });
    const broken = (cause: unknown) =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array([123]));
            controller.error(cause);
          },
        }),
      );
    expect(await fetchText(Promise.resolve(broken(timeout)), 100)).toEqual({ kind: "timeout" });
    expect(await fetchText(Promise.resolve(broken(new TypeError("network error"))), 100)).toEqual({ kind: "network" });
  });
});

describe("mayBeLarge", () => {
  it("is true without a declared length and from 100 kB up", () => {
    expect(mayBeLarge(streamed([]))).toBe(true);
    expect(mayBeLarge(new Response("", { headers: { "content-length": "99999" } }))).toBe(false);
    expect(mayBeLarge(new Response("", { headers: { "content-length": "100000" } }))).toBe(true);
  });
});
