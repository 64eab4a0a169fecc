import { describe, expect, it } from "vitest";
import { pairRepresentatives, type PairedEdges } from "../../src/core/graph";

function edges(pairs: number[], strengths: number[]): PairedEdges {
  return { pairs: Int32Array.from(pairs), strengths: Float64Array.from(strengths), pairCount: Math.max(-1, ...pairs) + 1 };
}

describe("one drawn relation per pair", () => {
  it("draws the strongest relation of each pair, the first of equals", () => {
    const e = edges([0, 0, 1, 0, 1, 2], [1, 5, 2, 5, 2, 1]);
    expect([...pairRepresentatives(e, () => true)]).toEqual([1, 2, 5]);
  });

  it("chooses among the relations the filters show", () => {
    const e = edges([0, 0, 0], [1, 9, 3]);
    expect([...pairRepresentatives(e, (i) => i !== 1)]).toEqual([2]);
  });

  it("still draws a pair with nothing shown once, by its strongest relation (drawn faded)", () => {
    const e = edges([0, 0, 1], [1, 4, 1]);
    expect([...pairRepresentatives(e, (i) => i === 2)]).toEqual([1, 2]);
  });

  it("draws, for each pair, one of its own relations: the strongest shown", () => {
    const pairs = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 97);
    const strengths = pairs.map((_, i) => (i * 31) % 5);
    const shown = (i: number) => i % 3 !== 0;
    const drawn = pairRepresentatives(edges(pairs, strengths), shown);
    expect(drawn).toHaveLength(97);
    drawn.forEach((edge, pair) => {
      // Each pair's edge belongs to it and is the strongest of the pair's shown edges.
      expect(pairs[edge]).toBe(pair);
      expect(shown(edge)).toBe(true);
      const best = Math.max(...pairs.flatMap((p, i) => (p === pair && shown(i) ? [strengths[i]!] : [])));
      expect(strengths[edge]).toBe(best);
    });
  });

  it("handles no edges", () => {
    expect(pairRepresentatives(edges([], []), () => true)).toHaveLength(0);
  });

  it("gives -1 for a pair numbered but without edges", () => {
    const e: PairedEdges = { pairs: Int32Array.from([1]), strengths: Float64Array.from([1]), pairCount: 3 };
    expect([...pairRepresentatives(e, () => true)]).toEqual([-1, 0, -1]);
  });
});
