/** The dataset's lookups: what the panels ask of it, and nothing made before it is asked for. */
import { describe, expect, it } from "vitest";
import { lookup, type Dataset } from "../../src/core/dataset";
import { minimalDataset, relation, valid } from "./fixtures";

function dataset(): Dataset {
  const d = minimalDataset();
  d.relations = [relation("r1", "a", "b", "ally"), relation("r2", "c", "a", "attack"), relation("r3", "b", "b", "ally")];
  return valid(d);
}

describe("lookup", () => {
  it("finds actors, types and relations by id, and lists an actor's relations in dataset order, a self relation once", () => {
    const data = lookup(dataset());
    expect(data.actors.get("b")?.label).toEqual({ en: "Beta" });
    expect(data.types.get("attack")?.sign).toBe(-1);
    expect(data.relations.get("r2")?.source).toBe("c");
    expect(data.relations.size).toBe(3);
    expect(data.relationsOf("a").map((r) => r.id)).toEqual(["r1", "r2"]);
    expect(data.relationsOf("b").map((r) => r.id)).toEqual(["r1", "r3"]);
    expect(data.relationsOf("nobody")).toEqual([]);
  });

  it("keeps the last of two entries with one id, as a map built from the list does", () => {
    const d = dataset();
    const twin = { ...d.relations[0]!, type: "attack" };
    const data = lookup({ ...d, relations: [...d.relations, twin] });
    expect(data.relations.get("r1")?.type).toBe("attack");
    expect(data.relationsOf("a").map((r) => r.type)).toEqual(["ally", "attack", "attack"]);
  });

  it("reads the relations only when an index of them is first asked for, and once for each index", () => {
    const d = dataset();
    const relations = d.relations;
    let reads = 0;
    Object.defineProperty(d, "relations", {
      get: () => {
        reads += 1;
        return relations;
      },
    });
    const data = lookup(d);
    expect(data.actors.size).toBe(3);
    expect(reads).toBe(0);
    expect(data.relations.get("r3")?.target).toBe("b");
    expect(data.relations.has("r1")).toBe(true);
    expect(reads).toBe(1);
    expect(data.relationsOf("c").map((r) => r.id)).toEqual(["r2"]);
    expect(data.relationsOf("a")).toHaveLength(2);
    expect(reads).toBe(2);
    expect(data.relations).toBe(data.relations);
    expect(data.relationsOf("a")).toBe(data.relationsOf("a"));
    expect(reads).toBe(2);
  });
});
