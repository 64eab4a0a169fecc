/** The view as URL parameters: parsing never throws, bad values become notices. */
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/i18n";
import type { Problem } from "../../src/core/problems";
import { parseView, resolveHttpUrl, withParam } from "../../src/core/view";
import { datasetAddress } from "../../src/core/view/query";

/** The lang and data parameters of a parsed view, with their notices: what these tests look at. */
function parseViewParams(search: string, base: string): { params: { lang?: Lang; data?: string }; notices: Problem[] } {
  const { view, notices } = parseView(search, base);
  const params: { lang?: Lang; data?: string } = {};
  if (view.lang !== null) params.lang = view.lang;
  if (view.data !== null) params.data = view.data;
  return { params, notices: notices.filter((n) => n.path === "lang" || n.path === "data") };
}

const BASE = "https://entente.example/app/index.html?lang=fa#top";

describe("parseViewParams: lang", () => {
  it.each([["fa"], ["en"]] as const)("takes lang=%s", (lang) => {
    expect(parseViewParams(`?lang=${lang}`, BASE)).toEqual({ params: { lang }, notices: [] });
  });

  it("takes the search with or without its question mark", () => {
    expect(parseViewParams("lang=en", BASE)).toEqual({ params: { lang: "en" }, notices: [] });
  });

  it.each([["de"], ["FA"], ["fa-IR"], [""], ["__proto__"]])("drops lang=%j with a notice", (lang) => {
    expect(parseViewParams(`?lang=${encodeURIComponent(lang)}`, BASE)).toEqual({
      params: {},
      notices: [{ path: "lang", message: `unknown language "${lang}": use fa or en`, severity: "warning" }],
    });
  });

  it("takes the first of repeated lang parameters", () => {
    expect(parseViewParams("?lang=fa&lang=en", BASE).params).toEqual({ lang: "fa" });
  });

  it("gives nothing and no notice for an empty search", () => {
    expect(parseViewParams("", BASE)).toEqual({ params: {}, notices: [] });
    expect(parseViewParams("?", BASE)).toEqual({ params: {}, notices: [] });
    expect(parseViewParams("?other=1", BASE)).toEqual({ params: {}, notices: [] });
  });
});

describe("parseViewParams: data", () => {
  it.each([
    ["https://example.org/data/d.json", "https://example.org/data/d.json"],
    ["http://example.org/d.json?x=1", "http://example.org/d.json?x=1"],
    ["HTTPS://Example.ORG/d.json", "https://example.org/d.json"],
  ])("takes the absolute address %s", (data, expected) => {
    expect(parseViewParams(`?data=${encodeURIComponent(data)}`, BASE)).toEqual({ params: { data: expected }, notices: [] });
  });

  it.each([
    ["d.json", "https://entente.example/app/d.json"],
    ["../data/d.json", "https://entente.example/data/d.json"],
    ["/d.json", "https://entente.example/d.json"],
    ["//other.example/d.json", "https://other.example/d.json"],
  ])("resolves the relative address %s against the page", (data, expected) => {
    expect(parseViewParams(`?data=${encodeURIComponent(data)}`, BASE).params.data).toBe(expected);
  });

  it.each([["javascript:alert(1)"], ["data:application/json,{}"], ["JavaScript:alert(1)"], ["file:///etc/passwd"], ["blob:https://x/1"], ["http://[::1"]])(
    "rejects %s with a notice",
    (data) => {
      expect(parseViewParams(`?data=${encodeURIComponent(data)}`, BASE)).toEqual({
        params: {},
        notices: [{ path: "data", message: `"${data}" is not an http or https address`, severity: "warning" }],
      });
    },
  );

  it("ignores an empty data parameter", () => {
    expect(parseViewParams("?data=", BASE)).toEqual({ params: {}, notices: [] });
  });

  it("reports a bad lang and a bad data together, and keeps nothing of either", () => {
    const { params, notices } = parseViewParams("?lang=de&data=javascript:alert(1)", BASE);
    expect(params).toEqual({});
    expect(notices.map((n) => n.path)).toEqual(["lang", "data"]);
  });

  it("keeps a good lang next to a bad data", () => {
    const { params, notices } = parseViewParams("?lang=fa&data=data:,x", BASE);
    expect(params).toEqual({ lang: "fa" });
    expect(notices).toHaveLength(1);
  });
});

describe("never throws on garbage", () => {
  it("parses odd searches and bases", () => {
    const searches = ["?%", "?%%%&lang=%E0%A4", "?lang", "?=&=&&", "?data=%00", "?data=" + "a".repeat(100_000), "?\u0000\uFFFF", "#lang=fa"];
    const bases = [BASE, "not a url", "", "javascript:void(0)", "about:blank"];
    for (const search of searches) {
      for (const base of bases) {
        const { params, notices } = parseViewParams(search, base);
        expect(typeof params).toBe("object");
        expect(Array.isArray(notices)).toBe(true);
      }
    }
  });

  it("rejects a relative address when there is no usable base", () => {
    expect(parseViewParams("?data=d.json", "not a url")).toEqual({
      params: {},
      notices: [{ path: "data", message: '"d.json" is not an http or https address', severity: "warning" }],
    });
  });
});

describe("resolveHttpUrl", () => {
  it("gives the full address for http and https", () => {
    expect(resolveHttpUrl("x.json", "http://a.example/b/c")).toBe("http://a.example/b/x.json");
    expect(resolveHttpUrl("https://a.example", BASE)).toBe("https://a.example/");
    expect(resolveHttpUrl("  https://a.example/x  ", BASE)).toBe("https://a.example/x");
  });

  it("gives undefined for other schemes and for garbage", () => {
    for (const value of ["javascript:alert(1)", "data:,x", "mailto:a@b.c", "ws://a.example", "http://", "https://exa mple.org"]) {
      expect(resolveHttpUrl(value, BASE), value).toBeUndefined();
    }
    expect(resolveHttpUrl("x.json", "")).toBeUndefined();
    expect(resolveHttpUrl("x.json", "about:blank")).toBeUndefined();
  });
});

describe("withParam", () => {
  it("sets a parameter, keeping the others and the fragment", () => {
    expect(withParam("https://e.example/app/?data=x.json#g", "lang", "en")).toBe("https://e.example/app/?data=x.json&lang=en#g");
  });

  it("replaces a parameter that is there", () => {
    expect(withParam(BASE, "lang", "en")).toBe("https://entente.example/app/index.html?lang=en#top");
  });

  it("removes a parameter when the value is undefined", () => {
    expect(withParam(BASE, "lang", undefined)).toBe("https://entente.example/app/index.html#top");
    expect(withParam("https://e.example/?a=1", "missing", undefined)).toBe("https://e.example/?a=1");
  });

  it("encodes the value", () => {
    expect(withParam("https://e.example/", "data", "https://a.org/x y.json?q=1&r=2")).toBe(
      "https://e.example/?data=https%3A%2F%2Fa.org%2Fx+y.json%3Fq%3D1%26r%3D2",
    );
  });

  it("round-trips through parseViewParams", () => {
    const href = withParam(withParam(BASE, "lang", "en"), "data", "https://a.org/d.json");
    expect(parseViewParams(new URL(href).search, href)).toEqual({
      params: { lang: "en", data: "https://a.org/d.json" },
      notices: [],
    });
  });
});

describe("datasetAddress (read by the page's first script, to start the download early)", () => {
  it("reads the address exactly as parseView does, or nothing where parseView keeps none", () => {
    const searches = [
      "?data=d.json",
      "?lang=fa&data=..%2Fdata%2Fd.json",
      "?data=https%3A%2F%2Fa.org%2Fx+y.json%3Fq%3D1%26r%3D2",
      "?data=https://a.org/x.json?q=1",
      "?data=a%ZZb.json",
      "?data=javascript:alert(1)",
      "?data=",
      "?data",
      "?data=one.json&data=two.json",
      "?lang=en",
      "",
    ];
    for (const search of searches) {
      for (const base of [BASE, "not a url"]) {
        expect(datasetAddress(search, base), `${search} on ${base}`).toBe(parseView(search, base).view.data ?? undefined);
      }
    }
    expect(datasetAddress("?data=d.json", BASE)).toBe("https://entente.example/app/d.json");
    expect(datasetAddress("?data=one.json&data=two.json", BASE)).toBe("https://entente.example/app/one.json");
  });
});
