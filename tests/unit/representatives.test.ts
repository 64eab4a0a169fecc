import { describe, expect, it } from "vitest";
import { pairRepresentatives, type PairedEdges } from "../../src/core/graph";

function edges(pairs: number[], strengths: number[]): PairedEdges {
  return { pairs: Int32Array.from(pairs), strengths: Float64Array.from(strengths), pairCount: Math.max(-1, ...pairs) + 1 };
}

describe("one drawn relation per pair", () => {
  it("draws the strongest relation of each pair, the first of equals", () => {
    const e = edges([0, 0, 1, 0, 1, 2], [1, 5, 2, 5, 2, 1]);
    expect([...pairRepresentatives(e, () => true)]).toEqual([0, 1, 1, 0, 0, 1]);
  });

  it("chooses among the relations the filters show", () => {
    const e = edges([0, 0, 0], [1, 9, 3]);
    expect([...pairRepresentatives(e, (i) => i !== 1)]).toEqual([0, 0, 1]);
  });

  it("still draws a pair with nothing shown once, by its strongest relation (drawn faded)", () => {
    const e = edges([0, 0, 1], [1, 4, 1]);
    expect([...pairRepresentatives(e, (i) => i === 2)]).toEqual([0, 1, 1]);
  });

  it("draws exactly one relation per pair", () => {
    const pairs = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 97);
    const strengths = pairs.map((_, i) => (i * 31) % 5);
    const drawn = pairRepresentatives(edges(pairs, strengths), (i) => i % 3 !== 0);
    const perPair = new Map<number, number>();
    drawn.forEach((flag, i) => flag && perPair.set(pairs[i]!, (perPair.get(pairs[i]!) ?? 0) + 1));
    expect(perPair.size).toBe(97);
    expect([...perPair.values()].every((n) => n === 1)).toBe(true);
  });

  it("handles no edges", () => {
    expect(pairRepresentatives(edges([], []), () => true)).toHaveLength(0);
  });
});
