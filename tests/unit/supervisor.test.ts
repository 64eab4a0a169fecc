/**
 * The layout supervisor without a browser: a small graph settles before the
 * first frame with no worker at all; a drag then starts the worker from the
 * settled positions, cold; a larger graph goes to the worker from the start.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildGraph, graphKey, type EntenteGraph } from "../../src/core/graph";
import { LayoutRun } from "../../src/layout/run";
import type { ToWorker } from "../../src/layout/protocol";
import { LayoutSupervisor, seedSpiral, SETTLE_UP_FRONT, settlesUpFront, type SupervisorOptions } from "../../src/layout/supervisor";
import { bundledJson, valid } from "./fixtures";

/** Records what the supervisor posts; never runs anything. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: ToWorker[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(readonly url: URL) {
    FakeWorker.made.push(this);
  }
  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal("Worker", FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

const radius = () => 6;
const schedule = (callback: () => void) => callback();

function article(): EntenteGraph {
  return buildGraph(valid(bundledJson()), "en");
}

/** What the worker would compute from the same start: the graph's own order, radii and links. */
function workerResult(graph: EntenteGraph): number[] {
  const order = graph.nodes();
  const index = new Map(order.map((node, i) => [node, i]));
  const links = new Uint32Array(graph.size * 2);
  const signs = new Int8Array(graph.size);
  let i = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    links[2 * i] = index.get(source)!;
    links[2 * i + 1] = index.get(target)!;
    signs[i] = attributes.sign;
    i += 1;
  });
  const run = new LayoutRun({ radii: new Float32Array(order.length).fill(6), positions: new Float32Array(order.length * 2).fill(Number.NaN), links, signs });
  run.step(Infinity, () => 0);
  return Array.from(run.positions());
}

/** The article settled up front, started, and Russia being dragged: its worker has just been made. */
function dragging(options: Partial<SupervisorOptions> = {}): { graph: EntenteGraph; layout: LayoutSupervisor; worker: FakeWorker } {
  const graph = article();
  const layout = new LayoutSupervisor(graph, { radius, schedule, settleUpFront: true, ...options });
  layout.start();
  layout.pin(graphKey("russia"), 0, 0);
  return { graph, layout, worker: FakeWorker.made[0]! };
}

const positionsOf = (graph: EntenteGraph) => graph.nodes().flatMap((node) => [graph.getNodeAttribute(node, "x"), graph.getNodeAttribute(node, "y")]);

describe("settling up front", () => {
  it("is for graphs of at most 40 actors and 160 relations", () => {
    expect(SETTLE_UP_FRONT).toEqual({ actors: 40, relations: 160 });
    expect(settlesUpFront(13, 20)).toBe(true);
    expect(settlesUpFront(40, 160)).toBe(true);
    expect(settlesUpFront(41, 10)).toBe(false);
    expect(settlesUpFront(10, 161)).toBe(false);
  });

  it("places the article's actors where the worker would have settled them, with no worker", () => {
    const graph = article();
    const expected = workerResult(article());
    const settled = vi.fn();
    const layout = new LayoutSupervisor(graph, { radius, schedule, settleUpFront: true, onSettled: settled });
    expect(FakeWorker.made).toEqual([]);
    expect(positionsOf(graph)).toEqual(expected);
    // start() has nothing left to do but say so.
    layout.start();
    expect(settled).toHaveBeenCalledTimes(1);
    expect(layout.isRunning()).toBe(false);
    expect(FakeWorker.made).toEqual([]);
  });

  it("starts the worker on the first drag, from the settled positions and cold, then pins the dragged actor", () => {
    const graph = article();
    const layout = new LayoutSupervisor(graph, { radius, schedule, settleUpFront: true });
    layout.start();
    const at = positionsOf(graph);
    layout.pin(graphKey("russia"), 12, -30);
    expect(FakeWorker.made).toHaveLength(1);
    expect(layout.isRunning()).toBe(true);
    const [start, pin] = FakeWorker.made[0]!.posted;
    if (start?.type !== "start") throw new Error("the worker was not started first");
    expect(start.alpha).toBe(0);
    expect(Array.from(start.positions!)).toEqual(at.map(Math.fround));
    expect(start.links.length).toBe(graph.size * 2);
    expect(pin).toEqual({ type: "pin", index: graph.nodes().indexOf(graphKey("russia")), x: 12, y: -30 });
    // Later drags reuse the same worker.
    layout.pin(graphKey("turkey"), 1, 2);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.posted.at(-1)).toMatchObject({ type: "pin", x: 1, y: 2 });
  });

  it("applies the worker's positions after a drag and says when it has settled again", () => {
    const settled = vi.fn();
    const { graph, layout, worker } = dragging({ onSettled: settled });
    const positions = new Float32Array(graph.order * 2).fill(5);
    worker.onmessage!({ data: { type: "positions", positions, alpha: 0, settled: true } } as MessageEvent);
    expect(graph.getNodeAttribute(graphKey("nato"), "x")).toBe(5);
    expect(settled).toHaveBeenCalledTimes(2);
    expect(layout.isRunning()).toBe(false);
  });

  it("starts a new worker on the next drag when the last one failed", () => {
    const failed = vi.fn();
    const { layout, worker } = dragging({ onError: failed });
    worker.onerror!({ message: "could not load" } as ErrorEvent);
    expect(failed).toHaveBeenCalledWith("could not load");
    expect(layout.isRunning()).toBe(false);
    layout.pin(graphKey("russia"), 5, 5);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]!.posted.map((m) => m.type)).toEqual(["start", "pin"]);
  });

  it("does not start a worker for a drag after it was killed", () => {
    const graph = article();
    const layout = new LayoutSupervisor(graph, { radius, schedule, settleUpFront: true });
    layout.start();
    layout.kill();
    layout.pin(graphKey("russia"), 0, 0);
    expect(FakeWorker.made).toEqual([]);
  });
});

describe("laying out in the worker", () => {
  it("creates the worker when started and sends it the spiral's unplaced actors, hot", () => {
    const graph = article();
    const layout = new LayoutSupervisor(graph, { radius, schedule });
    // Nothing can fail, and nothing is reported, before start().
    expect(FakeWorker.made).toHaveLength(0);
    // The first frame shows d3-force's starting spiral, not every actor on one point.
    expect(new Set(positionsOf(graph).map(String)).size).toBeGreaterThan(graph.order);
    layout.start();
    expect(FakeWorker.made).toHaveLength(1);
    const [start] = FakeWorker.made[0]!.posted;
    if (start?.type !== "start") throw new Error("no start message");
    expect(start.alpha).toBeUndefined();
    expect(Array.from(start.positions!).every(Number.isNaN)).toBe(true);
    expect(layout.isRunning()).toBe(true);
  });

  it("says the settled positions are coming just before it writes them, and that they settled just after, once", () => {
    const graph = article();
    const told: string[] = [];
    const x = () => graph.getNodeAttribute(graphKey("nato"), "x");
    const layout = new LayoutSupervisor(graph, {
      radius,
      schedule,
      onSettling: () => told.push(`settling at ${x()}`),
      onSettled: () => told.push(`settled at ${x()}`),
    });
    layout.start();
    const worker = FakeWorker.made[0]!;
    const post = (value: number, settled: boolean) =>
      worker.onmessage!({ data: { type: "positions", positions: new Float32Array(graph.order * 2).fill(value), alpha: 0.5, settled } } as MessageEvent);
    post(3, false);
    expect(told).toEqual([]);
    const before = x();
    post(8, true);
    expect(told).toEqual([`settling at ${before}`, "settled at 8"]);
    // Positions posted after it stopped (a late message) are written, but nothing settles twice.
    post(9, true);
    expect(x()).toBe(9);
    expect(told).toHaveLength(2);
  });
});

describe("the starting spiral", () => {
  /** A graph too large to settle up front: the article's actors and relations, and 60 more actors placed nowhere. */
  function larger(): EntenteGraph {
    const data = valid(bundledJson());
    const extra = Array.from({ length: 60 }, (_, i) => ({ ...data.actors[0]!, id: `extra-${i}` }));
    return buildGraph({ ...data, actors: [...data.actors, ...extra] }, "en");
  }

  it("is where the supervisor places the actors, whether seedSpiral or the supervisor does it", () => {
    const bySupervisor = larger();
    new LayoutSupervisor(bySupervisor, { radius, schedule });
    const bySeed = larger();
    seedSpiral(bySeed);
    expect(positionsOf(bySeed)).toEqual(positionsOf(bySupervisor));
    // Spread out, not on one point: the tenth actor is about 31 units out.
    const [x, y] = positionsOf(bySeed).slice(18, 20) as [number, number];
    expect(Math.hypot(x, y)).toBeCloseTo(10 * Math.sqrt(9.5), 10);
  });

  it("is left as it is when the graph comes seeded, and an actor placed by its file stays where it is", () => {
    const graph = larger();
    seedSpiral(graph);
    const moved = graph.nodes()[5]!;
    graph.setNodeAttribute(moved, "x", 1234);
    new LayoutSupervisor(graph, { radius, schedule, seeded: true });
    expect(graph.getNodeAttribute(moved, "x")).toBe(1234);

    const placed = larger();
    const first = placed.nodes()[0]!;
    placed.mergeNodeAttributes(first, { x: 7, y: 8, placed: true });
    seedSpiral(placed);
    expect([placed.getNodeAttribute(first, "x"), placed.getNodeAttribute(first, "y")]).toEqual([7, 8]);
  });
});
