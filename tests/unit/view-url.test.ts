/** The whole view in the URL: parse (syntax only), reconcile (against a dataset), serialise, round trip. */
import { describe, expect, it } from "vitest";
import { lookup, validateDataset, type Dataset } from "../../src/core/dataset";
import { DEFAULT_VIEW, parseView, reconcileView, serializeView, type ViewState } from "../../src/core/view";
import { actor, bundledJson, datasetWith, relation, relationType } from "./fixtures";

const BASE = "https://entente.example/app/index.html?lang=fa#top";
const view = (changes: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...changes });
const parse = (search: string) => parseView(search, BASE);
const notice = (path: string, message: string) => ({ path, message, severity: "warning" });

describe("parseView", () => {
  it("gives the default view for an empty search, and ignores unknown parameters", () => {
    for (const search of ["", "?", "?utm_source=x&utm_medium=y", "?&&"]) {
      expect(parse(search)).toEqual({ view: DEFAULT_VIEW, notices: [] });
    }
  });

  describe("types", () => {
    it("takes a comma-separated list, trimmed, without duplicates, in order", () => {
      expect(parse("?types=tension,cooperation").view.types).toEqual(["tension", "cooperation"]);
      expect(parse("?types=%20a%20,,b,a,+b+").view.types).toEqual(["a", "b"]);
      expect(parse("?types=%D8%AA%D9%86%D8%B4").view.types).toEqual(["تنش"]);
    });

    it("reads an empty value as no type at all, and an absent one as every type", () => {
      expect(parse("?types=")).toEqual({ view: view({ types: [] }), notices: [] });
      expect(parse("?types").view.types).toEqual([]);
      expect(parse("?types=,%20,").view.types).toEqual([]);
      expect(parse("?lang=en").view.types).toBeNull();
    });

    it("keeps an encoded comma inside an id", () => {
      expect(parse("?types=a%2Cb,c").view.types).toEqual(["a,b", "c"]);
    });
  });

  describe("kinds", () => {
    it("takes known kinds", () => {
      expect(parse("?kinds=state,armed-group,state")).toEqual({ view: view({ kinds: ["state", "armed-group"] }), notices: [] });
      expect(parse("?kinds=").view.kinds).toEqual([]);
    });

    it("drops unknown kinds, one notice each", () => {
      expect(parse("?kinds=state,country,State")).toEqual({
        view: view({ kinds: ["state"] }),
        notices: [
          notice("kinds", 'unknown actor kind "country": use state, organization, person, armed-group, region'),
          notice("kinds", 'unknown actor kind "State": use state, organization, person, armed-group, region'),
        ],
      });
    });
  });

  describe("from and to", () => {
    it("takes calendar dates", () => {
      expect(parse("?from=2015-11-01&to=2016-02-29")).toEqual({ view: view({ from: "2015-11-01", to: "2016-02-29" }), notices: [] });
      expect(parse("?to=2015-11-26").view).toEqual(view({ to: "2015-11-26" }));
      expect(parse("?from=2015-11-26&to=2015-11-26").view).toEqual(view({ from: "2015-11-26", to: "2015-11-26" }));
    });

    it.each([["2015-02-30"], ["2015-13-01"], ["2015-1-5"], ["26/11/2015"], ["2015-11-26T00:00"], ["yesterday"], ["2015-02-29"]])(
      "drops from=%s with a notice",
      (value) => {
        expect(parse(`?from=${encodeURIComponent(value)}`)).toEqual({
          view: DEFAULT_VIEW,
          notices: [notice("from", `"${value}" is not a date written YYYY-MM-DD`)],
        });
      },
    );

    it("drops a bad to with its own notice and keeps a good from", () => {
      expect(parse("?from=2015-01-01&to=2015-00-10")).toEqual({
        view: view({ from: "2015-01-01" }),
        notices: [notice("to", '"2015-00-10" is not a date written YYYY-MM-DD')],
      });
    });

    it("swaps crossed bounds, with a notice", () => {
      expect(parse("?from=2015-12-01&to=2015-11-01")).toEqual({
        view: view({ from: "2015-11-01", to: "2015-12-01" }),
        notices: [notice("from", 'from "2015-12-01" is after to "2015-11-01": swapped them')],
      });
    });

    it("reads an empty bound as open", () => {
      expect(parse("?from=&to=")).toEqual({ view: DEFAULT_VIEW, notices: [] });
    });
  });

  describe("focus and depth", () => {
    it("takes a focus with depth 1 by default, or 2", () => {
      expect(parse("?focus=russia").view.focus).toEqual({ actor: "russia", depth: 1 });
      expect(parse("?focus=russia&depth=1").view.focus).toEqual({ actor: "russia", depth: 1 });
      expect(parse("?depth=2&focus=%D8%B1%D9%88%D8%B3%DB%8C%D9%87")).toEqual({
        view: view({ focus: { actor: "روسیه", depth: 2 } }),
        notices: [],
      });
    });

    it.each([["3"], ["0"], ["two"], [""], ["1.5"]])("falls back to depth 1 for depth=%j, with a notice", (depth) => {
      expect(parse(`?focus=russia&depth=${depth}`)).toEqual({
        view: view({ focus: { actor: "russia", depth: 1 } }),
        notices: [notice("depth", `depth "${depth}" must be 1 or 2`)],
      });
    });

    it("ignores depth without focus, silently", () => {
      expect(parse("?depth=2")).toEqual({ view: DEFAULT_VIEW, notices: [] });
      expect(parse("?depth=9&focus=")).toEqual({ view: DEFAULT_VIEW, notices: [] });
    });
  });

  describe("selected", () => {
    it("takes an id, provisionally as an actor", () => {
      expect(parse("?selected=france-russia-cooperation-is").view.selected).toEqual({ kind: "actor", id: "france-russia-cooperation-is" });
      expect(parse("?selected=__proto__").view.selected).toEqual({ kind: "actor", id: "__proto__" });
      expect(parse("?selected=").view.selected).toBeNull();
    });
  });

  describe("lang, data and hidden", () => {
    it("takes fa and en, and gives the exact notice for anything else", () => {
      expect(parse("?lang=en").view.lang).toBe("en");
      expect(parse("?lang=xx")).toEqual({ view: DEFAULT_VIEW, notices: [notice("lang", 'unknown language "xx": use fa or en')] });
    });

    it("resolves data against the base and refuses other schemes with the exact notice", () => {
      expect(parse("?data=d.json").view.data).toBe("https://entente.example/app/d.json");
      expect(parse("?data=https://a.org/x.json?q=1").view.data).toBe("https://a.org/x.json?q=1");
      expect(parse("?data=javascript%3Aalert(1)")).toEqual({
        view: DEFAULT_VIEW,
        notices: [notice("data", '"javascript:alert(1)" is not an http or https address')],
      });
      expect(parse("?data=").notices).toEqual([]);
    });

    it("takes hide and fade", () => {
      expect(parse("?hidden=fade").view.hidden).toBe("fade");
      expect(parse("?hidden=hide").view.hidden).toBe("hide");
      expect(parse("?hidden=blur")).toEqual({ view: DEFAULT_VIEW, notices: [notice("hidden", 'unknown hidden mode "blur": use hide or fade')] });
    });
  });

  it("takes the first of a repeated parameter", () => {
    expect(parse("?types=a&types=b&hidden=fade&hidden=x")).toEqual({ view: view({ types: ["a"], hidden: "fade" }), notices: [] });
  });

  it("reports notices in parameter order", () => {
    const { notices } = parse("?hidden=x&depth=9&focus=a&to=x&from=y&kinds=k&data=ftp://a&lang=de");
    expect(notices.map((n) => n.path)).toEqual(["lang", "data", "kinds", "from", "to", "depth", "hidden"]);
  });

  it("never throws on garbage", () => {
    const searches = ["?%", "?types=%E0%A4,%", "?kinds=%%,,", "?focus=%00&depth=%", "?from=%ZZ", "?\u0000\uFFFF=\uD800", "#types=a", "?=&=&&"];
    for (const search of searches) {
      for (const base of [BASE, "not a url", ""]) {
        const { view: parsed, notices } = parseView(search, base);
        expect(typeof parsed).toBe("object");
        expect(Array.isArray(notices)).toBe(true);
      }
    }
    expect(parse("?types=%,a%2").view.types).toEqual(["%", "a%2"]);
  });
});

describe("reconcileView", () => {
  const data = lookup(
    datasetWith({
      actors: [actor("a", "state"), actor("b", "person"), actor("__proto__", "region"), actor("shared", "state")],
      relationTypes: [relationType("ally"), relationType("war", -1)],
      relations: [relation("r1", "a", "b", "ally"), relation("shared", "a", "__proto__", "war")],
    }) as Dataset,
  );

  it("keeps a view whose ids all exist, without notices", () => {
    const v = view({ types: ["war", "ally"], kinds: ["state"], focus: { actor: "__proto__", depth: 2 }, selected: { kind: "actor", id: "a" } });
    expect(reconcileView(v, data)).toEqual({ view: v, notices: [] });
  });

  it("drops unknown relation types, one notice each; an emptied list stays empty", () => {
    expect(reconcileView(view({ types: ["ally", "x", "constructor"] }), data)).toEqual({
      view: view({ types: ["ally"] }),
      notices: [notice("types", 'unknown relation type "x"'), notice("types", 'unknown relation type "constructor"')],
    });
    expect(reconcileView(view({ types: ["x"] }), data).view.types).toEqual([]);
  });

  it("drops a focus on an unknown actor", () => {
    expect(reconcileView(view({ focus: { actor: "r1", depth: 2 } }), data)).toEqual({
      view: DEFAULT_VIEW,
      notices: [notice("focus", 'unknown actor "r1"')],
    });
  });

  it("resolves a selected id to an actor, else a relation, else drops it", () => {
    const select = (id: string) => reconcileView(view({ selected: { kind: "actor", id } }), data);
    expect(select("b").view.selected).toEqual({ kind: "actor", id: "b" });
    expect(select("r1").view.selected).toEqual({ kind: "relation", id: "r1" });
    expect(select("shared").view.selected).toEqual({ kind: "actor", id: "shared" });
    expect(select("zz")).toEqual({ view: DEFAULT_VIEW, notices: [notice("selected", 'unknown actor or relation "zz"')] });
  });

  it("keeps an explicit relation selection even when an actor has the same id", () => {
    expect(reconcileView(view({ selected: { kind: "relation", id: "shared" } }), data).view.selected).toEqual({ kind: "relation", id: "shared" });
  });

  it("does not mutate its input", () => {
    const v = view({ types: ["x"], focus: { actor: "nobody", depth: 1 }, selected: { kind: "actor", id: "r1" } });
    const copy = structuredClone(v);
    const { view: next } = reconcileView(v, data);
    expect(v).toEqual(copy);
    expect(next).not.toBe(v);
  });

  it("works with the bundled dataset from a parsed URL", () => {
    const result = validateDataset(bundledJson());
    if (!result.ok) throw new Error("the bundled dataset is invalid");
    const parsed = parse("?types=tension,rivalry&focus=turkey&depth=2&selected=russia-turkey-tension-jet").view;
    expect(reconcileView(parsed, lookup(result.value))).toEqual({
      view: view({ types: ["tension"], focus: { actor: "turkey", depth: 2 }, selected: { kind: "relation", id: "russia-turkey-tension-jet" } }),
      notices: [notice("types", 'unknown relation type "rivalry"')],
    });
  });
});

describe("serializeView", () => {
  it("gives an empty string for the default view", () => {
    expect(serializeView(DEFAULT_VIEW)).toBe("");
    expect(serializeView(view({ focus: null, hidden: "hide" }))).toBe("");
  });

  it("writes every parameter in the fixed order, leaving defaults out", () => {
    const v = view({
      hidden: "fade",
      selected: { kind: "relation", id: "r1" },
      focus: { actor: "russia", depth: 2 },
      to: "2015-12-31",
      from: "2015-01-01",
      kinds: ["state", "person"],
      types: ["tension", "conflict"],
      data: "https://a.org/d.json",
      lang: "fa",
    });
    expect(serializeView(v)).toBe(
      "?lang=fa&data=https://a.org/d.json&types=tension,conflict&kinds=state,person&from=2015-01-01&to=2015-12-31&focus=russia&depth=2&selected=r1&hidden=fade",
    );
  });

  it("writes depth only when it is not 1, and an empty type list as types=", () => {
    expect(serializeView(view({ focus: { actor: "a", depth: 1 } }))).toBe("?focus=a");
    expect(serializeView(view({ types: [], kinds: [] }))).toBe("?types=&kinds=");
  });

  it("percent-encodes each id but keeps the commas between them plain", () => {
    expect(serializeView(view({ types: ["a,b", "x y", "تنش", "&=?#+%"] }))).toBe(
      "?types=a%2Cb,x%20y,%D8%AA%D9%86%D8%B4,%26%3D%3F%23%2B%25",
    );
  });

  it("encodes a data address's query so it stays one parameter", () => {
    expect(serializeView(view({ data: "https://a.org/d.json?x=1&y=2" }))).toBe("?data=https://a.org/d.json%3Fx%3D1%26y%3D2");
  });

  it("does not throw on a lone surrogate", () => {
    expect(serializeView(view({ selected: { kind: "actor", id: "a\uD800" } }))).toBe("?selected=a%EF%BF%BD");
  });
});

describe("round trip: parseView(serializeView(v)).view equals v", () => {
  const cases: [string, ViewState][] = [
    ["the default view", DEFAULT_VIEW],
    ["lang fa", view({ lang: "fa" })],
    ["lang en", view({ lang: "en" })],
    ["a dataset address", view({ data: "https://example.org/data/d.json" })],
    ["a dataset address with a query and fragment", view({ data: "http://example.org/d.json?a=1&b=x%20y#f" })],
    ["no type", view({ types: [] })],
    ["one type", view({ types: ["tension"] })],
    ["types in a chosen order", view({ types: ["conflict", "cooperation", "support"] })],
    ["Persian type ids", view({ types: ["تنش", "همکاری", "میانجی\u200cگری"] })],
    ["ids with spaces, commas and reserved characters", view({ types: ["a b", "c,d", "e&f=g", "h+i", "50%", "__proto__"] })],
    ["no kind", view({ kinds: [] })],
    ["some kinds", view({ kinds: ["armed-group", "state"] })],
    ["a from bound", view({ from: "2015-11-26" })],
    ["a to bound", view({ to: "2016-02-29" })],
    ["both bounds on one day", view({ from: "2015-11-26", to: "2015-11-26" })],
    ["a focus at depth 1", view({ focus: { actor: "russia", depth: 1 } })],
    ["a Persian focus at depth 2", view({ focus: { actor: "ولادیمیر پوتین", depth: 2 } })],
    ["a selected actor with a space", view({ selected: { kind: "actor", id: "Islamic State" } })],
    ["fade", view({ hidden: "fade" })],
    [
      "everything at once",
      view({
        lang: "fa",
        data: "https://a.org/d.json",
        types: ["tension", "دولت اسلامی"],
        kinds: ["state", "person", "organization", "region", "armed-group"],
        from: "2015-01-01",
        to: "2015-12-31",
        focus: { actor: "a,b", depth: 2 },
        selected: { kind: "actor", id: "x y" },
        hidden: "fade",
      }),
    ],
  ];

  it.each(cases)("%s", (_, v) => {
    const search = serializeView(v);
    expect(parseView(search, BASE)).toEqual({ view: v, notices: [] });
    // Written through a real URL too, as the app does with location.search.
    const url = new URL(BASE);
    url.search = search;
    expect(parseView(url.search, url.href).view).toEqual(v);
    expect(serializeView(parseView(search, BASE).view)).toBe(search);
  });

  it("a selected relation comes back as a relation once reconciled", () => {
    const data = lookup(
      datasetWith({ actors: [actor("a", "state"), actor("b", "state")], relationTypes: [relationType("ally")], relations: [relation("a b", "a", "b", "ally")] }) as Dataset,
    );
    const v = view({ selected: { kind: "relation", id: "a b" } });
    expect(reconcileView(parseView(serializeView(v), BASE).view, data).view).toEqual(v);
  });
});

describe("size and colour in the URL", () => {
  it("parses, serialises and round-trips them, leaving the defaults out", () => {
    const { view, notices } = parseView("?size=betweenness&color=community", "https://example.org/");
    expect(notices).toEqual([]);
    expect([view.size, view.color]).toEqual(["betweenness", "community"]);
    expect(serializeView(view)).toBe("?size=betweenness&color=community");
    expect(parseView(serializeView(view), "https://example.org/").view).toEqual(view);
    expect(serializeView({ ...view, size: "degree", color: "kind" })).toBe("");
  });

  it("ignores unknown values with a notice", () => {
    const { view, notices } = parseView("?size=huge&color=rainbow", "https://example.org/");
    expect([view.size, view.color]).toEqual(["degree", "kind"]);
    expect(notices.map((n) => [n.path, n.message])).toEqual([
      ["size", 'unknown size "huge": use degree, weighted or betweenness'],
      ["color", 'unknown colour "rainbow": use kind or community'],
    ]);
  });
});
