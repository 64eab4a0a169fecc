import { describe, expect, it } from "vitest";
import { lookup } from "../../src/core/dataset/lookup";
import { translator, type Lang } from "../../src/core/i18n";
import { KIND_COLORS } from "../../src/render/appearance";
import { communityName, nodeKey } from "../../src/ui/node-key";
import { actor, datasetWith, relation, relationType, valid } from "./fixtures";

function ctxFor(lang: Lang) {
  // A person, two states and an organisation, listed out of the legend's order.
  const dataset = valid(
    datasetWith({
      actors: [actor("p", "person"), actor("s1", "state"), actor("o", "organization"), actor("s2", "state")],
      relationTypes: [relationType("ally")],
      relations: [relation("r1", "s1", "s2", "ally")],
    }),
  );
  return { data: lookup(dataset), lang, t: translator(lang) };
}

describe("nodeKey", () => {
  it("keys the kinds' colours: each kind present once, in the legend's order, named in the page's language", () => {
    expect(nodeKey(ctxFor("en"), "kind", null)).toEqual([
      { color: KIND_COLORS.state, label: "State" },
      { color: KIND_COLORS.organization, label: "Organization" },
      { color: KIND_COLORS.person, label: "Person" },
    ]);
    expect(nodeKey(ctxFor("fa"), "kind", null).map((entry) => entry.label)).toEqual([
      translator("fa")("kind.state"),
      translator("fa")("kind.organization"),
      translator("fa")("kind.person"),
    ]);
  });

  it("keys the communities' colours when the colours are theirs, named by their first members, then the actors in none", () => {
    const groups = [
      { color: "#111111", members: ["Russia", "Syria", "Iran", "Hezbollah"] },
      { color: "#222222", members: ["France", "Turkey"] },
      { color: "#9a9a9a", members: ["Putin", "Hollande"], alone: true },
    ];
    expect(nodeKey(ctxFor("en"), "community", groups)).toEqual([
      { color: "#111111", label: "Russia, Syria, Iran…" },
      { color: "#222222", label: "France, Turkey" },
      { color: "#9a9a9a", label: "in no community", alone: true },
    ]);
    expect(nodeKey(ctxFor("fa"), "community", groups).at(-1)!.label).toBe(translator("fa")("legend.alone"));
    expect(nodeKey(ctxFor("en"), "community", null)).toEqual([]);
  });

  it("writes a community's name with the Persian comma for Persian readers", () => {
    const named = (members: string[], lang: Lang) => communityName({ color: "#000000", members }, { lang, t: translator(lang) });
    expect(named(["روسیه", "سوریه"], "fa")).toBe("روسیه، سوریه");
    expect(named(["a", "b", "c"], "en")).toBe("a, b, c");
    expect(named([], "en")).toBe("");
  });
});
