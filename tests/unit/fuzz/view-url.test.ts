/**
 * The URL-state parser against any query string a link could carry: it never
 * throws, it gives a well-typed view, and what it writes back it reads back.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTOR_KINDS } from "../../../src/core/dataset/kinds";
import { parseView, serializeView, type ViewState } from "../../../src/core/view";
import { FC_OPTIONS, TEST_TIMEOUT, expectProblemsShape, nastyString, timed } from "./support";

const BASE = "https://entente.example/app/index.html";
const NAMES = ["lang", "data", "types", "kinds", "from", "to", "focus", "depth", "selected", "hidden", "size", "color", "embed", "theme"];

const value = fc.oneof(
  nastyString,
  fc.constantFrom("fa", "en", "state,person", "2015-11-26", "1", "2", "hide", "fade", "degree", "betweenness", "community", "https://example.org/d.json", "//evil.example/x", "javascript:alert(1)", "data:text/html,<script>1</script>", "a%2Cb,c", "%F0%9F%98%80", "%D8%AA"),
);

/** A query as a link might carry it: names known and not, values encoded, raw or half-encoded. */
const query = fc
  .array(
    fc.record({
      name: fc.oneof(fc.constantFrom(...NAMES), nastyString),
      value: fc.option(value, { nil: undefined }),
      encode: fc.constantFrom("component", "raw", "uri"),
    }),
    { maxLength: 12 },
  )
  .map((params) =>
    "?" +
    params
      .map(({ name, value, encode }) => {
        const write = (text: string) => {
          if (encode === "raw") return text;
          // encodeURIComponent throws on a lone surrogate; a hand-made link may hold one anyway, raw.
          try {
            return encode === "component" ? encodeURIComponent(text) : encodeURI(text);
          } catch {
            return text;
          }
        };
        return value === undefined ? write(name) : `${write(name)}=${write(value)}`;
      })
      .join("&"),
  );

function expectWellTyped(view: ViewState): void {
  expect(view.lang === null || view.lang === "fa" || view.lang === "en").toBe(true);
  if (view.data !== null) expect(new URL(view.data).protocol).toMatch(/^https?:$/);
  for (const list of [view.types, view.kinds]) {
    if (list === null) continue;
    expect(Array.isArray(list)).toBe(true);
    for (const item of list) expect(typeof item === "string" && item.trim() !== "" && item === item.trim()).toBe(true);
  }
  for (const kind of view.kinds ?? []) expect(ACTOR_KINDS).toContain(kind);
  for (const date of [view.from, view.to]) if (date !== null) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (view.from !== null && view.to !== null) expect(view.from <= view.to).toBe(true);
  if (view.focus !== null) expect([1, 2]).toContain(view.focus.depth);
  expect(["hide", "fade"]).toContain(view.hidden);
  expect(["degree", "weighted", "betweenness"]).toContain(view.size);
  expect(["kind", "community"]).toContain(view.color);
}

describe("fuzz: parseView / serializeView", { timeout: TEST_TIMEOUT }, () => {
  it("any string, as a search, gives a well-typed view and notices", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), nastyString, query), (search) => {
        const parsed = timed(() => parseView(search, BASE));
        expectWellTyped(parsed.view);
        expectProblemsShape(parsed.notices);
      }),
      FC_OPTIONS,
    );
  });

  it("a view written to the URL reads back as the same view, without notices", () => {
    fc.assert(
      fc.property(query, (search) => {
        const { view } = parseView(search, BASE);
        const written = serializeView(view);
        const again = parseView(written, BASE);
        expect(again.view).toEqual(view);
        expect(again.notices).toEqual([]);
        // Canonical: writing it again changes nothing.
        expect(serializeView(again.view)).toBe(written);
      }),
      FC_OPTIONS,
    );
  });

  it("the link is always writable, even for ids a browser cannot percent-encode", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { maxLength: 4 }), fc.string({ unit: "binary" }), (types, actor) => {
        const view = { ...parseView("", BASE).view, types, focus: { actor, depth: 1 as const } };
        const written = timed(() => serializeView(view));
        expect(() => new URL(`${BASE}${written}`)).not.toThrow();
      }),
      FC_OPTIONS,
    );
  });
});
