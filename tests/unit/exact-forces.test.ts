/** The small graphs' exact forces give what d3-force's own give, pair for pair. */
import { forceCollide, forceManyBody, forceSimulation, type SimulationNodeDatum } from "d3-force";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/core/random";
import { forceCollideExact, forceManyBodyExact } from "../../src/layout/exact-forces";
import { createSimulation, EXACT_FORCES_UP_TO, settle, type LayoutNode } from "../../src/layout/forces";

interface Disc extends SimulationNodeDatum {
  r: number;
}

/** `count` discs scattered over a square of `side`, moving a little, from a fixed seed. */
function scatter(count: number, side: number, seed = 7): Disc[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => ({
    index,
    x: random() * side,
    y: random() * side,
    vx: random() - 0.5,
    vy: random() - 0.5,
    r: 4 + random() * 10,
  }));
}

/** Each disc's velocity after one application of `force` at `alpha`. */
function velocities(discs: Disc[], force: Parameters<ReturnType<typeof forceSimulation<Disc>>["force"]>[1], alpha = 0.8): number[] {
  const copy = discs.map((d) => ({ ...d }));
  const simulation = forceSimulation(copy).stop().randomSource(seededRandom(1));
  simulation.force("f", force!);
  simulation.force<NonNullable<typeof force>>("f")!(alpha);
  return copy.flatMap((d) => [d.vx!, d.vy!]);
}

function expectClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value, `component ${i}`).toBeCloseTo(expected[i]!, 9));
}

describe("forceManyBodyExact", () => {
  it("pushes every disc as d3's charge does when it approximates nothing (theta 0)", () => {
    const discs = scatter(40, 500);
    expectClose(velocities(discs, forceManyBodyExact<Disc>(-320)), velocities(discs, forceManyBody<Disc>().strength(-320).theta(0)));
  });

  it("attracts with a positive strength, in proportion to alpha", () => {
    const discs: Disc[] = [
      { index: 0, x: 0, y: 0, vx: 0, vy: 0, r: 1 },
      { index: 1, x: 6, y: 8, vx: 0, vy: 0, r: 1 },
    ];
    // 30 × alpha / distance² × the offset: 30 × 0.5 / 100 × (6, 8).
    expectClose(velocities(discs, forceManyBodyExact<Disc>(30), 0.5), [0.9, 1.2, -0.9, -1.2]);
  });

  it("keeps the force finite for discs closer than one unit, as d3 does", () => {
    const discs: Disc[] = [
      { index: 0, x: 0, y: 0, vx: 0, vy: 0, r: 1 },
      { index: 1, x: 0.15, y: 0.2, vx: 0, vy: 0, r: 1 },
    ];
    expectClose(velocities(discs, forceManyBodyExact<Disc>(-30)), velocities(discs, forceManyBody<Disc>().strength(-30).theta(0)));
  });

  it("separates discs that sit on one point, with the simulation's seeded randomness", () => {
    const discs: Disc[] = [0, 1, 2].map((index) => ({ index, x: 5, y: 5, vx: 0, vy: 0, r: 1 }));
    const once = velocities(discs, forceManyBodyExact<Disc>(-30));
    expect(once.every(Number.isFinite)).toBe(true);
    expect(once.some((v) => v !== 0)).toBe(true);
    expect(velocities(discs, forceManyBodyExact<Disc>(-30))).toEqual(once);
  });
});

describe("forceCollideExact", () => {
  it("pushes overlapping discs apart as d3's collision force does", () => {
    // Sparse enough that each overlap involves two discs only: the order pairs are visited in does not matter then.
    const discs = scatter(30, 1200, 11);
    const d3Result = velocities(discs, forceCollide<Disc>((d) => d.r));
    expect(d3Result).not.toEqual(discs.flatMap((d) => [d.vx, d.vy]));
    expectClose(velocities(discs, forceCollideExact<Disc>((d) => d.r)), d3Result);
  });

  it("moves the smaller of two overlapping discs the more, and leaves apart discs alone", () => {
    const discs: Disc[] = [
      { index: 0, x: 0, y: 0, vx: 0, vy: 0, r: 10 },
      { index: 1, x: 7.2, y: 9.6, vx: 0, vy: 0, r: 5 },
      { index: 2, x: 100, y: 100, vx: 0, vy: 0, r: 5 },
    ];
    // 12 apart, 15 wanted: each is pushed along the line between them by (15 - 12) / 12 of it,
    // the small disc taking 100 / 125 of the push, the big one 25 / 125; the third is not touched.
    expectClose(velocities(discs, forceCollideExact<Disc>((d) => d.r)), [-0.36, -0.48, 1.44, 1.92, 0, 0]);
  });
});

describe("createSimulation's choice of forces", () => {
  it("sums every pair up to the limit and uses d3's quadtrees past it; both lay out apart and finite", () => {
    for (const count of [EXACT_FORCES_UP_TO, EXACT_FORCES_UP_TO + 1]) {
      const nodes: LayoutNode[] = Array.from({ length: count }, (_, index) => ({ index, radius: 6 }));
      const simulation = createSimulation(nodes, []);
      // d3's own forces have settings (theta, iterations) that the exact ones do not.
      const exact = count <= EXACT_FORCES_UP_TO;
      expect(typeof (simulation.force("charge") as { theta?: unknown }).theta, `${count} actors`).toBe(exact ? "undefined" : "function");
      expect(typeof (simulation.force("collide") as { iterations?: unknown }).iterations, `${count} actors`).toBe(exact ? "undefined" : "function");
      settle(simulation, 40);
      expect(nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
      const spread = Math.max(...nodes.map((n) => n.x!)) - Math.min(...nodes.map((n) => n.x!));
      expect(spread, `${count} actors`).toBeGreaterThan(100);
    }
  });
});
