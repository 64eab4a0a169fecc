/** The force model and one layout run: seeded, deterministic, and shaped by the relations' signs. */
import { describe, expect, it } from "vitest";
import {
  createSimulation,
  DEFAULT_FORCE_SETTINGS,
  resolveForceSettings,
  seededRandom,
  settle,
  validateForceSettings,
  type ForceSettings,
  type LayoutLink,
  type LayoutNode,
  type LinkSign,
} from "../../src/layout/forces";
import type { LayoutInput } from "../../src/layout/protocol";
import { LayoutRun } from "../../src/layout/run";

type Point = [number, number];

function nodes(count: number, at?: Point): LayoutNode[] {
  return Array.from({ length: count }, (_, index) => (at ? { index, radius: 8, x: at[0], y: at[1] } : { index, radius: 8 }));
}

function links(...pairs: [number, number, LinkSign][]): LayoutLink[] {
  return pairs.map(([source, target, sign]) => ({ source, target, sign }));
}

function settled(count: number, linkList: LayoutLink[], settings: ForceSettings = DEFAULT_FORCE_SETTINGS, at?: Point): Point[] {
  const list = nodes(count, at);
  settle(createSimulation(list, linkList, settings));
  return list.map((n) => [n.x ?? NaN, n.y ?? NaN]);
}

function distance(a: Point | undefined, b: Point | undefined): number {
  if (!a || !b) throw new Error("missing point");
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** A clock that advances one millisecond each time it is read. */
function fakeClock(): () => number {
  let t = 0;
  return () => (t += 1);
}

function input(overrides: Partial<LayoutInput> = {}): LayoutInput {
  return {
    radii: new Float32Array([6, 6, 6, 6]),
    links: new Uint32Array([0, 1, 1, 2, 2, 3]),
    signs: new Int8Array([1, 0, -1]),
    ...overrides,
  };
}

describe("seededRandom", () => {
  it("gives the same sequence for the same seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(first);
  });

  it("computes the linear congruential step exactly", () => {
    expect(seededRandom(1)()).toBe(1015568748 / 4294967296);
  });

  it("gives a different sequence for a different seed", () => {
    const a = seededRandom(1);
    const b = seededRandom(2);
    expect(Array.from({ length: 5 }, a)).not.toEqual(Array.from({ length: 5 }, b));
  });

  it("stays within [0, 1)", () => {
    for (const seed of [0, 1, -1, 2 ** 32 - 1, 2 ** 40 + 3, 0.5, NaN, 20151126]) {
      const values = Array.from({ length: 5_000 }, seededRandom(seed));
      expect(Math.min(...values), `seed ${seed}`).toBeGreaterThanOrEqual(0);
      expect(Math.max(...values), `seed ${seed}`).toBeLessThan(1);
      expect(values.every(Number.isFinite)).toBe(true);
    }
  });

  it("treats seed 0 like seed 1 rather than getting stuck", () => {
    expect(Array.from({ length: 3 }, seededRandom(0))).toEqual(Array.from({ length: 3 }, seededRandom(1)));
    expect(new Set(Array.from({ length: 100 }, seededRandom(0))).size).toBe(100);
  });
});

describe("createSimulation and settle", () => {
  const pairLinks = (): LayoutLink[] => links([0, 1, 1], [2, 3, -1]);

  it("gives exactly the same positions for the same input", () => {
    expect(settled(4, links([0, 1, 1], [2, 3, -1], [1, 2, 0]))).toEqual(settled(4, links([0, 1, 1], [2, 3, -1], [1, 2, 0])));
    expect(settled(5, pairLinks(), DEFAULT_FORCE_SETTINGS, [0, 0])).toEqual(settled(5, pairLinks(), DEFAULT_FORCE_SETTINGS, [0, 0]));
  });

  it("gives different positions for a different seed when the seed is needed (nodes start together)", () => {
    const a = settled(4, pairLinks(), resolveForceSettings({ seed: 1 }), [0, 0]);
    const b = settled(4, pairLinks(), resolveForceSettings({ seed: 2 }), [0, 0]);
    expect(a).not.toEqual(b);
  });

  it("keeps a friendly pair closer than a hostile pair", () => {
    const positions = settled(4, pairLinks());
    const friendly = distance(positions[0], positions[1]);
    const hostile = distance(positions[2], positions[3]);
    expect(friendly).toBeLessThan(hostile);
    expect(hostile / friendly).toBeGreaterThan(2);
    // Near the springs' rest lengths (70 and 260), allowing for the other forces.
    expect(Math.abs(friendly - DEFAULT_FORCE_SETTINGS.distance["1"])).toBeLessThan(30);
    expect(Math.abs(hostile - DEFAULT_FORCE_SETTINGS.distance["-1"])).toBeLessThan(60);
  });

  it("orders neutral between friendly and hostile", () => {
    const positions = settled(6, links([0, 1, 1], [2, 3, 0], [4, 5, -1]));
    const [friendly, neutral, hostile] = [distance(positions[0], positions[1]), distance(positions[2], positions[3]), distance(positions[4], positions[5])];
    expect(friendly).toBeLessThan(neutral);
    expect(neutral).toBeLessThan(hostile);
  });

  it("ends with finite positions, even when every node starts at one point", () => {
    for (const at of [undefined, [0, 0] as Point, [1e6, -1e6] as Point]) {
      for (const [x, y] of settled(7, links([0, 1, 1], [1, 2, -1], [2, 0, 0], [3, 4, 1]), DEFAULT_FORCE_SETTINGS, at)) {
        expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      }
    }
  });

  it("settles a graph with no links, and an empty graph", () => {
    expect(settled(3, []).every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    expect(settled(0, [])).toEqual([]);
  });

  it("stops once cooled and returns the ticks it ran", () => {
    const simulation = createSimulation(nodes(4), pairLinks());
    const ticks = settle(simulation);
    // alpha falls by a factor (1 - alphaDecay) per tick, from 1 down below alphaMin.
    const expected = Math.ceil(Math.log(DEFAULT_FORCE_SETTINGS.alphaMin) / Math.log(1 - DEFAULT_FORCE_SETTINGS.alphaDecay));
    expect(Math.abs(ticks - expected)).toBeLessThanOrEqual(1);
    expect(simulation.alpha()).toBeLessThan(simulation.alphaMin());
    expect(settle(simulation)).toBe(0);
  });

  it("stops at maxTicks", () => {
    const simulation = createSimulation(nodes(4), pairLinks());
    expect(settle(simulation, 12)).toBe(12);
    expect(simulation.alpha()).toBeGreaterThan(simulation.alphaMin());
  });
});

describe("validateForceSettings and resolveForceSettings", () => {
  it("accepts the defaults", () => {
    expect(validateForceSettings(DEFAULT_FORCE_SETTINGS)).toEqual([]);
    expect(resolveForceSettings()).toEqual(DEFAULT_FORCE_SETTINGS);
  });

  it("merges a partial override over the defaults", () => {
    expect(resolveForceSettings({ seed: 7, charge: -100 })).toEqual({ ...DEFAULT_FORCE_SETTINGS, seed: 7, charge: -100 });
  });

  it.each<[Partial<ForceSettings>, string]>([
    [{ distance: { "1": 0, "0": 120, "-1": 260 } }, "distance.1 must be a positive number"],
    [{ distance: { "1": 70, "0": -5, "-1": 260 } }, "distance.0 must be a positive number"],
    [{ distance: { "1": 70, "0": 120, "-1": NaN } }, "distance.-1 must be a positive number"],
    [{ strength: { "1": 1.5, "0": 0.2, "-1": 0.3 } }, "strength.1 must be between 0 and 1"],
    [{ strength: { "1": 0.5, "0": -0.1, "-1": 0.3 } }, "strength.0 must be between 0 and 1"],
    [{ alphaMin: 0 }, "alphaMin must be between 0 and 1"],
    [{ alphaDecay: 1 }, "alphaDecay must be between 0 and 1"],
    [{ charge: Infinity }, "charge must be a number"],
    [{ gravity: -0.1 }, "gravity must be between 0 and 1"],
    [{ velocityDecay: 2 }, "velocityDecay must be between 0 and 1"],
    [{ collidePadding: -1 }, "collidePadding must be a number of at least 0"],
  ])("names the bad setting in %j", (partial, message) => {
    expect(validateForceSettings({ ...DEFAULT_FORCE_SETTINGS, ...partial })).toEqual([message]);
    expect(() => resolveForceSettings(partial)).toThrow(`entente/layout: ${message}`);
  });

  it("lists every bad setting, joined in one error", () => {
    const partial = { gravity: 5, charge: NaN };
    expect(validateForceSettings({ ...DEFAULT_FORCE_SETTINGS, ...partial })).toEqual([
      "charge must be a number",
      "gravity must be between 0 and 1",
    ]);
    expect(() => resolveForceSettings(partial)).toThrow(/^entente\/layout: charge must be a number; gravity must be between 0 and 1$/);
  });

  it("reports a missing distance or strength table instead of crashing on it", () => {
    const broken = { ...DEFAULT_FORCE_SETTINGS, distance: undefined, strength: undefined } as unknown as ForceSettings;
    expect(validateForceSettings(broken)).toEqual([
      "distance.1 must be a positive number",
      "strength.1 must be between 0 and 1",
      "distance.0 must be a positive number",
      "strength.0 must be between 0 and 1",
      "distance.-1 must be a positive number",
      "strength.-1 must be between 0 and 1",
    ]);
  });
});

describe("LayoutRun", () => {
  it("runs until the time budget is spent", () => {
    const run = new LayoutRun(input());
    expect(run.step(10, fakeClock())).toBe(10);
    expect(run.step(1, fakeClock())).toBe(1);
    expect(run.step(0, fakeClock())).toBe(1);
    expect(run.settled).toBe(false);
  });

  it("runs no more than maxTicks", () => {
    const run = new LayoutRun(input());
    expect(run.step(1_000, fakeClock(), 4)).toBe(4);
    expect(run.step(Infinity, () => 0, 25)).toBe(25);
    expect(run.step(Infinity, () => 0, 0)).toBe(0);
  });

  it("cools as it steps and runs to settled", () => {
    const run = new LayoutRun(input());
    expect(run.alpha).toBe(1);
    const first = run.step(Infinity, () => 0, 10);
    expect(first).toBe(10);
    expect(run.alpha).toBeLessThan(1);
    let total = first;
    for (let i = 0; i < 100 && !run.settled; i++) total += run.step(50, fakeClock());
    expect(run.settled).toBe(true);
    expect(total).toBe(settle(createSimulation(nodes(4), links([0, 1, 1], [1, 2, 0], [2, 3, -1]))));
    expect(run.step(50, fakeClock())).toBe(0);
  });

  it("matches createSimulation + settle exactly", () => {
    const run = new LayoutRun(input({ radii: new Float32Array([8, 8, 8, 8]) }));
    run.step(Infinity, () => 0);
    const expected = settled(4, links([0, 1, 1], [1, 2, 0], [2, 3, -1]));
    expect(run.nodes.map((n) => [n.x, n.y])).toEqual(expected);
  });

  it("starts cold when told to: a layout settled elsewhere does not move until it is warmed", () => {
    const run = new LayoutRun(input({ alpha: 0, positions: new Float32Array([0, 0, 50, 0, 100, 0, 150, 0]) }));
    expect(run.alpha).toBe(0);
    expect(run.settled).toBe(true);
    expect(run.step(Infinity, () => 0)).toBe(0);
    expect(Array.from(run.positions())).toEqual([0, 0, 50, 0, 100, 0, 150, 0]);
    run.reheat(0.12);
    expect(run.step(Infinity, () => 0, 5)).toBe(5);
    expect(Array.from(run.positions())).not.toEqual([0, 0, 50, 0, 100, 0, 150, 0]);
  });

  it("ignores a starting heat outside 0..1", () => {
    for (const alpha of [-1, 2, Number.NaN]) expect(new LayoutRun(input({ alpha })).alpha).toBe(1);
  });

  it("packs positions as x0, y0, x1, y1… in a fresh buffer", () => {
    const run = new LayoutRun(input());
    run.step(Infinity, () => 0, 30);
    const packed = run.positions();
    expect(packed).toBeInstanceOf(Float32Array);
    expect(packed.length).toBe(8);
    expect(Array.from(packed)).toEqual(run.nodes.flatMap((n) => [Math.fround(n.x ?? NaN), Math.fround(n.y ?? NaN)]));
    expect(run.positions()).not.toBe(packed);
  });

  it("starts from the positions it is given, and places the others itself", () => {
    const run = new LayoutRun(input({ positions: new Float32Array([10, 20, NaN, NaN, -5, 7, Infinity, 0]) }));
    expect(run.nodes.map((n) => [n.x, n.y])).toEqual([
      [10, 20],
      [run.nodes[1]?.x, run.nodes[1]?.y],
      [-5, 7],
      [run.nodes[3]?.x, run.nodes[3]?.y],
    ]);
    expect(Array.from(run.positions().subarray(0, 2))).toEqual([10, 20]);
    expect(run.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
  });

  it("keeps a pinned node where it was dropped while the others move", () => {
    const run = new LayoutRun(input());
    run.step(Infinity, () => 0);
    expect(run.settled).toBe(true);
    const before = Array.from(run.positions());
    run.pin(1, 300, -40);
    expect(run.settled).toBe(false);
    expect(run.alpha).toBeCloseTo(0.12, 10);
    run.step(Infinity, () => 0, 40);
    const after = run.positions();
    expect([after[2], after[3]]).toEqual([300, -40]);
    expect([run.nodes[1]?.fx, run.nodes[1]?.fy]).toEqual([300, -40]);
    expect(Array.from(after.subarray(0, 2))).not.toEqual(before.slice(0, 2));
    run.step(Infinity, () => 0);
    expect(Array.from(run.positions().subarray(2, 4))).toEqual([300, -40]);
  });

  it("lets a released node move again", () => {
    const run = new LayoutRun(input());
    run.pin(0, 500, 500);
    run.step(Infinity, () => 0);
    run.release(0);
    expect([run.nodes[0]?.fx, run.nodes[0]?.fy]).toEqual([null, null]);
    run.step(Infinity, () => 0);
    expect([run.nodes[0]?.x, run.nodes[0]?.y]).not.toEqual([500, 500]);
  });

  it("ignores pins and releases of nodes that do not exist", () => {
    const run = new LayoutRun(input());
    run.step(Infinity, () => 0);
    const before = Array.from(run.positions());
    run.pin(9, 1, 1);
    run.pin(-1, 1, 1);
    run.release(42);
    expect(run.settled).toBe(true);
    expect(Array.from(run.positions())).toEqual(before);
  });

  it("reheats only upwards", () => {
    const run = new LayoutRun(input());
    run.step(Infinity, () => 0, 200);
    const alpha = run.alpha;
    run.reheat(alpha / 2);
    expect(run.alpha).toBe(alpha);
    run.reheat(0.5);
    expect(run.alpha).toBe(0.5);
  });

  it("ignores links with out-of-range indices, self links and links without a sign's pair", () => {
    const clean = new LayoutRun(input());
    const noisy = new LayoutRun(
      input({
        links: new Uint32Array([0, 1, 1, 2, 2, 3, 0, 4, 7, 1, 2, 2, 3, 3]),
        signs: new Int8Array([1, 0, -1, 1, -1, 1, 1, 0]),
      }),
    );
    clean.step(Infinity, () => 0);
    noisy.step(Infinity, () => 0);
    expect(Array.from(noisy.positions())).toEqual(Array.from(clean.positions()));
  });

  it("lays out a single node and no node at all", () => {
    const one = new LayoutRun({ radii: new Float32Array([5]), links: new Uint32Array(), signs: new Int8Array() });
    one.step(Infinity, () => 0);
    expect(Array.from(one.positions()).every(Number.isFinite)).toBe(true);
    const none = new LayoutRun({ radii: new Float32Array(), links: new Uint32Array(), signs: new Int8Array() });
    expect(none.step(Infinity, () => 0, 5)).toBe(5);
    expect(none.positions().length).toBe(0);
  });

  it("rejects bad settings with the module prefix", () => {
    expect(() => new LayoutRun(input({ settings: { alphaDecay: 0 } }))).toThrow(/^entente\/layout: alphaDecay must be between 0 and 1$/);
  });
});
